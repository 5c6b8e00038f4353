"""The database model: typed SQLAlchemy 2 ORM classes.

Submissions are what earners send (one attempt at one micro-credential); evidence items
point into the content-addressed store by hash. Definitions, reviews, decisions and
issued credentials are the places later features grow on: every table has a surrogate
integer key, and the platform's own ids are kept as unique strings beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from reviewer_app.vocabulary import CredentialFormat, Outcome, Proof, Status, Word

# Stable constraint names, so that Alembic migrations can refer to them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An instant: stored as UTC (SQLite keeps no offsets), read back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime cannot be stored: its instant is unknown")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        result: dt.datetime = value
        return result.replace(tzinfo=dt.UTC)


WordT = TypeVar("WordT", bound=Word)


class Vocabulary(TypeDecorator[WordT]):
    """A column holding a word of one of reviewer_app.vocabulary's enums: stored as its
    string, as before the enums (no migration), and read back as the member. A string the
    enum does not know (written by a newer version) is read as it is, not refused: the
    member and the string compare equal, so the code reading it works either way."""

    impl = String
    cache_ok = True

    def __init__(self, words: type[WordT], length: int = 20) -> None:
        super().__init__(length)
        self.words = words
        # A dictionary look-up: a tenth of the enum's own, on every row read.
        self._members: dict[str, WordT] = {member.value: member for member in words}

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> WordT | None:
        if value is None:
            return None
        member: WordT = self._members.get(value, value)
        return member


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Blob(Base):
    """One file in the content-addressed store, known by the SHA-256 of its bytes."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BlobChunk(Base):
    """One piece (at most a mebibyte) of a blob's bytes, on a team database; a data
    folder keeps its files in its store and leaves this table empty (migration 0015)."""

    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class StoreIntent(Base):
    """A blob put into the store by an import that has not committed yet.

    Written and committed before the blob is moved into place; removed in the same
    transaction that records the submission. After a crash, a remaining intent names a
    blob that may be referenced by nothing, and opening the folder removes it.
    """

    __tablename__ = "store_intents"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# The columns that say who an earner is (see `Earner`).
EARNER_GROUP = "earner"


class Earner(Base):
    __tablename__ = "earners"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The platform's id of the earner: a mailto: URI, an email address or another URI.
    # Loose bundles have none; they get a local id of their own.
    # Who the earner is: loaded only when asked for (`EARNER_GROUP`), because a team
    # database hides these columns from assessors' logins during blind review.
    external_id: Mapped[str] = mapped_column(
        String(400), unique=True, deferred=True, deferred_group=EARNER_GROUP
    )
    name: Mapped[str] = mapped_column(
        String(400), index=True, deferred=True, deferred_group=EARNER_GROUP
    )
    email: Mapped[str | None] = mapped_column(
        String(400), deferred=True, deferred_group=EARNER_GROUP
    )

    submissions: Mapped[list[Submission]] = relationship(back_populates="earner")


class Submission(Base):
    """One attempt by one earner at one micro-credential."""

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_earner_credential", "earner_id", "credential_uri"),
        # The queue's orders (see reviews/queue.py): each lets SQLite read ids in order.
        Index("ix_submissions_queue_submitted", "submitted_at", "submission_id"),
        Index("ix_submissions_queue_status", "status", "submitted_at", "submission_id"),
        Index("ix_submissions_queue_credential", "credential_uri", "submitted_at", "submission_id"),
        Index("ix_submissions_queue_credential_name", "credential_name", "submission_id"),
        Index("ix_submissions_queue_attempt", "attempt", "submission_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(200), unique=True)
    earner_id: Mapped[int] = mapped_column(ForeignKey("earners.id"))
    # The earner's name and email as this submission's own manifest gives them: what its
    # credential is issued to, whatever another bundle said for the same earner id (the
    # `earners` row keeps the first values seen). None in rows imported before they were
    # kept, which fall back to the earner's. Loaded when asked for, as the earner's.
    earner_name: Mapped[str | None] = mapped_column(
        String(400), deferred=True, deferred_group=EARNER_GROUP
    )
    earner_email: Mapped[str | None] = mapped_column(
        String(400), deferred=True, deferred_group=EARNER_GROUP
    )
    # The micro-credential's achievement id; None for a loose bundle until assigned.
    credential_uri: Mapped[str | None] = mapped_column(String(1000), index=True)
    credential_name: Mapped[str | None] = mapped_column(String(400))
    attempt: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[dt.datetime | None]
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    notes: Mapped[str | None] = mapped_column(Text)
    shape: Mapped[str] = mapped_column(String(20))  # "manifest" or "loose"
    # The file it came in, which may carry the earner's name: loaded when asked for.
    source_name: Mapped[str] = mapped_column(
        String(1000), deferred=True, deferred_group=EARNER_GROUP
    )
    # SHA-256 over the normalized submission (metadata and every item with its hash):
    # the same id with the same digest is "already imported", another digest a conflict.
    content_digest: Mapped[str] = mapped_column(String(64))
    status: Mapped[Status] = mapped_column(
        Vocabulary(Status), default=Status.UNREVIEWED, index=True
    )
    warnings: Mapped[list[str]] = mapped_column(default=list)
    # A learning platform's download (migration 0016): "moodle" or "canvas", the
    # platform's id for the student, and whether the platform said it came late.
    platform: Mapped[str | None] = mapped_column(String(20))
    platform_id: Mapped[str | None] = mapped_column(String(200))
    late: Mapped[bool] = mapped_column(default=False, server_default=false())

    earner: Mapped[Earner] = relationship(back_populates="submissions")
    items: Mapped[list[EvidenceItem]] = relationship(
        back_populates="submission",
        order_by="EvidenceItem.position",
        cascade="all, delete-orphan",
    )
    reviews: Mapped[list[Review]] = relationship(back_populates="submission")

    def identity(self) -> tuple[str, str | None]:
        """(name, email) of the earner as this submission gives them."""
        if self.earner_name is not None:
            return self.earner_name, self.earner_email
        email = self.earner.email
        if email is None and self.earner.external_id.lower().startswith("mailto:"):
            email = self.earner.external_id[len("mailto:") :]
        return self.earner.name, email


class EvidenceItem(Base):
    """One piece of evidence: a stored file, or an answer the earner typed."""

    __tablename__ = "evidence_items"
    __table_args__ = (UniqueConstraint("submission_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]  # the earner's order, from 0
    kind: Mapped[str] = mapped_column(String(10))  # "file" or "text"
    part: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(1000))
    description: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(String(1000))  # inside the bundle
    blob_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int | None]
    media_type: Mapped[str | None] = mapped_column(String(200))
    declared_media_type: Mapped[str | None] = mapped_column(String(200))
    page_count: Mapped[int | None]
    width: Mapped[int | None]
    height: Mapped[int | None]
    exif_orientation: Mapped[int | None]
    frame_count: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)  # a written answer
    # Derived data (text index, thumbnail) is made after import: "pending", "done",
    # "none" (nothing to derive) or "failed".
    derive_status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    thumbnail_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    warnings: Mapped[list[str]] = mapped_column(default=list)

    submission: Mapped[Submission] = relationship(back_populates="items")


class Reviewer(Base):
    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="assessor")  # or "lead"
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # On a team database, the login this person connects as (reviewer_app.team).
    login: Mapped[str | None] = mapped_column(String(63), unique=True)


class Assignment(Base):
    """Who is to score what: a lead's assignment of a submission to a reviewer (team
    mode: reviewer_app.team.assign)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("submission_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"), index=True)
    assigned_by: Mapped[str] = mapped_column(String(200))
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))


class Definition(Base):
    """One version of a micro-credential definition (achievement and rubric)."""

    __tablename__ = "definitions"
    __table_args__ = (UniqueConstraint("achievement_uri", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_uri: Mapped[str] = mapped_column(String(1000), index=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(400))
    content: Mapped[dict[str, Any]]
    content_digest: Mapped[str] = mapped_column(String(64))
    image_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Review(Base):
    """One reviewer's scoring of one submission, under one rubric version."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("submission_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"), index=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("definitions.id"))
    feedback: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[dt.datetime | None]
    decision: Mapped[Outcome | None] = mapped_column(Vocabulary(Outcome))
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))

    submission: Mapped[Submission] = relationship(back_populates="reviews")
    scores: Mapped[list[CriterionScore]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )


class CriterionScore(Base):
    __tablename__ = "criterion_scores"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(200))
    level_id: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))

    review: Mapped[Review] = relationship(back_populates="scores")


class Annotation(Base):
    """Feedback pinned to a place in the evidence, part of one review (see
    reviews.annotations for the anchors and their units)."""

    __tablename__ = "annotations"
    __table_args__ = (UniqueConstraint("review_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]  # 1, 2, ... in the order made within the review
    item_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), index=True
    )
    page: Mapped[int] = mapped_column(default=1)  # 1-based
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    width: Mapped[float | None] = mapped_column(Float)
    height: Mapped[float | None] = mapped_column(Float)
    quote: Mapped[str | None] = mapped_column(Text)
    quote_start: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text, default="")
    criterion_id: Mapped[str | None] = mapped_column(String(200))
    tag: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))


