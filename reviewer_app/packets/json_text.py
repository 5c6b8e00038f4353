"""Text in a packet's or return's JSON that could not be hashed or stored."""

from __future__ import annotations

from typing import Any

from reviewer_app.canonical import canonical_json
from reviewer_app.packets.manifest import Reject
from reviewer_app.wording import translate


def unicode_only(value: Any, reject: Reject, entry: str) -> None:
    """JSON may escape half of a surrogate pair ("\\ud800"), which is no character: such
    text could be neither hashed nor stored, so the file is refused."""
    try:
        canonical_json(value).encode()
    except UnicodeEncodeError:
        raise reject(
            translate("ReviewPackets", "holds text that is not valid Unicode (a lone surrogate)"),
            entry,
        ) from None
