"""`reviewer-app packet ...`: the round trip from the command line, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.reviews.blind import submission_code
from reviewer_app.reviews.moderation import set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from tests import craft


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, Any]:
    code = main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv else err


def criteria() -> list[str]:
    path = resource("demo", "definitions") / "families-as-partners-1.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    return [c["id"] for part in content["rubric"]["parts"] for c in part["criteria"]]


def test_packet_round_trip_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lead, ana = tmp_path / "lead", tmp_path / "ana"
    with DataFolder.open(lead) as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(folder, definitions, "lead").rejected
        bundle = craft.bundle_zip(
            tmp_path / "b.zip", {"plan.pdf": craft.text_pdf()}, submission_id="FAP-1"
        )
        assert Importer(folder).import_paths([bundle]).imported
        set_required_reviews(folder, craft.CREDENTIAL, 2, "lead")
    packet, back = tmp_path / "packet.zip", tmp_path / "return.zip"

    export = ["packet", "export", "--reviewer", "Ana Ruiz", "--submission", "FAP-1"]
    code, doc = run(capsys, lead, *export, "--out", str(packet), "--json")
    assert code == 0 and doc["submissions"] == ["FAP-1"]
    packet_id = doc["packet_id"]

    code, doc = run(capsys, ana, "packet", "import", str(packet), "--json")
    assert code == 0 and doc["submissions_imported"] == ["FAP-1"]
    code, doc = run(capsys, ana, "packet", "import", str(packet), "--json")
    assert code == 0 and doc["already_imported"]
    code, doc = run(capsys, ana, "packet", "list", "--json")
    assert [p["direction"] for p in doc] == ["received"]

    give_back = ["packet", "return", "--packet", packet_id, "--reviewer", "Ana Ruiz"]
    code, doc = run(capsys, ana, *give_back, "--out", str(back), "--json")
    assert code == 1 and "FAP-1 (not started)" in doc["error"] and not back.exists()
    levels = [arg for c in criteria() for arg in ("--level", f"{c}=proficient")]
    code, doc = run(
        capsys, ana, "score", "FAP-1", "--reviewer", "Ana Ruiz", *levels, "--submit", "--json"
    )
    assert code == 0 and doc["decision"] == "pass"
    code, doc = run(capsys, ana, *give_back, "--out", str(back), "--json")
    assert code == 0 and doc["submissions"] == ["FAP-1"]

    code, doc = run(capsys, lead, "packet", "import-return", str(back), "--json")
    assert code == 0 and doc["added"] == ["FAP-1"] and doc["statuses"] == {"FAP-1": "in-review"}
    code, doc = run(capsys, lead, "packet", "import-return", str(back), "--json")
    assert code == 0 and doc["already_imported"]
    code, err = run(capsys, lead, "packet", "import-return", str(packet))
    assert code == 1 and "is a review packet, not a review return" in err

    broken = tmp_path / "broken.zip"
    broken.write_bytes(back.read_bytes()[:100])
    code, doc = run(capsys, lead, "packet", "import-return", str(broken), "--json")
    assert code == 1 and "not a readable zip file" in doc["error"]

    # Ana reopens and rescores on her laptop, then returns again: a conflict.
    with DataFolder.open(ana) as folder:
        review = ReviewSession.open(folder, "FAP-1", "Ana Ruiz")
        review.reopen("Rescoring.")
        review.set_level(criteria()[0], "not-yet")
        review.submit()
    again = tmp_path / "again.zip"
    code, doc = run(capsys, ana, *give_back, "--out", str(again), "--json")
    assert code == 0
    code, doc = run(capsys, lead, "packet", "import-return", str(again), "--json")
    assert code == 0 and doc["added"] == [] and len(doc["conflicts"]) == 1
    code, doc = run(capsys, lead, "packet", "conflicts", "--json")
    assert code == 0 and [c["submission_id"] for c in doc] == ["FAP-1"]
    assert doc[0]["existing"]["decision"] == "pass" and doc[0]["incoming"]["decision"] == "not-yet"
    conflict = str(doc[0]["id"])
    assert run(capsys, lead, "reviewers", "add", "Lena Lead", "--role", "lead")[0] == 0
    resolve = ["packet", "resolve", conflict, "--keep", "incoming", "--lead", "Lena Lead"]
    code, doc = run(capsys, lead, *resolve, "--rationale", "Ana rescored.", "--json")
    assert code == 0 and doc == {
        "ok": True,
        "conflict": int(conflict),
        "keep": "incoming",
        "status": "in-review",
    }
    code, err = run(capsys, lead, *resolve, "--rationale", "Again.")
    assert code == 1 and "resolved already" in err
    code, doc = run(capsys, lead, "packet", "conflicts", "--json")
    assert code == 0 and doc == []

    with pytest.raises(SystemExit) as usage:
        main(["--data-dir", str(lead), "packet", "resolve", "7", "--keep", "both"])
    assert usage.value.code == 2
    capsys.readouterr()


def test_a_blind_packet_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--blind` makes a blind packet from a folder that does not review blind; the
    assessor's side says the packet is blind and lists codes."""
    lead, ana = tmp_path / "lead", tmp_path / "ana"
    with DataFolder.open(lead) as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(folder, definitions, "lead").rejected
        bundle = craft.bundle_zip(
            tmp_path / "b.zip", {"Ana Lima plan.pdf": craft.text_pdf()}, submission_id="FAP-1"
        )
        assert Importer(folder).import_paths([bundle]).imported
    packet = tmp_path / "packet.zip"
    export = ["packet", "export", "--reviewer", "Ana Ruiz", "--submission", "FAP-1"]
    code, doc = run(capsys, lead, *export, "--out", str(packet), "--blind", "--json")
    code_of = submission_code("FAP-1")
    assert code == 0 and doc["blind"] and doc["codes"] == {"FAP-1": code_of}
    assert b"Lima" not in packet.read_bytes()
    code, doc = run(capsys, ana, "packet", "import", str(packet), "--json")
    assert code == 0 and doc["blind"] and doc["submissions_imported"] == [code_of]

    plain = tmp_path / "plain.zip"
    code, doc = run(capsys, lead, *export, "--out", str(plain), "--not-blind", "--json")
    assert code == 0 and not doc["blind"] and b"Lima" in plain.read_bytes()


