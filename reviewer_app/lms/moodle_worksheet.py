"""Moodle's offline grading worksheet (Assignment > "Download grading worksheet"): which
column identifies the student, which holds the grade and which the feedback comments.

Its column names are in the teacher's language, so the identifier column is found by
its values: every row's `Participant 123` (or `Participante 123`, `Teilnehmer/in 123`,
..., the word Moodle uses in that language), the number being the participant id the
submission download carries. Grade, feedback comments, maximum grade and "grade can be
changed" are then found by their names in the languages listed here. When a column
cannot be told for sure (no name matches, or two do), the export is refused with the
column names to choose from; `--columns id=...,grade=...,feedback=...` names them (by
column name or 1-based number), and `feedback=none` fills grades only.
"""

from __future__ import annotations

import re

from reviewer_app.errors import UserError
from reviewer_app.lms.layout import Layout, columns_named, folded
from reviewer_app.lms.sheet_bytes import Sheet
from reviewer_app.wording import translate

# The word before the participant id, in Moodle's language packs (English, Spanish,
# French, German, Portuguese, Italian, Catalan, Dutch).
PARTICIPANT_WORDS = frozenset(
    folded(word)
    for word in (
        "Participant",
        "Participante",
        "Teilnehmer/in",
        "Teilnehmer",
        "Partecipante",
        "Deelnemer",
    )
)
GRADE_NAMES = ("Grade", "Calificación", "Note", "Bewertung", "Nota", "Valutazione", "Cijfer")
FEEDBACK_NAMES = (
    "Feedback comments",
    "Comentarios de retroalimentación",
    "Comentarios de la retroalimentación",
    "Commentaires de feedback",
    "Feedback als Kommentar",
    "Comentários de feedback",
    "Commenti all'invio",
    "Feedback commentaar",
)
MAXIMUM_NAMES = (
    "Maximum Grade",
    "Calificación máxima",
    "Note maximale",
    "Bestwertung",
    "Nota máxima",
    "Valutazione massima",
    "Maximaal cijfer",
)
NAME_NAMES = ("Full name", "Nombre completo", "Nom complet", "Vollständiger Name", "Nome completo")
LOCKED_NAMES = (
    "Grade can be changed",
    "La calificación puede ser cambiada",
    "La calificación se puede cambiar",
    "La note peut être modifiée",
    "Bewertung kann geändert werden",
    "A nota pode ser alterada",
)
NO_WORDS = frozenset(folded(word) for word in ("No", "Non", "Nein", "Não", "Nee"))

_KEY = re.compile(r"^([^\d\s]+(?:[ /][^\d\s]+)?)\s+(\d+)$")
ROLES = ("id", "grade", "feedback")


def parse_columns(specs: list[str]) -> dict[str, str]:
    """`["id=Identifier,grade=5", "feedback=none"]` -> {"id": ..., "grade": ..., ...}."""
    mapping: dict[str, str] = {}
    for spec in specs:
        for piece in re.split(r",(?=\s*(?:id|grade|feedback)\s*=)", spec):
            role, sep, column = piece.partition("=")
            role = role.strip().lower()
            if not sep or role not in ROLES or not column.strip():
                raise UserError(
                    translate(
                        "Grades",
                        "--columns takes ROLE=COLUMN pairs, ROLE one of id, grade, feedback "
                        "and COLUMN a column name or number, not {spec!r}.",
                    ).format(spec=piece)
                )
            mapping[role] = column.strip()
    return mapping


def _named_column(sheet: Sheet, role: str, column: str) -> int | None:
    if role == "feedback" and folded(column) == "none":
        return None
    header = sheet.header
    if column.isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    found = columns_named(header, [column])
    if len(found) != 1:
        raise UserError(
            translate(
                "Grades",
                "The worksheet has {count} columns named {column!r}; its columns are: {names}.",
            ).format(count=len(found), column=column, names=_names(sheet))
        )
    return found[0]


def _names(sheet: Sheet) -> str:
    return ", ".join(f"{i + 1} {name!r}" for i, name in enumerate(sheet.header))


def _key_column(sheet: Sheet) -> int:
    """The column whose every value is `<the participant word> <number>`."""
    known: list[int] = []
    other: list[int] = []
    for column in range(len(sheet.header)):
        words = set()
        values = [row.value(column) for row in sheet.rows]
        present = [value.strip() for value in values if value and value.strip()]
        if not present:
            continue
        for value in present:
            match = _KEY.match(value)
            if match is None:
                break
            words.add(folded(match.group(1)))
        else:
            if len(words) == 1:
                (known if words <= PARTICIPANT_WORDS else other).append(column)
    found = known or other
    if len(found) == 1:
        return found[0]
    raise UserError(
        translate(
            "Grades",
            "Could not tell which column identifies the students (Moodle's 'Participant "
            "123' values): name it with --columns id=COLUMN; the columns are: {names}.",
        ).format(names=_names(sheet))
    )


def _one(sheet: Sheet, role: str, names: tuple[str, ...], *, required: bool) -> int | None:
    found = columns_named(sheet.header, names)
    if len(found) == 1:
        return found[0]
    if not required:  # a column only read: better unread than guessed
        return None
    hint = {
        "grade": translate("Grades", "Could not tell which column holds the grade"),
        "feedback": translate(
            "Grades",
            "Could not tell which column holds the feedback comments (is Moodle's "
            "feedback comments plugin on?); --columns feedback=none fills grades only",
        ),
    }[role]
    raise UserError(
        translate(
            "Grades", "{hint}: name it with --columns {role}=COLUMN; the columns are: {names}."
        ).format(hint=hint, role=role, names=_names(sheet))
    )


def moodle_layout(sheet: Sheet, columns: dict[str, str] | None = None) -> Layout:
    """The worksheet's columns, from `columns` where given, else found; `UserError` when
    a column cannot be told for sure."""
    columns = columns or {}
    if not sheet.rows:
        raise UserError(translate("Grades", "The worksheet has a header but no students."))
    key = _named_column(sheet, "id", columns["id"]) if "id" in columns else _key_column(sheet)
    if key is None:
        raise UserError(translate("Grades", "The id column cannot be none."))
    grade = (
        _named_column(sheet, "grade", columns["grade"])
        if "grade" in columns
        else _one(sheet, "grade", GRADE_NAMES, required=True)
    )
    if grade is None:
        raise UserError(translate("Grades", "The grade column cannot be none."))
    feedback = (
        _named_column(sheet, "feedback", columns["feedback"])
        if "feedback" in columns
        else _one(sheet, "feedback", FEEDBACK_NAMES, required=True)
    )
    chosen = [column for column in (key, grade, feedback) if column is not None]
    if len(set(chosen)) < len(chosen):
        raise UserError(
            translate("Grades", "The id, grade and feedback columns must be different columns.")
        )
    return Layout(
        key=key,
        key_pattern=re.compile(r"^(?:[^\d\s]+(?:[ /][^\d\s]+)?\s+)?(\d+)$"),
        grade=grade,
        feedback=feedback,
        name=_one(sheet, "name", NAME_NAMES, required=False),
        maximum=_one(sheet, "maximum", MAXIMUM_NAMES, required=False),
        locked=_one(sheet, "locked", LOCKED_NAMES, required=False),
        no_words=NO_WORDS,
    )
