"""CSV files a spreadsheet can open without running anything a user typed.

Spreadsheets run a cell that begins with `=`, `+`, `-` or `@` as a formula (and some
skip a leading tab or carriage return first), so an earner named
`=HYPERLINK("https://evil.example", "click")` becomes a live link, or worse, in whoever
opens the upload file. Every CSV the program writes goes through `writer()`, which
keeps such text as text by putting an apostrophe before it, as spreadsheets themselves
do; numbers stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A plain number ("-3", "+0.25", "1e-3") is read as a number, never as a formula.
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class _Stream(Protocol):
    def write(self, text: str, /) -> Any: ...


def safe_cell(value: Any) -> Any:
    """`value`, with text that would start a formula kept as text."""
    if not isinstance(value, str) or _NUMBER.match(value):
        return value
    stripped = value.lstrip(" \t\r\n")
    if value.startswith(_TRIGGERS) or stripped.startswith(_TRIGGERS[:4]):
        return "'" + value
    return value


class SafeWriter:
    """A `csv.writer` whose every cell passes `safe_cell`."""

    def __init__(self, stream: _Stream, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: _Stream, **options: Any) -> SafeWriter:
    return SafeWriter(stream, **options)
