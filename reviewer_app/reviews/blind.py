"""Blind review: a code that stands for the earner wherever their name would show.

The code is derived from the submission id, so it is the same on every laptop and in
every export, and reveals nothing: a loose bundle's id is the earner's own name.
"""

from __future__ import annotations

import hashlib


def submission_code(submission_id: str) -> str:
    digest = hashlib.sha256(submission_id.encode()).hexdigest()
    return f"S-{digest[:6].upper()}"
