"""Returns: the reviews an assessor scored from a packet, carried back to the lead.

The assessor's folder writes the submitted reviews of one reviewer in one packet. The
lead's folder checks the file whole first (hashes, then that the packet is one it issued
and the reviewer was assigned each submission, then each review against its rubric);
only then, in one transaction, adds each review that is new and settles its submission.
A review the lead already holds with the same content is left alone; with other content
it becomes a conflict that a lead resolves. The same return file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from reviewer_app.audit import trail
from reviewer_app.canonical import canonical_json
from reviewer_app.formats import JsonProblem, parse_json
from reviewer_app.packets.manifest import (
    RETURN_FORMAT,
    ArchiveLimits,
    ArchiveRejected,
    ArchiveWriter,
    PacketError,
    Reject,
    json_bytes,
    now_text,
    open_archive,
    text_field,
    time_field,
    uuid_field,
)
from reviewer_app.packets.packet import ISSUED
from reviewer_app.reviews.moderation import settle
from reviewer_app.reviews.service import reviewer_named
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    IssuedCredential,
    Packet,
    PacketReturn,
    Review,
    ReviewConflict,
    Reviewer,
    Submission,
    utcnow,
)

REVIEWS = "reviews.json"
MAX_RETURN_BYTES = 64 * 1024 * 1024
DECISIONS = ("pass", "not-yet")
KEEP = ("existing", "incoming")
# What a review's digest covers: its scoring, not when it was made, so that a review
# reopened and submitted again unchanged is still the same review.
DIGEST_FIELDS = (
    "submission_id",
    "reviewer",
    "credential_id",
    "rubric_version",
    "levels",
    "comments",
    "feedback",
    "decision",
)


def review_digest(content: Mapping[str, Any]) -> str:
    record = {key: content.get(key) for key in DIGEST_FIELDS}
    return hashlib.sha256(canonical_json(record).encode()).hexdigest()


def review_content(
    session: Session, review: Review, submission_id: str, reviewer: str
) -> dict[str, Any]:
    """A review as a return carries it (without its digest)."""
    definition = session.get_one(Definition, review.definition_id)
    scores = session.execute(
        select(CriterionScore.criterion_id, CriterionScore.level_id, CriterionScore.comment)
        .where(CriterionScore.review_id == review.id)
        .order_by(CriterionScore.criterion_id)
    ).all()
    return {
        "submission_id": submission_id,
        "reviewer": reviewer,
        "credential_id": definition.achievement_uri,
        "rubric_version": definition.version,
        "definition_digest": definition.content_digest,
        "levels": {criterion: level for criterion, level, _ in scores if level},
        "comments": {criterion: comment for criterion, _, comment in scores if comment},
        "feedback": review.feedback or "",
        "decision": review.decision,
        "started_at": review.started_at.isoformat(),
        "submitted_at": review.submitted_at.isoformat() if review.submitted_at else None,
    }


def _review_by(session: Session, submission_pk: int, reviewer: str) -> Review | None:
    return session.scalar(
        select(Review)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .where(Review.submission_id == submission_pk, Reviewer.name == reviewer)
    )


# Export (the assessor's folder) ------------------------------------------------------------


@dataclass
class ExportedReturn:
    packet_id: str
    reviewer: str
    out: Path
    submissions: list[str]
    not_done: list[dict[str, str]]  # {submission_id, state}: left out of this return
    sha256: str


def export_return(
    folder: DataFolder,
    packet_id: str,
    reviewer: str,
    out: Path,
    *,
    actor: str,
    submissions: list[str] | None = None,
) -> ExportedReturn:
    """Writes the submitted reviews by `reviewer` of the packet's submissions assigned
    to them (or of `submissions` among those). Reviews not submitted yet are left out
    and listed; with none submitted, nothing is written."""
    packet_id, reviewer = packet_id.strip(), reviewer.strip()
    if out.is_dir():
        raise PacketError(f"{out} is a folder; give the name of the return file to write.")
    if not out.parent.is_dir():
        raise PacketError(f"The folder {out.parent} does not exist.")
    with folder.sessions() as session:
        packet = session.scalar(
            select(Packet)
            .options(selectinload(Packet.assignments))
            .where(Packet.packet_id == packet_id)
        )
        if packet is None:
            raise PacketError(
                f"No packet {packet_id} was imported into this data folder; "
                "'reviewer-app packet list' shows those that were."
            )
        if packet.direction == ISSUED:
            raise PacketError(
                f"Packet {packet_id} was made in this data folder. A return is made in the "
                "assessor's data folder, from the packet imported there."
            )
        mine = [a.submission_id for a in packet.assignments if a.reviewer == reviewer]
        if not mine:
            names = sorted({a.reviewer for a in packet.assignments})
            raise PacketError(
                f"Packet {packet_id} assigns nothing to {reviewer!r}; it assigns submissions "
                f"to {', '.join(names)}."
            )
        if submissions:
            unknown = [s for s in submissions if s not in mine]
            if unknown:
                raise PacketError(
                    f"Packet {packet_id} does not assign {', '.join(unknown)} to {reviewer}."
                )
            mine = [s for s in mine if s in submissions]
        done: list[dict[str, Any]] = []
        not_done: list[dict[str, str]] = []
        for submission_id in mine:
            pk = session.scalar(
                select(Submission.id).where(Submission.submission_id == submission_id)
            )
            review = _review_by(session, pk, reviewer) if pk is not None else None
            if review is None or review.submitted_at is None:
                state = "not started" if review is None else "not submitted"
                not_done.append({"submission_id": submission_id, "state": state})
                continue
            content = review_content(session, review, submission_id, reviewer)
            done.append({**content, "digest": review_digest(content)})
    if not done:
        waiting = "; ".join(f"{n['submission_id']} ({n['state']})" for n in not_done)
        raise PacketError(
            f"None of {reviewer}'s reviews in packet {packet_id} is submitted yet: {waiting}. "
            "Nothing was written."
        )
    manifest = {
        "format": RETURN_FORMAT,
        "packet_id": packet_id,
        "reviewer": reviewer,
        "created": now_text(),
        "from": {"folder": folder.root.name},
    }
    with ArchiveWriter(out) as writer:
        writer.add_bytes(REVIEWS, json_bytes({"reviews": done}))
        sha = writer.finish(manifest)
    exported = [r["submission_id"] for r in done]
    try:
        with folder.sessions.begin() as session:
            trail.record(
                session,
                actor=actor,
                action="packet.return",
                entity="packet",
                entity_id=packet_id,
                after={"file": out.name, "sha256": sha, "reviewer": reviewer, "reviews": exported},
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return ExportedReturn(packet_id, reviewer, out, exported, not_done, sha)


# Import (the lead's folder) -----------------------------------------------------------------


@dataclass
class ImportedReturn:
    packet_id: str
    reviewer: str
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # {id, submission_id}
    statuses: dict[str, str] = field(default_factory=dict)  # submission -> status after
    already_imported: bool = False


@dataclass(frozen=True)
class _Target:
    submission: Submission
    definition: Definition


def import_return(folder: DataFolder, path: Path, *, actor: str) -> ImportedReturn:
    """Imports a return into the lead's folder that issued its packet."""
    label = str(path)
    raw = _read_whole(path, label)
    file_sha = hashlib.sha256(raw).hexdigest()
    limits = ArchiveLimits(
        max_entries=8, max_entry_bytes=MAX_RETURN_BYTES, max_total_bytes=MAX_RETURN_BYTES
    )
    with open_archive(raw, label, RETURN_FORMAT, limits) as archive:
        m, reject = archive.manifest, archive.reject
        packet_id = uuid_field(m, "packet_id", reject)
        reviewer = text_field(m, "reviewer", "", reject).strip()
        time_field(m, "created", "", reject)
        odd = sorted(set(archive.files) - {REVIEWS})
        if odd:
            raise reject("is not part of a return", odd[0])
        if REVIEWS not in archive.files:
            raise reject(f"has no {REVIEWS}")
        try:
            body = parse_json(archive.read(REVIEWS))
        except JsonProblem as e:
            raise reject(str(e), REVIEWS) from None
        incoming = _parse_reviews(body, reviewer, reject)
    result = ImportedReturn(packet_id, reviewer)
    with folder.sessions.begin() as session:
        if session.scalar(select(PacketReturn.id).where(PacketReturn.file_sha256 == file_sha)):
            result.already_imported = True
            return result
        packet = _issued_packet(session, packet_id, label)
        assigned = {a.submission_id for a in packet.assignments if a.reviewer == reviewer}
        targets = [_target(session, label, packet_id, reviewer, assigned, r) for r in incoming]
        # Every review checked: now the changes, all in this one transaction.
        now = utcnow()
        for review, target in zip(incoming, targets, strict=True):
            _apply(session, review, target, packet_id, file_sha, actor, now, result)
        session.add(
            PacketReturn(
                packet_id=packet.id,
                reviewer=reviewer,
                file_sha256=file_sha,
                created_at=dt.datetime.fromisoformat(m["created"]),
                summary={
                    "added": result.added,
                    "unchanged": result.unchanged,
                    "conflicts": [c["submission_id"] for c in result.conflicts],
                },
            )
        )
        trail.record(
            session,
            actor=actor,
            action="packet.import_return",
            entity="packet",
            entity_id=packet_id,
            after={
                "file": path.name,
                "sha256": file_sha,
                "reviewer": reviewer,
                "added": result.added,
                "unchanged": result.unchanged,
                "conflicts": [c["id"] for c in result.conflicts],
            },
        )
    return result


