"""Annotations: feedback pinned to a place in the evidence.

An annotation belongs to one reviewer's review of one submission, like a score: it is
saved as it is made, recorded in the audit trail, frozen when the review is submitted,
and never shown to another assessor (a lead sees every reviewer's, side by side, in
adjudication). It anchors on one evidence item in one of three ways:

- a rectangle on a page: PDF points from the top-left corner of the page as it is shown
  (its /Rotate applied), or pixels of the upright image (EXIF orientation applied) with
  page 1;
- a text selection: the quoted text and where it starts (in a written answer's text, or
  in the page's extracted text for a PDF);
- a whole page: neither.

Each has a comment, optionally the criterion it speaks to and a tag (a short,
level-neutral label). Numbers (1, 2, ...) follow the order they were made in within the
review and stay when others are deleted, so "see note 3" in a comment keeps pointing at
the same note. Nothing here names the reviewer in what the earner gets: the letter takes
number, place, criterion and comment.

Data in, data out; no Qt. `ReviewSession` (reviews.service) makes the changes, in its
own claimed transactions; this module checks anchors and reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from reviewer_app.errors import UserError
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.models import Annotation as AnnotationRow
from reviewer_app.storage.models import EvidenceItem, Review, Reviewer
from reviewer_app.wording import translate

MAX_TEXT = 10_000  # a comment longer than a page of the letter is a mistake
MAX_QUOTE = 2_000
MAX_TAG = 200
# A rectangle drawn to the very edge may land a rounding error outside it.
EDGE_TOLERANCE = 0.5
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

Rect = tuple[float, float, float, float]  # x, y, width, height


class AnnotationError(UserError):
    pass


class Unchanged:
    """Marks an argument to leave as it was, where None means "clear it"."""


UNCHANGED = Unchanged()


@dataclass(frozen=True)
class Anchor:
    """Where an annotation points, in one item."""

    item_id: int
    page: int = 1  # 1-based; 1 for an image or a written answer
    rect: Rect | None = None
    quote: str | None = None
    quote_start: int | None = None  # offset of the quote in the text it was found in

    @property
    def kind(self) -> str:
        """ "rect", "text" or "page"."""
        if self.rect is not None:
            return "rect"
        return "text" if self.quote is not None else "page"


@dataclass(frozen=True)
class Annotation:
    """One annotation as it is stored, with its item's label and its reviewer."""

    id: int
    review_id: int
    number: int
    anchor: Anchor
    item: str  # the item's path in the bundle, or its title
    text: str
    criterion: str | None = None
    tag: str | None = None
    reviewer: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def item_id(self) -> int:
        return self.anchor.item_id

    @property
    def page(self) -> int:
        return self.anchor.page

    @property
    def rect(self) -> Rect | None:
        return self.anchor.rect

    @property
    def quote(self) -> str | None:
        return self.anchor.quote

    @property
    def kind(self) -> str:
        return self.anchor.kind

    def as_json(self, submission_id: str) -> dict[str, Any]:
        """The command line's JSON form (documented in docs/cli.md)."""
        return {
            "id": self.id,
            "number": self.number,
            "submission_id": submission_id,
            "reviewer": self.reviewer,
            "item": self.item,
            "page": self.page,
            "rect": list(self.rect) if self.rect is not None else None,
            "quote": self.quote,
            "criterion": self.criterion,
            "tag": self.tag,
            "text": self.text,
        }


# Checking -------------------------------------------------------------------------------


def clean_text(value: str, limit: int, what: str) -> str:
    """A comment, quote or tag as stored: no control characters or bidi overrides,
    trimmed, within its limit."""
    cleaned = _CONTROLS.sub("", value).strip()
    if len(cleaned) > limit:
        raise AnnotationError(
            translate(
                "Annotations", "The {what} is {length} characters long: at most {limit}."
            ).format(what=what, length=len(cleaned), limit=limit)
        )
    return cleaned


def item_label(item: EvidenceItem | Any) -> str:
    """How an item is named to people and on the command line: its path, else its title."""
    return str(item.path or item.title or f"item {item.position + 1}")


