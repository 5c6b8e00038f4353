"""One demo submission: what it holds (`Spec`) and its evidence as it is built (`Builder`)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from reviewer_app.demo.compose import Texts
from reviewer_app.demo.credentials import Credential
from reviewer_app.demo.earners import Earner
from reviewer_app.demo.manifest import FileSource, Json, file_item, manifest_fields, text_item


@dataclass(frozen=True)
class Spec:
    """A submission: who, for which credential, when, and which artifacts, in order."""

    earner: Earner
    credential: Credential
    number: int
    submitted_at: str
    artifacts: tuple[str, ...]  # keys of artifacts.ARTIFACTS
    attempt: int | None  # None: the manifest leaves it out
    as_zip: bool  # a zip, or else a folder
    notes: str | None

    @property
    def submission_id(self) -> str:
        return f"{self.credential.prefix}-2026-{self.number:04}"


@dataclass
class Builder:
    """Collects one submission's evidence items and files while artifacts are added."""

    spec: Spec
    staging: Path
    seed: int
    evidence: list[Json] = field(default_factory=list)
    files: dict[str, FileSource] = field(default_factory=dict)

    @property
    def earner(self) -> Earner:
        return self.spec.earner

    @property
    def revised(self) -> bool:
        return (self.spec.attempt or 1) > 1

    def rng(self, key: str) -> random.Random:
        """A stream per earner, credential and artifact: a resubmission that reuses an
        artifact reproduces its bytes exactly, as an earner re-uploading the same file."""
        spec = self.spec
        return random.Random(f"{self.seed}/{spec.earner.email}/{spec.credential.prefix}/{key}")

    def texts(self, key: str) -> Texts:
        return Texts(self.spec.earner, self.spec.credential, self.rng(key))

    def scratch(self, name: str) -> Path:
        folder = self.staging / self.spec.submission_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name

    def add_file(self, path: str, source: FileSource, title: str, **item: str | None) -> None:
        """Add a file and its evidence item (see `manifest.file_item` for `item`)."""
        self.files[path] = source
        self.evidence.append(file_item(path, title, **item))

    def add_text(self, text: str, part: str, title: str) -> None:
        self.evidence.append(text_item(text, part, title))

    def manifest(self) -> Json:
        spec = self.spec
        return manifest_fields(
            submission_id=spec.submission_id,
            submitted_at=spec.submitted_at,
            earner=spec.earner,
            credential=spec.credential,
            evidence=self.evidence,
            attempt=spec.attempt,
            notes=spec.notes,
        )
