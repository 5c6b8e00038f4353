"""The dashboard's four charts. Each keeps one QChart and refills it, so no chart is
orphaned between reports; each says what it shows in its accessible description, for
people who cannot see the bars."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QDateTime, QIODevice, QPointF, Qt
from PySide6.QtGui import QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reviewer_app.calibration.export import NA, exact_needed, percent


def _value(value: float | None) -> float:
    return 0.0 if value is None else float(value)


def _value_axis(low: float, high: float, title: str) -> QValueAxis:
    """Ticks on round numbers from zero (0.25 or 0.5 apart), not the range's fifths."""
    step = 0.25 if high - low <= 2 else 0.5
    axis = QValueAxis()
    axis.setRange(math.floor(low / step) * step, math.ceil(high / step) * step)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0.0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%.2f")
    axis.setTitleText(title)
    return axis


class ChartPanel(QChartView):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        self.plot = QChart()
        self.plot.setTitle(title)
        self.plot.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(self.plot, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumSize(320, 220)
        self.tips: list[str] = []  # per category, shown when a bar is hovered

    def clear(self) -> None:
        self.plot.removeAllSeries()
        for axis in self.plot.axes():
            self.plot.removeAxis(axis)
            axis.deleteLater()  # removed axes are no longer owned by the chart

    def describe(self, text: str) -> None:
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def png(self) -> bytes:
        """The chart as it is on screen, as PNG bytes (for the PDF)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.grab().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def bars(
        self,
        categories: Sequence[str],
        sets: Sequence[tuple[str, Sequence[float | None]]],
        low: float,
        high: float,
        y_title: str,
    ) -> tuple[QBarCategoryAxis, QValueAxis]:
        self.clear()
        series = QBarSeries()
        for name, values in sets:
            bar_set = QBarSet(name)
            bar_set.append([_value(v) for v in values])
            series.append(bar_set)
        series.hovered.connect(self._hovered)
        self.plot.addSeries(series)
        x = QBarCategoryAxis()
        x.append(list(categories))
        if len(categories) > 4:  # long criterion ids: slanted, so fewer are cut short
            x.setLabelsAngle(-35)
        y = _value_axis(low, high, y_title)
        self.plot.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.plot.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        return x, y

    def _hovered(self, status: bool, index: int, _bar_set: QBarSet) -> None:
        if status and 0 <= index < len(self.tips):
            QToolTip.showText(QCursor.pos(), self.tips[index], self)
        else:
            QToolTip.hideText()


def criteria_chart(panel: ChartPanel, report: dict[str, Any]) -> None:
    criteria = report["criteria"]
    names = [c["criterion"] for c in criteria]
    alphas = [c["krippendorff_alpha_ordinal"] for c in criteria]
    exact = [c["exact_agreement"] for c in criteria]
    low = min([0.0, *(a for a in alphas if a is not None)])
    panel.bars(
        names,
        [("Krippendorff's alpha (ordinal)", alphas), ("Exact agreement", exact)],
        max(low, -1.0),
        1.0,
        "Agreement",
    )
    words = [
        f"{n}: alpha {NA if a is None else f'{a:.2f}'}, exact agreement {percent(e)}"
        for n, a, e in zip(names, alphas, exact, strict=True)
    ]
    panel.tips = words
    panel.describe(
        "Agreement per criterion across reviewers. " + ("; ".join(words) or "No criteria yet.")
    )


def reviewer_agreement_chart(panel: ChartPanel, report: dict[str, Any]) -> None:
    reviewers = report["reviewers"]
    names = [r["reviewer"] for r in reviewers]
    exact = [r["exact_agreement"] for r in reviewers]
    panel.bars(names, [("Exact agreement with anchors", exact)], 0.0, 1.0, "Exact agreement")
    levels = max([c["levels"] for c in report["criteria"]] or [4])
    needed = exact_needed(report["rules"], levels)
    if names:
        # The threshold for the rubric's scale, drawn across every bar.
        line = QLineSeries()
        line.setName(f"Threshold {needed:.0%} ({levels} levels)")
        line.append([QPointF(-0.5, needed), QPointF(len(names) - 0.5, needed)])
        pen = QPen(Qt.GlobalColor.darkRed)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        panel.plot.addSeries(line)
        for axis in panel.plot.axes():
            line.attachAxis(axis)
    words = [
        f"{n}: {percent(e)}" + ("" if e is None or e >= needed else " (below threshold)")
        for n, e in zip(names, exact, strict=True)
    ]
    panel.tips = [f"{w}; threshold {needed:.0%}" for w in words]
    panel.describe(
        f"Exact agreement with the anchors per reviewer, threshold {needed:.0%}. "
        + ("; ".join(words) or "No reviewers yet.")
    )


def severity_chart(panel: ChartPanel, report: dict[str, Any]) -> None:
    reviewers = report["reviewers"]
    names = [r["reviewer"] for r in reviewers]
    severity = [r["severity"] for r in reviewers]
    known = [abs(s) for s in severity if s is not None]
    reach = max([1.0, *known])
    panel.bars(
        names,
        [("Severity against anchors", severity)],
        -reach,
        reach,
        "Steps (negative = harsher)",
    )
    words = [
        f"{n}: {NA if s is None else f'{s:+.2f}'}"
        + ("" if s is None or s == 0 else " (harsher)" if s < 0 else " (more lenient)")
        for n, s in zip(names, severity, strict=True)
    ]
    panel.tips = words
    panel.describe(
        "Severity per reviewer, the mean steps from the anchors' reference levels; "
        "negative is harsher. " + ("; ".join(words) or "No reviewers yet.")
    )


def drift_chart(panel: ChartPanel, report: dict[str, Any], reviewer: str | None) -> None:
    panel.clear()
    entry = next((r for r in report["reviewers"] if r["reviewer"] == reviewer), None)
    drift = entry.get("drift") if entry else None
    panel.plot.setTitle(f"Drift over time: {reviewer}" if reviewer else "Drift over time")
    if not drift or not drift["weeks"]:
        panel.tips = []
        panel.describe(
            f"No drift to show for {reviewer}: it needs two or more anchor scores."
            if reviewer
            else "No reviewer chosen."
        )
        return
    series = QLineSeries()
    series.setName("Weekly severity (negative = harsher)")
    series.setPointsVisible(True)
    words = []
    values = []
    for week in drift["weeks"]:
        start = dt.date.fromisoformat(week["start"][:10])
        moment = QDateTime(start.year, start.month, start.day, 0, 0, 0)
        series.append(float(moment.toMSecsSinceEpoch()), _value(week["severity"]))
        values.append(_value(week["severity"]))
        severity = NA if week["severity"] is None else f"{week['severity']:+.2f}"
        words.append(f"week of {start:%d %b %Y}: {severity} over {week['scores']} scores")
    panel.plot.addSeries(series)
    x = QDateTimeAxis()
    x.setFormat("d MMM yyyy")
    x.setTitleText("Week")
    first, last = series.at(0).x(), series.at(series.count() - 1).x()
    day = 86_400_000.0
    x.setRange(
        QDateTime.fromMSecsSinceEpoch(int(first - 3 * day)),
        QDateTime.fromMSecsSinceEpoch(int(last + 3 * day)),
    )
    reach = max([1.0, *(abs(v) for v in values)])
    y = _value_axis(-reach, reach, "Steps (negative = harsher)")
    panel.plot.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    panel.plot.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    slope = drift["slope_per_30_days"]
    panel.tips = words
    panel.describe(
        f"Weekly severity of {reviewer} against the anchors; "
        + "; ".join(words)
        + (f". Trend {slope:+.2f} steps per 30 days." if slope is not None else ".")
    )
