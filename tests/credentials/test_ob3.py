"""The Open Badges 3.0 document built from plain values, before any signing."""

from __future__ import annotations

import datetime as dt

from reviewer_app.credentials import ob3
from reviewer_app.credentials.model import (
    AchievementInfo,
    AwardInfo,
    CriterionInfo,
    EvidenceInfo,
    IssuerInfo,
    LevelInfo,
)
from reviewer_app.credentials.schemas import ob3_problems

ISSUER = IssuerInfo(
    id="did:web:centre.example.org",
    name="Cultural Centre",
    url="https://centre.example.org",
    base_url="https://centre.example.org/",
)
LEVELS = (LevelInfo("not-yet", "Not Yet", 0), LevelInfo("proficient", "Proficient", 1.0))
ACHIEVEMENT = AchievementInfo(
    id="https://credentials.example.org/mc/home-visits-1",
    name="Home Visits",
    description="Plans and holds home visits.",
    criteria="Submit a plan and a reflection.",
    image_url="https://centre.example.org/badges/home-visits.png",
    tags=("families",),
    alignment=({"targetName": "Standard 10", "targetUrl": "https://standards.example.org/10"},),
    criteria_rubric=(
        CriterionInfo("plan", "The plan", LEVELS, {"proficient": "Names each family."}),
    ),
)


def award(**changes: object) -> AwardInfo:
    values: dict[str, object] = {
        "credential_id": "urn:uuid:0f6a2a9e-1c5b-4a53-9d4e-2b7f0c1d2e3f",
        "submission_id": "HV-1",
        "recipient_name": "Jo Park",
        "recipient_email": " Jo.Park@Example.org",
        "recipient_did": None,
        "salt": "abc123",
        "issued_at": dt.datetime(2026, 5, 1, 12, 30, 59, 999, tzinfo=dt.UTC),
        "achievement": ACHIEVEMENT,
        "levels": {"plan": "proficient"},
        "evidence": (EvidenceInfo("plan.pdf", "ab" * 32, "application/pdf", "The plan."),),
        "status_index": 7,
    }
    values.update(changes)
    return AwardInfo(**values)  # type: ignore[arg-type]


def test_the_credential_meets_the_schema_and_says_what_was_achieved() -> None:
    credential = ob3.achievement_credential(
        award(),
        ISSUER,
        status_list_url="https://centre.example.org/status/revocation.json",
        required_level="proficient",
    )
    assert ob3_problems(credential) == []
    assert credential["validFrom"] == "2026-05-01T12:30:59Z"
    subject = credential["credentialSubject"]
    assert "id" not in subject
    assert subject["identifier"][0]["identityHash"] == ob3.hashed_email(
        "jo.park@example.org", "abc123"
    )
    description = subject["achievement"]["resultDescription"][0]
    assert description["requiredLevel"].endswith("#criterion-plan-level-proficient")
    assert [lv["points"] for lv in description["rubricCriterionLevel"]] == ["0", "1"]
    assert subject["result"][0]["achievedLevel"] == description["requiredLevel"]
    assert credential["credentialStatus"]["statusListIndex"] == "7"
    assert credential["evidence"][0]["id"].startswith("ni:///sha-256;")


def test_an_earner_with_a_did_is_the_subject_id() -> None:
    credential = ob3.achievement_credential(
        award(
            recipient_did="did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH",
            recipient_email=None,
        ),
        ISSUER,
    )
    assert credential["credentialSubject"]["id"].startswith("did:key:")
    assert "identifier" not in credential["credentialSubject"]
    assert ob3_problems(credential) == []
