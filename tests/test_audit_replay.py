"""`audit verify` replays the trail against the reviews, scores, decisions and statuses,
and checks it against anchors noted in files that left the database: an edit made with
a SQLite tool shows, and so does a trail cut short or rewritten from scratch."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from reviewer_app.audit.anchor import ANCHOR_KEY, current_anchor
from reviewer_app.audit.trail import GENESIS, entry_hash
from reviewer_app.cli import main
from reviewer_app.reviews.moderation import adjudicate, set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import Reviewer
from tests import craft

ANA, BEN, LEAD = "Ana Ruiz", "Ben Osei", "Lena Lead"


def score_all(folder: DataFolder, submission: str, reviewer: str, level: str) -> None:
    review = ReviewSession.open(folder, submission, reviewer)
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, level)
        review.set_comment(criterion.id, f"{reviewer} on {criterion.id}")
    review.set_feedback(f"Feedback from {reviewer}.")
    review.submit()


@pytest.fixture
def decided(reviewed_folder: DataFolder) -> DataFolder:
    """FAP-1 passed by Ana; FAP-2 scored by Ana and Ben, who disagree, and adjudicated
    by a lead who wrote their own feedback."""
    folder = reviewed_folder
    score_all(folder, "FAP-1", ANA, "proficient")
    set_required_reviews(folder, craft.CREDENTIAL, 2, "lead")
    score_all(folder, "FAP-2", ANA, "proficient")
    score_all(folder, "FAP-2", BEN, "not-yet")
    with folder.sessions.begin() as session:
        session.add(Reviewer(name=LEAD, role="lead"))
    adjudicate(folder, "FAP-2", LEAD, "pass", "The log is complete.", feedback="Well done.")
    return folder


def verify_json(folder: DataFolder, *anchors: Path) -> tuple[int, dict[str, Any]]:
    """`audit verify --json`, run in a process of its own as a user would."""
    argv = [sys.executable, "-m", "reviewer_app", "--data-dir", str(folder.root)]
    argv += ["audit", "verify", "--json"]
    for anchor in anchors:
        argv += ["--anchor", str(anchor)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def sql(folder: DataFolder, *statements: str, rechain: bool = False) -> None:
    """Edits the database directly, as someone with a SQLite tool could; with
    `rechain`, also drops the trail's triggers and recomputes every hash."""
    con = sqlite3.connect(folder.root / DATABASE_NAME)
    if rechain:
        con.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        con.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    for statement in statements:
        con.execute(statement)
    if rechain:
        prev = GENESIS
        rows = con.execute(
            "SELECT id, seq, at, actor, action, entity, entity_id, before, after "
            "FROM audit_events ORDER BY seq"
        ).fetchall()
        for id_, seq, at, actor, action, entity, entity_id, before, after in rows:
            digest = entry_hash(prev, seq, at, actor, action, entity, entity_id, before, after)
            con.execute(
                "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
                (prev, digest, id_),
            )
            prev = digest
    con.commit()
    con.close()


def anchor_file(folder: DataFolder, path: Path, *, nested: bool = True) -> Path:
    """A manifest, as a backup or an export writes one, holding the trail's anchor."""
    with folder.sessions() as session:
        anchor = current_anchor(session)
    document: dict[str, Any] = (
        {"format": "backup", "manifest": {"files": [], ANCHOR_KEY: anchor}} if nested else anchor
    )
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def problems(doc: dict[str, Any]) -> str:
    return " | ".join(f["problem"] for f in doc["replay"]["findings"])


def test_an_untouched_folder_replays_and_holds_its_anchor(
    decided: DataFolder, tmp_path: Path
) -> None:
    anchor = anchor_file(decided, tmp_path / "backup.json")
    bare = anchor_file(decided, tmp_path / "anchor.json", nested=False)
    code, doc = verify_json(decided, anchor, bare)
    assert code == 0 and doc["ok"] is True, doc
    assert doc["replay"] == {"ok": True, "checked": 2, "unchecked": [], "findings": []}
    assert [a["ok"] for a in doc["anchors"]] == [True, True]
    # Work goes on after the anchor was taken: it still holds.
    ReviewSession.open(decided, "FAP-1", BEN).set_level("overview-goal", "proficient")
    code, doc = verify_json(decided, anchor)
    assert code == 0 and doc["anchors"][0]["ok"] is True


