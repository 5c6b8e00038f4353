"""Offline, then back: a team member copies their work from the team database into the
laptop's data folder (`checkout`), scores there with no network, and sends the submitted
reviews back (`sync`). See docs/team.md, "Offline, then back".

Both are review packets, with no second copy of their code:

- a checkout is a packet that the team database makes for the login's reviewer, as if
  a lead had issued it (`export_packet`), and that the laptop's folder imports
  (`import_packet`): definitions, submissions with their evidence, the assignment, and
  the reviewer's annotations begun on the server;
- a sync is that folder's return (`returned_reviews`) taken by the team database
  (`take_return`): new reviews are added and settled, a review changed on the server
  since the checkout becomes a conflict for a lead (`packet conflicts`), the same
  reviews again change nothing.

What packets need between two computers and a team database does not: no return key is
kept on the server, since the sync comes back as the login itself, which the server
authenticates (the packet must be one of that login's checkouts, its reviews that
login's reviewer's, of submissions the checkout gave them and, for an assessor, still
assigned to them). The laptop's folder remembers which team database and login it was checked
out from (a folder setting, with a blind checkout's codes), so that sync needs nothing
more than `--database` and refuses another database or login.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import URL, select, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session, selectinload

from reviewer_app.audit import trail
from reviewer_app.canonical import canonical_json
from reviewer_app.errors import UserError
from reviewer_app.packets import return_keys
from reviewer_app.packets.manifest import ArchiveRejected, json_bytes
from reviewer_app.packets.packet import RECEIVED, export_packet, import_packet
from reviewer_app.packets.returns import (
    CHECKOUT_ACTION,
    Authenticate,
    ImportedReturn,
    IncomingReturn,
    returned_reviews,
    take_return,
)
from reviewer_app.progress import CancelToken, Progress
from reviewer_app.rubrics.queries import current_definition
from reviewer_app.storage.blobstore import BlobStore
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    Assignment,
    FolderSetting,
    Packet,
    Review,
    Reviewer,
    Submission,
    utcnow,
)
from reviewer_app.storage.team_url import shown
from reviewer_app.team.members import TeamError
from reviewer_app.wording import translate

SYNC_ACTION = "team.sync"
# The laptop folder's record of its checkouts: {database, login, reviewer, packets:
# {packet_id: {code: submission id}}} (codes only for a blind checkout).
CHECKOUT_SETTING = "team.checkout"
# What a checkout and a sync write on the server besides reviews, an assessor's login
# may insert (its own only): reviewer_app.team.rules.OFFLINE_TABLES.


@dataclass
class CheckedOut:
    database: str
    login: str
    reviewer: str
    packet_id: str | None  # None: nothing new to check out
    submissions: list[str] = field(default_factory=list)  # as this folder names them
    already_here: list[str] = field(default_factory=list)
    definitions: list[dict[str, Any]] = field(default_factory=list)  # {id, version}
    blind: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class Synced:
    database: str
    login: str
    reviewer: str
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # {id, submission_id, new}
    statuses: dict[str, str] = field(default_factory=dict)
    not_done: list[dict[str, str]] = field(default_factory=list)  # {submission_id, state}


def evidence_store(team: DataFolder) -> BlobStore:
    """Where a checkout reads the team database's evidence files from: the store of the
    folder opened on it, which fetches from the database what it has not cached."""
    return team.store


def open_team(root: Path, url: URL) -> DataFolder:
    """The team database, with `root` as this computer's data folder; a server that
    cannot be reached is said in words (the laptop's folder is not touched)."""
    try:
        return DataFolder.open(root, database_url=url)
    except (InterfaceError, OperationalError) as e:
        raise TeamError(
            translate(
                "Team",
                "Cannot reach the team database {database} ({problem}). Nothing was done: "
                "go on scoring in this data folder, and sync when the server can be reached.",
            ).format(database=shown(url), problem=str(e.orig).strip() or type(e.orig).__name__)
        ) from None


# Checkout -------------------------------------------------------------------------------


def checkout(
    team: DataFolder,
    local: DataFolder,
    submission_ids: list[str] | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> CheckedOut:
    """Copies the login's assigned submissions not yet submitted by them (or the named
    ones) with their evidence and definitions from `team` into `local`, a data folder
    on this computer. Submissions checked out here before are left as they are."""
    _require_team(team)
    where = shown(team.engine.url)
    with team.read_sessions() as session:
        login, reviewer = _login_and_reviewer(session)
        wanted = _to_check_out(session, reviewer, submission_ids)
    with local.read_sessions() as session:
        record = _record(session)
        _same_database(record, where, login)
        here = _checked_out(session, record)
    done = CheckedOut(where, login, reviewer.name, None)
    done.already_here = [s for s in wanted if s in here]
    wanted = [s for s in wanted if s not in here]
    if not wanted:
        return done
    _evidence_here(team, wanted)
    with tempfile.TemporaryDirectory(dir=local.store.tmp, prefix="checkout-") as scratch:
        out = Path(scratch) / "checkout.zip"
        made = export_packet(
            team,
            reviewer.name,
            wanted,
            out,
            actor=login,
            store=evidence_store(team),
            keyed=False,
            action=CHECKOUT_ACTION,
            origin=where,
        )
        # Recorded before the import: a sync skips a packet this folder does not hold,
        # and never misses one it does.
        codes = {code: sid for sid, code in made.codes.items()}
        with local.sessions.begin() as session:
            _remember(session, where, login, reviewer.name, made.packet_id, codes)
        got = import_packet(local, out, actor=login, progress=progress, cancel=cancel)
    done.packet_id = made.packet_id
    done.submissions = [a["submission_id"] for a in got.assignment]
    done.definitions = made.definitions
    done.blind = made.blind
    done.warnings = got.warnings
    return done


def _require_team(team: DataFolder) -> None:
    if team.engine.dialect.name != "postgresql":
        raise TeamError(
            translate(
                "Team",
                "Checkout and sync work with a team database: give --database "
                "postgresql://LOGIN@HOST:PORT/DBNAME.",
            )
        )


def _login_and_reviewer(session: Session) -> tuple[str, Reviewer]:
    login = str(session.scalar(text("SELECT current_user")))
    person = session.scalar(select(Reviewer).where(Reviewer.login == login))
    if person is None:
        raise TeamError(
            translate(
                "Team",
                "The login {login} is not a team member's: connect as your own login "
                "(reviewer-app team add binds one to a reviewer).",
            ).format(login=login)
        )
    return login, person


def _assigned(session: Session, reviewer: Reviewer) -> list[str]:
    return list(
        session.scalars(
            select(Submission.submission_id)
            .join(Assignment, Assignment.submission_id == Submission.id)
            .where(Assignment.reviewer_id == reviewer.id)
            .order_by(Submission.submitted_at, Submission.submission_id)
        )
    )


def _to_check_out(session: Session, reviewer: Reviewer, named: list[str] | None) -> list[str]:
    assigned = _assigned(session, reviewer)
    if named:
        wanted = list(dict.fromkeys(s.strip() for s in named if s.strip()))
        # An assessor scores what is assigned to them; a lead may take any submission.
        if reviewer.role != "lead":
            odd = [s for s in wanted if s not in assigned]
            if odd:
                raise TeamError(
                    translate(
                        "Team",
                        "{submissions} is not assigned to you ({name}); nothing was checked "
                        "out. Ask a lead to assign it (reviewer-app team assign).",
                    ).format(submissions=", ".join(odd), name=reviewer.name)
                )
        return wanted
    submitted = set(
        session.scalars(
            select(Submission.submission_id)
            .join(Review, Review.submission_id == Submission.id)
            .where(Review.reviewer_id == reviewer.id, Review.submitted_at.is_not(None))
        )
    )
    return [s for s in assigned if s not in submitted]


def _readable(store: BlobStore, sha256: str) -> bool:
    """Whether the file is here, or fetched whole from the team database now."""
    try:
        return store.file(sha256).is_file()
    except UserError:
        return False


def _evidence_here(team: DataFolder, wanted: list[str]) -> None:
    """Refuses, before anything is written, a checkout whose evidence cannot be read."""
    store = evidence_store(team)
    with team.read_sessions() as session:
        rows = session.scalars(
            select(Submission)
            .options(selectinload(Submission.items))
            .where(Submission.submission_id.in_(wanted))
        ).all()
        missing = sorted(
            s.submission_id
            for s in rows
            if any(i.blob_sha256 and not _readable(store, i.blob_sha256) for i in s.items)
        )
        for uri in {s.credential_uri for s in rows if s.credential_uri}:
            found = current_definition(session, uri)
            if (
                found is not None
                and found.image_sha256
                and not _readable(store, found.image_sha256)
            ):
                missing.append(uri)
    if missing:
        raise TeamError(
            translate(
                "Team",
                "The evidence of {what} is not on this computer. Until evidence is kept in "
                "the team database, check out on the computer that imported it (or with a "
                "copy of its data folder). Nothing was checked out.",
            ).format(what=", ".join(missing))
        )


# The laptop folder's record ------------------------------------------------------------


def _record(session: Session) -> dict[str, Any] | None:
    row = session.get(FolderSetting, CHECKOUT_SETTING)
    value = row.value if row is not None else None
    if not isinstance(value, dict) or not isinstance(value.get("packets"), dict):
        return None
    return value


def _same_database(record: dict[str, Any] | None, where: str, login: str) -> None:
    if record is None or (record.get("database"), record.get("login")) == (where, login):
        return
    raise TeamError(
        translate(
            "Team",
            "This data folder was checked out from {database} as {login}, not from {here}: "
            "connect to that database as that login, or use another data folder. "
            "Nothing was done.",
        ).format(database=record.get("database"), login=record.get("login"), here=where)
    )


def _checked_out(session: Session, record: dict[str, Any] | None) -> set[str]:
    """The team's submission ids this folder holds from earlier checkouts."""
    if record is None:
        return set()
    packets = session.scalars(
        select(Packet)
        .options(selectinload(Packet.assignments))
        .where(Packet.packet_id.in_(list(record["packets"])), Packet.direction == RECEIVED)
    )
    out = set()
    for packet in packets:
        codes = record["packets"].get(packet.packet_id) or {}
        out |= {codes.get(a.submission_id, a.submission_id) for a in packet.assignments}
    return out


def _remember(
    session: Session,
    where: str,
    login: str,
    reviewer: str,
    packet_id: str,
    codes: dict[str, str],
) -> None:
    row = session.get(FolderSetting, CHECKOUT_SETTING)
    record = _record(session) or {"database": where, "login": login, "packets": {}}
    value = {**record, "reviewer": reviewer, "packets": {**record["packets"], packet_id: codes}}
    if row is None:
        session.add(FolderSetting(key=CHECKOUT_SETTING, value=value))
    else:
        row.value = value


def checked_out_from(local: DataFolder) -> str | None:
    """The team database this folder was checked out from (as shown), if any."""
    with local.read_sessions() as session:
        record = _record(session)
    return str(record["database"]) if record else None


# Sync -----------------------------------------------------------------------------------


def sync(team: DataFolder, local: DataFolder) -> Synced:
    """Sends the reviews submitted in `local` from its checkouts to `team`, as the
    login: each checkout's reviews are one return, checked whole and applied in one
    transaction. The same reviews again change nothing."""
    _require_team(team)
    where = shown(team.engine.url)
    with local.read_sessions() as session:
        record = _record(session)
        if record is None:
            raise TeamError(
                translate(
                    "Team",
                    "This data folder holds no checkout from a team database "
                    "(reviewer-app team checkout).",
                )
            )
        _same_database(record, where, str(record.get("login")))
        held = set(
            session.scalars(
                select(Packet.packet_id).where(
                    Packet.packet_id.in_(list(record["packets"])), Packet.direction == RECEIVED
                )
            )
        )
        reviewer = str(record.get("reviewer", ""))
        returns = []
        for packet_id, codes in record["packets"].items():
            if packet_id in held:
                done, not_done, _key = returned_reviews(session, packet_id, reviewer)
                returns.append((packet_id, codes, done, not_done))
    with team.read_sessions() as session:
        login, person = _login_and_reviewer(session)
        # An assessor's review of a submission no longer assigned to them stays here.
        assigned = None if person.role == "lead" else set(_assigned(session, person))
    _same_database(record, where, login)
    result = Synced(where, login, person.name)
    label = translate("Team", "the reviews from {folder}").format(folder=local.root)
    for packet_id, codes, done, not_done in returns:
        # A blind checkout's codes, as the team database names the submissions.
        result.not_done += [
            {**n, "submission_id": codes.get(n["submission_id"], n["submission_id"])}
            for n in not_done
        ]
        if assigned is not None:
            kept = [
                r for r in done if codes.get(r["submission_id"], r["submission_id"]) in assigned
            ]
            result.not_done += [
                {
                    "submission_id": codes.get(r["submission_id"], r["submission_id"]),
                    "state": "no longer assigned",
                }
                for r in done
                if r not in kept
            ]
            done = kept
        if not done:
            continue
        reviews = json_bytes({"reviews": done})
        # The same reviews from the same checkout are the same return, whenever sent.
        same = {"packet_id": packet_id, "reviewer": reviewer, "reviews": done}
        sha = hashlib.sha256(canonical_json(same).encode()).hexdigest()

        def reject(problem: str, entry: str | None = None) -> ArchiveRejected:
            return ArchiveRejected(label, problem, entry)

        incoming = IncomingReturn(
            label, local.root.name, sha, packet_id, reviewer, utcnow(), reviews, reject
        )
        got = take_return(
            team,
            incoming,
            actor=login,
            authenticate=_as_login(login, person, codes),
            action=SYNC_ACTION,
        )
        if got.already_imported:  # sent before: nothing changed there since
            got.unchanged = [codes.get(r["submission_id"], r["submission_id"]) for r in done]
        _merge(result, got)
        if not got.already_imported:
            with local.sessions.begin() as session:
                trail.record(
                    session,
                    actor=login,
                    action=SYNC_ACTION,
                    entity="packet",
                    entity_id=packet_id,
                    after={
                        "database": where,
                        "sha256": sha,
                        "added": got.added,
                        "unchanged": got.unchanged,
                        "conflicts": [c["submission_id"] for c in got.conflicts],
                    },
                )
    return result


def _as_login(login: str, person: Reviewer, codes: dict[str, str]) -> Authenticate:
    """In place of a packet's key: the server authenticated the login, so the return is
    taken when the packet is one of that login's checkouts, for their reviewer only."""

    def authenticate(session: Session, packet: Packet) -> return_keys.PacketKey:
        reviewers = {a.reviewer for a in packet.assignments}
        if not packet.issued_by.startswith(f"{login} (") or reviewers != {person.name}:
            raise TeamError(
                translate(
                    "Team",
                    "Packet {packet} is not one of your ({login}'s) checkouts; nothing was synced.",
                ).format(packet=packet.packet_id, login=login)
            )
        return return_keys.PacketKey(b"", dict(codes))

    return authenticate


def _merge(result: Synced, got: ImportedReturn) -> None:
    for sid in got.added:
        if sid not in result.added:
            result.added.append(sid)
    for sid in got.unchanged:
        if sid not in result.unchanged and sid not in result.added:
            result.unchanged.append(sid)
    result.conflicts += got.conflicts
    result.statuses.update(got.statuses)
