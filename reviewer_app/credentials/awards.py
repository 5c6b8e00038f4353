"""Passing decisions read from the data folder as `AwardInfo` values.

Everything an award carries that is not in the decision itself (its credential id, the
salt of the hashed email) is derived from the issuer's secret and the decision, not
drawn at random: an export run again, or on a copy of the folder, signs the very same
documents, and a credential is never issued twice for one decision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Load, Session

from reviewer_app.credentials.issuers import slugify
from reviewer_app.credentials.model import (
    AchievementInfo,
    AwardInfo,
    CriterionInfo,
    EvidenceInfo,
    IssuerInfo,
    LevelInfo,
)
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.models import (
    EARNER_GROUP,
    CriterionScore,
    Decision,
    Definition,
    Earner,
    EvidenceItem,
    IssuedCredential,
    Issuer,
    Review,
    Submission,
)
from reviewer_app.vocabulary import Outcome


@dataclass(frozen=True)
class BadgeArt:
    """The badge image of a micro-credential and where it is published."""

    relative: str  # under hosting/, e.g. "badges/families-as-partners-1a2b3c.png"
    media_type: str  # image/png or image/svg+xml
    blob: Path | None  # the definition's own image in the store; None: draw a plain one


@dataclass(frozen=True)
class PendingAward:
    decision_id: int
    award: AwardInfo
    art: BadgeArt
    required_level: str | None
    earner_slug: str
    earner_id: int


def derived(secret: str, purpose: str, decision_id: int | str, fmt: str) -> bytes:
    message = f"{purpose}:{fmt}:{decision_id}".encode()
    return hmac.new(bytes.fromhex(secret), message, hashlib.sha256).digest()


def credential_id(secret: str, decision_id: int, fmt: str) -> str:
    raw = derived(secret, "credential-id", decision_id, fmt)[:16]
    return f"urn:uuid:{uuid.UUID(bytes=raw, version=4)}"


def salt(secret: str, decision_id: int, fmt: str) -> str:
    return derived(secret, "salt", decision_id, fmt)[:16].hex()


def badge_art(
    definition: Definition, store_objects: StoredFiles, media_type: str | None
) -> BadgeArt:
    tag = hashlib.sha256(definition.achievement_uri.encode()).hexdigest()[:8]
    stem = f"badges/{slugify(definition.name)}-{tag}"
    if definition.image_sha256:
        sha = definition.image_sha256
        svg = media_type == "image/svg+xml"
        return BadgeArt(
            f"{stem}.svg" if svg else f"{stem}.png",
            "image/svg+xml" if svg else "image/png",
            stored_file(store_objects, sha),
        )
    return BadgeArt(f"{stem}.png", "image/png", None)


def achievement_info(definition: Definition, image_url: str) -> tuple[AchievementInfo, str | None]:
    content: dict[str, Any] = definition.content
    info = content.get("achievement", {})
    rubric = Rubric.from_content(content)
    criteria = tuple(
        CriterionInfo(
            id=c.id,
            title=c.title,
            levels=tuple(LevelInfo(lv.id, lv.label, lv.points) for lv in c.levels),
            descriptors=dict(c.descriptors),
        )
        for c in rubric.criteria
    )
    achievement = AchievementInfo(
        id=definition.achievement_uri,
        name=definition.name,
        description=str(info.get("description", "")),
        criteria=str(info.get("criteria", "")),
        image_url=image_url,
        version=definition.version,
        tags=tuple(str(t) for t in info.get("tags", ())),
        alignment=tuple(dict(a) for a in info.get("alignment", ())),
        criteria_rubric=criteria,
    )
    return achievement, rubric.pass_rule.every_criterion_at_least


def pending_awards(
    session: Session,
    issuer: Issuer,
    issuer_info: IssuerInfo,
    fmt: str,
    store_objects: StoredFiles,
    *,
    submission_ids: list[str] | None = None,
) -> list[PendingAward]:
    """Passing decisions to export in `fmt`, in decision order: those not yet exported,
    or exactly the chosen submissions (which re-exports what was already issued)."""
    # An outer join: a lead's adjudicated decision with their own feedback names no
    # review, and is issued all the same.
    query = (
        select(Decision, Submission, Earner, Review)
        .options(
            Load(Submission).undefer_group(EARNER_GROUP), Load(Earner).undefer_group(EARNER_GROUP)
        )
        .join(Submission, Submission.id == Decision.submission_id)
        .join(Earner, Earner.id == Submission.earner_id)
        .outerjoin(Review, Review.id == Decision.review_id)
        .where(Decision.outcome == Outcome.PASS)
        .order_by(Decision.id)
    )
    if submission_ids is not None:
        query = query.where(Submission.submission_id.in_(submission_ids))
    else:
        exported = select(IssuedCredential.decision_id).where(
            IssuedCredential.format == fmt, IssuedCredential.exported_at.is_not(None)
        )
        query = query.where(Decision.id.not_in(exported))
    out = []
    definitions: dict[int, tuple[Definition, BadgeArt, AchievementInfo, str | None]] = {}
    rows = session.execute(query).all()
    # Levels and evidence of every award in a few queries, not two per award.
    levels_of = _levels(session, [review.id for _d, _s, _e, review in rows if review is not None])
    evidence_of = _evidence(session, [submission.id for _d, submission, _e, _r in rows])
    for decision, submission, earner, review in rows:
        definition_id = _definition_id(session, submission, review)
        if definition_id is None:
            continue  # no definition to issue under: nothing can be said of the award
        if definition_id not in definitions:
            definition = session.get_one(Definition, definition_id)
            media = image_type(definition, store_objects)
            art = badge_art(definition, store_objects, media)
            achievement, required = achievement_info(definition, issuer_info.hosted(art.relative))
            definitions[definition_id] = (definition, art, achievement, required)
        _definition, art, achievement, required = definitions[definition_id]
        # A lead's own decision carries no levels: the credential then lists no results.
        levels = levels_of.get(review.id, {}) if review is not None else {}
        evidence = evidence_of.get(submission.id, ())
        # The identity this submission's own manifest gives, not the earner row's first.
        name, email = submission.identity()
        did = earner.external_id if earner.external_id.startswith("did:") else None
        award = AwardInfo(
            credential_id=credential_id(issuer.secret, decision.id, fmt),
            submission_id=submission.submission_id,
            recipient_name=name,
            recipient_email=email,
            recipient_did=did,
            salt=salt(issuer.secret, decision.id, fmt),
            issued_at=aware(decision.decided_at),
            achievement=achievement,
            levels=levels,
            evidence=evidence,
            feedback=_feedback(session, decision, review),
        )
        out.append(PendingAward(decision.id, award, art, required, slugify(name), earner.id))
    return out


_CHUNK = 500  # ids per IN (...): well under every database's limit on parameters


def _levels(session: Session, review_ids: list[int]) -> dict[int, dict[str, str]]:
    """Each review's chosen level per criterion (criteria without one left out)."""
    found: dict[int, dict[str, str]] = {}
    for start in range(0, len(review_ids), _CHUNK):
        for review_id, criterion, level in session.execute(
            select(CriterionScore.review_id, CriterionScore.criterion_id, CriterionScore.level_id)
            .where(CriterionScore.review_id.in_(review_ids[start : start + _CHUNK]))
            .order_by(CriterionScore.review_id, CriterionScore.id)
        ):
            if level:
                found.setdefault(review_id, {})[criterion] = level
    return found


