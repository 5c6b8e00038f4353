"""Printing for the command line: one JSON document on stdout, progress on stderr.

Text output carries earners' names, submission ids and file names, which can hold
terminal escapes (clear the screen, set the window title, fake a line) or right-to-left
overrides that make a name read backwards. `echo` is the one way text output reaches the
terminal: every line is printed with those characters shown as escapes (JSON output is
escaped by the JSON encoder already).
"""

from __future__ import annotations

import json
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reviewer_app.progress import CancelToken, ProgressReport

# C0 controls but the tab, DEL and C1 controls, the Arabic letter mark, left-to-right and
# right-to-left marks, bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if match.group() in "\n\r":
        return " "  # a line break inside a field must not start a line of its own
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` on one line, with control characters and bidi overrides as escapes."""
    return _UNSAFE.sub(_shown, text)


def echo(line: str = "", *, err: bool = False) -> None:
    """Prints one line of text output, made safe for a terminal."""
    print(terminal_safe(line), file=sys.stderr if err else sys.stdout)


# What json leaves raw with ensure_ascii=False that a terminal still acts on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _json_safe(text: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(document: Any) -> None:
    """One JSON document; characters a terminal would act on are written as \\u escapes
    (the same value to any JSON reader)."""
    sys.stdout.write(_json_safe(json.dumps(document, ensure_ascii=False, indent=2, default=str)))
    sys.stdout.write("\n")


def _nested(value: Any) -> str:
    """A value as `print_json` writes it as a field of a row in a list."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).replace("\n", "\n    ")


# How json writes each plain value (strings by its own C function); anything else
# (a float, a list, a subclass) goes through json itself.
_PLAIN: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring,
    int: int.__repr__,
    bool: lambda v: "true" if v else "false",
    type(None): lambda v: "null",
}
# Rows encoded and written to standard output at a time.
_ROWS_A_WRITE = 1000


def stream_json_table(fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Prints a JSON list of objects with these fields, one for each row of values, as
    the rows come: byte for byte what `print_json` prints for the whole list, holding
    a thousand rows at a time. Returns the number of rows.

    Each row is written through a template of `print_json`'s layout, its values
    encoded one by one (a dict per row and an indented dump, which runs json's encoder
    written in Python, cost several times as much at a hundred thousand rows)."""
    keys = [json.dumps(f, ensure_ascii=False).replace("%", "%%") for f in fields]
    template = "  {\n" + ",\n".join(f"    {k}: %s" for k in keys) + "\n  }" if keys else "  {}"
    plain = _PLAIN.get
    count = 0
    batch: list[str] = []

    def flush() -> None:
        text = ",\n".join(batch)
        opening = "[\n" if count == len(batch) else ",\n"
        # What a terminal would act on is never ASCII: most batches need no looking.
        sys.stdout.write(opening + (text if text.isascii() else _json_safe(text)))
        batch.clear()

    for row in rows:
        batch.append(template % tuple([(plain(type(v)) or _nested)(v) for v in row]))
        count += 1
        if len(batch) == _ROWS_A_WRITE:
            flush()
    if count == 0:
        sys.stdout.write("[]\n")
        return 0
    if batch:
        flush()
    sys.stdout.write("\n]\n")
    return count


class StderrProgress:
    """A progress line on a terminal, refreshed at most five times a second."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, report: ProgressReport) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.2:
            return
        self._last = now
        mb = report.bytes_done / 1e6
        total = report.bytes_total / 1e6
        line = (
            f"{counted(report.items_done, 'item')}, {mb:,.1f} of {total:,.1f} MB  {report.current}"
        )
        sys.stderr.write("\r" + terminal_safe(line)[:120].ljust(120))
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled and self._last:
            sys.stderr.write("\r" + " " * 120 + "\r")
            sys.stderr.flush()


@contextmanager
def cancel_on_interrupt() -> Iterator[CancelToken]:
    """Ctrl-C asks long work to stop at its next safe point, keeping what is whole;
    a second Ctrl-C interrupts at once."""
    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum: int, frame: object) -> None:
        if token.cancelled:
            raise KeyboardInterrupt
        print("\nreviewer-app: stopping after the current bundle ...", file=sys.stderr)
        token.cancel()

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield token
    finally:
        signal.signal(signal.SIGINT, previous)


def counted(n: int, one: str, many: str | None = None) -> str:
    """`n` with the noun in the number it takes: "1 credential", "2 credentials"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
