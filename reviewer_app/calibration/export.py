"""The calibration report as a spreadsheet (CSV) and as a printable PDF.

Data in, bytes out: no database, no Qt; the caller writes the bytes atomically. The flags
(what falls below a threshold) are worded here once, so the dashboard, the CSV and the
PDF say the same thing, and always in words, never by colour alone.

Thresholds: a reviewer's exact agreement and weighted kappa against the anchors follow the
report's rules (they are in its "why"); a criterion's exact agreement needs the rule for
its scale size and its Fleiss' kappa the kappa rule on four or more levels. Krippendorff's
alpha below 0.667 is below threshold, below 0.800 tentative (Krippendorff's usual lines).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from reviewer_app import APP_NAME, csv_safe
from reviewer_app.calibration.results import (
    CalibrationReport,
    CriterionResult,
    Interval,
    ReviewerResult,
    Rules,
)
from reviewer_app.reviews.letter import _fold, _pdf_font

ALPHA_MINIMUM = 0.667
ALPHA_RELIABLE = 0.800
NA = "n/a"
BELOW = "below threshold"
TENTATIVE = "tentative"


# ------------------------------------------------------------------- words


def percent(value: float | None) -> str:
    return NA if value is None else f"{value:.0%}"


def decimal(value: float | None) -> str:
    return NA if value is None else f"{value:.2f}"


def interval_words(interval: Interval) -> str:
    """'95% CI 0.41 to 0.80', or '' when the bootstrap could not give one."""
    if interval[0] is None or interval[1] is None:
        return ""
    return f"95% CI {interval[0]:.2f} to {interval[1]:.2f}"


def coefficient_words(value: float | None, interval: Interval, units: int) -> str:
    """A coefficient with its interval and the number of units behind it."""
    if value is None:
        return f"{NA} (N = {units})"
    parts = [interval_words(interval), f"N = {units}"]
    return f"{value:.2f} ({'; '.join(p for p in parts if p)})"


def alpha_flag(alpha: float | None) -> str:
    if alpha is None:
        return ""
    if alpha < ALPHA_MINIMUM:
        return f"{BELOW} (alpha under {ALPHA_MINIMUM:.3f})"
    if alpha < ALPHA_RELIABLE:
        return f"{TENTATIVE} (alpha under {ALPHA_RELIABLE:.3f})"
    return ""


def reviewer_flags(entry: ReviewerResult) -> dict[str, str]:
    """Flags by field ("exact_agreement", "quadratic_weighted_kappa", "qualified").

    The report words its reasons ("exact agreement 50% is below 70%"); they are matched by
    their opening words, so the threshold each needed is the report's own."""
    flags: dict[str, str] = {}
    for reason in entry.why:
        if reason.startswith("exact agreement"):
            flags["exact_agreement"] = f"{BELOW}: {reason}"
        elif reason.startswith("weighted kappa"):
            flags["quadratic_weighted_kappa"] = f"{BELOW}: {reason}"
    if not entry.qualified:
        flags["qualified"] = "not qualified: " + "; ".join(entry.why or ["no reason given"])
    return flags


def criterion_flags(entry: CriterionResult, rules: Rules) -> dict[str, str]:
    """Flags by field ("krippendorff_alpha_ordinal", "exact_agreement", "fleiss_kappa")."""
    flags: dict[str, str] = {}
    alpha = alpha_flag(entry.krippendorff_alpha_ordinal)
    if alpha:
        flags["krippendorff_alpha_ordinal"] = alpha
    exact, levels = entry.exact_agreement, entry.levels or 2
    needed = rules.exact_needed(levels)
    if exact is not None and exact < needed:
        flags["exact_agreement"] = f"{BELOW}: {exact:.0%} is under {needed:.0%}"
    kappa, kappa_needed = entry.fleiss_kappa, rules.kappa_more
    if kappa is not None and levels >= 4 and kappa < kappa_needed:
        flags["fleiss_kappa"] = f"{BELOW}: {kappa:.2f} is under {kappa_needed:.2f}"
    return flags


def empty_report_words(report: CalibrationReport) -> str:
    """What is missing for the report to say anything, or '' when it has something."""
    missing = []
    if not report.anchored:
        missing.append(
            "anchors: submissions a lead has marked as the reference, scored by other reviewers"
        )
    if not report.double_marked:
        missing.append("double-marked submissions: each submitted by two or more reviewers")
    if not missing:
        return ""
    return "Nothing to compare yet. The calibration report needs " + ", and ".join(missing) + "."


# ------------------------------------------------------------------- CSV

