"""The earner's feedback letter: what it says, in PDF and text, and how it is written."""

from __future__ import annotations

import dataclasses
import datetime
import os
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewer_app.errors import UserError
from reviewer_app.reviews.letter import (
    FeedbackLetter,
    LetterCriterion,
    LetterPart,
    letter_file_name,
    render_pdf,
    render_text,
    write_letter,
)

# 23:30 on 30 November at UTC-5 is already 1 December in UTC: the letter keeps the zone.
DECIDED_AT = datetime.datetime(
    2026, 11, 30, 23, 30, tzinfo=datetime.timezone(-datetime.timedelta(hours=5))
)
WORDS = [
    *("evidence", "family", "conference", "café", "learners", "naïve", "résumé", "“smart"),
    *("quotes”", "reflection", "portfolio", "Nguyễn", "communication", "weekly", "log"),
    *("translated", "newsletter", "follow-up", "school", "students", "caregivers", "Núñez"),
    *("artifact", "examples", "goals"),
]
URL = "https://example.org/very/long/path/to/an/evidence/file/that/cannot/be/broken/anywhere.pdf"


def _comment(seed: int, length: int = 1500) -> str:
    """A long comment with a line break, a paragraph break, markup-like text and a URL."""
    rng = random.Random(seed)
    words = [f"Comment {seed}:"]
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
    text = " ".join(words)
    third = len(text) // 3
    first_break = text.index(" ", third)
    second_break = text.index(" ", 2 * third)
    return (
        text[:first_break]
        + "\n"
        + text[first_break + 1 : second_break]
        + f"\n\nNext steps: use <b> & <i> tags sparingly, 5 < 6 > 4, see {URL}"
        + text[second_break:]
    )


def _criterion(seed: int, title: str, met: bool, length: int = 1500) -> LetterCriterion:
    level = "Proficient" if met else "Not Yet"
    return LetterCriterion(title, level, met, _comment(seed, length))


def not_yet_letter() -> FeedbackLetter:
    """Ten criteria with 1,500-character comments: a letter of several pages."""
    return FeedbackLetter(
        earner_name="Nguyễn Thị Lan",
        submission_id="FAP-2026-0142",
        credential_name="Family Engagement: Two-Way Communication",
        attempt=2,
        decision="not-yet",
        decided_at=DECIDED_AT,
        parts=(
            LetterPart(
                "Part 1. Overview questions",
                (
                    _criterion(1, "Describes the school context", True),
                    _criterion(2, "Clarity", False),
                    _criterion(3, "Names the families reached", True),
                ),
            ),
            LetterPart(
                "Part 2. Work examples",
                (
                    _criterion(4, "Two-way channel in use", False),
                    _criterion(5, "Clarity", True),
                    _criterion(6, "Translated materials", True),
                    _criterion(7, "Contact log covers four weeks", False),
                ),
            ),
            LetterPart(
                "Part 3. Reflection",
                (
                    _criterion(8, "Impact on learners", True),
                    _criterion(9, "Next steps", True),
                    LetterCriterion("Use of family input", None, None, _comment(10)),
                ),
            ),
        ),
        overall_feedback="María José Núñez\u2019s “smart quotes” aside: a strong café-style "
        "conference.\nKeep the weekly log.\n\nWe look forward to your resubmission.",
        issuer_name="Digital Promise Demo Issuer",
    )


def passed_letter() -> FeedbackLetter:
    not_yet = not_yet_letter()
    parts = tuple(
        LetterPart(
            part.title,
            tuple(
                _criterion(100 + 10 * p + i, c.criterion_title, True, 300)
                for i, c in enumerate(part.criteria)
            ),
        )
        for p, part in enumerate(not_yet.parts)
    )
    return dataclasses.replace(
        not_yet,
        earner_name="María José Núñez",
        attempt=1,
        decision="pass",
        parts=parts,
        overall_feedback="Excellent work, “well evidenced” throughout.",
        issuer_name=None,
    )


@pytest.fixture
def not_yet() -> FeedbackLetter:
    return not_yet_letter()


@pytest.fixture
def passed() -> FeedbackLetter:
    return passed_letter()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pdf_text(path: Path, letter: FeedbackLetter) -> tuple[str, int]:
    """Text of every page with the footer taken out (it would split comments across pages)."""
    reader = PdfReader(path)
    pages: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for footer in (f"Submission {letter.submission_id}", f"Page {number}"):
            assert footer in text, f"footer {footer!r} missing on page {number}"
            text = text.replace(footer, "", 1)
        pages.append(text)
    return "\n".join(pages), len(reader.pages)