def test_annotations_travel_with_a_packet_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Begun at the office, continued on the assessor's laptop with `annotate` as with
    `score`, brought back by the return; one pointing off its page is refused there."""
    lead, ana, sid = tmp_path / "lead", tmp_path / "ana", "FAP-2026-0142"
    assert run(capsys, lead, "demo")[0] == 0
    at = ["annotate", sid, "--reviewer", "Ana Ruiz"]
    log = ["--item", "evidence/contact-log.pdf"]
    code, doc = run(
        capsys, lead, *at, *log, "--page", "2", "--rect", "72,100,300,60", "--text", "Office."
    )
    assert code == 0
    packet, back = tmp_path / "packet.zip", tmp_path / "return.zip"
    export = ["packet", "export", "--reviewer", "Ana Ruiz", "--submission", sid]
    code, doc = run(capsys, lead, *export, "--out", str(packet), "--json")
    assert code == 0
    packet_id = doc["packet_id"]

    code, doc = run(capsys, ana, "packet", "import", str(packet), "--json")
    assert code == 0 and doc["warnings"] == [] and doc["annotations_added"] == {sid: [1]}
    listed = ["annotations", sid, "--reviewer", "Ana Ruiz", "--json"]
    code, doc = run(capsys, ana, *listed)
    assert [(a["number"], a["page"], a["text"]) for a in doc] == [(1, 2, "Office.")]
    code, err = run(capsys, ana, *at, *log, "--page", "3", "--rect", "1,1,5,5", "--text", "No.")
    assert code == 1 and "has no page 3: it has 2" in err
    photo = ["--item", "evidence/IMG_2041.jpg", "--rect", "900,1300,250,250"]
    code, doc = run(capsys, ana, *at, *photo, "--text", "Train.", "--criterion", "overview-goal")
    assert code == 0
    reflection = ["--item", "Reflection", "--quote", "check my own assumptions"]
    assert run(capsys, ana, *at, *reflection, "--text", "More here.", "--json")[0] == 0
    levels = [arg for c in criteria() for arg in ("--level", f"{c}=proficient")]
    assert run(capsys, ana, "score", sid, "--reviewer", "Ana Ruiz", *levels, "--submit")[0] == 0
    give_back = ["packet", "return", "--packet", packet_id, "--reviewer", "Ana Ruiz"]
    assert run(capsys, ana, *give_back, "--out", str(back), "--json")[0] == 0

    code, doc = run(capsys, lead, "packet", "import-return", str(back), "--json")
    assert code == 0 and doc["added"] == [sid]
    code, doc = run(capsys, lead, *listed)
    assert [(a["number"], a["item"], a["criterion"], a["text"]) for a in doc] == [
        (1, "evidence/contact-log.pdf", None, "Office."),
        (2, "evidence/IMG_2041.jpg", "overview-goal", "Train."),
        (3, "Reflection", None, "More here."),
    ]
    code, doc = run(capsys, lead, "audit", "verify", "--json")
    assert code == 0 and doc["ok"]
