"""Exporting signed credentials, against the bare cost of signing the same documents.

    .venv/bin/python bench/export_bench.py [--count 100 --count 1000] [--rounds 3]

For each size, a data folder with that many passing decisions of one micro-credential
(inserted in bulk: this measures the export, not scoring) and an issuer, in two
variants: the definition with its badge image, and without one (the export draws a
plain badge). Each round exports a fresh copy of the folder (the copy is not timed),
`export()` from the moment it is called: opening the issuer's keys, signing (in one
worker process per core for a large batch), baking, writing every file, the hosting
files, CSVs and the signed manifest.

The floors, paired with it round by round (bench/pairs.py), do only what any signer
must do for the same documents, in one process:
- Open Badges 3.0: canonicalize each credential and its proof configuration (RDFC-1.0,
  pyld's URDNA2015) and sign the hashes with Ed25519;
- Open Badges 2.0: serialize each assertion as JSON and sign it, RS256 with PyJWT.

Ratios are ours / floor (the acceptance: at most 1/0.6 = 1.67 for 100 Open Badges 3.0
credentials, 1/0.8 = 1.25 for 1,000; at most 2 for Open Badges 2.0). The machine this
runs on may be shared: the pairs, not the seconds, are the figures.

Workers are started with "spawn", which imports this script again in each of them: it
imports nothing heavy at the top for that reason.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pairs import interleave, report  # noqa: E402

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

PASSPHRASE = "bench passphrase"
URI = "https://credentials.example.org/mc/families-as-partners-1"


def fill(folder: DataFolder, count: int) -> None:
    """`count` passed submissions of one micro-credential, three evidence items each."""
    from sqlalchemy import insert, select

    from reviewer_app.rubrics.model import Rubric
    from reviewer_app.storage.models import (
        Blob,
        CriterionScore,
        Decision,
        Definition,
        Earner,
        EvidenceItem,
        Review,
        Reviewer,
        Submission,
        utcnow,
    )

    now = utcnow()
    with folder.sessions.begin() as session:
        definition = session.scalars(
            select(Definition).where(Definition.achievement_uri == URI)
        ).one()
        rubric = Rubric.from_content(definition.content)
        top = {c.id: c.levels[-1].id for c in rubric.criteria}
        reviewer = Reviewer(name="Bench Assessor")
        session.add(reviewer)
        session.flush()
        session.execute(
            insert(Earner),
            [
                {
                    "external_id": f"mailto:e{n}@example.org",
                    "name": f"Earner {n:05}",
                    "email": f"e{n}@example.org",
                }
                for n in range(count)
            ],
        )
        shas = [hashlib.sha256(f"blob {n}".encode()).hexdigest() for n in range(3 * count)]
        session.execute(insert(Blob), [{"sha256": s, "size": 1000} for s in shas])
        session.execute(
            insert(Submission),
            [
                {
                    "submission_id": f"EXP-{n:05}",
                    "earner_id": n + 1,
                    "credential_uri": URI,
                    "credential_name": definition.name,
                    "attempt": 1,
                    "submitted_at": now,
                    "imported_at": now,
                    "shape": "manifest",
                    "source_name": "bench",
                    "content_digest": "x",
                    "status": "pass",
                    "warnings": [],
                }
                for n in range(count)
            ],
        )
        session.execute(
            insert(EvidenceItem),
            [
                {
                    "submission_id": n + 1,
                    "position": k,
                    "kind": "file",
                    "part": ["overview", "artifacts", "reflection"][k],
                    "title": ["Plan", "Contact log", "Reflection"][k],
                    "path": f"f{k}.pdf",
                    "blob_sha256": shas[3 * n + k],
                    "size": 1000,
                    "media_type": "application/pdf",
                    "derive_status": "done",
                    "warnings": [],
                }
                for n in range(count)
                for k in range(3)
            ],
        )
        session.execute(
            insert(Review),
            [
                {
                    "submission_id": n + 1,
                    "reviewer_id": reviewer.id,
                    "definition_id": definition.id,
                    "feedback": "Strong, clear evidence.",
                    "started_at": now,
                    "updated_at": now,
                    "submitted_at": now,
                    "decision": "pass",
                }
                for n in range(count)
            ],
        )
        session.execute(
            insert(CriterionScore),
            [
                {"review_id": n + 1, "criterion_id": c, "level_id": level, "updated_at": now}
                for n in range(count)
                for c, level in top.items()
            ],
        )
        session.execute(
            insert(Decision),
            [
                {"submission_id": n + 1, "outcome": "pass", "review_id": n + 1, "decided_at": now}
                for n in range(count)
            ],
        )


def template(root: Path, count: int, image: bool) -> Path:
    """A closed data folder: the demo definitions, `count` passes, an issuer."""
    from sqlalchemy import update

    from reviewer_app.credentials.issuers import create_issuer
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.storage.models import Definition

    data = root / f"template-{count}-{'image' if image else 'plain'}"
    with DataFolder.open(data) as folder:
        add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "bench")
        fill(folder, count)
        if not image:
            with folder.sessions.begin() as session:
                session.execute(update(Definition).values(image_sha256=None))
        create_issuer(
            folder,
            name="Bench Association",
            url="https://bench.example.org",
            email="b@bench.example.org",
            passphrase=PASSPHRASE,
            actor="bench",
        )
    return data


def documents(data: Path, fmt: str) -> tuple[list[dict[str, Any]], Any]:
    """The documents the export will sign, and the opened issuer (for the floors)."""
    from reviewer_app.credentials import awards, ob2, ob3
    from reviewer_app.credentials.formats.common import status_list_url
    from reviewer_app.credentials.issuers import default_issuer, unlock
    from reviewer_app.storage.datafolder import DataFolder

    with DataFolder.open(data) as folder, folder.read_sessions() as session:
        issuer = default_issuer(session)
        assert issuer is not None
        unlocked = unlock(folder, issuer, PASSPHRASE)
        pending = awards.pending_awards(session, issuer, unlocked.info, fmt, folder.store)
    info = unlocked.info
    if fmt == "ob2":
        key_url = ob2.key_url(info, unlocked.rsa_key_id)
        return [
            ob2.assertion(
                p.award, info, badge=ob2.badge_class(p.award.achievement, info), key_url=key_url
            )
            for p in pending
        ], unlocked
    return [
        ob3.achievement_credential(
            awards.with_status_index(p, n).award,
            info,
            status_list_url=status_list_url(unlocked),
            required_level=p.required_level,
        )
        for n, p in enumerate(pending)
    ], unlocked


def ob3_floor(docs: list[dict[str, Any]], unlocked: Any) -> Callable[[], float]:
    from pyld import jsonld

    from reviewer_app.credentials.contexts import load_document
    from reviewer_app.credentials.ob3 import iso
    from reviewer_app.storage.models import utcnow

    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": load_document,
    }
    created = iso(utcnow())

    def floor() -> float:
        started = time.perf_counter()
        for document in docs:
            config = {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "created": document.get("validFrom", created),
                "verificationMethod": unlocked.verification_method,
                "proofPurpose": "assertionMethod",
                "@context": document["@context"],
            }
            config_hash = hashlib.sha256(jsonld.normalize(config, options).encode()).digest()
            doc_hash = hashlib.sha256(jsonld.normalize(document, options).encode()).digest()
            unlocked.ed25519.sign(config_hash + doc_hash)
        return time.perf_counter() - started

    return floor


def ob2_floor(docs: list[dict[str, Any]], unlocked: Any) -> Callable[[], float]:
    import jwt

    signer = jwt.PyJWS()

    def floor() -> float:
        started = time.perf_counter()
        for document in docs:
            payload = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
            signer.encode(payload, unlocked.rsa_key(), algorithm="RS256")
        return time.perf_counter() - started

    return floor


def ours(data: Path, scratch: Path, fmt: str, count: int) -> Callable[[], float]:
    from reviewer_app.credentials.export import export
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.vocabulary import CredentialFormat

    def side() -> float:
        copy, out = scratch / "round", scratch / "out"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(data, copy)
        with DataFolder.open(copy) as folder:
            started = time.perf_counter()
            result = export(
                folder, out, passphrase=PASSPHRASE, actor="bench", fmt=CredentialFormat(fmt)
            )
            took = time.perf_counter() - started
        assert len(result.exported) == count
        return took

    return side


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, action="append", help="sizes (default 100, 1000)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--format", action="append", choices=["ob3", "ob2"], help="formats (default both)"
    )
    args = parser.parse_args()
    counts = args.count or [100, 1000]

    from reviewer_app.credentials.signing_pool import planned_workers, usable_cores

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for count in counts:
            print(
                f"{count} credentials: signing in {planned_workers(count)} process(es) on "
                f"{usable_cores()} usable core(s); the floors sign in one",
                flush=True,
            )
            for image in (True, False):
                if not any(image or f == "ob3" for f in args.format or ["ob3"]):
                    continue
                data = template(root, count, image)
                variant = "with its badge image" if image else "without a badge image"
                formats = [f for f in args.format or ["ob3", "ob2"] if image or f == "ob3"]
                if not formats:
                    continue
                for fmt in formats:
                    docs, unlocked = documents(data, fmt)
                    floor = (ob3_floor if fmt == "ob3" else ob2_floor)(docs, unlocked)
                    floor()  # pyld's caches warm, as they are in a running program
                    label = (
                        f"export of {count} Open Badges {'3.0' if fmt == 'ob3' else '2.0'}, "
                        f"definition {variant}"
                    )
                    pairs = interleave(
                        label, ours(data, root, fmt, count), floor, max(args.rounds, 1)
                    )
                    report(pairs)
                    lo, mid, hi = pairs.spread()
                    print(
                        f"  floor / ours (share of the floor's speed): min {1 / hi:.2f}x / "
                        f"median {1 / mid:.2f}x / max {1 / lo:.2f}x",
                        flush=True,
                    )
                shutil.rmtree(data)


if __name__ == "__main__":
    main()
