"""Several assessors saving at once on one team database, each in a process of their own
and as their own login (row-level security on),
as on a team's laptops: every save is kept, reviews of the same submission by two people
do not disturb each other, and the audit trail stays one chain that `audit verify`
accepts. Then a process killed in the middle of its saves: what it saved before stays."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, CriterionScore, Review, Reviewer
from reviewer_app.storage.team_url import team_url
from tests.pg_server import SUPERUSER, PgServer, running_server
from tests.processes import env

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
SUBMISSIONS = ("FAP-2026-0142", "FAP-2026-0143")
REVIEWERS = ("Ana Lima", "Ben Osei")
LOGINS = {"Ana Lima": "ana", "Ben Osei": "ben"}

# One assessor's process: every criterion of one submission, one save each, levels
# alternating so that the trail has many entries; then the review is submitted.
_ASSESSOR = """
import sys
from pathlib import Path
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.team_url import team_url
from reviewer_app.reviews.service import ReviewSession
cache, database, password, submission, reviewer, rounds, submit = sys.argv[1:]
folder = DataFolder.open(Path(cache), database_url=team_url(database, Path(password)))
review = ReviewSession.open(folder, submission, reviewer)
criteria = review.rubric.criteria
for n in range(int(rounds)):
    for criterion in criteria:
        review.set_level(criterion.id, criterion.levels[(n + len(reviewer)) % 2].id)
        review.set_comment(criterion.id, f"{reviewer}, round {n}")
        print("saved", flush=True)
for criterion in criteria:
    review.set_level(criterion.id, criterion.levels[-1].id)
if submit == "yes":
    review.submit()
folder.close()
print("done", flush=True)
"""


@pytest.fixture
def team(pg_server: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    pg_server.create_database("concurrent")
    secret = tmp_path / "password"
    secret.write_text(pg_server.password + "\n", encoding="utf-8")
    database = f"postgresql://{SUPERUSER}@{pg_server.host}:{pg_server.port}/concurrent"
    args = ["--database", database, "--password-file", str(secret)]
    lead = ["--data-dir", str(tmp_path / "lead"), *args]
    assert main([*lead, "definitions", "add", *map(str, DEFINITIONS)]) == 0
    assert main([*lead, "definitions", "require-reviews", "families-as-partners-1", "2"]) == 0
    assert main([*lead, "demo"]) == 0
    # Each assessor is a login of their own, under the team's row-level security.
    assert main([*lead, "team", "setup"]) == 0
    for reviewer in REVIEWERS:
        login = LOGINS[reviewer]
        password = tmp_path / f"{login}-password"
        password.write_text(f"{login}-long-password-0\n", encoding="utf-8")
        assert main([*lead, "team", "add", reviewer, "--login", login, "--role", "assessor",
                     "--password-file", str(password)]) == 0  # fmt: skip
        assert main([*lead, "team", "assign", "--reviewer", login, "--submission",
                     *SUBMISSIONS]) == 0  # fmt: skip
    capsys.readouterr()
    return args


def as_login(team: list[str], tmp_path: Path, reviewer: str) -> tuple[str, str]:
    """The database URL and password file of the reviewer's own login."""
    login = LOGINS[reviewer]
    return team[1].replace(f"//{SUPERUSER}@", f"//{login}@"), str(tmp_path / f"{login}-password")


