"""The command line at a term's scale: listing, searching and checking 100,000
submissions, and every command's start.

    .venv/bin/python bench/cli_bench.py [--sizes 1000,10000,100000] [--rounds 5]
                                        [--startup-rounds 20]

Each side is a fresh process, as a person runs the command; the pairs interleave
(bench/pairs.py):

- start: `reviewer-app submissions --json` on a folder of 20 submissions, against
  `python -c "import sqlalchemy"` (the acceptance: within 3x);
- a new data folder's first opening, created in one step from the schema at head,
  against the same made by running the whole migration history;
- `submissions --json` on the largest folder: its wall time and peak resident memory
  (the acceptance: under 1 s and 150 MB at 100,000), against a floor that reads the
  same columns with sqlite3 into one list and prints it with one `json.dumps` (compact,
  json's C encoder, the whole list in memory);
- `search` and `check` at every size, each against the same command on the smallest
  folder, so that the ratio shows how they grow (flat, or the sizes' ratio for linear).

The folders are real data folders, filled in bulk through the models' tables (the demo
definitions; one stored file, its text and a written answer per submission; a submitted
review with its levels for half of them; some earners with two attempts, some whose
attempts give different names) and kept in bench/work/ between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pairs import Pairs, interleave, report  # noqa: E402

WORK = ROOT / "bench" / "work"
# Bump when the generated folders change, so cached ones are made again.
GENERATION = "cli-3"
CREDENTIALS = [
    ("https://credentials.example.org/mc/families-as-partners-1", "Families as Partners"),
    ("https://credentials.example.org/mc/cultural-proficiency-1", "Culturally Responsive"),
    ("https://credentials.example.org/mc/global-classroom-1", "Global Education"),
]
STATUSES = ["unreviewed", "in-review", "pass", "not-yet"]
WORDS = [
    "family",
    "partnership",
    "reflection",
    "classroom",
    "community",
    "evidence",
    "learning",
    "plan",
    "assessment",
    "curriculum",
    "culture",
    "language",
    "inclusion",
    "feedback",
    "portfolio",
    "goal",
    "strategy",
    "student",
    "teacher",
    "parent",
    "school",
    "meeting",
    "outcome",
    "practice",
    "lesson",
]
# The word the search looks for: in about one answer in fifty.
RARE = "sustainability"


def folder_for(count: int, scratch: Path) -> Path:
    """A data folder of `count` submissions, made once and kept in bench/work/ (a small
    one, made in seconds, in `scratch`)."""
    root = (WORK if count >= 1000 else scratch) / f"{GENERATION}-{count}"
    if (root / "made").exists():
        return root
    if root.exists():
        import shutil

        shutil.rmtree(root)
    started = time.perf_counter()
    fill(root, count)
    (root / "made").write_text(GENERATION)
    print(f"made a folder of {count:,} submissions in {time.perf_counter() - started:.1f} s")
    return root


def fill(root: Path, count: int) -> None:
    from sqlalchemy import insert, select, text

    from reviewer_app.resources import resource
    from reviewer_app.rubrics.decision import decide
    from reviewer_app.rubrics.model import Rubric
    from reviewer_app.rubrics.store import add_files
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.storage.models import (
        Blob,
        CriterionScore,
        Definition,
        Earner,
        EvidenceItem,
        Review,
        Reviewer,
        Submission,
        utcnow,
    )

    rng = random.Random(count)
    now = utcnow()
    folder = DataFolder.open(root)
    try:
        add_files(folder, sorted(resource("demo", "definitions").glob("*-1.json")), "bench")
        with folder.sessions.begin() as session:
            rubrics = {
                uri: (definition_id, Rubric.from_content(content))
                for definition_id, uri, content in session.execute(
                    select(Definition.id, Definition.achievement_uri, Definition.content)
                )
            }
            session.execute(insert(Reviewer), [{"name": f"Assessor {n:02}"} for n in range(1, 21)])
        earners = max(1, count * 3 // 5)
        with folder.sessions.begin() as session:
            session.execute(
                insert(Earner),
                [
                    {
                        "external_id": f"mailto:earner{n}@example.org",
                        "name": f"Earner {n:06}",
                        "email": None if n % 3 else f"earner{n}@example.org",
                    }
                    for n in range(earners)
                ],
            )
        batch = 10_000
        for start in range(0, count, batch):
            subs, blobs, items, texts, reviews, scores = [], [], [], [], [], []
            for n in range(start, min(count, start + batch)):
                earner = n % earners
                uri, name = CREDENTIALS[n % 3]
                subs.append(
                    {
                        "id": n + 1,
                        "submission_id": f"SUB-{n:07}",
                        "earner_id": earner + 1,
                        # One attempt in 47 gives another spelling of its earner's name.
                        "earner_name": f"Earner {earner:06}" + ("" if n % 47 else " Jr"),
                        "earner_email": None,
                        "credential_uri": uri,
                        "credential_name": name,
                        "attempt": 1 + n // earners,
                        "submitted_at": now - dt.timedelta(minutes=rng.randrange(200_000)),
                        "imported_at": now,
                        "shape": "manifest",
                        "source_name": f"SUB-{n:07}.zip",
                        "content_digest": "0" * 64,
                        "status": STATUSES[n % 4],
                        "warnings": [],
                    }
                )
                if STATUSES[n % 4] in ("pass", "not-yet"):  # a submitted review
                    definition_id, rubric = rubrics[uri]
                    levels = {c.id: rng.choice(c.levels).id for c in rubric.criteria}
                    reviews.append(
                        {
                            "id": n + 1,
                            "submission_id": n + 1,
                            "reviewer_id": 1 + n % 20,
                            "definition_id": definition_id,
                            "started_at": now,
                            "updated_at": now,
                            "submitted_at": now,
                            "decision": decide(rubric, levels).outcome,
                        }
                    )
                    scores += [
                        {"review_id": n + 1, "criterion_id": c, "level_id": lv, "updated_at": now}
                        for c, lv in levels.items()
                    ]
                words = " ".join(rng.choice(WORDS) for _ in range(40))
                if n % 50 == 7:
                    words += f" {RARE}"
                body = f"SUB-{n:07} reflection. {words}\n".encode()
                sha = hashlib.sha256(body).hexdigest()
                path = folder.store.path_for(sha)
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(body)
                os.chmod(path, 0o440)
                blobs.append({"sha256": sha, "size": len(body), "created_at": now})
                items.append(
                    {
                        "id": 2 * n + 1,
                        "submission_id": n + 1,
                        "position": 0,
                        "kind": "file",
                        "title": "Reflection",
                        "path": "reflection.txt",
                        "blob_sha256": sha,
                        "size": len(body),
                        "media_type": "text/plain",
                        "derive_status": "done",
                        "warnings": [],
                    }
                )
                answer = " ".join(rng.choice(WORDS) for _ in range(25))
                items.append(
                    {
                        "id": 2 * n + 2,
                        "submission_id": n + 1,
                        "position": 1,
                        "kind": "text",
                        "title": "What I learned",
                        "text": answer,
                        "derive_status": "done",
                        "warnings": [],
                    }
                )
                texts.append({"body": body.decode(), "item": 2 * n + 1, "page": None})
                texts.append({"body": answer, "item": 2 * n + 2, "page": None})
            with folder.sessions.begin() as session:
                session.execute(insert(Submission), subs)
                session.execute(insert(Blob), blobs)
                session.execute(insert(EvidenceItem), items)
                if reviews:
                    session.execute(insert(Review), reviews)
                    session.execute(insert(CriterionScore), scores)
                session.execute(
                    text(
                        "INSERT INTO evidence_text (body, item_id, page) "
                        "VALUES (:body, :item, :page)"
                    ),
                    texts,
                )
    finally:
        folder.close()


def small_folder(tmp: Path) -> Path:
    """A folder of 20 submissions, for the start."""
    root = tmp / "twenty"
    fill(root, 20)
    return root


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reviewer_app", "--data-dir", str(root), *args]


@dataclass
class Cpu:
    """The processor seconds (user and system) of each side's runs, paired as the walls
    are: on a machine shared with other work they wander less than wall time."""

    ours: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    def report(self, label: str) -> None:
        report(Pairs(f"  the same in processor time: {label}", self.ours, self.floor))


# A command run with its peak resident memory written to a file as it exits. The peak
# the kernel reports for a child counts the memory of the process it was forked from
# (here, this one, which holds a parsed list of 100,000), so the command reads its own
# high-water mark (VmHWM, Linux) instead.
PEAK = """
import atexit, runpy, sys
out = sys.argv[1]
def said():
    with open("/proc/self/status") as status, open(out, "w") as written:
        for line in status:
            if line.startswith("VmHWM:"):
                written.write(str(int(line.split()[1]) / 1024))
