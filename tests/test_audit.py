"""The audit trail catches a change made behind the program's back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app.audit.trail import verify
from reviewer_app.cli import main
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import AuditEvent


@pytest.fixture
def trail_folder(reviewed_folder: DataFolder) -> DataFolder:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    for n, criterion in enumerate(["overview-families", "overview-goal", "artifacts-plan"]):
        review.set_level(criterion, "proficient")
        review.set_comment(criterion, f"comment {n}")
    with reviewed_folder.sessions() as session:
        verdict = verify(session)
    assert verdict.ok and verdict.entries >= 10
    return reviewed_folder


def tamper(folder: DataFolder, *statements: str) -> None:
    """Edits the database directly, as someone with a SQLite tool could."""
    con = sqlite3.connect(folder.root / DATABASE_NAME)
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("DROP TRIGGER audit_events_no_delete")
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def first_bad(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code = main(["--data-dir", str(folder.root), "audit", "verify", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1 and doc["ok"] is False
    bad: dict[str, object] = doc["first_bad"]
    return bad


def test_an_intact_trail_verifies(
    trail_folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(trail_folder.root), "audit", "verify", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and doc["first_bad"] is None and doc["entries"] >= 10


def test_the_program_cannot_change_an_entry(trail_folder: DataFolder) -> None:
    con = sqlite3.connect(trail_folder.root / DATABASE_NAME)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit_events SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit_events")
    con.close()


CHANGES: dict[str, tuple[tuple[str, ...], int, str]] = {
    "edited": (
        ('UPDATE audit_events SET after = \'{"overview-goal":"not-yet"}\' WHERE seq = 12',),
        12,
        "content was changed",
    ),
    "edited-actor": (
        ("UPDATE audit_events SET actor = 'Ben' WHERE seq = 5",),
        5,
        "content was changed",
    ),
    "deleted": (("DELETE FROM audit_events WHERE seq = 6",), 7, "entry 6 is missing"),
    "deleted-and-renumbered": (
        (
            "DELETE FROM audit_events WHERE seq = 6",
            "UPDATE audit_events SET seq = seq - 1 WHERE seq > 6",
        ),
        6,
        "does not follow the entry before it",
    ),
    "reordered": (
        (
            "UPDATE audit_events SET seq = -1 WHERE seq = 8",
            "UPDATE audit_events SET seq = 8 WHERE seq = 9",
            "UPDATE audit_events SET seq = 9 WHERE seq = -1",
        ),
        8,
        "does not follow the entry before it",
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_behind_the_programs_back_is_caught(
    trail_folder: DataFolder, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    statements, seq, problem = CHANGES[change]
    tamper(trail_folder, *statements)
    bad = first_bad(trail_folder, capsys)
    assert bad["seq"] == seq
    assert problem in str(bad["problem"])


def test_text_output_names_the_entry(
    trail_folder: DataFolder, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tamper(trail_folder, "UPDATE audit_events SET before = 'null' WHERE seq = 8")
    assert main(["--data-dir", str(trail_folder.root), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("broken at entry 8 (review.level by Ana Ruiz")


def test_each_recorded_kind_of_change_is_in_the_trail(trail_folder: DataFolder) -> None:
    with trail_folder.sessions() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {
        "definition.add",
        "pathway.add",
        "reviewer.add",
        "review.start",
        "review.level",
        "review.comment",
    } <= actions