REVIEWER_COLUMNS = [
    "reviewer",
    "anchor_scores",
    "exact_agreement",
    "adjacent_agreement",
    "quadratic_weighted_kappa",
    "kappa_low",
    "kappa_high",
    "severity",
    "drift_slope_per_30_days",
    "contradicted_decisions",
    "qualified",
    "flags",
]
CRITERION_COLUMNS = [
    "criterion",
    "levels",
    "units",
    "krippendorff_alpha_ordinal",
    "alpha_low",
    "alpha_high",
    "exact_agreement",
    "fleiss_kappa",
    "base_rate",
    "flags",
]


def _cell(value: Any) -> str:
    if value is None:
        return NA
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)  # text a spreadsheet would run as a formula: see csv_safe


def report_csv(report: CalibrationReport) -> bytes:
    """One CSV in three sections (overall, reviewers, criteria), each under a title row and
    its own header row, blank lines between; UTF-8 with a BOM so spreadsheets read names
    as typed."""
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\r\n")
    rules = report.rules
    overall = report.overall
    writer.writerow(["Overall"])
    writer.writerow(["measure", "value", "low", "high", "units", "flags"])
    alpha = overall.krippendorff_alpha_ordinal
    rows: list[list[Any]] = [
        ["credential", report.credential or "all", None, None, None, ""],
        ["reviewers", overall.reviewers, None, None, None, ""],
        ["submissions", overall.submissions, None, None, None, ""],
        [
            "krippendorff_alpha_ordinal",
            alpha,
            *overall.krippendorff_alpha_interval,
            overall.units,
            alpha_flag(alpha),
        ],
        [
            "decision_agreement",
            overall.decision_agreement,
            *overall.decision_agreement_interval,
            overall.decision_units,
            "",
        ],
    ]
    writer.writerows([_cell(v) for v in row] for row in rows)
    writer.writerow([])
    writer.writerow(["Reviewers against anchors"])
    writer.writerow(REVIEWER_COLUMNS)
    for r in report.reviewers:
        writer.writerow(
            _cell(v)
            for v in [
                r.reviewer,
                r.anchor_scores,
                r.exact_agreement,
                r.adjacent_agreement,
                r.quadratic_weighted_kappa,
                *r.quadratic_weighted_kappa_interval,
                r.severity,
                r.drift.slope_per_30_days if r.drift else None,
                r.contradicted_decisions,
                r.qualified,
                "; ".join(reviewer_flags(r).values()),
            ]
        )
    writer.writerow([])
    writer.writerow(["Criteria across reviewers"])
    writer.writerow(CRITERION_COLUMNS)
    for c in report.criteria:
        writer.writerow(
            _cell(v)
            for v in [
                c.criterion,
                c.levels,
                c.units,
                c.krippendorff_alpha_ordinal,
                *c.krippendorff_alpha_interval,
                c.exact_agreement,
                c.fleiss_kappa,
                c.base_rate,
                "; ".join(criterion_flags(c, rules).values()),
            ]
        )
    writer.writerow([])
    writer.writerow(["Rules"])
    writer.writerows([name, _cell(float(value))] for name, value in rules.to_json().items())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# ------------------------------------------------------------------- PDF

_MARGIN = 15 * mm


def _styles() -> dict[str, ParagraphStyle]:
    font = _pdf_font()
    body = ParagraphStyle("CalBody", fontName=font.regular, fontSize=9.5, leading=12.5)
    return {
        "body": body,
        "title": ParagraphStyle(
            "CalTitle", parent=body, fontName=font.bold, fontSize=17, leading=21, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "CalHeading",
            parent=body,
            fontName=font.bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("CalCell", parent=body, fontSize=8, leading=10),
        "head": ParagraphStyle("CalHead", parent=body, fontName=font.bold, fontSize=8, leading=10),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_fold(text, _pdf_font())), style)


def _table(head: list[str], rows: Iterable[list[str]], styles: dict[str, ParagraphStyle]) -> Table:
    data = [[_p(h, styles["head"]) for h in head]]
    data += [[_p(cell, styles["cell"]) for cell in row] for row in rows]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _flagged(value: str, flag: str | None) -> str:
    return f"{value}. {flag[:1].upper()}{flag[1:]}" if flag else value


