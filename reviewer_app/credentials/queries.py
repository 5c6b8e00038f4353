"""What the credentials screens and commands list, read from the database as plain values.

Each function opens its own reading transaction on the data folder (or team database)
and returns frozen rows, never ORM objects, so that the window and the command line need
no session. A database that cannot be read becomes the program's own error here
(`FolderBusy`, `DataFolderError`), worded for a person, before any window sees it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from reviewer_app.credentials.issuers import (
    IssuerError,
    issuer_did,
    issuer_info,
    list_issuers,
)
from reviewer_app.errors import DataFolderError
from reviewer_app.storage.database import FolderBusy, is_busy
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    AuditEvent,
    Decision,
    Definition,
    Earner,
    IssuedCredential,
    Issuer,
    Review,
    Submission,
)
from reviewer_app.vocabulary import CredentialFormat, Outcome
from reviewer_app.wording import translate

_log = logging.getLogger(__name__)


@contextmanager
def reading(folder: DataFolder) -> Iterator[Session]:
    """A reading session whose database errors arrive as sentences: a folder kept busy
    by another program, or a database that cannot be reached or read (a damaged file, a
    team server gone, a login the server refuses). The driver's own words are logged."""
    try:
        with folder.read_sessions() as session:
            yield session
    except DatabaseError as e:
        _log.warning("A read of the credentials failed: %s", e)
        if is_busy(e.orig or e):
            raise FolderBusy(
                translate(
                    "CredentialLists",
                    "Another program is keeping the data folder busy, so the credentials "
                    "could not be read. Try again in a moment; nothing was changed.",
                )
            ) from e
        raise DataFolderError(
            translate(
                "CredentialLists",
                "The credentials could not be read from the database; nothing was changed. "
                "Check that the data folder or the team database can be reached, then try "
                "again.",
            )
        ) from e


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


@dataclass(frozen=True)
class IssuedRow:
    submission_id: str
    earner: str
    credential: str  # "" when not known
    issued: str
    format: CredentialFormat
    issuer_id: int | None
    revoked: str  # the date, or "" when in force
    exported: bool


def issuer_rows(folder: DataFolder, *, logos: bool = False) -> list[IssuerRow]:
    """Every issuer; with `logos`, also where its logo is published."""
    with reading(folder) as session:
        return _issuer_rows(session, folder, logos=logos)


def issuers_and_last_export(folder: DataFolder) -> tuple[list[IssuerRow], str | None]:
    """The issuers and the latest export folder, read in one transaction."""
    with reading(folder) as session:
        return _issuer_rows(session, folder, logos=False), _last_export_folder(session)


def last_export_folder(folder: DataFolder) -> str | None:
    """Where the latest export went (the audit trail records it), to offer it again."""
    with reading(folder) as session:
        return _last_export_folder(session)


def default_issuer_id(rows: list[IssuerRow]) -> int | None:
    """The issuer an export uses when none is chosen (as `default_issuer` picks it)."""
    if not rows:
        return None
    return min(rows, key=lambda r: (not r.is_default, r.id)).id


def issuer_did_of(folder: DataFolder, issuer_id: int) -> str:
    """The identifier (DID) of one issuer."""
    with reading(folder) as session:
        return issuer_did(session.get_one(Issuer, issuer_id))


def waiting_by_credential(folder: DataFolder, fmt: str) -> list[tuple[str, int]]:
    """Passing decisions not yet exported in `fmt`, counted per micro-credential: the
    same selection the export makes (`awards.pending_awards`)."""
    exported = select(IssuedCredential.decision_id).where(
        IssuedCredential.format == fmt, IssuedCredential.exported_at.is_not(None)
    )
    query = (
        select(Definition.name, func.count(Decision.id))
        .join(Review, Review.id == Decision.review_id)
        .join(Definition, Definition.id == Review.definition_id)
        .where(Decision.outcome == Outcome.PASS, Decision.id.not_in(exported))
        .group_by(Definition.name)
        .order_by(Definition.name)
    )
    with reading(folder) as session:
        return [(name, count) for name, count in session.execute(query).all()]


def issued_rows(folder: DataFolder, *, include_revoked: bool = False) -> list[IssuedRow]:
    """The credentials issued from this folder, newest first (in force only, unless
    `include_revoked`)."""
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
    with reading(folder) as session:
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


def _issuer_rows(session: Session, folder: DataFolder, *, logos: bool) -> list[IssuerRow]:
    rows = []
    for issuer in list_issuers(session):
        try:
            did = issuer_did(issuer)
        except IssuerError as e:  # a damaged key row: show the issuer and what is wrong
            did = str(e)
        logo = ""
        if logos and issuer.image_sha256:
            logo = issuer_info(issuer, folder.store).image_url or ""
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


def _last_export_folder(session: Session) -> str | None:
    return session.scalar(
        select(AuditEvent.entity_id)
        .where(AuditEvent.action == "credentials.export")
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )
