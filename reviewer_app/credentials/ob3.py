"""Open Badges 3.0 `AchievementCredential` documents, unsigned, from plain values.

The credential says what was achieved (the micro-credential, with its rubric as result
descriptions), how (the earner's level on each criterion), on what evidence (described
by name, hash and narrative, never shipped), to whom (a salted hash of the email, or the
earner's DID) and by whom (the issuer profile). Signing is `dataintegrity` or `jws`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from reviewer_app.credentials.model import (
    AchievementInfo,
    AwardInfo,
    CriterionInfo,
    EvidenceInfo,
    IssuerInfo,
)

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
CONTEXTS = (VC_V2, OB3_CONTEXT, OB3_EXTENSIONS)
# The `$id` of the shipped achievementcredential.json, which exports are checked against.
# The address 1EdTech publishes the schema at, which verifiers fetch (the schema's own
# "$id" is another name of the same file); schemas.SCHEMA_FILES maps it to our copy.
SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"


def iso(moment: dt.datetime) -> str:
    """RFC 3339 in UTC to the second, with "Z": what verifiers parse most reliably."""
    if moment.tzinfo is None:
        raise ValueError("credential dates must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def hashed_email(email: str, salt: str) -> str:
    """The `identityHash` of an email: "sha256$" and the hex digest of email + salt
    (the email trimmed and lower-cased, as people type it either way)."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def issuer_profile(issuer: IssuerInfo) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "id": issuer.id,
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.url,
    }
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.image_url:
        profile["image"] = {"id": issuer.image_url, "type": "Image"}
    return profile


def criterion_url(achievement: AchievementInfo, criterion_id: str) -> str:
    return f"{achievement.id}#criterion-{criterion_id}"


def level_url(achievement: AchievementInfo, criterion_id: str, level_id: str) -> str:
    return f"{achievement.id}#criterion-{criterion_id}-level-{level_id}"


def _result_description(
    achievement: AchievementInfo, criterion: CriterionInfo, required: str | None
) -> dict[str, Any]:
    levels = []
    for level in criterion.levels:
        entry: dict[str, Any] = {
            "id": level_url(achievement, criterion.id, level.id),
            "type": ["RubricCriterionLevel"],
            "name": level.label,
            "level": level.label,
        }
        if criterion.descriptors.get(level.id):
            entry["description"] = criterion.descriptors[level.id]
        if level.points is not None:
            entry["points"] = _number(level.points)
        levels.append(entry)
    description: dict[str, Any] = {
        "id": criterion_url(achievement, criterion.id),
        "type": ["ResultDescription"],
        "name": criterion.title,
        "resultType": "RubricCriterionLevel",
        "rubricCriterionLevel": levels,
    }
    if required and any(level.id == required for level in criterion.levels):
        description["requiredLevel"] = level_url(achievement, criterion.id, required)
    return description


def _number(value: float) -> str:
    """Points are strings in Open Badges 3.0; 1.0 reads better as "1"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def achievement(
    info: AchievementInfo, issuer: IssuerInfo, *, required_level: str | None = None
) -> dict[str, Any]:
    """The Achievement object: `achievementType` MicroCredential, the criteria narrative,
    image, alignment and tags, and the rubric as result descriptions."""
    data: dict[str, Any] = {
        "id": info.id,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": info.name,
        "description": info.description,
        "criteria": {"narrative": info.criteria},
        "image": {"id": info.image_url, "type": "Image"},
        "creator": issuer_profile(issuer),
        "version": str(info.version),
    }
    if info.tags:
        data["tag"] = list(info.tags)
    if info.alignment:
        data["alignment"] = [_alignment(a) for a in info.alignment]
    if info.criteria_rubric:
        data["resultDescription"] = [
            _result_description(info, c, required_level) for c in info.criteria_rubric
        ]
    return data


def _alignment(entry: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": ["Alignment"]}
    for key in ("targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode"):
        if entry.get(key):
            out[key] = entry[key]
    return out


def evidence_entry(item: EvidenceInfo) -> dict[str, Any]:
    """Describes one evidence item. A file is named by its hash as an RFC 6920 `ni` URI,
    so that whoever holds the file can check it is the one assessed."""
    entry: dict[str, Any] = {"type": ["Evidence"], "name": item.name}
    if item.sha256:
        entry["id"] = "ni:///sha-256;" + _b64url(bytes.fromhex(item.sha256))
        entry["description"] = f"SHA-256 {item.sha256}" + (
            f", {item.media_type}" if item.media_type else ""
        )
    if item.narrative:
        entry["narrative"] = item.narrative
    return entry


def _b64url(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def credential_subject(
    award: AwardInfo, issuer: IssuerInfo, *, required_level: str | None
) -> dict[str, Any]:
    subject: dict[str, Any] = {"type": ["AchievementSubject"]}
    if award.recipient_did:
        subject["id"] = award.recipient_did
    if award.recipient_email:
        subject["identifier"] = [
            {
                "type": "IdentityObject",
                "hashed": True,
                "identityHash": hashed_email(award.recipient_email, award.salt),
                "identityType": "emailAddress",
                "salt": award.salt,
            }
        ]
    subject["achievement"] = achievement(award.achievement, issuer, required_level=required_level)
    results = [
        {
            "type": ["Result"],
            "resultDescription": criterion_url(award.achievement, criterion),
            "achievedLevel": level_url(award.achievement, criterion, level),
        }
        for criterion, level in award.levels.items()
    ]
    if results:
        subject["result"] = results
    if award.feedback:
        subject["narrative"] = award.feedback
    return subject


def achievement_credential(
    award: AwardInfo,
    issuer: IssuerInfo,
    *,
    status_list_url: str | None = None,
    required_level: str | None = None,
) -> dict[str, Any]:
    """The unsigned credential for one passing decision. With `status_list_url` (and the
    award's `status_index`) it points at the issuer's revocation list."""
    if not award.recipient_email and not award.recipient_did:
        raise ValueError(f"{award.submission_id}: the earner has neither an email nor a DID")
    credential: dict[str, Any] = {
        "@context": list(CONTEXTS),
        "id": award.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": award.achievement.name,
        "issuer": issuer_profile(issuer),
        "validFrom": iso(award.issued_at),
        "awardedDate": iso(award.issued_at),
        "credentialSubject": credential_subject(award, issuer, required_level=required_level),
        "credentialSchema": [{"id": SCHEMA_ID, "type": SCHEMA_TYPE}],
    }
    if award.evidence:
        credential["evidence"] = [evidence_entry(e) for e in award.evidence]
    if status_list_url is not None and award.status_index is not None:
        credential["credentialStatus"] = {
            "id": f"{status_list_url}#{award.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(award.status_index),
            "statusListCredential": status_list_url,
        }
    return credential
