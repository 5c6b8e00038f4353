"""A loose bundle is given its micro-credential and its earner's name, from the command
line, then reviewed like any other; the audit trail records it and still verifies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.reviews.service import ReviewError, ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, Submission
from tests import craft

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))


def criteria(credential: str) -> list[str]:
    for path in DEFINITIONS:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("achievement", {}).get("id") == credential:
            return [c["id"] for part in doc["rubric"]["parts"] for c in part["criteria"]]
    raise KeyError(credential)


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """A data folder with the demo definitions and a loose bundle, "jane doe"."""
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "definitions", "add", *map(str, DEFINITIONS)]) == 0
    loose = craft.write_zip(tmp_path / "jane doe.zip", {"reflection.txt": b"I learned a lot."})
    assert main([*data, "import", str(loose), "--no-extract"]) == 0
    capsys.readouterr()
    return data


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


def test_assign_then_score_and_the_trail_verifies(
    data: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, doc, err = run(
        capsys,
        *data,
        "submissions",
        "assign",
        "jane doe",
        "--credential",
        "families-as-partners-1",  # the short id
        "--earner",
        "  Jane   Doe-Okafor ",
        "--json",
    )
    assert code == 0, err
    assert doc == {
        "submission_id": "jane doe",
        "credential_id": craft.CREDENTIAL,
        "earner": "Jane Doe-Okafor",
    }
    code, rows, _ = run(capsys, *data, "submissions", "--json")
    assert [(r["earner"], r["credential_id"]) for r in rows] == [
        ("Jane Doe-Okafor", craft.CREDENTIAL)
    ]
    with DataFolder.open(tmp_path / "data") as folder, folder.read_sessions() as session:
        row = session.scalars(select(Submission)).one()
        assert row.credential_name and not row.warnings  # the loose bundle's warning is settled
        entry = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "submission.assign")
        ).one()
        assert json.loads(entry.before) == {"credential": None, "earner": "jane doe"}

    levels = [f"--level={c}=proficient" for c in criteria(craft.CREDENTIAL)]
    code, scored, err = run(
        capsys, *data, "score", "jane doe", "--reviewer", "Dana Lee", *levels, "--submit", "--json"
    )
    assert code == 0, err
    assert scored["decision"] == "pass" and scored["outcome"] == "pass"
    code, rows, _ = run(capsys, *data, "submissions", "--json")
    assert rows[0]["status"] == "pass"
    code, verdict, _ = run(capsys, *data, "audit", "verify", "--json")
    assert code == 0 and verdict["ok"] is True, verdict

    # Reviewed now: its micro-credential is fixed, and nothing changes on refusal.
    code, _, err = run(
        capsys, *data, "submissions", "assign", "jane doe", "--credential", "global-classroom-1"
    )
    assert code == 1 and "can no longer be changed" in err
    assert "Traceback" not in err
    code, rows, _ = run(capsys, *data, "submissions", "--json")
    assert rows[0]["credential_id"] == craft.CREDENTIAL


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["nobody", "--credential", "global-classroom-1"], "no submission 'nobody'"),
        (["jane doe", "--credential", "underwater-basket-1"], "no micro-credential"),
        (["jane doe", "--credential", "global-classroom-1", "--earner", "  "], "cannot be empty"),
        (["jane doe", "--credential", "global-classroom-1", "--earner", "A\x1bB"], "control"),
    ],
)
def test_assign_refusals_leave_the_submission_as_it_was(
    data: list[str], capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    code, _, err = run(capsys, *data, "submissions", "assign", *argv)
    assert code == 1 and words in err, err
    code, rows, _ = run(capsys, *data, "submissions", "--json")
    assert [(r["earner"], r["credential_id"]) for r in rows] == [("jane doe", None)]


def test_the_loose_bundle_message_names_the_way_to_assign(data: list[str], tmp_path: Path) -> None:
    with DataFolder.open(tmp_path / "data") as folder, pytest.raises(ReviewError) as refused:
        ReviewSession.open(folder, "jane doe", "Dana Lee")
    assert "reviewer-app submissions assign jane doe --credential ID" in str(refused.value)
    assert "Review > Assign a micro-credential" in str(refused.value)


def test_assign_text_output_and_an_ambiguous_short_id(
    data: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = json.loads(
        resource("demo", "definitions", "global-classroom-1.json").read_text(encoding="utf-8")
    )
    source["achievement"]["id"] = "https://elsewhere.example/badges/global-classroom-1"
    source["achievement"].pop("image", None)
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(source), encoding="utf-8")
    assert main([*data, "definitions", "add", str(twin)]) == 0
    capsys.readouterr()
    code, _, err = run(
        capsys, *data, "submissions", "assign", "jane doe", "--credential", "global-classroom-1"
    )
    assert code == 1
    assert "https://elsewhere.example/badges/global-classroom-1" in err
    assert "https://credentials.example.org/mc/global-classroom-1" in err
    code, out, err = run(
        capsys,
        *data,
        "submissions",
        "assign",
        "jane doe",
        "--credential",
        "https://elsewhere.example/badges/global-classroom-1",
    )
    assert code == 0, err
    assert out == (
        "jane doe: https://elsewhere.example/badges/global-classroom-1, earner jane doe\n"
    )
