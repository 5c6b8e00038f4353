"""Compact JWS with RS256, and VC-JWT for Open Badges 3.0.

Open Badges 2.0 signed assertions are a compact JWS whose header is exactly
{"alg": "RS256"}; PyJWT adds "typ": "JWT" by default, so that is switched off here.

Open Badges 3.0 (section 8.2, "VC-JWT Proof Format", written against VC Data Model 2.0):
the JWT payload IS the credential, with the registered claims beside its members:
`iss` = issuer.id, `jti` = id, `sub` = credentialSubject.id, `nbf` = validFrom and
`exp` = validUntil when there is one. The older VC Data Model 1.1 form wrapped the
credential in a `vc` claim and used issuanceDate / expirationDate; the spec asks
verifiers to accept it, so `decode_vc_jwt` reads both, and `encode_vc_jwt` writes the
current form. The JOSE header may hold only `alg`, `kid`, `jwk` and `typ` ("JWT").
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

import jwt
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from reviewer_app.credentials.keys import MIN_RSA_BITS, public_jwk
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

ALGORITHM = "RS256"
# RFC 7519 section 4.1: these sit beside the credential's members, never inside it.
REGISTERED_CLAIMS = frozenset({"iss", "sub", "aud", "exp", "nbf", "iat", "jti"})
# RFC 7517 / 7518: members that only a private (or symmetric) JWK has.
_PRIVATE_JWK_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
_BASE64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_NBF_LEEWAY = dt.timedelta(minutes=5)  # a verifier's clock may run a little behind

# Only RS256 is registered, so a token naming any other algorithm cannot be verified here,
# and keys under 2048 bits are an error rather than a warning.
_jws = jwt.PyJWS(algorithms=[ALGORITHM], options={"enforce_minimum_key_length": True})


class JwsError(UserError):
    """A token that is malformed, not RS256, or whose signature or claims do not hold."""


class CredentialOutOfDate(JwsError):
    """The signature and claims hold, but the credential is not valid at this moment.
    `credential` is what was signed, so a report can still show what it was."""

    def __init__(self, message: str, credential: dict[str, Any]) -> None:
        super().__init__(message)
        self.credential = credential


class CredentialNotYetValid(CredentialOutOfDate):
    """The credential's validFrom is still in the future."""


class CredentialExpired(CredentialOutOfDate):
    """The credential's validUntil has passed."""


def sign_compact(
    payload: bytes, key: RSAPrivateKey, *, headers: Mapping[str, Any] | None = None
) -> str:
    """A compact JWS of `payload`, RS256; the header is {"alg": "RS256"} plus `headers`."""
    if not isinstance(key, RSAPrivateKey):
        raise TypeError(f"RS256 needs an RSA private key, not {type(key).__name__}")
    if key.key_size < MIN_RSA_BITS:
        raise ValueError(f"RSA keys must have at least {MIN_RSA_BITS} bits to sign")
    extra = dict(headers or {})
    # PyJWT lets a header's "alg" override the algorithm and "b64" detach the payload;
    # neither may slip in through here.
    for name in ("alg", "b64", "crit"):
        if name in extra and not (name == "alg" and extra[name] == ALGORITHM):
            raise ValueError(f'The "{name}" header is set by sign_compact, not by callers')
    jwk = extra.get("jwk")
    if jwk is not None:
        _check_public_jwk(jwk)
    # "typ": None removes PyJWT's default "typ": "JWT" unless a caller asks for a typ.
    return _jws.encode(payload, key, algorithm=ALGORITHM, headers={"typ": None, **extra})


def signed_by(token: str, public_key: RSAPublicKey) -> bool:
    """Whether a compact RS256 JWS that this program has just made carries a signature
    `public_key` verifies: the RSA verification alone, without reading the token again
    (`verify_compact` is for tokens from elsewhere)."""
    signing_input, _, signature = token.strip().rpartition(".")
    try:
        public_key.verify(
            base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)),
            signing_input.encode("ascii"),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