def _read_whole(path: Path, label: str) -> bytes:
    """The file's bytes, read once: what is hashed is what is checked and imported."""
    try:
        if not path.is_file():
            raise ArchiveRejected(label, "does not exist or is not a file")
        if path.stat().st_size > MAX_RETURN_BYTES:
            raise ArchiveRejected(label, f"is larger than {MAX_RETURN_BYTES:,} bytes")
        return path.read_bytes()
    except OSError as e:
        raise ArchiveRejected(label, f"cannot be read ({e.strerror or e})") from None


def _parse_reviews(body: Any, reviewer: str, reject: Reject) -> list[dict[str, Any]]:
    if not isinstance(body, dict) or not isinstance(body.get("reviews"), list):
        raise reject("must hold an object with a list 'reviews'", REVIEWS)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, raw in enumerate(body["reviews"]):
        review = _parse_review(raw, f"reviews[{n}].", reject)
        if review["reviewer"] != reviewer:
            raise reject(
                f"reviews[{n}] is by {review['reviewer']!r}, but the return is {reviewer!r}'s",
                REVIEWS,
            )
        if review["submission_id"] in seen:
            raise reject(f"reviews[{n}] reviews {review['submission_id']} again", REVIEWS)
        seen.add(review["submission_id"])
        out.append(review)
    if not out:
        raise reject("holds no review", REVIEWS)
    return out


