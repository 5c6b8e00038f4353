"""Manifests built to crash the reader: each is refused with a sentence, and in a batch
the good bundles beside them are imported all the same."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DataFolder
from tests import craft


def _manifest_text(submission_id: str, **changes: object) -> tuple[str, bytes]:
    pdf = craft.text_pdf()
    doc = craft.manifest({"plan.pdf": pdf}, submission_id=submission_id)
    doc.update(changes)
    return json.dumps(doc), pdf


def _hostile_manifests() -> dict[str, tuple[bytes, bytes, str]]:
    """name -> (manifest bytes, the PDF beside it, words the rejection must hold)."""
    out: dict[str, tuple[bytes, bytes, str]] = {}
    text, pdf = _manifest_text("DEEP-1")
    deep = text[:-1] + ', "notes_extra": ' + "[" * 5000 + "]" * 5000 + "}"
    out["deep"] = (deep.encode(), pdf, "nests more than 64 levels")
    text, pdf = _manifest_text("SURR-1")
    out["surrogate"] = (text.replace("Ana Lima", "Ana \\ud800").encode(), pdf, "lone surrogate")
    text, pdf = _manifest_text("HUGE-1")
    out["huge"] = (
        text.replace('"attempt": 1', '"attempt": ' + str(10**30)).encode(),
        pdf,
        "larger than this program accepts",
    )
    text, pdf = _manifest_text("BIG-ATTEMPT")
    out["attempt"] = (
        text.replace('"attempt": 1', '"attempt": 4000000000').encode(),
        pdf,
        "attempt: must be at most 1000",
    )
    text, pdf = _manifest_text("NUL\u0000ID")
    out["nul"] = (text.encode(), pdf, "submission_id: must not hold control characters")
    text, pdf = _manifest_text("ESC\u001b]0;owned\u0007")
    out["escape"] = (text.encode(), pdf, "submission_id: must not hold control characters")
    text, pdf = _manifest_text("RLO\u202eFDP")
    out["bidi"] = (text.encode(), pdf, "right-to-left overrides")
    text, pdf = _manifest_text("TWICE-1")
    twice = text.replace(
        '"submission_id": "TWICE-1"', '"submission_id": "TWICE-1", "submission_id": "OTHER-1"'
    )
    out["twice"] = (twice.encode(), pdf, 'the key "submission_id" appears twice')
    return out


def test_each_hostile_manifest_is_refused_alone_and_the_batch_goes_on(
    folder: DataFolder, tmp_path: Path
) -> None:
    hostile = _hostile_manifests()
    batch = tmp_path / "batch.zip"
    with zipfile.ZipFile(batch, "w") as z:
        for name, (manifest, pdf, _words) in hostile.items():
            z.writestr(f"{name}/manifest.json", manifest)
            z.writestr(f"{name}/plan.pdf", pdf)
        for n in range(2):
            pdf = craft.text_pdf(f"good {n}")
            doc = craft.manifest({"plan.pdf": pdf}, submission_id=f"GOOD-{n}")
            z.writestr(f"good{n}/manifest.json", json.dumps(doc))
            z.writestr(f"good{n}/plan.pdf", pdf)
    report = Importer(folder).import_paths([batch])
    assert sorted(r.submission_id for r in report.imported) == ["GOOD-0", "GOOD-1"]
    rejected = {r.path.rsplit("> ", 1)[-1]: r.error for r in report.rejected}
    assert sorted(rejected) == sorted(hostile)
    for name, (_m, _p, words) in hostile.items():
        assert words in rejected[name], (name, rejected[name])
        assert "manifest.json" in rejected[name]