class Decision(Base):
    """The outcome that stands for a submission (from a review, or a lead's adjudication)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), unique=True)
    outcome: Mapped[Outcome] = mapped_column(Vocabulary(Outcome))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"))
    rationale: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # An adjudicated decision: whose feedback the earner receives (one of the reviews),
    # or the lead's own words in `feedback`.
    feedback_review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    feedback: Mapped[str | None] = mapped_column(Text)
    # The annotations the earner receives, by id, when a lead chose them (from any of
    # the reviews) in adjudication; None: those of the review the feedback comes from.
    letter_annotations: Mapped[list[int] | None] = mapped_column(JSON)
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))


class Issuer(Base):
    """An issuer profile: who signs. A data folder may hold several (an association and
    a cultural centre sharing an office); one is the default for exports."""

    __tablename__ = "issuers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)  # names its key folder
    name: Mapped[str] = mapped_column(String(400))
    url: Mapped[str] = mapped_column(String(1000))
    email: Mapped[str | None] = mapped_column(String(400))
    description: Mapped[str | None] = mapped_column(Text)
    image_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    # Where the export's hosting/ folder is served, ending in "/".
    base_url: Mapped[str] = mapped_column(String(1000))
    did_method: Mapped[str] = mapped_column(String(10))  # "key" or "web"
    # Random, never exported: derives each award's salt and ids, so that an export run
    # again (or on a copy of the folder) makes the very same files.
    secret: Mapped[str] = mapped_column(String(64))
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    keys: Mapped[list[IssuerKey]] = relationship(back_populates="issuer", order_by="IssuerKey.id")


class IssuerKey(Base):
    """One signing key. The private half lives only in an encrypted file beside the
    database; the public half stays here (and published) after the key is retired, so
    that what it signed still verifies."""

    __tablename__ = "issuer_keys"
    __table_args__ = (UniqueConstraint("issuer_id", "key_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuers.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(100))  # "ed25519-1", "rsa-2"
    kind: Mapped[str] = mapped_column(String(20))  # "ed25519" or "rsa"
    public_key: Mapped[str] = mapped_column(Text)  # PEM
    file_name: Mapped[str] = mapped_column(String(200))  # under keys/<issuer slug>/
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[dt.datetime | None]

    issuer: Mapped[Issuer] = relationship(back_populates="keys")


class IssuedCredential(Base):
    """A signed credential made from a passing decision; never issued twice for one.

    The signed document is kept as issued: exporting again writes the same bytes."""

    __tablename__ = "issued_credentials"
    __table_args__ = (
        UniqueConstraint("decision_id", "format"),
        UniqueConstraint("issuer_id", "status_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    credential_id: Mapped[str] = mapped_column(String(1000), unique=True)
    format: Mapped[CredentialFormat] = mapped_column(Vocabulary(CredentialFormat))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[dt.datetime | None]
    revocation_reason: Mapped[str | None] = mapped_column(Text)
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("issuers.id"), index=True)
    key_id: Mapped[str | None] = mapped_column(String(100))
    proof: Mapped[Proof | None] = mapped_column(Vocabulary(Proof))
    status_index: Mapped[int | None]
    document: Mapped[str | None] = mapped_column(Text)  # the signed JSON, JWT or JWS
    exported_at: Mapped[dt.datetime | None]


class Pathway(Base):
    """A group of micro-credentials that together earn a larger recognition."""

    __tablename__ = "pathways"

    id: Mapped[int] = mapped_column(primary_key=True)
    pathway_uri: Mapped[str] = mapped_column(String(1000), unique=True)
    name: Mapped[str] = mapped_column(String(400))
    content: Mapped[dict[str, Any]]
    content_digest: Mapped[str] = mapped_column(String(64))
    image_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CredentialSetting(Base):
    """Per micro-credential (all its versions): how many independent reviews each
    submission needs before a decision stands."""

    __tablename__ = "credential_settings"

    credential_uri: Mapped[str] = mapped_column(String(1000), primary_key=True)
    required_reviews: Mapped[int] = mapped_column(default=1)
    # Qualification thresholds when not the defaults (see calibration.report.Rules).
    rules: Mapped[dict[str, Any] | None]


class Anchor(Base):
    """A submission with known scores: the reference is a lead's submitted review.
    Anchors calibrate and qualify assessors and can be seeded into live queues."""

    __tablename__ = "anchors"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), unique=True)
    reference_review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    marked_by: Mapped[int] = mapped_column(ForeignKey("reviewers.id"))
    rationale: Mapped[str | None] = mapped_column(Text)
    marked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FolderSetting(Base):
    """A setting of this data folder (shared by everyone who works in it)."""

    __tablename__ = "folder_settings"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[dict[str, Any]]


class AuditEvent(Base):
    """One entry of the append-only, hash-chained audit trail.

    `before` and `after` are kept as the exact JSON text that was hashed, so that
    verifying never depends on how a JSON library re-encodes them.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, as hashed
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(1000))
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # On a team database, the login that wrote the row, as the server sets it.
    written_by: Mapped[str | None] = mapped_column(String(63))


