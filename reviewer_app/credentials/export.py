"""Exporting passing decisions as signed credentials, ready to hand out and upload.

The export folder holds:
- `credentials/`: one signed credential per earner and award (`.json` with a Data
  Integrity proof, or `.jwt` / `.jws`) and the badge image with it baked in;
- `hosting/`: every file the issuer must publish, at paths that mirror their URLs
  (hosting/keys/jwks.json is served at <hosting address>keys/jwks.json);
- `upload/`: bulk-award CSV files for Canvas Credentials and Credly;
- `PUBLISH.html`: where each hosting file goes; `manifest.json`: each file's SHA-256
  and the audit trail's head, signed by the issuer in `manifest.sig.json`.

Safe to interrupt: each award is signed once and kept in the database with its
document (committed in batches before any file is written), every file is written
atomically, and the awards are marked exported only when the whole folder is written.
Running the export again after a kill signs nothing twice and writes exactly the files
an uninterrupted run would have written.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.audit.anchor import current_anchor
from reviewer_app.credentials import awards as award_rows
from reviewer_app.credentials import badge_image, baking
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.export_manifest import MANIFEST, SIGNATURE, TEMP, signed_manifest
from reviewer_app.credentials.formats import credential_file, ob3_jwt, sign_award
from reviewer_app.credentials.formats.common import ExportError, safe_image
from reviewer_app.credentials.hosting import hosting_files, publish_page
from reviewer_app.credentials.issuers import (
    IssuerError,
    UnlockedIssuer,
    default_issuer,
    issuer_info,
    unlock,
)
from reviewer_app.credentials.names import credential_stem
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.signing_pool import Signer
from reviewer_app.credentials.upload import Signed, upload_files
from reviewer_app.errors import UserError
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.atomic import write_all_atomically, write_atomically
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer, utcnow
from reviewer_app.vocabulary import CredentialFormat, Proof
from reviewer_app.wording import translate

BATCH = 100  # awards signed per committed transaction
_TEMP = TEMP


@dataclass(frozen=True)
class ExportedCredential:
    submission_id: str
    credential_id: str
    files: tuple[str, ...]  # relative to the export folder


@dataclass
class ExportResult:
    out: Path
    exported: list[ExportedCredential] = field(default_factory=list)
    hosting: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def export(
    folder: DataFolder,
    out: Path,
    *,
    passphrase: str,
    actor: str,
    fmt: CredentialFormat = CredentialFormat.OB3,
    proof: Proof = Proof.DATA_INTEGRITY,
    issuer_id: int | None = None,
    submission_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Signs and writes every passing decision not yet exported in `fmt` (or exactly
    `submission_ids`) into `out`."""
    # Recorded in the trail and offered again later: a relative name would then point
    # wherever the program happens to run.
    out = out.expanduser().absolute()
    cancel = cancel or CancelToken()
    report = progress or (lambda _r: None)
    with contextlib.ExitStack() as stack:
        with folder.read_sessions() as session:
            issuer = _issuer(session, issuer_id)
            if fmt == CredentialFormat.OB3 and proof == Proof.JWT and issuer.did_method != "web":
                raise ExportError(ob3_jwt.needs_did_web())
            pending = award_rows.pending_awards(
                session,
                issuer,
                issuer_info(issuer, folder.store),
                fmt,
                folder.store,
                submission_ids=list(submission_ids) if submission_ids is not None else None,
            )
            _check_found(pending, submission_ids)
            # Each definition's image once (read, checked, or drawn when it has none): an
            # image that cannot be baked stops the export before signing, and every
            # credential of the definition is baked into the same bytes.
            images = {p.art.relative: _badge_bytes(p) for p in pending}
            plan = _plan(folder, issuer.id, pending, fmt)
            to_sign = [(job.pending, job.status_index) for job in plan if job.document is None]
            # The workers start before the keys are opened, which takes a while on purpose.
            signer = stack.enter_context(Signer(fmt, proof, len(to_sign), ahead=BATCH))
            # Data Integrity proofs need only the Ed25519 key: the RSA one stays shut.
            data_integrity = fmt == CredentialFormat.OB3 and proof == Proof.DATA_INTEGRITY
            unlocked = unlock(folder, issuer, passphrase, rsa_too=not data_integrity)
        if not pending:
            return ExportResult(out=out)  # nothing new: the folder's files stay as they are
        return _sign_and_write(
            folder, out, unlocked, plan, signer, fmt, proof, images, actor, report, cancel
        )