def _evidence(session: Session, submission_ids: list[int]) -> dict[int, tuple[EvidenceInfo, ...]]:
    """Each submission's evidence, in its order."""
    found: dict[int, list[EvidenceInfo]] = {}
    for start in range(0, len(submission_ids), _CHUNK):
        for item in session.scalars(
            select(EvidenceItem)
            .where(EvidenceItem.submission_id.in_(submission_ids[start : start + _CHUNK]))
            .order_by(EvidenceItem.submission_id, EvidenceItem.position)
        ):
            items = found.setdefault(item.submission_id, [])
            n = len(items)
            items.append(
                EvidenceInfo(
                    name=item.title or (Path(item.path).name if item.path else f"Answer {n + 1}"),
                    sha256=item.blob_sha256,
                    media_type=item.media_type,
                    narrative=item.description,
                )
            )
    return {submission: tuple(items) for submission, items in found.items()}


def _definition_id(session: Session, submission: Submission, review: Review | None) -> int | None:
    """The definition version the award is issued under: its review's; for a lead's
    decision without one, the newest version the submission's reviews were scored under,
    or else the micro-credential's current version."""
    if review is not None:
        return review.definition_id
    scored = session.scalar(
        select(Review.definition_id)
        .join(Definition, Definition.id == Review.definition_id)
        .where(Review.submission_id == submission.id)
        .order_by(Definition.version.desc())
        .limit(1)
    )
    if scored is not None:
        return scored
    return session.scalar(
        select(Definition.id)
        .where(Definition.achievement_uri == submission.credential_uri)
        .order_by(Definition.version.desc())
        .limit(1)
    )


def _feedback(session: Session, decision: Decision, review: Review | None) -> str | None:
    """What the earner is told: the lead's own words if they wrote them, else the chosen
    review's feedback, else the deciding review's."""
    if decision.feedback:
        return decision.feedback
    if decision.feedback_review_id is not None:
        chosen = session.get(Review, decision.feedback_review_id)
        if chosen is not None:
            return chosen.feedback
    return review.feedback if review is not None else None


def with_status_index(pending: PendingAward, index: int | None) -> PendingAward:
    return replace(pending, award=replace(pending.award, status_index=index))


def email_of(external_id: str) -> str | None:
    if external_id.startswith("mailto:"):
        return external_id[len("mailto:") :]
    return external_id if "@" in external_id and ":" not in external_id else None


def aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def image_type(definition: Definition, store_objects: StoredFiles) -> str | None:
    """The stored badge image's type, from its first bytes (definitions take PNG or SVG)."""
    sha = definition.image_sha256
    if not sha:
        return None
    with open(stored_file(store_objects, sha), "rb") as f:
        head = f.read(8)
    return "image/png" if head.startswith(b"\x89PNG") else "image/svg+xml"
