"""What goes into a worksheet's cells: the grade a decision maps to, written the way
the sheet writes numbers, and the earner's letter as plain text for the feedback cell.

A grade given as a number ("10", "7.5", "7,5") is written with the sheet's decimal
mark; anything else (a scale word: "Pass", "Competent", "complete") is written as
given. Every value passes `csv_safe.safe_cell`, so text that a spreadsheet would run as
a formula stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer_app.csv_safe import safe_cell
from reviewer_app.errors import UserError
from reviewer_app.reviews.letter import FeedbackLetter, render_text
from reviewer_app.vocabulary import Outcome
from reviewer_app.wording import translate

_POINTS = re.compile(r"^\s*(\d+)(?:[.,](\d+))?\s*$")
_COMMA_NUMBER = re.compile(r"^\s*-?\d+,\d+\s*$")
_DOT_NUMBER = re.compile(r"^\s*-?\d+\.\d+\s*$")
_TITLE_RULE = re.compile(r"\A=+\n")


def decimal_mark(samples: Iterable[str | None], delimiter: str) -> str:
    """The sheet's decimal mark, from numbers already in it ("7,50" or "7.50"); with no
    such number, a comma in a semicolon sheet (as the locales that write them do)."""
    commas = dots = 0
    for value in samples:
        if value is None:
            continue
        commas += bool(_COMMA_NUMBER.match(value))
        dots += bool(_DOT_NUMBER.match(value))
    if commas != dots:
        return "," if commas > dots else "."
    return "," if delimiter == ";" else "."


def number_of(value: str | None) -> float | None:
    """A cell's number, read with either decimal mark; None if it is not one."""
    if value is None:
        return None
    match = _POINTS.match(value)
    if match is None:
        return None
    return float(f"{match.group(1)}.{match.group(2) or '0'}")


def grade_text(value: str, mark: str) -> str:
    """A grade as the sheet writes it: points with its decimal mark, a word as given."""
    match = _POINTS.match(value)
    if match is None:
        return str(safe_cell(value.strip()))
    whole, fraction = match.group(1), match.group(2)
    return f"{whole}{mark}{fraction}" if fraction is not None else whole


def points_text(points: float, mark: str, like: str | None = None) -> str:
    """`points` written as a number already in the sheet is (its decimals kept)."""
    decimals = 0
    if like is not None:
        match = _POINTS.match(like)
        if match is not None and match.group(2) is not None:
            decimals = len(match.group(2))
    text = f"{points:.{decimals}f}"
    return text.replace(".", mark)


def check_grade(value: str, what: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise UserError(
            translate("Grades", "The grade for {outcome} is empty: give a word or points.").format(
                outcome=what
            )
        )
    if "\n" in cleaned or "\r" in cleaned:
        raise UserError(
            translate("Grades", "The grade for {outcome} must be on one line.").format(outcome=what)
        )
    return cleaned


def grade_for(outcome: Outcome, pass_grade: str, not_yet_grade: str) -> str:
    return pass_grade if outcome == Outcome.PASS else not_yet_grade


def feedback_text(letter: FeedbackLetter) -> str:
    """The earner's letter in plain text for a feedback cell: the letter's text without
    the rule of `=` above its title (a cell that starts with `=` reads as a formula),
    line breaks as LF (as the platforms write them inside a cell), made formula-safe."""
    text = _TITLE_RULE.sub("", render_text(letter)).rstrip("\n")
    return str(safe_cell(text))
