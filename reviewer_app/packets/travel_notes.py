"""Annotations on the way: a packet carries the receiving reviewer's annotations out, a
return brings the reviewer's annotations back.

Both carry one JSON form (docs/packets.md), the command line's (`Annotation.as_json`)
without the database id, which means nothing in another folder: the item is named by
its label as the receiving folder shows it (its path, or its title) and by its number
in the earner's order (`position`, from 1), so a folder that finds another item there
refuses the annotation instead of pinning it somewhere else. Every annotation is placed
again with `annotations.check_anchor` in the folder it arrives in (page in range,
rectangle inside the page as shown, quote in the text) before anything is written.

Written in place, by number: an annotation kept under its number keeps its row (and its
id, which a lead's choice of annotations for the letter names), one no longer returned
is deleted, a new one added; each change is an audit entry, as the review service
records them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.packets import blind_codes
from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.annotations import Anchor, AnnotationError
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.blobstore import StoredFiles
from reviewer_app.storage.models import Annotation as AnnotationRow
from reviewer_app.storage.models import EvidenceItem, utcnow
from reviewer_app.wording import translate

ENTRY = "annotations.json"  # a packet's entry holding them (only when there are any)
KEY = "annotations"  # the list's key, in that entry and in each returned review
# What a review's digest covers of its annotations: where and what they say, not the
# item's label (a blind packet renames files) nor where a quote starts in extracted text.
_DIGEST_FIELDS = ("number", "position", "page", "rect", "quote", "criterion", "tag", "text")


@dataclass(frozen=True)
class Placed:
    """An annotation checked against this folder, ready to store."""

    number: int
    anchor: Anchor
    text: str
    criterion: str | None
    tag: str | None


class NotPlaced(Exception):
    """An annotation that does not fit this folder's submission; `problem` says why."""

    def __init__(self, number: int, problem: str) -> None:
        super().__init__(problem)
        self.number = number
        self.problem = problem


# Out ----------------------------------------------------------------------------------


def label_for(item: EvidenceItem, blind: bool) -> str:
    """The item's label as the receiving folder will show it: in a blind packet a file
    is named by its place (see `blind_codes.file_name`)."""
    if blind and item.kind == "file" and item.path:
        return blind_codes.file_name(item.position, item.path)
    return notes.item_label(item)


def travel_forms(
    session: Session,
    review_id: int | None,
    submission_id: str,
    reviewer: str,
    *,
    blind: bool = False,
) -> list[dict[str, Any]]:
    """A review's annotations in the travelling form, by number."""
    if review_id is None:
        return []
    rows = session.execute(
        select(AnnotationRow, EvidenceItem)
        .join(EvidenceItem, EvidenceItem.id == AnnotationRow.item_id)
        .where(AnnotationRow.review_id == review_id)
        .order_by(AnnotationRow.number)
    ).all()
    out = []
    for row, item in rows:
        rect = None
        if None not in (row.x, row.y, row.width, row.height):
            rect = [float(v) for v in (row.x, row.y, row.width, row.height) if v is not None]
        out.append(
            {
                "submission_id": submission_id,
                "reviewer": reviewer,
                "number": row.number,
                "item": label_for(item, blind),
                "position": item.position + 1,
                "page": row.page,
                "rect": rect,
                "quote": row.quote,
                "quote_start": row.quote_start,
                "criterion": row.criterion_id,
                "tag": row.tag,
                "text": row.text,
            }
        )
    return out