class Packet(Base):
    """A review packet: issued by this folder (a lead's) or received by it (an
    assessor's). Its id travels in the file and in every return made from it."""

    __tablename__ = "packets"

    id: Mapped[int] = mapped_column(primary_key=True)
    packet_id: Mapped[str] = mapped_column(String(36), unique=True)
    direction: Mapped[str] = mapped_column(String(10))  # "issued" or "received"
    issued_by: Mapped[str] = mapped_column(String(400))  # the lead and folder, as the file says
    created_at: Mapped[dt.datetime]  # when the lead made it
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # SHA-256 of the packet file: the same id from other bytes is refused.
    file_sha256: Mapped[str] = mapped_column(String(64))

    assignments: Mapped[list[PacketAssignment]] = relationship(
        back_populates="packet", order_by="PacketAssignment.id", cascade="all, delete-orphan"
    )


class PacketAssignment(Base):
    """Who scores what: one reviewer and one submission of a packet. Names and ids are
    kept as text, since they name people and submissions in another folder too."""

    __tablename__ = "packet_assignments"
    __table_args__ = (UniqueConstraint("packet_id", "reviewer", "submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    packet_id: Mapped[int] = mapped_column(ForeignKey("packets.id", ondelete="CASCADE"))
    reviewer: Mapped[str] = mapped_column(String(200))
    submission_id: Mapped[str] = mapped_column(String(200), index=True)
    credential_uri: Mapped[str] = mapped_column(String(1000))

    packet: Mapped[Packet] = relationship(back_populates="assignments")


class PacketReturn(Base):
    """A return file a lead imported; the same file (by digest) is never applied twice."""

    __tablename__ = "packet_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    packet_id: Mapped[int] = mapped_column(ForeignKey("packets.id"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]  # when the assessor made it
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # What importing did: submission ids "added", "unchanged" and in "conflicts".
    summary: Mapped[dict[str, Any]]


class ReviewConflict(Base):
    """A returned review that differs from the one this folder already holds for that
    reviewer and submission: kept aside, never applied, until a lead chooses."""

    __tablename__ = "review_conflicts"
    __table_args__ = (UniqueConstraint("return_sha256", "submission_id", "reviewer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    packet_id: Mapped[str] = mapped_column(String(36))
    return_sha256: Mapped[str] = mapped_column(String(64))
    submission_id: Mapped[str] = mapped_column(String(200))
    reviewer: Mapped[str] = mapped_column(String(200))
    incoming: Mapped[dict[str, Any]]  # the review as the return holds it
    incoming_digest: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(10))  # "existing" or "incoming"
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"))
    rationale: Mapped[str | None] = mapped_column(Text)


class CalibrationSet(Base):
    """Anchors given to assessors together: as practice (each scored anchor shows the
    reference at once) or as a qualifying set (nothing shown until every one is done)."""

    __tablename__ = "calibration_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    credential_uri: Mapped[str] = mapped_column(String(1000))
    mode: Mapped[str] = mapped_column(String(20))  # "practice" or "qualifying"
    created_by: Mapped[int] = mapped_column(ForeignKey("reviewers.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CalibrationSetItem(Base):
    __tablename__ = "calibration_set_items"
    __table_args__ = (UniqueConstraint("set_id", "anchor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("calibration_sets.id"), index=True)
    anchor_id: Mapped[int] = mapped_column(ForeignKey("anchors.id"))
    position: Mapped[int]


class CalibrationAssignment(Base):
    __tablename__ = "calibration_assignments"
    __table_args__ = (UniqueConstraint("set_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("calibration_sets.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"))
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
