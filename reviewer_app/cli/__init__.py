"""`reviewer-app`: the command line (see the CLI contract in the docs).

Exit codes: 0 success; 1 the work ran and something was refused or invalid; 2 bad usage
or an unusable data folder. With `--json`, standard output holds one JSON document and
nothing else; progress and messages go to standard error.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reviewer_app import APP_NAME, version
from reviewer_app.cli import (
    annotation_cmds,
    backup_cmds,
    credential_cmds,
    demo_cmd,
    evidence_cmds,
    grades_cmds,
    moderation_cmds,
    packet_cmds,
    review_cmds,
    settings_cmd,
    team_cmds,
)
from reviewer_app.errors import Cancelled, DataFolderError, UserError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
# Something the program did not expect: a bug, or a fault it does not know how to name.
EXIT_FAILED = 3
# Another process's write is said once per this many seconds, however many waits.
_WAIT_SAID_EVERY = 10.0


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
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a team database, postgresql://LOGIN@HOST:PORT/DBNAME (default: "
        "$REVIEWER_APP_DATABASE; without one, the data folder's own); the data folder is "
        "then this computer's cache and offline copy",
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="the team database password, on the file's first line (else PGPASSWORD, "
        "else PostgreSQL's password file)",
    )
    # For smoke tests of a packaged build: open the window, then quit after a moment.
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    evidence_cmds.register(commands)
    review_cmds.register(commands)
    annotation_cmds.register(commands)
    credential_cmds.register(commands)
    credential_cmds.register_verify(commands)
    moderation_cmds.register(commands)
    settings_cmd.register(commands)
    packet_cmds.register(commands)
    demo_cmd.register(commands)
    backup_cmds.register(commands)
    team_cmds.register(commands)
    grades_cmds.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from reviewer_app.cli.window_cmd import open_window

        return open_window(args)
    _say_waits()
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
    except Exception as e:  # the last resort: a sentence and the log, never a traceback
        from reviewer_app.storage.failures import server_refusal

        refusal = server_refusal(e)
        if refusal is not None:
            print(f"reviewer-app: {refusal}", file=sys.stderr)
            return EXIT_REFUSED
        return _unexpected(e, args)


def _say_waits() -> None:
    from reviewer_app.storage.waits import on_write_wait

    on_write_wait(_say_wait)


_last_said = [float("-inf")]


def _say_wait() -> None:
    now = time.monotonic()
    if now - _last_said[0] >= _WAIT_SAID_EVERY:
        _last_said[0] = now
        print(
            "reviewer-app: waiting for another Portfolio Reviewer to finish writing…",
            file=sys.stderr,
            flush=True,
        )


def _unexpected(error: Exception, args: argparse.Namespace) -> int:
    from reviewer_app import logs
    from reviewer_app.paths import default_data_dir
    from reviewer_app.storage.diskspace import disk_full, is_disk_full

    if is_disk_full(error):  # the world's fault, not a bug: no log, no restore advice
        print(f"reviewer-app: {disk_full(args.data_dir or default_data_dir())}", file=sys.stderr)
        return EXIT_REFUSED
    path = logs.setup()
    logging.getLogger("reviewer_app.cli").error("Unexpected error", exc_info=error)
    where = f"the details are in the log {path}" if path else "the log could not be written"
    print(
        f"reviewer-app: the command stopped on an error the program did not expect "
        f"({type(error).__name__}); {where}.",
        file=sys.stderr,
    )
    return EXIT_FAILED
