"""A term's work on one team database, start to end, as the team does it: the owner sets
the team up, the lead imports and assigns with double marking, two assessors score the
same submission at once from processes of their own, their disagreement goes to
adjudication, the lead settles it, and the issuer exports from the team database on
their own laptop; the credentials verify, and so does the audit trail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.pg_server import SUPERUSER, PgServer
from tests.processes import env
from tests.team.teamkit import DEFINITIONS, PEOPLE, Team, cli, levels, set_up

SUBMISSION = "FAP-2026-0142"
PASSPHRASE = "issuer passphrase for the team test"


def scoring(team: Team, login: str, level: str, tmp_path: Path) -> subprocess.Popen[str]:
    """`login` scoring SUBMISSION and submitting, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", *team.args(login), "score", SUBMISSION,
         "--reviewer", PEOPLE[login][0], *levels(level), "--feedback", f"From {login}.",
         "--submit", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(tmp_path),
    )  # fmt: skip


def test_a_double_marked_term_from_import_to_verified_credentials(
    pg_server: PgServer, tmp_path: Path
) -> None:
    team = set_up(pg_server, tmp_path, "flow")
    team.ok("lea", "definitions", "add", *map(str, DEFINITIONS))
    team.ok("lea", "definitions", "require-reviews", "families-as-partners-1", "2")
    team.ok("lea", "demo")  # the lead imports
    auto = team.ok("lea", "team", "assign", "--auto", "--json")
    mine = {a["login"] for a in auto["assigned"] if a["submission_id"] == SUBMISSION}
    assert mine == {"ana", "ben"}

    # Both at once, each as their own login from a process of their own.
    procs = [
        scoring(team, "ana", "proficient", tmp_path),
        scoring(team, "ben", "not-yet", tmp_path),
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    # Neither could see the other's review: the lead's program compares them.
    listed = {s["submission_id"]: s for s in team.ok("lea", "submissions", "--json")}
    assert listed[SUBMISSION]["status"] == "in-review"
    settled = team.ok("lea", "team", "settle", "--json")["settled"]
    assert {"submission_id": SUBMISSION, "status": "adjudication"} in settled
    assert team.ok("lea", "team", "settle", "--json")["settled"] == []  # nothing twice

    team.ok(
        "lea", "adjudicate", SUBMISSION, "--lead", "Lea Park", "--decision", "pass",
        "--rationale", "The plan and the log show it.", "--feedback-from", "Ana Lima",
    )  # fmt: skip
    listed = {s["submission_id"]: s for s in team.ok("lea", "submissions", "--json")}
    assert listed[SUBMISSION]["status"] == "pass"

    # The issuer's keys stay on the issuer's laptop; the decisions come from the server.
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    team.ok(
        "lea", "issuer", "init", "--name", "Riverside Teachers' Association",
        "--url", "https://issuer.example.org", "--passphrase-file", str(secret),
    )  # fmt: skip
    dumped = team.rows(SUPERUSER, "SELECT * FROM issuer_keys")
    assert dumped and not any("PRIVATE" in str(v) for row in dumped for v in row)
    out = tmp_path / "export"
    exported = team.ok("lea", "export", "--out", str(out), "--passphrase-file", str(secret),
                       "--json")  # fmt: skip
    assert SUBMISSION in {e["submission_id"] for e in exported["exported"]}
    files = sorted((out / "credentials").glob("*.json"))
    assert files
    verified = team.ok("lea", "verify", *map(str, files), "--json")
    assert verified and all(v["valid"] for v in verified), verified
    assert team.ok("lea", "audit", "verify", "--json")["ok"] is True
    # Every review on the server was written by its own person's login.
    assert sorted(
        team.rows(
            SUPERUSER,
            "SELECT p.login, r.written_by FROM reviews r JOIN reviewers p ON p.id = r.reviewer_id "
            "JOIN submissions s ON s.id = r.submission_id WHERE s.submission_id = :sid",
            sid=SUBMISSION,
        )
    ) == [("ana", "ana"), ("ben", "ben")]


def test_an_assessor_cannot_settle(pg_server: PgServer, tmp_path: Path) -> None:
    team = set_up(pg_server, tmp_path, "flow_settle")
    code, _, err = cli(*team.args("ana"), "team", "settle")
    assert code == 1 and "Only a lead settles" in err
