"""Revocation through a W3C Bitstring Status List.

Each issued credential holds an index into its issuer's list; revoking sets that bit.
The list is itself a credential, signed like the others and published in `hosting/`,
so a verifier can check revocation with the files alone. At 131,072 entries (the
standard's minimum, which hides who was revoked among many) it compresses to a few
hundred bytes.
"""

from __future__ import annotations

import base64
import gzip
import io
from collections.abc import Iterable
from typing import Any

from reviewer_app.credentials.model import IssuerInfo
from reviewer_app.credentials.ob3 import VC_V2
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

LIST_SIZE = 131_072  # bits
STATUS_PATH = "status/revocation.json"  # under hosting/


class StatusListError(UserError):
    pass


def encode_list(revoked: Iterable[int], size: int = LIST_SIZE) -> str:
    """The `encodedList`: GZIP of the bitstring (index 0 is the leftmost bit of the first
    byte), as multibase base64url without padding. `mtime=0` keeps it reproducible."""
    bits = bytearray(size // 8)
    for index in revoked:
        if not 0 <= index < size:
            raise StatusListError(
                translate(
                    "StatusList", "Status index {index} is outside the list of {size}."
                ).format(index=index, size=size)
            )
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def decode_list(encoded: str, *, limit: int = 16 * 1024 * 1024) -> bytes:
    """The bitstring back; a list that is not multibase base64url GZIP, or that would
    expand beyond `limit` bytes, is refused."""
    if not encoded.startswith("u"):
        raise StatusListError(
            translate(
                "StatusList", "The status list is not multibase base64url (it must start 'u')."
            )
        )
    try:
        packed = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    except ValueError as e:
        raise StatusListError(
            translate("StatusList", "The status list is not valid base64url: {problem}").format(
                problem=e
            )
        ) from None
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(packed)) as stream:
            data = stream.read(limit + 1)
    except (OSError, EOFError) as e:
        raise StatusListError(
            translate("StatusList", "The status list is not valid GZIP data: {problem}").format(
                problem=e
            )
        ) from None
    if len(data) > limit:
        raise StatusListError(
            translate("StatusList", "The status list expands beyond any sensible size.")
        )
    return data


def is_set(bitstring: bytes, index: int) -> bool:
    if not 0 <= index < len(bitstring) * 8:
        raise StatusListError(
            translate("StatusList", "Status index {index} is outside the list.").format(index=index)
        )
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(
    issuer: IssuerInfo, list_url: str, revoked: Iterable[int], valid_from: str
) -> dict[str, Any]:
    """The unsigned status list credential published at `list_url`."""
    return {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.id,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_list(revoked),
        },
    }
