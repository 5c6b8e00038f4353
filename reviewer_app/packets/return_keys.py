"""The key that ties a packet's returns to that packet.

The lead's folder makes a random key for each packet it issues, keeps it with the
packet and writes it into the packet file. The assessor's folder keeps it when it
imports the packet, and authenticates each return with it: HMAC-SHA256 over the
canonical JSON of the return's manifest (which lists every entry's hash, so the
reviews are covered too). Only someone who holds that packet can make a return the
lead's folder takes for it; knowing a packet's id is not enough. See docs/packets.md.

A symmetric key is enough: the lead, who made the key, can forge its own returns, but
it can change its own database anyway. The key is kept as a row of the folder's
settings table, keyed by the packet id, written in the same transaction as the packet.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from reviewer_app.canonical import canonical_json
from reviewer_app.storage.models import FolderSetting

METHOD = "hmac-sha256"
PACKET_FIELD = "return_key"  # in a packet's manifest: {method, key}
RETURN_FIELD = "authentication"  # in a return's manifest: {method, mac}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PacketKey:
    key: bytes
    # For a blind packet made here: each submission's code in the packet -> its id here.
    codes: dict[str, str] = field(default_factory=dict)


def new_key() -> bytes:
    return secrets.token_bytes(32)


def _row_key(packet_id: str) -> str:
    return f"packet.return-key:{packet_id}"


def keep(session: Session, packet_id: str, key: bytes, codes: Mapping[str, str]) -> None:
    """Keeps the packet's key (and a blind packet's codes) with the packet."""
    value = {"method": METHOD, "key": key.hex(), "codes": dict(codes)}
    session.add(FolderSetting(key=_row_key(packet_id), value=value))


def kept(session: Session, packet_id: str) -> PacketKey | None:
    """The key kept for a packet; None for a packet recorded before returns were
    authenticated (or a row that is not a key)."""
    row = session.get(FolderSetting, _row_key(packet_id))
    value = row.value if row is not None else None
    if not isinstance(value, dict):
        return None
    key, codes = value.get("key"), value.get("codes", {})
    if value.get("method") != METHOD or not isinstance(key, str) or not _HEX64.match(key):
        return None
    if not isinstance(codes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in codes.items()
    ):
        return None
    return PacketKey(bytes.fromhex(key), dict(codes))


def packet_field(key: bytes) -> dict[str, str]:
    """What a packet's manifest carries under `PACKET_FIELD`."""
    return {"method": METHOD, "key": key.hex()}


def from_packet_field(value: Any) -> bytes | None:
    """The key a packet's manifest carries; None when it is missing or not a key."""
    if not isinstance(value, dict) or value.get("method") != METHOD:
        return None
    key = value.get("key")
    return bytes.fromhex(key) if isinstance(key, str) and _HEX64.match(key) else None


def _mac(document: Mapping[str, Any], key: bytes) -> str:
    content = {k: v for k, v in document.items() if k != RETURN_FIELD}
    return hmac.new(key, canonical_json(content).encode(), hashlib.sha256).hexdigest()


def seal(document: dict[str, Any], key: bytes) -> dict[str, Any]:
    """The return manifest `document` with its authentication added."""
    return {**document, RETURN_FIELD: {"method": METHOD, "mac": _mac(document, key)}}


def authenticated(manifest: Mapping[str, Any], key: bytes) -> bool | None:
    """Whether a return manifest was sealed with `key`; None when it carries no
    authentication at all (a return made before returns were authenticated)."""
    value = manifest.get(RETURN_FIELD)
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("method") != METHOD:
        return False
    mac = value.get("mac")
    if not isinstance(mac, str):
        return False
    # Compared as bytes: compare_digest refuses text that is not ASCII.
    return hmac.compare_digest(mac.encode(), _mac(manifest, key).encode())
