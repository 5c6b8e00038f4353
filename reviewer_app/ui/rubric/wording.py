"""What the rubric panel says, in words: level buttons, state lines, the live decision.

Kept apart from the widgets so that every sentence a reviewer reads is in one place and
can be checked without building a window. Strings go through Qt's translator; their
placeholders are filled with `str.format` after translation, never inside `tr()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer_app.rubrics.decision import NOT_YET, PASS, DecisionPreview
from reviewer_app.rubrics.model import Criterion, Level, Rubric

_CONTEXT = "RubricPanel"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def number(value: float) -> str:
    """Points as a person writes them: 3, 2.5 (never 3.0)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def points(value: float) -> str:
    if value == 1:
        return tr("1 pt")
    return tr("{n} pts").format(n=number(value))


def level_button_text(level: Level, chosen: bool) -> str:
    """The label, the points under it if the scale has any, and a tick when chosen (so
    that the choice never shows by colour alone)."""
    text = level.label if not chosen else tr("\u2713 {label}").format(label=level.label)
    if level.points is not None:
        text += "\n" + points(level.points)
    return text


def level_accessible_name(criterion: Criterion, level: Level) -> str:
    return tr("{criterion}: {level}").format(criterion=criterion.title, level=level.label)


def criteria_count(n: int) -> str:
    return tr("1 criterion") if n == 1 else tr("{n} criteria").format(n=n)


def state_line(criterion: Criterion, level_id: str | None, meets: bool | None) -> str:
    """'Not scored', 'Proficient: meets the standard', 'Not Yet: below the passing level'."""
    if level_id is None:
        return tr("Not scored")
    label = criterion.level(level_id).label
    if meets is True:
        return tr("{label}: meets the standard").format(label=label)
    if meets is False:
        return tr("{label}: below the passing level").format(label=label)
    return tr("{label}: scored").format(label=label)


def decision_text(preview: DecisionPreview, rubric: Rubric) -> str:
    """The decision the pass rule would give if the review were submitted now."""
    if preview.outcome is None:
        text = tr("Decision if submitted now: none, {count} not scored yet").format(
            count=criteria_count(len(preview.unscored))
        )
        if preview.unmet:
            text += tr("; {count} already below the passing level").format(
                count=criteria_count(len(preview.unmet))
            )
        return text
    if preview.outcome == PASS:
        return tr("Decision if submitted now: Pass")
    if preview.outcome == NOT_YET:
        if preview.unmet:
            return tr("Decision if submitted now: Not Yet: {count} below the passing level").format(
                count=criteria_count(len(preview.unmet))
            )
        return tr("Decision if submitted now: Not Yet: the total is below the pass mark")
    return tr("Decision if submitted now: {outcome}").format(outcome=preview.outcome)


def outcome_word(outcome: str | None) -> str:
    if outcome == PASS:
        return tr("Pass")
    if outcome == NOT_YET:
        return tr("Not Yet")
    return outcome or ""


def maximum_points(rubric: Rubric) -> float | None:
    """The most points the rubric can give, or None when some level has no points."""
    total = 0.0
    for criterion in rubric.criteria:
        top = [lv.points for lv in criterion.levels]
        if not top or any(p is None for p in top):
            return None
        total += max(p for p in top if p is not None)
    return total


def total_text(preview: DecisionPreview, rubric: Rubric) -> str:
    """'Total 24 of 36 (pass needs 25)'; empty when the scales carry no points."""
    most = maximum_points(rubric)
    if most is None or preview.total_points is None:
        return ""
    text = tr("Total {total} of {most}").format(
        total=number(preview.total_points), most=number(most)
    )
    needed = rubric.pass_rule.total_points_at_least
    if needed is not None:
        text += " " + tr("(pass needs {needed})").format(needed=number(needed))
    return text


def unscored_error(titles: list[str]) -> str:
    """Why a review with unscored criteria was not submitted, naming them."""
    if len(titles) == 1:
        return tr("Not submitted: 1 criterion is not scored yet: {titles}.").format(
            titles=titles[0]
        )
    return tr("Not submitted: {n} criteria are not scored yet: {titles}.").format(
        n=len(titles), titles="; ".join(titles)
    )


def current_description(position: int, count: int, criterion: Criterion, state: str) -> str:
    """What a screen reader announces about the current criterion."""
    return tr("Current criterion {position} of {count}: {title}. {state}.").format(
        position=position, count=count, title=criterion.title, state=state
    )
