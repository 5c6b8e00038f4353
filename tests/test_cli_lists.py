"""The command line's lists at a term's scale: rows streamed as read, in the layout the
whole-document printer gives them, and a data folder's start without the ORM."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import output


def _printed(write: Any, document: Any) -> str:
    buffer = io.StringIO()
    saved, sys.stdout = sys.stdout, buffer
    try:
        write(document)
    finally:
        sys.stdout = saved
    return buffer.getvalue()


ROWS: list[dict[str, Any]] = [
    {"id": "A-1", "name": "María José Núñez", "n": 1, "ok": True, "none": None},
    {"id": "B\u202e2", "name": 'line\nbreak "quoted" \\ tab\t', "n": -3, "ok": False},
    {"id": "C", "ratio": 0.25, "esc": "\x1b[2J\x85\u2066"},
    {"id": "D", "nested": {"a": [1, 2]}, "list": []},
    {},
]


def _table(rows: list[dict[str, Any]]) -> tuple[list[str], list[tuple[Any, ...]]]:
    fields = list(rows[0]) if rows else []
    return fields, [tuple(r.get(f) for f in fields) for r in rows]


class Word(str):  # a vocabulary word is a str subclass
    pass


@pytest.mark.parametrize("count", [0, 1, 5, 999, 1000, 1001, 2500])
def test_a_streamed_table_is_byte_for_byte_the_whole_document(count: int) -> None:
    fields = ["id", "name", "n", "ok", "none", "ratio", "esc", "nested", "empty", "word", "100%"]
    values: list[list[Any]] = [
        ["A-1", "María José Núñez", 1, True, None, 0.25, "", {"a": [1, 2]}, [], Word("pass"), 1],
        ["B\u202e2", 'line\nbreak "q" \\ tab\t', -3, False, None, float("inf"), "\x1b[2J\x85"],
        ["C", '},\n    {"x": 1}', 2**70, False, "", -0.0, "\u2066", None, "", "", None],
    ]
    values[1] += [[1], {}, Word("x"), "%s"]
    rows = [dict(zip(fields, [*values[n % 3][:-1], n], strict=True)) for n in range(count)]
    whole = _printed(output.print_json, rows)
    streamed = _printed(lambda r: output.stream_json_table(fields, r), iter(_table(rows)[1]))
    assert streamed == whole
    assert len(json.loads(streamed)) == count


def test_rows_without_fields_are_empty_objects() -> None:
    assert _printed(lambda r: output.stream_json_table([], r), iter([(), ()])) == _printed(
        output.print_json, [{}, {}]
    )


@pytest.mark.parametrize("command", [["submissions", "--json"], ["search", "plan", "--json"]])
def test_a_listing_command_loads_neither_the_orm_nor_the_models(
    tmp_path: Path, command: list[str]
) -> None:
    """`submissions` and `search` on a data folder read columns: the ORM and the models
    are for the commands that change things; other commands' modules stay unloaded."""
    program = (
        "import sys\n"
        "from reviewer_app.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'data')!r}, *{command!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith(('sqlalchemy.orm', 'alembic',"
        " 'reviewer_app.storage.models', 'reviewer_app.storage.team_blobs'))"
        " or m.startswith('reviewer_app.cli.') and not m.endswith(('.evidence_cmds', '.output'))]\n"
        "print(code, sorted(loaded), file=sys.stderr)\n"
    )
    for _ in range(2):  # the first opening creates the folder, the second reads it
        done = subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "[]\n"
        assert done.stderr.strip() == "0 []"


def test_the_command_table_names_what_each_module_registers() -> None:
    import argparse
    import importlib

    from reviewer_app.cli import COMMANDS, build_parser

    for name, commands in COMMANDS.items():
        parser = argparse.ArgumentParser()
        registered = parser.add_subparsers(dest="command")
        module = importlib.import_module(f"reviewer_app.cli.{name}")
        module.register(registered)
        if hasattr(module, "register_verify"):
            module.register_verify(registered)
        assert tuple(registered.choices) == commands, name
    full = build_parser()
    choices = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert list(choices) == [c for commands in COMMANDS.values() for c in commands]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["submissions", "--json"], "submissions"),
        (["--data-dir", "review", "search", "x"], "search"),  # a folder named like a command
        (["--data-dir=score", "check"], "check"),
        (["--database", "postgresql://a@b/c", "team", "--help"], "team"),
        (["--help"], None),
        (["--version"], None),
        (["--quit-after", "x", "check"], None),  # a mistake: the full parser says so
        ([], None),
        (["--data-dir"], None),
    ],
)
def test_a_command_line_loads_the_module_of_its_command(
    argv: list[str], command: str | None
) -> None:
    from reviewer_app.cli import _command_named, build_parser

    assert _command_named(argv) == command
    if command is not None and "--help" not in argv:
        assert build_parser(command).parse_args(argv).command == command
