"""What every credential format's verification shares: the result, check by check,
the dates, the status list and the schema. Each format's own checks live in
`credentials/formats/`; `credentials/verify.py` tells the formats apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reviewer_app.credentials import dataintegrity
from reviewer_app.credentials.schemas import ob3_problems, shipped_schema
from reviewer_app.credentials.status import decode_list, is_set
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

# A URL to the parsed JSON published there, or None when no local source has it.
Fetch = Callable[[str], Any]


@dataclass
class Check:
    name: str
    ok: bool | None  # None: could not be checked (no source for it), reported as such
    detail: str = ""


@dataclass
class VerifyResult:
    file: str
    format: str = "unknown"
    checks: list[Check] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(c.ok is not False for c in self.checks)

    @property
    def error(self) -> str | None:
        failed = next((c for c in self.checks if c.ok is False), None)
        return f"{failed.name}: {failed.detail}" if failed else None

    def add(self, name: str, ok: bool | None, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok is not False


class Trusted(dict[str, Any]):
    """A document from this data folder's own records rather than from a file: a status
    list read this way needs no signature (files must carry one)."""


class Failed(Exception):
    """Stops a verification after a failed check that later checks depend on."""


def revocation_words(revoked: bool) -> str:
    if revoked:
        return translate("CredentialVerify", "revoked")
    return translate("CredentialVerify", "not revoked")


def is_ob3(types: list[Any]) -> bool:
    return "OpenBadgeCredential" in types or "AchievementCredential" in types


def check_schema(document: Mapping[str, Any], types: list[Any], result: VerifyResult) -> None:
    if not is_ob3(types):
        result.add(
            "schema",
            None,
            translate("CredentialVerify", "not an Open Badges credential: no schema to check"),
        )
        return
    problems = ob3_problems(document)
    result.add(
        "schema",
        not problems,
        translate("CredentialVerify", "meets the Open Badges 3.0 schema")
        if not problems
        else "; ".join(str(p) for p in problems[:5]),  # jsonschema's own words, in English
    )
    for entry in as_list(document.get("credentialSchema")):
        url = entry.get("id") if isinstance(entry, Mapping) else None
        if isinstance(url, str) and shipped_schema(url) is None:
            # Only the shipped copies are used (schemas are never fetched): say so.
            result.add(
                "schema",
                None,
                translate(
                    "CredentialVerify",
                    "names the schema {url}, which is not one this program has; checked "
                    "against the Open Badges 3.0 schema instead",
                ).format(url=url),
            )


def issuer_id(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, str):
        return issuer
    if isinstance(issuer, Mapping) and isinstance(issuer.get("id"), str):
        return str(issuer["id"])
    return None


def check_dates(document: Mapping[str, Any], now: dt.datetime, result: VerifyResult) -> None:
    start = parse_date(document.get("validFrom") or document.get("issuanceDate"))
    end = parse_date(document.get("validUntil") or document.get("expirationDate"))
    if start is None:
        result.add(
            "dates", False, translate("CredentialVerify", "validFrom is missing or not a date")
        )
    elif start > now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "not valid before {moment} UTC").format(
                moment=f"{start:%Y-%m-%d %H:%M}"
            ),
        )
    elif end is not None and end <= now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "expired on {date}").format(date=f"{end:%Y-%m-%d}"),
        )
    elif end is not None:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "valid from {start}, until {end}").format(
                start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
            ),
        )
    else:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "valid from {start}").format(start=f"{start:%Y-%m-%d}"),
        )


def parse_date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def check_status(document: Mapping[str, Any], fetch: Fetch, result: VerifyResult) -> None:
    entries = [e for e in as_list(document.get("credentialStatus")) if isinstance(e, Mapping)]
    if not entries:
        result.add(
            "revocation", None, translate("CredentialVerify", "the credential has no status entry")
        )
        return
    for entry in entries:
        if entry.get("type") != "BitstringStatusListEntry":
            result.add(
                "revocation",
                None,
                translate("CredentialVerify", "status type {kind} is not checked").format(
                    kind=repr(entry.get("type"))
                ),
            )
            continue
        url = str(entry.get("statusListCredential", ""))
        listing = fetch(url)
        if listing is None:
            result.add(
                "revocation",
                None,
                translate(
                    "CredentialVerify", "the status list {url} is not in the hosting folder"
                ).format(url=url),
            )
            continue
        if issuer_id(listing) != issuer_id(document):
            result.add(
                "revocation",
                False,
                translate("CredentialVerify", "the status list is not the issuer's"),
            )
            continue
        try:
            if not isinstance(listing, Trusted):
                from reviewer_app.credentials.key_resolution import ed25519_key

                dataintegrity.verify(listing, lambda m: ed25519_key(m, fetch))
            bits = decode_list(str(listing["credentialSubject"]["encodedList"]))
            revoked = is_set(bits, int(entry.get("statusListIndex", -1)))
        except (UserError, KeyError, TypeError, ValueError) as e:
            result.add(
                "revocation",
                False,
                translate("CredentialVerify", "the status list cannot be read: {problem}").format(
                    problem=e
                ),
            )
            continue
        result.add("revocation", not revoked, revocation_words(revoked))


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
