"""Returns: the reviews an assessor scored from a packet, carried back to the lead.

The assessor's folder writes the submitted reviews of one reviewer in one packet, and
authenticates the file with the packet's return key. The lead's folder checks the file
whole first (hashes, then that the packet is one it issued, that the file was made with
that packet's key, that the reviewer was assigned each submission, that the review's
times can be true, then each review against its rubric);
only then, in one transaction, adds each review that is new (or continues one begun here
and untouched since its packet went out), with its annotations (see `travel_notes`),
and settles its submission.
A review the lead already holds with the same content is left alone; with other content
it becomes a conflict that a lead resolves. The same return file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from reviewer_app.audit import trail
from reviewer_app.audit.anchor import ANCHOR_KEY, current_anchor
from reviewer_app.canonical import canonical_json
from reviewer_app.formats import JsonProblem, parse_json
from reviewer_app.packets import return_keys, travel_notes
from reviewer_app.packets.json_text import unicode_only
from reviewer_app.packets.manifest import (
    MANIFEST,
    RETURN_FORMAT,
    ArchiveLimits,
    ArchiveRejected,
    ArchiveWriter,
    PacketError,
    Reject,
    cannot_read,
    json_bytes,
    must_be_object,
    non_empty_text,
    not_a_file,
    now_text,
    open_archive,
    text_field,
    time_field,
    too_large,
    uuid_field,
    whole_number_from_one,
)
from reviewer_app.packets.packet import EXPORT_ACTION, ISSUED
from reviewer_app.packets.review_times import outside, review_time_problem
from reviewer_app.reviews.moderation import settle
from reviewer_app.reviews.service import reviewer_named
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.blobstore import StoredFiles
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    AuditEvent,
    CriterionScore,
    Decision,
    Definition,
    IssuedCredential,
    Packet,
    PacketAssignment,
    PacketReturn,
    Review,
    ReviewConflict,
    Reviewer,
    Submission,
    utcnow,
)
from reviewer_app.vocabulary import Outcome
from reviewer_app.wording import translate

REVIEWS = "reviews.json"
MAX_RETURN_BYTES = 64 * 1024 * 1024
KEEP = ("existing", "incoming")
# The trail's entries that record a packet's making: a lead's export, or a team
# database's checkout (reviewer_app.team.offline).
CHECKOUT_ACTION = "team.checkout"
PACKET_MADE = (EXPORT_ACTION, CHECKOUT_ACTION)
# What a review's digest covers: its scoring (and its annotations, when it has any), not
# when it was made, so that a review reopened and submitted again unchanged is still
# the same review.
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
    annotations = content.get(travel_notes.KEY)
    if annotations:  # only when there are any: a review without keeps its digest
        record[travel_notes.KEY] = travel_notes.digest_form(annotations)
    return hashlib.sha256(canonical_json(record).encode()).hexdigest()


def review_content(
    session: Session, review: Review, submission_id: str, reviewer: str
) -> dict[str, Any]:
    """A review as a return carries it (without its digest), annotations included."""
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
        travel_notes.KEY: travel_notes.travel_forms(session, review.id, submission_id, reviewer),
    }


def _review_by(session: Session, submission_pk: int, reviewer: str) -> Review | None:
    return session.scalar(
        select(Review)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .where(Review.submission_id == submission_pk, Reviewer.name == reviewer)
    )


# Export (the assessor's folder) ------------------------------------------------------------


def returned_reviews(
    session: Session, packet_id: str, reviewer: str, submissions: list[str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, str]], return_keys.PacketKey]:
    """The submitted reviews by `reviewer` of the packet's submissions assigned to them
    (or of `submissions` among those), as a return carries them, with the ones left out
    ({submission_id, state}) and the packet's key. Refuses a packet this folder did not
    receive, or one without a key."""
    packet = session.scalar(
        select(Packet)
        .options(selectinload(Packet.assignments))
        .where(Packet.packet_id == packet_id)
    )
    if packet is None:
        raise PacketError(
            translate(
                "ReviewPackets",
                "No packet {packet} was imported into this data folder; "
                "'reviewer-app packet list' shows those that were.",
            ).format(packet=packet_id)
        )
    if packet.direction == ISSUED:
        raise PacketError(
            translate(
                "ReviewPackets",
                "Packet {packet} was made in this data folder. A return is made in the "
                "assessor's data folder, from the packet imported there.",
            ).format(packet=packet_id)
        )
    keys = return_keys.kept(session, packet_id)
    if keys is None:
        raise PacketError(
            translate(
                "ReviewPackets",
                "Packet {packet} was imported by an earlier version, without a key for "
                "its returns, so the lead could not accept a return from it. Ask the lead "
                "to make the packet again and import that one; your reviews are kept.",
            ).format(packet=packet_id)
        )
    mine = [a.submission_id for a in packet.assignments if a.reviewer == reviewer]
    if not mine:
        names = sorted({a.reviewer for a in packet.assignments})
        raise PacketError(
            translate(
                "ReviewPackets",
                "Packet {packet} assigns nothing to {reviewer!r}; it assigns submissions "
                "to {names}.",
            ).format(packet=packet_id, reviewer=reviewer, names=", ".join(names))
        )
    if submissions:
        unknown = [s for s in submissions if s not in mine]
        if unknown:
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "Packet {packet} does not assign {submissions} to {reviewer}.",
                ).format(packet=packet_id, submissions=", ".join(unknown), reviewer=reviewer)
            )
        mine = [s for s in mine if s in submissions]
    done: list[dict[str, Any]] = []
    not_done: list[dict[str, str]] = []
    for submission_id in mine:
        pk = session.scalar(select(Submission.id).where(Submission.submission_id == submission_id))
        review = _review_by(session, pk, reviewer) if pk is not None else None
        if review is None or review.submitted_at is None:
            state = "not started" if review is None else "not submitted"
            not_done.append({"submission_id": submission_id, "state": state})
            continue
        content = review_content(session, review, submission_id, reviewer)
        done.append({**content, "digest": review_digest(content)})
    return done, not_done, keys


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
        raise PacketError(
            translate(
                "ReviewPackets", "{path} is a folder; give the name of the return file to write."
            ).format(path=out)
        )
    if not out.parent.is_dir():
        raise PacketError(
            translate("ReviewPackets", "The folder {path} does not exist.").format(path=out.parent)
        )
    with folder.read_sessions() as session:
        done, not_done, keys = returned_reviews(session, packet_id, reviewer, submissions)
        # The trail's head as it stands now, for `audit verify --anchor` in this folder.
        anchor = current_anchor(session)
    if not done:
        waiting = "; ".join(
            (
                translate("ReviewPackets", "{submission} (not started)")
                if n["state"] == "not started"
                else translate("ReviewPackets", "{submission} (not submitted)")
            ).format(submission=n["submission_id"])
            for n in not_done
        )
        raise PacketError(
            translate(
                "ReviewPackets",
                "None of {reviewer}'s reviews in packet {packet} is submitted yet: {waiting}. "
                "Nothing was written.",
            ).format(reviewer=reviewer, packet=packet_id, waiting=waiting)
        )
    manifest = {
        "format": RETURN_FORMAT,
        "packet_id": packet_id,
        "reviewer": reviewer,
        "created": now_text(),
        "from": {"folder": folder.root.name},
        ANCHOR_KEY: anchor,
    }
    with ArchiveWriter(out) as writer:
        writer.add_bytes(REVIEWS, json_bytes({"reviews": done}))
        sha = writer.finish(manifest, lambda document: return_keys.seal(document, keys.key))
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
    annotations: list[travel_notes.Placed] | None  # None: the return carries none


@dataclass(frozen=True)
class IncomingReturn:
    """A return's parts, read but not yet checked against this folder: from a file
    (`import_return`) or straight from an assessor's folder (a team database's sync)."""

    label: str  # what messages name: the file, or where the reviews came from
    name: str  # what the trail names
    sha256: str  # the same return twice (by this) changes nothing
    packet_id: str
    reviewer: str
    created: dt.datetime
    reviews: bytes  # the JSON of `REVIEWS`
    reject: Reject


# Given the packet the return answers, its key (and a blind packet's codes) once the
# return is shown to come from someone who holds it; raises PacketError if not.
Authenticate = Callable[[Session, Packet], return_keys.PacketKey]


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
        unicode_only(m, reject, MANIFEST)
        packet_id = uuid_field(m, "packet_id", reject)
        reviewer = text_field(m, "reviewer", "", reject).strip()
        created = time_field(m, "created", "", reject)
        odd = sorted(set(archive.files) - {REVIEWS})
        if odd:
            raise reject(translate("ReviewPackets", "is not part of a return"), odd[0])
        if REVIEWS not in archive.files:
            raise reject(translate("ReviewPackets", "has no {file}").format(file=REVIEWS))
        reviews_bytes = archive.read(REVIEWS)
    incoming = IncomingReturn(
        label, path.name, file_sha, packet_id, reviewer, created, reviews_bytes, reject
    )
    return take_return(
        folder,
        incoming,
        actor=actor,
        authenticate=lambda session, packet: _authenticate(session, m, packet, label),
    )


def take_return(
    folder: DataFolder,
    got: IncomingReturn,
    *,
    actor: str,
    authenticate: Authenticate,
    action: str = "packet.import_return",
) -> ImportedReturn:
    """Checks a return whole against this folder, which issued its packet, then applies
    it in one transaction (recorded in the trail under `action`)."""
    label, reject, packet_id, reviewer = got.label, got.reject, got.packet_id, got.reviewer
    result = ImportedReturn(packet_id, reviewer)
    # Raising inside this transaction rolls it back: a refusal leaves the folder as it was.
    with folder.sessions.begin() as session:
        if session.scalar(select(PacketReturn.id).where(PacketReturn.file_sha256 == got.sha256)):
            result.already_imported = True
            return result
        packet = _issued_packet(session, packet_id, label)
        keys = authenticate(session, packet)
        if outside(got.created, packet.created_at, utcnow()):
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "{file} says it was made at {when}, outside the time between the packet's "
                    "issue ({issued}) and now: a computer's clock is wrong, or the file was "
                    "changed. Nothing was imported.",
                ).format(
                    file=label,
                    when=got.created.isoformat(),
                    issued=f"{packet.created_at:%Y-%m-%d %H:%M}",
                )
            )
        try:
            body = parse_json(got.reviews)
        except JsonProblem as e:
            raise reject(str(e), REVIEWS) from None
        unicode_only(body, reject, REVIEWS)
        incoming = [_unblind(r, keys.codes) for r in _parse_reviews(body, reviewer, reject)]
        assigned = {a.submission_id for a in packet.assignments if a.reviewer == reviewer}
        blind = bool(keys.codes)
        targets = [
            _target(session, folder, label, packet_id, reviewer, assigned, r, blind)
            for r in incoming
        ]
        # Every review checked: now the changes, all in this one transaction.
        now = utcnow()
        for review, target in zip(incoming, targets, strict=True):
            _apply(session, review, target, packet, got.sha256, actor, now, result)
        session.add(
            PacketReturn(
                packet_id=packet.id,
                reviewer=reviewer,
                file_sha256=got.sha256,
                created_at=got.created,
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
            action=action,
            entity="packet",
            entity_id=packet_id,
            after={
                "file": got.name,
                "sha256": got.sha256,
                "reviewer": reviewer,
                "added": result.added,
                "unchanged": result.unchanged,
                "conflicts": [c["id"] for c in result.conflicts],
            },
        )
    return result


def _authenticate(
    session: Session, manifest: dict[str, Any], packet: Packet, label: str
) -> return_keys.PacketKey:
    """The packet's key, once the return is shown to be made with it."""
    keys = return_keys.kept(session, packet.packet_id)
    if keys is None:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} answers packet {packet}, which was issued before returns were "
                "authenticated, so it cannot be told from a forgery. Reissue the packet "
                "('reviewer-app packet export') and ask for a return from the new one. "
                "Nothing was imported.",
            ).format(file=label, packet=packet.packet_id)
        )
    verdict = return_keys.authenticated(manifest, keys.key)
    if verdict is None:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} carries no authentication, so it cannot be told from a forgery: it "
                "was made by an earlier version. Reissue packet {packet} and ask for a return "
                "from the new one. Nothing was imported.",
            ).format(file=label, packet=packet.packet_id)
        )
    if not verdict:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} was not made from packet {packet}: it is not authenticated with that "
                "packet's key, so it was forged or changed after it was made. A return is made "
                "in the data folder that imported the packet. Nothing was imported.",
            ).format(file=label, packet=packet.packet_id)
        )
    return keys


def _unblind(review: dict[str, Any], codes: Mapping[str, str]) -> dict[str, Any]:
    """A review of a blind packet's code, as a review of the submission it stands for.
    Its digest (checked against the code) is made again for the id, so that the same
    review returned again is recognized as the same."""
    sid = codes.get(review["submission_id"])
    if sid is None:
        return review
    mapped = {**review, "submission_id": sid}
    if travel_notes.KEY in review:
        mapped[travel_notes.KEY] = [{**a, "submission_id": sid} for a in review[travel_notes.KEY]]
    return {**mapped, "digest": review_digest(mapped)}


def _read_whole(path: Path, label: str) -> bytes:
    """The file's bytes, read once: what is hashed is what is checked and imported."""
    try:
        if not path.is_file():
            raise ArchiveRejected(label, not_a_file())
        if path.stat().st_size > MAX_RETURN_BYTES:
            raise ArchiveRejected(label, too_large(MAX_RETURN_BYTES))
        return path.read_bytes()
    except OSError as e:
        raise ArchiveRejected(label, cannot_read(e)) from None


def _parse_reviews(body: Any, reviewer: str, reject: Reject) -> list[dict[str, Any]]:
    if not isinstance(body, dict) or not isinstance(body.get("reviews"), list):
        raise reject(
            translate("ReviewPackets", "must hold an object with a list 'reviews'"), REVIEWS
        )
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, raw in enumerate(body["reviews"]):
        review = _parse_review(raw, f"reviews[{n}].", reject)
        if review["reviewer"] != reviewer:
            raise reject(
                translate(
                    "ReviewPackets", "{field} is by {author!r}, but the return is {reviewer!r}'s"
                ).format(field=f"reviews[{n}]", author=review["reviewer"], reviewer=reviewer),
                REVIEWS,
            )
        if review["submission_id"] in seen:
            raise reject(
                translate("ReviewPackets", "{field} reviews {submission} again").format(
                    field=f"reviews[{n}]", submission=review["submission_id"]
                ),
                REVIEWS,
            )
        seen.add(review["submission_id"])
        out.append(review)
    if not out:
        raise reject(translate("ReviewPackets", "holds no review"), REVIEWS)
    return out


