"""Grades back to the platform: a worksheet downloaded from Moodle or Canvas, filled in
place with the decisions made here (see docs/lms.md, "Grades back to the platform").

`plan_export` reads the worksheet and the data folder and works out every cell it would
change, without writing anything (the window's preview and `--json` show it);
`write_export` writes the copy. Only the grade cell (and, on Moodle, the feedback
comments cell) of a row whose submission has a decision is rewritten, byte span by byte
span (`sheet_bytes.rewrite`); every other byte stays as downloaded. Rows with no
submission here and submissions here with no row are listed, never invented; a row
that cannot be filled safely (a cell missing in a short row, a grade Moodle says is
locked, two submissions that could be its) is listed with the reason and left alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer_app.errors import UserError
from reviewer_app.lms.canvas_gradebook import assignment_titles, canvas_layout
from reviewer_app.lms.grade_values import (
    check_grade,
    decimal_mark,
    grade_for,
    grade_text,
    number_of,
    points_text,
)
from reviewer_app.lms.layout import Layout, folded
from reviewer_app.lms.moodle_worksheet import moodle_layout
from reviewer_app.lms.platform_records import (
    PlatformSubmission,
    letters_text,
    platform_submissions,
)
from reviewer_app.lms.sheet_bytes import Record, Sheet, read_sheet, rewrite
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.vocabulary import Outcome
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

MOODLE, CANVAS = "moodle-worksheet", "canvas-gradebook"
TARGETS = (MOODLE, CANVAS)
MAX_WORKSHEET_BYTES = 50 * 1024 * 1024  # a class of thousands is a few megabytes


@dataclass(frozen=True)
class ExportRequest:
    target: str  # MOODLE or CANVAS
    worksheet: Path
    pass_grade: str | None = None  # None: the sheet's maximum
    not_yet_grade: str | None = None  # None: 0
    columns: dict[str, str] = field(default_factory=dict)  # Moodle: role -> column
    assignment: str | None = None  # Canvas: "TITLE (ID)"
    encoding: str | None = None  # None: UTF-8, with or without a byte order mark
    prefix: str | None = None  # only submissions whose id starts so (one assignment)


@dataclass(frozen=True)
class CellChange:
    column: str  # its name in the header
    before: str
    after: str


@dataclass(frozen=True)
class ChangedRow:
    row: int  # the record's number in the file, the header being 1
    platform_id: str
    name: str | None
    submission_id: str
    decision: Outcome
    cells: tuple[CellChange, ...]


@dataclass(frozen=True)
class ListedRow:
    """A worksheet row left as it was, and why."""

    row: int
    platform_id: str
    name: str | None
    submission_id: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class ListedSubmission:
    submission_id: str
    decision: Outcome | None
    reason: str


@dataclass(frozen=True)
class GradeExport:
    target: str
    worksheet: Path
    encoding: str
    bom: bool
    delimiter: str
    line_ending: str  # "CRLF" or "LF"
    decimal_mark: str
    columns: dict[str, str]
    pass_grade: str
    not_yet_grade: str
    changed: tuple[ChangedRow, ...]
    unchanged: tuple[ListedRow, ...]  # decided, and the sheet already says so
    undecided: tuple[ListedRow, ...]
    skipped: tuple[ListedRow, ...]
    unmatched_rows: tuple[ListedRow, ...]  # students with no submission here
    submissions_without_row: tuple[ListedSubmission, ...]
    data: bytes = field(repr=False)  # the filled copy

    def to_json(self) -> dict[str, Any]:
        document = asdict(self)
        del document["data"]
        document["worksheet"] = str(self.worksheet)
        return document


def _read(path: Path, encoding: str | None) -> Sheet:
    try:
        size = path.stat().st_size
        if size > MAX_WORKSHEET_BYTES:
            raise UserError(
                translate(
                    "Grades", "The worksheet {path} is {mb} MB, more than a worksheet can be."
                ).format(path=path, mb=size // (1024 * 1024))
            )
        data = path.read_bytes()
    except IsADirectoryError as error:
        raise UserError(
            translate("Grades", "{path} is a folder, not a worksheet.").format(path=path)
        ) from error
    except OSError as error:
        raise UserError(
            translate("Grades", "Could not read the worksheet {path}: {reason}").format(
                path=path, reason=error.strerror or str(error)
            )
        ) from error
    return read_sheet(data, encoding)


def assignment_columns(path: Path) -> list[str]:
    """A Canvas gradebook's assignment columns, to choose from; none if it cannot be read."""
    try:
        return assignment_titles(_read(path, None))
    except UserError:
        return []


