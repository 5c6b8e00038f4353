"""`reviewer-app`: the command line (see the CLI contract in the docs).

Exit codes: 0 success; 1 the work ran and something was refused or invalid; 2 bad usage
or an unusable data folder. With `--json`, standard output holds one JSON document and
nothing else; progress and messages go to standard error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from reviewer_app import APP_NAME, version
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


# The modules that register the commands, in the order `--help` lists them, each with
# the commands it registers (a test keeps the two in step). A command loads only its
# own module: a listing need not import the export's or the packets' code to start.
COMMANDS: dict[str, tuple[str, ...]] = {
    "evidence_cmds": ("import", "search", "check", "submissions"),
    "review_cmds": ("definitions", "score", "feedback", "blind-review", "audit"),
    "annotation_cmds": ("annotate", "annotations"),
    "credential_cmds": ("issuer", "export", "revoke", "verify"),
    "moderation_cmds": ("reviewers", "calibration", "adjudicate"),
    "settings_cmd": ("settings",),
    "packet_cmds": ("packet",),
    "demo_cmd": ("demo",),
    "backup_cmds": ("backup", "restore"),
    "team_cmds": ("team",),
    "grades_cmds": ("grades",),
}
_MODULE_OF = {command: module for module, commands in COMMANDS.items() for command in commands}


def _register(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    module = importlib.import_module(f"reviewer_app.cli.{name}")
    module.register(commands)
    if name == "credential_cmds":
        module.register_verify(commands)


class _NotPlain(Exception):
    """The arguments are not a plain command line for `_command_named`."""


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotPlain(message)


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The command the arguments name, read past the options before it; None when
    there is none or they say something else (help, the version, a mistake): the full
    parser then reads them and says what it always has."""
    options = _QuietParser(prog="reviewer-app", add_help=False)
    options.add_argument("--version", action="store_true")
    _global_options(options)
    try:
        known, rest = options.parse_known_args(argv)
    except _NotPlain:
        return None
    if known.version or not rest or rest[0] not in _MODULE_OF:
        return None
    return rest[0]


def _global_options(parser: argparse.ArgumentParser) -> None:
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, of that command alone."""
    parser = argparse.ArgumentParser(
        prog="reviewer-app",
        description=f"{APP_NAME}: score micro-credential evidence portfolios offline. "
        "With no command, opens the main window.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version")
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (_MODULE_OF[only],):
        _register(commands, name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_command_named(argv))
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
