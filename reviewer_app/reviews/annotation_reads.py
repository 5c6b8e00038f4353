"""Annotations read for the window and the command line, each in its own short read of
the data folder; plain values out (`Annotation`, `Anchor`, ids), no ORM rows.

`review_notes` is what the rubric panel lists of a review, read off the GUI thread as
well as on it; its database failures come out as `DatabaseUnavailable`. The others serve
the command line, which keeps the database's own errors (see `storage.failures`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewer_app.reviews import annotations as notes  # `annotations` is __future__'s
from reviewer_app.reviews.annotations import Anchor, Annotation, Rect
from reviewer_app.reviews.service import submission_named
from reviewer_app.storage.failures import database_errors
from reviewer_app.storage.models import Annotation as AnnotationRow
from reviewer_app.storage.models import EvidenceItem, Review, Submission

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class ReviewNotes:
    """A review's annotations (its reviewer's only), with its items' labels and page
    counts by item id."""

    annotations: list[Annotation] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)


def review_notes(folder: DataFolder, review_id: int | None, submission_pk: int) -> ReviewNotes:
    """What the panel's lists show of a review; reads only (safe off the GUI thread)."""
    with database_errors(), folder.read_sessions() as session:
        found = notes.of_review(session, review_id)
        items = session.scalars(
            select(EvidenceItem).where(EvidenceItem.submission_id == submission_pk)
        ).all()
        labels = {i.id: notes.item_label(i) for i in items}
        pages = {i.id: notes.page_count(i) for i in items}
    return ReviewNotes(found, labels, pages)


def anchor_in(
    folder: DataFolder,
    submission_pk: int,
    item: str,
    page: int,
    *,
    rect: Rect | None = None,
    quote: str | None = None,
) -> Anchor:
    """The anchor the command line names: on the submission's `item` (path, title or
    number), at `rect` on `page`, or on `quote` (its first occurrence, unless a page
    other than the first is named: then on that page as given)."""
    with folder.read_sessions() as session:
        found = notes.find_item(session, submission_pk, item)
        if quote is None:
            return Anchor(found.id, page, rect)
        anchor = notes.anchor_on_quote(session, submission_pk, found, quote)
        if page != 1 and anchor.page != page:
            return Anchor(found.id, page, None, quote)
        return anchor


def of_submission_named(
    folder: DataFolder, submission_id: str, reviewer: str | None = None
) -> list[Annotation]:
    """The annotations of the submission with this id (a refusal if there is none):
    one reviewer's, or every reviewer's."""
    with folder.read_sessions() as session:
        submission = submission_named(session, submission_id)
        return notes.of_submission(session, submission.id, reviewer)


def submission_of(folder: DataFolder, annotation_id: int) -> str | None:
    """The id of the submission the annotation is on; None if there is no such
    annotation."""
    with folder.read_sessions() as session:
        found: str | None = session.scalar(
            select(Submission.submission_id)
            .join(Review, Review.submission_id == Submission.id)
            .join(AnnotationRow, AnnotationRow.review_id == Review.id)
            .where(AnnotationRow.id == annotation_id)
        )
    return found
