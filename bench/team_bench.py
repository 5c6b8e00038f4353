"""A team database under load: assessors saving scores at once, and the lead's
calibration report, on a real PostgreSQL server started for the run.

    .venv/bin/python bench/team_bench.py [--assessors 20] [--saves 20] [--rounds 5]
        [--reviewers 50] [--submissions 2000] [--anchors 100]

The team is set up through the program, as an administrator and a lead would do it:
`team setup`, a definition of 10 criteria, `team add` for the assessors (logins
`a01`...) and a lead, and `team assign` of two submissions to each assessor (double
marking: each submission has two assessors). The submissions themselves are made in
bulk by the database's owner.

Saves: one process per assessor, each connected as its own login through the review
service the window and `score` use (`ReviewSession.set_level`: the review claimed, the
level stored, the audit entry and the submission's state noted, one transaction). All
processes start each round together and save `saves` levels each as fast as they can.
The baseline is a bare insert-and-commit of one row into a plain table (a database of
its own on the same server, the same driver through SQLAlchemy), by the same processes
as the same logins. Rounds of the two alternate, which side goes first alternating too;
the figure is each round's median save latency over its baseline's, reported as the
min / median / max over the rounds (target: median at most 2x). Then no update may be
lost: every level each process saved last is what the database holds, there is one
`review.level` entry for every save, and `audit verify` passes.

Calibration: 50 reviewers x 2,000 submissions x 10 criteria (about 5,000 submitted
reviews, 50,000 scores, 100 anchors; `calibration_bench.fill`) inserted in bulk by the
owner, then the lead's calibration report read from the team database as the lead's
login. Target: under 5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    URL,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    select,
    text,
)

from bench.calibration_bench import CRITERIA, LEVELS, definition, fill  # noqa: E402
from reviewer_app.storage.datafolder import DataFolder  # noqa: E402
from reviewer_app.storage.models import (  # noqa: E402
    AuditEvent,
    CriterionScore,
    Earner,
    Review,
    Reviewer,
    Submission,
    utcnow,
)
from reviewer_app.storage.team_url import DRIVER  # noqa: E402
from tests.pg_server import SUPERUSER, PgServer, find_bindir, running_server  # noqa: E402

URI = "https://credentials.example.org/mc/bench-team-1"
DATABASE, BARE = "team_bench", "team_bench_bare"
LEAD_LOGIN, LEAD_NAME = "lead", "Team Lead"
PREFIX = "TEAM-"

BARE_TABLE = Table(
    "bare_scores",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("review", Integer),
    Column("criterion", String(200)),
    Column("level", String(200)),
    Column("at", DateTime(timezone=True)),
)


def login_of(n: int) -> str:
    return f"a{n + 1:02}"


def name_of(n: int) -> str:
    return f"Assessor {n + 1:02}"


def password_of(login: str) -> str:
    return f"{login}-bench-password"


def submissions_of(n: int, assessors: int) -> list[str]:
    """Assessor n's two submissions: their own and their neighbour's."""
    return [f"{PREFIX}{n:04}", f"{PREFIX}{(n + 1) % assessors:04}"]


# Setting the team up, through the program ------------------------------------------------


class Team:
    def __init__(self, server: PgServer, root: Path) -> None:
        self.server, self.root = server, root
        owner_secret = root / "owner-password"
        owner_secret.write_text(server.password + "\n", encoding="utf-8")
        self.owner = self.url(SUPERUSER)
        self.owner_args = ["--data-dir", str(root / "owner"), "--password-file", str(owner_secret)]

    def url(self, login: str, database: str = DATABASE) -> str:
        return f"postgresql://{login}@{self.server.host}:{self.server.port}/{database}"

    def engine_url(self, login: str, database: str = DATABASE) -> URL:
        password = self.server.password if login == SUPERUSER else password_of(login)
        return URL.create(
            DRIVER,
            username=login,
            password=password,
            host=self.server.host,
            port=self.server.port,
            database=database,
        )

    def as_login(self, login: str) -> list[str]:
        secret = self.root / f"{login}-password"
        return [
            "--data-dir", str(self.root / login), "--database", self.url(login),
            "--password-file", str(secret),
        ]  # fmt: skip

    def folder(self, login: str) -> DataFolder:
        return DataFolder.open(self.root / f"{login}-folder", database_url=self.engine_url(login))


def program(*argv: str, check: bool = True) -> str:
    """Runs the program's command line in this process; its output, or a stop."""
    from reviewer_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code != 0 and check:
        raise SystemExit(f"reviewer-app {' '.join(argv[-6:])} failed:\n{err.getvalue()}")
    return out.getvalue()