def _parse_review(raw: Any, where: str, reject: Reject) -> dict[str, Any]:
    """`where` is the review's place with a dot ("reviews[0].")."""

    def fail(problem: str) -> ArchiveRejected:
        return reject(problem, REVIEWS)

    if not isinstance(raw, dict):
        raise fail(must_be_object(where[:-1]))
    out: dict[str, Any] = {}
    for key in ("submission_id", "reviewer", "credential_id", "definition_digest", "digest"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(non_empty_text(f"{where}{key}"))
        out[key] = value
    version = raw.get("rubric_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(whole_number_from_one(f"{where}rubric_version"))
    out["rubric_version"] = version
    for key in ("levels", "comments"):
        value = raw.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise fail(
                translate("ReviewPackets", "{field} must map criterion ids to text").format(
                    field=f"{where}{key}"
                )
            )
        out[key] = value
    if not isinstance(raw.get("feedback"), str):
        raise fail(
            translate("ReviewPackets", "{field} must be text").format(field=f"{where}feedback")
        )
    out["feedback"] = raw["feedback"]
    if raw.get("decision") not in tuple(Outcome):
        raise fail(
            translate("ReviewPackets", "{field} must be 'pass' or 'not-yet'").format(
                field=f"{where}decision"
            )
        )
    out["decision"] = raw["decision"]
    for key in ("started_at", "submitted_at"):
        try:
            value = dt.datetime.fromisoformat(raw[key]) if isinstance(raw.get(key), str) else None
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            raise fail(
                translate("ReviewPackets", "{field} must be a date-time with an offset").format(
                    field=f"{where}{key}"
                )
            )
        out[key] = raw[key]
    # A return made by an earlier version has no annotations key: its review leaves the
    # annotations here as they are.
    if travel_notes.KEY in raw:
        out[travel_notes.KEY] = travel_notes.parse(
            raw[travel_notes.KEY],
            f"{where}{travel_notes.KEY}",
            fail,
            out["submission_id"],
            out["reviewer"],
        )
    if review_digest(out) != out["digest"]:
        raise fail(
            translate(
                "ReviewPackets",
                "{field} (the review of {submission}) does not match its digest: "
                "it was changed after the return was made",
            ).format(field=where[:-1], submission=out["submission_id"])
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
            translate(
                "ReviewPackets",
                "{file} answers packet {packet}, which this data folder did not issue: import "
                "a return in the lead's folder that made its packet. Nothing was imported.",
            ).format(file=label, packet=packet_id)
        )
    if packet.direction != ISSUED:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} answers packet {packet}, which this data folder received rather "
                "than issued: import the return in the lead's folder. Nothing was imported.",
            ).format(file=label, packet=packet_id)
        )
    return packet


