"""Canvas's gradebook export (Grades > Export > CSV): `Student, ID, SIS User ID, SIS Login
ID, Section`, then a column per assignment named `TITLE (ID)`, a `Points Possible` row
under the header (and, in newer exports, other rows with no student ID), `,` or `;`
between cells and decimal commas in the locales that use them.

The assignment's column is the one named exactly as `--assignment` says; failing that,
the one whose `(ID)` is the same (a title edited since the download). A row is a
student's when its ID cell is a number; every other row is left as it is.

The gradebook has no feedback column and Canvas's gradebook import takes no comments,
so only the assignment's cell is written; the letters go to the earners another way
(see docs/lms.md).
"""

from __future__ import annotations

import re

from reviewer_app.errors import UserError
from reviewer_app.lms.layout import Layout, columns_named, folded
from reviewer_app.lms.sheet_bytes import Sheet
from reviewer_app.wording import translate

STUDENT_NAMES = ("Student", "Estudiante", "Alumno", "Étudiant", "Aluno", "Studierende")
ID_NAMES = ("ID",)
POINTS_POSSIBLE = frozenset(
    folded(words) for words in ("Points Possible", "Puntos posibles", "Points possibles")
)
_ASSIGNMENT_ID = re.compile(r"\((\d+)\)\s*$")


def assignment_titles(sheet: Sheet) -> list[str]:
    """The gradebook's assignment columns, `TITLE (ID)`, in the sheet's order."""
    return [title for title in sheet.header if _ASSIGNMENT_ID.search(title)]


def _assignment_column(sheet: Sheet, assignment: str) -> int:
    found = columns_named(sheet.header, [assignment])
    if len(found) == 1:
        return found[0]
    wanted = _ASSIGNMENT_ID.search(assignment)
    if wanted is not None and not found:
        found = [
            index
            for index, title in enumerate(sheet.header)
            if (match := _ASSIGNMENT_ID.search(title)) and match.group(1) == wanted.group(1)
        ]
        if len(found) == 1:
            return found[0]
    choices = assignment_titles(sheet)
    raise UserError(
        translate(
            "Grades",
            "The gradebook has no single column for the assignment {assignment!r}; its "
            "assignments are: {choices}.",
        ).format(assignment=assignment, choices=", ".join(repr(c) for c in choices) or "none")
    )


def canvas_layout(sheet: Sheet, assignment: str) -> Layout:
    """The gradebook's ID and assignment columns; `UserError` if it is not one."""
    students = columns_named(sheet.header, STUDENT_NAMES)
    ids = columns_named(sheet.header, ID_NAMES)
    if len(ids) != 1:
        raise UserError(
            translate(
                "Grades",
                "This is not a Canvas gradebook export: it has no single 'ID' column "
                "(its columns start: {names}).",
            ).format(names=", ".join(repr(name) for name in sheet.header[:6]))
        )
    if not assignment.strip():
        raise UserError(
            translate("Grades", "Name the assignment's column, as 'TITLE (ID)', with --assignment.")
        )
    column = _assignment_column(sheet, assignment)
    name = students[0] if len(students) == 1 else None
    maximum = None
    for row in sheet.rows:
        label = row.value(name if name is not None else 0) or ""
        if folded(label) in POINTS_POSSIBLE:
            maximum = row.value(column)
            break
    return Layout(
        key=ids[0],
        key_pattern=re.compile(r"^(\d+)$"),
        grade=column,
        feedback=None,
        name=name,
        maximum_text=maximum.strip() if maximum and maximum.strip() else None,
    )
