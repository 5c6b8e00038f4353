"""Review packets: what a lead gives an assessor who scores offline in a data folder of
their own.

A packet holds the chosen submissions (each written back out as an evidence bundle),
the definitions they are scored under, and the assignment: which reviewer scores which
submission. The lead's folder records the packets it issued, so that a return can be
checked against them; the assessor's folder records the packets it received, so that a
return can be made from them. The reviewer's annotations of the packet's submissions go
out with it (see `travel_notes`) and start their review in the assessor's folder. Each
packet carries its own return key (see `return_keys`), and one made under blind review
names no earner (see `blind_codes`).
See docs/packets.md for the file format.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from reviewer_app.audit import state, trail
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.plan import plan_bundle
from reviewer_app.evidence.shapes import MANIFEST as BUNDLE_MANIFEST
from reviewer_app.evidence.shapes import open_source
from reviewer_app.evidence.sources import BundleRejected
from reviewer_app.formats import JsonProblem, parse_json
from reviewer_app.packets import blind_codes, return_keys, travel_notes
from reviewer_app.packets.bundles import bundle_manifest, write_bundle
from reviewer_app.packets.json_text import unicode_only
from reviewer_app.packets.manifest import (
    MANIFEST,
    PACKET_FORMAT,
    Archive,
    ArchiveLimits,
    ArchiveRejected,
    ArchiveWriter,
    PacketError,
    Reject,
    cannot_write,
    json_bytes,
    must_be_object,
    not_a_file,
    now_text,
    open_archive,
    sha256_file,
    text_field,
    time_field,
    uuid_field,
    whole_number_from_one,
)
from reviewer_app.progress import CancelToken, Progress
from reviewer_app.reviews.service import reviewer_named
from reviewer_app.rubrics.model import Rubric
from reviewer_app.rubrics.queries import current_definition
from reviewer_app.rubrics.store import add_files
from reviewer_app.rubrics.validate import DEFINITION_FORMAT, DefinitionRejected, load_file
from reviewer_app.storage.blobstore import BlobStore
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.storage.models import Annotation as AnnotationRow
from reviewer_app.storage.models import (
    Definition,
    Packet,
    PacketAssignment,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Status
from reviewer_app.wording import translate

ISSUED, RECEIVED = "issued", "received"
# The trail's entry that records a packet's making; a return checks whether a review
# changed after it (see returns._changed_since).
EXPORT_ACTION = "packet.export"
_SAFE_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


@dataclass
class ExportedPacket:
    packet_id: str
    out: Path
    reviewer: str
    submissions: list[str]
    definitions: list[dict[str, Any]]  # {id, version}
    sha256: str
    # Made under blind review: each submission's code in the packet (id -> code).
    codes: dict[str, str] = field(default_factory=dict)

    @property
    def blind(self) -> bool:
        return bool(self.codes)


@dataclass
class ImportedPacket:
    packet_id: str
    issued_by: str
    assignment: list[dict[str, str]]  # {reviewer, submission_id, credential_id}
    definitions_added: list[dict[str, Any]] = field(default_factory=list)
    definitions_known: list[dict[str, Any]] = field(default_factory=list)
    submissions_imported: list[str] = field(default_factory=list)
    submissions_known: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    already_imported: bool = False
    blind: bool = False
    # Submission -> the numbers of the annotations its review here was given.
    annotations_added: dict[str, list[int]] = field(default_factory=dict)


# Export ---------------------------------------------------------------------------------


def export_packet(
    folder: DataFolder,
    reviewer: str,
    submission_ids: list[str],
    out: Path,
    *,
    actor: str,
    blind: bool | None = None,
    store: BlobStore | None = None,
    keyed: bool = True,
    action: str = EXPORT_ACTION,
    origin: str | None = None,
) -> ExportedPacket:
    """Writes a packet assigning `submission_ids` to `reviewer`, and records it here
    with its return key. The packet is blind (codes, no earner) when `blind` says so or,
    by default, when this folder reviews blind.

    A team database's checkout (reviewer_app.team.offline) makes its packet with this
    too: evidence read from `store` (default: this folder's), no return key kept here
    (`keyed=False`: its reviews come back as the login itself, which the server
    authenticates), recorded under `action`, and `origin` naming where it came from
    (default: this folder's name)."""
    reviewer = reviewer.strip()
    if not reviewer:
        raise PacketError(translate("ReviewPackets", "A packet is made for a reviewer: name them."))
    wanted = list(dict.fromkeys(s.strip() for s in submission_ids if s.strip()))
    if not wanted:
        raise PacketError(
            translate("ReviewPackets", "Choose at least one submission for the packet.")
        )
    if out.is_dir():
        raise PacketError(
            translate(
                "ReviewPackets", "{path} is a folder; give the name of the packet file to write."
            ).format(path=out)
        )
    if not out.parent.is_dir():
        raise PacketError(
            translate("ReviewPackets", "The folder {path} does not exist.").format(path=out.parent)
        )
    packet_id, created, key = str(uuid.uuid4()), now_text(), return_keys.new_key()
    with folder.read_sessions() as session:
        if blind is None:
            blind = BLIND_REVIEW.get(session)
        submissions = _submissions(session, wanted)
        codes = blind_codes.packet_codes(wanted) if blind else {}
        definitions: dict[str, Definition] = {}
        for submission in submissions:
            # Refuses what cannot be written, before writing.
            bundle_manifest(submission, codes.get(submission.submission_id))
            uri = submission.credential_uri
            assert uri is not None
            if uri not in definitions:
                found = current_definition(session, uri)
                if found is None:
                    raise PacketError(
                        translate(
                            "ReviewPackets",
                            "Submission {submission} is for {credential}, which has no "
                            "definition here; add it before making the packet.",
                        ).format(submission=submission.submission_id, credential=uri)
                    )
                definitions[uri] = found
        assignment = [
            {"reviewer": reviewer, "submission_id": s.submission_id, "credential_id": uri}
            for s in submissions
            if (uri := s.credential_uri) is not None
        ]
        source = {"lead": actor, "folder": origin or folder.root.name}
        manifest: dict[str, Any] = {
            "format": PACKET_FORMAT,
            "packet_id": packet_id,
            "created": created,
            "from": source,
            "assignment": [
                {**a, "submission_id": codes.get(a["submission_id"], a["submission_id"])}
                for a in assignment
            ],
            "blind": bool(blind),
            return_keys.PACKET_FIELD: return_keys.packet_field(key),
        }
        carried = _annotations_out(session, reviewer, submissions, codes)
        try:
            sha = _write(
                store or folder.store,
                out,
                manifest,
                list(definitions.values()),
                submissions,
                codes,
                carried,
            )
        except OSError as e:
            raise cannot_write(out, e) from None
    try:
        with folder.sessions.begin() as session:
            session.add(
                Packet(
                    packet_id=packet_id,
                    direction=ISSUED,
                    issued_by=_issued_by(source),
                    created_at=dt.datetime.fromisoformat(created),
                    file_sha256=sha,
                    assignments=[
                        PacketAssignment(
                            reviewer=a["reviewer"],
                            submission_id=a["submission_id"],
                            credential_uri=a["credential_id"],
                        )
                        for a in assignment
                    ],
                )
            )
            session.flush()
            if keyed:
                return_keys.keep(session, packet_id, key, {c: sid for sid, c in codes.items()})
            trail.record(
                session,
                actor=actor,
                action=action,
                entity="packet",
                entity_id=packet_id,
                after={
                    "file": out.name,
                    "sha256": sha,
                    "assignment": assignment,
                    **({"codes": codes} if codes else {}),
                },
            )
    except BaseException:
        out.unlink(missing_ok=True)  # a packet this folder does not know must not exist
        raise
    return ExportedPacket(
        packet_id,
        out,
        reviewer,
        [s.submission_id for s in submissions],
        [{"id": d.achievement_uri, "version": d.version} for d in definitions.values()],
        sha,
        codes,
    )


def _write(
    store: BlobStore,
    out: Path,
    manifest: dict[str, Any],
    definitions: list[Definition],
    submissions: list[Submission],
    codes: dict[str, str],
    annotations: list[dict[str, Any]],
) -> str:
    """Writes the packet file; returns its SHA-256. Each bundle is made in a scratch
    folder beside `out` and copied in, one at a time; under its code if `codes` has one.
    The reviewer's annotations go in an entry of their own, when there are any."""
    with (
        ArchiveWriter(out) as writer,
        tempfile.TemporaryDirectory(dir=out.parent, prefix=".packet-") as scratch,
    ):
        manifest["definitions"] = [
            _add_definition(store, writer, n, d) for n, d in enumerate(definitions, start=1)
        ]
        manifest["bundles"] = []
        for n, submission in enumerate(submissions, start=1):
            bundle = Path(scratch) / f"{n}.zip"
            code = codes.get(submission.submission_id)
            write_bundle(store, submission, bundle, code)
            named = code or submission.submission_id
            name = f"bundles/{_file_name(named, n)}.zip"
            writer.add_file(name, bundle)
            bundle.unlink()
            manifest["bundles"].append({"submission_id": named, "path": name})
        if annotations:
            writer.add_bytes(travel_notes.ENTRY, json_bytes({travel_notes.KEY: annotations}))
        return writer.finish(manifest)


def _annotations_out(
    session: Session, reviewer: str, submissions: list[Submission], codes: dict[str, str]
) -> list[dict[str, Any]]:
    """The reviewer's annotations of the packet's submissions, as the assessor's folder
    will name them (a blind packet's codes and file names)."""
    out: list[dict[str, Any]] = []
    for submission in submissions:
        review_id = session.scalar(
            select(Review.id)
            .join(Reviewer, Reviewer.id == Review.reviewer_id)
            .where(Review.submission_id == submission.id, Reviewer.name == reviewer)
        )
        code = codes.get(submission.submission_id)
        out += travel_notes.travel_forms(
            session, review_id, code or submission.submission_id, reviewer, blind=code is not None
        )
    return out


def _submissions(session: Session, wanted: list[str]) -> list[Submission]:
    rows = session.scalars(
        select(Submission)
        .options(joinedload(Submission.earner), selectinload(Submission.items))
        .where(Submission.submission_id.in_(wanted))
    ).all()
    by_id = {s.submission_id: s for s in rows}
    missing = [s for s in wanted if s not in by_id]
    if missing:
        raise PacketError(
            translate(
                "ReviewPackets",
                "There is no submission {submissions} in this data folder; "
                "'reviewer-app submissions' lists them.",
            ).format(submissions=", ".join(repr(s) for s in missing))
        )
    return [by_id[s] for s in wanted]


def _file_name(submission_id: str, n: int) -> str:
    """The submission id when it is a safe file name, else a number: ids may hold any
    character, and the name is only a label (the manifest maps it)."""
    if set(submission_id) <= _SAFE_NAME and submission_id.strip(".") and len(submission_id) <= 100:
        return submission_id
    return f"submission-{n}"


def _issued_by(source: dict[str, Any]) -> str:
    return f"{source.get('lead', '')} ({source.get('folder', '')})"[:400]


def _add_definition(
    store: BlobStore, writer: ArchiveWriter, n: int, definition: Definition
) -> dict[str, Any]:
    """Writes one definition as `add_files` reads it: the JSON, and its image at the
    relative path the JSON names (the folder the JSON sits in is nested deeper when
    that path climbs with '..')."""
    base = f"definitions/{n}"
    entry: dict[str, Any] = {
        "id": definition.achievement_uri,
        "version": definition.version,
        "digest": definition.content_digest,
    }
    json_dir = base
    image_name = definition.content.get("achievement", {}).get("image")
    if image_name is not None:
        if definition.image_sha256 is None:
            raise PacketError(
                translate("ReviewPackets", "The definition of {credential} lost its image.").format(
                    credential=definition.achievement_uri
                )
            )
        relative = posixpath.normpath(str(image_name))
        climbs = 0
        while relative.startswith("../"):
            relative, climbs = relative[3:], climbs + 1
        if relative in ("", ".", "..") or relative.startswith("/"):
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "The image of {credential} ({image!r}) cannot be placed in a packet.",
                ).format(credential=definition.achievement_uri, image=image_name)
            )
        json_dir = base + "/_" * climbs
        entry["image"] = f"{base}/{relative}"
        with store.open(definition.image_sha256) as f:
            writer.add_bytes(entry["image"], f.read())
    entry["path"] = f"{json_dir}/definition.json"
    if entry["path"] == entry.get("image"):
        entry["path"] = f"{json_dir}/definition-{n}.json"
    writer.add_bytes(entry["path"], json_bytes(definition.content))
    return entry


