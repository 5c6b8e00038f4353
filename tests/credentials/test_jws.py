"""Compact JWS (RS256) and Open Badges 3.0 VC-JWT."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from reviewer_app.credentials import jws, keys
from reviewer_app.credentials.jws import (
    CredentialExpired,
    CredentialNotYetValid,
    JwsError,
    decode_vc_jwt,
    encode_vc_jwt,
    read_unverified,
    sign_compact,
    verify_compact,
)
from reviewer_app.errors import UserError

KID = "https://example.edu/issuers/565049/keys/1.json"


@pytest.fixture(scope="module")
def rsa_key() -> RSAPrivateKey:
    return keys.generate_rsa(2048)


@pytest.fixture(scope="module")
def other_key() -> RSAPrivateKey:
    return keys.generate_rsa(2048)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(token: str, index: int) -> bytes:
    part = token.split(".")[index]
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _credential(**changes: Any) -> dict[str, Any]:
    credential: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://example.edu/issuers/565049", "type": ["Profile"], "name": "Ex"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Families as partners",
        "credentialSubject": {
            "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.edu/achievements/fap", "name": "FAP"},
        },
    }
    credential.update(changes)
    return {name: value for name, value in credential.items() if value is not None}


# --- compact JWS --------------------------------------------------------------------


def test_default_header_is_exactly_alg_rs256(rsa_key: RSAPrivateKey) -> None:
    token = sign_compact(b'{"a":1}', rsa_key)
    # Open Badges 2.0 signed assertions: no "typ" (PyJWT would add "typ": "JWT").
    assert _segment(token, 0) == b'{"alg":"RS256"}'
    assert read_unverified(token) == ({"alg": "RS256"}, b'{"a":1}')


def test_round_trip_keeps_payload_bytes(rsa_key: RSAPrivateKey) -> None:
    payload = '{"name":"Zoë","x":[1,2]}'.encode()
    token = sign_compact(payload, rsa_key)
    assert verify_compact(token, rsa_key.public_key()) == payload
    assert verify_compact(f"  {token}\n", rsa_key.public_key()) == payload


def test_headers_added_when_asked(rsa_key: RSAPrivateKey) -> None:
    jwk = keys.public_jwk(rsa_key.public_key())
    token = sign_compact(b"{}", rsa_key, headers={"kid": KID, "typ": "JWT", "jwk": jwk})
    header, _ = read_unverified(token)
    assert header == {"alg": "RS256", "kid": KID, "typ": "JWT", "jwk": jwk}


@pytest.mark.parametrize("name", ["alg", "b64", "crit"])
def test_callers_cannot_override_security_headers(rsa_key: RSAPrivateKey, name: str) -> None:
    value: Any = {"alg": "none", "b64": False, "crit": ["b64"]}[name]
    with pytest.raises(ValueError, match=name):
        sign_compact(b"{}", rsa_key, headers={name: value})


def test_private_jwk_header_is_refused(rsa_key: RSAPrivateKey) -> None:
    jwk = {**keys.public_jwk(rsa_key.public_key()), "d": "secret"}
    with pytest.raises(ValueError, match="public"):
        sign_compact(b"{}", rsa_key, headers={"jwk": jwk})


@pytest.mark.parametrize("part", [0, 1, 2])
def test_a_flipped_character_fails(rsa_key: RSAPrivateKey, part: int) -> None:
    token = sign_compact(b'{"achievement":"FAP","score":3}', rsa_key, headers={"kid": KID})
    parts = token.split(".")
    for index in (3, len(parts[part]) // 2, len(parts[part]) - 2):
        segment = parts[part]
        flipped = "B" if segment[index] != "B" else "C"
        changed = [*parts]
        changed[part] = segment[:index] + flipped + segment[index + 1 :]
        with pytest.raises(JwsError):
            verify_compact(".".join(changed), rsa_key.public_key())


def test_a_swapped_payload_fails_on_the_signature(rsa_key: RSAPrivateKey) -> None:
    header, _, signature = sign_compact(b'{"score":1}', rsa_key).split(".")
    forged = ".".join([header, _b64url(b'{"score":4}'), signature])
    assert read_unverified(forged)[1] == b'{"score":4}'  # well formed, so only the signature
    with pytest.raises(JwsError, match="signature does not match"):
        verify_compact(forged, rsa_key.public_key())


def test_another_key_fails(rsa_key: RSAPrivateKey, other_key: RSAPrivateKey) -> None:
    token = sign_compact(b"{}", rsa_key)
    with pytest.raises(JwsError, match="signature does not match"):
        verify_compact(token, other_key.public_key())


def test_alg_none_is_refused(rsa_key: RSAPrivateKey) -> None:
    payload = _b64url(b'{"a":1}')
    for alg in ("none", "None", "NONE"):
        header = _b64url(json.dumps({"alg": alg}).encode())
        for token in (f"{header}.{payload}.", f"{header}.{payload}.c2ln"):
            with pytest.raises(JwsError, match="not signed"):
                read_unverified(token)
            with pytest.raises(JwsError, match="not signed"):
                verify_compact(token, rsa_key.public_key())


def test_hs256_is_refused_even_keyed_with_the_public_key(rsa_key: RSAPrivateKey) -> None:
    # The classic confusion attack: HMAC keyed with the issuer's (public) PEM.
    pem = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = _b64url(b'{"alg":"HS256"}')
    payload = _b64url(b'{"a":1}')
    signature = _b64url(hmac.new(pem, f"{header}.{payload}".encode(), hashlib.sha256).digest())
    forged = f"{header}.{payload}.{signature}"
    with pytest.raises(JwsError, match="shared secret"):
        verify_compact(forged, rsa_key.public_key())
    # And a token made by PyJWT itself with HS256.
    token = jwt.encode({"a": 1}, "a shared secret that is long enough for hs256!!", "HS256")
    with pytest.raises(JwsError, match="RS256"):
        read_unverified(token)


@pytest.mark.parametrize("alg", ["RS512", "ES256", "PS256", 256, None])
def test_other_algorithms_are_refused(alg: object) -> None:
    header = _b64url(json.dumps({} if alg is None else {"alg": alg}).encode())
    with pytest.raises(JwsError, match=r"RS256|algorithm"):
        read_unverified(f"{header}.{_b64url(b'{}')}.c2ln")


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "part"),
        ("abc", "1 part"),
        ("a.b", "2 part"),
        ("a.b.c.d", "4 part"),
        ("a.b.c.d.e", "5 part"),
        ("!!!.e30.c2ln", "header is not valid base64url"),
        ("eyJhbGciOiJSUzI1NiJ9=.e30.c2ln", "not valid base64url"),  # padding is not JWS
        (_b64url(b"not json") + ".e30.c2ln", "header is not JSON"),
        (_b64url(b"[1]") + ".e30.c2ln", "not a JSON object"),
        (_b64url(b'{"alg":"RS256","alg":"none"}') + ".e30.c2ln", "not JSON"),
        (_b64url(b'{"alg":"RS256"}') + ".e3*.c2ln", "payload is not valid"),
        (_b64url(b'{"alg":"RS256"}') + ".e30.", "no signature"),
        (_b64url(b'{"alg":"RS256","crit":["exp"]}') + ".e30.c2ln", "crit"),
        (_b64url(b'{"alg":"RS256","b64":false}') + ".e30.c2ln", "b64"),
    ],
)
def test_malformed_tokens(token: str, message: str) -> None:
    with pytest.raises(JwsError, match=message):
        read_unverified(token)


def test_errors_are_user_errors() -> None:
    assert issubclass(JwsError, UserError)
    assert issubclass(CredentialExpired, JwsError)


def test_short_rsa_keys_are_refused(rsa_key: RSAPrivateKey) -> None:
    short = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(ValueError, match="2048"):
        sign_compact(b"{}", short)
    token = sign_compact(b"{}", rsa_key)
    with pytest.raises(JwsError, match="too short"):
        verify_compact(token, short.public_key())


# --- VC-JWT -------------------------------------------------------------------------


def test_vc_jwt_round_trip_with_kid(rsa_key: RSAPrivateKey) -> None:
    credential = _credential(validUntil="2036-01-01T00:00:00Z")
    token = encode_vc_jwt(credential, rsa_key, kid=KID)
    header, payload = read_unverified(token)
    assert header == {"alg": "RS256", "kid": KID, "typ": "JWT"}
    claims = json.loads(payload)
    # OB 3.0 section 8.2.4.1: the payload is the credential, claims beside its members.
    assert "vc" not in claims
    assert claims["iss"] == "https://example.edu/issuers/565049"
    assert claims["jti"] == credential["id"]
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert claims["nbf"] == int(dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp())
    assert claims["exp"] == int(dt.datetime(2036, 1, 1, tzinfo=dt.UTC).timestamp())
    assert {k: v for k, v in claims.items() if k not in jws.REGISTERED_CLAIMS} == credential
    assert decode_vc_jwt(token, rsa_key.public_key()) == credential


def test_vc_jwt_with_jwk_header(rsa_key: RSAPrivateKey) -> None:
    jwk = keys.public_jwk(rsa_key.public_key())
    token = encode_vc_jwt(_credential(), rsa_key, jwk=jwk)
    header, _ = read_unverified(token)
    assert header == {"alg": "RS256", "typ": "JWT", "jwk": jwk}
    assert "d" not in header["jwk"]
    assert decode_vc_jwt(token, rsa_key.public_key()) == _credential()
    both = read_unverified(encode_vc_jwt(_credential(), rsa_key, kid=KID, jwk=jwk))[0]
    assert set(both) == {"alg", "typ", "kid", "jwk"}


def test_vc_jwt_needs_a_key_reference(rsa_key: RSAPrivateKey, other_key: RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match="kid or a jwk"):
        encode_vc_jwt(_credential(), rsa_key)
    with pytest.raises(ValueError, match="public half"):
        encode_vc_jwt(_credential(), rsa_key, jwk=keys.public_jwk(other_key.public_key()))


def test_vc_jwt_string_issuer_and_no_subject_id(rsa_key: RSAPrivateKey) -> None:
    subject = {"type": ["AchievementSubject"], "identifier": [{"identityHash": "x"}]}
    credential = _credential(issuer="https://example.edu/issuers/565049", credentialSubject=subject)
    token = encode_vc_jwt(credential, rsa_key, kid=KID)
    claims = json.loads(read_unverified(token)[1])
    assert claims["iss"] == "https://example.edu/issuers/565049"
    assert "sub" not in claims  # there is no subject id to put there
    assert decode_vc_jwt(token, rsa_key.public_key()) == credential


@pytest.mark.parametrize(
    "changes",
    [
        {"id": None},
        {"issuer": {"name": "no id"}},
        {"validFrom": None},
        {"validFrom": "yesterday"},
        {"validFrom": "2026-01-01T00:00:00"},  # no time zone
        {"iss": "https://elsewhere.example"},
        {"vc": {}},
    ],
)
def test_vc_jwt_refuses_incomplete_credentials(
    rsa_key: RSAPrivateKey, changes: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        encode_vc_jwt(_credential(**changes), rsa_key, kid=KID)


def _signed_claims(key: RSAPrivateKey, claims: dict[str, Any], **header: Any) -> str:
    return sign_compact(json.dumps(claims).encode(), key, headers={"typ": "JWT", **header})


def _claims_for(credential: dict[str, Any]) -> dict[str, Any]:
    return {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(dt.datetime.fromisoformat(credential["validFrom"]).timestamp()),
    }


@pytest.mark.parametrize(
    ("claim", "value"),
    [
        ("iss", "https://impostor.example/issuer"),
        ("jti", "urn:uuid:00000000-0000-0000-0000-000000000000"),
        ("sub", "did:example:someone-else"),
        ("nbf", 0),
        ("nbf", None),
        ("iss", None),
        ("exp", 4102444800),
    ],
)
def test_vc_jwt_claims_must_agree(rsa_key: RSAPrivateKey, claim: str, value: object) -> None:
    credential = _credential(validUntil="2036-01-01T00:00:00Z")
    claims = {**credential, **_claims_for(credential), "exp": 2082758400}
    if value is None:
        del claims[claim]
    else:
        claims[claim] = value
    token = _signed_claims(rsa_key, claims, kid=KID)
    with pytest.raises(JwsError, match=claim):
        decode_vc_jwt(token, rsa_key.public_key())


def test_vc_jwt_reads_the_vc_data_model_1_1_form(rsa_key: RSAPrivateKey) -> None:
    credential = _credential(validFrom=None, issuanceDate="2026-01-01T00:00:00Z")
    claims = {**_claims_for({**credential, "validFrom": credential["issuanceDate"]})}
    token = _signed_claims(rsa_key, {**claims, "vc": credential}, kid=KID)
    assert decode_vc_jwt(token, rsa_key.public_key()) == credential


def test_vc_jwt_times(rsa_key: RSAPrivateKey) -> None:
    credential = _credential(validFrom="2030-06-01T12:00:00+02:00", validUntil="2031-06-01T00:00Z")
    token = encode_vc_jwt(credential, rsa_key, kid=KID)
    key = rsa_key.public_key()
    with pytest.raises(CredentialNotYetValid, match="not valid yet") as early:
        decode_vc_jwt(token, key, now=dt.datetime(2029, 1, 1, tzinfo=dt.UTC))
    assert early.value.credential == credential
    assert decode_vc_jwt(token, key, now=dt.datetime(2030, 12, 1, tzinfo=dt.UTC)) == credential
    with pytest.raises(CredentialExpired, match="expired") as late:
        decode_vc_jwt(token, key, now=dt.datetime(2031, 6, 1, tzinfo=dt.UTC))
    assert late.value.credential == credential
    # Without a moment, dates are left to the caller: only signature and claims count.
    assert decode_vc_jwt(token, key) == credential
    assert decode_vc_jwt(token, key, now=dt.datetime(2030, 6, 1, 10, 1, tzinfo=dt.UTC))
    with pytest.raises(CredentialNotYetValid):  # more than a few minutes early
        decode_vc_jwt(token, key, now=dt.datetime(2030, 6, 1, 9, 50, tzinfo=dt.UTC))


def test_vc_jwt_fractional_seconds_map_to_whole_seconds(rsa_key: RSAPrivateKey) -> None:
    credential = _credential(validFrom="2026-01-01T00:00:00.750Z")
    token = encode_vc_jwt(credential, rsa_key, kid=KID)
    assert json.loads(read_unverified(token)[1])["nbf"] == 1767225600
    assert decode_vc_jwt(token, rsa_key.public_key()) == credential


def test_vc_jwt_tampered_or_wrong_key(rsa_key: RSAPrivateKey, other_key: RSAPrivateKey) -> None:
    token = encode_vc_jwt(_credential(), rsa_key, kid=KID)
    header, _, signature = token.split(".")
    claims = json.loads(_segment(token, 1))
    claims["name"] = "Something grander"
    forged = ".".join([header, _b64url(json.dumps(claims).encode()), signature])
    with pytest.raises(JwsError, match="signature"):
        decode_vc_jwt(forged, rsa_key.public_key())
    with pytest.raises(JwsError, match="signature"):
        decode_vc_jwt(token, other_key.public_key())


def test_vc_jwt_refuses_other_types_and_private_jwk(rsa_key: RSAPrivateKey) -> None:
    credential = _credential()
    claims = {**credential, **_claims_for(credential)}
    with pytest.raises(JwsError, match="type"):
        decode_vc_jwt(_signed_claims(rsa_key, claims, typ="at+jwt"), rsa_key.public_key())
    header = _b64url(
        json.dumps(
            {"alg": "RS256", "jwk": {"kty": "RSA", "n": "x", "e": "AQAB", "d": "y"}}
        ).encode()
    )
    _, payload, signature = sign_compact(json.dumps(claims).encode(), rsa_key).split(".")
    with pytest.raises(JwsError, match="private key"):
        decode_vc_jwt(f"{header}.{payload}.{signature}", rsa_key.public_key())


def test_vc_jwt_payload_must_be_an_object(rsa_key: RSAPrivateKey) -> None:
    for payload in (b"[1]", b"not json", b"\xff"):
        with pytest.raises(JwsError, match="payload"):
            decode_vc_jwt(sign_compact(payload, rsa_key), rsa_key.public_key())
