"""Open Badges 3.0 credentials as VC-JWT (RS256): signing, the file it is written to,
and verification."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from reviewer_app.credentials import jws
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.formats.common import JWKS_PATH, CredentialFile, unsigned_ob3
from reviewer_app.credentials.issuers import UnlockedIssuer
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
from reviewer_app.wording import translate

FILE = CredentialFile(
    extension=".jwt", png_keyword="openbadgecredential", svg_version="ob3", svg_signed=True
)


def sign(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    status_index: int | None,
    checker: BatchChecker | None,
) -> str:
    """The credential as a VC-JWT signed with the issuer's RSA key."""
    credential = unsigned_ob3(unlocked, pending, status_index, checker)
    token = jws.encode_vc_jwt(
        credential,
        unlocked.rsa,
        kid=unlocked.info.hosted(JWKS_PATH) + "#" + unlocked.rsa_key_id,
    )
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
    """The key named by `kid` (a URL into the issuer's published JWKS); an embedded
    `jwk` counts only when the issuer publishes that same key."""
    kid = header.get("kid")
    jwks_url, _, key_id = str(kid or "").partition("#")
    published = fetch(jwks_url) if jwks_url.startswith("https://") else None
    keys = [k for k in as_list((published or {}).get("keys")) if isinstance(k, Mapping)]
    wanted = header.get("jwk")
    for entry in keys:
        if (key_id and entry.get("kid") == key_id) or (
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
