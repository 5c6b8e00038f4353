"""The dashboard's four charts. Each keeps one QChart and refills it, so no chart is
orphaned between reports; each says what it shows in its accessible description, for
people who cannot see the bars. Words in the window's language, numbers in its locale."""

from __future__ import annotations

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
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QIODevice,
    QLocale,
    QPointF,
    Qt,
)
from PySide6.QtGui import QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reviewer_app.calibration.export import exact_needed
from reviewer_app.ui.calibration.words import count, decimal, na, percent, signed

translate = QCoreApplication.translate


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
        # Axis labels in the locale's digits (decimal commas in Spanish) and month names.
        self.plot.setLocale(QLocale())
        self.plot.setLocalizeNumbers(True)
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
        [
            (translate("CalibrationDashboard", "Krippendorff's alpha (ordinal)"), alphas),
            (translate("CalibrationDashboard", "Exact agreement"), exact),
        ],
        max(low, -1.0),
        1.0,
        translate("CalibrationDashboard", "Agreement"),
    )
    words = [
        translate(
            "CalibrationDashboard", "{criterion}: alpha {alpha}, exact agreement {exact}"
        ).format(criterion=n, alpha=decimal(a), exact=percent(e))
        for n, a, e in zip(names, alphas, exact, strict=True)
    ]
    panel.tips = words
    panel.describe(
        translate(
            "CalibrationDashboard", "Agreement per criterion across reviewers. {details}"
        ).format(details="; ".join(words) or translate("CalibrationDashboard", "No criteria yet."))
    )


def reviewer_agreement_chart(panel: ChartPanel, report: dict[str, Any]) -> None:
    reviewers = report["reviewers"]
    names = [r["reviewer"] for r in reviewers]
    exact = [r["exact_agreement"] for r in reviewers]
    panel.bars(
        names,
        [(translate("CalibrationDashboard", "Exact agreement with anchors"), exact)],
        0.0,
        1.0,
        translate("CalibrationDashboard", "Exact agreement"),
    )
    levels = max([c["levels"] for c in report["criteria"]] or [4])
    needed = exact_needed(report["rules"], levels)
    if names:
        # The threshold for the rubric's scale, drawn across every bar.
        line = QLineSeries()
        line.setName(
            translate("CalibrationDashboard", "Threshold {percent} ({levels} levels)").format(
                percent=percent(needed), levels=count(levels)
            )
        )
        line.append([QPointF(-0.5, needed), QPointF(len(names) - 0.5, needed)])
        pen = QPen(Qt.GlobalColor.darkRed)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        panel.plot.addSeries(line)
        for axis in panel.plot.axes():
            line.attachAxis(axis)
    words = [
        (
            translate("CalibrationDashboard", "{reviewer}: {exact}")
            if e is None or e >= needed
            else translate("CalibrationDashboard", "{reviewer}: {exact} (below threshold)")
        ).format(reviewer=n, exact=percent(e))
        for n, e in zip(names, exact, strict=True)
    ]
    threshold = percent(needed)
    panel.tips = [
        translate("CalibrationDashboard", "{words}; threshold {threshold}").format(
            words=w, threshold=threshold
        )
        for w in words
    ]
    panel.describe(
        translate(
            "CalibrationDashboard",
            "Exact agreement with the anchors per reviewer, threshold {threshold}. {details}",
        ).format(
            threshold=threshold,
            details="; ".join(words) or translate("CalibrationDashboard", "No reviewers yet."),
        )
    )


def severity_chart(panel: ChartPanel, report: dict[str, Any]) -> None:
    reviewers = report["reviewers"]
    names = [r["reviewer"] for r in reviewers]
    severity = [r["severity"] for r in reviewers]
    known = [abs(s) for s in severity if s is not None]
    reach = max([1.0, *known])
    panel.bars(
        names,
        [(translate("CalibrationDashboard", "Severity against anchors"), severity)],
        -reach,
        reach,
        translate("CalibrationDashboard", "Steps (negative = harsher)"),
    )
    words = [_severity_words(n, s) for n, s in zip(names, severity, strict=True)]
    panel.tips = words
    panel.describe(
        translate(
            "CalibrationDashboard",
            "Severity per reviewer, the mean steps from the anchors' reference levels; "
            "negative is harsher. {details}",
        ).format(details="; ".join(words) or translate("CalibrationDashboard", "No reviewers yet."))
    )