def _parse_review(raw: Any, where: str, reject: Reject) -> dict[str, Any]:
    def fail(problem: str) -> ArchiveRejected:
        return reject(f"{where}{problem}", REVIEWS)

    if not isinstance(raw, dict):
        raise fail("must be an object")
    out: dict[str, Any] = {}
    for key in ("submission_id", "reviewer", "credential_id", "definition_digest", "digest"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key} must be non-empty text")
        out[key] = value
    version = raw.get("rubric_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail("rubric_version must be a whole number from 1")
    out["rubric_version"] = version
    for key in ("levels", "comments"):
        value = raw.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise fail(f"{key} must map criterion ids to text")
        out[key] = value
    if not isinstance(raw.get("feedback"), str):
        raise fail("feedback must be text")
    out["feedback"] = raw["feedback"]
    if raw.get("decision") not in DECISIONS:
        raise fail("decision must be 'pass' or 'not-yet'")
    out["decision"] = raw["decision"]
    for key in ("started_at", "submitted_at"):
        try:
            value = dt.datetime.fromisoformat(raw[key]) if isinstance(raw.get(key), str) else None
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            raise fail(f"{key} must be a date-time with an offset")
        out[key] = raw[key]
    if review_digest(out) != out["digest"]:
        raise fail(
            f"(the review of {out['submission_id']}) does not match its digest: "
            "it was changed after the return was made"
        )
    return out


def _issued_packet(session: Session, packet_id: str, label: str) -> Packet:
    packet = session.scalar(
        select(Packet)
        .options(selectinload(Packet.assignments))
        .where(Packet.packet_id == packet_id)
    )
    if packet is None:
        raise PacketError(
            f"{label} answers packet {packet_id}, which this data folder did not issue: "
            "import a return in the lead's folder that made its packet. Nothing was imported."
        )
    if packet.direction != ISSUED:
        raise PacketError(
            f"{label} answers packet {packet_id}, which this data folder received rather "
            "than issued: import the return in the lead's folder. Nothing was imported."
        )
    return packet


def _target(
    session: Session,
    label: str,
    packet_id: str,
    reviewer: str,
    assigned: set[str],
    review: dict[str, Any],
) -> _Target:
    """Checks one incoming review against this folder; raises PacketError."""
    sid = review["submission_id"]

    def refuse(problem: str) -> PacketError:
        return PacketError(
            f"{label}: the review of {sid} by {reviewer} {problem}. Nothing was imported."
        )

    if sid not in assigned:
        raise refuse(f"was not asked for: packet {packet_id} did not assign {sid} to {reviewer}")
    submission = session.scalar(select(Submission).where(Submission.submission_id == sid))
    if submission is None:
        raise refuse("is of a submission this data folder does not hold")
    definition = session.scalar(
        select(Definition).where(
            Definition.achievement_uri == review["credential_id"],
            Definition.version == review["rubric_version"],
        )
    )
    if definition is None:
        raise refuse(
            f"was scored under version {review['rubric_version']} of {review['credential_id']}, "
            "which this data folder does not have"
        )
    if definition.achievement_uri != submission.credential_uri:
        raise refuse(f"was scored under {definition.achievement_uri}, not the submission's")
    if definition.content_digest != review["definition_digest"]:
        raise refuse(
            f"was scored under a version {definition.version} of {definition.achievement_uri} "
            "whose content differs from this folder's"
        )
    problem = rubric_problem(Rubric.from_content(definition.content), review)
    if problem is not None:
        raise refuse(problem)
    return _Target(submission, definition)


def rubric_problem(rubric: Rubric, review: Mapping[str, Any]) -> str | None:
    """Why the review's levels, comments and decision do not fit its rubric, if so."""
    for criterion_id, level_id in review["levels"].items():
        try:
            criterion = rubric.criterion(criterion_id)
            criterion.index_of(level_id)
        except KeyError:
            return f"scores {criterion_id!r}, which is not a criterion of its rubric"
        except ValueError:
            return f"gives {criterion_id!r} the level {level_id!r}, which it does not have"
    for criterion_id in review["comments"]:
        try:
            rubric.criterion(criterion_id)
        except KeyError:
            return f"comments on {criterion_id!r}, which is not a criterion of its rubric"
    preview = decide(rubric, review["levels"])
    if preview.outcome is None:
        return f"leaves criteria unscored ({', '.join(preview.unscored)})"
    if preview.outcome != review["decision"]:
        return (
            f"says {review['decision']!r}, but its levels give {preview.outcome!r} by the "
            "rubric's pass rule"
        )
    return None


def _apply(
    session: Session,
    review: dict[str, Any],
    target: _Target,
    packet_id: str,
    file_sha: str,
    actor: str,
    now: dt.datetime,
    result: ImportedReturn,
) -> None:
    sid, reviewer = review["submission_id"], review["reviewer"]
    submission = target.submission
    existing = _review_by(session, submission.id, reviewer)
    if existing is None:
        person = reviewer_named(session, reviewer, role="assessor")
        row = Review(submission_id=submission.id, reviewer_id=person.id)
        session.add(row)
        _write_scores(session, row, review, target.definition)
        trail.record(
            session,
            actor=actor,
            action="review.import",
            entity="review",
            entity_id=f"{sid}/{reviewer}",
            after={
                "packet": packet_id,
                "return": file_sha,
                "digest": review["digest"],
                "decision": review["decision"],
                "levels": review["levels"],
            },
        )
        result.added.append(sid)
        result.statuses[sid] = settle(session, submission.id, now)
        return
    if review_digest(review_content(session, existing, sid, reviewer)) == review["digest"]:
        result.unchanged.append(sid)
        return
    # The same incoming content seen before (from another file, or already resolved)
    # is not raised again.
    seen = session.scalar(
        select(ReviewConflict.id).where(
            ReviewConflict.review_id == existing.id,
            ReviewConflict.incoming_digest == review["digest"],
        )
    )
    if seen is not None:
        result.conflicts.append({"id": seen, "submission_id": sid, "new": False})
        return
    conflict = ReviewConflict(
        review_id=existing.id,
        packet_id=packet_id,
        return_sha256=file_sha,
        submission_id=sid,
        reviewer=reviewer,
        incoming=review,
        incoming_digest=review["digest"],
        detected_at=now,
    )
    session.add(conflict)
    session.flush()
    trail.record(
        session,
        actor=actor,
        action="review.conflict",
        entity="review",
        entity_id=f"{sid}/{reviewer}",
        after={"conflict": conflict.id, "packet": packet_id, "return": file_sha},
    )
    result.conflicts.append({"id": conflict.id, "submission_id": sid, "new": True})


def _write_scores(
    session: Session, row: Review, review: Mapping[str, Any], definition: Definition
) -> None:
    """Gives `row` the review's rubric version, scores, feedback and decision."""
    submitted = dt.datetime.fromisoformat(review["submitted_at"])
    row.definition_id = definition.id
    row.feedback = review["feedback"] or None
    row.started_at = dt.datetime.fromisoformat(review["started_at"])
    row.submitted_at = submitted
    row.updated_at = submitted
    row.decision = review["decision"]
    session.flush()
    session.execute(delete(CriterionScore).where(CriterionScore.review_id == row.id))
    levels, comments = review["levels"], review["comments"]
    session.add_all(
        CriterionScore(
            review_id=row.id,
            criterion_id=criterion,
            level_id=levels.get(criterion),
            comment=comments.get(criterion),
            updated_at=submitted,
        )
        for criterion in sorted(set(levels) | set(comments))
    )
    session.flush()


# Conflicts ----------------------------------------------------------------------------------


@dataclass
class ConflictView:
    id: int
    submission_id: str
    reviewer: str
    packet_id: str
    return_sha256: str
    detected_at: dt.datetime
    existing: dict[str, Any]
    incoming: dict[str, Any]
    differences: list[str]
    resolution: str | None = None
    resolved_at: dt.datetime | None = None
    resolved_by: str | None = None
    rationale: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "submission_id": self.submission_id,
            "reviewer": self.reviewer,
            "packet_id": self.packet_id,
            "return_sha256": self.return_sha256,
            "detected_at": self.detected_at.isoformat(),
            "existing": self.existing,
            "incoming": self.incoming,
            "differences": self.differences,
            "resolution": self.resolution,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolved_by": self.resolved_by,
            "rationale": self.rationale,
        }


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts waiting for a lead (and, if asked, those already resolved), oldest first."""
    query = select(ReviewConflict).order_by(ReviewConflict.id)
    if not include_resolved:
        query = query.where(ReviewConflict.resolved_at.is_(None))
    out = []
    for conflict in session.scalars(query):
        review = session.get_one(Review, conflict.review_id)
        existing = review_content(session, review, conflict.submission_id, conflict.reviewer)
        resolved_by = (
            session.get_one(Reviewer, conflict.resolved_by).name if conflict.resolved_by else None
        )
        out.append(
            ConflictView(
                conflict.id,
                conflict.submission_id,
                conflict.reviewer,
                conflict.packet_id,
                conflict.return_sha256,
                conflict.detected_at,
                existing,
                conflict.incoming,
                differences(existing, conflict.incoming),
                conflict.resolution,
                conflict.resolved_at,
                resolved_by,
                conflict.rationale,
            )
        )
    return out


def differences(existing: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[str]:
    """How two versions of one review differ, in sentences a lead reads."""
    out = []
    for key, words in (("decision", "decision"), ("rubric_version", "rubric version")):
        if existing.get(key) != incoming.get(key):
            out.append(
                f"The {words} is {existing.get(key)!r} here, {incoming.get(key)!r} incoming."
            )
    for key, words in (("levels", "level"), ("comments", "comment")):
        mine, theirs = existing.get(key, {}), incoming.get(key, {})
        for criterion in sorted(set(mine) | set(theirs)):
            if mine.get(criterion) != theirs.get(criterion):
                out.append(
                    f"{criterion}: {words} {mine.get(criterion)!r} here, "
                    f"{theirs.get(criterion)!r} incoming."
                )
    if existing.get("feedback") != incoming.get("feedback"):
        out.append("The feedback to the earner differs.")
    return out


def resolve_conflict(
    folder: DataFolder, conflict_id: int, keep: str, lead: str, rationale: str
) -> str:
    """A lead's choice between the review held here ("existing") and a return's version
    ("incoming", which then replaces its levels, comments, feedback and decision).
    Returns the submission's status afterwards."""
    if keep not in KEEP:
        raise PacketError(f"Keep 'existing' or 'incoming', not {keep!r}.")
    if not rationale.strip():
        raise PacketError("Say why: a resolved conflict keeps its rationale.")
    with folder.sessions.begin() as session:
        conflict = session.get(ReviewConflict, conflict_id)
        if conflict is None:
            raise PacketError(
                f"There is no conflict {conflict_id}; 'reviewer-app packet conflicts' lists them."
            )
        if conflict.resolved_at is not None:
            raise PacketError(
                f"Conflict {conflict_id} was resolved already ({conflict.resolution} kept, "
                f"{conflict.resolved_at:%Y-%m-%d})."
            )
        person = session.scalar(select(Reviewer).where(Reviewer.name == lead.strip()))
        if person is None or person.role != "lead":
            raise PacketError(f"{lead} is not a lead here; only leads resolve conflicts.")
        review = session.get_one(Review, conflict.review_id)
        before = review_content(session, review, conflict.submission_id, conflict.reviewer)
        status = session.get_one(Submission, review.submission_id).status
        if keep == "incoming":
            status = _replace(session, review, conflict)
        now = utcnow()
        conflict.resolution, conflict.resolved_at = keep, now
        conflict.resolved_by, conflict.rationale = person.id, rationale.strip()
        trail.record(
            session,
            actor=person.name,
            action="conflict.resolve",
            entity="review",
            entity_id=f"{conflict.submission_id}/{conflict.reviewer}",
            before=before if keep == "incoming" else None,
            after={
                "conflict": conflict.id,
                "keep": keep,
                "rationale": rationale.strip(),
                "incoming": conflict.incoming_digest,
            },
        )
        return status


def _replace(session: Session, review: Review, conflict: ReviewConflict) -> str:
    incoming = conflict.incoming

    def refuse(problem: str) -> PacketError:
        return PacketError(f"Conflict {conflict.id} cannot take the incoming review: {problem}.")

    issued = session.scalar(
        select(IssuedCredential.credential_id)
        .join(Decision, Decision.id == IssuedCredential.decision_id)
        .where(Decision.review_id == review.id, IssuedCredential.revoked_at.is_(None))
    )
    if issued is not None:
        raise refuse(
            f"a credential ({issued}) was issued on the review's decision; revoke it first"
        )
    definition = session.scalar(
        select(Definition).where(
            Definition.achievement_uri == incoming["credential_id"],
            Definition.version == incoming["rubric_version"],
        )
    )
    if definition is None or definition.content_digest != incoming["definition_digest"]:
        raise refuse(
            f"version {incoming['rubric_version']} of {incoming['credential_id']} is not here"
        )
    problem = rubric_problem(Rubric.from_content(definition.content), incoming)
    if problem is not None:
        raise refuse(f"it {problem}")
    _write_scores(session, review, incoming, definition)
    return settle(session, review.submission_id, utcnow())
