"""Four writers at once on one data folder, each a real process: scoring, importing,
adding reviewers and exporting. None may see a traceback, none may lose a write, every
decision must be the rubric's rule on the stored levels, and the folder must check out.
(Issue 12, acceptance: the concurrency test.)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewer_app.cli import main
from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    IssuedCredential,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Outcome
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission
from tests.processes import env

SCORED, IMPORTED, REVIEWERS, EXPORTS = 8, 6, 10, 3

# One writer: waits for the start signal, then runs its commands one after another
# through the command line's own entry point; stops at the first that fails.
_LANE = """
import json, sys, time
from pathlib import Path
from reviewer_app.cli import main
commands = json.loads(Path(sys.argv[1]).read_text())
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
for argv in commands:
    code = main(argv)
    if code != 0:
        print(f"LANE FAILED {code}: {argv}", file=sys.stderr)
        sys.exit(code)
"""


def _rubric() -> Rubric:
    for path in resource("demo", "definitions").glob("*.json"):
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("achievement", {}).get("id") == craft.CREDENTIAL:
            return Rubric.from_content(content)
    raise AssertionError("the demo definitions lack the families-as-partners one")


def _bundle(tmp: Path, sid: str, n: int) -> Path:
    email = f"earner{n}@example.org"
    return craft.bundle_zip(
        tmp / f"{sid}.zip",
        {"plan.pdf": craft.text_pdf(f"plan {sid}")},
        submission_id=sid,
        earner={"id": f"mailto:{email}", "name": f"Earner {n}", "email": email},
    )


def _json_documents(text: str) -> list[Any]:
    decoder, docs, at = json.JSONDecoder(), [], 0
    while (at := _skip_space(text, at)) < len(text):
        doc, at = decoder.raw_decode(text, at)
        docs.append(doc)
    return docs


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def test_four_writers_at_once_lose_nothing_and_decide_consistently(tmp_path: Path) -> None:
    data = tmp_path / "data"
    rubric = _rubric()
    top = {c.id: c.levels[-1].id for c in rubric.criteria}
    with DataFolder.open(data) as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(folder, definitions, "lead").rejected
        first = [_bundle(tmp_path, f"OLD-{n}", n) for n in range(2 + SCORED)]
        assert len(Importer(folder).import_paths(first).imported) == len(first)
        pass_submission(folder, "OLD-0")  # work waiting for the first export
        pass_submission(folder, "OLD-1")
        create_issuer(
            folder,
            name="Riverside Teachers' Association",
            url="https://issuer.example.org",
            passphrase=PASSPHRASE,
            actor="lead",
        )
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new = [_bundle(tmp_path, f"NEW-{n}", 100 + n) for n in range(IMPORTED)]

    # What each scoring sets: every criterion at its top level, except one criterion at
    # the bottom for every other submission (a not-yet under the rule).
    wanted: dict[str, dict[str, str]] = {}
    for n in range(SCORED):
        levels = dict(top)
        if n % 2:
            first_criterion = rubric.criteria[0]
            levels[first_criterion.id] = first_criterion.levels[0].id
        wanted[f"OLD-{n + 2}"] = levels
    base = ["--data-dir", str(data)]
    secret = ["--passphrase-file", str(passphrase)]
    lanes = {
        "score": [
            [*base, "score", sid, "--reviewer", "Ana Ruiz", "--submit", "--feedback", "Thanks."]
            + [arg for c, level in levels.items() for arg in ("--level", f"{c}={level}")]
            for sid, levels in wanted.items()
        ],
        "import": [[*base, "import", str(path), "--json"] for path in new],
        "reviewers": [
            [*base, "reviewers", "add", f"Reviewer {n:02}", "--role", "assessor"]
            for n in range(REVIEWERS)
        ],
        "export": [
            [*base, "export", "--json", *secret, "--out", str(tmp_path / f"export-{n}")]
            for n in range(EXPORTS)
        ],
    }
    go = tmp_path / "go"
    procs = {}
    for name, commands in lanes.items():
        plan = tmp_path / f"{name}.json"
        plan.write_text(json.dumps(commands), encoding="utf-8")
        procs[name] = subprocess.Popen(
            [sys.executable, "-c", _LANE, str(plan), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(tmp_path),
        )
    time.sleep(0.5)  # let every process load the program, then start them together
    go.touch()
    outputs = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=240)
        outputs[name] = out
        assert "Traceback" not in err and "database is locked" not in err, (name, err)
        assert proc.returncode == 0, (name, err)

    exported = {
        e["submission_id"]
        for doc in _json_documents(outputs["export"])
        for e in doc.get("exported", [])
    }
    imported = {
        r["submission_id"]
        for doc in _json_documents(outputs["import"])
        for r in doc.get("imported", [])
    }
    assert imported == {f"NEW-{n}" for n in range(IMPORTED)}
    assert {"OLD-0", "OLD-1"} <= exported

    with DataFolder.open(data) as folder, folder.read_sessions() as session:
        names = set(session.scalars(select(Reviewer.name)))
        assert {f"Reviewer {n:02}" for n in range(REVIEWERS)} <= names
        sids = set(session.scalars(select(Submission.submission_id)))
        assert imported <= sids
        issued = set(
            session.scalars(
                select(Submission.submission_id)
                .join(Decision, Decision.submission_id == Submission.id)
                .join(IssuedCredential, IssuedCredential.decision_id == Decision.id)
            )
        )
        assert exported <= issued  # every credential an export wrote is on record
        for sid, levels in wanted.items():
            review = session.scalars(
                select(Review).join(Submission).where(Submission.submission_id == sid)
            ).one()
            stored = {s.criterion_id: s.level_id for s in review.scores}
            assert stored == levels and review.submitted_at is not None, sid
        for decision, definition in session.execute(
            select(Decision, Definition)
            .join(Review, Review.id == Decision.review_id)
            .join(Definition, Definition.id == Review.definition_id)
        ):
            stored = {
                criterion: level
                for criterion, level in session.execute(
                    select(CriterionScore.criterion_id, CriterionScore.level_id).where(
                        CriterionScore.review_id == decision.review_id
                    )
                )
            }
            rule = decide(Rubric.from_content(definition.content), stored).outcome
            assert decision.outcome == rule, decision.submission_id
        passes = session.scalar(
            select(Decision.id).where(Decision.outcome == Outcome.PASS).limit(1)
        )
        assert passes is not None

    assert main(["--data-dir", str(data), "check"]) == 0
    assert main(["--data-dir", str(data), "audit", "verify"]) == 0
