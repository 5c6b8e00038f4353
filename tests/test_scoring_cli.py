"""From the command line: demo definitions and bundles in, scored to a decision, and the
feedback letter out, as the CLI contract describes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from reviewer_app.cli import main
from reviewer_app.demo.bundles import generate_demo_bundles
from reviewer_app.resources import resource

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if "--json" in argv else out


def criteria_of(achievement_id: str) -> list[str]:
    for path in DEFINITIONS:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("achievement", {}).get("id") == achievement_id:
            return [c["id"] for part in doc["rubric"]["parts"] for c in part["criteria"]]
    raise KeyError(achievement_id)


@pytest.fixture(scope="module")
def demo_bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "bundles"
    generate_demo_bundles(out)
    return out


def test_demo_definitions_bundles_scoring_and_letters(
    capsys: pytest.CaptureFixture[str], demo_bundles: Path, tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    code, added = run(capsys, *data, "definitions", "add", *map(str, DEFINITIONS), "--json")
    assert code == 0 and added["rejected"] == [] and len(added["added"]) == 4
    code, listed = run(capsys, *data, "definitions", "list", "--json")
    assert sorted(d["name"] for d in listed) == [
        "Culturally Responsive Classroom Practice",
        "Families as Partners: Two-Way Communication",
        "Global Education in the Classroom",
    ]
    assert all(d["version"] == 1 for d in listed)

    code, imported = run(
        capsys, *data, "import", *map(str, sorted(demo_bundles.iterdir())), "--json"
    )
    assert code == 0 and imported["rejected"] == []
    code, submissions = run(capsys, *data, "submissions", "--json")
    scorable = [s for s in submissions if s["credential_id"]]
    assert len(scorable) == len(submissions) - 1  # the loose bundle has no credential yet
    assert {s["status"] for s in submissions} == {"unreviewed"}

    for n, sub in enumerate(scorable):
        criteria = criteria_of(sub["credential_id"])
        top = n % 2 == 0  # every other submission passes
        levels = []
        for criterion in criteria:
            level = _level(sub["credential_id"], criterion, top)
            levels += ["--level", f"{criterion}={level}"]
        comments = [f"--comment={c}=Comment on {c} for {sub['submission_id']}." for c in criteria]
        code, scored = run(
            capsys,
            *data,
            "score",
            sub["submission_id"],
            "--reviewer",
            "Dana Lee",
            *levels,
            *comments,
            "--feedback",
            f"Overall for {sub['submission_id']}.",
            "--submit",
            "--json",
        )
        assert code == 0
        assert scored["decision"] == ("pass" if top else "not-yet"), scored

    code, after = run(capsys, *data, "submissions", "--json")
    statuses = {s["submission_id"]: s["status"] for s in after}
    assert sorted(set(statuses.values())) == ["not-yet", "pass", "unreviewed"]

    sub = scorable[1]
    letter = tmp_path / "letter.pdf"
    assert main([*data, "feedback", sub["submission_id"], "--out", str(letter)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(letter).pages)
    flat = re.sub(r"\s+", "", text)
    for criterion in criteria_of(sub["credential_id"]):
        assert re.sub(r"\s+", "", f"Comment on {criterion} for {sub['submission_id']}.") in flat
    assert "NotYet" in flat and sub["earner"].replace(" ", "") in flat

    txt = tmp_path / "letter.txt"
    assert main([*data, "feedback", sub["submission_id"], "--out", str(txt)]) == 0
    assert f"Overall for {sub['submission_id']}." in txt.read_text(encoding="utf-8")

    letters = tmp_path / "letters"
    assert main([*data, "feedback", "--all", "--out", str(letters)]) == 0
    names = sorted(p.name for p in letters.iterdir())
    assert names == sorted(f"{s['submission_id']} feedback.pdf" for s in scorable)
    assert all(len(PdfReader(letters / name).pages) >= 1 for name in names)

    code, verdict = run(capsys, *data, "audit", "verify", "--json")
    assert code == 0 and verdict["ok"] is True and verdict["entries"] > 100


def _level(credential: str, criterion: str, top: bool) -> str:
    scales = {
        "families-as-partners-1": ("not-yet", "proficient"),
        "cultural-proficiency-1": ("beginning", "proficient"),
        "global-classroom-1": ("not-yet", "demonstrated"),
    }
    low, high = scales[credential.rsplit("/", 1)[-1]]
    return high if top else low


def test_score_before_submit_reports_no_decision(
    capsys: pytest.CaptureFixture[str], demo_bundles: Path, tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    main([*data, "definitions", "add", *map(str, DEFINITIONS)])
    main([*data, "import", str(demo_bundles / "FAP-2026-0142.zip"), "--no-extract"])
    capsys.readouterr()
    code, doc = run(
        capsys,
        *data,
        "score",
        "FAP-2026-0142",
        "--reviewer",
        "New Person",
        "--level",
        "overview-goal=proficient",
        "--json",
    )
    assert code == 0
    assert doc["decision"] is None and doc["reviewer"] == "New Person"
    assert "overview-families" in doc["unscored"]
    code, _ = run(capsys, *data, "score", "FAP-2026-0142", "--reviewer", "New Person", "--submit")
    assert code == 1  # unscored criteria: refused
    code, _ = run(capsys, *data, "feedback", "FAP-2026-0142", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and not (tmp_path / "x.pdf").exists()