def _squash(text: str) -> str:
    """No whitespace at all: the PDF cuts a word longer than a line (a URL) to fit it."""
    return "".join(unicodedata.normalize("NFC", text).split())


def _assert_says_everything(text: str, letter: FeedbackLetter) -> None:
    flat = _norm(text)
    assert f"Dear {letter.earner_name}," in flat
    assert letter.credential_name in flat
    assert f"Submission: {letter.submission_id}" in flat
    assert f"Attempt: {letter.attempt}" in flat
    assert "Decision date: 30 November 2026" in flat
    if letter.decision == "pass":
        assert "Decision: Pass" in flat
        assert "Congratulations" in flat
        assert "will be issued" in flat
        assert "resubmit" not in flat
    else:
        assert "Decision: Not Yet" in flat
        assert "does not yet meet every criterion" in flat
        assert "invited to resubmit" in flat
        assert "keep what already meets the standard" in flat
    for part in letter.parts:
        assert part.title in flat
        for criterion in part.criteria:
            assert criterion.criterion_title in flat
            label = criterion.level_label or "Not scored"
            if criterion.meets_standard is None:
                assert label in flat
            else:
                words = "meets the standard" if criterion.meets_standard else "not yet met"
                assert f"{label}: {words}" in flat
            assert _squash(criterion.comment or "") in _squash(text)
    assert "Overall feedback" in flat
    assert _squash(letter.overall_feedback or "") in _squash(text)
    assert "Kind regards" in flat
    if letter.issuer_name:
        assert letter.issuer_name in flat