def _target(
    session: Session,
    folder: DataFolder,
    label: str,
    packet_id: str,
    reviewer: str,
    assigned: set[str],
    review: dict[str, Any],
    blind: bool,
) -> _Target:
    """Checks one incoming review against this folder; raises PacketError."""
    sid = review["submission_id"]

    def refuse(problem: str) -> PacketError:
        return PacketError(
            translate(
                "ReviewPackets",
                "{file}: the review of {submission} by {reviewer} {problem}. Nothing was imported.",
            ).format(file=label, submission=sid, reviewer=reviewer, problem=problem)
        )

    if sid not in assigned:
        raise refuse(
            translate(
                "ReviewPackets",
                "was not asked for: packet {packet} did not assign {submission} to {reviewer}",
            ).format(packet=packet_id, submission=sid, reviewer=reviewer)
        )
    # From the first packet that gave it to them: a packet made again (say, to replace
    # one made before returns were authenticated) still brings reviews scored earlier.
    first_issued = session.scalar(
        select(func.min(Packet.created_at))
        .join(PacketAssignment, PacketAssignment.packet_id == Packet.id)
        .where(
            Packet.direction == ISSUED,
            PacketAssignment.reviewer == reviewer,
            PacketAssignment.submission_id == sid,
        )
    )
    assert first_issued is not None  # this packet is one of them
    problem = review_time_problem(
        dt.datetime.fromisoformat(review["started_at"]),
        dt.datetime.fromisoformat(review["submitted_at"]),
        first_issued,
        utcnow(),
    )
    if problem is not None:
        raise refuse(problem)
    submission = session.scalar(select(Submission).where(Submission.submission_id == sid))
    if submission is None:
        raise refuse(
            translate("ReviewPackets", "is of a submission this data folder does not hold")
        )
    definition = session.scalar(
        select(Definition).where(
            Definition.achievement_uri == review["credential_id"],
            Definition.version == review["rubric_version"],
        )
    )
    if definition is None:
        raise refuse(
            translate(
                "ReviewPackets",
                "was scored under version {version} of {credential}, "
                "which this data folder does not have",
            ).format(version=review["rubric_version"], credential=review["credential_id"])
        )
    if definition.achievement_uri != submission.credential_uri:
        raise refuse(
            translate(
                "ReviewPackets", "was scored under {credential}, not the submission's"
            ).format(credential=definition.achievement_uri)
        )
    if definition.content_digest != review["definition_digest"]:
        raise refuse(
            translate(
                "ReviewPackets",
                "was scored under a version {version} of {credential} "
                "whose content differs from this folder's",
            ).format(version=definition.version, credential=definition.achievement_uri)
        )
    rubric = Rubric.from_content(definition.content)
    problem = rubric_problem(rubric, review)
    if problem is not None:
        raise refuse(problem)
    if travel_notes.KEY not in review:
        return _Target(submission, definition, None)
    try:
        placed = travel_notes.place_all(
            session,
            folder.store,
            submission.id,
            rubric,
            review[travel_notes.KEY],
            blind=blind,
        )
    except travel_notes.NotPlaced as e:
        raise refuse(_not_placed(e)) from None
    return _Target(submission, definition, placed)


