"""What a packet made under blind review says of an earner: nothing.

Each submission travels under its code (the one the lead's window shows in blind
review), as its own earner named by that code, with no email, and its evidence files
renamed by position: uploads are often named after their author. The lead's folder
keeps which code stands for which submission, to map the return back.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import PurePosixPath

from reviewer_app.reviews.codes import submission_code

_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")


def packet_codes(submission_ids: list[str]) -> dict[str, str]:
    """Each submission id -> its code, unique in the packet: the window's short code,
    made longer for ids whose short codes coincide."""
    short = {sid: submission_code(sid) for sid in submission_ids}
    seen = Counter(short.values())
    return {sid: code if seen[code] == 1 else _long_code(sid) for sid, code in short.items()}


def _long_code(submission_id: str) -> str:
    return f"S-{hashlib.sha256(submission_id.encode()).hexdigest()[:16].upper()}"


def earner(code: str) -> dict[str, str]:
    """The earner as a blind packet's bundle names them."""
    return {"id": f"urn:reviewer-app:blind-earner:{code}", "name": code}


def file_name(position: int, path: str) -> str:
    """An evidence file's name in a blind packet: its place in the submission, and its
    extension when that is a plain one (a viewer may go by it)."""
    suffix = PurePosixPath(path).suffix.lower()
    return f"evidence-{position + 1}{suffix if _SUFFIX.match(suffix) else ''}"
