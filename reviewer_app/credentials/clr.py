"""Comprehensive Learner Record 2.0 `ClrCredential` for a completed pathway.

When an earner holds a credential for every micro-credential of a pathway, the CLR
bundles those signed credentials unchanged (each still verifies on its own), names the
pathway as an achievement, and says with `isPartOf` associations which micro-credential
belongs to it. The CLR is signed like the credentials it holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer_app.credentials import ob3
from reviewer_app.credentials.model import IssuerInfo

CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
CONTEXTS = (ob3.VC_V2, CLR_CONTEXT, ob3.OB3_CONTEXT, ob3.OB3_EXTENSIONS)


@dataclass(frozen=True)
class PathwayInfo:
    id: str
    name: str
    description: str
    credentials: tuple[str, ...]  # the micro-credentials' achievement ids
    image_url: str | None = None


def pathway_achievement(pathway: PathwayInfo, issuer: IssuerInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": pathway.id,
        "type": ["Achievement"],
        "achievementType": "LearningProgram",
        "name": pathway.name,
        "description": pathway.description,
        "criteria": {
            "narrative": "Earn every micro-credential of the pathway: "
            + "; ".join(pathway.credentials)
        },
        "creator": ob3.issuer_profile(issuer),
    }
    if pathway.image_url:
        data["image"] = {"id": pathway.image_url, "type": "Image"}
    return data


def clr_credential(
    *,
    credential_id: str,
    issuer: IssuerInfo,
    pathway: PathwayInfo,
    recipient_email: str | None,
    recipient_did: str | None,
    salt: str,
    credentials: Sequence[Mapping[str, Any]],
    issued_at: dt.datetime,
) -> dict[str, Any]:
    """The unsigned CLR holding `credentials` (signed Open Badges 3.0 documents)."""
    achievements: list[dict[str, Any]] = [pathway_achievement(pathway, issuer)]
    associations = []
    for credential in credentials:
        achievement = credential["credentialSubject"]["achievement"]
        achievements.append(dict(achievement))
        associations.append(
            {
                "type": "Association",
                "associationType": "isPartOf",
                "sourceId": achievement["id"],
                "targetId": pathway.id,
            }
        )
    subject: dict[str, Any] = {"type": ["ClrSubject"]}
    if recipient_did:
        subject["id"] = recipient_did
    if recipient_email:
        subject["identifier"] = [
            {
                "type": "IdentityObject",
                "hashed": True,
                "identityHash": ob3.hashed_email(recipient_email, salt),
                "identityType": "emailAddress",
                "salt": salt,
            }
        ]
    subject["achievement"] = achievements
    subject["verifiableCredential"] = [dict(c) for c in credentials]
    subject["association"] = associations
    return {
        "@context": list(CONTEXTS),
        "id": credential_id,
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": ob3.issuer_profile(issuer),
        "name": pathway.name,
        "description": pathway.description,
        "validFrom": ob3.iso(issued_at),
        "awardedDate": ob3.iso(issued_at),
        "credentialSubject": subject,
    }
