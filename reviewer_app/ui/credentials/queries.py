"""What the credentials screens list, read from the data folder as plain values.

No Qt here: the dialogs show these rows, and tests can read them without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.credentials.issuers import (
    IssuerError,
    issuer_did,
    issuer_info,
    list_issuers,
)
from reviewer_app.storage.models import (
    AuditEvent,
    Decision,
    Definition,
    Earner,
    IssuedCredential,
    Review,
    Submission,
)


def day(moment: dt.datetime | None) -> str:
    """The local date of a stored (UTC) time as "YYYY-MM-DD"; the dialogs show it in the
    locale's own form."""
    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%Y-%m-%d")


@dataclass(frozen=True)
class KeyRow:
    key_id: str
    kind: str
    created: str
    retired: str  # "" while the key is in use


@dataclass(frozen=True)
class IssuerRow:
    id: int
    name: str
    url: str
    base_url: str
    email: str
    did: str
    did_method: str
    is_default: bool
    keys: tuple[KeyRow, ...]
    logo: str = ""  # where the logo is published, "" without one


def issuer_rows(session: Session, store_objects: Path | None = None) -> list[IssuerRow]:
    """Every issuer; with the store's objects folder, also where its logo is published."""
    rows = []
    for issuer in list_issuers(session):
        try:
            did = issuer_did(issuer)
        except IssuerError as e:  # a damaged key row: show the issuer and what is wrong
            did = str(e)
        logo = ""
        if store_objects is not None and issuer.image_sha256:
            logo = issuer_info(issuer, store_objects).image_url or ""
        rows.append(
            IssuerRow(
                id=issuer.id,
                name=issuer.name,
                url=issuer.url,
                base_url=issuer.base_url,
                email=issuer.email or "",
                did=did,
                did_method=issuer.did_method,
                is_default=issuer.is_default,
                keys=tuple(
                    KeyRow(k.key_id, k.kind, day(k.created_at), day(k.retired_at))
                    for k in issuer.keys
                ),
                logo=logo,
            )
        )
    return rows


def default_issuer_id(rows: list[IssuerRow]) -> int | None:
    """The issuer an export uses when none is chosen (as `default_issuer` picks it)."""
    if not rows:
        return None
    return min(rows, key=lambda r: (not r.is_default, r.id)).id


def waiting_by_credential(session: Session, fmt: str) -> list[tuple[str, int]]:
    """Passing decisions not yet exported in `fmt`, counted per micro-credential: the
    same selection the export makes (`awards.pending_awards`)."""
    exported = select(IssuedCredential.decision_id).where(
        IssuedCredential.format == fmt, IssuedCredential.exported_at.is_not(None)
    )
    query = (
        select(Definition.name, func.count(Decision.id))
        .join(Review, Review.id == Decision.review_id)
        .join(Definition, Definition.id == Review.definition_id)
        .where(Decision.outcome == "pass", Decision.id.not_in(exported))
        .group_by(Definition.name)
        .order_by(Definition.name)
    )
    return [(name, count) for name, count in session.execute(query).all()]


@dataclass(frozen=True)
class IssuedRow:
    submission_id: str
    earner: str
    credential: str  # "" when not known
    issued: str
    format: str  # "ob3" / "ob2"
    issuer_id: int | None
    revoked: str  # the date, or "" when in force
    exported: bool


def issued_rows(session: Session, *, include_revoked: bool = False) -> list[IssuedRow]:
    query = (
        select(IssuedCredential, Submission, Earner, Definition)
        .join(Decision, Decision.id == IssuedCredential.decision_id)
        .join(Submission, Submission.id == Decision.submission_id)
        .join(Earner, Earner.id == Submission.earner_id)
        .outerjoin(Review, Review.id == Decision.review_id)
        .outerjoin(Definition, Definition.id == Review.definition_id)
        .order_by(IssuedCredential.issued_at.desc(), Submission.submission_id)
    )
    if not include_revoked:
        query = query.where(IssuedCredential.revoked_at.is_(None))
    return [
        IssuedRow(
            submission_id=submission.submission_id,
            earner=earner.name,
            credential=(definition.name if definition else submission.credential_name or ""),
            issued=day(issued.issued_at),
            format=issued.format,
            issuer_id=issued.issuer_id,
            revoked=day(issued.revoked_at),
            exported=issued.exported_at is not None,
        )
        for issued, submission, earner, definition in session.execute(query).all()
    ]


def last_export_folder(session: Session) -> str | None:
    """Where the latest export went (the audit trail records it), to offer it again."""
    return session.scalar(
        select(AuditEvent.entity_id)
        .where(AuditEvent.action == "credentials.export")
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )
