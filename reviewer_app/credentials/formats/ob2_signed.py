"""Open Badges 2.0 assertions, signed (compact JWS, RS256): signing, the file it is
written to, the files the issuer hosts for them, and verification (of hosted
assertions too)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.credentials import awards as award_rows
from reviewer_app.credentials import jws, ob2
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.formats.common import (
    CredentialFile,
    ExportError,
    issued_definitions,
)
from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.verify_common import (
    Failed,
    Fetch,
    VerifyResult,
    as_list,
    parse_date,
    revocation_words,
)
from reviewer_app.errors import UserError
from reviewer_app.storage.blobstore import StoredFiles
from reviewer_app.storage.models import IssuedCredential, Issuer
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate

FILE = CredentialFile(
    extension=".jws", png_keyword="openbadges", svg_version=CredentialFormat.OB2, svg_signed=True
)


def sign(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> str:
    """The assertion as a compact JWS by the issuer's RSA key (2.0 has no status list
    index: revocation is by the hosted revocation list)."""
    del checker
    payload = ob2.canonical_bytes(prepared(unlocked, pending, status_index))
    return finished(unlocked, payload, jws.sign_compact(payload, unlocked.rsa_key()))


def prepared(
    unlocked: UnlockedIssuer, pending: PendingAward, status_index: int | None
) -> dict[str, Any]:
    """The assertion to sign; what is signed is `ob2.canonical_bytes` of it."""
    award = award_rows.with_status_index(pending, status_index).award
    info = unlocked.info
    try:
        badge = ob2.badge_class(award.achievement, info)
        document = ob2.assertion(
            award, info, badge=badge, key_url=ob2.key_url(info, unlocked.rsa_key_id)
        )
        ob2.issuer_profile(info, [unlocked.rsa_key_id])  # what 2.0 requires of issuers
    except ValueError as e:
        raise ExportError(
            translate("CredentialExport", "Open Badges 2.0: {problem}.").format(problem=e)
        ) from None
    return document


def finished(unlocked: UnlockedIssuer, payload: bytes, token: str) -> str:
    """`token`, the RS256 compact JWS of an assertion's bytes (signed here or in a
    worker), once it carries exactly those bytes and verifies with the key on record."""
    token = ob2.signed_as(payload, token)
    unlocked.check_rsa(token)
    return token


def hosting(
    session: Session, issuer: Issuer, unlocked: UnlockedIssuer, store_objects: StoredFiles
) -> dict[str, bytes]:
    """The Open Badges 2.0 issuer profile, keys, revocation list and badge classes."""
    info = unlocked.info
    badges = []
    for definition in issued_definitions(session, issuer, CredentialFormat.OB2):
        art = award_rows.badge_art(
            definition, store_objects, award_rows.image_type(definition, store_objects)
        )
        achievement, _ = award_rows.achievement_info(definition, info.hosted(art.relative))
        badges.append(ob2.badge_class(achievement, info))
    rsa_keys = [(k.key_id, k.public_key) for k in issuer.keys if k.kind == "rsa"]
    revoked = session.execute(
        select(IssuedCredential.credential_id, IssuedCredential.revocation_reason).where(
            IssuedCredential.issuer_id == issuer.id,
            IssuedCredential.format == CredentialFormat.OB2,
            IssuedCredential.revoked_at.is_not(None),
        )
    ).all()
    try:
        return ob2.hosting_files(info, badges, rsa_keys, [(i, r or "") for i, r in revoked])
    except ValueError as e:
        raise ExportError(
            translate("CredentialExport", "Open Badges 2.0: {problem}.").format(problem=e)
        ) from None


def verify_signed(
    token: str, assertion: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    if assertion.get("type") != "Assertion" and "Assertion" not in as_list(assertion.get("type")):
        result.add(
            "format",
            False,
            translate("CredentialVerify", "neither an Open Badges 2.0 assertion nor a VC-JWT"),
        )
        raise Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 2.0 signed assertion"))
    verification = assertion.get("verification") or {}
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    badge = assertion.get("badge")
    issuer_url = badge.get("issuer") if isinstance(badge, Mapping) else None
    issuer_url = issuer_url.get("id") if isinstance(issuer_url, Mapping) else issuer_url
    key_doc = fetch(str(creator)) if creator else None
    issuer_doc = fetch(str(issuer_url)) if issuer_url else None
    if key_doc is None or issuer_doc is None:
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the signing key or issuer profile is not in the hosting folder"
            ),
        )
        raise Failed
    listed = as_list(issuer_doc.get("publicKey"))
    listed_ids = [k if isinstance(k, str) else k.get("id") for k in listed]
    if key_doc.get("owner") != issuer_doc.get("id") or creator not in listed_ids:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "the signing key is not one the issuer publishes"),
        )
        raise Failed
    result.add(
        "key",
        True,
        translate("CredentialVerify", "published by the issuer at {url}").format(url=creator),
    )
    try:
        public = serialization.load_pem_public_key(str(key_doc.get("publicKeyPem")).encode())
        if not isinstance(public, RSAPublicKey):
            raise jws.JwsError(translate("CredentialVerify", "the published key is not an RSA key"))
        jws.verify_compact(token, public)
    except (UserError, ValueError) as e:
        result.add("proof", False, str(e))
        raise Failed from None
    result.add("proof", True, translate("CredentialVerify", "the RS256 signature matches"))
    _check_ob2_dates(assertion, now, result)
    list_url = issuer_doc.get("revocationList")
    revocations = fetch(str(list_url)) if list_url else None
    if revocations is None:
        result.add(
            "revocation",
            None,
            translate("CredentialVerify", "no revocation list in the hosting folder"),
        )
        return
    revoked = [
        r.get("id") if isinstance(r, Mapping) else r
        for r in as_list(revocations.get("revokedAssertions"))
    ]
    gone = assertion.get("id") in revoked
    result.add("revocation", not gone, revocation_words(gone))


def verify_hosted(
    assertion: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    """An Open Badges 2.0 hosted assertion: it is genuine when the copy the issuer
    publishes at its id is the same, within the issuer's own address."""
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, Mapping) else None
    if kind not in ("hosted", "HostedBadge"):
        result.add(
            "format",
            False,
            translate(
                "CredentialVerify", "an Open Badges 2.0 assertion that is neither signed nor hosted"
            ),
        )
        raise Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 2.0 hosted assertion"))
    assertion_id = str(assertion.get("id", ""))
    published = fetch(assertion_id) if assertion_id.startswith("https://") else None
    if published is None:
        result.add(
            "proof",
            False,
            translate(
                "CredentialVerify", "the hosted copy at {url} is not in the hosting folder"
            ).format(url=assertion_id),
        )
        raise Failed
    if _canonical(published) != _canonical(assertion):
        result.add(
            "proof",
            False,
            translate("CredentialVerify", "the hosted copy differs from this assertion"),
        )
        raise Failed
    badge = assertion.get("badge")
    badge_doc = fetch(badge) if isinstance(badge, str) else badge
    issuer = badge_doc.get("issuer") if isinstance(badge_doc, Mapping) else None
    issuer_doc = fetch(issuer) if isinstance(issuer, str) else issuer
    if not isinstance(issuer_doc, Mapping):
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the badge's issuer profile is not in the hosting folder"
            ),
        )
        raise Failed
    allowed = verification.get("allowedOrigins") if isinstance(verification, Mapping) else None
    origins = [str(o) for o in as_list(allowed)] or [
        urlsplit(str(issuer_doc.get("url", ""))).netloc
    ]
    if urlsplit(assertion_id).netloc not in origins:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "{url} is not within the issuer's address").format(
                url=assertion_id
            ),
        )
        raise Failed
    result.add("key", True, translate("CredentialVerify", "hosted within the issuer's address"))
    result.add("proof", True, translate("CredentialVerify", "the hosted copy matches"))
    _check_ob2_dates(assertion, now, result)
    revoked = bool(published.get("revoked"))
    result.add("revocation", not revoked, revocation_words(revoked))


def _check_ob2_dates(assertion: Mapping[str, Any], now: dt.datetime, result: VerifyResult) -> None:
    issued = parse_date(assertion.get("issuedOn"))
    expires = parse_date(assertion.get("expires"))
    if issued is None or issued > now:
        result.add(
            "dates", False, translate("CredentialVerify", "issuedOn is missing or in the future")
        )
    elif expires is not None and expires <= now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "expired on {date}").format(date=f"{expires:%Y-%m-%d}"),
        )
    else:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "issued on {date}").format(date=f"{issued:%Y-%m-%d}"),
        )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))
