"""The dashboard's four charts. Each keeps one QChart and refills it, so no chart is
orphaned between reports; each says what it shows in its accessible description, for
people who cannot see the bars. Words in the window's language, numbers in its locale.
Colours come from `theme.chart_colours` for the palette in use, and follow it when the
person switches between light and dark."""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QIODevice,
    QLocale,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reviewer_app.calibration.results import CalibrationReport
from reviewer_app.ui.calibration.words import count, decimal, na, percent, signed
from reviewer_app.ui.dates import medium_date_format, shown_date
from reviewer_app.ui.theme import chart_colours

translate = QCoreApplication.translate
THRESHOLD = "threshold"  # the object name of the threshold's line series
MINIMUM_SIZE = QSize(460, 400)
LABEL_WIDTH = 26  # characters a line of a category's label down the left, at most


def category_label(name: str) -> str:
    """A category's name as its axis draws it (Qt draws axis labels as rich text): on
    lines short enough to leave the bars most of the chart's width."""
    lines = textwrap.wrap(name, LABEL_WIDTH) or [name]
    return "<br>".join(html.escape(line) for line in lines)


def _value(value: float | None) -> float:
    return 0.0 if value is None else float(value)


def _value_axis(low: float, high: float, title: str, *, across: bool = False) -> QValueAxis:
    """Ticks on round numbers from zero (0.25 or 0.5 apart), not the range's fifths;
    `across` (an axis along the bottom) has half as many, so their labels stay apart."""
    step = 0.25 if high - low <= 2 else 0.5
    if across:
        step *= 2
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
        self.plot.legend().setShowToolTips(True)  # the whole name of an entry cut short
        super().__init__(self.plot, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        # Room for the axes' labels and titles whole (smaller, Qt cuts them short); the
        # dashboard scrolls its charts when the window is smaller than four of these.
        self.setMinimumSize(MINIMUM_SIZE)
        self.tips: list[str] = []  # per category, shown when a bar is hovered
        self._reversed = False  # bars drawn bottom to top: tips are in reading order
        self.apply_colours()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_colours()

    def apply_colours(self) -> None:
        """Colours the chart and what is in it for the palette (light or dark)."""
        colours = chart_colours(self.palette())
        plot = self.plot
        plot.setBackgroundBrush(QBrush(colours.background))
        plot.setBackgroundPen(QPen(colours.grid))
        plot.setTitleBrush(QBrush(colours.text))
        plot.legend().setLabelColor(colours.text)
        for axis in plot.axes():
            axis.setLabelsColor(colours.text)
            axis.setTitleBrush(QBrush(colours.text))
            axis.setLinePenColor(colours.text)
            axis.setGridLineColor(colours.grid)
        n = 0
        for series in plot.series():
            if isinstance(series, QAbstractBarSeries):
                for bar_set in series.barSets():
                    bar_set.setColor(colours.series[n % len(colours.series)])
                    # Bars side by side stay apart: a line of the background between.
                    bar_set.setPen(QPen(colours.background, 1))
                    bar_set.setLabelColor(colours.text)
                    n += 1
            elif isinstance(series, QLineSeries):
                pen = series.pen()
                if series.objectName() == THRESHOLD:
                    pen.setColor(colours.threshold)
                else:
                    pen.setColor(colours.series[n % len(colours.series)])
                    n += 1
                series.setPen(pen)
                series.setBrush(QBrush(pen.color()))

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
        *,
        horizontal: bool = False,
    ) -> tuple[QBarCategoryAxis, QValueAxis]:
        """Bars per category. `horizontal` lays them across, the categories down the
        left in reading order, with room for long names (criterion ids)."""
        self.clear()
        self._reversed = horizontal
        order = list(reversed(range(len(categories)))) if horizontal else range(len(categories))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for name, values in sets:
            bar_set = QBarSet(name)
            bar_set.append([_value(values[i]) for i in order])
            series.append(bar_set)
        series.hovered.connect(self._hovered)
        self.plot.addSeries(series)
        x = QBarCategoryAxis()
        labels = [category_label(c) if horizontal else c for c in categories]
        x.append([labels[i] for i in order])
        if horizontal:
            x.setTruncateLabels(False)  # one under another, the whole of each fits
        elif len(categories) > 4:  # long names: slanted, so fewer are cut short
            x.setLabelsAngle(-35)
        y = _value_axis(low, high, y_title, across=horizontal)
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        self.plot.addAxis(x, category_side)
        self.plot.addAxis(y, value_side)
        series.attachAxis(x)
        series.attachAxis(y)
        self.apply_colours()
        if horizontal:
            self._room_for_each(sum(label.count("<br>") + 1 for label in labels))
        return x, y

    def _room_for_each(self, lines: int) -> None:
        """Tall enough for every category's label (`lines` in all): where labels would
        overlap, Qt leaves every other one out, and bars seem to stand beside the wrong
        names. The title, legend and value axis take about ten lines; each label's line
        a line and a half. The dashboard scrolls a chart taller than the window."""
        line = self.fontMetrics().lineSpacing()
        needed = round(10 * line + 1.5 * line * lines)
        self.setMinimumHeight(max(MINIMUM_SIZE.height(), needed))

    def _hovered(self, status: bool, index: int, _bar_set: QBarSet) -> None:
        if self._reversed:
            index = len(self.tips) - 1 - index
        if status and 0 <= index < len(self.tips):
            QToolTip.showText(QCursor.pos(), self.tips[index], self)
        else:
            QToolTip.hideText()


