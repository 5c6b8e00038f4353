"""Exporting a batch of signed credentials, against the bare cost of signing them.

    .venv/bin/python bench/export_bench.py [--count 1000]

A data folder with `--count` passing decisions (inserted in bulk: this measures the
export, not scoring) and an issuer. The export signs each as an Open Badges 3.0
credential with an eddsa-rdfc-2022 proof, bakes it into a PNG and writes every file
atomically, plus the hosting files, CSVs and manifest; a batch this size is signed in
one worker process per core. The baseline, in the same run,
is only what any signer must do for the same documents: canonicalize each (document
and proof configuration, RDFC-1.0 with pyld) and sign the hashes with Ed25519. The
figure is credentials per second, as a ratio of the baseline's.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from reviewer_app.storage.datafolder import DataFolder  # noqa: E402
from reviewer_app.storage.models import (  # noqa: E402
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

PASSPHRASE = "bench passphrase"
URI = "https://credentials.example.org/mc/families-as-partners-1"


def fill(folder: DataFolder, count: int) -> None:
    """`count` passed submissions of one micro-credential, three evidence items each."""
    from reviewer_app.rubrics.model import Rubric

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


def baseline(documents: list[dict[str, Any]], key: Any, method: str, created: str) -> float:
    """Canonicalize each document and its proof configuration, hash, sign: nothing else."""
    from pyld import jsonld

    from reviewer_app.credentials.contexts import load_document

    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": load_document,
    }
    started = time.perf_counter()
    for document in documents:
        config = {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": created,
            "verificationMethod": method,
            "proofPurpose": "assertionMethod",
            "@context": document["@context"],
        }
        proof_hash = hashlib.sha256(jsonld.normalize(config, options).encode()).digest()
        doc_hash = hashlib.sha256(jsonld.normalize(document, options).encode()).digest()
        key.sign(proof_hash + doc_hash)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    from reviewer_app.credentials import awards, ob3
    from reviewer_app.credentials.export import export
    from reviewer_app.credentials.formats.common import status_list_url
    from reviewer_app.credentials.issuers import create_issuer, default_issuer, unlock
    from reviewer_app.credentials.signing_pool import usable_cores
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with DataFolder.open(root / "data") as folder:
            add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "bench")
            fill(folder, args.count)
            create_issuer(
                folder,
                name="Bench Association",
                url="https://bench.example.org",
                email="b@bench.example.org",
                passphrase=PASSPHRASE,
                actor="bench",
            )
            with folder.sessions() as session:
                issuer = default_issuer(session)
                assert issuer is not None
                unlocked = unlock(folder, issuer, PASSPHRASE)
                pending = awards.pending_awards(
                    session, issuer, unlocked.info, "ob3", folder.store.objects
                )
            documents = [
                ob3.achievement_credential(
                    awards.with_status_index(p, n).award,
                    unlocked.info,
                    status_list_url=status_list_url(unlocked),
                    required_level=p.required_level,
                )
                for n, p in enumerate(pending)
            ]
            created = ob3.iso(pending[0].award.issued_at)
            baseline(documents[:5], unlocked.ed25519, unlocked.verification_method, created)
            bare = baseline(documents, unlocked.ed25519, unlocked.verification_method, created)

            started = time.perf_counter()
            result = export(folder, root / "out", passphrase=PASSPHRASE, actor="bench")
            ours = time.perf_counter() - started
            assert len(result.exported) == args.count
    n = args.count
    from reviewer_app.credentials.signing_pool import planned_workers

    print(
        f"signing in {planned_workers(n)} process(es) on {usable_cores()} usable core(s)"
        " (the baseline signs in one)"
    )
    print(
        f"exporting {n} Open Badges 3.0 credentials (Data Integrity proof, baked PNG, "
        f"hosting, CSV, manifest): {ours:.2f} s, {n / ours:.0f} credentials/s; "
        f"canonicalizing and signing the same documents alone: {bare:.2f} s, "
        f"{n / bare:.0f} credentials/s; ratio {bare / ours:.2f}x (target >= 0.6x)"
    )


if __name__ == "__main__":
    main()
