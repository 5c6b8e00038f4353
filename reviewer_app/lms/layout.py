"""Which columns of a worksheet the grade export reads and writes (`Layout`), and the
matching of column names written in any case, spacing or Unicode form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reviewer_app.lms.sheet_bytes import Record, Sheet


def folded(text: str) -> str:
    """A column name compared as a person reads it: NFC, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def columns_named(header: Iterable[str], names: Iterable[str]) -> list[int]:
    wanted = {folded(name) for name in names}
    return [index for index, title in enumerate(header) if folded(title) in wanted]


@dataclass(frozen=True)
class Layout:
    key: int  # the column that identifies the student
    key_pattern: re.Pattern[str]  # group 1: the platform's number in the key cell
    grade: int
    feedback: int | None  # None: the sheet has no feedback column (Canvas)
    name: int | None = None
    maximum: int | None = None  # a column with each row's maximum grade (Moodle)
    maximum_text: str | None = None  # the sheet's one maximum (Canvas' Points Possible)
    locked: int | None = None  # Moodle's "Grade can be changed"
    no_words: frozenset[str] = frozenset()  # what `locked` says when it cannot

    def platform_id(self, record: Record) -> str | None:
        value = record.value(self.key)
        match = self.key_pattern.match(value.strip()) if value is not None else None
        return match.group(1) if match else None

    def roles(self, sheet: Sheet) -> dict[str, str]:
        """Each role's column name, for the report."""
        header = sheet.header
        named = {"id": self.key, "grade": self.grade, "feedback": self.feedback}
        return {role: header[index] for role, index in named.items() if index is not None}
