"""Open Badges 2.0 signed assertions, and the files their issuer publishes, from plain values.

An OB 2.0 signed badge is a compact JWS (RS256) whose payload is the Assertion. A
verifier then fetches, from the issuer's web space, the BadgeClass, the issuer Profile,
the CryptographicKey named in `verification.creator` (which must be listed in the
Profile's `publicKey`) and the Profile's RevocationList. `hosting_files` makes all of
them, laid out as `HOSTING` says under the export's `hosting/` folder, which is served at
`IssuerInfo.base_url`.

Everything here builds JSON-ready dicts and bytes only: signing is the caller's
`sign` function (bytes -> compact JWS), so the same inputs always give the same bytes.
Spec texts: resources/standards/ob2/ (examples and baking).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

from reviewer_app.credentials.model import AchievementInfo, AwardInfo, EvidenceInfo, IssuerInfo

OB2_CONTEXT: Final = "https://w3id.org/openbadges/v2"

# Relative paths under hosting/; "{key_id}" and "{slug}" are filled in.
HOSTING: Final[Mapping[str, str]] = MappingProxyType(
    {
        "issuer": "ob2/issuer.json",
        "key": "ob2/keys/{key_id}.json",
        "revocations": "ob2/revocations.json",
        "badge": "ob2/badges/{slug}.json",
    }
)

# Key ids become file names: the same rule as the key store's.
_KEY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
# Signed assertions are named by urn:uuid; OB 2.0 validators take only UUID versions 1-5
# (the IMS one matches exactly this), so a v7 id would be refused.
_ASSERTION_ID = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
)
_ALIGNMENT_FIELDS = (
    "targetName",
    "targetUrl",
    "targetDescription",
    "targetFramework",
    "targetCode",
)


# URLs ---------------------------------------------------------------------------------


def issuer_url(issuer: IssuerInfo) -> str:
    """The issuer Profile's `id`: OB 2.0 verifiers need an HTTP(S) one, so it is the
    hosted profile's URL, whatever `issuer.id` is (a DID, for Open Badges 3.0)."""
    return issuer.hosted(HOSTING["issuer"])


def key_url(issuer: IssuerInfo, key_id: str) -> str:
    if not _KEY_ID.fullmatch(key_id):
        raise ValueError(f"Key id {key_id!r} must be 1-64 letters, digits, '.', '_' or '-'")
    return issuer.hosted(HOSTING["key"].format(key_id=key_id))


def revocation_list_url(issuer: IssuerInfo) -> str:
    return issuer.hosted(HOSTING["revocations"])


def badge_slug(achievement: AchievementInfo) -> str:
    """A readable, stable file name for one version of a micro-credential: its name, a
    tag from its URI (two micro-credentials may share a name) and its version, so that
    a new version never changes the BadgeClass that earlier assertions point at."""
    plain = unicodedata.normalize("NFKD", achievement.name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "badge"
    tag = hashlib.sha256(achievement.id.encode()).hexdigest()[:8]
    return f"{name}-{tag}-v{achievement.version}"


def badge_url(issuer: IssuerInfo, slug: str) -> str:
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"Badge slug {slug!r} must be lower-case letters, digits and '-'")
    return issuer.hosted(HOSTING["badge"].format(slug=slug))


# Values -------------------------------------------------------------------------------