def _not_placed(e: travel_notes.NotPlaced) -> str:
    return translate(
        "ReviewPackets", "has annotation {number}, which cannot be placed: {problem}"
    ).format(number=e.number, problem=e.problem)


def rubric_problem(rubric: Rubric, review: Mapping[str, Any]) -> str | None:
    """Why the review's levels, comments and decision do not fit its rubric, if so."""
    for criterion_id, level_id in review["levels"].items():
        try:
            criterion = rubric.criterion(criterion_id)
            criterion.index_of(level_id)
        except KeyError:
            return translate(
                "ReviewPackets", "scores {criterion!r}, which is not a criterion of its rubric"
            ).format(criterion=criterion_id)
        except ValueError:
            return translate(
                "ReviewPackets", "gives {criterion!r} the level {level!r}, which it does not have"
            ).format(criterion=criterion_id, level=level_id)
    for criterion_id in review["comments"]:
        try:
            rubric.criterion(criterion_id)
        except KeyError:
            return translate(
                "ReviewPackets", "comments on {criterion!r}, which is not a criterion of its rubric"
            ).format(criterion=criterion_id)
    preview = decide(rubric, review["levels"])
    if preview.outcome is None:
        return translate("ReviewPackets", "leaves criteria unscored ({criteria})").format(
            criteria=", ".join(preview.unscored)
        )
    if preview.outcome != review["decision"]:
        return translate(
            "ReviewPackets",
            "says {decision!r}, but its levels give {outcome!r} by the rubric's pass rule",
        ).format(decision=review["decision"], outcome=preview.outcome)
    return None