def criteria_chart(
    panel: ChartPanel, report: CalibrationReport, names_of: Mapping[str, str] | None = None
) -> None:
    """Criteria by name (`names_of`: id to name; the id stands when it has none), each
    name unique, so that each bar has a label of its own; the id is in the bar's tip."""
    criteria = report.criteria
    ids = [c.criterion for c in criteria]
    names = [(names_of or {}).get(i, i) for i in ids]
    alphas = [c.krippendorff_alpha_ordinal for c in criteria]
    exact = [c.exact_agreement for c in criteria]
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
        horizontal=True,
    )
    words = [
        translate(
            "CalibrationDashboard", "{criterion}: alpha {alpha}, exact agreement {exact}"
        ).format(criterion=n, alpha=decimal(a), exact=percent(e))
        for n, a, e in zip(names, alphas, exact, strict=True)
    ]
    panel.tips = [
        translate("CalibrationDashboard", "{words} (criterion id: {id})").format(words=w, id=i)
        for w, i in zip(words, ids, strict=True)
    ]
    panel.describe(
        translate(
            "CalibrationDashboard", "Agreement per criterion across reviewers. {details}"
        ).format(details="; ".join(words) or translate("CalibrationDashboard", "No criteria yet."))
    )


def reviewer_agreement_chart(panel: ChartPanel, report: CalibrationReport) -> None:
    reviewers = report.reviewers
    names = [r.reviewer for r in reviewers]
    exact = [r.exact_agreement for r in reviewers]
    panel.bars(
        names,
        [(translate("CalibrationDashboard", "Exact agreement with anchors"), exact)],
        0.0,
        1.0,
        translate("CalibrationDashboard", "Exact agreement"),
    )
    levels = max([c.levels for c in report.criteria] or [4])
    needed = report.rules.exact_needed(levels)
    if names:
        # The threshold for the rubric's scale, drawn across every bar.
        line = QLineSeries()
        line.setName(
            translate("CalibrationDashboard", "Threshold {percent} ({levels} levels)").format(
                percent=percent(needed), levels=count(levels)
            )
        )
        line.append([QPointF(-0.5, needed), QPointF(len(names) - 0.5, needed)])
        line.setObjectName(THRESHOLD)
        pen = QPen()
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        panel.plot.addSeries(line)
        for axis in panel.plot.axes():
            line.attachAxis(axis)
        panel.apply_colours()
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


def severity_chart(panel: ChartPanel, report: CalibrationReport) -> None:
    reviewers = report.reviewers
    names = [r.reviewer for r in reviewers]
    severity = [r.severity for r in reviewers]
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


def drift_chart(panel: ChartPanel, report: CalibrationReport, reviewer: str | None) -> None:
    panel.clear()
    entry = report.reviewer(reviewer) if reviewer else None
    drift = entry.drift if entry else None
    panel.plot.setTitle(
        translate("CalibrationDashboard", "Drift over time: {reviewer}").format(reviewer=reviewer)
        if reviewer
        else translate("CalibrationDashboard", "Drift over time")
    )
    if not drift or not drift.weeks:
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
    for week in drift.weeks:
        start = QDate.fromString(week.start[:10], Qt.DateFormat.ISODate)
        moment = QDateTime(start.year(), start.month(), start.day(), 0, 0, 0)
        series.append(float(moment.toMSecsSinceEpoch()), _value(week.severity))
        values.append(_value(week.severity))
        severity = na() if week.severity is None else signed(week.severity)
        words.append(
            translate(
                "CalibrationDashboard", "week of {date}: {severity} over {scores} scores"
            ).format(
                date=shown_date(start),
                severity=severity,
                scores=count(week.scores),
            )
        )
    panel.plot.addSeries(series)
    x = QDateTimeAxis()
    x.setFormat(medium_date_format())
    x.setTickCount(3)  # dates are wide: more would be cut short
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
    panel.apply_colours()
    slope = drift.slope_per_30_days
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
