"""Contrast that passes WCAG 2.x AA in the light and the dark scheme, and focus that is
always visible.

The ratios are WCAG's: relative luminance of the sRGB colours, (L1 + 0.05) / (L2 + 0.05).
Text needs 4.5:1 (every text in the window is normal-sized: 9 to 11 points); focus marks
and chart series need 3:1 against what they are drawn on (1.4.11). Disabled controls are
exempt (1.4.3): their ratios are reported, not required.

What is checked is what the window draws with: the palettes `theme.apply_theme` sets,
the chart colours `theme.chart_colours` gives (read back from real charts), and, for
focus, the pixels of every control the Tab key reaches on every screen, before and
after it has focus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCharts import QAbstractBarSeries, QLineSeries
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

import reviewer_app.ui as ui_package
from reviewer_app.calibration.report import calibration_report
from reviewer_app.calibration.results import CalibrationReport
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui import theme
from reviewer_app.ui.calibration import charts
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.theme import DARK, LIGHT, apply_theme, chart_colours
from tests.calibration.setup import calibrate
from tests.ui.screens import open_screens

TEXT, NON_TEXT = 4.5, 3.0
SCHEMES = (LIGHT, DARK)
Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# What a person reads, on what: every foreground role over the background it is drawn on.
TEXT_PAIRS = [
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),  # tooltips, warning banners, message strips
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.Link, Role.Window),  # links in labels
]
DISABLED_PAIRS = [
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
]


# WCAG 2.x ----------------------------------------------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` as seen over `background` (a translucent colour blends with it)."""
    a = colour.alphaF()
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