def set_up(team: Team, assessors: int) -> None:
    server = team.server
    server.create_database(DATABASE)
    owner = team.owner_args
    program(*owner, "team", "setup", "--database", team.owner)
    path = team.root / "bench-team.json"
    path.write_text(json.dumps(definition(URI)), encoding="utf-8")
    program(*owner, "--database", team.owner, "definitions", "add", str(path))
    people = [(name_of(n), login_of(n), "assessor") for n in range(assessors)]
    for name, login, role in [*people, (LEAD_NAME, LEAD_LOGIN, "lead")]:
        secret = team.root / f"{login}-password"
        secret.write_text(password_of(login) + "\n", encoding="utf-8")
        program(
            *owner, "team", "add", name, "--login", login, "--role", role,
            "--password-file", str(secret), "--database", team.owner,
        )  # fmt: skip
    # The submissions, in bulk as the owner (what an import leaves, without evidence).
    with team.folder(SUPERUSER) as folder, folder.sessions.begin() as session:
        now = utcnow()
        earners = session.scalars(
            insert(Earner).returning(Earner.id, sort_by_parameter_order=True),
            [
                {"external_id": f"mailto:t{n}@example.org", "name": f"Earner {n}"}
                for n in range(assessors)
            ],
        ).all()
        session.execute(
            insert(Submission),
            [
                {
                    "submission_id": f"{PREFIX}{n:04}",
                    "earner_id": earner,
                    "credential_uri": URI,
                    "credential_name": "Bench",
                    "attempt": 1,
                    "submitted_at": now,
                    "imported_at": now,
                    "shape": "manifest",
                    "source_name": "bench",
                    "content_digest": "x",
                    "status": "unreviewed",
                    "warnings": [],
                }
                for n, earner in enumerate(earners)
            ],
        )
    for n in range(assessors):
        program(
            *team.as_login(LEAD_LOGIN), "team", "assign", "--reviewer", login_of(n),
            "--submission", *submissions_of(n, assessors),
        )  # fmt: skip
    # The baseline's plain table, in a database of its own on the same server, which
    # every login may insert into.
    server.create_database(BARE)
    bare = create_engine(server.url(BARE))
    try:
        BARE_TABLE.metadata.create_all(bare)
        with bare.begin() as conn:
            conn.execute(text("GRANT SELECT, INSERT ON bare_scores TO PUBLIC"))
            conn.execute(text("GRANT USAGE ON SEQUENCE bare_scores_id_seq TO PUBLIC"))
    finally:
        bare.dispose()


# One assessor's process ------------------------------------------------------------------