def reviewer_rows(report: CalibrationReport) -> list[list[str]]:
    rows = []
    for r in report.reviewers:
        flags = reviewer_flags(r)
        kappa = coefficient_words(
            r.quadratic_weighted_kappa, r.quadratic_weighted_kappa_interval, r.anchor_scores
        )
        rows.append(
            [
                r.reviewer,
                str(r.anchor_scores),
                _flagged(percent(r.exact_agreement), flags.get("exact_agreement")),
                percent(r.adjacent_agreement),
                _flagged(kappa, flags.get("quadratic_weighted_kappa")),
                decimal(r.severity),
                str(r.contradicted_decisions),
                "qualified" if r.qualified else flags["qualified"],
            ]
        )
    return rows


def criterion_rows(report: CalibrationReport) -> list[list[str]]:
    rows = []
    for c in report.criteria:
        flags = criterion_flags(c, report.rules)
        alpha = coefficient_words(
            c.krippendorff_alpha_ordinal, c.krippendorff_alpha_interval, c.units
        )
        rows.append(
            [
                c.criterion,
                str(c.levels),
                _flagged(alpha, flags.get("krippendorff_alpha_ordinal")),
                _flagged(percent(c.exact_agreement), flags.get("exact_agreement")),
                _flagged(decimal(c.fleiss_kappa), flags.get("fleiss_kappa")),
                percent(c.base_rate),
            ]
        )
    return rows


REVIEWER_HEAD = [
    "Reviewer",
    "Anchor scores",
    "Exact agreement",
    "Adjacent agreement",
    "Weighted kappa",
    "Severity (negative = harsher)",
    "Contradicted decisions",
    "Qualified",
]
CRITERION_HEAD = [
    "Criterion",
    "Levels",
    "Krippendorff's alpha (ordinal)",
    "Exact agreement",
    "Fleiss' kappa",
    "Base rate",
]


def overall_words(report: CalibrationReport) -> list[str]:
    overall = report.overall
    alpha = overall.krippendorff_alpha_ordinal
    alpha_text = coefficient_words(alpha, overall.krippendorff_alpha_interval, overall.units)
    flag = alpha_flag(alpha)
    decision = overall.decision_agreement
    decision_interval = interval_words(overall.decision_agreement_interval)
    return [
        f"{overall.reviewers} reviewers, {overall.submissions} submissions.",
        f"Krippendorff's alpha (ordinal), every criterion of every submission: {alpha_text}"
        + (f", {flag}." if flag else "."),
        f"Decision agreement: {percent(decision)}"
        + (f" ({decision_interval}; " if decision_interval else " (")
        + f"N = {overall.decision_units} submissions with two or more reviews).",
    ]


def report_pdf(report: CalibrationReport, charts: Sequence[tuple[str, bytes]]) -> bytes:
    """The report as a landscape A4 PDF: overall figures, the reviewer and criterion tables
    with their flags in words, then each chart (title, PNG bytes) scaled to the page."""
    styles = _styles()
    font = _pdf_font()
    buffer = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title="Calibration report",
        author=APP_NAME,
        subject="Calibration report",
        creator=APP_NAME,
        lang="en",
        initialFontName=font.regular,
        invariant=1,
        pageCompression=1,
    )
    story: list[Flowable] = [_p("Calibration report", styles["title"])]
    story.append(_p(f"Micro-credential: {report.credential or 'all'}", styles["body"]))
    empty = empty_report_words(report)
    if empty:
        story.append(_p(empty, styles["body"]))
    story.append(_p("Overall", styles["heading"]))
    story += [_p(line, styles["body"]) for line in overall_words(report)]
    story.append(_p("Reviewers against anchors", styles["heading"]))
    story.append(_table(REVIEWER_HEAD, reviewer_rows(report), styles))
    story.append(_p("Criteria across reviewers", styles["heading"]))
    story.append(_table(CRITERION_HEAD, criterion_rows(report), styles))
    rules = report.rules
    story.append(
        _p(
            "Thresholds: exact agreement against anchors "
            f"{percent(rules.exact_two)} on two levels, "
            f"{percent(rules.exact_three)} on three, "
            f"{percent(rules.exact_more)} on four or more; weighted "
            f"kappa {rules.kappa_more:.2f} on four or more levels; Krippendorff's "
            f"alpha {ALPHA_MINIMUM:.3f} (tentative below {ALPHA_RELIABLE:.3f}).",
            styles["body"],
        )
    )
    width = page[0] - 2 * _MARGIN
    height = page[1] - 2 * _MARGIN - 30 * mm  # room for the chart's heading
    for title, png in charts:
        story.append(Spacer(1, 6))
        story.append(_p(title, styles["heading"]))
        image = Image(io.BytesIO(png))
        scale = min(width / image.imageWidth, height / image.imageHeight, 1.0)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        image.hAlign = "LEFT"
        story.append(image)
    doc.build(story)
    return buffer.getvalue()