def contrast(foreground: QColor, background: QColor) -> float:
    lighter, darker = sorted(
        (luminance(over(foreground, background)), luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_the_formula_gives_wcags_reference_ratios() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    half_black = QColor(0, 0, 0, 128)  # Fusion's own placeholder: 4:1 on white
    assert contrast(half_black, QColor("#ffffff")) == pytest.approx(4.0, abs=0.01)


# The palettes ------------------------------------------------------------------------------


@pytest.fixture(params=SCHEMES)
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert apply_theme(qapp, request.param) == request.param
    try:
        yield request.param
    finally:
        apply_theme(qapp, LIGHT)  # as the other tests expect it


def failing_pairs(palette: QPalette) -> list[str]:
    found = []
    for group in (Group.Active, Group.Inactive):
        for fore, back in TEXT_PAIRS:
            ratio = contrast(palette.color(group, fore), palette.color(group, back))
            if ratio < TEXT:
                found.append(f"{group.name} {fore.name} on {back.name}: {ratio:.2f}")
    return found


def test_every_text_pair_passes_aa(scheme: str, qapp: QApplication) -> None:
    assert failing_pairs(qapp.palette()) == []


def test_disabled_text_is_reported(
    scheme: str, qapp: QApplication, record_property: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exempt from 1.4.3, so not required; written to the report to keep an eye on."""
    palette = qapp.palette()
    for fore, back in DISABLED_PAIRS:
        ratio = contrast(palette.color(Group.Disabled, fore), palette.color(Group.Disabled, back))
        record_property(f"{scheme} disabled {fore.name} on {back.name}", round(ratio, 2))
        with capsys.disabled():
            print(f"\n{scheme}: disabled {fore.name} on {back.name} {ratio:.2f}:1", end="")
        assert ratio > 1.2  # still there to see


def test_focus_and_selection_colours_stand_out(scheme: str, qapp: QApplication) -> None:
    """Highlight marks focus (Fusion's focus frames, our rings, the current rubric card,
    the chosen level's bar): 3:1 against every background it is drawn on. A list
    without focus shows its selection muted, so focus entering it shows (3:1)."""
    palette = qapp.palette()
    highlight = palette.color(Group.Active, Role.Highlight)
    for back in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
        assert contrast(highlight, palette.color(Group.Active, back)) >= NON_TEXT, back.name
    inactive = palette.color(Group.Inactive, Role.Highlight)
    assert contrast(highlight, inactive) >= NON_TEXT
    assert palette.color(Group.Active, Role.Accent) == highlight


def test_the_check_fails_on_a_failing_pair(qapp: QApplication) -> None:
    """The walk above can fail: Fusion's own light palette (white on its blue, a
    half-transparent placeholder, magenta visited links) falls short."""
    fusion = qapp.style().standardPalette()
    found = " ".join(failing_pairs(fusion))
    assert "HighlightedText on Highlight" in found
    assert "PlaceholderText on Base" in found
    assert "LinkVisited on Base" in found


# The colours the window draws itself --------------------------------------------------------


def test_no_colour_is_set_outside_the_theme() -> None:
    """Colours come from the palette or from theme.py, which this module checks; the one
    exception is the PDF page's white paper (a page, not the window)."""
    source = Path(ui_package.__file__).parent
    pattern = re.compile(
        r"QColor\(\s*[\d\"']|#[0-9a-fA-F]{6}\b|Qt\.GlobalColor\.|rgb\(|setStyleSheet\("
        r"|\bcolor:|background(-color)?:"
    )
    found = [
        f"{path.relative_to(source)}:{n}: {line.strip()}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "PAPER = Qt.GlobalColor.white" not in line
    ]
    assert found == []


def test_chart_colours_pass_in_both_schemes(scheme: str, qapp: QApplication) -> None:
    colours = chart_colours(qapp.palette())
    assert contrast(colours.text, colours.background) >= TEXT
    assert contrast(colours.threshold, colours.background) >= NON_TEXT
    for series in colours.series:
        assert contrast(series, colours.background) >= NON_TEXT, series.name()
        # The threshold crosses the bars: it must show on them too.
        assert contrast(colours.threshold, series) >= NON_TEXT, series.name()
    # Both schemes' series, whichever palette is in use now.
    for scheme_name, names in theme.SERIES_COLOURS.items():
        assert names, scheme_name


@pytest.fixture
def report(reviewed_folder: DataFolder, tmp_path: Path) -> CalibrationReport:
    calibrate(reviewed_folder, tmp_path)
    with reviewed_folder.sessions() as session:
        return calibration_report(session, n_resamples=20)


def drawn_colours(panel: charts.ChartPanel) -> dict[str, Any]:
    """The colours a chart is drawing with now, read back from it."""
    plot = panel.plot
    texts = [plot.titleBrush().color(), plot.legend().labelColor()]
    for axis in plot.axes():
        texts += [axis.labelsBrush().color(), axis.titleBrush().color()]
    bars, borders, lines, thresholds = [], [], [], []
    for series in plot.series():
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                bars.append(bar_set.color())
                borders.append(bar_set.pen())
        elif isinstance(series, QLineSeries):
            (thresholds if series.objectName() == charts.THRESHOLD else lines).append(
                series.pen().color()
            )
    return {
        "background": plot.backgroundBrush().color(),
        "texts": texts,
        "bars": bars,
        "borders": borders,
        "lines": lines,
        "thresholds": thresholds,
    }


def chart_problems(panel: charts.ChartPanel) -> list[str]:
    drawn = drawn_colours(panel)
    background = drawn["background"]
    found = [
        f"text {c.name()}: {contrast(c, background):.2f}"
        for c in drawn["texts"]
        if contrast(c, background) < TEXT
    ]
    for colour in drawn["bars"] + drawn["lines"] + drawn["thresholds"]:
        if contrast(colour, background) < NON_TEXT:
            found.append(f"series {colour.name()}: {contrast(colour, background):.2f}")
    for threshold in drawn["thresholds"]:
        for bar in drawn["bars"]:
            if contrast(threshold, bar) < NON_TEXT:
                found.append(f"threshold {threshold.name()} on bar {bar.name()}")
    for pen in drawn["borders"]:  # bars side by side: apart by a line of the background
        if pen.color() != background or pen.widthF() < 1:
            found.append(f"bar border {pen.color().name()} {pen.widthF()}")
    return found


def test_every_chart_draws_with_colours_that_pass(
    qapp: QApplication, qtbot: QtBot, report: CalibrationReport
) -> None:
    panels = {
        name: charts.ChartPanel(name, name)
        for name in ("criteria", "agreement", "severity", "drift")
    }
    for panel in panels.values():
        qtbot.addWidget(panel)
        panel.show()
    reviewer = next(r.reviewer for r in report.reviewers if r.drift)
    try:
        for scheme in SCHEMES:
            # Drawn in one scheme, then the person switches: the charts follow.
            apply_theme(qapp, scheme)
            charts.criteria_chart(panels["criteria"], report)
            charts.reviewer_agreement_chart(panels["agreement"], report)
            charts.severity_chart(panels["severity"], report)
            charts.drift_chart(panels["drift"], report, reviewer)
            for other in SCHEMES:
                apply_theme(qapp, other)
                QApplication.processEvents()
                expected = chart_colours(qapp.palette()).background.rgb()
                problems = {
                    name: found or ["background not the palette's"]
                    for name, panel in panels.items()
                    if (found := chart_problems(panel))
                    or drawn_colours(panel)["background"].rgb() != expected
                }
                assert problems == {}, (scheme, other)
            assert drawn_colours(panels["agreement"])["thresholds"]
            assert len(drawn_colours(panels["criteria"])["bars"]) == 2
    finally:
        apply_theme(qapp, LIGHT)


def test_the_chart_check_fails_on_a_pale_series(
    qapp: QApplication, qtbot: QtBot, report: CalibrationReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A series colour too pale for the background (the charts' old default, 2.9:1 on
    white) is caught."""
    monkeypatch.setitem(theme.SERIES_COLOURS, LIGHT, ("#209fdf", "#99ca53"))
    apply_theme(qapp, LIGHT)
    panel = charts.ChartPanel("criteria", "criteria")
    qtbot.addWidget(panel)
    charts.criteria_chart(panel, report)
    assert any(p.startswith("series #209fdf") for p in chart_problems(panel))


# Focus -------------------------------------------------------------------------------------


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8)
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    return rows.reshape(image.height(), image.width(), 4)[:, :, 2::-1].astype(np.float64)


def luminances(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def focus_mark(before: QImage, after: QImage) -> int:
    """How many pixels changed by 3:1 or more when focus came."""
    a, b = luminances(pixels(before)), luminances(pixels(after))
    ratio = (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)
    return int((ratio >= NON_TEXT).sum())


def focus_problems(window: QWidget, qtbot: QtBot) -> list[str]:
    """Every control Tab reaches in `window` whose focus does not show: fewer pixels
    changed by 3:1 than half its outline. (ShortcutFocusReason: focus by the keyboard,
    so Fusion and our rings draw as they do after Tab.)"""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    found = []
    controls = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.window() is window
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]
    for control in controls:
        control.setFocus(Qt.FocusReason.ShortcutFocusReason)  # brings it into view
        QApplication.processEvents()
        if not control.hasFocus():
            continue
        rect = QRect(control.mapTo(window, QPoint(0, 0)), control.size()).adjusted(-3, -3, 3, 3)
        visible = control.visibleRegion().boundingRect()
        if visible.width() < control.width() or visible.height() < control.height():
            continue  # partly scrolled out of sight: its mark cannot all be seen
        control.clearFocus()
        QApplication.processEvents()
        before = window.grab(rect).toImage()
        control.setFocus(Qt.FocusReason.ShortcutFocusReason)
        QApplication.processEvents()
        after = window.grab(rect).toImage()
        needed = (control.width() + control.height()) // 2
        if (marked := focus_mark(before, after)) < needed:
            name = control.accessibleName() or getattr(control, "text", lambda: "")()
            found.append(f"{type(control).__name__} {name!r}: {marked} of {needed} pixels")
    return found


@pytest.mark.qt_log_ignore("does not support raise")
def test_focus_shows_on_every_control_of_every_screen(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    names = ["issuers", "export", "verify", "revoke", "adjudication", "settings"]
    screens = open_screens(window, names)
    assert set(screens) == {"main window", *names}
    try:
        problems = {}
        for scheme in SCHEMES:
            apply_theme(qapp, scheme)
            for name, screen in screens.items():
                screen.raise_()
                if found := focus_problems(screen, qtbot):
                    problems[f"{scheme} {name}"] = found
        assert problems == {}
    finally:
        apply_theme(qapp, LIGHT)
        for screen in screens.values():
            if screen is not window:
                screen.close()
        window.close()


def test_the_focus_check_fails_where_focus_does_not_show(qtbot: QtBot, qapp: QApplication) -> None:
    """Fusion alone marks a focused tool button, check box, tab or list with a faint
    tint: the check finds them; with the theme's rings they pass."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    tool = QToolButton()
    tool.setText("Tool")
    tool.setAutoRaise(True)
    check = QCheckBox("Check")
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "One")
    tabs.addTab(QWidget(), "Two")
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    QTreeWidgetItem(tree, ["item"])
    for w in (QPushButton("Push"), tool, check, tabs, QLineEdit("text"), tree):
        layout.addWidget(w)
    window.show()
    qtbot.waitExposed(window)
    try:
        apply_theme(qapp, LIGHT)
        ring = qapp.findChild(theme.FocusRing)
        assert ring is not None
        assert focus_problems(window, qtbot) == []
        qapp.focusChanged.disconnect(ring.follow)  # Fusion alone
        try:
            found = " ".join(focus_problems(window, qtbot))
        finally:
            qapp.focusChanged.connect(ring.follow)
        for kind in ("QToolButton", "QCheckBox", "QTabBar", "QTreeWidget"):
            assert kind in found
    finally:
        apply_theme(qapp, LIGHT)