def _check_found(pending: Sequence[PendingAward], submission_ids: Sequence[str] | None) -> None:
    if submission_ids is None:
        return
    found = {p.award.submission_id for p in pending}
    missing = [s for s in submission_ids if s not in found]
    if missing:
        raise ExportError(
            translate(
                "CredentialExport",
                "These submissions have no passing decision to export: {submissions}",
            ).format(submissions=", ".join(missing))
        )


def _sign_and_write(
    folder: DataFolder,
    out: Path,
    unlocked: UnlockedIssuer,
    plan: Sequence[_Job],
    signer: Signer,
    fmt: CredentialFormat,
    proof: Proof,
    images: dict[str, bytes],
    actor: str,
    report: Progress,
    cancel: CancelToken,
) -> ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(out)
    total = len(plan)
    to_sign = [(job.pending, job.status_index) for job in plan if job.document is None]
    signed: list[Signed] = []
    result = ExportResult(out=out)
    written: list[str] = []
    digests: dict[str, tuple[str, int]] = {}  # of every file written or found as it is
    # Every signature is asked for at once, so that the workers keep signing while each
    # finished batch is recorded and its files written here.
    documents = signer.sign(unlocked, to_sign, BatchChecker(), cancel)
    for start in range(0, total, BATCH):
        cancel.check()
        batch = _record_batch(folder, unlocked, plan[start : start + BATCH], fmt, proof, documents)
        signed.extend(batch)
        contents: dict[str, bytes] = {}
        for item in batch:
            files = _credential_files(item, fmt, proof, images)
            contents.update(files)
            written.extend(files)
            result.exported.append(
                ExportedCredential(
                    item.pending.award.submission_id, _credential_id(item), tuple(files)
                )
            )
        _write_all(out, contents, digests)  # the batch's files, synced together
        report(
            ProgressReport(
                len(signed),
                total,
                0,
                0,
                translate("CredentialExport", "Signed and wrote {done} of {total}").format(
                    done=len(signed), total=total
                ),
            )
        )
    signer.close(wait=False)  # every signature is in: the workers end meanwhile
    cancel.check()
    rest: dict[str, bytes] = {}  # pathway records, hosting, upload files: one batch
    with folder.read_sessions() as session:
        issuer = session.get_one(Issuer, unlocked.issuer_id)
        if fmt == CredentialFormat.OB3 and proof == Proof.DATA_INTEGRITY:
            from reviewer_app.credentials.pathways import completed_pathways

            records = completed_pathways(
                session,
                issuer,
                unlocked,
                [s.pending.earner_id for s in signed],
                folder.store,
            )
            for record in records:
                stem = record.stem
                rest[f"{stem}.json"] = record.document.encode()
                rest[f"{stem}{record.image_suffix}"] = record.image
        hosting = hosting_files(folder, session, issuer, unlocked, fmt)
    rest.update({f"hosting/{relative}": data for relative, data in hosting.items()})
    result.hosting = sorted("hosting/" + r for r in hosting)
    rest.update(upload_files(signed))
    rest["PUBLISH.html"] = publish_page(unlocked, sorted(hosting))
    _write_all(out, rest, digests)
    written.extend(rest)
    written += [MANIFEST, SIGNATURE]
    result.files = sorted(set(written))
    _mark_exported(
        folder,
        unlocked,
        [s.pending.decision_id for s in signed],
        fmt,
        actor,
        out,
        len(signed),
        digests,
    )
    logging.getLogger(__name__).info("Exported %d %s credentials to %s", total, fmt, out)
    report(
        ProgressReport(
            total,
            total,
            0,
            0,
            translate("CredentialExport", "Exported {total} credentials").format(total=total),
        )
    )
    return result


