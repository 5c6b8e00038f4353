"""Open Badges 3.0 and CLR 2.0 credentials secured with a Data Integrity proof
(eddsa-rdfc-2022): signing, the file it is written to, and verification."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reviewer_app.credentials import dataintegrity
from reviewer_app.credentials import ob3 as ob3_docs
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.formats.common import CredentialFile, unsigned_ob3
from reviewer_app.credentials.issuers import IssuerError, UnlockedIssuer
from reviewer_app.credentials.key_resolution import ed25519_key, key_belongs
from reviewer_app.credentials.proof_worker import OpenedKey, SignatureMismatch
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.verify_common import (
    Failed,
    Fetch,
    VerifyResult,
    as_list,
    check_dates,
    check_schema,
    check_status,
    is_ob3,
    issuer_id,
)
from reviewer_app.errors import UserError
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate

FILE = CredentialFile(
    extension=".json",
    png_keyword="openbadgecredential",
    svg_version=CredentialFormat.OB3,
    svg_signed=False,
)


def prepared(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> tuple[dict[str, Any], str]:
    """The credential, checked against the schema, and its proof's `created` time: what
    `proof_worker.secure` signs."""
    credential = unsigned_ob3(unlocked, pending, status_index, checker)
    return credential, ob3_docs.iso(pending.award.issued_at)


def sign(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> str:
    """The credential with an eddsa-rdfc-2022 proof by the issuer's Ed25519 key."""
    credential, created = prepared(unlocked, pending, status_index, checker)
    return secure_here(OpenedKey(unlocked.proof_key()), credential, created)


def secure_here(key: OpenedKey, credential: dict[str, Any], created: str) -> str:
    """`key.secure` in this process, its mismatch an IssuerError as elsewhere here."""
    try:
        return key.secure(credential, created)
    except SignatureMismatch as e:
        raise IssuerError(str(e)) from None


def verify(
    document: dict[str, Any],
    fetch: Fetch,
    now: dt.datetime,
    result: VerifyResult,
    baked: str | None,
) -> None:
    """A credential in JSON with its proof inside: an Open Badges 3.0 or CLR 2.0 one."""
    types = as_list(document.get("type"))
    if "VerifiableCredential" not in types:
        result.add(
            "format",
            False,
            translate(
                "CredentialVerify", "not a Verifiable Credential (no VerifiableCredential type)"
            ),
        )
        raise Failed
    clr = "ClrCredential" in types
    kind = "clr" if clr else "ob3"
    result.format = kind + (f" baked in {baked.upper()}" if baked else "")
    if clr:
        words = translate("CredentialVerify", "CLR 2.0 credential")
    elif is_ob3(types):
        words = translate("CredentialVerify", "Open Badges 3.0 credential")
    else:
        words = translate("CredentialVerify", "credential")
    result.add("format", True, words)
    if not clr:
        check_schema(document, types, result)
    _check_data_integrity(document, fetch, result)
    check_dates(document, now, result)
    check_status(document, fetch, result)
    if clr:
        _check_embedded(document, fetch, now, result)


def _check_embedded(
    document: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    """A CLR holds signed credentials: each must verify on its own, and be the issuer's."""
    subject = document.get("credentialSubject")
    embedded = as_list(subject.get("verifiableCredential")) if isinstance(subject, Mapping) else []
    if not embedded:
        result.add("contents", False, translate("CredentialVerify", "the CLR holds no credentials"))
        return
    for n, credential in enumerate(embedded):
        inner = VerifyResult(file=f"credential {n + 1}")
        if not isinstance(credential, dict):
            inner.add("format", False, translate("CredentialVerify", "the JSON is not an object"))
        with contextlib.suppress(Failed):
            if isinstance(credential, dict):
                verify(credential, fetch, now, inner, None)
        if not inner.valid:
            result.add(
                "contents",
                False,
                translate("CredentialVerify", "credential {n} of the CLR: {problem}").format(
                    n=n + 1, problem=inner.error
                ),
            )
            return
    result.add(
        "contents",
        True,
        translate("CredentialVerify", "all {n} credentials in it verify").format(n=len(embedded)),
    )


def _check_data_integrity(document: Mapping[str, Any], fetch: Fetch, result: VerifyResult) -> None:
    issuer = issuer_id(document)
    proofs = as_list(document.get("proof"))
    if not proofs:
        result.add("proof", False, translate("CredentialVerify", "the credential has no proof"))
        raise Failed
    for proof in proofs:
        method = proof.get("verificationMethod") if isinstance(proof, Mapping) else None
        if not isinstance(method, str):
            result.add(
                "proof",
                False,
                translate("CredentialVerify", "the proof names no verification method"),
            )
            raise Failed
        if not key_belongs(method, issuer, fetch, result):
            raise Failed

    def resolve(method: str) -> Ed25519PublicKey:
        return ed25519_key(method, fetch)

    try:
        dataintegrity.verify(document, resolve)
    except UserError as e:
        result.add("proof", False, str(e))
        raise Failed from None
    result.add(
        "proof", True, translate("CredentialVerify", "the eddsa-rdfc-2022 signature matches")
    )