def _severity_words(reviewer: str, severity: float | None) -> str:
    if severity is None:
        return translate("CalibrationDashboard", "{reviewer}: {severity}").format(
            reviewer=reviewer, severity=na()
        )
    if severity < 0:
        text = translate("CalibrationDashboard", "{reviewer}: {severity} (harsher)")
    elif severity > 0:
        text = translate("CalibrationDashboard", "{reviewer}: {severity} (more lenient)")
    else:
        text = translate("CalibrationDashboard", "{reviewer}: {severity}")
    return text.format(reviewer=reviewer, severity=signed(severity))


def drift_chart(panel: ChartPanel, report: dict[str, Any], reviewer: str | None) -> None:
    panel.clear()
    entry = next((r for r in report["reviewers"] if r["reviewer"] == reviewer), None)
    drift = entry.get("drift") if entry else None
    panel.plot.setTitle(
        translate("CalibrationDashboard", "Drift over time: {reviewer}").format(reviewer=reviewer)
        if reviewer
        else translate("CalibrationDashboard", "Drift over time")
    )
    if not drift or not drift["weeks"]:
        panel.tips = []
        panel.describe(
            translate(
                "CalibrationDashboard",
                "No drift to show for {reviewer}: it needs two or more anchor scores.",
            ).format(reviewer=reviewer)
            if reviewer
            else translate("CalibrationDashboard", "No reviewer chosen.")
        )
        return
    series = QLineSeries()
    series.setName(translate("CalibrationDashboard", "Weekly severity (negative = harsher)"))
    series.setPointsVisible(True)
    words = []
    values = []
    for week in drift["weeks"]:
        start = QDate.fromString(week["start"][:10], Qt.DateFormat.ISODate)
        moment = QDateTime(start.year(), start.month(), start.day(), 0, 0, 0)
        series.append(float(moment.toMSecsSinceEpoch()), _value(week["severity"]))
        values.append(_value(week["severity"]))
        severity = na() if week["severity"] is None else signed(week["severity"])
        words.append(
            translate(
                "CalibrationDashboard", "week of {date}: {severity} over {scores} scores"
            ).format(
                date=QLocale().toString(start, QLocale.FormatType.LongFormat),
                severity=severity,
                scores=count(week["scores"]),
            )
        )
    panel.plot.addSeries(series)
    x = QDateTimeAxis()
    x.setFormat("d MMM yyyy")
    x.setTitleText(translate("CalibrationDashboard", "Week"))
    first, last = series.at(0).x(), series.at(series.count() - 1).x()
    day = 86_400_000.0
    x.setRange(
        QDateTime.fromMSecsSinceEpoch(int(first - 3 * day)),
        QDateTime.fromMSecsSinceEpoch(int(last + 3 * day)),
    )
    reach = max([1.0, *(abs(v) for v in values)])
    y = _value_axis(-reach, reach, translate("CalibrationDashboard", "Steps (negative = harsher)"))
    panel.plot.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    panel.plot.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    slope = drift["slope_per_30_days"]
    panel.tips = words
    if slope is not None:
        text = translate(
            "CalibrationDashboard",
            "Weekly severity of {reviewer} against the anchors; {weeks}. "
            "Trend {slope} steps per 30 days.",
        )
    else:
        text = translate(
            "CalibrationDashboard", "Weekly severity of {reviewer} against the anchors; {weeks}."
        )
    panel.describe(
        text.format(
            reviewer=reviewer,
            weeks="; ".join(words),
            slope=signed(slope) if slope is not None else "",
        )
    )
