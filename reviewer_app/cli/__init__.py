"""`reviewer-app`: the command line (see the CLI contract in the docs).

Exit codes: 0 success; 1 the work ran and something was refused or invalid; 2 bad usage
or an unusable data folder. With `--json`, standard output holds one JSON document and
nothing else; progress and messages go to standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reviewer_app import APP_NAME, version
from reviewer_app.cli import (
    backup_cmds,
    credential_cmds,
    demo_cmd,
    evidence_cmds,
    moderation_cmds,
    packet_cmds,
    review_cmds,
    settings_cmd,
)
from reviewer_app.errors import Cancelled, DataFolderError, UserError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class _VersionAction(argparse.Action):
    """Reads the version only when asked: package metadata is slow to load."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"reviewer-app {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer-app",
        description=f"{APP_NAME}: score micro-credential evidence portfolios offline. "
        "With no command, opens the main window.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the folder that holds the database and evidence store "
        "(default: $REVIEWER_APP_DATA_DIR, else your user data folder)",
    )
    # For smoke tests of a packaged build: open the window, then quit after a moment.
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    evidence_cmds.register(commands)
    review_cmds.register(commands)
    credential_cmds.register(commands)
    credential_cmds.register_verify(commands)
    moderation_cmds.register(commands)
    settings_cmd.register(commands)
    packet_cmds.register(commands)
    demo_cmd.register(commands)
    backup_cmds.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from reviewer_app.cli.window_cmd import open_window

        return open_window(args)
    try:
        result: int = args.run(args)
        return result
    except DataFolderError as e:
        print(f"reviewer-app: {e}", file=sys.stderr)
        return EXIT_USAGE
    except UserError as e:
        print(f"reviewer-app: {e}", file=sys.stderr)
        return EXIT_REFUSED
    except Cancelled:
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("reviewer-app: interrupted; work finished so far is kept", file=sys.stderr)
        return 130