EDITS = {
    "score": (
        "UPDATE criterion_scores SET level_id = 'not-yet' WHERE criterion_id = 'overview-goal' "
        "AND review_id = (SELECT min(id) FROM reviews)",
        "overview-goal is at level 'not-yet'; the trail says 'proficient'",
    ),
    "comment": (
        "UPDATE criterion_scores SET comment = 'nicer words' WHERE criterion_id = 'overview-goal'",
        "the comment on overview-goal differs from the trail",
    ),
    "decision": (
        "UPDATE decisions SET outcome = 'not-yet' WHERE submission_id = "
        "(SELECT id FROM submissions WHERE submission_id = 'FAP-1')",
        "its decision is 'not-yet'; the trail says 'pass'",
    ),
    "status": (
        "UPDATE submissions SET status = 'adjudication' WHERE submission_id = 'FAP-1'",
        "its status is 'adjudication'; the trail says 'pass'",
    ),
    "review-decision": (
        "UPDATE reviews SET decision = 'pass' WHERE decision = 'not-yet'",
        "its decision is 'pass'; the trail says 'not-yet'",
    ),
    "lead-feedback": (
        "UPDATE decisions SET feedback = 'Other words.' WHERE feedback IS NOT NULL",
        "the lead's feedback differs from the trail",
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_change_made_in_the_database_is_named(decided: DataFolder, edit: str) -> None:
    statement, sentence = EDITS[edit]
    sql(decided, statement)
    code, doc = verify_json(decided)
    assert code == 1 and doc["ok"] is False
    assert doc["chain_ok"] is True  # the trail itself was not touched
    assert sentence in problems(doc)


def test_a_submission_the_trail_never_touched_must_be_unreviewed(
    reviewed_folder: DataFolder,
) -> None:
    score_all(reviewed_folder, "FAP-1", ANA, "proficient")
    sql(reviewed_folder, "UPDATE submissions SET status = 'pass' WHERE submission_id = 'FAP-2'")
    code, doc = verify_json(reviewed_folder)
    assert code == 1 and doc["replay"]["unchecked"] == []
    assert doc["replay"]["findings"] == [
        {
            "submission": "FAP-2",
            "problem": "it has reviews, a decision or a status that the trail never recorded",
            "seq": None,
        }
    ]


def test_a_decision_contradicting_its_levels_is_named(decided: DataFolder) -> None:
    sql(
        decided,
        "UPDATE criterion_scores SET level_id = 'not-yet' WHERE criterion_id = 'overview-goal' "
        "AND review_id = (SELECT min(id) FROM reviews)",
    )
    code, doc = verify_json(decided)
    assert code == 1
    assert "Ana Ruiz's review says 'pass', but its stored levels give 'not-yet'" in problems(doc)
    # `check` sees the contradiction too, with no trail needed.
    done = subprocess.run(
        [sys.executable, "-m", "reviewer_app", "--data-dir", str(decided.root), "check", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["ok"] is False
    assert {"kind": "decision", "subject": "FAP-1"} in [
        {"kind": p["kind"], "subject": p["subject"]} for p in report["problems"]
    ]


def test_check_and_the_replay_find_each_decision_its_levels_contradict(
    decided: DataFolder,
) -> None:
    """A submitted review whose stored levels no longer give its decision: one with a
    criterion turned to Not Yet, one with its levels cleared. `check` and `audit verify`
    name both, and nothing else."""
    from reviewer_app.audit.folder_check import check_folder
    from reviewer_app.audit.replay import decision_findings

    sql(
        decided,
        "UPDATE criterion_scores SET level_id = 'not-yet' WHERE criterion_id = 'overview-goal' "
        "AND review_id = (SELECT min(id) FROM reviews)",
        "UPDATE criterion_scores SET level_id = NULL "
        "WHERE review_id = (SELECT max(id) FROM reviews WHERE submitted_at IS NOT NULL)",
    )
    with decided.read_sessions() as session:
        changed = [
            session.execute(
                text(
                    "SELECT s.submission_id, p.name, r.decision FROM reviews r "
                    "JOIN submissions s ON s.id = r.submission_id "
                    "JOIN reviewers p ON p.id = r.reviewer_id WHERE r.id = "
                    f"(SELECT {which}(id) FROM reviews WHERE submitted_at IS NOT NULL)"
                )
            ).one()
            for which in ("min", "max")
        ]
        replayed = [(f.submission, f.problem) for f in decision_findings(session)]
    expected = [
        (submission, f"{name}'s review says {decision!r}, but its stored levels give {gives!r}"
         " by the rubric's pass rule")
        for (submission, name, decision), gives in zip(changed, ("not-yet", None), strict=True)
    ]  # fmt: skip
    assert replayed == expected
    checked = [(p.subject, p.message) for p in check_folder(decided) if p.kind == "decision"]
    assert checked == expected


def test_the_text_output_says_what_differs(
    decided: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(decided, EDITS["score"][0])
    capsys.readouterr()
    assert main(["--data-dir", str(decided.root), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("ok: ")  # the chain itself holds
    assert "differs: " in out
    assert "FAP-1: Ana Ruiz's review: overview-goal is at level 'not-yet'" in out


def test_a_trail_rewritten_from_scratch_fails_against_an_earlier_anchor(
    decided: DataFolder, tmp_path: Path
) -> None:
    anchor = anchor_file(decided, tmp_path / "backup.json")
    # Lower Ana's level on FAP-1 in the trail's level entry, and recompute the chain.
    sql(
        decided,
        'UPDATE audit_events SET after = \'{"overview-goal":"not-yet"}\' WHERE seq = ('
        "SELECT min(seq) FROM audit_events WHERE action = 'review.level' "
        "AND entity_id = 'FAP-1/Ana Ruiz' AND after LIKE '%overview-goal%')",
        rechain=True,
    )
    code, doc = verify_json(decided)
    assert doc["chain_ok"] is True and doc["first_bad"] is None  # the chain alone passes
    assert code == 1  # replay still catches the content change
    assert "its review.level entry does not agree with the state recorded after it" in problems(doc)
    code, doc = verify_json(decided, anchor)
    assert code == 1
    (checked,) = doc["anchors"]
    assert checked["ok"] is False
    assert "the trail was rewritten up to there" in checked["problem"]


def test_a_trail_stripped_of_its_states_needs_the_anchor(
    decided: DataFolder, tmp_path: Path
) -> None:
    """Someone who can rewrite every entry can make the trail read as one written before
    states were recorded: the chain holds and the replay has nothing to compare. Only an
    anchor taken before shows it."""
    anchor = anchor_file(decided, tmp_path / "backup.json")
    sql(decided, "DELETE FROM audit_events WHERE action = 'submission.state'", rechain=True)
    sql(
        decided,
        "UPDATE audit_events SET seq = -id",
        "UPDATE audit_events SET seq = (SELECT count(*) FROM audit_events a "
        "WHERE a.id <= audit_events.id)",
        rechain=True,
    )
    code, doc = verify_json(decided)
    assert doc["chain_ok"] is True
    # Without state entries the trail reads as one made before states were recorded.
    assert doc["replay"]["ok"] is True and sorted(doc["replay"]["unchecked"]) == [
        "FAP-1",
        "FAP-2",
    ]
    code, doc = verify_json(decided, anchor)
    assert code == 1 and doc["anchors"][0]["ok"] is False


def test_a_deleted_tail_fails_the_anchor(decided: DataFolder, tmp_path: Path) -> None:
    anchor = anchor_file(decided, tmp_path / "backup.json")
    sql(
        decided,
        "DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 20 FROM audit_events)",
        rechain=True,
    )
    code, doc = verify_json(decided, anchor)
    assert code == 1
    (checked,) = doc["anchors"]
    assert checked["ok"] is False
    assert "entries were deleted since" in checked["problem"]


def test_an_anchor_in_a_packet_return_or_a_folder_is_read(
    decided: DataFolder, tmp_path: Path
) -> None:
    with decided.sessions() as session:
        anchor = current_anchor(session)
    ret = tmp_path / "return.zip"
    with zipfile.ZipFile(ret, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "return", ANCHOR_KEY: anchor}))
        archive.writestr("reviews.json", "{}")
    backup = tmp_path / "backup-folder"
    backup.mkdir()
    (backup / "backup.json").write_text(json.dumps({ANCHOR_KEY: anchor}), encoding="utf-8")
    code, doc = verify_json(decided, ret, backup)
    assert code == 0 and [a["ok"] for a in doc["anchors"]] == [True, True]


BAD_FILES = {
    "not json": (b"this is not JSON", "is not a JSON file"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "is not a JSON file"),
    "no anchor": (b'{"format": "backup"}', "holds no audit anchor"),
    "bad anchor": (
        json.dumps({ANCHOR_KEY: {"entries": "12", "head": "x"}}).encode(),
        "is not valid",
    ),
    "negative": (
        json.dumps({ANCHOR_KEY: {"entries": -1, "head": "0" * 64}}).encode(),
        "is not valid",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_an_unusable_anchor_file_is_refused_in_words(
    decided: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    content, sentence = BAD_FILES[case]
    path = tmp_path / "anchor.json"
    path.write_bytes(content)
    capsys.readouterr()
    code = main(["--data-dir", str(decided.root), "audit", "verify", "--anchor", str(path)])
    err = capsys.readouterr().err
    assert code != 0 and sentence in err and "Traceback" not in err
    missing = tmp_path / "missing.json"
    code = main(["--data-dir", str(decided.root), "audit", "verify", "--anchor", str(missing)])
    assert code != 0 and "cannot be read" in capsys.readouterr().err