def _apply(
    session: Session,
    review: dict[str, Any],
    target: _Target,
    packet: Packet,
    file_sha: str,
    actor: str,
    now: dt.datetime,
    result: ImportedReturn,
) -> None:
    sid, reviewer = review["submission_id"], review["reviewer"]
    packet_id = packet.packet_id
    submission = target.submission
    existing = _review_by(session, submission.id, reviewer)
    # A review this reviewer started here and has not touched since its packet went
    # out (say, begun at the office, finished on the train) is continued by the return.
    continued = (
        existing is not None
        and existing.submitted_at is None
        and not _changed_since(session, packet_id, f"{sid}/{reviewer}")
    )
    if existing is None or continued:
        row = existing
        if row is None:
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
                **(
                    {"annotations": [a.number for a in target.annotations]}
                    if target.annotations is not None
                    else {}
                ),
                **({"continued": True} if continued else {}),
            },
        )
        _write_annotations(session, row, target.annotations, actor, f"{sid}/{reviewer}")
        result.added.append(sid)
        result.statuses[sid] = settle(session, submission.id, now)
        return
    held = review_content(session, existing, sid, reviewer)
    if travel_notes.KEY not in review:  # from before annotations travelled: scores only
        held.pop(travel_notes.KEY)
    if review_digest(held) == review["digest"]:
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


def _changed_since(session: Session, packet_id: str, review_entity: str) -> bool:
    """Whether the review was changed here after the packet `packet_id` was made: any
    audit entry of it after the packet's own (none found: taken as changed)."""
    exported = session.scalar(
        select(func.min(AuditEvent.seq)).where(
            AuditEvent.action.in_(PACKET_MADE), AuditEvent.entity_id == packet_id
        )
    )
    if exported is None:
        return True
    later = session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.entity == "review",
            AuditEvent.entity_id == review_entity,
            AuditEvent.seq > exported,
        )
        .limit(1)
    )
    return later is not None


def _write_annotations(
    session: Session,
    row: Review,
    placed: list[travel_notes.Placed] | None,
    actor: str,
    review_entity: str,
) -> None:
    """Makes the review's annotations the returned ones, each change in the trail
    (None: a return without annotations leaves them as they are)."""
    if placed is None:
        return
    changes = travel_notes.replace_all(
        session,
        row.id,
        placed,
        lambda action, before, after: trail.Entry(
            actor, action, "review", review_entity, before, after
        ),
    )
    trail.record_many(session, changes)


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
    sentences = {
        "decision": translate(
            "ReviewPackets", "The decision is {here!r} here, {incoming!r} incoming."
        ),
        "rubric_version": translate(
            "ReviewPackets", "The rubric version is {here!r} here, {incoming!r} incoming."
        ),
        "levels": translate(
            "ReviewPackets", "{criterion}: level {here!r} here, {incoming!r} incoming."
        ),
        "comments": translate(
            "ReviewPackets", "{criterion}: comment {here!r} here, {incoming!r} incoming."
        ),
    }
    for key in ("decision", "rubric_version"):
        if existing.get(key) != incoming.get(key):
            out.append(sentences[key].format(here=existing.get(key), incoming=incoming.get(key)))
    for key in ("levels", "comments"):
        mine, theirs = existing.get(key, {}), incoming.get(key, {})
        for criterion in sorted(set(mine) | set(theirs)):
            if mine.get(criterion) != theirs.get(criterion):
                out.append(
                    sentences[key].format(
                        criterion=criterion,
                        here=mine.get(criterion),
                        incoming=theirs.get(criterion),
                    )
                )
    if existing.get("feedback") != incoming.get("feedback"):
        out.append(translate("ReviewPackets", "The feedback to the earner differs."))
    # A return from before annotations travelled leaves them as they are: no difference.
    mine = travel_notes.digest_form(existing.get(travel_notes.KEY) or [])
    theirs = travel_notes.digest_form(
        incoming.get(travel_notes.KEY, existing.get(travel_notes.KEY)) or []
    )
    if mine != theirs:
        out.append(
            translate(
                "ReviewPackets", "The annotations differ: {here} here, {incoming} incoming."
            ).format(here=len(mine), incoming=len(theirs))
        )
    return out


