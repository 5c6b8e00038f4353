"""The code that stands for an earner in blind review (reviewer_app/reviews/blind.py).

Kept apart from blind.py, which reads and writes the database: the window's queue shows
codes before the data layer is loaded (reviewer_app/reviews/first_screen.py).
"""

from __future__ import annotations

import hashlib


def submission_code(submission_id: str) -> str:
    digest = hashlib.sha256(submission_id.encode()).hexdigest()
    return f"S-{digest[:6].upper()}"