def _layout(sheet: Sheet, request: ExportRequest) -> Layout:
    if request.target == MOODLE:
        return moodle_layout(sheet, request.columns)
    if request.target == CANVAS:
        return canvas_layout(sheet, request.assignment or "")
    raise UserError(
        translate("Grades", "Grades go to {choices}, not {target!r}.").format(
            choices=" or ".join(TARGETS), target=request.target
        )
    )


def _maximum(sheet: Sheet, layout: Layout) -> str | None:
    if layout.maximum_text is not None:
        return layout.maximum_text
    if layout.maximum is None:
        return None
    values = {(row.value(layout.maximum) or "").strip() for row in sheet.rows}
    values.discard("")
    return values.pop() if len(values) == 1 else None


def _grades(request: ExportRequest, maximum: str | None, mark: str) -> tuple[str, str]:
    """The grades for Pass and Not Yet, as the sheet writes them."""
    pass_word = translate("Grades", "Pass")
    not_yet_word = translate("Grades", "Not Yet")
    given_pass = check_grade(request.pass_grade, pass_word) if request.pass_grade else None
    given_not = check_grade(request.not_yet_grade, not_yet_word) if request.not_yet_grade else None
    if given_pass is None and (maximum is None or number_of(maximum) is None):
        raise UserError(
            translate(
                "Grades",
                "The worksheet shows no maximum grade to give for Pass: give the grades "
                "with --pass-grade and --not-yet-grade (a scale word or points).",
            )
        )
    pass_grade = grade_text(given_pass, mark) if given_pass else maximum or ""
    not_yet = grade_text(given_not, mark) if given_not else points_text(0, mark, maximum)
    top = number_of(maximum)
    for word, value in ((pass_word, pass_grade), (not_yet_word, not_yet)):
        points = number_of(value)
        if top is not None and points is not None and points > top:
            raise UserError(
                translate(
                    "Grades",
                    "The grade for {outcome}, {value}, is more than the worksheet's "
                    "maximum, {maximum}.",
                ).format(outcome=word, value=value, maximum=maximum)
            )
    return pass_grade, not_yet


def _submissions_by_key(
    found: list[PlatformSubmission],
) -> dict[str, list[PlatformSubmission]]:
    by_key: dict[str, list[PlatformSubmission]] = {}
    for submission in found:
        if submission.platform_id is not None:
            by_key.setdefault(submission.platform_id, []).append(submission)
    return by_key


def plan_export(folder: DataFolder, request: ExportRequest) -> GradeExport:
    """Every change the export would make, and the filled copy's bytes; writes nothing."""
    sheet = _read(request.worksheet, request.encoding)
    layout = _layout(sheet, request)
    samples = [row.value(layout.grade) for row in sheet.rows]
    if layout.maximum is not None:
        samples += [row.value(layout.maximum) for row in sheet.rows]
    if layout.maximum_text is not None:
        samples.append(layout.maximum_text)
    mark = decimal_mark(samples, sheet.delimiter)
    maximum = _maximum(sheet, layout)
    pass_grade, not_yet_grade = _grades(request, maximum, mark)

    platform = "moodle" if request.target == MOODLE else "canvas"
    found = platform_submissions(folder, platform, request.prefix)
    by_key = _submissions_by_key(found)
    rows_by_key: dict[str, list[Record]] = {}
    for row in sheet.rows:
        key = layout.platform_id(row)
        if key is not None:
            rows_by_key.setdefault(key, []).append(row)

    # Each row's submission, or why it has none: decided first, so letters are read once.
    matched: list[tuple[Record, str, PlatformSubmission]] = []
    unmatched: list[ListedRow] = []
    skipped: list[ListedRow] = []
    undecided: list[ListedRow] = []

    def name_of(row: Record) -> str | None:
        return row.value(layout.name) if layout.name is not None else None

    for row in sheet.rows:
        key = layout.platform_id(row)
        if key is None:
            continue  # not a student's row (Canvas's Points Possible, a blank line)
        candidates = by_key.get(key, [])
        listed = ListedRow(row.number, key, name_of(row))
        if len(rows_by_key[key]) > 1:
            skipped.append(
                _with(
                    listed,
                    reason=translate(
                        "Grades", "the same student is in {count} rows of the worksheet"
                    ).format(count=len(rows_by_key[key])),
                )
            )
        elif not candidates:
            unmatched.append(listed)
        elif len(candidates) > 1:
            skipped.append(
                _with(
                    listed,
                    reason=translate(
                        "Grades",
                        "several submissions here could be this row's ({ids}): name the "
                        "assignment's prefix with --prefix",
                    ).format(ids=", ".join(c.submission_id for c in candidates)),
                )
            )
        elif candidates[0].outcome is None:
            undecided.append(_with(listed, submission_id=candidates[0].submission_id))
        else:
            matched.append((row, key, candidates[0]))

    letters = (
        letters_text(folder, [s.submission_id for _, _, s in matched])
        if layout.feedback is not None
        else {}
    )
    header = sheet.header
    changes: dict[tuple[int, int], str] = {}
    changed: list[ChangedRow] = []
    unchanged: list[ListedRow] = []
    for row, key, submission in matched:
        listed = ListedRow(row.number, key, name_of(row), submission.submission_id)
        reason = _cannot_fill(row, layout)
        letter = letters.get(submission.submission_id)
        if reason is None and isinstance(letter, Exception):
            reason = str(letter)
        if reason is not None:
            skipped.append(_with(listed, reason=reason))
            continue
        assert submission.outcome is not None
        wanted = {layout.grade: grade_for(submission.outcome, pass_grade, not_yet_grade)}
        if layout.feedback is not None:
            assert isinstance(letter, str)
            wanted[layout.feedback] = letter
        cells = []
        for column, after in wanted.items():
            before = row.value(column) or ""
            if before != after:
                cells.append(CellChange(header[column], before, after))
                changes[(row.number, column)] = after
        if cells:
            changed.append(
                ChangedRow(
                    row.number,
                    key,
                    name_of(row),
                    submission.submission_id,
                    submission.outcome,
                    tuple(cells),
                )
            )
        else:
            unchanged.append(listed)

    in_sheet = set(rows_by_key)
    without_row = [
        ListedSubmission(
            s.submission_id,
            s.outcome,
            translate("Grades", "anonymous: the worksheet names students by their ids")
            if s.platform_id is None
            else translate("Grades", "no row in the worksheet"),
        )
        for s in found
        if s.platform_id is None or s.platform_id not in in_sheet
    ]
    return GradeExport(
        target=request.target,
        worksheet=request.worksheet,
        encoding=sheet.encoding,
        bom=sheet.bom,
        delimiter=sheet.delimiter,
        line_ending="CRLF" if sheet.newline == "\r\n" else "LF",
        decimal_mark=mark,
        columns=layout.roles(sheet),
        pass_grade=pass_grade,
        not_yet_grade=not_yet_grade,
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        undecided=tuple(undecided),
        skipped=tuple(sorted(skipped, key=lambda r: r.row)),
        unmatched_rows=tuple(unmatched),
        submissions_without_row=tuple(without_row),
        data=rewrite(sheet, changes),
    )


def _with(row: ListedRow, **changes: Any) -> ListedRow:
    return ListedRow(**{**asdict(row), **changes})


def _cannot_fill(row: Record, layout: Layout) -> str | None:
    needed = max(c for c in (layout.grade, layout.feedback) if c is not None)
    if len(row.cells) <= needed:
        return translate(
            "Grades", "the row has {count} cells, too few to reach the grade and feedback"
        ).format(count=len(row.cells))
    if layout.locked is not None and folded(row.value(layout.locked) or "") in layout.no_words:
        return translate(
            "Grades", "Moodle says this grade cannot be changed (locked or overridden)"
        )
    return None


def write_export(export: GradeExport, out: Path) -> Path:
    """The filled copy, written whole or not at all; the downloaded worksheet is kept."""
    if out.exists() and export.worksheet.exists() and out.resolve() == export.worksheet.resolve():
        raise UserError(
            translate(
                "Grades",
                "Write the filled worksheet to another file: the downloaded one is kept as it was.",
            )
        )
    try:
        write_atomically(out, export.data)
    except OSError as error:
        raise UserError(
            translate("Grades", "Could not write the worksheet to {path}: {reason}").format(
                path=out, reason=error.strerror or str(error)
            )
        ) from error
    return out
