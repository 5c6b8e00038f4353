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
    {"id": "B\u202e2", "name": "line\nbreak \"quoted\" \\ tab\t", "n": -3, "ok": False},
    {"id": "C", "ratio": 0.25, "esc": "\x1b[2J\x85\u2066"},
    {"id": "D", "nested": {"a": [1, 2]}, "list": []},
    {},
]


@pytest.mark.parametrize("count", [0, 1, 5, 499, 500, 501, 1234])
def test_a_streamed_list_is_byte_for_byte_the_whole_document(count: int) -> None:
    rows = [dict(ROWS[n % len(ROWS)], seq=n) if n % len(ROWS) != 4 else {} for n in range(count)]
    whole = _printed(output.print_json, rows)
    streamed = _printed(output.stream_json_list, iter(rows))
    assert streamed == whole
    assert json.loads(streamed) == rows


def test_a_listing_command_loads_neither_the_orm_nor_the_models(tmp_path: Path) -> None:
    """`submissions` on a data folder reads columns: the ORM and the models are for
    the commands that change things."""
    program = (
        "import sys\n"
        "from reviewer_app.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'data')!r}, 'submissions', '--json'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('sqlalchemy.orm', 'alembic',"
        " 'reviewer_app.storage.models', 'reviewer_app.storage.team_blobs'))]\n"
        "print(code, sorted(loaded), file=sys.stderr)\n"
    )
    for _ in range(2):  # the first opening creates the folder, the second reads it
        done = subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "[]\n"
        assert done.stderr.strip() == "0 []"
