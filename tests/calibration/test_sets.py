"""Calibration sets: practice shows the reference at once; a qualifying set shows
nothing until done, then qualified or not and why, under the credential's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.calibration.anchors import mark_anchor
from reviewer_app.calibration.sets import (
    CalibrationSetError,
    assign,
    create_set,
    set_rules,
    status,
)
from reviewer_app.cli import main
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from tests import craft

CULTURE = "https://credentials.example.org/mc/cultural-proficiency-1"


def score(folder: DataFolder, submission: str, reviewer: str, steps: list[int]) -> None:
    review = ReviewSession.open(folder, submission, reviewer)
    for n, criterion in enumerate(review.rubric.criteria):
        review.set_level(criterion.id, criterion.levels[steps[n % len(steps)]].id)
        if reviewer == "Lena Lead" and n == 0:
            review.set_comment(criterion.id, "Names each community partner.")
    review.submit()


@pytest.fixture
def anchored(reviewed_folder: DataFolder, tmp_path: Path) -> DataFolder:
    folder = reviewed_folder
    bundles = [
        craft.bundle_zip(
            tmp_path / f"a{n}.zip",
            {"lesson.pdf": craft.text_pdf(f"anchor {n}")},
            submission_id=f"AN-{n}",
            credential={"id": CULTURE, "name": "Culture"},
        )
        for n in range(2)
    ]
    assert len(Importer(folder).import_paths(bundles).imported) == 2
    with folder.sessions.begin() as session:
        session.add(Reviewer(name="Lena Lead", role="lead"))
        session.add(Reviewer(name="Ana Ruiz", role="assessor"))
    for n in range(2):
        score(folder, f"AN-{n}", "Lena Lead", [3, 2])
        mark_anchor(folder, f"AN-{n}", "Lena Lead", rationale=f"Anchor {n}: strong work.")
    return folder


def test_practice_shows_each_scored_anchor_against_the_reference(anchored: DataFolder) -> None:
    create_set(anchored, "Practice 1", "practice", ["AN-0", "AN-1"], "Lena Lead")
    with pytest.raises(CalibrationSetError, match="not assigned"), anchored.sessions() as s:
        status(s, "Practice 1", "Ana Ruiz")
    assign(anchored, "Practice 1", "Ana Ruiz", "Lena Lead")
    score(anchored, "AN-0", "Ana Ruiz", [3, 1])
    with anchored.sessions() as session:
        result = status(session, "Practice 1", "Ana Ruiz")
    assert result.done == ("AN-0",) and result.to_do == ("AN-1",)
    first = result.feedback[0]
    assert first.rationale == "Anchor 0: strong work."
    rows = first.criteria
    assert rows[0].yours == rows[0].reference == "Exemplary" and rows[0].steps_apart == 0
    assert rows[0].reference_comment == "Names each community partner."
    assert rows[1].steps_apart == -1  # one step harsher than the reference
    assert result.qualified is None


def test_a_qualifying_set_shows_nothing_until_done_then_the_result(anchored: DataFolder) -> None:
    create_set(anchored, "Qualify", "qualifying", ["AN-0", "AN-1"], "Lena Lead")
    assign(anchored, "Qualify", "Ana Ruiz", "Lena Lead")
    score(anchored, "AN-0", "Ana Ruiz", [3, 2])
    with anchored.sessions() as session:
        midway = status(session, "Qualify", "Ana Ruiz")
    assert midway.feedback == () and midway.qualified is None
    score(anchored, "AN-1", "Ana Ruiz", [2, 3])  # every criterion a step off
    with anchored.sessions() as session:
        done = status(session, "Qualify", "Ana Ruiz")
    assert done.qualified is False and "exact agreement" in done.why[0]
    set_rules(anchored, CULTURE, "lead", exact_more=0.5, kappa_more=0.0)
    with anchored.sessions() as session:
        relaxed = status(session, "Qualify", "Ana Ruiz")
    assert relaxed.qualified is True, relaxed.why


def test_sets_refuse_what_does_not_fit(anchored: DataFolder) -> None:
    with pytest.raises(CalibrationSetError, match="not a lead"):
        create_set(anchored, "X", "practice", ["AN-0"], "Ana Ruiz")
    with pytest.raises(CalibrationSetError, match="not an anchor"):
        create_set(anchored, "X", "practice", ["FAP-1"], "Lena Lead")
    with pytest.raises(CalibrationSetError, match="'practice' or 'qualifying'"):
        create_set(anchored, "X", "exam", ["AN-0"], "Lena Lead")


def test_calibration_sets_from_the_command_line(
    anchored: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(anchored.root)

    def run(*argv: str) -> tuple[int, object]:
        code = main(["--data-dir", root, *argv])
        out, err = capsys.readouterr()
        return code, json.loads(out) if out.strip().startswith(("{", "[")) else out + err

    code, doc = run(
        "calibration",
        "set",
        "create",
        "Practice",
        "--mode",
        "practice",
        "--anchor",
        "AN-0",
        "--anchor",
        "AN-1",
        "--lead",
        "Lena Lead",
        "--json",
    )
    assert code == 0 and doc["anchors"] == ["AN-0", "AN-1"]  # type: ignore[index]
    assert run("calibration", "set", "assign", "Practice", "--reviewer", "Ana Ruiz")[0] == 0
    score(anchored, "AN-1", "Ana Ruiz", [3, 2])
    code, doc = run("calibration", "set", "status", "Practice", "--reviewer", "Ana Ruiz", "--json")
    assert code == 0 and doc["done"] == ["AN-1"]  # type: ignore[index]
    assert doc["feedback"][0]["criteria"][0]["steps_apart"] == 0  # type: ignore[index]
    # In words, from the same typed status the --json comes from.
    code, text = run("calibration", "set", "status", "Practice", "--reviewer", "Ana Ruiz")
    assert code == 0 and "Practice (practice): 1 done, 1 to do" in str(text)
    assert "AN-1: yours " in str(text) and "(same)" in str(text)
