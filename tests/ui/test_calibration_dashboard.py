"""The calibration dashboard in the real window, on a real data folder with reviewers,
anchors and double-marked submissions: the tables say what the report says, flags are
words, rows drill down to the right submissions, and the report exports as PDF and CSV."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
)
from pytestqt.qtbot import QtBot

from reviewer_app.calibration.report import calibration_report
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.calibration.charts import ChartPanel, category_label
from reviewer_app.ui.calibration.dashboard import CalibrationDashboard
from reviewer_app.ui.loading import busy_loaders
from reviewer_app.ui.main_window import MainWindow
from tests.calibration.setup import CULTURE, calibrate
from tests.ui.a11y import unnamed_controls
from tests.ui.pickers import choose_in_picker
from tests.ui.shots import save_shot
from tests.ui.test_adjudication_screen import score

RESAMPLES = 100
WAIT = 60_000


@pytest.fixture
def calibrated(reviewed_folder: DataFolder, tmp_path: Path) -> DataFolder:
    return calibrate(reviewed_folder, tmp_path)


def open_window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Lena Lead", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(calibrated: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(calibrated, qtbot, tmp_path)
    yield win
    win.close()


def open_dashboard(win: MainWindow, qtbot: QtBot) -> CalibrationDashboard:
    dashboard = CalibrationDashboard(win.folder, win, n_resamples=RESAMPLES)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    wait_for_report(dashboard, qtbot)
    return dashboard


def wait_for_report(dashboard: CalibrationDashboard, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: dashboard.report is not None and not dashboard.computing, timeout=WAIT)
    assert not dashboard.busy_bar.isVisible()
    qtbot.waitUntil(lambda: not dashboard.is_loading(), timeout=WAIT)  # its lists too


def cell(dashboard: CalibrationDashboard, model: str, row: int, column: int) -> str:
    table = getattr(dashboard, model)
    return str(table.index(row, column).data())


def double_click(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: not busy_loaders(view.window()), timeout=WAIT)  # a drill-down


def test_the_dashboard_shows_the_report_flags_and_drills_down(
    window: MainWindow, calibrated: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show_calibration_dashboard()
    opened = window.calibration_dashboard
    assert isinstance(opened, CalibrationDashboard) and opened.isVisible()
    assert not opened.isModal()
    wait_for_report(opened, qtbot)
    opened.close()

    dashboard = open_dashboard(window, qtbot)
    dashboard.credential.setCurrentIndex(dashboard.credential.findData(CULTURE))
    assert dashboard.busy() and dashboard.busy_bar.isVisibleTo(dashboard)
    wait_for_report(dashboard, qtbot)
    assert dashboard.report is not None and dashboard.report.credential == CULTURE
    with calibrated.sessions() as session:
        expected = calibration_report(session, credential=CULTURE, n_resamples=RESAMPLES)
    assert dashboard.report == expected

    names = [cell(dashboard, "reviewers_model", r, 0) for r in range(3)]
    assert names == ["Ana Ruiz", "Ben Osei", "Lena Lead"]
    ben = expected.reviewer("Ben Osei")
    assert ben is not None
    assert cell(dashboard, "reviewers_model", 1, 2) == str(ben.anchor_scores)
    assert cell(dashboard, "reviewers_model", 1, 3).startswith(f"{ben.exact_agreement:.0%}")
    assert cell(dashboard, "reviewers_model", 1, 3).endswith("below threshold")
    kappa = cell(dashboard, "reviewers_model", 1, 5)
    low, high = ben.quadratic_weighted_kappa_interval
    value = ben.quadratic_weighted_kappa
    assert kappa.startswith(f"{value:.2f} (95% CI {low:.2f} to {high:.2f}")
    assert f"N = {ben.anchor_scores}" in kappa
    assert cell(dashboard, "reviewers_model", 1, 6) == f"{ben.severity:.2f}"
    qualified = cell(dashboard, "reviewers_model", 1, 1)
    assert qualified.startswith("not qualified: exact agreement")
    flagged = dashboard.reviewers_model.index(1, 1)
    assert not flagged.data(Qt.ItemDataRole.DecorationRole).isNull()  # an icon, not colour
    # The lead scored no anchors: n/a, not a number.
    assert cell(dashboard, "reviewers_model", 2, 3) == "n/a"
    assert cell(dashboard, "reviewers_model", 2, 1) == "not qualified: has scored no anchors"

    first = expected.criteria[0]
    first_name = dashboard.criterion_name(first.criterion)
    assert first_name == "Assessment that shows each student's thinking"  # its rubric's name
    assert cell(dashboard, "criteria_model", 0, 0) == first_name
    assert cell(dashboard, "criteria_model", 0, 2) == str(first.units)
    alpha = cell(dashboard, "criteria_model", 0, 3)
    assert alpha.startswith(f"{first.krippendorff_alpha_ordinal:.2f}")
    assert f"N = {first.units}" in alpha
    if (first.krippendorff_alpha_ordinal or 0.0) < 0.667:
        assert alpha.endswith("below threshold")
    assert dashboard.criteria_model.rowCount() == len(expected.criteria)

    # Charts describe their data in words.
    assert "Ben Osei" in dashboard.agreement_chart.accessibleDescription()
    assert "harsher" in dashboard.severity_chart.accessibleDescription()
    assert first_name in dashboard.criteria_chart.accessibleDescription()
    dashboard.drift_reviewer.setCurrentText("Ben Osei")
    assert "Ben Osei" in dashboard.drift_chart.accessibleDescription()
    assert dashboard.drift_chart.plot.series()

    # Drill down into a reviewer: the anchors Ben scored, each criterion against the lead.
    double_click(qtbot, dashboard.reviewers_table, 1)
    assert dashboard.behind_submissions() == ["CP-0", "CP-1"]
    assert dashboard.drill.rowCount() == ben.anchor_scores
    assert "Ben Osei" in dashboard.drill_title.text()
    assert {b.reviewer for b in dashboard.behind} == {"Ben Osei"}
    assert any(b.difference and b.difference < 0 for b in dashboard.behind)
    qtbot.wait(100)
    save_shot(dashboard, "calibration-drilldown")

    # Into a criterion: the submissions two non-reference reviewers scored, and who.
    dashboard.tables.setCurrentWidget(dashboard.criteria_table)
    double_click(qtbot, dashboard.criteria_table, 0)
    assert dashboard.behind_submissions() == ["CP-0", "CP-1", "CP-2", "CP-3"]
    assert {b.reviewer for b in dashboard.behind} == {"Ana Ruiz", "Ben Osei"}
    assert {b.criterion for b in dashboard.behind} == {first.criterion}

    # Double-clicking a listed submission opens it in the main window.
    double_click(qtbot, dashboard.drill, 2)
    assert window.current_pk == dashboard.behind[2].pk

    assert unnamed_controls(dashboard) == []
    dashboard.tables.setCurrentWidget(dashboard.reviewers_table)
    dashboard.reviewers_table.selectRow(1)
    qtbot.wait(100)  # charts lay themselves out in the event loop, as they do on screen
    save_shot(dashboard, "calibration-dashboard")

    pdf = dashboard.export_pdf(tmp_path / "report.pdf")
    assert pdf is not None and "Saved" in dashboard.message.text()
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for words in ("Ana Ruiz", "Ben Osei", "Lena Lead", "Krippendorff", "not qualified"):
        assert words in text, words
    assert sum(len(page.images) for page in reader.pages) == 4  # the four charts

    # The CSV through its button: asked where in a picker opened over the dashboard.
    qtbot.mouseClick(dashboard.csv_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "report.csv"
    choose_in_picker(qtbot, dashboard, [saved])
    qtbot.waitUntil(lambda: "Saved" in dashboard.message.text() and saved.exists())
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    start = rows.index(["Reviewers against anchors"]) + 1
    header = rows[start]
    people = {r[0]: dict(zip(header, r, strict=True)) for r in rows[start + 1 : start + 4]}
    assert float(people["Ben Osei"]["exact_agreement"]) == pytest.approx(
        ben.exact_agreement, abs=1e-4
    )
    assert people["Lena Lead"]["exact_agreement"] == "n/a"
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temp file left
    dashboard.close()


def test_an_unwritable_export_is_told_not_raised(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dashboard = open_dashboard(window, qtbot)
    assert dashboard.export_csv(tmp_path / "missing" / "report.csv") is None
    assert dashboard.message.kind == "error" and "Could not write" in dashboard.message.text()
    dashboard.close()


def test_an_empty_folder_says_what_is_needed(
    folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    win = open_window(folder, qtbot, tmp_path)
    dashboard = open_dashboard(win, qtbot)
    assert dashboard.message.isVisible()
    words = dashboard.message.text()
    assert "anchors" in words and "double-marked" in words
    assert dashboard.reviewers_model.rowCount() == 0
    assert "n/a" in dashboard.overall.text()
    assert unnamed_controls(dashboard) == []
    assert dashboard.export_pdf(tmp_path / "empty.pdf") is not None
    dashboard.close()
    win.close()


# Bringing the open dashboard forward calls raise(), which the offscreen platform ignores.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_team_menu_opens_one_dashboard(window: MainWindow, qtbot: QtBot) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Team" in titles
    window.show_calibration_dashboard()
    first = window.calibration_dashboard
    assert first is not None
    window.show_calibration_dashboard()
    assert window.calibration_dashboard is first  # the open one is brought forward
    assert isinstance(first, CalibrationDashboard)
    wait_for_report(first, qtbot)
    first.close()


def bar_chart(panel: ChartPanel) -> tuple[list[str], list[list[float]]]:
    """The category axis's labels and each bar set's values, in drawing order."""
    series = [s for s in panel.plot.series() if isinstance(s, QAbstractBarSeries)]
    assert len(series) == 1
    axis = next(a for a in panel.plot.axes() if isinstance(a, QBarCategoryAxis))
    values = [[bar.at(i) for i in range(bar.count())] for bar in series[0].barSets()]
    return list(axis.categories()), values


def test_every_criterion_bar_stands_beside_its_own_name(
    calibrated: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    """All the credentials together: every bar has a label of its own, the criterion's
    name (its id in the tooltip), in the bars' order, with room for each label."""
    # A second credential's criteria: FAP-1 double-marked.
    score(calibrated, "FAP-1", "Ana Ruiz", 0)
    score(calibrated, "FAP-1", "Ben Osei", 2)
    window = open_window(calibrated, qtbot, tmp_path)
    dashboard = open_dashboard(window, qtbot)
    assert dashboard.selected_credential() is None  # all credentials
    report = dashboard.report
    assert report is not None and len(report.criteria) > 9
    categories, values = bar_chart(dashboard.criteria_chart)
    ids = [c.criterion for c in report.criteria]
    assert all(len(v) == len(categories) for v in values)
    assert len(categories) == len(ids) == len(set(categories))
    names = [dashboard.criterion_name(i) for i in ids]
    assert categories == [category_label(n) for n in reversed(names)]  # drawn bottom up
    assert [html.unescape(c.replace("<br>", " ")) for c in categories] == names[::-1]
    assert not set(ids) & set(categories)  # names, not machine ids
    alphas = [c.krippendorff_alpha_ordinal or 0.0 for c in report.criteria]
    assert values[0] == pytest.approx(list(reversed(alphas)))
    # Room for every label: Qt leaves out labels that would overlap.
    chart = dashboard.criteria_chart
    chart.resize(chart.minimumSize())
    qtbot.wait(50)
    lines = sum(c.count("<br>") + 1 for c in categories)
    assert chart.plot.plotArea().height() / lines >= chart.fontMetrics().height()
    # The tables name criteria too; the id is in the tooltip.
    dashboard.tables.setCurrentWidget(dashboard.criteria_table)
    first = dashboard.criteria_model.index(0, 0)
    assert first.data() == names[0]
    assert ids[0] in str(first.data(Qt.ItemDataRole.ToolTipRole))
    assert names[0] in dashboard.criteria_chart.accessibleDescription()
    dashboard.close()
    window.close()


def test_the_drill_down_before_any_row_is_chosen(window: MainWindow, qtbot: QtBot) -> None:
    dashboard = open_dashboard(window, qtbot)
    table = dashboard.drill
    headers = [
        str(table.model().headerData(c, Qt.Orientation.Horizontal))
        for c in range(table.columnCount())
        if not table.isColumnHidden(c)
    ]
    assert not table.isVisibleTo(dashboard) or "1" not in headers, headers
    assert "Double-click" in dashboard.drill_title.text()
    # Once a row is chosen, the list has headers of its own.
    dashboard.tables.setCurrentWidget(dashboard.criteria_table)
    double_click(qtbot, dashboard.criteria_table, 0)
    assert table.isVisibleTo(dashboard)
    assert table.horizontalHeaderItem(0).text() == "Submission"  # type: ignore[union-attr]
    dashboard.close()