def find_item(session: Session, submission_pk: int, ref: str) -> EvidenceItem:
    """The submission's item named `ref`: its path or its title (exactly, then ignoring
    case), or its number in the earner's order."""
    items = list(
        session.scalars(
            select(EvidenceItem)
            .where(EvidenceItem.submission_id == submission_pk)
            .order_by(EvidenceItem.position)
        )
    )
    wanted = ref.strip()
    for fold in (False, True):  # exactly first, then ignoring case
        key = wanted.casefold() if fold else wanted
        found = [
            i
            for i in items
            if any((n.casefold() if fold else n) == key for n in (i.path, i.title) if n)
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise AnnotationError(
                translate(
                    "Annotations", "{ref!r} names {count} items; give the item's path instead."
                ).format(ref=ref, count=len(found))
            )
    if wanted.isdigit() and 1 <= int(wanted) <= len(items):
        return items[int(wanted) - 1]
    known = "; ".join(item_label(i) for i in items) or translate("Annotations", "none")
    raise AnnotationError(
        translate("Annotations", "This submission has no item {ref!r}. Its items: {known}.").format(
            ref=ref, known=known
        )
    )


def page_size(
    folder_store: StoredFiles, item: EvidenceItem | Any, page: int
) -> tuple[float, float]:
    """The size of `page` (1-based) as it is shown: PDF points with the page's rotation
    applied, or the upright image's pixels."""
    if _is_pdf(item):
        if item.blob_sha256 is None:
            raise _cannot_annotate(item)
        return _pdf_page_size(str(stored_file(folder_store, item.blob_sha256)), page)
    if _is_image(item):
        width, height = int(item.width or 0), int(item.height or 0)
        if (item.exif_orientation or 1) in (5, 6, 7, 8):  # turned a quarter: sides swap
            width, height = height, width
        return float(width), float(height)
    raise _cannot_annotate(item)


@functools.lru_cache(maxsize=256)
def _pdf_page_size(path: str, page: int) -> tuple[float, float]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    box = reader.pages[page - 1].cropbox
    width, height = abs(float(box.width)), abs(float(box.height))
    if reader.pages[page - 1].rotation % 180 == 90:
        width, height = height, width
    return width, height


def page_count(item: EvidenceItem | Any) -> int:
    if _is_pdf(item):
        return int(item.page_count or 0)
    return 1


def check_anchor(
    session: Session, store: StoredFiles, submission_pk: int, anchor: Anchor
) -> tuple[Anchor, EvidenceItem]:
    """The anchor as it will be stored, or a refusal that names what is wrong with it
    (an item of another submission, a page beyond the end, a rectangle outside the
    page, a quote not in the text)."""
    item = session.get(EvidenceItem, anchor.item_id)
    if item is None or item.submission_id != submission_pk:
        raise AnnotationError(
            translate("Annotations", "Item {item} is not part of this submission.").format(
                item=anchor.item_id
            )
        )
    label = item_label(item)
    if item.kind == "text":
        if anchor.rect is not None:
            raise AnnotationError(
                translate(
                    "Annotations",
                    "{item} is a written answer: mark a passage of it (a quote), not a rectangle.",
                ).format(item=label)
            )
        if anchor.page != 1:
            raise _page_out_of_range(label, anchor.page, 1)
        return _checked_quote(anchor, item.text or "", label), item
    pages = page_count(item)
    if pages < 1 or not (_is_pdf(item) or _is_image(item)):
        raise _cannot_annotate(item)
    if not 1 <= anchor.page <= pages:
        raise _page_out_of_range(label, anchor.page, pages)
    if anchor.rect is not None:
        width, height = page_size(store, item, anchor.page)
        x, y, w, h = anchor.rect
        if not all(math.isfinite(v) for v in anchor.rect) or w <= 0 or h <= 0:
            raise AnnotationError(
                translate(
                    "Annotations",
                    "The rectangle {rect} on {item} needs a positive width and height.",
                ).format(rect=_rect_words(anchor.rect), item=label)
            )
        tol = EDGE_TOLERANCE
        if x < -tol or y < -tol or x + w > width + tol or y + h > height + tol:
            unit = translate("Annotations", "points") if _is_pdf(item) else "px"
            raise AnnotationError(
                translate(
                    "Annotations",
                    "The rectangle {rect} is outside page {page} of {item}, which is "
                    "{width} x {height} {unit}.",
                ).format(
                    rect=_rect_words(anchor.rect),
                    page=anchor.page,
                    item=label,
                    width=_num(width),
                    height=_num(height),
                    unit=unit,
                )
            )
        left, top = max(0.0, x), max(0.0, y)  # within the tolerance: onto the page
        anchor = replace(anchor, rect=(left, top, min(w, width - left), min(h, height - top)))
    if anchor.quote is not None:
        anchor = _checked_quote(anchor, page_text(session, item.id, anchor.page), label)
    return anchor, item


def page_text(session: Session | Connection, item_id: int, page: int) -> str:
    """The extracted text of one PDF page (empty when it has none, or is not extracted)."""
    bodies = session.execute(
        text("SELECT body FROM evidence_text WHERE item_id = :item AND page = :page"),
        {"item": item_id, "page": page},
    ).scalars()
    return "\n".join(bodies)


def anchor_on_quote(session: Session, submission_pk: int, item: EvidenceItem, quote: str) -> Anchor:
    """An anchor on the first occurrence of `quote` in the item (a written answer's text,
    or the first PDF page whose text holds it)."""
    wanted = clean_text(quote, MAX_QUOTE, translate("Annotations", "quote"))
    if not wanted:
        raise AnnotationError(translate("Annotations", "The quote is empty."))
    label = item_label(item)
    if item.kind == "text":
        return _checked_quote(Anchor(item.id, 1, None, wanted), item.text or "", label)
    if _is_pdf(item):
        for page in range(1, page_count(item) + 1):
            start = find_quote(page_text(session, item.id, page), wanted)
            if start is not None:
                return Anchor(item.id, page, None, wanted, start)
    raise _quote_not_found(wanted, label)


def find_quote(body: str, quote: str) -> int | None:
    """Where `quote` starts in `body`: exactly, or with any run of white space matching
    any other (extracted PDF text breaks lines where the page did)."""
    at = body.find(quote)
    if at >= 0:
        return at
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, body)
    return found.start() if found else None


