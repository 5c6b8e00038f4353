"""What the rubric panel says, in words: level buttons, state lines, the live decision.

Kept apart from the widgets so that every sentence a reviewer reads is in one place and
can be checked without building a window. Strings go through Qt's translator; their
placeholders are filled with `str.format` after translation, never inside `translate()`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale

from reviewer_app.rubrics.decision import DecisionPreview
from reviewer_app.rubrics.model import Criterion, Level, Rubric
from reviewer_app.vocabulary import Outcome, Status

translate = QCoreApplication.translate


def number(value: float) -> str:
    """Points as a person writes them, in their locale: 3, 2.5 (never 3.0)."""
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "g", 6)


def points(value: float) -> str:
    if value == 1:
        return translate("RubricPanel", "1 pt")
    return translate("RubricPanel", "{n} pts").format(n=number(value))


def level_button_text(level: Level, chosen: bool) -> str:
    """The label, the points under it if the scale has any, and a tick when chosen (so
    that the choice never shows by colour alone)."""
    text = (
        level.label
        if not chosen
        else translate("RubricPanel", "\u2713 {label}").format(label=level.label)
    )
    if level.points is not None:
        text += "\n" + points(level.points)
    return text


def submitted_scale(criterion: Criterion, level_id: str | None) -> str:
    """A submitted criterion's scale as rich text: every level, the chosen one ticked,
    in bold and named as chosen (never by colour alone)."""
    shown = []
    for level in criterion.levels:
        text = level.label
        if level.points is not None:
            text = translate("RubricPanel", "{label} ({points})").format(
                label=level.label, points=points(level.points)
            )
        text = html.escape(text)
        if level.id == level_id:
            text = "<b>" + translate("RubricPanel", "\u2713 {level} (chosen)").format(level=text)
            text += "</b>"
        shown.append(text)
    if level_id is None:
        shown.append(html.escape(translate("RubricPanel", "(none chosen)")))
    return " \u00b7 ".join(shown)


def submitted_scale_name(criterion: Criterion, level_id: str | None) -> str:
    if level_id is None:
        return translate("RubricPanel", "{criterion}: no level chosen (submitted)").format(
            criterion=criterion.title
        )
    return translate("RubricPanel", "{criterion}: {level} chosen (submitted)").format(
        criterion=criterion.title, level=criterion.level(level_id).label
    )


def level_accessible_name(criterion: Criterion, level: Level) -> str:
    return translate("RubricPanel", "{criterion}: {level}").format(
        criterion=criterion.title, level=level.label
    )


def criteria_count(n: int) -> str:
    return (
        translate("RubricPanel", "1 criterion")
        if n == 1
        else translate("RubricPanel", "{n} criteria").format(n=n)
    )


def state_line(criterion: Criterion, level_id: str | None, meets: bool | None) -> str:
    """'Not scored', 'Proficient: meets the standard', 'Not Yet: below the passing level'."""
    if level_id is None:
        return translate("RubricPanel", "Not scored")
    label = criterion.level(level_id).label
    if meets is True:
        return translate("RubricPanel", "{label}: meets the standard").format(label=label)
    if meets is False:
        return translate("RubricPanel", "{label}: below the passing level").format(label=label)
    return translate("RubricPanel", "{label}: scored").format(label=label)


def decision_text(preview: DecisionPreview, rubric: Rubric) -> str:
    """The decision the pass rule would give if the review were submitted now."""
    if preview.outcome is None:
        unscored = criteria_count(len(preview.unscored))
        if preview.unmet:
            return translate(
                "RubricPanel",
                "Decision if submitted now: none, {count} not scored yet; "
                "{unmet} already below the passing level",
            ).format(count=unscored, unmet=criteria_count(len(preview.unmet)))
        return translate(
            "RubricPanel", "Decision if submitted now: none, {count} not scored yet"
        ).format(count=unscored)
    if preview.outcome == Outcome.PASS:
        return translate("RubricPanel", "Decision if submitted now: Pass")
    if preview.outcome == Outcome.NOT_YET:
        if preview.unmet:
            return translate(
                "RubricPanel", "Decision if submitted now: Not Yet: {count} below the passing level"
            ).format(count=criteria_count(len(preview.unmet)))
        return translate(
            "RubricPanel", "Decision if submitted now: Not Yet: the total is below the pass mark"
        )
    return translate("RubricPanel", "Decision if submitted now: {outcome}").format(
        outcome=outcome_word(preview.outcome)
    )


def outcome_word(outcome: str | None) -> str:
    if outcome == Outcome.PASS:
        return translate("RubricPanel", "Pass")
    if outcome == Outcome.NOT_YET:
        return translate("RubricPanel", "Not Yet")
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
    total, most_text = number(preview.total_points), number(most)
    needed = rubric.pass_rule.total_points_at_least
    if needed is None:
        return translate("RubricPanel", "Total {total} of {most}").format(
            total=total, most=most_text
        )
    return translate("RubricPanel", "Total {total} of {most} (pass needs {needed})").format(
        total=total, most=most_text, needed=number(needed)
    )


def unscored_error(titles: list[str]) -> str:
    """Why a review with unscored criteria was not submitted, naming them."""
    if len(titles) == 1:
        return translate(
            "RubricPanel", "Not submitted: 1 criterion is not scored yet: {titles}."
        ).format(titles=titles[0])
    return translate(
        "RubricPanel", "Not submitted: {n} criteria are not scored yet: {titles}."
    ).format(n=len(titles), titles="; ".join(titles))


def current_description(position: int, count: int, criterion: Criterion, state: str) -> str:
    """What a screen reader announces about the current criterion."""
    return translate(
        "RubricPanel", "Current criterion {position} of {count}: {title}. {state}."
    ).format(position=position, count=count, title=criterion.title, state=state)


def submit_result(outcome: str | None, status: str | None) -> str:
    """What a submit did, said where the reviewer looks: the decision that now stands,
    or that the submission waits for another reviewer or for a lead."""
    if status == Status.ADJUDICATION:
        return translate(
            "RubricPanel",
            "Your review is in: {outcome}. The reviewers disagree; a lead decides.",
        ).format(outcome=outcome_word(outcome))
    if status in (None, Status.UNREVIEWED, Status.IN_REVIEW):
        return translate(
            "RubricPanel",
            "Your review is in ({outcome}); the submission awaits another reviewer.",
        ).format(outcome=outcome_word(outcome))
    if status == Status.NOT_YET:
        return translate("RubricPanel", "Submitted: Not Yet. The earner gets the feedback.")
    if status == Status.PASS:
        return translate("RubricPanel", "Submitted: Pass.")
    return translate("RubricPanel", "Submitted: {outcome}.").format(outcome=outcome_word(status))
