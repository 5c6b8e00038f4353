"""Revoking an issued credential: its bit in the issuer's status list (Open Badges 3.0)
or its entry in the revocation list (2.0) is set, and the hosting files follow."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select

from reviewer_app.audit import trail
from reviewer_app.credentials import keys
from reviewer_app.credentials.issuers import active_key, default_issuer, key_file
from reviewer_app.credentials.queries import reading
from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Decision, IssuedCredential, Issuer, Submission, utcnow
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate


class RevokeError(UserError):
    pass


def check_passphrase(folder: DataFolder, issuer_id: int | None, passphrase: str) -> None:
    """Opens one key of the issuer (`issuer_id`, or the default one), so that a wrong
    passphrase is found before anything changes: `revoke` records the revocation first
    and signs the new list after. Raises `WrongPassphrase`."""
    with reading(folder) as session:
        issuer = (
            session.get(Issuer, issuer_id) if issuer_id is not None else default_issuer(session)
        )
        if issuer is None:
            return  # revoke says what is missing
        keys.read_private_key(key_file(folder, issuer, active_key(issuer, "ed25519")), passphrase)


def revoke(
    folder: DataFolder,
    submission_id: str,
    reason: str,
    *,
    actor: str,
    fmt: CredentialFormat = CredentialFormat.OB3,
    out: Path | None = None,
    passphrase: str | None = None,
) -> str:
    """Revokes the credential issued for `submission_id`; with `out`, that export
    folder's hosting/ files are brought up to date (the list is signed again, which
    needs the issuer's passphrase). Returns the credential's id."""
    reason = reason.strip()
    if not reason:
        raise RevokeError(
            translate(
                "CredentialRevoke",
                "Say why the credential is revoked: the reason is kept and published.",
            )
        )
    with folder.sessions.begin() as session:
        row = session.scalar(
            select(IssuedCredential)
            .join(Decision, Decision.id == IssuedCredential.decision_id)
            .join(Submission, Submission.id == Decision.submission_id)
            .where(Submission.submission_id == submission_id, IssuedCredential.format == fmt)
        )
        if row is None:
            raise RevokeError(
                translate(
                    "CredentialRevoke", "No {format} credential has been issued for {submission}."
                ).format(format=fmt, submission=submission_id)
            )
        if row.revoked_at is not None:
            raise RevokeError(
                translate(
                    "CredentialRevoke",
                    "The credential for {submission} was already revoked on {date}.",
                ).format(submission=submission_id, date=f"{row.revoked_at:%Y-%m-%d}")
            )
        row.revoked_at = utcnow()
        row.revocation_reason = reason
        credential_id, issuer_id = row.credential_id, row.issuer_id
        trail.record(
            session,
            actor=actor,
            action="credential.revoke",
            entity="credential",
            entity_id=credential_id,
            after={"submission_id": submission_id, "reason": reason, "format": fmt},
        )
    logging.getLogger(__name__).info("Revoked %s (%s): %s", credential_id, submission_id, reason)
    if out is not None:
        from reviewer_app.credentials.export import refresh_hosting

        if passphrase is None:
            raise RevokeError(
                translate(
                    "CredentialRevoke",
                    "The issuer's passphrase is needed to sign the updated list.",
                )
            )
        refresh_hosting(folder, out, passphrase=passphrase, issuer_id=issuer_id, fmt=fmt)
    return credential_id
