"""File > Export grades for the platform: a Moodle grading worksheet or a Canvas gradebook
export, filled with the decisions made here (reviewer_app/lms/worksheets.py).

The person chooses the platform, the downloaded worksheet, the grades for Pass and Not
Yet and where the filled copy goes; Preview reads the worksheet and the decisions off
the GUI thread and lists every cell that would change, and what is left as it was (and
why). Write saves exactly the copy previewed; changing any field asks for a new preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.credentials.common import MessageStrip, TaskDialog
from reviewer_app.ui.window_modal import pick_file, pick_save_file
from reviewer_app.vocabulary import Outcome

if TYPE_CHECKING:
    from reviewer_app.lms.worksheets import ExportRequest, GradeExport
    from reviewer_app.progress import CancelToken, Progress
    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate

MOODLE, CANVAS = "moodle-worksheet", "canvas-gradebook"
# The part of a feedback letter the preview shows in a cell; the whole is the tooltip.
_PREVIEW_CHARS = 80


def _short(text: str) -> str:
    """A cell's first lines on one line; a letter's rules of = and - are left out."""
    words = [part.strip() for part in text.splitlines() if part.strip(" =-")]
    line = " / ".join(words[:3])
    return line if len(line) <= _PREVIEW_CHARS else line[: _PREVIEW_CHARS - 1] + "…"


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip is not None:
        item.setToolTip(tooltip)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class GradesExportDialog(TaskDialog):
    def __init__(self, folder: DataFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.export: GradeExport | None = None
        self.written: Path | None = None
        self._looked_at: tuple[Path, str] | None = None  # the worksheet last looked into
        self.setWindowTitle(self.tr("Export grades for the platform"))
        self.setAccessibleDescription(
            self.tr(
                "Fills the grade worksheet downloaded from Moodle or Canvas with the "
                "decisions made here, and writes a copy to upload back."
            )
        )

        self.platform = QComboBox()
        self.platform.addItem(self.tr("Moodle: offline grading worksheet"), MOODLE)
        self.platform.addItem(self.tr("Canvas: gradebook export"), CANVAS)
        self.platform.setAccessibleName(self.tr("Platform"))
        self.platform.setToolTip(self.tr("Where the worksheet was downloaded from"))
        self.worksheet = self._path_edit(self.tr("Downloaded worksheet"), "worksheet.csv")
        self.worksheet.setToolTip(
            self.tr("The CSV file as the platform gave it; it is read, never changed")
        )
        self.choose_worksheet = self._choose_button(self.tr("Choose the downloaded worksheet"))
        self.assignment = QComboBox()
        self.assignment.setEditable(True)
        self.assignment.setAccessibleName(self.tr("Assignment column"))
        self.assignment.setToolTip(self.tr("Canvas: the assignment's column, 'TITLE (ID)'"))
        self.pass_grade = QLineEdit()
        self.pass_grade.setAccessibleName(self.tr("Grade for Pass"))
        self.pass_grade.setPlaceholderText(self.tr("the worksheet's maximum grade"))
        self.pass_grade.setToolTip(self.tr("A scale word or points; empty: the maximum grade"))
        self.not_yet_grade = QLineEdit()
        self.not_yet_grade.setAccessibleName(self.tr("Grade for Not Yet"))
        self.not_yet_grade.setPlaceholderText(self.tr("0"))
        self.not_yet_grade.setToolTip(self.tr("A scale word or points; empty: 0"))
        self.columns = QLineEdit()
        self.columns.setAccessibleName(self.tr("Columns"))
        self.columns.setPlaceholderText(self.tr("found from the worksheet"))
        self.columns.setToolTip(
            self.tr(
                "Moodle, only when its columns are not found: grade=COLUMN, "
                "feedback=COLUMN (a name or a number; feedback=none for grades only)"
            )
        )
        self.out = self._path_edit(self.tr("Filled copy"), "worksheet-graded.csv")
        self.out.setToolTip(self.tr("Where the filled copy is written, to upload back"))
        self.choose_out = self._choose_button(self.tr("Choose where to write the filled copy"))

        self.message = MessageStrip(self.tr("Message"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.changes = _table(
            self.tr("Cells that change"),
            [
                self.tr("Row"),
                self.tr("Student"),
                self.tr("Submission"),
                self.tr("Decision"),
                self.tr("Column"),
                self.tr("Now"),
                self.tr("Becomes"),
            ],
        )
        self.changes.setToolTip(self.tr("Every cell the filled copy changes, before and after"))
        self.left = _table(
            self.tr("Left as they were"),
            [self.tr("Row"), self.tr("Student or submission"), self.tr("Why")],
        )
        self.left.setToolTip(
            self.tr("Rows not filled and submissions with no row, each with the reason")
        )

        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setAccessibleName(self.tr("Preview the changes"))
        self.preview_button.setToolTip(self.tr("Lists the cells that would change; writes nothing"))
        self.write_button = QPushButton(self.tr("W&rite the filled copy"))
        self.write_button.setAccessibleName(self.tr("Write the filled copy"))
        self.write_button.setToolTip(self.tr("Writes the copy previewed to the filled copy's file"))
        self.write_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Closes this window"))
        self.close_button.setAutoDefault(False)
        self.preview_button.setDefault(True)

        self._lay_out()
        self.platform.currentIndexChanged.connect(lambda _i: self._platform_changed())
        self.worksheet.editingFinished.connect(self._worksheet_chosen)
        for edit in (self.worksheet, self.pass_grade, self.not_yet_grade, self.columns, self.out):
            edit.textEdited.connect(lambda _t: self._stale())
        self.assignment.currentTextChanged.connect(lambda _t: self._stale())
        self.choose_worksheet.clicked.connect(self._pick_worksheet)
        self.choose_out.clicked.connect(self._pick_out)
        self.preview_button.clicked.connect(self.preview)
        self.write_button.clicked.connect(self.write)
        self.close_button.clicked.connect(self.close)
        self._platform_changed()
        self.resize(900, 620)

    # Building ---------------------------------------------------------------------------

    def _path_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _choose_button(self, name: str) -> QPushButton:
        button = QPushButton(self.tr("Choose…"))
        button.setAccessibleName(name)
        button.setToolTip(self.tr("Opens a file picker; you can also type or paste the path"))
        button.setAutoDefault(False)  # Enter in a field previews, never opens a picker
        return button

    def _row(self, edit: QWidget, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self._label(self.tr("P&latform:"), self.platform), self.platform)
        form.addRow(
            self._label(self.tr("&Worksheet:"), self.worksheet),
            self._row(self.worksheet, self.choose_worksheet),
        )
        self.assignment_label = self._label(self.tr("&Assignment:"), self.assignment)
        form.addRow(self.assignment_label, self.assignment)
        form.addRow(self._label(self.tr("Grade for Pa&ss:"), self.pass_grade), self.pass_grade)
        form.addRow(
            self._label(self.tr("Grade for &Not Yet:"), self.not_yet_grade), self.not_yet_grade
        )
        self.columns_label = self._label(self.tr("&Columns:"), self.columns)
        form.addRow(self.columns_label, self.columns)
        form.addRow(
            self._label(self.tr("&Filled copy:"), self.out), self._row(self.out, self.choose_out)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.write_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 3)
        layout.addWidget(self.left, 2)
        layout.addLayout(buttons)

    # Fields ------------------------------------------------------------------------------

    def target(self) -> str:
        return str(self.platform.currentData())

    def _platform_changed(self) -> None:
        canvas = self.target() == CANVAS
        self.assignment.setVisible(canvas)
        self.assignment_label.setVisible(canvas)
        self.columns.setVisible(not canvas)
        self.columns_label.setVisible(not canvas)
        self._worksheet_chosen()
        self._stale()

    def _path(self, edit: QLineEdit) -> Path | None:
        text = edit.text().strip()
        return Path(text).expanduser() if text else None

    def _worksheet_chosen(self) -> None:
        """Offers the worksheet's assignment columns (Canvas) and a name for the copy."""
        path = self._path(self.worksheet)
        if path is None or (path, self.target()) == self._looked_at:
            return  # Enter in the field ends editing too: the same path changes nothing
        self._looked_at = (path, self.target())
        if not self.out.text().strip():
            self.out.setText(str(path.with_name(f"{path.stem}-graded{path.suffix or '.csv'}")))
        if self.target() == CANVAS:
            from reviewer_app.lms.worksheets import assignment_columns

            kept = self.assignment.currentText()
            self.assignment.clear()
            self.assignment.addItems(assignment_columns(path))
            if kept:
                self.assignment.setCurrentText(kept)
        self._stale()

    def _pick_worksheet(self) -> None:
        def chosen(paths: list[Path]) -> None:
            if paths:
                self.worksheet.setText(str(paths[0]))
                self._worksheet_chosen()

        pick_file(
            self,
            self.tr("Choose the downloaded worksheet"),
            self.tr("CSV files (*.csv);;All files (*)"),
            chosen,
        )

    def _pick_out(self) -> None:
        def chosen(paths: list[Path]) -> None:
            if paths:
                self.out.setText(str(paths[0]))
                self._stale()

        pick_save_file(
            self,
            self.tr("Write the filled copy"),
            self.tr("CSV files (*.csv)"),
            chosen,
            name=self.out.text(),
        )

    def _stale(self) -> None:
        """Any change to the fields: the preview shown no longer says what Write would do."""
        if self.export is not None:
            self.export = None
            self.write_button.setEnabled(False)
            self.preview_button.setDefault(True)
            self.summary.setText(self.tr("The fields changed: preview again."))

    # Work ---------------------------------------------------------------------------------

    def request(self) -> ExportRequest | None:
        from reviewer_app.errors import UserError
        from reviewer_app.lms.moodle_worksheet import parse_columns
        from reviewer_app.lms.worksheets import ExportRequest

        worksheet = self._path(self.worksheet)
        if worksheet is None:
            self.message.error(self.tr("Choose the worksheet downloaded from the platform."))
            self.worksheet.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        canvas = self.target() == CANVAS
        if canvas and not self.assignment.currentText().strip():
            self.message.error(self.tr("Choose the assignment's column."))
            self.assignment.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        try:
            columns = parse_columns([self.columns.text()]) if self.columns.text().strip() else {}
        except UserError as error:
            self.message.error(str(error))
            return None
        return ExportRequest(
            target=self.target(),
            worksheet=worksheet,
            pass_grade=self.pass_grade.text().strip() or None,
            not_yet_grade=self.not_yet_grade.text().strip() or None,
            columns={} if canvas else columns,
            assignment=self.assignment.currentText().strip() if canvas else None,
        )

    def preview(self) -> None:
        request = self.request()
        if request is None:
            return
        self.message.clear()
        self.summary.setText(self.tr("Reading the worksheet and the decisions…"))
        folder = self.folder

        def work(_cancel: CancelToken, _progress: Progress) -> GradeExport:
            from reviewer_app.lms.worksheets import plan_export

            return plan_export(folder, request)

        self.run(work, self._previewed, self._failed, writes=False)

    def is_loading(self) -> bool:
        """Still reading (the screenshots wait for the rows)."""
        return self.busy()

    def _failed(self, message: str, _details: str) -> None:
        self.summary.clear()
        self.message.error(message)

    def _previewed(self, export: Any) -> None:
        if export is None:  # cancelled
            self.summary.clear()
            return
        self.export = export
        self._show(export)
        self.write_button.setEnabled(bool(export.changed))
        if export.changed:
            self.write_button.setDefault(True)

    def _show(self, export: GradeExport) -> None:
        decisions: dict[str, str] = {
            Outcome.PASS: self.tr("Pass"),
            Outcome.NOT_YET: self.tr("Not Yet"),
        }
        cells = [(row, cell) for row in export.changed for cell in row.cells]
        self.changes.setRowCount(len(cells))
        for index, (row, cell) in enumerate(cells):
            values = [
                _item(str(row.row)),
                _item(row.name or row.platform_id),
                _item(row.submission_id),
                _item(decisions.get(str(row.decision), str(row.decision))),
                _item(cell.column),
                _item(_short(cell.before), cell.before or None),
                _item(_short(cell.after), cell.after),
            ]
            for column, item in enumerate(values):
                self.changes.setItem(index, column, item)
        left: list[tuple[str, str, str]] = []
        for listed in export.undecided:
            who = listed.name or listed.platform_id
            left.append((str(listed.row), who, self.tr("no decision yet")))
        for listed in export.unchanged:
            who = listed.name or listed.platform_id
            left.append((str(listed.row), who, self.tr("already holds the decision")))
        for listed in export.skipped:
            left.append((str(listed.row), listed.name or listed.platform_id, listed.reason))
        for listed in export.unmatched_rows:
            who = listed.name or listed.platform_id
            left.append((str(listed.row), who, self.tr("no submission here for this student")))
        for submission in export.submissions_without_row:
            left.append(("", submission.submission_id, submission.reason))
        self.left.setRowCount(len(left))
        for index, texts in enumerate(left):
            for column, text in enumerate(texts):
                self.left.setItem(index, column, _item(text, text))
        self.summary.setText(
            self.tr(
                "{changed} rows filled ({cells} cells); {left} rows or submissions left as "
                "they were. Worksheet: {encoding}, '{delimiter}' between cells, {endings} "
                "line endings, '{mark}' decimal mark."
            ).format(
                changed=len(export.changed),
                cells=len(cells),
                left=len(left),
                encoding=export.encoding.upper() + (" BOM" if export.bom else ""),
                delimiter=export.delimiter,
                endings=export.line_ending,
                mark=export.decimal_mark,
            )
        )
        if not export.changed:
            self.message.note(self.tr("No cell would change: nothing to write."))

    def write(self) -> None:
        export = self.export
        out = self._path(self.out)
        if export is None:
            return
        if out is None:
            self.message.error(self.tr("Choose where to write the filled copy."))
            self.out.setFocus(Qt.FocusReason.OtherFocusReason)
            return

        def work(_cancel: CancelToken, _progress: Progress) -> Path:
            from reviewer_app.lms.worksheets import write_export

            return write_export(export, out)

        self.run(work, self._written, self._failed, writes=False)

    def _written(self, path: Any) -> None:
        if path is None:
            return
        self.written = path
        self.message.note(
            self.tr("Wrote {path}: upload it to the platform's grading import.").format(path=path)
        )
        self.close_button.setDefault(True)