def iso(moment: dt.datetime) -> str:
    """ISO 8601 in UTC to the second with "Z": the OB 2.0 validator wants a zone."""
    if moment.tzinfo is None:
        raise ValueError("badge dates must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalized_email(email: str) -> str:
    """Emails are hashed trimmed and lower-cased, as people type them either way (and as
    the Open Badges 3.0 credentials of this app hash them); a verifier hashes the
    address it is given as is, so the earner presents it in lower case."""
    return email.strip().lower()


def identity_hash(identity: str, salt: str) -> str:
    """An OB 2.0 IdentityHash: "sha256$" and the lower-case hex SHA-256 of identity + salt."""
    return "sha256$" + hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()


def recipient(award: AwardInfo) -> dict[str, Any]:
    """The IdentityObject, always salted and hashed. The email is preferred (what OB 2.0
    platforms match earners by); without one, the earner's DID or URL has type `url`,
    hashed as given since such identifiers are case-sensitive."""
    if award.recipient_email and award.recipient_email.strip():
        kind, identity = "email", normalized_email(award.recipient_email)
    elif award.recipient_did and award.recipient_did.strip():
        kind, identity = "url", award.recipient_did.strip()
    else:
        raise ValueError(f"{award.submission_id}: the earner has neither an email nor a DID")
    if not award.salt:
        raise ValueError(f"{award.submission_id}: the recipient hash needs a salt")
    return {
        "type": kind,
        "hashed": True,
        "salt": award.salt,
        "identity": identity_hash(identity, award.salt),
    }


def evidence_entry(item: EvidenceInfo) -> dict[str, Any]:
    """One Evidence object, described but never shipped. A file's SHA-256 goes in the
    description: OB 2.0 has no hash property, and the validator only takes HTTP(S) or
    urn:uuid ids, so the `ni:` URI of the 3.0 credentials cannot be the id here."""
    entry: dict[str, Any] = {"type": "Evidence", "name": item.name}
    if item.sha256:
        entry["description"] = f"SHA-256 {item.sha256}" + (
            f", {item.media_type}" if item.media_type else ""
        )
    if item.narrative:
        entry["narrative"] = item.narrative
    return entry


def alignment_object(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    """An AlignmentObject, or None for an entry OB 2.0 cannot express: it requires both
    `targetName` and `targetUrl`."""
    if not entry.get("targetName") or not entry.get("targetUrl"):
        return None
    out: dict[str, Any] = {"type": "AlignmentObject"}
    for key in _ALIGNMENT_FIELDS:
        if entry.get(key):
            out[key] = str(entry[key])
    return out


# Documents ----------------------------------------------------------------------------


def issuer_profile(issuer: IssuerInfo, key_ids: Sequence[str]) -> dict[str, Any]:
    """The issuer Profile. `publicKey` lists every key in `key_ids`: a key must stay
    listed for as long as assertions it signed are to verify."""
    if not issuer.email:
        # Required of OB 2.0 issuer profiles (and checked by the IMS validator).
        raise ValueError(f"The issuer {issuer.name!r} needs a contact email for Open Badges 2.0")
    if not key_ids:
        raise ValueError("An Open Badges 2.0 signing issuer publishes at least one key")
    keys = [key_url(issuer, k) for k in dict.fromkeys(key_ids)]
    profile: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": issuer_url(issuer),
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
        # One key as a plain string, several as a list: equal in JSON-LD, and the plain
        # form is what single-value readers expect.
        "publicKey": keys[0] if len(keys) == 1 else keys,
        "revocationList": revocation_list_url(issuer),
    }
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.image_url:
        profile["image"] = issuer.image_url
    return profile


def crypto_key(issuer: IssuerInfo, key_id: str, public_pem: str) -> dict[str, Any]:
    if "-----BEGIN PUBLIC KEY-----" not in public_pem:
        raise ValueError(f"Key {key_id!r}: publicKeyPem must be a PEM SubjectPublicKeyInfo")
    return {
        "@context": OB2_CONTEXT,
        "type": "CryptographicKey",
        "id": key_url(issuer, key_id),
        "owner": issuer_url(issuer),
        "publicKeyPem": public_pem,
    }


def revocation_list(issuer: IssuerInfo, revoked: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The RevocationList; `revoked` is (assertion id, reason) pairs, listed by id."""
    pairs = sorted(dict(revoked).items())
    entries: list[str | dict[str, str]] = [
        {"id": assertion_id, "revocationReason": reason} for assertion_id, reason in pairs
    ]
    if len(pairs) == 1:
        # JSON-LD compaction turns a one-item list into the item itself, and the IMS
        # validator then walks the object's keys instead of the entries: a lone revoked
        # assertion would pass as valid. The bare id as well (both forms are in the
        # spec's example) keeps it a list, so every verifier sees the revocation.
        entries.insert(0, pairs[0][0])
    return {
        "@context": OB2_CONTEXT,
        "type": "RevocationList",
        "id": revocation_list_url(issuer),
        "issuer": issuer_url(issuer),
        "revokedAssertions": entries,
    }


def badge_class(
    achievement: AchievementInfo,
    issuer: IssuerInfo,
    *,
    slug: str | None = None,
    criteria_url: str | None = None,
) -> dict[str, Any]:
    """The BadgeClass for one version of a micro-credential, hosted at
    `badge_url(issuer, slug)`; its image is wherever `achievement.image_url` says."""
    criteria: dict[str, Any] = {"narrative": achievement.criteria}
    if criteria_url:
        criteria["id"] = criteria_url
    data: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": badge_url(issuer, slug or badge_slug(achievement)),
        "name": achievement.name,
        "description": achievement.description,
        "image": achievement.image_url,
        "criteria": criteria,
        "issuer": issuer_url(issuer),
        "version": achievement.version,
    }
    if achievement.tags:
        data["tags"] = list(achievement.tags)
    alignment = [a for a in map(alignment_object, achievement.alignment) if a is not None]
    if alignment:
        data["alignment"] = alignment
    return data


def assertion(
    award: AwardInfo, issuer: IssuerInfo, *, badge: Mapping[str, Any], key_url: str
) -> dict[str, Any]:
    """The Assertion for one award, to be signed with the key published at `key_url`.

    Its id is the award's urn:uuid (the spec's choice for signed assertions, which have
    no hosted copy; it is also what the revocation list names). The BadgeClass is
    embedded as it was at issue; verifiers still fetch the hosted one by its id."""
    if not _ASSERTION_ID.fullmatch(award.credential_id):
        raise ValueError(f"{award.credential_id!r} is not a lower-case urn:uuid (version 1-5)")
    if not key_url.startswith(issuer.base_url):
        raise ValueError(f"The signing key {key_url} is not published by {issuer.name!r}")
    embedded = {k: v for k, v in badge.items() if k != "@context"}
    data: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": award.credential_id,
        "recipient": recipient(award),
        "badge": embedded,
        "verification": {"type": "SignedBadge", "creator": key_url},
        "issuedOn": iso(award.issued_at),
    }
    if award.evidence:
        data["evidence"] = [evidence_entry(e) for e in award.evidence]
    if award.feedback:
        data["narrative"] = award.feedback
    return data


# Bytes --------------------------------------------------------------------------------


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: one text per document, so a re-export signs (and
    RS256, being deterministic, produces) the same bytes."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def sign_assertion(assertion: Mapping[str, Any], sign: Callable[[bytes], str]) -> str:
    """The compact JWS of the assertion's canonical bytes, made by `sign`, checked to
    carry exactly those bytes (a signer that re-serializes would break reproducibility)."""
    payload = canonical_bytes(assertion)
    return signed_as(payload, sign(payload))


def signed_as(payload: bytes, token: str) -> str:
    """`token` (stripped), once it is a compact JWS that carries exactly `payload`."""
    token = token.strip()
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise ValueError("The signer did not return a compact JWS")
    try:
        signed = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("The signer returned a JWS whose payload is not base64url") from None
    if signed != payload:
        raise ValueError("The signer changed the assertion's bytes")
    return token


def pretty_json(document: Mapping[str, Any]) -> bytes:
    """How hosted files are written: indented, sorted, UTF-8, ending in a newline."""
    return (json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )


def hosting_files(
    issuer: IssuerInfo,
    badges: Iterable[Mapping[str, Any]],
    keys: Iterable[tuple[str, str]],
    revoked: Iterable[tuple[str, str]],
) -> dict[str, bytes]:
    """Every OB 2.0 file the issuer publishes, by path relative to hosting/.

    `badges` are BadgeClass documents from `badge_class` (each issued version's);
    `keys` are (key id, public PEM) for every RSA key that ever signed an assertion, all
    listed in the profile in the order given; `revoked` is (assertion id, reason), in
    any order. Same inputs, same bytes."""
    key_list = list(dict(keys).items())
    files: dict[str, bytes] = {
        HOSTING["issuer"]: pretty_json(issuer_profile(issuer, [k for k, _ in key_list])),
        HOSTING["revocations"]: pretty_json(revocation_list(issuer, revoked)),
    }
    for key_id, pem in key_list:
        files[HOSTING["key"].format(key_id=key_id)] = pretty_json(crypto_key(issuer, key_id, pem))
    before, suffix = HOSTING["badge"].split("{slug}")
    prefix = issuer.hosted(before)
    for badge in badges:
        badge_id = str(badge.get("id", ""))
        if not (badge_id.startswith(prefix) and badge_id.endswith(suffix)):
            raise ValueError(f"The BadgeClass {badge_id!r} is not hosted by {issuer.name!r}")
        slug = badge_id.removeprefix(prefix).removesuffix(suffix)
        if badge_id != badge_url(issuer, slug):
            raise ValueError(f"The BadgeClass {badge_id!r} is not hosted by {issuer.name!r}")
        data = pretty_json(badge)
        path = HOSTING["badge"].format(slug=slug)
        if files.get(path, data) != data:
            raise ValueError(f"Two different BadgeClasses claim {badge_id}")
        files[path] = data
    return dict(sorted(files.items()))
