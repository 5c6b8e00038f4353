"""What the credential formats share when signing: the error they raise, the
addresses the issuer publishes, and the unsigned Open Badges 3.0 document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.credentials import awards as award_rows
from reviewer_app.credentials import ob3 as ob3_docs
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.status import STATUS_PATH
from reviewer_app.errors import UserError
from reviewer_app.storage.models import IssuedCredential, Issuer
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate

PROFILE_PATH = "issuer.json"
JWKS_PATH = "keys/jwks.json"


class ExportError(UserError):
    pass


@dataclass(frozen=True)
class CredentialFile:
    """How one format's signed document is written: its file extension, and how it is
    baked into the badge image (PNG text keyword; SVG version and whether the payload
    is a compact JWS)."""

    extension: str
    png_keyword: str
    svg_version: CredentialFormat
    svg_signed: bool


def status_list_url(unlocked: UnlockedIssuer) -> str:
    return unlocked.info.hosted(STATUS_PATH)


def unsigned_ob3(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> dict[str, Any]:
    """The Open Badges 3.0 credential for one award, checked against the schema."""
    award = award_rows.with_status_index(pending, status_index).award
    credential = ob3_docs.achievement_credential(
        award,
        unlocked.info,
        status_list_url=status_list_url(unlocked),
        required_level=pending.required_level,
    )
    problems = (checker or BatchChecker()).problems(credential)
    if problems:  # our own document: a bug, but never sign what the schema refuses
        raise ExportError(
            translate(
                "CredentialExport",
                "The credential for {submission} does not meet the Open Badges 3.0 schema: "
                "{problems}",
            ).format(
                submission=award.submission_id, problems="; ".join(str(p) for p in problems[:5])
            )
        )
    return credential


def issued_definitions(
    session: Session, issuer: Issuer, fmt: CredentialFormat | None = None
) -> list[Any]:
    """Every micro-credential version this issuer has issued (in `fmt`, if given)."""
    from reviewer_app.storage.models import Decision, Definition, Review

    # The ids first: PostgreSQL cannot compare JSON columns for DISTINCT.
    ids = (
        select(Review.definition_id)
        .join(Decision, Decision.review_id == Review.id)
        .join(IssuedCredential, IssuedCredential.decision_id == Decision.id)
        .where(IssuedCredential.issuer_id == issuer.id)
    )
    if fmt is not None:
        ids = ids.where(IssuedCredential.format == fmt)
    query = select(Definition).where(Definition.id.in_(ids)).order_by(Definition.id)
    return list(session.scalars(query))


def safe_image(data: bytes, owner: str) -> bytes:
    """A stored badge image or logo as it may be baked and published: SVG only in its
    sanitized form (images stored before the SVG policy are sanitized here); one that
    cannot be made safe stops the export with `owner` (the definition, pathway or
    issuer) named, so the user knows which image to replace."""
    from reviewer_app import svg_policy

    if data.startswith(b"\x89PNG") or not svg_policy.looks_like_svg(data):
        return data
    try:
        return svg_policy.sanitize(data, owner)
    except svg_policy.SvgRefused as e:
        raise ExportError(
            translate(
                "CredentialExport",
                "The badge image of {owner} cannot be used: {problem} Replace the image "
                "(definitions add) and export again.",
            ).format(owner=owner, problem=e)
        ) from None