def refresh_hosting(
    folder: DataFolder,
    out: Path,
    *,
    passphrase: str,
    issuer_id: int | None = None,
    fmt: CredentialFormat = CredentialFormat.OB3,
) -> list[str]:
    """Rewrites an export folder's hosting/ files (after a revocation or a key
    rotation) and its manifest; the credentials in it are left as they are."""
    with folder.read_sessions() as session:
        issuer = _issuer(session, issuer_id)
        unlocked = unlock(folder, issuer, passphrase)
        hosting = hosting_files(folder, session, issuer, unlocked, fmt)
    for relative, data in sorted(hosting.items()):
        _write(out / "hosting" / relative, data)
    _write(out / "PUBLISH.html", publish_page(unlocked, sorted(hosting)))
    with folder.read_sessions() as session:
        _write_manifest(out, unlocked, current_anchor(session))
    return sorted("hosting/" + r for r in hosting)


def _issuer(session: Session, issuer_id: int | None) -> Issuer:
    issuer = session.get(Issuer, issuer_id) if issuer_id is not None else default_issuer(session)
    if issuer is None:
        raise ExportError(
            translate(
                "CredentialExport",
                "There is no issuer in this data folder yet. Create one first "
                "(reviewer-app issuer init --name NAME --url URL --passphrase-file FILE).",
            )
        )
    return issuer


def _credential_id(item: Signed) -> str:
    return item.pending.award.credential_id


@dataclass(frozen=True)
class _Job:
    pending: PendingAward
    status_index: int | None
    document: str | None  # signed by an earlier, interrupted run; None: to sign now


def _plan(
    folder: DataFolder,
    issuer_id: int,
    pending: Sequence[PendingAward],
    fmt: CredentialFormat,
) -> list[_Job]:
    """Each award with its place in the status list: the one it was signed with by an
    earlier run, or the next free one, in order."""
    stored: dict[int, IssuedCredential] = {}
    ids = [p.decision_id for p in pending]
    with folder.read_sessions() as session:
        for start in range(0, len(ids), 500):
            for row in session.scalars(
                select(IssuedCredential).where(
                    IssuedCredential.format == fmt,
                    IssuedCredential.decision_id.in_(ids[start : start + 500]),
                )
            ):
                stored[row.decision_id] = row
        next_index = _next_status_index(session, issuer_id) if fmt == CredentialFormat.OB3 else None
    plan = []
    for p in pending:
        earlier = stored.get(p.decision_id)
        if earlier is not None and earlier.document is not None:
            plan.append(_Job(p, earlier.status_index, earlier.document))
            continue
        plan.append(_Job(p, next_index, None))
        if next_index is not None:
            next_index += 1
    return plan


def _record_batch(
    folder: DataFolder,
    unlocked: UnlockedIssuer,
    batch: Sequence[_Job],
    fmt: CredentialFormat,
    proof: Proof,
    documents: Iterator[str],
) -> list[Signed]:
    """Takes the signatures of `batch`'s new awards from `documents` (in plan order)
    and records them in one transaction, before any of their files is written."""
    out = []
    rows: list[dict[str, Any]] = []
    for job in batch:
        if job.document is not None:
            out.append(Signed(job.pending, job.document, job.status_index))
            continue
        document = next(documents)
        rows.append(
            {
                "decision_id": job.pending.decision_id,
                "credential_id": job.pending.award.credential_id,
                "format": fmt,
                "issuer_id": unlocked.issuer_id,
                "key_id": unlocked.rsa_key_id
                if proof == Proof.JWT or fmt == CredentialFormat.OB2
                else None,
                "proof": Proof.JWS if fmt == CredentialFormat.OB2 else proof,
                "status_index": job.status_index,
                "document": document,
                "document_sha256": hashlib.sha256(document.encode()).hexdigest(),
            }
        )
        out.append(Signed(job.pending, document, job.status_index))
    # One INSERT for the batch's rows: building an ORM object for each cost more than
    # the rest of recording them.
    with folder.sessions.begin() as session:
        try:
            if rows:
                session.execute(insert(IssuedCredential), rows)
        except IntegrityError:
            raise ExportError(
                translate(
                    "CredentialExport",
                    "Another export is signing these credentials at the same time; "
                    "run this one again when it has finished.",
                )
            ) from None
    return out