# Import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DefinitionEntry:
    id: str
    version: int
    digest: str
    path: str
    image: str | None


@dataclass(frozen=True)
class _BundleEntry:
    submission_id: str
    path: str


@dataclass(frozen=True)
class _PacketInfo:
    packet_id: str
    created: dt.datetime
    issued_by: str
    assignment: list[dict[str, str]]
    definitions: list[_DefinitionEntry]
    bundles: list[_BundleEntry]
    return_key: bytes
    blind: bool
    # The reviewers' annotations, by (submission id as the packet names it, reviewer).
    annotations: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)


def import_packet(
    folder: DataFolder,
    path: Path,
    *,
    actor: str,
    limits: ImportLimits | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportedPacket:
    """Imports a packet into this (the assessor's) folder: definitions, submissions and
    the assignment. The file is checked whole before anything here changes; the same
    packet again changes nothing."""
    label = str(path)
    if not path.is_file():
        raise ArchiveRejected(label, not_a_file())
    limits = limits or ImportLimits()
    file_sha = sha256_file(path)
    archive_limits = ArchiveLimits(max_entry_bytes=max(limits.max_bundle_bytes, 16 * 1024**2))
    # The lock keeps another process's recovery from clearing the scratch files below.
    with (
        folder.write_lock(),
        open_archive(path, label, PACKET_FORMAT, archive_limits) as archive,
        tempfile.TemporaryDirectory(dir=folder.store.tmp, prefix="packet-") as scratch,
    ):
        info = _read_manifest(archive)
        root = Path(scratch)
        archive.extract_all(root)  # every entry checked against its size and hash
        result = ImportedPacket(info.packet_id, info.issued_by, info.assignment, blind=info.blind)
        with folder.read_sessions() as session:
            known = session.scalar(select(Packet).where(Packet.packet_id == info.packet_id))
            if known is not None:
                return _already(known, file_sha, label, result)
            _check_definitions(session, archive, root, info)
            _check_bundles(session, archive, root, info, limits)
        # Checked: from here on this folder changes.
        _add_definitions(folder, root, info, label, actor, result)
        _import_bundles(folder, root, info, label, limits, progress, cancel, result)
        with folder.sessions.begin() as session:
            session.add(
                Packet(
                    packet_id=info.packet_id,
                    direction=RECEIVED,
                    issued_by=info.issued_by,
                    created_at=info.created,
                    file_sha256=file_sha,
                    assignments=[
                        PacketAssignment(
                            reviewer=a["reviewer"],
                            submission_id=a["submission_id"],
                            credential_uri=a["credential_id"],
                        )
                        for a in info.assignment
                    ],
                )
            )
            session.flush()
            return_keys.keep(session, info.packet_id, info.return_key, {})
            for (sid, reviewer), carried in info.annotations.items():
                _annotations_in(folder, session, sid, reviewer, carried, actor, result)
            trail.record(
                session,
                actor=actor,
                action="packet.import",
                entity="packet",
                entity_id=info.packet_id,
                after={
                    "file": path.name,
                    "sha256": file_sha,
                    "from": info.issued_by,
                    "assignment": info.assignment,
                },
            )
    return result


def _annotations_in(
    folder: DataFolder,
    session: Session,
    submission_id: str,
    reviewer: str,
    carried: list[dict[str, Any]],
    actor: str,
    result: ImportedPacket,
) -> None:
    """Gives the reviewer's review here the annotations the packet carries (starting the
    review if there is none yet). A review that has annotations here already, or is
    submitted, is left as it is: the work done here is newer than the packet's. An
    annotation that does not fit is left out, with a warning."""
    submission = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if submission is None or submission.credential_uri is None:
        return
    entity = f"{submission_id}/{reviewer}"
    review = session.scalar(
        select(Review)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .where(Review.submission_id == submission.id, Reviewer.name == reviewer)
    )
    if review is not None and (
        review.submitted_at is not None
        or session.scalar(
            select(AnnotationRow.id).where(AnnotationRow.review_id == review.id).limit(1)
        )
    ):
        result.warnings.append(
            translate(
                "ReviewPackets",
                "{submission}: {reviewer}'s review here already has annotations or is "
                "submitted; the packet's {count} annotations were not added to it.",
            ).format(submission=submission_id, reviewer=reviewer, count=len(carried))
        )
        return
    if review is not None:
        definition = session.get_one(Definition, review.definition_id)
    else:
        found = current_definition(session, submission.credential_uri)
        if found is None:
            return
        definition = found
    rubric = Rubric.from_content(definition.content)
    placed: list[travel_notes.Placed] = []
    for entry in carried:
        try:
            placed += travel_notes.place_all(
                session,
                folder.store,
                submission.id,
                rubric,
                [entry],
                blind=False,  # the labels are already the ones this folder shows
                extracted=False,
            )
        except travel_notes.NotPlaced as e:
            result.warnings.append(
                translate(
                    "ReviewPackets", "{submission}: annotation {number} was left out: {problem}."
                ).format(submission=submission_id, number=e.number, problem=e.problem)
            )
    if not placed:
        return
    changes: list[trail.Entry] = []
    if review is None:
        person = reviewer_named(session, reviewer, role="assessor")
        review = Review(submission_id=submission.id, reviewer_id=person.id)
        review.definition_id = definition.id
        session.add(review)
        session.flush()
        if submission.status == Status.UNREVIEWED:
            submission.status = Status.IN_REVIEW
        changes.append(
            trail.Entry(
                actor,
                "review.start",
                "review",
                entity,
                None,
                {"rubric": definition.achievement_uri, "version": definition.version},
            )
        )
    changes += travel_notes.replace_all(
        session,
        review.id,
        placed,
        lambda action, before, after: trail.Entry(actor, action, "review", entity, before, after),
    )
    state.note(session, submission.id, actor, changes)
    result.annotations_added[submission_id] = [p.number for p in placed]


def _already(known: Packet, file_sha: str, label: str, result: ImportedPacket) -> ImportedPacket:
    if known.direction == ISSUED:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} is a packet this data folder made; import it in the assessor's data "
                "folder. Nothing was imported.",
            ).format(file=label)
        )
    if known.file_sha256 != file_sha:
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} has the id of packet {packet}, imported here already from a file with "
                "other content; ask the lead which one is right. Nothing was imported.",
            ).format(file=label, packet=known.packet_id)
        )
    result.already_imported = True
    return result


