"""What a credential is made from, as plain values.

The export reads these from the data folder (issuer profile, definition, decision,
submission) and hands them to the document builders (`ob3`, `ob2`, `clr`), which know
nothing of the database: they can be tested, and benchmarked, on their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class IssuerInfo:
    """An issuer profile. `base_url` is where its `hosting/` folder is served, ending in
    "/": a file at hosting/keys/1.json is published at base_url + "keys/1.json"."""

    id: str  # a DID (did:key / did:web) for OB 3.0; the profile URL for OB 2.0
    name: str
    url: str
    base_url: str
    email: str | None = None
    description: str | None = None
    image_url: str | None = None

    def hosted(self, relative: str) -> str:
        """The URL at which hosting/`relative` is served."""
        return self.base_url + relative.lstrip("/")


@dataclass(frozen=True)
class LevelInfo:
    id: str
    label: str
    points: float | None = None


@dataclass(frozen=True)
class CriterionInfo:
    id: str
    title: str
    levels: tuple[LevelInfo, ...]
    descriptors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AchievementInfo:
    """The micro-credential, from its definition (`achievement` and `rubric`)."""

    id: str  # the achievement URI
    name: str
    description: str
    criteria: str  # the criteria narrative
    image_url: str  # where the badge image is hosted
    version: int = 1
    tags: tuple[str, ...] = ()
    alignment: tuple[dict[str, Any], ...] = ()
    criteria_rubric: tuple[CriterionInfo, ...] = ()


@dataclass(frozen=True)
class EvidenceInfo:
    """One evidence item, described, never shipped: its name, hash and narrative."""

    name: str
    sha256: str | None = None  # of the stored file; None for a written answer
    media_type: str | None = None
    narrative: str | None = None


@dataclass(frozen=True)
class AwardInfo:
    """One passing decision to be issued."""

    credential_id: str  # "urn:uuid:...", fixed at first issue so re-export reproduces it
    submission_id: str
    recipient_name: str
    recipient_email: str | None
    recipient_did: str | None  # from the bundle, when the earner gave one
    salt: str  # for the hashed email identifier; fixed at first issue
    issued_at: dt.datetime  # aware, UTC; also the proof's `created`
    achievement: AchievementInfo
    levels: dict[str, str] = field(default_factory=dict)  # criterion id -> level id
    evidence: tuple[EvidenceInfo, ...] = ()
    feedback: str | None = None
    status_index: int | None = None  # the award's place in the issuer's status list
