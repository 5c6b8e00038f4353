"""The calibration report in the window's language: its figures formatted for the locale
(decimal commas in Spanish) and its flags and sentences translated.

The words say what reviewer_app.calibration.export says, which the PDF and CSV keep in
English; the thresholds are the same (ALPHA_MINIMUM, ALPHA_RELIABLE, Rules.exact_needed). The
reasons a reviewer is not qualified come from the report in English: the known ones are
worded again here, an unknown one is shown as it is.
"""

from __future__ import annotations

import math
import re
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from reviewer_app.calibration.export import ALPHA_MINIMUM, ALPHA_RELIABLE
from reviewer_app.calibration.results import (
    CalibrationReport,
    CriterionResult,
    Interval,
    ReviewerResult,
    Rules,
)

translate = QCoreApplication.translate

# The report's fixed reasons, as calibration.report words them. (QT_TRANSLATE_NOOP
# returns its text unchanged; its stub says `object`, hence the cast.)
_REASONS = cast(
    dict[str, str],
    {
        "meets every rule": QT_TRANSLATE_NOOP("CalibrationDashboard", "meets every rule"),
        "has scored no anchors": QT_TRANSLATE_NOOP("CalibrationDashboard", "has scored no anchors"),
    },
)
_EXACT = re.compile(r"exact agreement (\d+)% is below (\d+)%")
_KAPPA = re.compile(r"weighted kappa (\S+) is below (\S+)")
_CONTRADICTED = re.compile(r"(\d+) pass/fail decisions contradict the reference")


# ------------------------------------------------------------------- numbers


def na() -> str:
    return translate("CalibrationDashboard", "n/a")


def fixed(value: float, places: int = 2) -> str:
    """`value` to `places` decimals in the locale's digits, rounded as Python rounds (as
    the exported report does), so the window and the PDF show the same figure."""
    if not math.isfinite(value):
        return na()
    return QLocale().toString(round(value, places), "f", places)


def signed(value: float, places: int = 2) -> str:
    """As `fixed`, with a plus sign on positive values (and on zero), like f"{x:+.2f}"."""
    text = fixed(value, places)
    rounded = round(value, places)
    if math.isfinite(value) and math.copysign(1.0, rounded) > 0:
        return QLocale().positiveSign() + text
    return text


def signed_whole(value: int) -> str:
    text = QLocale().toString(value)
    return QLocale().positiveSign() + text if value >= 0 else text


def percent_of(whole: int) -> str:
    return translate("CalibrationDashboard", "{percent}%").format(percent=QLocale().toString(whole))


