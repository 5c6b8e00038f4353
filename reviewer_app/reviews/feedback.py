"""What the earner receives, and what the reviewer of a resubmission may see of before.

`letter_for()` builds the feedback letter from the review whose decision stands;
`earlier_attempts()` gathers the earner's earlier attempts at the same micro-credential
with their feedback (always) and their scores (only if the folder's setting allows).

The letter's notes are the annotations the earner receives (`annotations.for_letter`),
put in the order the earner reads the evidence: the earner's order of items, then page,
then from the top of the page down (a whole-page note first, a rectangle by its top edge,
a passage of a PDF by where PDFium finds it on the page, a passage of a written answer by
where it starts), then left to right. The letter numbers them 1, 2, 3... in that order.
Pictures of the marked regions are made here, where the store is read (reviews.crops);
one that cannot be made (a damaged or hostile file) becomes a sentence in the letter,
never a failure of the letter.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.errors import UserError
from reviewer_app.reviews import crops
from reviewer_app.reviews.annotations import Annotation, for_letter
from reviewer_app.reviews.codes import submission_code
from reviewer_app.reviews.letter import (
    FeedbackLetter,
    LetterCriterion,
    LetterNote,
    LetterPart,
    letter_file_name,
    write_letter,
)
from reviewer_app.rubrics.decision import meets_level
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.folder_settings import SHOW_EARLIER_SCORES, earners_out_of_sight
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    EvidenceItem,
    Review,
    Submission,
)
from reviewer_app.vocabulary import Outcome
from reviewer_app.wording import translate

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScoredCriterion:
    criterion_id: str
    title: str
    level_id: str | None
    level_label: str | None
    meets_standard: bool | None
    comment: str | None


@dataclass(frozen=True)
class SubmittedReview:
    submission_id: str
    attempt: int
    decision: Outcome
    decided_at: dt.datetime
    feedback: str | None
    rubric: Rubric
    criteria: tuple[ScoredCriterion, ...]


@dataclass(frozen=True)
class EarlierAttempt:
    submission_id: str
    attempt: int
    submitted_at: dt.datetime | None
    decision: Outcome | None
    feedback: str | None
    comments: dict[str, str] = field(default_factory=dict)  # criterion title -> comment
    levels: dict[str, str] | None = None  # criterion title -> level label, if allowed


def decided_review(session: Session, submission: Submission) -> SubmittedReview | None:
    """The review behind the submission's standing decision, scored criterion by criterion."""
    decision = session.scalar(select(Decision).where(Decision.submission_id == submission.id))
    if decision is None or decision.review_id is None:
        return None
    review = session.get_one(Review, decision.review_id)
    rubric = Rubric.from_content(session.get_one(Definition, review.definition_id).content)
    scores = {
        s.criterion_id: s
        for s in session.scalars(
            select(CriterionScore).where(CriterionScore.review_id == review.id)
        )
    }
    criteria = []
    for c in rubric.criteria:
        score = scores.get(c.id)
        level_id = score.level_id if score else None
        criteria.append(
            ScoredCriterion(
                criterion_id=c.id,
                title=c.title,
                level_id=level_id,
                level_label=c.level(level_id).label if level_id else None,
                meets_standard=(
                    meets_level(c, level_id, rubric.pass_rule.every_criterion_at_least)
                    if level_id
                    else None
                ),
                comment=score.comment if score else None,
            )
        )
    return SubmittedReview(
        submission.submission_id,
        submission.attempt,
        decision.outcome,
        decision.decided_at,
        review.feedback,
        rubric,
        tuple(criteria),
    )


def letter_for(
    session: Session,
    submission_id: str,
    issuer_name: str | None = None,
    *,
    objects: StoredFiles | None = None,
) -> FeedbackLetter:
    """The earner's letter for the submission's standing decision. `objects` is the data
    folder's store of files (`DataFolder.store`), read for the pictures of marked
    regions; by default the one beside the session's database."""
    submission = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if submission is None:
        raise UserError(
            translate(
                "Review", "There is no submission {submission!r} in this data folder."
            ).format(submission=submission_id)
        )
    review = decided_review(session, submission)
    if review is None:
        raise UserError(
            translate(
                "Review", "Submission {submission} has no decision yet: submit a review first."
            ).format(submission=submission_id)
        )
    by_id = {c.criterion_id: c for c in review.criteria}
    parts = tuple(
        LetterPart(
            part.title,
            tuple(
                LetterCriterion(
                    by_id[c.id].title,
                    by_id[c.id].level_label,
                    by_id[c.id].meets_standard,
                    by_id[c.id].comment,
                )
                for c in part.criteria
            ),
        )
        for part in review.rubric.parts
    )
    definition_name = session.scalar(
        select(Definition.name)
        .join(Review, Review.definition_id == Definition.id)
        .join(Decision, Decision.review_id == Review.id)
        .where(Decision.submission_id == submission.id)
    )
    return FeedbackLetter(
        # An assessor's login on a team database in blind review may not read the name.
        earner_name=(
            submission_code(submission.submission_id)
            if earners_out_of_sight(session)
            else submission.identity()[0]
        ),
        submission_id=submission.submission_id,
        credential_name=definition_name or submission.credential_name or "",
        attempt=submission.attempt,
        decision=review.decision,
        decided_at=review.decided_at,
        parts=parts,
        overall_feedback=review.feedback,
        issuer_name=issuer_name,
        notes=letter_notes(
            session,
            submission.id,
            review.rubric,
            objects if objects is not None else _objects_beside(session),
        ),
    )


