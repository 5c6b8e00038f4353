"""A CSV worksheet read cell by cell with where each cell lies, so that a few cells can
be rewritten and every other byte kept: the header, the row order, the delimiter, the
encoding and its byte order mark, the line endings and the quoting of untouched cells.

The platforms write RFC 4180 CSV: a cell is quoted when it holds the delimiter, a quote
or a line break (Moodle also quotes cells with spaces), a quote inside a quoted cell is
doubled, rows end in CRLF or LF. Reading is lenient where a spreadsheet is (a stray
quote inside an unquoted cell is kept as text); a quoted cell that never ends is refused.

The file is decoded as UTF-8 (with or without a byte order mark) unless another
encoding is named; a file that is not UTF-8 is refused with a sentence saying how to
save it, never read as something it might not be.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from reviewer_app.errors import UserError
from reviewer_app.wording import translate

__all__ = ["Cell", "Record", "Sheet", "quote_cell", "read_sheet", "rewrite"]

DELIMITERS = (",", ";")


@dataclass(frozen=True)
class Cell:
    value: str
    start: int  # offset of the cell's first character (its opening quote if quoted)
    end: int  # offset just after the cell (after its closing quote)
    quoted: bool


@dataclass(frozen=True)
class Record:
    number: int  # 1-based: the header is record 1
    cells: tuple[Cell, ...]

    def value(self, column: int) -> str | None:
        return self.cells[column].value if column < len(self.cells) else None


@dataclass(frozen=True)
class Sheet:
    text: str  # the decoded file, byte order mark excluded
    raw: bytes
    encoding: str  # the codec name the file was read with, e.g. "utf-8"
    bom: bool
    delimiter: str
    newline: str  # "\r\n" or "\n": what the header row ends with
    records: tuple[Record, ...] = field(repr=False)

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(cell.value for cell in self.records[0].cells) if self.records else ()

    @property
    def rows(self) -> tuple[Record, ...]:
        return self.records[1:]


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, bool]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UserError(
            translate(
                "Grades",
                "The worksheet is UTF-16 text (a spreadsheet's 'Unicode text'), not CSV: "
                "save it as 'CSV UTF-8' and try again.",
            )
        )
    if encoding is None or codecs.lookup(encoding).name == "utf-8":
        bom = data.startswith(codecs.BOM_UTF8)
        body = data[len(codecs.BOM_UTF8) :] if bom else data
        try:
            return body.decode("utf-8"), "utf-8", bom
        except UnicodeDecodeError as error:
            raise UserError(
                translate(
                    "Grades",
                    "The worksheet is not UTF-8 text (byte {byte} at position {at} is not "
                    "UTF-8): save it as 'CSV UTF-8', or name its encoding, e.g. "
                    "--encoding cp1252.",
                ).format(byte=f"0x{body[error.start]:02x}", at=error.start)
            ) from error
    try:
        name = codecs.lookup(encoding).name
        return data.decode(name), name, False
    except LookupError as error:
        raise UserError(
            translate("Grades", "There is no text encoding called {name}.").format(name=encoding)
        ) from error
    except UnicodeDecodeError as error:
        raise UserError(
            translate(
                "Grades", "The worksheet is not {name} text (byte {byte} at position {at})."
            ).format(name=encoding, byte=f"0x{data[error.start]:02x}", at=error.start)
        ) from error


def _delimiter(text: str) -> str:
    """The delimiter the header row uses: the more frequent of `,` and `;` outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    comma, semicolon = counts[","], counts[";"]
    if comma == semicolon:
        raise UserError(
            translate(
                "Grades",
                "The worksheet's first row is not a CSV header: it has no commas or "
                "semicolons between its column names.",
            )
        )
    return "," if comma > semicolon else ";"