def digest_form(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """What a review's digest holds of its annotations (see `_DIGEST_FIELDS`)."""
    ordered = sorted(entries, key=lambda e: int(e["number"]))
    return [{key: e.get(key) for key in _DIGEST_FIELDS} for e in ordered]


# Reading what arrived ---------------------------------------------------------------------


def parse(
    raw: Any, where: str, fail: Callable[[str], Exception], submission_id: str, reviewer: str
) -> list[dict[str, Any]]:
    """The annotations of one review as a file carries them, their shape checked;
    `where` names the list ("reviews[0].annotations"). Raises `fail(problem)`."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise fail(translate("ReviewPackets", "{field} must be a list").format(field=where))
    out: list[dict[str, Any]] = []
    numbers: set[int] = set()
    for n, entry in enumerate(raw):
        at = f"{where}[{n}]"
        parsed = _parse_one(entry, at, fail)
        if parsed["submission_id"] != submission_id or parsed["reviewer"] != reviewer:
            raise fail(
                translate("ReviewPackets", "{field} is not of {submission} by {reviewer}").format(
                    field=at, submission=submission_id, reviewer=reviewer
                )
            )
        if parsed["number"] in numbers:
            raise fail(
                translate("ReviewPackets", "{field} repeats annotation number {number}").format(
                    field=at, number=parsed["number"]
                )
            )
        numbers.add(parsed["number"])
        out.append(parsed)
    return sorted(out, key=lambda e: int(e["number"]))


def _whole(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _parse_one(entry: Any, at: str, fail: Callable[[str], Exception]) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise fail(translate("ReviewPackets", "{field} must be an object").format(field=at))

    def field(key: str) -> str:
        return f"{at}.{key}"

    for key in ("submission_id", "reviewer", "item"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(
                translate("ReviewPackets", "{field} must be non-empty text").format(
                    field=field(key)
                )
            )
    for key, least in (("number", 1), ("position", 1), ("page", 1)):
        if not _whole(entry.get(key), least):
            raise fail(
                translate("ReviewPackets", "{field} must be a whole number from 1").format(
                    field=field(key)
                )
            )
    rect = entry.get("rect")
    if rect is not None:
        if (
            not isinstance(rect, list)
            or len(rect) != 4
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in rect)
            or not all(math.isfinite(v) for v in rect)
        ):
            raise fail(
                translate(
                    "ReviewPackets", "{field} must be null or four numbers [x, y, width, height]"
                ).format(field=field("rect"))
            )
        rect = [float(v) for v in rect]
    for key in ("quote", "criterion", "tag"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise fail(
                translate("ReviewPackets", "{field} must be text or null").format(field=field(key))
            )
    start = entry.get("quote_start")
    if start is not None and not _whole(start, 0):
        raise fail(
            translate("ReviewPackets", "{field} must be null or a whole number from 0").format(
                field=field("quote_start")
            )
        )
    if not isinstance(entry.get("text"), str):
        raise fail(translate("ReviewPackets", "{field} must be text").format(field=field("text")))
    if rect is not None and entry.get("quote") is not None:
        raise fail(
            translate("ReviewPackets", "{field} has both a rectangle and a quote").format(field=at)
        )
    return {
        "submission_id": entry["submission_id"],
        "reviewer": entry["reviewer"],
        "number": entry["number"],
        "item": entry["item"],
        "position": entry["position"],
        "page": entry["page"],
        "rect": rect,
        "quote": entry.get("quote"),
        "quote_start": start,
        "criterion": entry.get("criterion"),
        "tag": entry.get("tag"),
        "text": entry["text"],
    }


# Placing in this folder --------------------------------------------------------------------


def place_all(
    session: Session,
    store: StoredFiles,
    submission_pk: int,
    rubric: Rubric,
    entries: Sequence[Mapping[str, Any]],
    *,
    blind: bool = False,
    extracted: bool = True,
) -> list[Placed]:
    """Each annotation checked against the submission here: its item (the same label at
    the same position), its anchor (`check_anchor`), its criterion (one of `rubric`'s)
    and the lengths of its texts. Raises NotPlaced for the first that does not fit.
    `blind`: the labels are those of a blind packet. Without `extracted`, a quote on a
    PDF page whose text is not extracted yet is kept as it came (its page is checked)."""
    items = {
        i.position + 1: i
        for i in session.scalars(
            select(EvidenceItem).where(EvidenceItem.submission_id == submission_pk)
        )
    }
    criteria = {c.id for c in rubric.criteria}
    return [
        _place(session, store, submission_pk, items, criteria, e, blind, extracted) for e in entries
    ]


def _place(
    session: Session,
    store: StoredFiles,
    submission_pk: int,
    items: Mapping[int, EvidenceItem],
    criteria: set[str],
    entry: Mapping[str, Any],
    blind: bool,
    extracted: bool,
) -> Placed:
    number = int(entry["number"])
    item = items.get(int(entry["position"]))
    if item is None or label_for(item, blind) != entry["item"]:
        raise NotPlaced(
            number,
            translate(
                "ReviewPackets",
                "its item {position} ({item!r}) is not one of the submission's here",
            ).format(position=entry["position"], item=entry["item"]),
        )
    criterion = entry.get("criterion")
    if criterion is not None and criterion not in criteria:
        raise NotPlaced(
            number,
            translate(
                "ReviewPackets", "its criterion {criterion!r} is not a criterion of the rubric"
            ).format(criterion=criterion),
        )
    rect = entry.get("rect")
    anchor = Anchor(
        item.id,
        int(entry["page"]),
        (rect[0], rect[1], rect[2], rect[3]) if rect is not None else None,
        entry.get("quote"),
        entry.get("quote_start"),
    )
    # A PDF's text is extracted after a packet's import: until then its quotes are
    # taken as the lead's folder checked them, on the very same file.
    keep_quote = (
        not extracted
        and anchor.quote is not None
        and item.kind == "file"
        and item.derive_status == "pending"
    )
    try:
        text = notes.clean_text(entry["text"], notes.MAX_TEXT, "comment")
        tag = entry.get("tag")
        tag = (notes.clean_text(tag, notes.MAX_TAG, "tag") or None) if tag else None
        checked, _item = notes.check_anchor(
            session, store, submission_pk, replace(anchor, quote=None) if keep_quote else anchor
        )
    except AnnotationError as e:
        raise NotPlaced(number, str(e).rstrip(".")) from None
    if keep_quote:
        checked = replace(checked, quote=anchor.quote, quote_start=anchor.quote_start)
    return Placed(number, checked, text, criterion, tag)


# Writing ----------------------------------------------------------------------------------


def replace_all(
    session: Session,
    review_id: int,
    placed: Sequence[Placed],
    entry_for: Callable[[str, object, object], trail.Entry],
) -> list[trail.Entry]:
    """Makes the review's annotations exactly `placed`, in place by number; the audit
    entries of what changed (made by `entry_for(action, before, after)`), for the
    caller to record in this transaction."""
    rows = {
        r.number: r
        for r in session.scalars(select(AnnotationRow).where(AnnotationRow.review_id == review_id))
    }
    wanted = {p.number: p for p in placed}
    changes: list[trail.Entry] = []
    for number in sorted(set(rows) - set(wanted)):
        gone = notes.one(session, rows[number].id)
        assert gone is not None
        session.delete(rows[number])
        changes.append(entry_for("review.annotation.delete", trail_form(gone), None))
    session.flush()  # the numbers are free before any is taken again
    now = utcnow()
    for number, p in sorted(wanted.items()):
        row = rows.get(number)
        before = notes.one(session, row.id) if row is not None else None
        if row is None:
            row = AnnotationRow(review_id=review_id, number=number, created_at=now)
            session.add(row)
        row.item_id, row.page = p.anchor.item_id, p.anchor.page
        row.quote, row.quote_start = p.anchor.quote, p.anchor.quote_start
        row.x, row.y, row.width, row.height = p.anchor.rect or (None, None, None, None)
        row.text, row.criterion_id, row.tag = p.text, p.criterion, p.tag
        session.flush()
        after = notes.one(session, row.id)
        assert after is not None
        if before is None:
            row.updated_at = now
            changes.append(entry_for("review.annotate", None, trail_form(after)))
        elif trail_form(before) != trail_form(after):
            row.updated_at = now
            changes.append(
                entry_for("review.annotation.edit", trail_form(before), trail_form(after))
            )
    session.flush()
    return changes


def trail_form(a: notes.Annotation) -> dict[str, Any]:
    """What the audit trail keeps of an annotation: as the review service records it."""
    return {
        "id": a.id,
        "number": a.number,
        "item": a.item,
        "page": a.page,
        "rect": list(a.rect) if a.rect is not None else None,
        "quote": a.quote,
        "criterion": a.criterion,
        "tag": a.tag,
        "text": a.text,
    }