def read_unverified(token: str) -> tuple[dict[str, Any], bytes]:
    """The header and payload of a compact JWS, checked for shape but NOT for signature."""
    if not isinstance(token, str):
        raise JwsError(translate("SignedTokens", "A signed token must be text."))
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise JwsError(
            translate(
                "SignedTokens",
                "This is not a compact JWS: it has {n} part(s) separated by dots, not three.",
            ).format(n=len(parts))
        )
    header_bytes = _b64url_decode(parts[0], "header")
    try:
        header = json.loads(header_bytes.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JwsError(translate("SignedTokens", "The token's header is not JSON.")) from None
    if not isinstance(header, dict):
        raise JwsError(translate("SignedTokens", "The token's header is not a JSON object."))
    # The algorithm before the rest, so an unsigned token is called that, not "malformed".
    alg = header.get("alg")
    if alg != ALGORITHM:
        raise JwsError(_refusal(alg))
    if "crit" in header:
        # RFC 7515 section 4.1.11: unknown critical extensions must be refused.
        raise JwsError(
            translate(
                "SignedTokens",
                "The token asks for JWS extensions (crit) that this app does not support.",
            )
        )
    if header.get("b64", True) is not True:
        raise JwsError(
            translate(
                "SignedTokens", "The token uses an unencoded payload (b64), which is not supported."
            )
        )
    payload = _b64url_decode(parts[1], "payload")
    if not _b64url_decode(parts[2], "signature"):
        raise JwsError(translate("SignedTokens", "The token has no signature."))
    return header, payload


def verify_compact(token: str, public_key: RSAPublicKey) -> bytes:
    """The payload of a compact RS256 JWS whose signature `public_key` verifies."""
    if not isinstance(public_key, RSAPublicKey):
        raise TypeError(f"RS256 needs an RSA public key, not {type(public_key).__name__}")
    read_unverified(token)  # shape and algorithm first, with plain-word errors
    try:
        payload: bytes = _jws.decode(token.strip(), public_key, algorithms=[ALGORITHM])
    except jwt.InvalidSignatureError:
        raise JwsError(
            translate(
                "SignedTokens",
                "The signature does not match: the token was changed after it was signed, "
                "or it was signed with a different key.",
            )
        ) from None
    except jwt.InvalidKeyError:
        raise JwsError(
            translate(
                "SignedTokens", "The public key is too short to be trusted (under {bits} bits)."
            ).format(bits=MIN_RSA_BITS)
        ) from None
    except jwt.PyJWTError as error:
        raise JwsError(
            translate("SignedTokens", "The token cannot be verified: {problem}.").format(
                problem=error
            )
        ) from None
    return payload


def encode_vc_jwt(
    credential: Mapping[str, Any],
    key: RSAPrivateKey,
    *,
    kid: str | None = None,
    jwk: Mapping[str, Any] | None = None,
) -> str:
    """An Open Badges 3.0 credential as a VC-JWT signed with `key`.

    The header names the verification key by `kid` (a URL or DID URL that dereferences to
    a JWK) or carries it as `jwk`; at least one is required, as the spec says.
    """
    if kid is None and jwk is None:
        raise ValueError("A VC-JWT header needs a kid or a jwk to name its key")
    clash = (REGISTERED_CLAIMS | {"vc"}) & credential.keys()
    if clash:
        raise ValueError(f"The credential already has JWT claim names: {sorted(clash)}")
    header: dict[str, Any] = {"typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    if jwk is not None:
        _check_public_jwk(jwk)
        mine = public_jwk(key.public_key())
        if (jwk.get("kty"), jwk.get("n"), jwk.get("e")) != (mine["kty"], mine["n"], mine["e"]):
            raise ValueError("The jwk header is not the public half of the signing key")
        header["jwk"] = dict(jwk)
    claims = _expected_claims(credential, ValueError)
    body = {**credential, **claims}
    return sign_compact(_json_bytes(body), key, headers=header)


def decode_vc_jwt(
    token: str, public_key: RSAPublicKey, *, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The credential in a VC-JWT, once its signature holds and its claims agree with it.

    Dates are checked only when `now` is given: a verifier that reports validity on its
    own line (signature fine, but expired) passes none. With `now`, raises
    `CredentialNotYetValid` / `CredentialExpired` (both `JwsError`, carrying the
    credential) when the signature and claims hold but the credential is not valid then.
    """
    header, _ = read_unverified(token)
    if header.get("typ", "JWT") not in ("JWT", "vc+jwt"):
        raise JwsError(
            translate("SignedTokens", 'The token\'s type is "{type}", not a JWT.').format(
                type=header.get("typ")
            )
        )
    if isinstance(header.get("jwk"), Mapping) and _PRIVATE_JWK_MEMBERS & header["jwk"].keys():
        raise JwsError(
            translate(
                "SignedTokens", "The token's header carries a private key; it must not be trusted."
            )
        )
    payload = verify_compact(token, public_key)
    try:
        claims = json.loads(payload.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JwsError(translate("SignedTokens", "The token's payload is not JSON.")) from None
    if not isinstance(claims, dict):
        raise JwsError(translate("SignedTokens", "The token's payload is not a JSON object."))

    wrapped = claims.get("vc")
    if isinstance(wrapped, dict):  # the VC Data Model 1.1 form
        credential = wrapped
    else:
        credential = {
            name: value for name, value in claims.items() if name not in REGISTERED_CLAIMS
        }

    expected = _expected_claims(credential, JwsError)
    for name in ("iss", "jti", "sub"):
        if claims.get(name) != expected.get(name):
            raise JwsError(_mismatch(name))
    nbf = _numeric_date(claims.get("nbf"), "nbf")
    if nbf is None or nbf != expected["nbf"]:
        raise JwsError(_mismatch("nbf"))
    exp = _numeric_date(claims.get("exp"), "exp")
    # A 1.1-style token may set the expiry by `exp` alone; the spec says to take it then.
    if "exp" in expected and exp != expected["exp"]:
        raise JwsError(_mismatch("exp"))

    if now is None:
        return credential
    starts = dt.datetime.fromtimestamp(nbf, dt.UTC)
    if starts > now + _NBF_LEEWAY:
        raise CredentialNotYetValid(
            translate(
                "SignedTokens", "The credential is not valid yet: it is valid from {start}."
            ).format(start=starts.isoformat()),
            credential,
        )
    if exp is not None:
        ends = dt.datetime.fromtimestamp(exp, dt.UTC)
        if ends <= now:
            raise CredentialExpired(
                translate("SignedTokens", "The credential expired on {end}.").format(
                    end=ends.isoformat()
                ),
                credential,
            )
    return credential


# --- helpers ------------------------------------------------------------------------


def _mismatch(claim: str) -> str:
    """Why the token's `claim` is refused: it says something else than the credential."""
    return {
        "iss": translate(
            "SignedTokens", "The token's \"iss\" claim does not match the credential's issuer id."
        ),
        "jti": translate(
            "SignedTokens",
            "The token's \"jti\" claim does not match the credential's credential id.",
        ),
        "sub": translate(
            "SignedTokens", "The token's \"sub\" claim does not match the credential's subject id."
        ),
        "nbf": translate(
            "SignedTokens", "The token's \"nbf\" claim does not match the credential's validFrom."
        ),
        "exp": translate(
            "SignedTokens", "The token's \"exp\" claim does not match the credential's validUntil."
        ),
    }[claim]


def _expected_claims(credential: Mapping[str, Any], error: type[Exception]) -> dict[str, Any]:
    """The JWT claims that `credential` calls for, by the OB 3.0 mapping.

    `sub` is left out when the subject has no id: OB 3.0 lets a subject be known by
    `identifier` alone, and then there is nothing for `sub` to hold.
    """
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
    credential_id = credential.get("id")
    if not isinstance(issuer_id, str) or not issuer_id:
        raise error(translate("SignedTokens", "The credential has no issuer id."))
    if not isinstance(credential_id, str) or not credential_id:
        raise error(translate("SignedTokens", "The credential has no id."))
    claims: dict[str, Any] = {"iss": issuer_id, "jti": credential_id}
    subject = credential.get("credentialSubject")
    if isinstance(subject, Mapping) and subject.get("id") is not None:
        claims["sub"] = subject["id"]
    valid_from = credential.get("validFrom", credential.get("issuanceDate"))
    if valid_from is None:
        raise error(translate("SignedTokens", "The credential has no validFrom date."))
    claims["nbf"] = _seconds(valid_from, "validFrom", error)
    valid_until = credential.get("validUntil", credential.get("expirationDate"))
    if valid_until is not None:
        claims["exp"] = _seconds(valid_until, "validUntil", error)
    return claims


def _seconds(value: Any, name: str, error: type[Exception]) -> int:
    """A credential date as a JWT NumericDate: whole seconds since 1970, UTC."""
    if not isinstance(value, str):
        raise error(
            translate("SignedTokens", "The credential's {name} is not a date.").format(name=name)
        )
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise error(
            translate("SignedTokens", 'The credential\'s {name} ("{value}") is not a date.').format(
                name=name, value=value[:40]
            )
        ) from None
    if moment.tzinfo is None:
        raise error(
            translate("SignedTokens", "The credential's {name} has no time zone.").format(name=name)
        )
    return math.floor(moment.timestamp())


def _numeric_date(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise JwsError(
            translate(
                "SignedTokens", 'The token\'s "{name}" claim is not a date in seconds.'
            ).format(name=name)
        )
    return math.floor(value)


def _check_public_jwk(jwk: Any) -> None:
    if not isinstance(jwk, Mapping):
        raise ValueError("A jwk header must be a JSON object")
    if _PRIVATE_JWK_MEMBERS & jwk.keys():
        # OB 3.0: the header JWK "MUST never contain d" - it would publish the private key.
        raise ValueError("A jwk header must hold only the public key")


def _refusal(alg: Any) -> str:
    if alg is None:
        return translate("SignedTokens", "The token's header names no signing algorithm.")
    if alg == "none" or (isinstance(alg, str) and alg.lower() == "none"):
        return translate(
            "SignedTokens",
            'The token is not signed (its algorithm is "none"); it cannot be trusted.',
        )
    if isinstance(alg, str) and alg.upper().startswith("HS"):
        return translate(
            "SignedTokens",
            'The token is signed with a shared secret ("{alg}"), which proves nothing '
            "about the issuer; only RS256 signatures are accepted.",
        ).format(alg=alg[:20])
    return translate(
        "SignedTokens", 'The token uses the algorithm "{alg}"; only RS256 is accepted.'
    ).format(alg=str(alg)[:20])


def _b64url_decode(part: str, name: str) -> bytes:
    # RFC 7515: base64url without padding; anything else is refused, not repaired.
    if not set(part) <= _BASE64URL or len(part) % 4 == 1:
        raise JwsError(_not_base64url(name))
    try:
        data = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise JwsError(_not_base64url(name)) from None
    if base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii") != part:
        raise JwsError(_not_base64url(name))
    return data


def _not_base64url(part: str) -> str:
    return {
        "header": translate("SignedTokens", "The token's header is not valid base64url."),
        "payload": translate("SignedTokens", "The token's payload is not valid base64url."),
        "signature": translate("SignedTokens", "The token's signature is not valid base64url."),
    }[part]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # RFC 7515 section 5.2: a header with a name twice is refused, not read either way.
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise ValueError(f"duplicate member {name!r}")
        result[name] = value
    return result


def _json_bytes(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
