"""The names of the files an export writes for earners."""

from __future__ import annotations

import re

from reviewer_app.credentials.awards import PendingAward


def credential_stem(pending: PendingAward) -> str:
    safe_id = re.sub(r"[^A-Za-z0-9._-]+", "-", pending.award.submission_id).strip("-")
    return f"credentials/{pending.earner_slug}-{safe_id}"
