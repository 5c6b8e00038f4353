"""What PostgreSQL itself refuses an assessor, whatever client they use: checked with the
driver directly, as each login, after the program has done the team's work.

Two assessors double-mark one submission; one of them also has a submission of her own.
Each then connects with pg8000 and tries to read and change the other's work, the
audit trail, the decisions, and (with blind review on) the earners' names."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.pg_server import SUPERUSER, PgServer
from tests.team.teamkit import CRITERIA, DEFINITIONS, Team, cli, score, set_up

SHARED, BENS_OWN = "FAP-2026-0142", "FAP-2026-0143"


@pytest.fixture(scope="module")
def team(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Team:
    team = set_up(pg_server, tmp_path_factory.mktemp("security"), "security")
    team.ok(SUPERUSER, "definitions", "add", *map(str, DEFINITIONS))
    team.ok(SUPERUSER, "definitions", "require-reviews", "families-as-partners-1", "2")
    team.ok(SUPERUSER, "demo")
    team.ok("lea", "team", "assign", "--reviewer", "ana", "--submission", SHARED)
    team.ok("lea", "team", "assign", "--reviewer", "ben", "--submission", SHARED, BENS_OWN)
    score(team, "ana", SHARED, "proficient", "Ana's private comment")
    team.ok(
        "ben", "annotate", SHARED, "--reviewer", "Ben Osei", "--item",
        "evidence/contact-log.pdf", "--rect", "72,72,200,40", "--text", "Ben's pin",
    )  # fmt: skip
    score(team, "ben", SHARED, "not-yet", "Ben's private comment")
    return team


def review_of(team: Team, name: str, submission: str = SHARED) -> int:
    ((review_id,),) = team.rows(
        SUPERUSER,
        "SELECT r.id FROM reviews r JOIN reviewers p ON p.id = r.reviewer_id "
        "JOIN submissions s ON s.id = r.submission_id "
        "WHERE p.name = :name AND s.submission_id = :sid",
        name=name,
        sid=submission,
    )
    return int(review_id)


def test_an_assessor_reads_only_what_is_assigned_and_her_own_work(team: Team) -> None:
    ana, ben = review_of(team, "Ana Lima"), review_of(team, "Ben Osei")
    assert team.rows("ana", "SELECT submission_id FROM submissions") == [(SHARED,)]
    assert sorted(team.rows("ben", "SELECT submission_id FROM submissions")) == [
        (SHARED,),
        (BENS_OWN,),
    ]
    # Both have submitted: still neither sees the other's review, scores or comments.
    assert team.rows("ana", "SELECT id FROM reviews") == [(ana,)]
    assert team.rows("ana", "SELECT 1 FROM reviews WHERE id = :id", id=ben) == []
    assert team.rows("ana", "SELECT 1 FROM criterion_scores WHERE review_id = :id", id=ben) == []
    assert team.rows("ana", "SELECT comment FROM criterion_scores WHERE comment LIKE 'Ben%'") == []
    assert team.rows("ana", "SELECT text FROM annotations") == []
    assert team.rows("ben", "SELECT text FROM annotations") == [("Ben's pin",)]
    assert len(team.rows("ana", "SELECT 1 FROM criterion_scores")) == len(CRITERIA)
    # The trail would tell: an assessor reads only where its chain stands.
    team.refused("ana", "SELECT actor, after FROM audit_events", "permission denied")
    assert team.rows("ana", "SELECT max(seq) FROM audit_events")[0][0] > 0
    # Nor keys, issued credentials, or others' packets, returns and conflicts.
    for table in ("issuer_keys", "issued_credentials", "issuers"):
        team.refused("ana", f"SELECT * FROM {table}", "permission denied")
    for table in ("review_conflicts", "packet_returns", "packet_assignments"):  # only hers
        assert team.rows("ana", f"SELECT * FROM {table} WHERE reviewer <> 'Ana Lima'") == []
    # The evidence's bytes too: only those of her submissions (and the definitions').
    theirs = team.rows(
        SUPERUSER,
        "SELECT DISTINCT i.blob_sha256 FROM evidence_items i JOIN submissions s "
        "ON s.id = i.submission_id WHERE s.submission_id = :sid AND i.blob_sha256 IS NOT NULL",
        sid=BENS_OWN,
    )
    mine = team.rows(
        SUPERUSER,
        "SELECT DISTINCT i.blob_sha256 FROM evidence_items i JOIN submissions s "
        "ON s.id = i.submission_id WHERE s.submission_id = :sid AND i.blob_sha256 IS NOT NULL",
        sid=SHARED,
    )
    assert theirs and mine
    only_bens = {sha for (sha,) in theirs} - {sha for (sha,) in mine}
    assert only_bens
    for sha in only_bens:
        assert team.rows("ana", "SELECT seq FROM blob_chunks WHERE sha256 = :s", s=sha) == []
        assert team.rows("ben", "SELECT seq FROM blob_chunks WHERE sha256 = :s", s=sha)
    assert team.rows("ana", "SELECT 1 FROM blob_chunks WHERE sha256 = :s", s=mine[0][0])
    # The lead reads everything.
    assert len(team.rows("lea", "SELECT id FROM reviews")) == 2
    assert len(team.rows("lea", "SELECT 1 FROM submissions")) > 2


def test_an_assessor_cannot_change_anothers_rows_the_trail_or_a_decision(team: Team) -> None:
    ben = review_of(team, "Ben Osei")
    ana = review_of(team, "Ana Lima")
    before = team.rows(SUPERUSER, "SELECT level_id, comment FROM criterion_scores ORDER BY id")
    for sql in (
        "UPDATE criterion_scores SET level_id = 'proficient' WHERE review_id = :ben",
        "DELETE FROM criterion_scores WHERE review_id = :ben",
        "DELETE FROM annotations",
        "UPDATE annotations SET text = 'rewritten'",
        "UPDATE reviews SET decision = 'pass', feedback = 'rewritten'",
        # Her own review is submitted: it is closed to her as well.
        "UPDATE criterion_scores SET level_id = 'not-yet' WHERE review_id = :ana",
        "UPDATE reviews SET submitted_at = NULL WHERE id = :ana",
        "DELETE FROM decisions",
    ):
        assert team.changed("ana", sql, ben=ben, ana=ana) == 0, sql
    # The function the program saves scores through runs as its caller: Ben's open
    # review is out of her sight and her own is submitted, so neither is open to it.
    team.ok("ben", "score", BENS_OWN, "--reviewer", "Ben Osei", "--level",
            "overview-goal=not-yet")  # fmt: skip
    bens_open = review_of(team, "Ben Osei", BENS_OWN)
    before = team.rows(SUPERUSER, "SELECT level_id, comment FROM criterion_scores ORDER BY id")
    for review in (bens_open, ben, ana):
        for field, value in (("level", "proficient"), ("comment", "rewritten")):
            assert team.rows(
                "ana",
                "SELECT is_open, stored_value FROM reviewer_app_edit_score("
                ":review, 'overview-goal', :field, :value, now()::timestamp)",
                review=review,
                field=field,
                value=value,
            ) == [(False, None)]
    assert team.rows(SUPERUSER, "SELECT level_id, comment FROM criterion_scores ORDER BY id") == (
        before
    )
    assert team.rows("ben", "SELECT text FROM annotations") == [("Ben's pin",)]
    for sql, why in (
        ("DELETE FROM reviews", "permission denied"),
        ("UPDATE decisions SET outcome = 'pass'", "permission denied"),
        ("UPDATE audit_events SET actor = 'x'", "permission denied"),
        ("DELETE FROM audit_events", "permission denied"),
        ("TRUNCATE audit_events", "permission denied"),
        ("UPDATE submissions SET credential_uri = 'x'", "permission denied"),
        # Writing as Ben: a review in his name, an audit entry in his name.
        (
            "INSERT INTO reviews (submission_id, reviewer_id, definition_id, started_at, "
            "updated_at) SELECT submission_id, reviewer_id, definition_id, now(), now() "
            "FROM reviews WHERE id = :ana",
            "row-level security|duplicate key",
        ),
        (
            "INSERT INTO audit_events (seq, at, actor, action, entity, entity_id, before, "
            "after, prev_hash, hash) SELECT max(seq) + 1, 'now', 'Ben Osei', 'x', 'x', 'x', "
            "'null', 'null', 'x', 'x' FROM audit_events",
            "the login ana is Ana Lima, not Ben Osei",
        ),
        (
            "INSERT INTO criterion_scores (review_id, criterion_id, level_id, updated_at) "
            "VALUES (:ben, 'overview-extra', 'proficient', now())",
            "row-level security",
        ),
        (
            "INSERT INTO decisions (submission_id, outcome, decided_at) "
            "SELECT id, 'pass', now() FROM submissions",
            "row-level security",
        ),
    ):
        team.refused("ana", sql, why, ben=ben, ana=ana)
    # Even as herself, an entry goes where the chain stands, linked by the server
    # whatever number and hashes she wrote (audit verify, below, checks the links).
    (last_seq, last_hash), *_ = team.rows(
        SUPERUSER, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
    )
    with team.engine("ana") as engine, engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_events (seq, at, actor, action, entity, entity_id, before, "
                "after, prev_hash, hash) VALUES (1, 'now', 'Ana Lima', 'x', 'x', 'x', 'null', "
                "'null', 'x', 'x')"
            )
        )
    assert team.rows(
        SUPERUSER, "SELECT seq, prev_hash, length(hash) FROM audit_events WHERE action = 'x'"
    ) == [(last_seq + 1, last_hash, 64)]
    # Rows written carry the login that wrote them, as the server set it.
    assert team.rows(SUPERUSER, "SELECT written_by FROM reviews WHERE id = :id", id=ben) == [
        ("ben",)
    ]
    assert team.ok("lea", "audit", "verify", "--json")["ok"] is True


def test_a_table_of_her_own_cannot_stand_in_for_the_reviewers(team: Team) -> None:
    """The policies ask the reviewers table who the login is; a temporary table of the
    same name, which any login may make and which the session would find first, is not
    what they read."""
    ben_id = team.rows(SUPERUSER, "SELECT id FROM reviewers WHERE name = 'Ben Osei'")[0][0]
    ben = review_of(team, "Ben Osei")
    with team.engine("ana") as engine, engine.connect() as conn:
        conn.execute(text("CREATE TEMP TABLE reviewers (id integer, name text, login text)"))
        conn.execute(text("INSERT INTO reviewers VALUES (:id, 'Ben Osei', 'ana')"), {"id": ben_id})
        assert conn.execute(text("SELECT count(*) FROM reviewers")).scalar() == 1  # hers
        assert conn.execute(text("SELECT id FROM reviews WHERE id = :id"), {"id": ben}).all() == []
        seen = conn.execute(text("SELECT review_id FROM criterion_scores")).scalars().all()
        assert ben not in seen and seen


def test_an_assessor_cannot_reopen_her_submitted_review(team: Team) -> None:
    from reviewer_app.reviews.service import ReviewError, ReviewSession
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.storage.team_url import team_url

    args = team.args("ana")
    folder = DataFolder.open(Path(args[1]), database_url=team_url(args[3], Path(args[5])))
    try:
        review = ReviewSession.open(folder, SHARED, "Ana Lima")
        assert review.submitted_at is not None
        with pytest.raises(ReviewError, match="stays as it was sent"):
            review.reopen("second thoughts")
        assert review.submitted_at is not None
    finally:
        folder.close()


def test_the_program_refuses_to_act_as_someone_else(team: Team) -> None:
    code, _, err = cli(*team.args("ana"), "adjudicate", SHARED, "--lead", "Lea Park",
                       "--decision", "pass", "--rationale", "I say so")  # fmt: skip
    assert code == 1 and "connected as ana, who is Ana Lima" in err
    code, _, err = cli(*team.args("ben"), "score", BENS_OWN, "--reviewer", "Ana Lima",
                       "--level", "overview-goal=proficient")  # fmt: skip
    assert code == 1 and "you cannot act as Ana Lima" in err


def test_blind_review_hides_earners_names_at_the_server(team: Team) -> None:
    names = "SELECT earner_name, earner_email FROM submissions"
    assert team.rows("ana", "SELECT name FROM earners")  # not blind: she may read them
    team.ok("lea", "blind-review", "on", "--actor", "Lea Park")
    try:
        for sql in (
            names,
            "SELECT name FROM earners",
            "SELECT email FROM earners",
            "SELECT external_id FROM earners",
            "SELECT source_name FROM submissions",
            "SELECT * FROM submissions",
        ):
            team.refused("ana", sql, "permission denied")
        assert team.rows("ana", "SELECT submission_id, status FROM submissions") == [
            (SHARED, "in-review")
        ]
        # An assessor cannot turn it off.
        code, _, err = cli(*team.args("ana"), "blind-review", "off")
        assert code != 0 and "Traceback" not in err
        # The program still works for her, with the names out of sight.
        listed = team.ok("ben", "submissions", "--json")
        assert {s["submission_id"] for s in listed} == {SHARED, BENS_OWN}
        assert all(not s.get("earner") or s["earner"].startswith("S-") for s in listed)
        score(team, "ben", BENS_OWN, "proficient", "Blind and fine")
    finally:
        team.ok("lea", "blind-review", "off", "--actor", "Lea Park")
    assert team.rows("ana", names)
