"""Bulk-award CSV files in the column layouts Canvas Credentials and Credly import."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer_app import csv_safe
from reviewer_app.credentials.awards import PendingAward


@dataclass(frozen=True)
class Signed:
    pending: PendingAward
    document: str  # the exact text of the signed credential
    status_index: int | None


def upload_files(signed: Sequence[Signed]) -> dict[str, bytes]:
    """Bulk-award CSVs in the column layouts Canvas Credentials and Credly import."""
    canvas = io.StringIO(newline="")
    credly = io.StringIO(newline="")
    canvas_out = csv_safe.writer(canvas, lineterminator="\r\n")
    credly_out = csv_safe.writer(credly, lineterminator="\r\n")
    canvas_out.writerow(
        [
            "Badge Class ID",
            "Identifier",
            "First Name",
            "Last Name",
            "Narrative",
            "Evidence Narrative",
            "Evidence URL",
            "Issue Date",
            "Expiration Date",
        ]
    )
    credly_out.writerow(
        [
            "Badge Template ID",
            "Recipient Email",
            "Issued to First Name",
            "Issued to Last Name",
            "Issued at",
            "Expires at",
            "Evidence Name",
            "Evidence Description",
        ]
    )
    for item in sorted(signed, key=_by_badge):
        award = item.pending.award
        if not award.recipient_email:
            continue  # both platforms award by email
        first, last = split_name(award.recipient_name)
        issued = award.issued_at
        canvas_out.writerow(
            [
                award.achievement.id,
                award.recipient_email,
                first,
                last,
                award.achievement.criteria,
                f"Assessed on {len(award.evidence)} evidence items against the rubric",
                "",
                issued.strftime("%Y-%m-%d"),
                "",
            ]
        )
        credly_out.writerow(
            [
                award.achievement.id,
                award.recipient_email,
                first,
                last,
                issued.strftime("%m/%d/%y"),
                "",
                award.achievement.name,
                f"Assessed on {len(award.evidence)} evidence items against the rubric",
            ]
        )
    return {
        "upload/canvas-credentials.csv": canvas.getvalue().encode("utf-8-sig"),
        "upload/credly.csv": credly.getvalue().encode("utf-8-sig"),
    }


def _by_badge(item: Signed) -> tuple[str, int]:
    return item.pending.award.achievement.id, item.pending.decision_id


def split_name(name: str) -> tuple[str, str]:
    parts = name.strip().split()
    if len(parts) < 2:
        return name.strip(), ""
    return " ".join(parts[:-1]), parts[-1]