def assessor(
    tmp_path: Path, team: list[str], submission: str, reviewer: str, rounds: int, submit: bool
) -> subprocess.Popen[str]:
    cache = tmp_path / f"cache-{reviewer.split()[0]}-{submission[-4:]}"
    database, password = as_login(team, tmp_path, reviewer)
    return subprocess.Popen(
        [sys.executable, "-c", _ASSESSOR, str(cache), database, password, submission, reviewer,
         str(rounds), "yes" if submit else "no"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(tmp_path),
    )  # fmt: skip


def stored_levels(url: object, tmp_path: Path) -> dict[tuple[str, str], int]:
    folder = DataFolder.open(tmp_path / "check", database_url=url)  # type: ignore[arg-type]
    try:
        with folder.read_sessions() as session:
            rows = session.execute(
                select(Reviewer.name, Review.submission_id, CriterionScore.level_id)
                .join(Review, Review.reviewer_id == Reviewer.id)
                .join(CriterionScore, CriterionScore.review_id == Review.id)
            )
            counted: dict[tuple[str, str], int] = {}
            for name, submission, level in rows:
                if level:
                    counted[(name, str(submission))] = counted.get((name, str(submission)), 0) + 1
            return counted
    finally:
        folder.close()


def test_four_assessors_save_at_once_and_the_trail_is_one_chain(
    team: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    procs = [
        assessor(tmp_path, team, submission, reviewer, 3, True)
        for submission in SUBMISSIONS
        for reviewer in REVIEWERS
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        assert out.strip().endswith("done")
    code = main(["--data-dir", str(tmp_path / "lead"), *team, "audit", "verify", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    url = team_url(team[1], Path(team[3]))
    levels = stored_levels(url, tmp_path)
    assert len(levels) == 4 and len(set(levels.values())) == 1  # every criterion, all four
    # Neither assessor could compare the two reviews: the lead's program does.
    assert main(["--data-dir", str(tmp_path / "lead"), *team, "team", "settle"]) == 0
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "lead"), *team, "submissions", "--json"])
    statuses = {s["submission_id"]: s["status"] for s in json.loads(capsys.readouterr().out)}
    assert {statuses[s] for s in SUBMISSIONS} <= {"pass", "not-yet", "adjudication"}


def test_a_process_killed_mid_save_leaves_every_earlier_save(
    team: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = assessor(tmp_path, team, SUBMISSIONS[0], REVIEWERS[0], 50, False)
    assert victim.stdout is not None
    saved = 0
    deadline = time.monotonic() + 120
    while saved < 15 and time.monotonic() < deadline:
        if victim.stdout.readline().startswith("saved"):
            saved += 1
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)  # reaps it and closes its pipes
    assert saved >= 15
    code = main(["--data-dir", str(tmp_path / "lead"), *team, "audit", "verify"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    # Each "saved" was printed after its comment was committed: every one is there.
    folder = DataFolder.open(tmp_path / "check", database_url=team_url(team[1], Path(team[3])))
    try:
        with folder.read_sessions() as session:
            comments = session.scalar(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.action == "review.comment", AuditEvent.actor == REVIEWERS[0]
                )
            )
    finally:
        folder.close()
    assert comments is not None and comments >= saved


def test_the_server_links_awkward_text_as_the_program_checks_it(
    team: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The team database numbers and hashes each entry itself; `audit verify` recomputes
    every hash in the program. Text that JSON escapes (quotes, backslashes, line breaks,
    control characters, tabs) and text it does not (accents, other scripts, emoji, a
    quote that would end an SQL literal) must hash alike on both sides; and the server's
    function that saves a score (sent the text as a literal) must store it as typed."""
    from reviewer_app.audit import trail
    from reviewer_app.reviews import score_edit
    from reviewer_app.reviews.service import ReviewSession

    through_function = spy_on_score_edits(monkeypatch)

    database, password = as_login(team, tmp_path, REVIEWERS[0])
    folder = DataFolder.open(tmp_path / "awkward", database_url=team_url(database, Path(password)))
    awkward = [
        'She said "it\'s fine" \\ then left; --',
        "line one\nline two\r\n\ttabbed \x01\x1f \x7f end",
        "Évaluation à l'école: 学生の作品 🎨 \u2028 \\u0041 E'\\x00'",
    ]
    try:
        with folder.engine.connect() as conn:
            assert trail._links_on_server(conn)  # the program reads no head: the server links
        review = ReviewSession.open(folder, SUBMISSIONS[0], REVIEWERS[0])
        criterion = review.rubric.criteria[0]
        for text in awkward:
            review.set_comment(criterion.id, text)
        review.set_feedback(awkward[0] + awkward[2])
        review.set_level(criterion.id, criterion.levels[0].id)
    finally:
        folder.close()
    code = main(["--data-dir", str(tmp_path / "lead"), *team, "audit", "verify", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["ok"] is True, out + err
    lead = DataFolder.open(tmp_path / "check", database_url=team_url(team[1], Path(team[3])))
    try:
        with lead.read_sessions() as session:
            stored = session.scalars(
                select(AuditEvent.after).where(AuditEvent.action == "review.comment")
            ).all()
    finally:
        lead.close()
    assert [json.loads(s)[criterion.id] for s in stored] == awkward
    # Every score saved but the first (which records the review) went through the
    # function: two comments and the level.
    assert through_function == [True] * 3
    assert score_edit.COMMENT and stored_comment(team, tmp_path, criterion.id) == awkward[-1]


def spy_on_score_edits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each score saved went through the server's function (True) or was sent
    statement by statement (False), from now on in this process."""
    from reviewer_app.reviews import score_edit

    seen: list[bool] = []
    real = score_edit.edit_score

    def spying(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        seen.append(result is not None)
        return result

    monkeypatch.setattr(score_edit, "edit_score", spying)
    return seen


def stored_comment(team: list[str], tmp_path: Path, criterion_id: str) -> str | None:
    lead = DataFolder.open(tmp_path / "check", database_url=team_url(team[1], Path(team[3])))
    try:
        with lead.read_sessions() as session:
            return session.scalars(
                select(CriterionScore.comment)
                .join(Review, Review.id == CriterionScore.review_id)
                .join(Reviewer, Reviewer.id == Review.reviewer_id)
                .where(Reviewer.name == REVIEWERS[0], CriterionScore.criterion_id == criterion_id)
            ).one()
    finally:
        lead.close()


def test_a_database_set_up_before_the_save_function_saves_statement_by_statement(
    team: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A team database whose `team setup` predates the server's score function: the
    program saves as it did before, and after `team setup` again it uses the function
    (from its next connection)."""
    from reviewer_app.reviews.service import ReviewSession

    owner = create_engine(team_url(team[1], Path(team[3])), isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            conn.execute(
                text("DROP FUNCTION reviewer_app_edit_score(integer, text, text, text, timestamp)")
            )
    finally:
        owner.dispose()
    through_function = spy_on_score_edits(monkeypatch)
    database, password = as_login(team, tmp_path, REVIEWERS[0])

    def save(cache: str, comments: list[str]) -> str:
        url = team_url(database, Path(password))
        folder = DataFolder.open(tmp_path / cache, database_url=url)
        try:
            review = ReviewSession.open(folder, SUBMISSIONS[0], REVIEWERS[0])
            criterion = review.rubric.criteria[0]
            for comment in comments:
                review.set_comment(criterion.id, comment)
            review.set_level(criterion.id, criterion.levels[1].id)
            review.set_level(criterion.id, None)  # a level cleared
            review.set_comment(criterion.id, comments[-1])  # unchanged: nothing saved
            return criterion.id
        finally:
            folder.close()

    # The first save records the review (statement by statement in any case).
    criterion_id = save("before", ["first 'thought'", "second"])
    assert through_function == [False] * 4
    assert stored_comment(team, tmp_path, criterion_id) == "second"
    assert main(["--data-dir", str(tmp_path / "lead"), *team, "team", "setup"]) == 0
    capsys.readouterr()
    del through_function[:]
    awkward = "fourth \\ 'quoted' E'\\x41'"
    save("after", ["third", awkward])
    assert through_function == [True] * 5
    assert stored_comment(team, tmp_path, criterion_id) == awkward
    code = main(["--data-dir", str(tmp_path / "lead"), *team, "audit", "verify", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["ok"] is True, out + err


def test_a_save_reported_done_survives_the_server_crashing_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save commits without waiting for the disk, so that the trail's turn passes to
    the next writer at once; it is reported done only after the flush that follows.
    The server crashes the moment each save returns (a server of this test's own):
    after recovery every level reported saved is there, and the trail verifies."""
    from reviewer_app.reviews.service import ReviewSession

    with running_server() as server:
        server.create_database("crash")
        secret = tmp_path / "owner"
        secret.write_text(server.password + "\n", encoding="utf-8")
        owner = ["--database", f"postgresql://{SUPERUSER}@{server.host}:{server.port}/crash",
                 "--password-file", str(secret)]  # fmt: skip
        lead = ["--data-dir", str(tmp_path / "lead"), *owner]
        assert main([*lead, "definitions", "add", *map(str, DEFINITIONS)]) == 0
        assert main([*lead, "demo"]) == 0
        assert main([*lead, "team", "setup"]) == 0
        login = tmp_path / "ana-password"
        login.write_text("ana-long-password-0\n", encoding="utf-8")
        assert main([*lead, "team", "add", REVIEWERS[0], "--login", "ana", "--role",
                     "assessor", "--password-file", str(login)]) == 0  # fmt: skip
        assert main([*lead, "team", "assign", "--reviewer", "ana", "--submission",
                     SUBMISSIONS[0]]) == 0  # fmt: skip
        url = team_url(f"postgresql://ana@{server.host}:{server.port}/crash", login)
        saved: dict[str, str] = {}
        for n in range(3):
            folder = DataFolder.open(tmp_path / f"cache-{n}", database_url=url)
            try:
                review = ReviewSession.open(folder, SUBMISSIONS[0], REVIEWERS[0])
                criterion = review.rubric.criteria[n]
                review.set_level(criterion.id, criterion.levels[0].id)  # records the review
                level = criterion.levels[-1].id
                review.set_level(criterion.id, level)  # an edit: asynchronous, then flushed
                saved[criterion.id] = level
                server.crash()
            finally:
                server.start()
                folder.close()
        capsys.readouterr()
        assert main([*lead, "audit", "verify", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["ok"] is True
        check = DataFolder.open(tmp_path / "check", database_url=team_url(owner[1], secret))
        try:
            with check.read_sessions() as session:
                rows = session.execute(select(CriterionScore.criterion_id, CriterionScore.level_id))
                stored = {criterion: level for criterion, level in rows}
        finally:
            check.close()
        assert {c: stored.get(c) for c in saved} == saved
