"""Fixtures for signed credentials: a data folder with passing decisions and an issuer."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder

PASSPHRASE = "correct horse battery staple"


def pass_submission(folder: DataFolder, submission_id: str, reviewer: str = "Ana Ruiz") -> None:
    review = ReviewSession.open(folder, submission_id, reviewer)
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[-1].id)
    review.set_feedback("Clear plan, real family voice, honest reflection.")
    assert review.submit().outcome == "pass"


@pytest.fixture
def passed_folder(reviewed_folder: DataFolder) -> DataFolder:
    """The demo definitions, FAP-1 and FAP-2 both passed."""
    pass_submission(reviewed_folder, "FAP-1")
    pass_submission(reviewed_folder, "FAP-2")
    return reviewed_folder


@pytest.fixture
def issuing_folder(passed_folder: DataFolder) -> DataFolder:
    """... and an issuer with did:key identifiers."""
    create_issuer(
        passed_folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        email="badges@issuer.example.org",
        description="A teachers' association that awards micro-credentials.",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    return passed_folder


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path
