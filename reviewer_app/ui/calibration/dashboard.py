"""The calibration dashboard: the report for one micro-credential (or all), computed in
the background, as four charts and two tables whose flags are words and icons; the
submissions behind a row on double-click; and the whole exported as PDF or CSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.calibration.export import report_csv, report_pdf
from reviewer_app.calibration.results import (
    CalibrationReport,
    CriterionResult,
    ReviewerResult,
    Rules,
)
from reviewer_app.ui.calibration import charts
from reviewer_app.ui.calibration.queries import (
    Behind,
    Computed,
    behind_criterion,
    behind_reviewer,
    compute_report,
)
from reviewer_app.ui.calibration.words import (
    coefficient_words,
    count,
    criterion_flags,
    decimal,
    empty_report_words,
    na,
    overall_words,
    percent,
    reviewer_flags,
    signed_whole,
)
from reviewer_app.ui.credentials.common import MessageStrip, TaskDialog
from reviewer_app.ui.loading import Loader, busy_loaders, loading_text
from reviewer_app.ui.window_modal import pick_save_file
from reviewer_app.ui.window_size import fit_to_screen

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row", ReviewerResult, CriterionResult)
# A column: header, the cell's words from the row, and the flag that may apply to it.
Column = tuple[str, Callable[[Row], str], str | None]

translate = QCoreApplication.translate


def _short(flag: str) -> str:
    """The flag's first words, for the cell; the whole reason is in its tooltip. (The
    translations keep the flags' form: "words: reason", "words (detail)".)"""
    return flag.split(":")[0].split(" (")[0]


def _difference_words(difference: int | None) -> str:
    if not difference:
        return translate("CalibrationDashboard", "agrees")
    if difference == -1:
        text = translate("CalibrationDashboard", "{steps} step (harsher)")
    elif difference < 0:
        text = translate("CalibrationDashboard", "{steps} steps (harsher)")
    elif difference == 1:
        text = translate("CalibrationDashboard", "{steps} step (more lenient)")
    else:
        text = translate("CalibrationDashboard", "{steps} steps (more lenient)")
    return text.format(steps=signed_whole(difference))