def _read_manifest(archive: Archive) -> _PacketInfo:
    m, reject = archive.manifest, archive.reject
    unicode_only(m, reject, MANIFEST)
    packet_id = uuid_field(m, "packet_id", reject)
    created = time_field(m, "created", "", reject)
    return_key = return_keys.from_packet_field(m.get(return_keys.PACKET_FIELD))
    if return_key is None:
        # Made before returns were authenticated: no return from it would be taken.
        raise PacketError(
            translate(
                "ReviewPackets",
                "{file} carries no key for its returns: it was made by an earlier version, "
                "and the lead could not accept what is scored from it. Ask the lead to make "
                "the packet again. Nothing was imported.",
            ).format(file=archive.label)
        )
    source = m.get("from")
    if not isinstance(source, dict):
        raise reject(
            translate("ReviewPackets", "from must be an object naming the lead and their folder"),
            MANIFEST,
        )
    assignment = _assignment(m, reject)
    definitions = _definition_entries(m, reject)
    bundles = _bundle_entries(m, reject)
    referenced = [d.path for d in definitions] + [d.image for d in definitions if d.image]
    referenced += [b.path for b in bundles]
    if travel_notes.ENTRY in archive.files:  # made where the reviewer had annotated
        referenced.append(travel_notes.ENTRY)
    if len(set(referenced)) != len(referenced):
        raise reject(translate("ReviewPackets", "names one entry for two purposes"), MANIFEST)
    for name in referenced:
        if name not in archive.files:
            raise reject(
                translate("ReviewPackets", "is named in manifest.json but is not in the file"), name
            )
    unused = sorted(set(archive.files) - set(referenced))
    if unused:
        raise reject(
            translate("ReviewPackets", "is neither a definition, its image, nor a bundle"),
            unused[0],
        )
    bundled = {b.submission_id for b in bundles}
    assigned = {a["submission_id"] for a in assignment}
    if bundled != assigned:
        odd = sorted(bundled ^ assigned)[0]
        raise reject(
            translate(
                "ReviewPackets", "assigns and bundles different submissions ({submission!r})"
            ).format(submission=odd),
            MANIFEST,
        )
    defined = {d.id for d in definitions}
    for a in assignment:
        if a["credential_id"] not in defined:
            raise reject(
                translate("ReviewPackets", "holds no definition of {credential}").format(
                    credential=a["credential_id"]
                ),
                MANIFEST,
            )
    return _PacketInfo(
        packet_id,
        created,
        _issued_by(source),
        assignment,
        definitions,
        bundles,
        return_key,
        m.get("blind") is True,
        _annotation_entries(archive, assignment),
    )