def _objects_beside(session: Session) -> Path | None:
    """The store of the data folder whose database the session reads (see datafolder.py:
    the database and store/ share a folder)."""
    database = session.get_bind().engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database).resolve().parent / "store" / "objects"


_BEFORE_ALL = -math.inf
_AFTER_ALL = math.inf


def letter_notes(
    session: Session, submission_pk: int, rubric: Rubric, objects: StoredFiles | None
) -> tuple[LetterNote, ...]:
    """The annotations the earner receives, as letter notes in reading order."""
    annotations = for_letter(session, submission_pk)
    if not annotations:
        return ()
    items = {
        item.id: item
        for item in session.scalars(
            select(EvidenceItem).where(EvidenceItem.id.in_({a.item_id for a in annotations}))
        )
    }
    titles = {c.id: c.title for c in rubric.criteria}
    placed = sorted(
        enumerate(annotations),
        key=lambda pair: (
            items[pair[1].item_id].position,
            pair[1].page,
            *_spot(pair[1], items[pair[1].item_id], objects),
            pair[0],  # for_letter's order (reviewer, number) breaks ties
        ),
    )
    return tuple(_note(a, items[a.item_id], titles, objects) for _, a in placed)


def _blob_path(item: EvidenceItem, objects: StoredFiles | None) -> Path | None:
    if objects is None or item.blob_sha256 is None:
        return None
    return stored_file(objects, item.blob_sha256)


def _is_pdf(item: EvidenceItem) -> bool:
    return item.kind == "file" and item.media_type == "application/pdf"


def _spot(
    annotation: Annotation, item: EvidenceItem, objects: StoredFiles | None
) -> tuple[float, float]:
    """Where on its page the annotation is, top then left, for the reading order."""
    if annotation.rect is not None:
        x, y, _w, _h = annotation.rect
        return y, x
    if annotation.quote is None:
        return _BEFORE_ALL, _BEFORE_ALL  # the whole page: read before its parts
    if not _is_pdf(item):
        return float(annotation.anchor.quote_start or 0), 0.0
    path = _blob_path(item, objects)
    top = crops.pdf_quote_top(path, annotation.page, annotation.quote) if path else None
    return (top, 0.0) if top is not None else (_AFTER_ALL, 0.0)


def _note(
    annotation: Annotation,
    item: EvidenceItem,
    titles: dict[str, str],
    objects: StoredFiles | None,
) -> LetterNote:
    picture = _picture(annotation, item, objects) if annotation.rect is not None else None
    return LetterNote(
        item=annotation.item,
        page=annotation.page if _is_pdf(item) else None,
        criterion_title=titles.get(annotation.criterion or ""),
        comment=annotation.text,
        quote=annotation.quote,
        picture=picture,
        picture_missing=annotation.rect is not None and picture is None,
    )


def _picture(
    annotation: Annotation, item: EvidenceItem, objects: StoredFiles | None
) -> bytes | None:
    """A picture of the marked region, or None (logged) when it cannot be made."""
    path = _blob_path(item, objects)
    assert annotation.rect is not None
    try:
        if path is None:
            raise crops.CropError("the file is not in the store")
        if _is_pdf(item):
            return crops.pdf_region(path, annotation.page, annotation.rect)
        if (item.media_type or "").startswith("image/"):
            return crops.image_region(path, annotation.rect)
        raise crops.CropError(f"{item.media_type} has no pictures")
    except Exception as error:  # CropError, or anything a decoder let through
        # The annotation's id only: an item's name may name the earner.
        _log.warning("no picture for annotation %s: %s", annotation.id, error)
        return None


def decided_submissions(session: Session) -> list[str]:
    """Every submission with a standing decision, in submission id order."""
    return list(
        session.scalars(
            select(Submission.submission_id)
            .join(Decision, Decision.submission_id == Submission.id)
            .order_by(Submission.submission_id)
        )
    )


def write_letters(
    session: Session,
    submission_ids: Iterable[str],
    out_dir: Path,
    *,
    text: bool = False,
    objects: StoredFiles | None = None,
) -> list[Path]:
    """A letter per submission into `out_dir`, named by submission id (never by earner)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for submission_id in submission_ids:
        letter = letter_for(session, submission_id, objects=objects)
        name = letter_file_name(letter, ".txt" if text else ".pdf")
        written.append(write_letter(letter, out_dir / name))
    return written


def earlier_attempts(session: Session, submission_id: str) -> list[EarlierAttempt]:
    """The same earner's earlier attempts at the same micro-credential, oldest first."""
    current = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if current is None or current.credential_uri is None:
        return []
    show_scores = SHOW_EARLIER_SCORES.get(session)
    earlier = session.scalars(
        select(Submission)
        .where(
            Submission.earner_id == current.earner_id,
            Submission.credential_uri == current.credential_uri,
            Submission.attempt < current.attempt,
        )
        .order_by(Submission.attempt)
    )
    out = []
    for submission in earlier:
        review = decided_review(session, submission)
        if review is None:
            out.append(
                EarlierAttempt(
                    submission.submission_id,
                    submission.attempt,
                    submission.submitted_at,
                    None,
                    None,
                )
            )
            continue
        out.append(
            EarlierAttempt(
                submission_id=submission.submission_id,
                attempt=submission.attempt,
                submitted_at=submission.submitted_at,
                decision=review.decision,
                feedback=review.feedback,
                comments={c.title: c.comment for c in review.criteria if c.comment},
                levels=(
                    {c.title: c.level_label for c in review.criteria if c.level_label}
                    if show_scores
                    else None
                ),
            )
        )
    return out