@pytest.mark.parametrize("which", ["not_yet", "passed"])
def test_pdf_says_everything(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    letter: FeedbackLetter = request.getfixturevalue(which)
    path = write_letter(letter, tmp_path / "letter.pdf")

    text, pages = _pdf_text(path, letter)

    _assert_says_everything(text, letter)
    assert "<b>" in text  # user text is escaped, not read as markup
    metadata = PdfReader(path).metadata
    assert metadata is not None and metadata.title is not None
    assert letter.credential_name in metadata.title
    if which == "not_yet":
        assert pages > 2


@pytest.mark.parametrize("which", ["not_yet", "passed"])
def test_text_says_everything_in_78_columns(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    letter: FeedbackLetter = request.getfixturevalue(which)
    path = write_letter(letter, tmp_path / "LETTER.TXT")  # the suffix test ignores case

    text = path.read_bytes().decode("utf-8")

    assert not text.startswith("%PDF")
    _assert_says_everything(text, letter)
    for part in letter.parts:
        for criterion in part.criteria:
            assert _norm(criterion.comment or "") in _norm(text)
    assert any(URL in line for line in text.splitlines())  # never cut
    for line in text.splitlines():
        assert len(line) <= 78 or " " not in line.strip(), line


def test_text_keeps_line_and_paragraph_breaks(not_yet: FeedbackLetter) -> None:
    comment = "First line.\nSecond line.\n\nA second paragraph."
    part = LetterPart("Part 1", (LetterCriterion("Clarity", "Yes", True, comment),))
    text = render_text(dataclasses.replace(not_yet, parts=(part,)))

    assert "  First line.\n  Second line.\n\n  A second paragraph.\n" in text


def test_pdf_keeps_line_breaks(not_yet: FeedbackLetter, tmp_path: Path) -> None:
    comment = "First line.\nSecond line.\n\nA second paragraph."
    part = LetterPart("Part 1", (LetterCriterion("Clarity", "Yes", True, comment),))
    letter = dataclasses.replace(not_yet, parts=(part,))

    text, _pages = _pdf_text(write_letter(letter, tmp_path / "letter.pdf"), letter)

    lines = [line.strip() for line in text.splitlines()]
    assert lines[lines.index("First line.") + 1 :][:2] == ["Second line.", "A second paragraph."]


def _listed(text: str, bullet: str) -> list[str]:
    """Items of the Not Yet list: between the decision and the feedback by criterion."""
    start = text.index("Decision: Not Yet")
    end = text.index("Feedback on each criterion")
    items: list[str] = []
    for line in text[start:end].splitlines():
        if line.strip().startswith(bullet):
            items.append(line.strip().removeprefix(bullet).strip())
        elif items and line.strip():
            items[-1] += " " + line.strip()  # a wrapped item
    return items


def test_not_yet_lists_exactly_the_criteria_not_met(
    not_yet: FeedbackLetter, tmp_path: Path
) -> None:
    expected = [
        "Clarity (Part 1. Overview questions)",
        "Two-way channel in use (Part 2. Work examples)",
        "Contact log covers four weeks (Part 2. Work examples)",
    ]

    assert _listed(render_text(not_yet), "- ") == expected
    pdf_text, _pages = _pdf_text(write_letter(not_yet, tmp_path / "l.pdf"), not_yet)
    assert _listed(pdf_text, "•") == expected


def test_pass_lists_nothing_to_revise(passed: FeedbackLetter) -> None:
    text = render_text(passed)

    assert "marked Not Yet" not in text
    assert "not yet met" not in text


def test_write_letter_is_atomic(
    not_yet: FeedbackLetter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    for name in ("letter.pdf", "letter.txt"):
        with pytest.raises(UserError, match="No space left"):
            write_letter(not_yet, tmp_path / name)

    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_letter(
    not_yet: FeedbackLetter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.pdf"
    write_letter(not_yet, target)
    before = target.read_bytes()

    def fail(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_letter(dataclasses.replace(not_yet, attempt=3), target)

    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_write_letter_replaces_and_leaves_no_temp_file(
    not_yet: FeedbackLetter, tmp_path: Path
) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")

    assert write_letter(not_yet, target) == target

    assert target.read_bytes() == render_pdf(not_yet)
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_write_letter_into_missing_folder_is_a_user_error(
    not_yet: FeedbackLetter, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="feedback letter"):
        write_letter(not_yet, tmp_path / "missing" / "letter.pdf")


def test_letter_file_name_uses_the_submission_id_only(not_yet: FeedbackLetter) -> None:
    assert letter_file_name(not_yet) == "FAP-2026-0142 feedback.pdf"
    assert letter_file_name(not_yet, ".txt") == "FAP-2026-0142 feedback.txt"

    risky = dataclasses.replace(
        not_yet, submission_id='a/b:c*d?e"f<g>h|i\\j\x00k', earner_name="María José Núñez"
    )
    name = letter_file_name(risky)

    assert not set('/\\:*?"<>|\x00') & set(name)
    assert name.startswith("a-b-c-d") and name.endswith(" feedback.pdf")
    for part in ("María", "José", "Núñez", "Nguyễn"):
        assert part not in name


@pytest.mark.parametrize("submission_id", ["../..", " . ", "", "x" * 500])
def test_letter_file_name_is_never_hidden_empty_or_huge(
    not_yet: FeedbackLetter, submission_id: str
) -> None:
    name = letter_file_name(dataclasses.replace(not_yet, submission_id=submission_id))

    assert not name.startswith((".", " "))
    assert len(name) < 150
    assert Path(name).name == name


def test_ids_that_differ_only_in_punctuation_get_letters_of_their_own(
    not_yet: FeedbackLetter,
) -> None:
    ids = ["COL/1", "COL 1", "COL:1", "COL-1"]
    names = {letter_file_name(dataclasses.replace(not_yet, submission_id=i)) for i in ids}

    assert len(names) == len(ids)
    assert all(name.startswith("COL-1") for name in names)


def test_same_letter_gives_the_same_pdf_bytes(
    not_yet: FeedbackLetter, passed: FeedbackLetter
) -> None:
    first = render_pdf(not_yet)

    assert render_pdf(not_yet) == first
    assert render_pdf(passed) != first


def test_same_pdf_bytes_in_another_process(passed: FeedbackLetter, tmp_path: Path) -> None:
    ours = render_pdf(passed)
    script = (
        "import sys, tests.test_letter as t\n"
        "from reviewer_app.reviews.letter import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(t.passed_letter()))\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, check=True, timeout=120
    )

    assert result.stdout == ours


def test_unscored_criterion_reads_not_scored(not_yet: FeedbackLetter) -> None:
    text = render_text(not_yet)

    assert re.search(r"\* Use of family input\n  Not scored\n", text)


def test_letter_rejects_a_naive_date_or_an_unknown_decision(not_yet: FeedbackLetter) -> None:
    with pytest.raises(ValueError, match="timezone"):
        dataclasses.replace(not_yet, decided_at=datetime.datetime(2026, 11, 30))
    with pytest.raises(ValueError, match="decision"):
        dataclasses.replace(not_yet, decision="fail")