def _checked_quote(anchor: Anchor, body: str, label: str) -> Anchor:
    if anchor.quote is None:
        return anchor
    quote = clean_text(anchor.quote, MAX_QUOTE, translate("Annotations", "quote"))
    if not quote:
        raise AnnotationError(translate("Annotations", "The quote is empty."))
    start = anchor.quote_start
    if start is None or body[start : start + len(quote)] != quote:
        start = find_quote(body, quote)
    if start is None:
        raise _quote_not_found(quote, label)
    return replace(anchor, quote=quote, quote_start=start)


# Reading ---------------------------------------------------------------------------------


_COLUMNS = (
    AnnotationRow.id,
    AnnotationRow.review_id,
    AnnotationRow.number,
    AnnotationRow.item_id,
    AnnotationRow.page,
    AnnotationRow.x,
    AnnotationRow.y,
    AnnotationRow.width,
    AnnotationRow.height,
    AnnotationRow.quote,
    AnnotationRow.quote_start,
    AnnotationRow.text,
    AnnotationRow.criterion_id,
    AnnotationRow.tag,
    AnnotationRow.created_at,
    AnnotationRow.updated_at,
    EvidenceItem.path,
    EvidenceItem.title,
    EvidenceItem.position,
    Reviewer.name,
)
_IN_ORDER = (Reviewer.name, AnnotationRow.number)