def percent(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return na()
    return percent_of(round(value * 100))


def decimal(value: float | None) -> str:
    return na() if value is None else fixed(value)


def count(value: int) -> str:
    return QLocale().toString(value)


def interval_words(interval: Interval) -> str:
    """'95% CI 0.41 to 0.80', or '' when the bootstrap could not give one."""
    if interval[0] is None or interval[1] is None:
        return ""
    return translate("CalibrationDashboard", "95% CI {low} to {high}").format(
        low=fixed(interval[0]), high=fixed(interval[1])
    )


def coefficient_words(value: float | None, interval: Interval, units: int) -> str:
    """A coefficient with its interval and the number of units behind it."""
    ci = interval_words(interval) if value is not None else ""
    if ci:
        text = translate("CalibrationDashboard", "{value} ({interval}; N = {units})")
    else:
        text = translate("CalibrationDashboard", "{value} (N = {units})")
    return text.format(value=decimal(value), interval=ci, units=count(units))


# ------------------------------------------------------------------- flags


def below(reason: str) -> str:
    return translate("CalibrationDashboard", "below threshold: {reason}").format(reason=reason)


def reason_words(reason: str) -> str:
    """One of the report's reasons for a reviewer, translated when it is a known one."""
    if reason in _REASONS:
        return translate("CalibrationDashboard", _REASONS[reason])
    if match := _EXACT.fullmatch(reason):
        return translate(
            "CalibrationDashboard", "exact agreement {value} is below {needed}"
        ).format(value=percent_of(int(match[1])), needed=percent_of(int(match[2])))
    if match := _KAPPA.fullmatch(reason):
        try:
            value, needed = float(match[1]), float(match[2])
        except ValueError:
            return reason
        return translate("CalibrationDashboard", "weighted kappa {value} is below {needed}").format(
            value=fixed(value), needed=fixed(needed)
        )
    if match := _CONTRADICTED.fullmatch(reason):
        n = int(match[1])
        if n == 1:
            return translate(
                "CalibrationDashboard", "1 pass/fail decision contradicts the reference"
            )
        return translate(
            "CalibrationDashboard", "{count} pass/fail decisions contradict the reference"
        ).format(count=count(n))
    return reason


def reviewer_flags(entry: ReviewerResult) -> dict[str, str]:
    """As export.reviewer_flags: flags by field ("exact_agreement",
    "quadratic_weighted_kappa", "qualified"), in the window's language."""
    flags: dict[str, str] = {}
    for reason in entry.why:
        if reason.startswith("exact agreement"):
            flags["exact_agreement"] = below(reason_words(reason))
        elif reason.startswith("weighted kappa"):
            flags["quadratic_weighted_kappa"] = below(reason_words(reason))
    if not entry.qualified:
        reasons = [reason_words(r) for r in entry.why] or [
            translate("CalibrationDashboard", "no reason given")
        ]
        flags["qualified"] = translate("CalibrationDashboard", "not qualified: {reasons}").format(
            reasons="; ".join(reasons)
        )
    return flags


def alpha_flag(alpha: float | None) -> str:
    if alpha is None:
        return ""
    if alpha < ALPHA_MINIMUM:
        return translate("CalibrationDashboard", "below threshold (alpha under {minimum})").format(
            minimum=fixed(ALPHA_MINIMUM, 3)
        )
    if alpha < ALPHA_RELIABLE:
        return translate("CalibrationDashboard", "tentative (alpha under {reliable})").format(
            reliable=fixed(ALPHA_RELIABLE, 3)
        )
    return ""


def criterion_flags(entry: CriterionResult, rules: Rules | None) -> dict[str, str]:
    """As export.criterion_flags: flags by field ("krippendorff_alpha_ordinal",
    "exact_agreement", "fleiss_kappa"), in the window's language."""
    flags: dict[str, str] = {}
    alpha = alpha_flag(entry.krippendorff_alpha_ordinal)
    if alpha:
        flags["krippendorff_alpha_ordinal"] = alpha
    if rules is None:
        return flags
    exact, levels = entry.exact_agreement, entry.levels or 2
    needed = rules.exact_needed(levels)
    if exact is not None and exact < needed:
        flags["exact_agreement"] = below(
            translate("CalibrationDashboard", "{value} is under {needed}").format(
                value=percent(exact), needed=percent(needed)
            )
        )
    kappa, kappa_needed = entry.fleiss_kappa, rules.kappa_more
    if kappa is not None and levels >= 4 and kappa < kappa_needed:
        flags["fleiss_kappa"] = below(
            translate("CalibrationDashboard", "{value} is under {needed}").format(
                value=fixed(kappa), needed=fixed(kappa_needed)
            )
        )
    return flags


# ------------------------------------------------------------------- sentences


def empty_report_words(report: CalibrationReport) -> str:
    """What is missing for the report to say anything, or '' when it has something."""
    anchored, double_marked = report.anchored, report.double_marked
    if anchored and double_marked:
        return ""
    if not anchored and not double_marked:
        return translate(
            "CalibrationDashboard",
            "Nothing to compare yet. The calibration report needs anchors: submissions a "
            "lead has marked as the reference, scored by other reviewers, and double-marked "
            "submissions: each submitted by two or more reviewers.",
        )
    if not anchored:
        return translate(
            "CalibrationDashboard",
            "Nothing to compare yet. The calibration report needs anchors: submissions a "
            "lead has marked as the reference, scored by other reviewers.",
        )
    return translate(
        "CalibrationDashboard",
        "Nothing to compare yet. The calibration report needs double-marked submissions: "
        "each submitted by two or more reviewers.",
    )


def overall_words(report: CalibrationReport) -> list[str]:
    overall = report.overall
    alpha = overall.krippendorff_alpha_ordinal
    alpha_text = coefficient_words(alpha, overall.krippendorff_alpha_interval, overall.units)
    flag = alpha_flag(alpha)
    decision_interval = interval_words(overall.decision_agreement_interval)
    people = translate("CalibrationDashboard", "{reviewers} reviewers, {submissions} submissions.")
    if flag:
        alpha_sentence = translate(
            "CalibrationDashboard",
            "Krippendorff's alpha (ordinal), every criterion of every submission: {alpha}, {flag}.",
        )
    else:
        alpha_sentence = translate(
            "CalibrationDashboard",
            "Krippendorff's alpha (ordinal), every criterion of every submission: {alpha}.",
        )
    if decision_interval:
        decision_sentence = translate(
            "CalibrationDashboard",
            "Decision agreement: {agreement} ({interval}; N = {units} submissions with two "
            "or more reviews).",
        )
    else:
        decision_sentence = translate(
            "CalibrationDashboard",
            "Decision agreement: {agreement} (N = {units} submissions with two or more reviews).",
        )
    return [
        people.format(reviewers=count(overall.reviewers), submissions=count(overall.submissions)),
        alpha_sentence.format(alpha=alpha_text, flag=flag),
        decision_sentence.format(
            agreement=percent(overall.decision_agreement),
            interval=decision_interval,
            units=count(overall.decision_units),
        ),
    ]
