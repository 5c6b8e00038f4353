"""Setting a team up on a real server: the owner runs `team setup` (twice: it can be run
again) and `team add`; each person then connects as their own login, with their own
password, and acts as themselves only. Checked with the driver directly too, as each
login, not only through the program: nobody can change or delete the audit trail, and
an assessor cannot delete a review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.team.members import scram_verifier
from tests.pg_server import SUPERUSER, PgServer

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
PASSWORDS = {
    "ana": "ana-long-password-1",
    "lea": "lea-long-password-2",
    "ben": "ben-long-password-3",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and code == 0 and out.strip() else out, err


@pytest.fixture
def team(pg_server: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> PgServer:
    pg_server.create_database("members")
    owner = tmp_path / "owner-password"
    owner.write_text(pg_server.password + "\n", encoding="utf-8")
    admin = f"postgresql://{SUPERUSER}@{pg_server.host}:{pg_server.port}/members"
    base = ["--data-dir", str(tmp_path / "owner"), "--password-file", str(owner)]
    for _ in range(2):  # idempotent
        code, done, err = run(capsys, *base, "team", "setup", "--database", admin, "--json")
        assert code == 0, err
        assert done["groups"] == ["reviewer_app_assessor", "reviewer_app_lead"]
    assert (
        run(capsys, *base, "--database", admin, "definitions", "add", *map(str, DEFINITIONS))[0]
        == 0
    )
    assert run(capsys, *base, "--database", admin, "demo")[0] == 0
    people = {
        "ana": ("Ana Lima", "assessor"),
        "lea": ("Lea Park", "lead"),
        "ben": ("Ben Osei", "assessor"),
    }
    for login, (name, role) in people.items():
        secret = tmp_path / f"{login}-password"
        secret.write_text(PASSWORDS[login] + "\n", encoding="utf-8")
        code, member, err = run(
            capsys, *base, "team", "add", name, "--login", login, "--role", role,
            "--password-file", str(secret), "--database", admin, "--json",
        )  # fmt: skip
        assert code == 0, err
        assert member == {"name": name, "login": login, "role": role}
    return pg_server


def as_login(team: PgServer, tmp_path: Path, login: str) -> list[str]:
    secret = tmp_path / f"{login}-password"
    url = f"postgresql://{login}@{team.host}:{team.port}/members"
    return ["--data-dir", str(tmp_path / login), "--database", url, "--password-file", str(secret)]


def assigned(
    capsys: pytest.CaptureFixture[str], team: PgServer, tmp_path: Path, login: str, *ids: str
) -> list[str]:
    """`login`'s arguments, once the lead has assigned it the submissions `ids`."""
    lea = as_login(team, tmp_path, "lea")
    code, _, err = run(capsys, *lea, "team", "assign", "--reviewer", login, "--submission", *ids)
    assert code == 0, err
    return as_login(team, tmp_path, login)


def test_a_login_acts_as_its_own_profile_only(
    team: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = assigned(capsys, team, tmp_path, "ana", "FAP-2026-0142")
    level = ["--level", "overview-families=proficient"]
    code, _, err = run(capsys, *ana, "score", "FAP-2026-0142", "--reviewer", "Lea Park", *level)
    assert code == 1, err
    assert "connected as ana, who is Ana Lima: you cannot act as Lea Park" in err
    code, scored, err = run(
        capsys, *ana, "score", "FAP-2026-0142", "--reviewer", "Ana Lima", *level, "--json"
    )
    assert code == 0, err
    assert scored["reviewer"] == "Ana Lima"
    # A wrong password is refused by the server, with no traceback.
    (tmp_path / "ana-password").write_text("not-her-password\n", encoding="utf-8")
    code, _, err = run(capsys, *ana, "submissions")
    assert code != 0 and "Traceback" not in err


def test_nobody_rewrites_the_trail_and_an_assessor_cannot_delete_a_review(
    team: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = assigned(capsys, team, tmp_path, "ana", "FAP-2026-0142")
    level = ["--level", "overview-families=proficient"]
    assert run(capsys, *ana, "score", "FAP-2026-0142", "--reviewer", "Ana Lima", *level)[0] == 0
    for login in ("ana", "lea"):
        engine = create_engine(
            team.url("members", user=login, password=PASSWORDS[login]).set(
                drivername="postgresql+pg8000"
            )
        )
        try:
            refused = [
                "UPDATE audit_events SET actor = 'someone else'",
                "DELETE FROM audit_events",
                "TRUNCATE audit_events",
            ]
            if login == "ana":  # an assessor: no deleting reviews, no tables of her own
                refused += ["DELETE FROM reviews", "CREATE TABLE mine (x int)"]
            for statement in refused:
                with (
                    pytest.raises(DBAPIError, match=r"permission denied|append-only"),
                    engine.begin() as conn,
                ):
                    conn.execute(text(statement))
        finally:
            engine.dispose()
    assert run(capsys, *as_login(team, tmp_path, "lea"), "audit", "verify")[0] == 0


def test_the_password_reaches_the_server_as_a_scram_verifier() -> None:
    verifier = scram_verifier("it's a 'quoted' % password")
    assert verifier.startswith("SCRAM-SHA-256$4096:")
    assert "'" not in verifier and "%" not in verifier and "quoted" not in verifier


def test_a_lead_assigns_by_hand_and_spreads_the_rest_evenly(
    team: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lea, ana = as_login(team, tmp_path, "lea"), as_login(team, tmp_path, "ana")
    code, _, err = run(capsys, *ana, "team", "assign", "--reviewer", "ben", "--submission",
                       "FAP-2026-0142")  # fmt: skip
    assert code == 1 and "Only a lead assigns submissions" in err
    code, _, err = run(capsys, *lea, "team", "assign", "--reviewer", "ben", "--submission",
                       "FAP-2026-0142", "NOPE-1")  # fmt: skip
    assert code == 1 and "No submission 'NOPE-1' here; nothing was assigned" in err
    code, done, err = run(capsys, *lea, "team", "assign", "--reviewer", "ben", "--submission",
                          "FAP-2026-0142", "--json")  # fmt: skip
    assert code == 0, err
    assert done["assigned"] == [
        {"submission_id": "FAP-2026-0142", "reviewer": "Ben Osei", "login": "ben"}
    ]
    assert (
        run(capsys, *lea, "definitions", "require-reviews", "families-as-partners-1", "2")[0] == 0
    )
    code, auto, err = run(capsys, *lea, "team", "assign", "--auto", "--json")
    assert code == 0, err
    pairs = [(a["submission_id"], a["login"]) for a in auto["assigned"]]
    assert len(pairs) == len(set(pairs))  # nobody twice on one submission
    per = {login: sum(1 for _, who in pairs if who == login) for login in ("ana", "ben")}
    assert abs(per["ana"] - (per["ben"] + 1)) <= 1  # ben had one already: evened out
    # Double marking: FAP submissions get their two assessors; FAP-2026-0142 ben and ana.
    assert ("FAP-2026-0142", "ana") in pairs and ("FAP-2026-0142", "ben") not in pairs
    code, again, _ = run(capsys, *lea, "team", "assign", "--auto", "--json")
    assert again["assigned"] == []  # nothing left to spread
