"""Open Badges 3.0 credentials as VC-JWT (RS256): signing, the file it is written to,
and verification."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from reviewer_app.credentials import jws
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.formats.common import CredentialFile, ExportError, unsigned_ob3
from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.key_resolution import key_belongs, rsa_key
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.verify_common import (
    Failed,
    Fetch,
    VerifyResult,
    as_list,
    check_dates,
    check_schema,
    check_status,
    issuer_id,
)
from reviewer_app.errors import UserError
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate

FILE = CredentialFile(
    extension=".jwt",
    png_keyword="openbadgecredential",
    svg_version=CredentialFormat.OB3,
    svg_signed=True,
)


def key_id(unlocked: UnlockedIssuer) -> str:
    """The token's `kid`: the RSA key's verification method in the issuer's own DID
    document, so that the issuer's identifier resolves to the key that signed. A did:key
    identifier is an Ed25519 key and can name no RSA key: such an issuer cannot sign
    VC-JWTs that tie to it, and is refused (Data Integrity proofs work for it)."""
    if not unlocked.info.id.startswith("did:web:"):
        raise ExportError(needs_did_web())
    return f"{unlocked.info.id}#{unlocked.rsa_key_id}"


def needs_did_web() -> str:
    return translate(
        "CredentialExport",
        "VC-JWT credentials need an issuer with a did:web identifier: its DID document "
        "publishes the RSA key that signs them, so verifiers can tell the key is the "
        "issuer's. A did:key identifier is itself an Ed25519 key and cannot name an RSA "
        "key. Export with Data Integrity proofs (the default), or create a did:web issuer.",
    )


def sign(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> str:
    """The credential as a VC-JWT signed with the issuer's RSA key."""
    credential = unsigned_ob3(unlocked, pending, status_index, checker)
    token = jws.encode_vc_jwt(credential, unlocked.rsa_key(), kid=key_id(unlocked))
    unlocked.check_rsa(token)
    return token


def verify(
    token: str,
    header: Mapping[str, Any],
    claims: Mapping[str, Any],
    fetch: Fetch,
    now: dt.datetime,
    result: VerifyResult,
) -> None:
    credential = claims.get("vc", claims)
    if not isinstance(credential, dict):
        result.add(
            "format", False, translate("CredentialVerify", "the JWT's vc claim is not an object")
        )
        raise Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 3.0 VC-JWT"))
    check_schema(credential, as_list(credential.get("type")), result)
    key = _rsa_key_for(header, issuer_id(credential), fetch, result)
    try:
        jws.decode_vc_jwt(token, key)
    except UserError as e:
        result.add("proof", False, str(e))
        raise Failed from None
    result.add("proof", True, translate("CredentialVerify", "the RS256 signature matches"))
    check_dates(credential, now, result)
    check_status(credential, fetch, result)


def _rsa_key_for(
    header: Mapping[str, Any], issuer: str | None, fetch: Fetch, result: VerifyResult
) -> RSAPublicKey:
    """The key named by `kid`: a verification method the issuer's identifier resolves
    to (its DID document or https profile lists it for assertions), or, in older tokens,
    a URL into the issuer's published JWKS; an embedded `jwk` counts only when the
    issuer publishes that same key."""
    kid = header.get("kid")
    if isinstance(kid, str) and (kid.startswith("did:") or kid.split("#")[0] == issuer):
        # A verification method of the issuer's own identifier (DID document or profile).
        if not key_belongs(kid, issuer, fetch, result):
            raise Failed
        key = rsa_key(kid, fetch)
        if key is None:
            result.checks.pop()  # the listing held, but the key itself is not published
            result.add(
                "key",
                False,
                translate("CredentialVerify", "The key {method} is not published.").format(
                    method=kid
                ),
            )
            raise Failed
        return key
    # Tokens signed before kid named a verification method: a URL into the JWKS.
    jwks_url, _, key_id = str(kid or "").partition("#")
    published = fetch(jwks_url) if jwks_url.startswith("https://") else None
    keys = [k for k in as_list((published or {}).get("keys")) if isinstance(k, Mapping)]
    wanted = header.get("jwk")
    for entry in keys:
        listed = str(entry.get("kid", ""))
        if (key_id and (listed == key_id or listed.endswith("#" + key_id))) or (
            isinstance(wanted, Mapping) and entry.get("n") == wanted.get("n")
        ):
            result.add(
                "key",
                True,
                translate("CredentialVerify", "published by the issuer at {url}").format(
                    url=jwks_url
                ),
            )
            return _rsa_from_jwk(entry)
    if published is None:
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the issuer's keys ({kid}) are not in the hosting folder"
            ).format(kid=kid or translate("CredentialVerify", "no kid")),
        )
    else:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "{url} does not publish the signing key").format(
                url=jwks_url
            ),
        )
    raise Failed


def _rsa_from_jwk(entry: Mapping[str, Any]) -> RSAPublicKey:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers

    def number(name: str) -> int:
        import base64

        raw = str(entry[name])
        return int.from_bytes(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)), "big")

    return RSAPublicNumbers(number("e"), number("n")).public_key()
