"""What an import tells the person: each bundle imported, skipped or rejected, and why."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BundleResult:
    submission_id: str
    source: str
    earner: str
    credential_id: str | None
    attempt: int
    items: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class Rejection:
    path: str
    error: str


@dataclass
class SkippedFile:
    """Something at the top of a batch that is not a bundle (a README, .DS_Store)."""

    path: str
    reason: str


@dataclass
class ImportReport:
    imported: list[BundleResult] = field(default_factory=list)
    skipped: list[BundleResult] = field(default_factory=list)  # already imported
    rejected: list[Rejection] = field(default_factory=list)
    skipped_files: list[SkippedFile] = field(default_factory=list)
    cancelled: bool = False