def _annotation_entries(
    archive: Archive, assignment: list[dict[str, str]]
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The packet's annotations (see `travel_notes`), their shape checked, each of a
    submission the packet assigns to that reviewer."""
    if travel_notes.ENTRY not in archive.files:
        return {}
    entry = travel_notes.ENTRY

    def fail(problem: str) -> ArchiveRejected:
        return archive.reject(problem, entry)

    try:
        body = parse_json(archive.read(entry))
    except JsonProblem as e:
        raise fail(str(e)) from None
    unicode_only(body, archive.reject, entry)
    raw = body.get(travel_notes.KEY) if isinstance(body, dict) else None
    if not isinstance(raw, list):
        raise fail(
            translate("ReviewPackets", "must hold an object with a list '{key}'").format(
                key=travel_notes.KEY
            )
        )
    assigned = {(a["submission_id"], a["reviewer"]) for a in assignment}
    groups: dict[tuple[str, str], list[Any]] = {}
    for n, item in enumerate(raw):
        key = (item.get("submission_id"), item.get("reviewer")) if isinstance(item, dict) else None
        if key not in assigned:
            raise fail(
                translate(
                    "ReviewPackets",
                    "{field} is not of a submission the packet assigns to its reviewer",
                ).format(field=f"{travel_notes.KEY}[{n}]")
            )
        assert key is not None
        groups.setdefault(key, []).append(item)
    return {
        (sid, reviewer): travel_notes.parse(
            items, f"{travel_notes.KEY} ({sid}, {reviewer})", fail, sid, reviewer
        )
        for (sid, reviewer), items in groups.items()
    }


def _assignment(m: dict[str, Any], reject: Reject) -> list[dict[str, str]]:
    raw = m.get("assignment")
    if not isinstance(raw, list) or not raw:
        raise reject(
            translate("ReviewPackets", "assignment must list who scores which submission"), MANIFEST
        )
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(raw):
        where = f"assignment[{n}]."
        if not isinstance(item, dict):
            raise reject(must_be_object(f"assignment[{n}]"), MANIFEST)
        entry = {
            key: text_field(item, key, where, reject).strip()
            for key in ("reviewer", "submission_id", "credential_id")
        }
        key = (entry["reviewer"], entry["submission_id"])
        if key in seen:
            raise reject(
                translate("ReviewPackets", "{field} assigns the same submission twice").format(
                    field=where[:-1]
                ),
                MANIFEST,
            )
        seen.add(key)
        out.append(entry)
    return out


def _definition_entries(m: dict[str, Any], reject: Reject) -> list[_DefinitionEntry]:
    raw = m.get("definitions")
    if not isinstance(raw, list):
        raise reject(translate("ReviewPackets", "definitions must be a list"), MANIFEST)
    out = []
    for n, item in enumerate(raw):
        where = f"definitions[{n}]."
        if not isinstance(item, dict):
            raise reject(must_be_object(f"definitions[{n}]"), MANIFEST)
        version = item.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise reject(whole_number_from_one(f"{where}version"), MANIFEST)
        path = text_field(item, "path", where, reject)
        image = item.get("image")
        if not path.startswith("definitions/") or not path.endswith(".json"):
            raise reject(
                translate(
                    "ReviewPackets", "{field} must be a .json file under definitions/"
                ).format(field=f"{where}path"),
                MANIFEST,
            )
        if image is not None and (
            not isinstance(image, str) or not image.startswith("definitions/")
        ):
            raise reject(
                translate("ReviewPackets", "{field} must be a file under definitions/").format(
                    field=f"{where}image"
                ),
                MANIFEST,
            )
        out.append(
            _DefinitionEntry(
                text_field(item, "id", where, reject),
                version,
                text_field(item, "digest", where, reject),
                path,
                image,
            )
        )
    return out


def _bundle_entries(m: dict[str, Any], reject: Reject) -> list[_BundleEntry]:
    raw = m.get("bundles")
    if not isinstance(raw, list):
        raise reject(translate("ReviewPackets", "bundles must be a list"), MANIFEST)
    out = []
    for n, item in enumerate(raw):
        where = f"bundles[{n}]."
        if not isinstance(item, dict):
            raise reject(must_be_object(f"bundles[{n}]"), MANIFEST)
        path = text_field(item, "path", where, reject)
        if not path.startswith("bundles/") or not path.endswith(".zip") or path.count("/") != 1:
            raise reject(
                translate(
                    "ReviewPackets", "{field} must be a .zip file directly under bundles/"
                ).format(field=f"{where}path"),
                MANIFEST,
            )
        out.append(_BundleEntry(text_field(item, "submission_id", where, reject), path))
    if len({b.submission_id for b in out}) != len(out):
        raise reject(translate("ReviewPackets", "bundles lists a submission twice"), MANIFEST)
    return out


def _check_definitions(session: Session, archive: Archive, root: Path, info: _PacketInfo) -> None:
    for entry in info.definitions:
        _check_image_name(archive, root, entry)
        try:
            loaded = load_file(root / entry.path)
        except DefinitionRejected as e:
            raise archive.reject(
                translate("ReviewPackets", "is not a valid definition ({problem})").format(
                    problem=e.problem
                ),
                entry.path,
            ) from None
        if loaded.format != DEFINITION_FORMAT or loaded.uri != entry.id:
            raise archive.reject(
                translate("ReviewPackets", "is not the definition of {credential}").format(
                    credential=entry.id
                ),
                entry.path,
            )
        if loaded.version != entry.version:
            raise archive.reject(
                translate("ReviewPackets", "is not version {version} of {credential}").format(
                    version=entry.version, credential=entry.id
                ),
                entry.path,
            )
        if loaded.digest() != entry.digest:
            raise archive.reject(
                translate(
                    "ReviewPackets", "does not match its digest in manifest.json: it was changed"
                ),
                entry.path,
            )
        existing = session.scalar(
            select(Definition.content_digest).where(
                Definition.achievement_uri == entry.id, Definition.version == entry.version
            )
        )
        if existing is not None and existing != entry.digest:
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "This data folder already holds version {version} of {credential} with "
                    "other content than the packet's, so reviews here would not be scored on "
                    "the lead's rubric; ask the lead. Nothing was imported.",
                ).format(version=entry.version, credential=entry.id)
            )


def _check_image_name(archive: Archive, root: Path, entry: _DefinitionEntry) -> None:
    """The image a definition names must be the packet's entry `entry.image`: never a
    file elsewhere on this computer that a '..' in the name would reach. Checked before
    the definition is loaded, since loading reads the image."""
    try:
        data = parse_json((root / entry.path).read_bytes())
    except JsonProblem as e:
        raise archive.reject(str(e), entry.path) from None
    achievement = data.get("achievement") if isinstance(data, dict) else None
    name = achievement.get("image") if isinstance(achievement, dict) else None
    if name is None:
        if entry.image is not None:
            raise archive.reject(
                translate("ReviewPackets", "names no image, though the packet lists one"),
                entry.path,
            )
        return
    if not isinstance(name, str) or name.startswith(("/", "\\")) or "\\" in name:
        raise archive.reject(
            translate("ReviewPackets", "names an image outside the packet"), entry.path
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.path), name))
    if target != entry.image or PurePosixPath(target).parts[0] != "definitions":
        raise archive.reject(
            translate("ReviewPackets", "names an image other than the one the packet lists"),
            entry.path,
        )


def _check_bundles(
    session: Session, archive: Archive, root: Path, info: _PacketInfo, limits: ImportLimits
) -> None:
    credentials = {a["submission_id"]: a["credential_id"] for a in info.assignment}
    for entry in info.bundles:
        try:
            source = open_source(root / entry.path, limits)
        except BundleRejected as e:
            raise archive.reject(e.problem, entry.path) from None
        try:
            files, _folders = source.top_level()
            if BUNDLE_MANIFEST not in files:
                raise archive.reject(
                    translate("ReviewPackets", "is not a manifest bundle"), entry.path
                )
            plan = plan_bundle(source, "manifest")
        except BundleRejected as e:
            if e.entry:
                why = translate("ReviewPackets", "is not a valid bundle ({entry}): {problem}")
            else:
                why = translate("ReviewPackets", "is not a valid bundle: {problem}")
            raise archive.reject(why.format(entry=e.entry, problem=e.problem), entry.path) from None
        finally:
            source.close()
        if plan.submission_id != entry.submission_id:
            raise archive.reject(
                translate("ReviewPackets", "is not the bundle of {submission}").format(
                    submission=entry.submission_id
                ),
                entry.path,
            )
        if plan.credential_uri != credentials[entry.submission_id]:
            assigned = credentials[entry.submission_id]
            raise archive.reject(
                translate(
                    "ReviewPackets", "is for {credential}, not the assigned {assigned}"
                ).format(credential=plan.credential_uri, assigned=assigned),
                entry.path,
            )
        existing = session.scalar(
            select(Submission.content_digest).where(Submission.submission_id == plan.submission_id)
        )
        if existing is not None and existing != plan.digest({}):
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "This data folder already holds submission {submission} with other "
                    "content than the packet's; ask the lead. Nothing was imported.",
                ).format(submission=plan.submission_id)
            )


def _add_definitions(
    folder: DataFolder,
    root: Path,
    info: _PacketInfo,
    label: str,
    actor: str,
    result: ImportedPacket,
) -> None:
    report = add_files(folder, [root / d.path for d in info.definitions], actor)
    if report.rejected:
        problem = report.rejected[0]["error"].replace(str(root) + "/", f"{label} > ")
        raise PacketError(
            translate(
                "ReviewPackets", "{problem}. The packet was not recorded; import it again later."
            ).format(problem=problem)
        )
    result.definitions_added = [{"id": a["id"], "version": a["version"]} for a in report.added]
    result.definitions_known = [{"id": a["id"], "version": a["version"]} for a in report.skipped]
    result.warnings += [w.replace(str(root) + "/", f"{label} > ") for w in report.warnings]


def _import_bundles(
    folder: DataFolder,
    root: Path,
    info: _PacketInfo,
    label: str,
    limits: ImportLimits,
    progress: Progress | None,
    cancel: CancelToken | None,
    result: ImportedPacket,
) -> None:
    importer = Importer(folder, limits, progress=progress, cancel=cancel)
    report = importer.import_paths([root / b.path for b in info.bundles])
    if report.rejected or report.cancelled:
        why = (
            report.rejected[0].error.replace(str(root) + "/", f"{label} > ")
            if report.rejected
            else translate("ReviewPackets", "the import was cancelled")
        )
        raise PacketError(
            translate(
                "ReviewPackets",
                "{problem}. The packet was not recorded; submissions imported before the "
                "problem are kept, and importing the packet again finishes the rest.",
            ).format(problem=why)
        )
    result.submissions_imported = [r.submission_id for r in report.imported]
    result.submissions_known = [r.submission_id for r in report.skipped]
    for r in report.imported:
        result.warnings += [f"{r.submission_id}: {w}" for w in r.warnings]


# Queries ----------------------------------------------------------------------------------


def list_packets(session: Session) -> list[dict[str, Any]]:
    """Every packet this folder issued or received, newest first, with its assignment."""
    rows = session.scalars(
        select(Packet).options(selectinload(Packet.assignments)).order_by(Packet.id.desc())
    )
    return [
        {
            "packet_id": p.packet_id,
            "direction": p.direction,
            "from": p.issued_by,
            "created": p.created_at.isoformat(),
            "assignment": [
                {
                    "reviewer": a.reviewer,
                    "submission_id": a.submission_id,
                    "credential_id": a.credential_uri,
                }
                for a in p.assignments
            ],
        }
        for p in rows
    ]