def _from_row(row: Any) -> Annotation:
    rect = None
    if row.x is not None and row.y is not None and row.width is not None and row.height is not None:
        rect = (float(row.x), float(row.y), float(row.width), float(row.height))
    return Annotation(
        id=row.id,
        review_id=row.review_id,
        number=row.number,
        anchor=Anchor(row.item_id, row.page, rect, row.quote, row.quote_start),
        item=str(row.path or row.title or f"item {row.position + 1}"),
        text=row.text,
        criterion=row.criterion_id,
        tag=row.tag,
        reviewer=row.name,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _select() -> Any:
    return (
        select(*_COLUMNS)
        .join(Review, Review.id == AnnotationRow.review_id)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .join(EvidenceItem, EvidenceItem.id == AnnotationRow.item_id)
    )


def of_review(session: Session | Connection, review_id: int | None) -> list[Annotation]:
    """One review's annotations, by number."""
    if review_id is None:
        return []
    rows = session.execute(
        _select().where(AnnotationRow.review_id == review_id).order_by(AnnotationRow.number)
    )
    return [_from_row(r) for r in rows]


def of_submission(
    session: Session | Connection, submission_pk: int, reviewer: str | None = None
) -> list[Annotation]:
    """The submission's annotations: one reviewer's (by number), or every reviewer's
    (by reviewer, then number), as a lead sees them."""
    query = _select().where(Review.submission_id == submission_pk)
    if reviewer is not None:
        query = query.where(Reviewer.name == reviewer.strip())
    return [_from_row(r) for r in session.execute(query.order_by(*_IN_ORDER))]


def one(session: Session | Connection, annotation_id: int) -> Annotation | None:
    row = session.execute(_select().where(AnnotationRow.id == annotation_id)).one_or_none()
    return _from_row(row) if row is not None else None


def by_criterion(
    annotations: Sequence[Annotation], criteria: Sequence[str]
) -> dict[str | None, list[Annotation]]:
    """Grouped under the criteria in rubric order, then None ("General"): every
    annotation whose criterion is not one of `criteria` goes there too."""
    groups: dict[str | None, list[Annotation]] = {c: [] for c in criteria}
    groups[None] = []
    for a in annotations:
        groups[a.criterion if a.criterion in groups else None].append(a)
    return groups


def for_letter(session: Session, submission_pk: int) -> list[Annotation]:
    """What the earner receives with the standing decision: the annotations a lead chose
    in adjudication, else those of the review the feedback comes from; by reviewer and
    number. None before a decision stands."""
    from reviewer_app.storage.models import Decision

    decision = session.scalar(select(Decision).where(Decision.submission_id == submission_pk))
    if decision is None:
        return []
    if decision.letter_annotations is not None:
        chosen = set(decision.letter_annotations)
        return [a for a in of_submission(session, submission_pk) if a.id in chosen]
    return of_review(session, decision.feedback_review_id or decision.review_id)


# Words ------------------------------------------------------------------------------------


def place_words(annotation: Annotation, pages: int | None = None) -> str:
    """Where it is, for people: "report.pdf, page 3" / "photo.jpg" / "Reflection"."""
    if pages is None or pages > 1:
        return translate("Annotations", "{item}, page {page}").format(
            item=annotation.item, page=annotation.page
        )
    return annotation.item


def _rect_words(rect: Rect) -> str:
    return ",".join(_num(v) for v in rect)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _is_pdf(item: Any) -> bool:
    return bool(item.kind == "file" and item.media_type == "application/pdf")


def _is_image(item: Any) -> bool:
    return (
        item.kind == "file"
        and (item.media_type or "").startswith("image/")
        and bool(item.width)
        and bool(item.height)
    )


def _cannot_annotate(item: Any) -> AnnotationError:
    return AnnotationError(
        translate(
            "Annotations",
            "{item} cannot be annotated: only PDF pages, images and written answers can.",
        ).format(item=item_label(item))
    )


def _page_out_of_range(label: str, page: int, pages: int) -> AnnotationError:
    return AnnotationError(
        translate("Annotations", "{item} has no page {page}: it has {pages}.").format(
            item=label, page=page, pages=pages
        )
    )


def _quote_not_found(quote: str, label: str) -> AnnotationError:
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    return AnnotationError(
        translate("Annotations", "{item} does not contain the text {quote!r}.").format(
            item=label, quote=shown
        )
    )