atexit.register(said)
sys.argv = ["reviewer-app", *sys.argv[2:]]
runpy.run_module("reviewer_app", run_name="__main__", alter_sys=True)
"""


def peak_mb(root: Path, *args: str) -> float:
    """The peak resident memory of the command, in MB (0 where /proc is not there)."""
    if not Path("/proc/self/status").exists():
        return 0.0
    with tempfile.TemporaryDirectory() as tmp:
        said = Path(tmp) / "peak"
        run([sys.executable, "-c", PEAK, str(said), "--data-dir", str(root), *args])
        return float(said.read_text())


def run(
    argv: list[str], out: Path | None = None, cpu: list[float] | None = None
) -> tuple[float, float]:
    """(wall seconds, peak resident MB as the kernel counts it) of one process, its
    output to `out`; its
    processor seconds are added to `cpu`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    with open(out or os.devnull, "wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode not in (0, 1):  # check says 1 when it finds problems
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {errors}")
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    return wall, usage.ru_maxrss / 1024


FLOOR = """
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT s.submission_id, COALESCE(s.earner_name, e.name), s.earner_email, 0, "
    "s.credential_uri, s.attempt, s.status FROM submissions s "
    "JOIN earners e ON e.id = s.earner_id ORDER BY s.submitted_at, s.submission_id")
keys = ("submission_id", "earner", "earner_email", "earner_conflict", "credential_id",
        "attempt", "status")
sys.stdout.write(json.dumps([dict(zip(keys, r)) for r in rows], ensure_ascii=False))
"""


def bench_start(rounds: int) -> Pairs:
    with tempfile.TemporaryDirectory() as tmp:
        root = small_folder(Path(tmp))
        run(command(root, "submissions", "--json"))  # warm the file cache
        cpu = Cpu()
        label = "start: `submissions --json`, 20 submissions / python -c 'import sqlalchemy'"
        pairs = interleave(
            label,
            lambda: run(command(root, "submissions", "--json"), cpu=cpu.ours)[0],
            lambda: run([sys.executable, "-c", "import sqlalchemy"], cpu=cpu.floor)[0],
            rounds,
        )
    report(pairs)
    cpu.report(label)
    return pairs


NEW_FOLDER = """
import sys
from pathlib import Path
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
root = Path(sys.argv[1])
if sys.argv[2] == "history":
    from reviewer_app.storage.database import make_engine
    from reviewer_app.storage.schema import upgrade_database
    root.mkdir()
    engine = make_engine(f"sqlite:///{root / DATABASE_NAME}")
    upgrade_database(engine, None, one_step=False)
    engine.dispose()
DataFolder.open(root).close()
"""


def bench_new_folder(rounds: int) -> None:
    """A new data folder opened for the first time, created in one step, against the
    same built by running the whole migration history (as before)."""
    with tempfile.TemporaryDirectory() as tmp:
        made = iter(range(10 * rounds + 10))

        def side(how: str, cpu: list[float]) -> float:
            return run([sys.executable, "-c", NEW_FOLDER, f"{tmp}/{next(made)}", how], cpu=cpu)[0]

        cpu = Cpu()
        label = "a new data folder: created in one step / by the migration history"
        pairs = interleave(
            label, lambda: side("one-step", cpu.ours), lambda: side("history", cpu.floor), rounds
        )
    report(pairs)
    cpu.report(label)


def bench_list(root: Path, count: int, rounds: int) -> None:
    cpu = Cpu()

    def ours() -> float:
        return run(command(root, "submissions", "--json"), cpu=cpu.ours)[0]

    database = str(root / "reviewer.sqlite3")
    floor = "sqlite3 + one json.dumps of the same columns"
    label = f"`submissions --json`, {count:,} submissions / {floor}"
    pairs = interleave(
        label, ours, lambda: run([sys.executable, "-c", FLOOR, database], cpu=cpu.floor)[0], rounds
    )
    report(pairs)
    cpu.report(label)
    with tempfile.TemporaryDirectory() as tmp:
        listed = Path(tmp) / "list.json"
        run(command(root, "submissions", "--json"), listed)
        import json

        shown = len(json.loads(listed.read_text(encoding="utf-8")))
    assert shown == count, f"listed {shown} of {count}"
    peaks = [peak_mb(root, "submissions", "--json") for _ in range(3)]
    walls = sorted(pairs.ours)
    print(
        f"  wall min {walls[0]:.3f} s / median {walls[len(walls) // 2]:.3f} s / max "
        f"{walls[-1]:.3f} s; peak resident min {min(peaks):.0f} MB / max {max(peaks):.0f} MB; "
        f"{1e6 * walls[len(walls) // 2] / count:.1f} us a row",
        flush=True,
    )


def bench_growth(name: str, args: list[str], roots: dict[int, Path], rounds: int) -> None:
    """`args` at each size against the same at the smallest."""
    smallest = min(roots)
    for count, root in sorted(roots.items()):
        if count == smallest:
            continue
        cpu = Cpu()
        label = (
            f"`{name}` at {count:,} / at {smallest:,} (linear would be {count / smallest:,.0f}x)"
        )
        pairs = interleave(
            label,
            lambda root=root, cpu=cpu: run(command(root, *args), cpu=cpu.ours)[0],
            lambda cpu=cpu: run(command(roots[smallest], *args), cpu=cpu.floor)[0],
            rounds,
        )
        report(pairs)
        cpu.report(label)
    for count, root in sorted(roots.items()):
        wall = run(command(root, *args))[0]
        peak = peak_mb(root, *args)
        print(f"  `{name}` at {count:,}: {wall:.3f} s, peak {peak:.0f} MB", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--startup-rounds", type=int, default=20)
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        roots = {count: folder_for(count, Path(scratch)) for count in sizes}
        bench_start(args.startup_rounds)
        bench_new_folder(args.rounds)
        bench_list(roots[sizes[-1]], sizes[-1], args.rounds)
        bench_growth(f"search {RARE}", ["search", RARE, "--json"], roots, args.rounds)
        bench_growth("search family", ["search", "family", "--json"], roots, args.rounds)
        bench_growth("check", ["check", "--json"], roots, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