class ReportTable(QAbstractTableModel, Generic[Row]):
    """Rows of the report (reviewers or criteria), flagged cells marked in words and with
    a warning icon; the full reason is the cell's tooltip."""

    def __init__(
        self,
        columns: list[Column[Row]],
        flags_of: Callable[[Row], dict[str, str]],
        icons: tuple[QIcon, QIcon],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column[Row]] = columns
        self.flags_of: Callable[[Row], dict[str, str]] = flags_of
        self.warning_icon, self.good_icon = icons
        # A column's tooltip where no flag gives one (a criterion's id under its name).
        self.column_tips: dict[int, Callable[[Row], str]] = {}
        self.rows: list[Row] = []
        self.row_flags: list[dict[str, str]] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.row_flags = [self.flags_of(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def flag(self, row: int, column: int) -> str:
        key = self.columns[column][2]
        return self.row_flags[row].get(key, "") if key else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        _header, words, key = self.columns[column]
        flag = self.flag(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = words(self.rows[row])
            if key == "qualified":
                return flag or self.tr("qualified")
            return f"{text}, {_short(flag)}" if flag else text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.column_tips.get(column)
            return flag or (tip(self.rows[row]) if tip else None)
        if role == Qt.ItemDataRole.DecorationRole:
            if flag:
                return self.warning_icon
            if key == "qualified":
                return self.good_icon
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[row]
        return None


def _reviewer_columns() -> list[Column[ReviewerResult]]:
    """Made when the window is (the headers are translated then)."""
    return [
        (translate("CalibrationDashboard", "Reviewer"), lambda r: r.reviewer, None),
        (translate("CalibrationDashboard", "Qualified"), lambda r: "", "qualified"),
        (
            translate("CalibrationDashboard", "Anchor scores (N)"),
            lambda r: count(r.anchor_scores),
            None,
        ),
        (
            translate("CalibrationDashboard", "Exact agreement"),
            lambda r: percent(r.exact_agreement),
            "exact_agreement",
        ),
        (
            translate("CalibrationDashboard", "Adjacent agreement"),
            lambda r: percent(r.adjacent_agreement),
            None,
        ),
        (
            translate("CalibrationDashboard", "Weighted kappa"),
            lambda r: coefficient_words(
                r.quadratic_weighted_kappa, r.quadratic_weighted_kappa_interval, r.anchor_scores
            ),
            "quadratic_weighted_kappa",
        ),
        (
            translate("CalibrationDashboard", "Severity (negative = harsher)"),
            lambda r: decimal(r.severity),
            None,
        ),
        (
            translate("CalibrationDashboard", "Contradicted decisions"),
            lambda r: count(r.contradicted_decisions),
            None,
        ),
    ]


def _criterion_columns(name_of: Callable[[str], str]) -> list[Column[CriterionResult]]:
    """Made when the window is (the headers are translated then); criteria by name."""
    return [
        (translate("CalibrationDashboard", "Criterion"), lambda c: name_of(c.criterion), None),
        (translate("CalibrationDashboard", "Levels"), lambda c: count(c.levels), None),
        (translate("CalibrationDashboard", "Units (N)"), lambda c: count(c.units), None),
        (
            translate("CalibrationDashboard", "Krippendorff's alpha (ordinal)"),
            lambda c: coefficient_words(
                c.krippendorff_alpha_ordinal, c.krippendorff_alpha_interval, c.units
            ),
            "krippendorff_alpha_ordinal",
        ),
        (
            translate("CalibrationDashboard", "Exact agreement"),
            lambda c: percent(c.exact_agreement),
            "exact_agreement",
        ),
        (
            translate("CalibrationDashboard", "Fleiss' kappa"),
            lambda c: decimal(c.fleiss_kappa),
            "fleiss_kappa",
        ),
        (
            translate("CalibrationDashboard", "Base rate"),
            lambda c: percent(c.base_rate),
            None,
        ),
    ]


def _table_view(name: str, description: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    # Every column as wide as its header and cells (the last too: stretched, it would
    # cut its header short in a narrow window); the table scrolls sideways instead.
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(False)
    return view


class _ChartGrid(QWidget):
    """The charts two by two, or one under another when two side by side would be
    narrower than a chart needs (a small window, or the screen at 200%)."""

    def __init__(self, panels: list[QWidget]) -> None:
        super().__init__()
        self.panels = panels
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._place(2)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for panel in self.panels:
            self.grid.removeWidget(panel)
        for n, panel in enumerate(self.panels):
            self.grid.addWidget(panel, n // columns, n % columns)

    def follow(self, viewport: QWidget) -> None:
        """Chooses the columns by the width of `viewport`, the scroll area's (this grid
        is never narrower than its columns, so its own width cannot tell)."""
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            two = 2 * charts.MINIMUM_SIZE.width() + self.grid.horizontalSpacing()
            self._place(2 if watched.width() >= two else 1)
        return False


class CalibrationDashboard(TaskDialog):
    """Non-modal window for team leads. `n_resamples` sets the bootstrap's size (the
    intervals); `open_submission` opens a submission in the main window."""

    def __init__(
        self,
        folder: DataFolder,
        parent: QWidget | None = None,
        open_submission: Callable[[int], None] | None = None,
        *,
        n_resamples: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.n_resamples = n_resamples
        self.open_submission = open_submission or getattr(parent, "open_submission", None)
        self.report: CalibrationReport | None = None
        self.criterion_names: dict[str, str] = {}  # criterion id -> name, with the report
        self.behind: list[Behind] = []
        self._again = False  # the filter changed while a report was being computed
        self._close_when_done = False
        self.computing = False
        self.setWindowTitle(self.tr("Calibration dashboard"))
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        style = self.style()
        icons = (
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        )

        self.credential = QComboBox()
        self.credential.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.credential.setAccessibleName(self.tr("Micro-credential to report on"))
        self.credential.setToolTip(self.tr("Choosing another computes the report for it"))
        credential_label = QLabel(self.tr("&Micro-credential:"))
        credential_label.setBuddy(self.credential)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Compute the report again"))
        self.refresh_button.setToolTip(
            self.tr("Computes the report again, with any reviews recorded since")
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName(self.tr("Computing the report"))
        self.busy_label = QLabel(self.tr("Computing the calibration report…"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Export the report as PDF"))
        self.pdf_button.setToolTip(
            self.tr("Saves the report with its charts as a PDF file; asks where")
        )
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export the report as CSV"))
        self.csv_button.setToolTip(
            self.tr("Saves the report's figures as a CSV file for a spreadsheet; asks where")
        )
        self.csv_button.clicked.connect(lambda: self.export_csv())
        top = QHBoxLayout()
        top.addWidget(credential_label)
        top.addWidget(self.credential, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.busy_bar)
        top.addWidget(self.busy_label)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)

        self.message = MessageStrip(self.tr("Calibration message"), self)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.overall.setAccessibleName(self.tr("Overall agreement"))
        self.overall.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.criteria_chart = charts.ChartPanel(
            self.tr("Agreement per criterion"), self.tr("Chart: agreement per criterion")
        )
        self.agreement_chart = charts.ChartPanel(
            self.tr("Agreement with anchors per reviewer"),
            self.tr("Chart: agreement with anchors per reviewer"),
        )
        self.severity_chart = charts.ChartPanel(
            self.tr("Severity per reviewer"), self.tr("Chart: severity per reviewer")
        )
        self.drift_chart = charts.ChartPanel(
            self.tr("Drift over time"), self.tr("Chart: drift over time")
        )
        self.drift_reviewer = QComboBox()
        self.drift_reviewer.setAccessibleName(self.tr("Reviewer whose drift is shown"))
        self.drift_reviewer.setToolTip(
            self.tr(
                "The chart below shows this reviewer's severity against the anchors, week by week"
            )
        )
        self.drift_reviewer.currentIndexChanged.connect(lambda _i: self._show_drift())
        drift_box = QWidget()
        drift_layout = QVBoxLayout(drift_box)
        drift_layout.setContentsMargins(0, 0, 0, 0)
        drift_row = QHBoxLayout()
        drift_label = QLabel(self.tr("&Drift of:"))
        drift_label.setBuddy(self.drift_reviewer)
        drift_row.addWidget(drift_label)
        drift_row.addWidget(self.drift_reviewer, 1)
        drift_layout.addLayout(drift_row)
        drift_layout.addWidget(self.drift_chart, 1)
        chart_grid = _ChartGrid(
            [self.criteria_chart, self.agreement_chart, self.severity_chart, drift_box]
        )
        # Charts keep the size their labels need; a small screen (or 200%) scrolls them.
        self.chart_area = QScrollArea()
        self.chart_area.setWidget(chart_grid)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_grid.follow(self.chart_area.viewport())

        self.reviewers_model = ReportTable[ReviewerResult](
            _reviewer_columns(), reviewer_flags, icons, self
        )
        self.criteria_model = ReportTable[CriterionResult](
            _criterion_columns(self.criterion_name),
            lambda c: criterion_flags(c, self._rules()),
            icons,
            self,
        )
        self.criteria_model.column_tips[0] = lambda c: self.tr("Criterion id: {id}").format(
            id=c.criterion
        )
        self.reviewers_table = _table_view(
            self.tr("Reviewers against anchors"),
            self.tr("One reviewer a row; Enter lists the submissions behind the row"),
            self.reviewers_model,
        )
        self.criteria_table = _table_view(
            self.tr("Criteria across reviewers"),
            self.tr("One criterion a row; Enter lists the submissions behind the row"),
            self.criteria_model,
        )
        self.reviewers_table.activated.connect(
            lambda index: self.drill_reviewer(self.reviewers_model.rows[index.row()].reviewer)
        )
        self.criteria_table.activated.connect(
            lambda index: self.drill_criterion(self.criteria_model.rows[index.row()].criterion)
        )
        # The reasons can be long: the column keeps a readable width, the tooltip has all.
        header = self.reviewers_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 280)
        self.reviewers_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._follow_reviewer(current.row())
        )
        self.tables = QTabWidget()
        self.tables.addTab(self.reviewers_table, self.tr("Re&viewers"))
        self.tables.addTab(self.criteria_table, self.tr("C&riteria"))
        hint = QLabel(
            self.tr("Double-click a row (or press Enter) to list the submissions behind it.")
        )
        hint.setWordWrap(True)
        tables_box = QWidget()
        tables_layout = QVBoxLayout(tables_box)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(self.tables, 1)
        tables_layout.addWidget(hint)

        # Until a row is chosen there is nothing to list: a sentence says how, and the
        # list (whose headers depend on the kind of row) waits hidden.
        self.drill_title = QLabel(
            self.tr(
                "Double-click a reviewer or a criterion on the left to list here the "
                "submissions behind its figures."
            )
        )
        self.drill_title.setWordWrap(True)
        self.drill_title.setAccessibleName(self.tr("What the list shows"))
        self.drill = QTableWidget(0, 5)
        self.drill.setAccessibleName(self.tr("Submissions behind the chosen row"))
        self.drill.setAccessibleDescription(
            self.tr("One submission a row; Enter opens it in the main window")
        )
        self.drill.verticalHeader().hide()
        self.drill.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.drill.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.drill.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drill.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.drill.horizontalHeader().setStretchLastSection(True)
        self.drill.activated.connect(lambda index: self.open_behind(index.row()))
        self.drill_hint = drill_hint = QLabel(
            self.tr("Double-click a submission to open it in the main window.")
        )
        drill_hint.setWordWrap(True)
        self.drill.hide()
        drill_hint.hide()
        drill_box = QWidget()
        drill_layout = QVBoxLayout(drill_box)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill, 1)
        drill_layout.addWidget(drill_hint)
        drill_layout.addStretch(0)  # the sentence stays at the top while the list is hidden

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.chart_area)
        left.addWidget(tables_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(drill_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([980, 420])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.overall)
        layout.addWidget(self.splitter, 1)
        fit_to_screen(self, 1400, 900)

        # The lists and drill-downs are read off the GUI thread; the newest drill-down wins.
        self.credentials_loader = Loader(self)
        self.drill_loader = Loader(self)
        self.drill_loader.waiting.connect(self._show_drill_loading)
        self._fill_credentials()
        self.credential.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    # The report ---------------------------------------------------------------------------

    def is_loading(self) -> bool:
        """A list or a drill-down is still being read (the report is `computing`)."""
        return bool(busy_loaders(self))

    def _fill_credentials(self) -> None:
        from reviewer_app.reviews.queue import credentials_in_queue

        self.credential.addItem(self.tr("All micro-credentials"), None)
        folder = self.folder

        def read() -> list[tuple[str, str]]:
            with folder.read_sessions() as session:
                return credentials_in_queue(session)

        def show(credentials: list[tuple[str, str]]) -> None:
            self.credential.blockSignals(True)  # "All" stays chosen: nothing to compute
            for uri, name in credentials:
                self.credential.addItem(name, uri)
            self.credential.blockSignals(False)
            # Wide enough for the longest name, as a list filled before showing would be.
            self.credential.setMinimumWidth(self.credential.sizeHint().width())

        self.credentials_loader.load(read, show)

    def selected_credential(self) -> str | None:
        data = self.credential.currentData()
        return str(data) if data else None

    def _rules(self) -> Rules | None:
        return self.report.rules if self.report else None

    def refresh(self) -> None:
        if self.busy():
            self._again = True
            return
        folder, credential, n = self.folder, self.selected_credential(), self.n_resamples
        self._set_busy(True)
        self.run(
            lambda _cancel, _progress: compute_report(folder, credential, n),
            self._on_report,
            self._on_failed,
            writes=False,
        )

    def _set_busy(self, busy: bool) -> None:
        # Not `busy()`: the thread ends a moment before its result is handed over.
        self.computing = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        for button in (self.pdf_button, self.csv_button, self.refresh_button):
            button.setEnabled(not busy and (button is self.refresh_button or bool(self.report)))

    def work_cancelled_by_closing(self) -> None:
        # The report cannot stop midway; it takes seconds, so close once it is in.
        self._close_when_done = True

    def _after_work(self) -> bool:
        """Whether to go on showing results (not closing, not computing again)."""
        if self._close_when_done:
            self.close()
            return False
        if self._again:
            self._again = False
            self.refresh()
            return False
        return True

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        if self._after_work():
            self.message.error(message)

    def _on_report(self, computed: Computed | None) -> None:
        self._set_busy(False)  # before _after_work, which may start computing again
        if computed is None or not self._after_work():
            return
        self.report = computed.report
        self.criterion_names = computed.names
        self._set_busy(False)  # the export buttons need the report
        self.show_report(computed.report)

    def criterion_name(self, criterion: str) -> str:
        """A criterion's name as its rubric gives it (its id if it has none)."""
        return self.criterion_names.get(criterion, criterion)

    def show_report(self, report: CalibrationReport) -> None:
        empty = empty_report_words(report)
        if empty:
            self.message.note(empty)
        else:
            self.message.clear()
        self.overall.setText(
            self.tr("Overall: {summary}").format(summary=" ".join(overall_words(report)))
        )
        self.reviewers_model.set_rows(report.reviewers)
        self.criteria_model.set_rows(report.criteria)
        charts.criteria_chart(self.criteria_chart, report, self.criterion_names)
        charts.reviewer_agreement_chart(self.agreement_chart, report)
        charts.severity_chart(self.severity_chart, report)
        chosen = self.drift_reviewer.currentText()
        self.drift_reviewer.blockSignals(True)
        self.drift_reviewer.clear()
        for entry in report.reviewers:
            self.drift_reviewer.addItem(entry.reviewer)
        # Keep the chosen reviewer; else the first whose drift there is to see.
        with_drift = [r.reviewer for r in report.reviewers if r.drift]
        keep = chosen if self.drift_reviewer.findText(chosen) >= 0 else None
        self.drift_reviewer.setCurrentIndex(
            max(self.drift_reviewer.findText(keep or (with_drift or [""])[0]), 0)
        )
        self.drift_reviewer.blockSignals(False)
        self._show_drift()

    def _show_drift(self) -> None:
        if self.report is not None:
            charts.drift_chart(self.drift_chart, self.report, self.drift_reviewer.currentText())

    def _follow_reviewer(self, row: int) -> None:
        if 0 <= row < len(self.reviewers_model.rows):
            self.drift_reviewer.setCurrentText(self.reviewers_model.rows[row].reviewer)

    # Drill-down ---------------------------------------------------------------------------

    def _show_drill_loading(self, loading: bool) -> None:
        if loading:
            self.drill_title.setText(loading_text())

    def drill_reviewer(self, reviewer: str) -> None:
        """The anchors `reviewer` scored, read off the GUI thread."""
        folder, credential = self.folder, self.selected_credential()

        def read() -> list[Behind]:
            return behind_reviewer(folder, reviewer, credential)

        self.drill_loader.load(read, lambda behind: self._show_reviewer(reviewer, behind))

    def _show_reviewer(self, reviewer: str, behind: list[Behind]) -> None:
        self._show_behind(
            self.tr(
                "Anchors {reviewer} scored: their level against the reference, per criterion."
            ).format(reviewer=reviewer),
            [
                self.tr("Submission"),
                self.tr("Criterion"),
                self.tr("Level"),
                self.tr("Reference"),
                self.tr("Difference"),
            ],
            [
                [
                    b.submission_id,
                    self.criterion_name(b.criterion),
                    b.level,
                    b.reference or na(),
                    _difference_words(b.difference),
                ]
                for b in behind
            ],
            behind,
        )

    def drill_criterion(self, criterion: str) -> None:
        """The submissions scored on `criterion` by two or more, read off the GUI thread."""
        folder, credential = self.folder, self.selected_credential()

        def read() -> list[Behind]:
            return behind_criterion(folder, criterion, credential)

        self.drill_loader.load(read, lambda behind: self._show_criterion(criterion, behind))

    def _show_criterion(self, criterion: str, behind: list[Behind]) -> None:
        self._show_behind(
            self.tr(
                "Submissions two or more reviewers scored on {criterion}, and their levels."
            ).format(criterion=self.criterion_name(criterion)),
            [
                self.tr("Submission"),
                self.tr("Criterion"),
                self.tr("Reviewer"),
                self.tr("Level"),
                "",
            ],
            [
                [b.submission_id, self.criterion_name(b.criterion), b.reviewer, b.level, ""]
                for b in behind
            ],
            behind,
        )

    def _show_behind(
        self, title: str, headers: list[str], rows: list[list[str]], behind: list[Behind]
    ) -> None:
        self.behind = behind
        self.drill_title.setText(
            title if rows else self.tr("{title} None yet.").format(title=title)
        )
        self.drill.clearContents()
        self.drill.setHorizontalHeaderLabels(headers)
        self.drill.setColumnHidden(4, not headers[4])
        self.drill.setRowCount(len(rows))
        for n, (row, line) in enumerate(zip(rows, behind, strict=True)):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                if column == 1:  # the criterion by name; its id in the tooltip
                    item.setToolTip(self.tr("Criterion id: {id}").format(id=line.criterion))
                self.drill.setItem(n, column, item)
        self.drill.show()
        self.drill_hint.show()

    def behind_submissions(self) -> list[str]:
        """The submission ids listed, in order, each once."""
        return list(dict.fromkeys(b.submission_id for b in self.behind))

    def open_behind(self, row: int) -> None:
        if 0 <= row < len(self.behind) and self.open_submission is not None:
            self.open_submission(self.behind[row].pk)

    # Export -------------------------------------------------------------------------------

    def chart_images(self) -> list[tuple[str, bytes]]:
        """The charts as shown, with their titles (in the window's language, as drawn)."""
        panels = (self.criteria_chart, self.agreement_chart, self.severity_chart)
        images = [(p.plot.title(), p.png()) for p in panels]
        if self.drift_chart.plot.series():
            images.append((self.drift_chart.plot.title(), self.drift_chart.png()))
        return images

    def _ask_where(self, name: str, kind: str, save: Callable[[Path], object]) -> None:
        """A save picker opened; the report is written once a place is chosen."""

        def chosen(paths: list[Path]) -> None:
            if paths:
                save(paths[0])

        self.save_picker = pick_save_file(
            self, self.tr("Export the calibration report"), kind, chosen, name=name
        )

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Writes the report to `path`; without one, asks where (and returns None)."""
        if self.report is None:
            return None
        if path is None:
            self._ask_where("calibration report.pdf", "PDF (*.pdf)", self.export_pdf)
            return None
        return self._write(path, report_pdf(self.report, self.chart_images()))

    def export_csv(self, path: Path | None = None) -> Path | None:
        """Writes the report to `path`; without one, asks where (and returns None)."""
        if self.report is None:
            return None
        if path is None:
            self._ask_where("calibration report.csv", "CSV (*.csv)", self.export_csv)
            return None
        return self._write(path, report_csv(self.report))

    def _write(self, path: Path, data: bytes) -> Path | None:
        from reviewer_app.storage.atomic import write_atomically

        try:
            write_atomically(path, data)
        except OSError as e:
            self.message.error(
                self.tr("Could not write {path}: {reason}").format(
                    path=path, reason=e.strerror or e
                )
            )
            return None
        self.message.note(self.tr("Saved the report to {path}.").format(path=path))
        return path