def _next_status_index(session: Session, issuer_id: int) -> int:
    from sqlalchemy import func

    highest = session.scalar(
        select(func.max(IssuedCredential.status_index)).where(
            IssuedCredential.issuer_id == issuer_id
        )
    )
    return 0 if highest is None else highest + 1


def _write(path: Path, data: bytes) -> None:
    """Atomically, and only when different: a resumed export rewrites nothing it has."""
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)


def _write_all(out: Path, files: dict[str, bytes], digests: dict[str, tuple[str, int]]) -> None:
    """`files` (relative to `out`) as `_write` writes one, synced together: those a
    resumed export already has are left alone. Each one's SHA-256 and size go into
    `digests`, for the manifest."""
    changed = []
    for relative, data in files.items():
        digests[relative] = (hashlib.sha256(data).hexdigest(), len(data))
        path = out / relative
        try:
            if path.read_bytes() == data:
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        changed.append((path, data))
    write_all_atomically(changed)


def _remove_stale_temps(out: Path) -> None:
    for path in out.rglob(".*.tmp"):
        if path.is_file() and _TEMP.match(path.name):
            path.unlink()


def _badge_bytes(pending: PendingAward) -> bytes:
    name = pending.award.achievement.name
    if pending.art.blob is not None:
        return safe_image(pending.art.blob.read_bytes(), repr(name))
    return badge_image.plain_badge_png(name)


def _credential_files(
    item: Signed, fmt: CredentialFormat, proof: Proof, images: dict[str, bytes]
) -> dict[str, bytes]:
    """The signed document and the badge image with it baked in, by relative name."""
    stem = credential_stem(item.pending)
    text = item.document
    kind = credential_file(fmt, proof)
    art = images[item.pending.art.relative]
    payload = text.strip()
    if item.pending.art.media_type == "image/svg+xml":
        image = stem + ".svg"
        baked = baking.bake_svg(art, payload, version=kind.svg_version, signed=kind.svg_signed)
    else:
        image = stem + ".png"
        baked = baking.bake_png(art, payload, keyword=kind.png_keyword)
    return {stem + kind.extension: text.encode(), image: baked}


def _write_manifest(
    out: Path,
    unlocked: UnlockedIssuer,
    anchor: dict[str, Any],
    known: dict[str, tuple[str, int]] | None = None,
) -> None:
    manifest, signature = signed_manifest(out, unlocked, anchor, known)
    _write(out / MANIFEST, manifest)
    _write(out / SIGNATURE, signature)


def _mark_exported(
    folder: DataFolder,
    unlocked: UnlockedIssuer,
    decision_ids: Sequence[int],
    fmt: CredentialFormat,
    actor: str,
    out: Path,
    count: int,
    digests: dict[str, tuple[str, int]],
) -> None:
    now = utcnow()
    with folder.sessions.begin() as session:
        for start in range(0, len(decision_ids), 500):
            session.execute(
                update(IssuedCredential)
                .where(
                    IssuedCredential.format == fmt,
                    IssuedCredential.decision_id.in_(decision_ids[start : start + 500]),
                    IssuedCredential.exported_at.is_(None),
                )
                .values(exported_at=now)
                .execution_options(synchronize_session=False)
            )
        trail.record(
            session,
            actor=actor,
            action="credentials.export",
            entity="export",
            entity_id=str(out),
            after={"format": fmt, "count": count},
        )
        session.flush()
        # The manifest carries the trail's head as this transaction leaves it (the export's
        # own entry included), signed with the issuer's key; a kill before the commit
        # leaves the awards unexported, and the next run writes the manifest again.
        _write_manifest(out, unlocked, current_anchor(session), digests)


__all__ = ["ExportError", "ExportResult", "IssuerError", "UserError", "export", "sign_award"]
