"""One reviewer's review of one submission: every change saved as it is made.

`ReviewSession` is what the window and the command line score through. Each change
(a level, a comment, the overall feedback, submitting, reopening) is its own short
transaction together with its audit entry, so a reviewer who is interrupted, or whose
laptop dies, loses nothing they had typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    Connection,
    CursorResult,
    Row,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from reviewer_app.audit import state, trail
from reviewer_app.errors import UserError
from reviewer_app.reviews import annotations as notes  # `annotations` is __future__'s
from reviewer_app.reviews import score_edit
from reviewer_app.reviews.annotations import UNCHANGED, Anchor, Annotation, Unchanged
from reviewer_app.reviews.moderation import settle
from reviewer_app.rubrics.decision import DecisionPreview, decide
from reviewer_app.rubrics.model import Criterion, Rubric
from reviewer_app.storage import prepared
from reviewer_app.storage.database import claiming, sees_every_row
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Annotation as AnnotationRow
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    IssuedCredential,
    Review,
    Reviewer,
    Submission,
    utcnow,
)
from reviewer_app.team.members import check_acting_as
from reviewer_app.vocabulary import Outcome, Status
from reviewer_app.wording import translate

_SCORES = cast(Table, CriterionScore.__table__)
# Statements run on every submission opened, built once.
# Opening a review runs on every move through the queue: plain column reads (no ORM
# objects, which cost several times as much to load), statements built once.
_REVIEW_BY_REVIEWER = (
    select(Review.id, Review.definition_id, Review.feedback, Review.submitted_at, Review.decision)
    .join(Reviewer, Reviewer.id == Review.reviewer_id)
    .where(Review.submission_id == bindparam("submission"), Reviewer.name == bindparam("reviewer"))
)
_DEFINITION_COLUMNS = (
    Definition.id,
    Definition.achievement_uri,
    Definition.name,
    Definition.content_digest,
)
# id, achievement_uri, name, content_digest
DefinitionRow = Row[int, str, str, str]
_DEFINITION_BY_ID = select(*_DEFINITION_COLUMNS).where(Definition.id == bindparam("id"))
_CURRENT_DEFINITION = (
    select(*_DEFINITION_COLUMNS)
    .where(Definition.achievement_uri == bindparam("uri"))
    .order_by(Definition.version.desc())
    .limit(1)
)
_SCORES_OF_REVIEW = select(
    CriterionScore.criterion_id, CriterionScore.level_id, CriterionScore.comment
).where(CriterionScore.review_id == bindparam("review"))
_REVIEWS = cast(Table, Review.__table__)
# The checks every write starts with (see `_claim`), and the stored values it compares.
_CLAIM_OPEN, _CLAIM_SUBMITTED = (
    update(_REVIEWS)
    .where(_REVIEWS.c.id == bindparam("review"), condition)
    .values(submitted_at=_REVIEWS.c.submitted_at)
    for condition in (_REVIEWS.c.submitted_at.is_(None), _REVIEWS.c.submitted_at.is_not(None))
)
# A level's or a comment's edit claims the review and reads the stored value in one
# statement: the open review's row locked until the edit commits (a data folder's
# writer holds its whole database from BEGIN IMMEDIATE, where FOR UPDATE means nothing).
# A lock, not an update: on a team database an update is a new row version, with its
# triggers and policies run, on every save.
_OPEN_REVIEW = (_REVIEWS.c.id == bindparam("review"), _REVIEWS.c.submitted_at.is_(None))
_CLAIM_OPEN_LEVEL, _CLAIM_OPEN_COMMENT = (
    select(
        select(column)
        .where(
            _SCORES.c.review_id == bindparam("review"),
            _SCORES.c.criterion_id == bindparam("criterion"),
        )
        .scalar_subquery()
    )
    .where(*_OPEN_REVIEW)
    .with_for_update(of=_REVIEWS)
    for column in (_SCORES.c.level_id, _SCORES.c.comment)
)
_CLAIM_OPEN_FEEDBACK = select(_REVIEWS.c.feedback).where(*_OPEN_REVIEW).with_for_update()
# Recording a review with its first change (see `_begin`).
_SUBMISSIONS = cast(Table, Submission.__table__)
_TOUCH_SUBMISSION = (
    update(_SUBMISSIONS)
    .where(_SUBMISSIONS.c.id == bindparam("submission"))
    .values(status=_SUBMISSIONS.c.status)
)
_MARK_IN_REVIEW = (
    update(_SUBMISSIONS)
    .where(_SUBMISSIONS.c.id == bindparam("submission"), _SUBMISSIONS.c.status == Status.UNREVIEWED)
    .values(status=Status.IN_REVIEW)
)
_REVIEWER_BY_NAME = select(Reviewer.id).where(Reviewer.name == bindparam("name"))
_ADD_REVIEW = insert(_REVIEWS)
_VERSION_BY_ID = select(Definition.version).where(Definition.id == bindparam("id"))


# Saving a level or a comment: one upsert of the score, built once per column and per
# database (SQLite's and PostgreSQL's ON CONFLICT read alike but compile apart).
def _upserts(make: Any) -> tuple[Any, Any]:
    level, comment = (
        make(_SCORES)
        .values(
            review_id=bindparam("review"),
            criterion_id=bindparam("criterion"),
            updated_at=bindparam("at"),
            **{column: bindparam("value")},
        )
        .on_conflict_do_update(
            index_elements=["review_id", "criterion_id"],
            set_={column: bindparam("value"), "updated_at": bindparam("at")},
        )
        for column in ("level_id", "comment")
    )
    return level, comment


_UPSERTS = {"sqlite": _upserts(sqlite_insert), "postgresql": _upserts(postgresql_insert)}
_SET_LEVEL, _SET_COMMENT = 0, 1  # which of a database's two upserts


class ReviewError(UserError):
    pass


class SubmissionRef(NamedTuple):
    """What opening a review needs to know of its submission."""

    pk: int
    submission_id: str
    credential_uri: str | None


@dataclass
class ReviewSession:
    folder: DataFolder
    review_id: int | None  # None until the first change records the review
    submission_pk: int
    submission_id: str
    reviewer: str
    definition_id: int
    rubric_uri: str
    credential_name: str
    rubric: Rubric
    levels: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    feedback: str = ""
    submitted_at: dt.datetime | None = None
    decision: Outcome | None = None
    role: str = "assessor"

    @classmethod
    def open(
        cls, folder: DataFolder, submission_id: str, reviewer: str, *, role: str = "assessor"
    ) -> ReviewSession:
        """This reviewer's review of the submission: resumed if it exists, otherwise
        ready to start under the current rubric version.

        Opening writes nothing: the review (and a reviewer named for the first time) is
        recorded with the first change, so looking through the queue leaves statuses
        and the audit trail as they were, and moving to the next submission is quick.
        """
        with folder.read_sessions() as session:
            submission = _submission(session, submission_id)
            return cls.open_in(
                session,
                folder,
                SubmissionRef(submission.id, submission.submission_id, submission.credential_uri),
                reviewer,
                role=role,
            )

    @classmethod
    def open_in(
        cls,
        session: Session,
        folder: DataFolder,
        submission: SubmissionRef,
        reviewer: str,
        *,
        role: str = "assessor",
    ) -> ReviewSession:
        """`open` inside a session the caller already holds (the window reads the
        submission and its review in one go)."""
        check_acting_as(session, reviewer)  # on a team database, the login is the person
        # Core statements on the session's connection: the ORM's execution layer would
        # double their cost, and none of them loads an ORM object.
        connection = session.connection()
        review = connection.execute(
            _REVIEW_BY_REVIEWER, {"submission": submission.pk, "reviewer": reviewer.strip()}
        ).one_or_none()
        if review is not None:
            definition = connection.execute(_DEFINITION_BY_ID, {"id": review.definition_id}).one()
            scores = list(connection.execute(_SCORES_OF_REVIEW, {"review": review.id}))
        else:
            definition = _definition_for(session, submission)
            scores = []
        return cls(
            folder=folder,
            review_id=review.id if review is not None else None,
            submission_pk=submission.pk,
            submission_id=submission.submission_id,
            reviewer=reviewer.strip(),
            definition_id=definition.id,
            rubric_uri=definition.achievement_uri,
            credential_name=definition.name,
            rubric=_rubric_of(session, definition),
            levels={criterion: level for criterion, level, _ in scores if level},
            comments={criterion: comment for criterion, _, comment in scores if comment},
            feedback=(review.feedback or "") if review is not None else "",
            submitted_at=review.submitted_at if review is not None else None,
            decision=review.decision if review is not None else None,
            role=role,
        )

    def _begin(self, conn: Connection) -> bool:
        """Records the review (and the reviewer, if new) in the transaction of its first
        change, so that both are saved together or not at all; whether it was recorded
        here (rather than found, started by another window or process)."""
        if self.review_id is not None:
            return False
        # A write first (it changes nothing): it takes the write lock, so another
        # process starting this very review waits here, and then finds it.
        conn.execute(_TOUCH_SUBMISSION, {"submission": self.submission_pk})
        found = conn.execute(
            _REVIEW_BY_REVIEWER, {"submission": self.submission_pk, "reviewer": self.reviewer}
        ).one_or_none()
        if found is not None:
            self.review_id = found.id
            self.submitted_at, self.decision = found.submitted_at, found.decision
            return False
        reviewer_pk = conn.scalar(_REVIEWER_BY_NAME, {"name": self.reviewer})
        if reviewer_pk is None:  # named for the first time: rare, so through the ORM
            with Session(bind=conn) as session:
                reviewer_pk = reviewer_named(session, self.reviewer, role=self.role).id
                session.flush()
        added = conn.execute(
            _ADD_REVIEW,
            {
                "submission_id": self.submission_pk,
                "reviewer_id": reviewer_pk,
                "definition_id": self.definition_id,
            },
        )
        assert added.inserted_primary_key is not None
        self.review_id = int(added.inserted_primary_key[0])
        conn.execute(_MARK_IN_REVIEW, {"submission": self.submission_pk})
        version = conn.scalar(_VERSION_BY_ID, {"id": self.definition_id})
        start = self._entry("review.start", None, {"rubric": self.rubric_uri, "version": version})
        state.note(conn, self.submission_pk, self.reviewer, [start])
        return True

    # Changes, each saved at once -------------------------------------------------------

    def set_level(self, criterion_id: str, level_id: str | None) -> None:
        criterion = self._criterion(criterion_id)
        if level_id is not None and level_id not in {lv.id for lv in criterion.levels}:
            choices = ", ".join(lv.id for lv in criterion.levels)
            raise ReviewError(
                translate(
                    "Review",
                    "{level!r} is not a level of criterion {criterion!r} (choose {choices})",
                ).format(level=level_id, criterion=criterion_id, choices=choices)
            )
        if level_id is None and self.review_id is None:
            return  # nothing stored to clear
        with self._edit_score(_SET_LEVEL, criterion_id, level_id) as (conn, before):
            if before != level_id:
                self._note(
                    conn,
                    self._entry("review.level", {criterion_id: before}, {criterion_id: level_id}),
                )
        if level_id is None:
            self.levels.pop(criterion_id, None)
        else:
            self.levels[criterion_id] = level_id

    def set_comment(self, criterion_id: str, text: str) -> None:
        self._criterion(criterion_id)
        if not text and self.review_id is None:
            return  # nothing stored to clear
        with self._edit_score(_SET_COMMENT, criterion_id, text) as (conn, stored):
            before = stored or ""
            if before != text:
                self._note(
                    conn,
                    self._entry("review.comment", {criterion_id: before}, {criterion_id: text}),
                )
        self.comments[criterion_id] = text

    def set_feedback(self, text: str) -> None:
        if text == self.feedback and self.review_id is None:
            return  # nothing stored yet, and nothing to store
        with self._edit(_CLAIM_OPEN_FEEDBACK) as (conn, stored):
            before = stored or ""
            if before != text:
                conn.execute(
                    update(_REVIEWS)
                    .where(_REVIEWS.c.id == self.review_id)
                    .values(feedback=text, updated_at=utcnow())
                )
                self._note(conn, self._entry("review.feedback", before, text))
        self.feedback = text

    def preview(self) -> DecisionPreview:
        return decide(self.rubric, self.levels)

    def submit(self) -> DecisionPreview:
        """Finishes the review: the pass rule decides on the levels as stored, read in
        the transaction that submits (another window or process may have changed them
        since this session opened). Refused while any criterion is unscored, naming
        those criteria."""
        if self.review_id is None:
            # Nothing is stored yet: whatever is unscored here is unscored there.
            self._refuse_unscored(self.preview())
        now = utcnow()
        with self._change() as session:
            stored = {
                criterion: level
                for criterion, level in session.execute(
                    select(_SCORES.c.criterion_id, _SCORES.c.level_id).where(
                        _SCORES.c.review_id == self.review_id
                    )
                )
                if level
            }
            self.levels = stored
            result = decide(self.rubric, stored)
            if result.outcome is None:
                self._refuse_unscored(result)
            session.execute(
                update(_REVIEWS)
                .where(_REVIEWS.c.id == self.review_id)
                .values(submitted_at=now, decision=result.outcome)
            )
            self._audit(
                session,
                "review.submit",
                None,
                {"decision": result.outcome, "levels": stored, "total": result.total_points},
            )
            # The decision stands now, or waits for more reviews or a lead.
            settle(session, self.submission_pk, now, actor=self.reviewer)
        self.submitted_at, self.decision = now, result.outcome
        return result

    def reopen(self, reason: str = "") -> None:
        """Takes a submitted review back to work; its decision no longer stands."""
        if self.review_id is None:
            return
        with self.folder.sessions.begin() as session:
            if not sees_every_row(session):
                # The server keeps a submitted review closed to its assessor (its
                # row-level security): say so, rather than seem to reopen it.
                raise ReviewError(
                    translate(
                        "Review",
                        "On a team database a submitted review stays as it was sent; if it "
                        "must change, a lead decides (adjudication).",
                    )
                )
            # Claims the write first, so the state read next is the one this changes.
            if not _claim(session, self.review_id, submitted=True):
                self.submitted_at, self.decision = None, None
                return  # not submitted (any more): nothing to reopen
            decision = session.scalar(
                select(_REVIEWS.c.decision).where(_REVIEWS.c.id == self.review_id)
            )
            issued = session.scalar(
                select(IssuedCredential.credential_id)
                .join(Decision, Decision.id == IssuedCredential.decision_id)
                .where(Decision.review_id == self.review_id, IssuedCredential.revoked_at.is_(None))
            )
            if issued is not None:
                raise ReviewError(
                    translate(
                        "Review",
                        "A credential ({credential}) was issued on this review's decision; "
                        "revoke it before reopening the review.",
                    ).format(credential=issued)
                )
            session.execute(
                update(_REVIEWS)
                .where(_REVIEWS.c.id == self.review_id)
                .values(submitted_at=None, decision=None, updated_at=utcnow())
            )
            session.execute(delete(Decision).where(Decision.review_id == self.review_id))
            session.execute(
                update(Submission)
                .where(Submission.id == self.submission_pk)
                .values(status=Status.IN_REVIEW)
            )
            self._audit(session, "review.reopen", {"decision": decision}, {"reason": reason})
            settle(session, self.submission_pk, utcnow(), actor=self.reviewer)
        self.submitted_at, self.decision = None, None

    # Annotations: part of the review, saved and frozen with it -------------------------

    def annotations(self) -> list[Annotation]:
        """This review's annotations, by number (none before its first change)."""
        with self.folder.read_sessions() as session:
            return notes.of_review(session, self.review_id)

    def annotate(
        self,
        anchor: Anchor,
        text: str,
        *,
        criterion: str | None = None,
        tag: str | None = None,
        number: int | None = None,
    ) -> Annotation:
        """Adds an annotation (starting the review if this is its first change). `number`
        is for undoing a delete: the annotation comes back under its old number."""
        comment = notes.clean_text(text, notes.MAX_TEXT, translate("Annotations", "comment"))
        label = (
            notes.clean_text(tag, notes.MAX_TAG, translate("Annotations", "tag")) if tag else None
        )
        if criterion is not None:
            self._criterion(criterion)
        with self._change() as session:
            anchor, _item = notes.check_anchor(
                session, self.folder.store, self.submission_pk, anchor
            )
            if number is None or session.scalar(
                select(AnnotationRow.id).where(
                    AnnotationRow.review_id == self.review_id, AnnotationRow.number == number
                )
            ):
                last = session.scalar(
                    select(func.max(AnnotationRow.number)).where(
                        AnnotationRow.review_id == self.review_id
                    )
                )
                number = (last or 0) + 1
            assert self.review_id is not None
            row = AnnotationRow(
                review_id=self.review_id,
                number=number,
                item_id=anchor.item_id,
                page=anchor.page,
                quote=anchor.quote,
                quote_start=anchor.quote_start,
                text=comment,
                criterion_id=criterion,
                tag=label,
            )
            if anchor.rect is not None:
                row.x, row.y, row.width, row.height = anchor.rect
            session.add(row)
            session.flush()
            made = notes.one(session, row.id)
            assert made is not None
            self._audit(session, "review.annotate", None, _trail_form(made))
        return made

    def edit_annotation(
        self,
        annotation_id: int,
        *,
        text: str | None = None,
        criterion: str | Unchanged | None = UNCHANGED,
        tag: str | Unchanged | None = UNCHANGED,
        anchor: Anchor | None = None,
    ) -> Annotation:
        """Changes an annotation's comment, criterion, tag or place (what is given)."""
        if not isinstance(criterion, Unchanged) and criterion is not None:
            self._criterion(criterion)
        with self._change() as session:
            row = self._own_annotation(session, annotation_id)
            before = notes.one(session, row.id)
            assert before is not None
            if text is not None:
                row.text = notes.clean_text(
                    text, notes.MAX_TEXT, translate("Annotations", "comment")
                )
            if not isinstance(criterion, Unchanged):
                row.criterion_id = criterion
            if not isinstance(tag, Unchanged):
                row.tag = (
                    notes.clean_text(tag, notes.MAX_TAG, translate("Annotations", "tag"))
                    if tag
                    else None
                )
            if anchor is not None:
                anchor, _item = notes.check_anchor(
                    session, self.folder.store, self.submission_pk, anchor
                )
                row.item_id, row.page = anchor.item_id, anchor.page
                row.quote, row.quote_start = anchor.quote, anchor.quote_start
                row.x, row.y, row.width, row.height = anchor.rect or (None, None, None, None)
            row.updated_at = utcnow()
            session.flush()
            after = notes.one(session, row.id)
            assert after is not None
            if _trail_form(before) != _trail_form(after):
                self._audit(
                    session, "review.annotation.edit", _trail_form(before), _trail_form(after)
                )
        return after

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Deletes an annotation; what it was comes back, for an undo (`annotate` with
        its anchor, text, criterion, tag and number)."""
        with self._change() as session:
            row = self._own_annotation(session, annotation_id)
            gone = notes.one(session, row.id)
            assert gone is not None
            session.delete(row)
            self._audit(session, "review.annotation.delete", _trail_form(gone), None)
        return gone

    def _own_annotation(self, session: Session, annotation_id: int) -> AnnotationRow:
        row = session.get(AnnotationRow, annotation_id)
        if row is None or row.review_id != self.review_id:
            raise notes.AnnotationError(
                translate(
                    "Annotations", "{reviewer}'s review of {submission} has no annotation {id}."
                ).format(reviewer=self.reviewer, submission=self.submission_id, id=annotation_id)
            )
        return row

    # Internals -------------------------------------------------------------------------

    def _criterion(self, criterion_id: str) -> Criterion:
        try:
            return self.rubric.criterion(criterion_id)
        except KeyError:
            known = ", ".join(c.id for c in self.rubric.criteria)
            raise ReviewError(
                translate(
                    "Review",
                    "{criterion!r} is not a criterion of {credential} (its criteria: {known})",
                ).format(criterion=criterion_id, credential=self.credential_name, known=known)
            ) from None

    @contextmanager
    def _change(self) -> Iterator[Session]:
        """An ORM transaction that first claims the review for writing: it is refused,
        with nothing written, if the review is submitted (by this session or another)."""
        self._check_open()
        with self._recording(), self.folder.sessions.begin() as session:
            self._begin(session.connection())
            self._claim_open(session)
            yield session

    @contextmanager
    def _edit(
        self, claim: Any, criterion_id: str | None = None
    ) -> Iterator[tuple[Connection, Any]]:
        """A Core transaction for the small, frequent edits (a reviewer saves a change
        every few seconds, and an ORM session costs several times the statements),
        claimed like `_change` by `claim`, which returns the stored value the edit
        changes (of `criterion_id`'s score, or of the review): yields the connection and
        that value."""
        self._check_open()
        # A review already recorded changes only its own rows, claimed first: such an
        # edit waits only for its turn at the trail (see storage.database); recording
        # one takes the write turn, so that two windows cannot both record it.
        engine = self.folder.engine if self.review_id is None else claiming(self.folder.engine)
        with self._recording(), engine.begin() as conn:
            self._begin(conn)
            assert self.review_id is not None
            claimed = prepared.rows(
                conn, claim, {"review": self.review_id, "criterion": criterion_id}
            )
            if not claimed:
                self._refuse_if_submitted(conn)
            yield conn, claimed[0][0] if claimed else None

    @contextmanager
    def _edit_score(
        self, which: int, criterion_id: str, value: str | None
    ) -> Iterator[tuple[Connection, Any]]:
        """`_edit` of a score's level or comment (`which`), the score saved as `value`
        if that changes it (a comment's "" and none are the same): yields the
        connection and the value stored before, for the trail. On a team database, a
        review already recorded is claimed and its score saved by one call of the
        server's (reviewer_app/reviews/score_edit.py)."""
        if self.review_id is not None and score_edit.applies(self.folder.engine):
            engine = claiming(self.folder.engine)
            self._check_open()
            with self._recording(), engine.begin() as conn:
                edited = score_edit.edit_score(
                    conn,
                    self.review_id,
                    criterion_id,
                    score_edit.LEVEL if which == _SET_LEVEL else score_edit.COMMENT,
                    value,
                    utcnow(),
                )
                if edited is not None:
                    is_open, stored = edited
                    if not is_open:
                        self._refuse_if_submitted(conn)
                    yield conn, stored
                    # Nothing changed, nothing appended: a commit with nothing to flush.
                    conn.info.pop(prepared.FLUSH_AFTER_COMMIT, None)
                    return
        claim = _CLAIM_OPEN_LEVEL if which == _SET_LEVEL else _CLAIM_OPEN_COMMENT
        with self._edit(claim, criterion_id) as (conn, stored):
            changed = stored != value if which == _SET_LEVEL else (stored or "") != value
            if changed:
                self._upsert_score(conn, which, criterion_id, value)
            yield conn, stored

    @contextmanager
    def _recording(self) -> Iterator[None]:
        """Forgets a review recorded by a transaction that did not commit."""
        unrecorded = self.review_id is None
        try:
            yield
        except BaseException:
            if unrecorded:
                self.review_id = None
            raise

    def _claim_open(self, conn: Connection | Session) -> None:
        """Checks, in the transaction that writes, that the review is still open.

        The check is a write, and the first statement: it takes the database's write
        lock (waiting for another writer), so no other change can come between it and
        this transaction's own."""
        assert self.review_id is not None
        if not _claim(conn, self.review_id, submitted=False):
            self._refuse_if_submitted(conn)

    def _refuse_if_submitted(self, conn: Connection | Session) -> None:
        """After a claim that found the review not open: refused in words."""
        stored = conn.execute(
            select(_REVIEWS.c.submitted_at, _REVIEWS.c.decision).where(
                _REVIEWS.c.id == self.review_id
            )
        ).one()
        self.submitted_at, self.decision = stored.submitted_at, stored.decision
        self._check_open()

    def _check_open(self) -> None:
        if self.submitted_at is not None:
            raise ReviewError(
                translate(
                    "Review", "The review of {submission} is submitted; reopen it to change it."
                ).format(submission=self.submission_id)
            )

    def _refuse_unscored(self, result: DecisionPreview) -> None:
        if result.outcome is not None:
            return
        left = [f"{c} ({self.rubric.criterion(c).title})" for c in result.unscored]
        raise ReviewError(
            translate(
                "Review",
                "The review of {submission} cannot be submitted: "
                "{count} criteria are not scored yet: {criteria}.",
            ).format(submission=self.submission_id, count=len(left), criteria="; ".join(left))
        )

    def _note(self, conn: Connection | Session, change: trail.Entry) -> None:
        """Records an edit and the state it leaves: the last statement of its
        transaction, which commits with it."""
        state.note(
            conn,
            self.submission_pk,
            self.reviewer,
            [change],
            ends_transaction=True,
            submission_id=self.submission_id,
        )

    def _upsert_score(
        self, conn: Connection, which: int, criterion_id: str, value: str | None
    ) -> None:
        prepared.rows(
            conn,
            _UPSERTS[conn.dialect.name][which],
            {
                "review": self.review_id,
                "criterion": criterion_id,
                "value": value,
                "at": utcnow(),
            },
        )

    def _entry(self, action: str, before: object, after: object) -> trail.Entry:
        return trail.Entry(
            self.reviewer, action, "review", f"{self.submission_id}/{self.reviewer}", before, after
        )

    def _audit(
        self, session: Connection | Session, action: str, before: object, after: object
    ) -> None:
        trail.record_many(session, [self._entry(action, before, after)])


def _claim(conn: Connection | Session, review_id: int, *, submitted: bool) -> bool:
    """Whether the review is (still) submitted or open as `submitted` says, checked by
    an update that changes nothing but takes the write lock for this transaction."""
    claimed = conn.execute(  # a Core update: its result is a cursor's
        _CLAIM_SUBMITTED if submitted else _CLAIM_OPEN, {"review": review_id}
    )
    return bool(cast(CursorResult[Any], claimed).rowcount)


def reviewer_named(session: Session, name: str, *, role: str = "assessor") -> Reviewer:
    """The reviewer profile with this name, added (as `role`) if new."""
    name = name.strip()
    if not name:
        raise ReviewError(translate("Review", "A reviewer needs a name."))
    person = session.scalar(select(Reviewer).where(Reviewer.name == name))
    if person is None:
        person = Reviewer(name=name, role=role)
        session.add(person)
        session.flush()
        trail.record(
            session,
            actor=name,
            action="reviewer.add",
            entity="reviewer",
            entity_id=name,
            after={"role": role},
        )
    return person


def record_decision(
    session: Session,
    submission_pk: int,
    outcome: str,
    review_id: int | None,
    at: dt.datetime,
    decided_by: int | None = None,
    rationale: str | None = None,
) -> None:
    """The decision that stands for a submission, and the submission's status with it."""
    outcome = Outcome(outcome)
    existing = session.scalar(select(Decision).where(Decision.submission_id == submission_pk))
    before = {"outcome": existing.outcome} if existing else None
    if existing is None:
        existing = Decision(submission_id=submission_pk, outcome=outcome)
        session.add(existing)
    existing.outcome, existing.review_id, existing.decided_at = outcome, review_id, at
    existing.decided_by, existing.rationale = decided_by, rationale
    session.execute(update(Submission).where(Submission.id == submission_pk).values(status=outcome))
    submission_id = session.scalar(
        select(Submission.submission_id).where(Submission.id == submission_pk)
    )
    trail.record(
        session,
        actor="system",
        action="decision.record",
        entity="decision",
        entity_id=str(submission_id),
        before=before,
        after={"outcome": outcome, "review": review_id},
    )


def submission_named(session: Session, submission_id: str) -> Submission:
    """The submission with this id, or a refusal that says there is none."""
    return _submission(session, submission_id)


def _submission(session: Session, submission_id: str) -> Submission:
    submission = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if submission is None:
        raise ReviewError(
            translate(
                "Review", "There is no submission {submission!r} in this data folder."
            ).format(submission=submission_id)
        )
    return submission


# Parsed rubrics by content digest: a stored version never changes, and parsing it (and
# reading its JSON) again for every submission opened was a good part of moving on.
_RUBRICS: dict[str, Rubric] = {}
_RUBRICS_KEPT = 64


def _rubric_of(session: Session, definition: DefinitionRow) -> Rubric:
    rubric = _RUBRICS.get(definition.content_digest)
    if rubric is None:
        content = session.scalar(select(Definition.content).where(Definition.id == definition.id))
        rubric = Rubric.from_content(content or {})
        if len(_RUBRICS) >= _RUBRICS_KEPT:
            _RUBRICS.pop(next(iter(_RUBRICS)))
        _RUBRICS[definition.content_digest] = rubric
    return rubric


def _definition_for(session: Session, submission: SubmissionRef) -> DefinitionRow:
    """The definition a new review of `submission` is scored under: the current one."""
    if submission.credential_uri is None:
        raise ReviewError(
            translate(
                "Review",
                "Submission {submission} has no micro-credential yet "
                "(it came as a loose bundle); assign one before reviewing it: in the "
                "window with Review > Assign a micro-credential…, or with "
                "'reviewer-app submissions assign {submission} --credential ID'.",
            ).format(submission=submission.submission_id)
        )
    definition = (
        session.connection()
        .execute(_CURRENT_DEFINITION, {"uri": submission.credential_uri})
        .one_or_none()
    )
    if definition is None:
        raise ReviewError(
            translate(
                "Review",
                "Submission {submission} is for {credential}, which has no definition here; "
                "add it with 'reviewer-app definitions add FILE'.",
            ).format(submission=submission.submission_id, credential=submission.credential_uri)
        )
    return definition


def _trail_form(a: Annotation) -> dict[str, Any]:
    """What the audit trail keeps of an annotation."""
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