def assessor(
    n: int,
    assessors: int,
    team_url: URL,
    bare_url: URL,
    cache: Path,
    barrier: Any,
    pipe: Connection,
) -> None:
    """Waits for rounds: ("saves", count, pace) through the review service, ("bare",
    count, pace) of the baseline, a pause of `pace` seconds on average (exponentially
    distributed, not timed) before each; answers each with its latencies. At the end
    (None), answers with the level it saved last for each (submission, criterion) and
    how many it saved."""
    from reviewer_app.reviews.service import ReviewSession

    folder = DataFolder.open(cache, database_url=team_url)
    reviews = [ReviewSession.open(folder, s, name_of(n)) for s in submissions_of(n, assessors)]
    bare = create_engine(bare_url)
    add_row = insert(BARE_TABLE)
    last: dict[str, str] = {}
    saved = 0
    rng = random.Random(n)
    pipe.send("ready")
    while (command := pipe.recv()) is not None:
        kind, count, pace = command
        times: list[float] = []
        barrier.wait()
        for k in range(count):
            if pace:
                time.sleep(rng.expovariate(1 / pace))
            review = reviews[k % len(reviews)]
            criterion = CRITERIA[(saved + k) // len(reviews) % len(CRITERIA)]
            if kind == "saves":
                current = review.levels.get(criterion)
                level = LEVELS[(LEVELS.index(current) + 1) % len(LEVELS) if current else 0]
                started = time.perf_counter()
                review.set_level(criterion, level)
                times.append(time.perf_counter() - started)
                last[f"{review.submission_id}/{criterion}"] = level
            else:
                row = {"review": k, "criterion": criterion, "level": "bare", "at": utcnow()}
                started = time.perf_counter()
                with bare.begin() as conn:
                    conn.execute(add_row, row)
                times.append(time.perf_counter() - started)
        if kind == "saves":
            saved += count
        pipe.send(times)
    pipe.send((last, saved))
    bare.dispose()
    folder.close()


# The run ---------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def saving(
    team: Team, assessors: int, saves: int, rounds: int, paces: Sequence[float]
) -> dict[str, Any]:
    """For each pace (0: flat out), rounds of saves and of the baseline, alternating."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(assessors)
    pipes, processes = [], []
    for n in range(assessors):
        mine, theirs = context.Pipe()
        process = context.Process(
            target=assessor,
            args=(
                n, assessors, team.engine_url(login_of(n)),
                team.engine_url(login_of(n), BARE), team.root / f"cache-{n}", barrier, theirs,
            ),
        )  # fmt: skip
        process.start()
        pipes.append(mine)
        processes.append(process)
    try:
        for pipe in pipes:
            if pipe.recv() != "ready":
                raise SystemExit("an assessor's process did not start")

        def run(kind: str, count: int, pace: float) -> list[float]:
            for pipe in pipes:
                pipe.send((kind, count, pace))
            return [t for pipe in pipes for t in pipe.recv()]

        run("saves", 2, 0)  # warm-up: connections, statements, the reviews recorded
        run("bare", 2, 0)
        phases = []
        for pace in paces:
            medians: dict[str, list[float]] = {"saves": [], "bare": []}
            every: dict[str, list[float]] = {"saves": [], "bare": []}
            for r in range(rounds):
                for kind in ("saves", "bare") if r % 2 == 0 else ("bare", "saves"):
                    times = run(kind, saves, pace)
                    medians[kind].append(statistics.median(times))
                    every[kind].extend(times)
            ratios = [s / b for s, b in zip(medians["saves"], medians["bare"], strict=True)]
            phases.append({"pace": pace, "medians": medians, "every": every, "ratios": ratios})
        for pipe in pipes:
            pipe.send(None)
        finals = [pipe.recv() for pipe in pipes]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    return {"phases": phases, "finals": finals}


def lost_updates(team: Team, assessors: int, finals: Sequence[Any]) -> list[str]:
    """What the database holds that differs from what the processes saved last."""
    expected: dict[tuple[str, str, str], str] = {}
    saves = 0
    for n, (last, saved) in enumerate(finals):
        saves += saved
        for key, level in last.items():
            submission, criterion = key.split("/")
            expected[(name_of(n), submission, criterion)] = level
    with team.folder(SUPERUSER) as folder, folder.read_sessions() as session:
        rows = session.execute(
            select(Reviewer.name, Submission.submission_id, CriterionScore.criterion_id)
            .add_columns(CriterionScore.level_id)
            .join(Review, Review.reviewer_id == Reviewer.id)
            .join(Submission, Submission.id == Review.submission_id)
            .join(CriterionScore, CriterionScore.review_id == Review.id)
            .where(Submission.submission_id.startswith(PREFIX))
        )
        held = {(name, sid, criterion): level for name, sid, criterion, level in rows}
        entries = session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "review.level")
        )
    wrong = [
        f"{key}: saved {level!r}, held {held.get(key)!r}"
        for key, level in expected.items()
        if held.get(key) != level
    ]
    if entries != saves:
        wrong.append(f"{saves} saves made, {entries} review.level entries in the trail")
    return wrong


def calibration(team: Team, reviewers: int, submissions: int, anchors: int) -> dict[str, Any]:
    from reviewer_app.calibration.report import calibration_report

    started = time.perf_counter()
    with team.folder(SUPERUSER) as folder:
        fill(folder, reviewers, submissions, anchors, uri=URI)
    filled = time.perf_counter() - started
    with team.folder(LEAD_LOGIN) as folder:
        started = time.perf_counter()
        with folder.read_sessions() as session:
            calibration_report(session, credential=URI)
        took = time.perf_counter() - started
    return {"filled": filled, "report": took}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assessors", type=int, default=20)
    parser.add_argument("--saves", type=int, default=20, help="saves per process per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--pace",
        type=float,
        default=0.5,
        help="a second set of rounds with this mean pause (s) before each save; 0: none",
    )
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--anchors", type=int, default=100)
    args = parser.parse_args()
    if find_bindir() is None:
        raise SystemExit("PostgreSQL is not installed (the postgresql package); nothing measured")

    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        team = Team(server, Path(tmp))
        started = time.perf_counter()
        set_up(team, args.assessors)
        print(f"team set up through the program: {time.perf_counter() - started:.1f} s")
        paces = [0.0, args.pace] if args.pace else [0.0]
        done = saving(team, args.assessors, args.saves, args.rounds, paces)
        wrong = lost_updates(team, args.assessors, done["finals"])
        verified = program(*team.as_login(LEAD_LOGIN), "audit", "verify", "--json", check=False)
        verdict = json.loads(verified)
        cal = calibration(team, args.reviewers, args.submissions, args.anchors)

    print(
        f"{args.assessors} assessor processes, each its own login, {args.saves} saves each "
        f"per round, {args.rounds} rounds alternating with the baseline"
    )
    for phase in done["phases"]:
        medians, every, ratios = phase["medians"], phase["every"], phase["ratios"]
        print(
            "* all at once, each as fast as it can"
            if not phase["pace"]
            else f"* paced: each process pauses {phase['pace']:g} s on average before a save "
            f"(all together {args.assessors / phase['pace']:.0f} a second)"
        )
        for kind, label in (("bare", "baseline, bare insert-and-commit"), ("saves", "save")):
            quantiles = statistics.quantiles(every[kind], n=10)
            print(
                f"  {label}: median per round {', '.join(ms(m) for m in medians[kind])}; "
                f"over all rounds median {ms(statistics.median(every[kind]))}, "
                f"90th percentile {ms(quantiles[-1])}"
            )
        print(
            f"  save / baseline, paired by round: min {min(ratios):.2f}x, "
            f"median {statistics.median(ratios):.2f}x, max {max(ratios):.2f}x "
            "(target <= 2.00x)"
        )
    print(
        "no lost update: every level saved last is held, one trail entry a save"
        if not wrong
        else "LOST UPDATES:\n  " + "\n  ".join(wrong[:20])
    )
    print(f"audit verify: {'passes' if verdict.get('ok') else verdict}")
    print(
        f"calibration report, {args.reviewers} reviewers x {args.submissions} submissions x "
        f"{len(CRITERIA)} criteria, read from the team database as the lead: "
        f"{cal['report']:.2f} s (target under 5 s); rows made in bulk in {cal['filled']:.1f} s"
    )
    if wrong or not verdict.get("ok"):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
