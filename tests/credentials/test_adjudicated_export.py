"""A pass a lead adjudicated with their own feedback (no review's feedback chosen) is
exported like any other: its decision names no review, and export must not skip it."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer_app.credentials.export import export
from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.reviews.moderation import adjudicate, set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from tests import craft
from tests.credentials.conftest import PASSPHRASE

LEAD_WORDS = "Your plan names every family; the lead's own words."


def _score(folder: DataFolder, reviewer: str, level: int) -> None:
    review = ReviewSession.open(folder, "FAP-1", reviewer)
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[min(level, len(criterion.levels) - 1)].id)
    review.set_feedback(f"Feedback from {reviewer}.")
    review.submit()


def test_an_adjudicated_pass_with_the_leads_own_feedback_is_exported(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    folder = reviewed_folder
    set_required_reviews(folder, craft.CREDENTIAL, 2, "lead")
    _score(folder, "Ana Ruiz", 9)
    _score(folder, "Ben Osei", 0)  # the two disagree: a lead decides
    with folder.sessions.begin() as session:
        session.add(Reviewer(name="Lena Lead", role="lead"))
    adjudicate(folder, "FAP-1", "Lena Lead", "pass", "The plan is complete.", feedback=LEAD_WORDS)
    create_issuer(
        folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        email="badges@issuer.example.org",
        description="A teachers' association.",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    out = tmp_path / "export"
    result = export(folder, out, passphrase=PASSPHRASE, actor="lead")
    assert [e.submission_id for e in result.exported] == ["FAP-1"]
    (path,) = sorted((out / "credentials").glob("*.json"))
    credential = json.loads(path.read_text(encoding="utf-8"))
    subject = credential["credentialSubject"]
    assert subject["narrative"] == LEAD_WORDS
    assert subject["achievement"]["id"] == craft.CREDENTIAL
    # Nothing waits any more: a second export has nothing new to issue.
    again = export(folder, tmp_path / "again", passphrase=PASSPHRASE, actor="lead")
    assert again.exported == []
