"""Annotations from the command line and the review service, on the demo's real files:
a PDF of US Letter pages, a photo stored on its side (EXIF orientation 6) and a written
reflection. Every refusal the issue names exits 1 with a plain sentence and changes
nothing; another reviewer never sees them; the audit trail records them and verifies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reviewer_app.cli import main
from reviewer_app.reviews.annotations import Anchor, AnnotationError, find_item
from reviewer_app.reviews.service import ReviewError, ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Annotation, AuditEvent, Submission

SUBMISSION = "FAP-2026-0142"
PDF = "evidence/contact-log.pdf"  # two US Letter pages, 612 x 792 points
PHOTO = "evidence/IMG_2041.jpg"  # stored 1600 x 1200, EXIF 6: upright 1200 x 1600


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo") / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    return data


@pytest.fixture
def data(demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    copy = tmp_path / "data"
    shutil.copytree(demo_template, copy)
    capsys.readouterr()
    return ["--data-dir", str(copy)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() and code == 0 else out, err


def annotate(
    capsys: pytest.CaptureFixture[str], data: list[str], *args: str
) -> tuple[int, Any, str]:
    return run(capsys, *data, "annotate", SUBMISSION, "--reviewer", "Ana Lima", *args, "--json")


def count(data: list[str]) -> int:
    folder = DataFolder.open(Path(data[1]))
    try:
        with folder.read_sessions() as session:
            return int(session.scalar(select(func.count(Annotation.id))) or 0)
    finally:
        folder.close()


def test_rectangles_quotes_list_and_delete(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, made, err = annotate(
        capsys, data, "--item", PDF, "--page", "2", "--rect", "72,100,300,60",
        "--criterion", "artifacts-contact-log", "--text", "Names the channels, not the languages",
    )  # fmt: skip
    assert code == 0, err
    assert made == {
        "id": made["id"],
        "number": 1,
        "submission_id": SUBMISSION,
        "reviewer": "Ana Lima",
        "item": PDF,
        "page": 2,
        "rect": [72.0, 100.0, 300.0, 60.0],
        "quote": None,
        "criterion": "artifacts-contact-log",
        "tag": None,
        "text": "Names the channels, not the languages",
    }
    # The photo is upright 1200 wide and 1600 high: a tall rectangle fits, a wide one not.
    code, photo, err = annotate(
        capsys, data, "--item", PHOTO, "--rect", "100,900,1000,650", "--text", "the invitation"
    )
    assert code == 0, err
    assert (photo["number"], photo["page"]) == (2, 1)
    code, _, err = annotate(
        capsys, data, "--item", PHOTO, "--rect", "100,100,1500,300", "--text", "too wide"
    )
    assert code == 1
    assert "outside page 1 of evidence/IMG_2041.jpg, which is 1200 x 1600 px" in err
    # Text anchors: a reflection (by its title, in another case) and a PDF's text.
    code, quoted, err = annotate(
        capsys, data, "--item", "reflection", "--quote", "families", "--text", "which ones?"
    )
    assert code == 0, err
    assert (quoted["item"], quoted["quote"], quoted["rect"]) == ("Reflection", "families", None)

    code, listed, _ = run(capsys, *data, "annotations", SUBMISSION, "--json")
    assert [a["number"] for a in listed] == [1, 2, 3]
    code, out, _ = run(capsys, *data, "annotations", SUBMISSION)
    assert "3 annotations" in out and "Names the channels, not the languages" in out

    code, out, err = run(
        capsys, *data, "annotations", "delete", str(photo["id"]), "--reviewer", "Ana Lima"
    )
    assert code == 0, err
    code, listed, _ = run(capsys, *data, "annotations", SUBMISSION, "--json")
    assert [a["number"] for a in listed] == [1, 3]  # numbers stay put


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--item", "nothing.pdf", "--rect", "1,1,5,5"], "has no item 'nothing.pdf'"),
        (["--item", PDF, "--page", "3", "--rect", "1,1,5,5"], "has no page 3: it has 2"),
        (["--item", PDF, "--page", "0", "--rect", "1,1,5,5"], "has no page 0"),
        (["--item", PDF, "--rect", "500,700,200,200"], "outside page 1"),
        (["--item", PDF, "--rect", "10,10,0,5"], "positive width and height"),
        (["--item", PDF, "--rect", "10,10,nan,5"], "four numbers"),
        (["--item", PDF, "--rect", "1,2,3"], "four numbers"),
        (["--item", PDF, "--rect", "1,1,5,5", "--criterion", "nope"], "'nope' is not a criterion"),
        (["--item", "Reflection", "--rect", "1,1,5,5"], "a written answer"),
        (["--item", "Reflection", "--quote", "not in there at all"], "does not contain"),
    ],
)
def test_refusals_exit_1_with_a_sentence_and_change_nothing(
    data: list[str], capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code, out, err = annotate(capsys, data, *args, "--text", "x")
    assert code == 1, out
    assert words in err
    assert "Traceback" not in err
    assert count(data) == 0


def test_a_submitted_review_freezes_its_annotations(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = DataFolder.open(Path(data[1]))
    try:
        review = ReviewSession.open(folder, SUBMISSION, "Ana Lima")
        with folder.read_sessions() as session:
            pk = session.scalar(select(Submission.id).where(Submission.submission_id == SUBMISSION))
            assert pk is not None
            item = find_item(session, pk, PDF)
        note = review.annotate(Anchor(item.id, 1, (10, 10, 50, 20)), "kept")
        for criterion in review.rubric.criteria:
            review.set_level(criterion.id, criterion.levels[-1].id)
        review.submit()
        with pytest.raises(ReviewError, match="is submitted"):
            review.annotate(Anchor(item.id, 1, (10, 10, 50, 20)), "late")
        with pytest.raises(ReviewError, match="is submitted"):
            review.delete_annotation(note.id)
    finally:
        folder.close()
    code, _, err = annotate(capsys, data, "--item", PDF, "--rect", "1,1,5,5", "--text", "late")
    assert code == 1 and "is submitted" in err
    code, _, err = run(
        capsys, *data, "annotations", "delete", str(note.id), "--reviewer", "Ana Lima"
    )
    assert code == 1 and "is submitted" in err
    assert count(data) == 1


def test_another_reviewer_sees_none_and_cannot_delete(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, made, err = annotate(capsys, data, "--item", PDF, "--rect", "1,1,50,50", "--text", "a")
    assert code == 0, err
    code, theirs, _ = run(
        capsys, *data, "annotations", SUBMISSION, "--reviewer", "Ben Osei", "--json"
    )
    assert theirs == []
    folder = DataFolder.open(Path(data[1]))
    try:
        assert ReviewSession.open(folder, SUBMISSION, "Ben Osei").annotations() == []
    finally:
        folder.close()
    code, _, err = run(
        capsys, *data, "annotations", "delete", str(made["id"]), "--reviewer", "Ben Osei"
    )
    assert code == 1 and "has no annotation" in err
    assert count(data) == 1
    # Ben's refused delete recorded no review of his either.
    code, out, _ = run(capsys, *data, "submissions", "--json")
    assert {s["submission_id"]: s["status"] for s in out}[SUBMISSION] == "in-review"


def test_undo_of_a_delete_brings_the_same_number_back_and_the_trail_verifies(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = DataFolder.open(Path(data[1]))
    try:
        review = ReviewSession.open(folder, SUBMISSION, "Ana Lima")
        with folder.read_sessions() as session:
            pk = session.scalar(select(Submission.id).where(Submission.submission_id == SUBMISSION))
            assert pk is not None
            item = find_item(session, pk, PDF)
        first = review.annotate(Anchor(item.id, 1, (10, 10, 50, 20)), "one")
        second = review.annotate(Anchor(item.id, 2, (10, 10, 50, 20)), "two", tag="languages")
        gone = review.delete_annotation(first.id)
        third = review.annotate(Anchor(item.id, 1, (20, 20, 50, 20)), "three")
        back = review.annotate(
            gone.anchor, gone.text, criterion=gone.criterion, tag=gone.tag, number=gone.number
        )
        assert [a.number for a in (second, third, back)] == [2, 3, 1]
        edited = review.edit_annotation(second.id, text="two, edited", criterion="artifacts-plan")
        assert (edited.text, edited.criterion, edited.tag) == (
            "two, edited",
            "artifacts-plan",
            "languages",
        )
        with pytest.raises(AnnotationError, match="outside page 2"):
            review.edit_annotation(second.id, anchor=Anchor(item.id, 2, (600, 10, 50, 20)))
        assert [(a.number, a.text) for a in review.annotations()] == [
            (1, "one"),
            (2, "two, edited"),
            (3, "three"),
        ]
        with folder.read_sessions() as session:
            actions = list(
                session.scalars(
                    select(AuditEvent.action)
                    .where(AuditEvent.action.like("review.annot%"))
                    .order_by(AuditEvent.seq)
                )
            )
        assert actions == [
            "review.annotate",
            "review.annotate",
            "review.annotation.delete",
            "review.annotate",
            "review.annotate",
            "review.annotation.edit",
        ]
    finally:
        folder.close()
    code, out, err = run(capsys, *data, "audit", "verify")
    assert code == 0, out + err