def resolve_conflict(
    folder: DataFolder, conflict_id: int, keep: str, lead: str, rationale: str
) -> str:
    """A lead's choice between the review held here ("existing") and a return's version
    ("incoming", which then replaces its levels, comments, feedback and decision).
    Returns the submission's status afterwards."""
    if keep not in KEEP:
        raise PacketError(
            translate("ReviewPackets", "Keep 'existing' or 'incoming', not {keep!r}.").format(
                keep=keep
            )
        )
    if not rationale.strip():
        raise PacketError(
            translate("ReviewPackets", "Say why: a resolved conflict keeps its rationale.")
        )
    with folder.sessions.begin() as session:
        conflict = session.get(ReviewConflict, conflict_id)
        if conflict is None:
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "There is no conflict {conflict}; 'reviewer-app packet conflicts' lists them.",
                ).format(conflict=conflict_id)
            )
        if conflict.resolved_at is not None:
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "Conflict {conflict} was resolved already ({kept} kept, {date}).",
                ).format(
                    conflict=conflict_id,
                    kept=conflict.resolution,
                    date=f"{conflict.resolved_at:%Y-%m-%d}",
                )
            )
        person = session.scalar(select(Reviewer).where(Reviewer.name == lead.strip()))
        if person is None or person.role != "lead":
            raise PacketError(
                translate(
                    "ReviewPackets", "{lead} is not a lead here; only leads resolve conflicts."
                ).format(lead=lead)
            )
        review = session.get_one(Review, conflict.review_id)
        before = review_content(session, review, conflict.submission_id, conflict.reviewer)
        status: str = session.get_one(Submission, review.submission_id).status
        if keep == "incoming":
            status = _replace(session, folder.store, review, conflict, person.name)
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


def _replace(
    session: Session, store: StoredFiles, review: Review, conflict: ReviewConflict, actor: str
) -> str:
    incoming = conflict.incoming

    def refuse(problem: str) -> PacketError:
        return PacketError(
            translate(
                "ReviewPackets", "Conflict {conflict} cannot take the incoming review: {problem}."
            ).format(conflict=conflict.id, problem=problem)
        )

    issued = session.scalar(
        select(IssuedCredential.credential_id)
        .join(Decision, Decision.id == IssuedCredential.decision_id)
        .where(Decision.review_id == review.id, IssuedCredential.revoked_at.is_(None))
    )
    if issued is not None:
        raise refuse(
            translate(
                "ReviewPackets",
                "a credential ({credential}) was issued on the review's decision; revoke it first",
            ).format(credential=issued)
        )
    definition = session.scalar(
        select(Definition).where(
            Definition.achievement_uri == incoming["credential_id"],
            Definition.version == incoming["rubric_version"],
        )
    )
    if definition is None or definition.content_digest != incoming["definition_digest"]:
        raise refuse(
            translate("ReviewPackets", "version {version} of {credential} is not here").format(
                version=incoming["rubric_version"], credential=incoming["credential_id"]
            )
        )
    rubric = Rubric.from_content(definition.content)
    problem = rubric_problem(rubric, incoming)
    if problem is not None:
        raise refuse(translate("ReviewPackets", "it {problem}").format(problem=problem))
    keys = return_keys.kept(session, conflict.packet_id)
    placed = None
    try:
        if travel_notes.KEY in incoming:
            placed = travel_notes.place_all(
                session,
                store,
                review.submission_id,
                rubric,
                incoming[travel_notes.KEY],
                blind=bool(keys and keys.codes),
            )
    except travel_notes.NotPlaced as e:
        problem = _not_placed(e)
        raise refuse(translate("ReviewPackets", "it {problem}").format(problem=problem)) from None
    _write_scores(session, review, incoming, definition)
    _write_annotations(
        session, review, placed, actor, f"{conflict.submission_id}/{conflict.reviewer}"
    )
    return settle(session, review.submission_id, utcnow())