def _records(text: str, delimiter: str) -> list[Record]:
    records: list[Record] = []
    cells: list[Cell] = []
    i, n = 0, len(text)
    while i < n or cells:
        start = i
        if i < n and text[i] == '"':
            i += 1
            parts: list[str] = []
            while True:
                close = text.find('"', i)
                if close < 0:
                    raise UserError(
                        translate(
                            "Grades",
                            "Row {row} of the worksheet opens a quoted cell that never "
                            "ends: the file is cut short or damaged.",
                        ).format(row=len(records) + 1)
                    )
                parts.append(text[i:close])
                if text.startswith('""', close):
                    parts.append('"')
                    i = close + 2
                    continue
                i = close + 1
                break
            # Anything between the closing quote and the delimiter is kept as text.
            tail_end = i
            while tail_end < n and text[tail_end] not in (delimiter, "\r", "\n"):
                tail_end += 1
            parts.append(text[i:tail_end])
            i = tail_end
            cells.append(Cell("".join(parts), start, i, True))
        else:
            while i < n and text[i] not in (delimiter, "\r", "\n"):
                i += 1
            cells.append(Cell(text[start:i], start, i, False))
        if i < n and text[i] == delimiter:
            i += 1
            if i == n:  # a trailing delimiter at the very end: one more empty cell
                cells.append(Cell("", i, i, False))
            else:
                continue
        # The end of a record: a line break, or the end of the file.
        if i < n and text[i] == "\r":
            i += 1
        if i < n and text[i] == "\n":
            i += 1
        if not (len(cells) == 1 and cells[0].value == "" and not cells[0].quoted):
            records.append(Record(len(records) + 1, tuple(cells)))
        cells = []
        if i >= n:
            break
    return records


def _newline(text: str) -> str:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            return "\r\n" if text.startswith("\r\n", index) else "\n"
    return "\n"


def read_sheet(data: bytes, encoding: str | None = None) -> Sheet:
    """The worksheet's records with where each cell lies; `UserError` if it is not CSV."""
    if not data.strip():
        raise UserError(translate("Grades", "The worksheet is empty."))
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UserError(
            translate(
                "Grades",
                "The worksheet is not a CSV file (it holds binary data, as a spreadsheet "
                "file such as .xlsx does): save it as 'CSV UTF-8' and try again.",
            )
        )
    text, name, bom = _decode(data, encoding)
    delimiter = _delimiter(text)
    return Sheet(text, data, name, bom, delimiter, _newline(text), tuple(_records(text, delimiter)))


def quote_cell(value: str, delimiter: str, *, keep_quotes: bool) -> str:
    """`value` as CSV text: quoted when it must be (or was), its quotes doubled."""
    needs = (
        keep_quotes
        or any(char in value for char in (delimiter, '"', "\r", "\n"))
        or value != value.strip(" ")
    )
    return '"' + value.replace('"', '""') + '"' if needs else value


def rewrite(sheet: Sheet, changes: dict[tuple[int, int], str]) -> bytes:
    """The file's bytes with the cells in `changes` ({(record number, column): value})
    replaced and every other byte as it was. The new text is encoded as the file is."""
    by_start: list[tuple[Cell, str]] = []
    for (number, column), value in changes.items():
        cell = sheet.records[number - 1].cells[column]
        text = quote_cell(value, sheet.delimiter, keep_quotes=cell.quoted)
        by_start.append((cell, text))
    by_start.sort(key=lambda pair: pair[0].start)
    prefix = len(codecs.BOM_UTF8) if sheet.bom else 0
    out = bytearray(sheet.raw[:prefix])
    done_char, done_byte = 0, prefix
    for cell, text in by_start:
        # Byte offsets from character offsets, one stretch at a time.
        start_byte = done_byte + len(sheet.text[done_char : cell.start].encode(sheet.encoding))
        end_byte = start_byte + len(sheet.text[cell.start : cell.end].encode(sheet.encoding))
        out += sheet.raw[done_byte:start_byte]
        try:
            out += text.encode(sheet.encoding)
        except UnicodeEncodeError as error:
            raise UserError(
                translate(
                    "Grades",
                    "The worksheet's encoding ({encoding}) cannot hold the character "
                    "{char!r} of the new text: save the worksheet as 'CSV UTF-8' and try again.",
                ).format(encoding=sheet.encoding, char=error.object[error.start])
            ) from error
        done_char, done_byte = cell.end, end_byte
    out += sheet.raw[done_byte:]
    return bytes(out)
