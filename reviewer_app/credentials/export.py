"""Exporting passing decisions as signed credentials, ready to hand out and upload.

The export folder holds:
- `credentials/`: one signed credential per earner and award (`.json` with a Data
  Integrity proof, or `.jwt` / `.jws`) and the badge image with it baked in;
- `hosting/`: every file the issuer must publish, at paths that mirror their URLs
  (hosting/keys/jwks.json is served at <hosting address>keys/jwks.json);
- `upload/`: bulk-award CSV files for Canvas Credentials and Credly;
- `PUBLISH.html`: where each hosting file goes; `manifest.json`: each file's SHA-256.

Safe to interrupt: each award is signed once and kept in the database with its
document (committed in batches before any file is written), every file is written
atomically, and the awards are marked exported only when the whole folder is written.
Running the export again after a kill signs nothing twice and writes exactly the files
an uninterrupted run would have written.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.credentials import awards as award_rows
from reviewer_app.credentials import badge_image, baking, dataintegrity, dids, jws, keys, ob2
from reviewer_app.credentials import ob3 as ob3_docs
from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.issuers import (
    ISSUER_IMAGE,
    IssuerError,
    UnlockedIssuer,
    default_issuer,
    did_document_path,
    ed25519_public,
    image_suffix,
    issuer_did,
    rsa_public,
    unlock,
)
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.credentials.signing_pool import Signer
from reviewer_app.credentials.status import STATUS_PATH, status_list_credential
from reviewer_app.errors import UserError
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer, utcnow
from reviewer_app.wording import translate

Format = Literal["ob3", "ob2"]
ProofKind = Literal["data-integrity", "jwt"]
BATCH = 100  # awards signed per committed transaction
PROFILE_PATH = "issuer.json"
JWKS_PATH = "keys/jwks.json"
# Temp files left by a killed `write_atomically`: ".<name>.<12 hex>.tmp".
_TEMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


class ExportError(UserError):
    pass


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


@dataclass(frozen=True)
class Signed:
    pending: PendingAward
    document: str  # the exact text of the signed credential
    status_index: int | None


def export(
    folder: DataFolder,
    out: Path,
    *,
    passphrase: str,
    actor: str,
    fmt: Format = "ob3",
    proof: ProofKind = "data-integrity",
    issuer_id: int | None = None,
    submission_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Signs and writes every passing decision not yet exported in `fmt` (or exactly
    `submission_ids`) into `out`."""
    cancel = cancel or CancelToken()
    report = progress or (lambda _r: None)
    with folder.sessions() as session:
        issuer = _issuer(session, issuer_id)
        unlocked = unlock(folder, issuer, passphrase)
        pending = award_rows.pending_awards(
            session,
            issuer,
            unlocked.info,
            fmt,
            folder.store.objects,
            submission_ids=list(submission_ids) if submission_ids is not None else None,
        )
    if submission_ids is not None:
        found = {p.award.submission_id for p in pending}
        missing = [s for s in submission_ids if s not in found]
        if missing:
            raise ExportError(
                translate(
                    "CredentialExport",
                    "These submissions have no passing decision to export: {submissions}",
                ).format(submissions=", ".join(missing))
            )
    if not pending:
        return ExportResult(out=out)  # nothing new: the folder's files stay as they are
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(out)

    total = len(pending)
    plan = _plan(folder, unlocked, pending, fmt)
    to_sign = [(job.pending, job.status_index) for job in plan if job.document is None]
    signed: list[Signed] = []
    result = ExportResult(out=out)
    written: list[str] = []
    # Every signature is asked for at once, so that the workers keep signing while each
    # finished batch is recorded and its files written here.
    with Signer(unlocked, fmt, proof, len(to_sign), BatchChecker()) as signer:
        documents = signer.sign(to_sign, cancel)
        for start in range(0, total, BATCH):
            cancel.check()
            batch = _record_batch(
                folder, unlocked, plan[start : start + BATCH], fmt, proof, documents
            )
            signed.extend(batch)
            for item in batch:
                files = _write_credential(out, item, fmt, proof)
                written.extend(files)
                result.exported.append(
                    ExportedCredential(
                        item.pending.award.submission_id, _credential_id(item), files
                    )
                )
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
    cancel.check()
    with folder.sessions() as session:
        issuer = session.get_one(Issuer, unlocked.issuer_id)
        if fmt == "ob3" and proof == "data-integrity":
            from reviewer_app.credentials.pathways import completed_pathways

            records = completed_pathways(
                session,
                issuer,
                unlocked,
                [s.pending.earner_id for s in signed],
                folder.store.objects,
            )
            for record in records:
                stem = f"credentials/pathways/{record.earner_slug}-{record.pathway_slug}"
                _write(out / f"{stem}.json", record.document.encode())
                _write(out / f"{stem}{record.image_suffix}", record.image)
                written += [f"{stem}.json", f"{stem}{record.image_suffix}"]
        hosting = hosting_files(folder, session, issuer, unlocked, fmt)
    for relative, data in sorted(hosting.items()):
        _write(out / "hosting" / relative, data)
    result.hosting = sorted("hosting/" + r for r in hosting)
    written.extend(result.hosting)
    for relative, data in upload_files(signed, fmt).items():
        _write(out / relative, data)
        written.append(relative)
    _write(out / "PUBLISH.html", publish_page(unlocked, sorted(hosting)))
    written.append("PUBLISH.html")
    _write(out / "manifest.json", manifest(out))
    written.append("manifest.json")
    result.files = sorted(set(written))
    _mark_exported(folder, [s.pending.decision_id for s in signed], fmt, actor, out, len(signed))
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
    fmt: Format = "ob3",
) -> list[str]:
    """Rewrites an export folder's hosting/ files (after a revocation or a key
    rotation) and its manifest; the credentials in it are left as they are."""
    with folder.sessions() as session:
        issuer = _issuer(session, issuer_id)
        unlocked = unlock(folder, issuer, passphrase)
        hosting = hosting_files(folder, session, issuer, unlocked, fmt)
    for relative, data in sorted(hosting.items()):
        _write(out / "hosting" / relative, data)
    _write(out / "PUBLISH.html", publish_page(unlocked, sorted(hosting)))
    _write(out / "manifest.json", manifest(out))
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


# Signing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    pending: PendingAward
    status_index: int | None
    document: str | None  # signed by an earlier, interrupted run; None: to sign now


def _plan(
    folder: DataFolder, unlocked: UnlockedIssuer, pending: Sequence[PendingAward], fmt: Format
) -> list[_Job]:
    """Each award with its place in the status list: the one it was signed with by an
    earlier run, or the next free one, in order."""
    stored: dict[int, IssuedCredential] = {}
    ids = [p.decision_id for p in pending]
    with folder.sessions() as session:
        for start in range(0, len(ids), 500):
            for row in session.scalars(
                select(IssuedCredential).where(
                    IssuedCredential.format == fmt,
                    IssuedCredential.decision_id.in_(ids[start : start + 500]),
                )
            ):
                stored[row.decision_id] = row
        next_index = _next_status_index(session, unlocked.issuer_id) if fmt == "ob3" else None
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
    fmt: Format,
    proof: ProofKind,
    documents: Iterator[str],
) -> list[Signed]:
    """Takes the signatures of `batch`'s new awards from `documents` (in plan order)
    and records them in one transaction, before any of their files is written."""
    out = []
    with folder.sessions.begin() as session:
        for job in batch:
            if job.document is not None:
                out.append(Signed(job.pending, job.document, job.status_index))
                continue
            document = next(documents)
            session.add(
                IssuedCredential(
                    decision_id=job.pending.decision_id,
                    credential_id=job.pending.award.credential_id,
                    format=fmt,
                    issuer_id=unlocked.issuer_id,
                    key_id=unlocked.rsa_key_id if proof == "jwt" or fmt == "ob2" else None,
                    proof="jws" if fmt == "ob2" else proof,
                    status_index=job.status_index,
                    document=document,
                    document_sha256=hashlib.sha256(document.encode()).hexdigest(),
                )
            )
            out.append(Signed(job.pending, document, job.status_index))
        try:
            session.flush()
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


def status_list_url(unlocked: UnlockedIssuer) -> str:
    return unlocked.info.hosted(STATUS_PATH)


def sign_award(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    fmt: Format,
    proof: ProofKind,
    status_index: int | None,
    checker: BatchChecker | None = None,
) -> str:
    """The signed document's text for one award."""
    award = award_rows.with_status_index(pending, status_index).award
    if fmt == "ob2":
        info = unlocked.info
        try:
            badge = ob2.badge_class(award.achievement, info)
            document = ob2.assertion(
                award, info, badge=badge, key_url=ob2.key_url(info, unlocked.rsa_key_id)
            )
            ob2.issuer_profile(info, [unlocked.rsa_key_id])  # what 2.0 requires of issuers
        except ValueError as e:
            raise ExportError(
                translate("CredentialExport", "Open Badges 2.0: {problem}.").format(problem=e)
            ) from None
        return ob2.sign_assertion(document, lambda data: jws.sign_compact(data, unlocked.rsa))
    credential = ob3_docs.achievement_credential(
        award,
        unlocked.info,
        status_list_url=status_list_url(unlocked),
        required_level=pending.required_level,
    )
    problems = (checker or BatchChecker()).problems(credential)
    if problems:  # our own document: a bug, but never sign what the schema refuses
        raise ExportError(
            translate(
                "CredentialExport",
                "The credential for {submission} does not meet the Open Badges 3.0 schema: "
                "{problems}",
            ).format(
                submission=award.submission_id, problems="; ".join(str(p) for p in problems[:5])
            )
        )
    if proof == "jwt":
        return jws.encode_vc_jwt(
            credential,
            unlocked.rsa,
            kid=unlocked.info.hosted(JWKS_PATH) + "#" + unlocked.rsa_key_id,
        )
    signed = dataintegrity.sign(
        credential,
        unlocked.ed25519,
        unlocked.verification_method,
        ob3_docs.iso(award.issued_at),
    )
    return json.dumps(signed, ensure_ascii=False, indent=2) + "\n"


# Files --------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    """Atomically, and only when different: a resumed export rewrites nothing it has."""
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)


def _remove_stale_temps(out: Path) -> None:
    for path in out.rglob(".*.tmp"):
        if path.is_file() and _TEMP.match(path.name):
            path.unlink()


def credential_stem(pending: PendingAward) -> str:
    safe_id = re.sub(r"[^A-Za-z0-9._-]+", "-", pending.award.submission_id).strip("-")
    return f"credentials/{pending.earner_slug}-{safe_id}"


def _badge_bytes(pending: PendingAward) -> bytes:
    if pending.art.blob is not None:
        return pending.art.blob.read_bytes()
    return badge_image.plain_badge_png(pending.award.achievement.name)


def _write_credential(out: Path, item: Signed, fmt: Format, proof: ProofKind) -> tuple[str, ...]:
    stem = credential_stem(item.pending)
    text = item.document
    if fmt == "ob2":
        extension, keyword, version, signed = ".jws", "openbadges", "ob2", True
    elif proof == "jwt":
        extension, keyword, version, signed = ".jwt", "openbadgecredential", "ob3", True
    else:
        extension, keyword, version, signed = ".json", "openbadgecredential", "ob3", False
    files = [stem + extension]
    _write(out / files[0], text.encode())
    art = _badge_bytes(item.pending)
    payload = text.strip()
    if item.pending.art.media_type == "image/svg+xml":
        baked = baking.bake_svg(art, payload, version=version, signed=signed)  # type: ignore[arg-type]
        files.append(stem + ".svg")
    else:
        baked = baking.bake_png(art, payload, keyword=keyword)
        files.append(stem + ".png")
    _write(out / files[1], baked)
    return tuple(files)


def hosting_files(
    folder: DataFolder, session: Session, issuer: Issuer, unlocked: UnlockedIssuer, fmt: Format
) -> dict[str, bytes]:
    """Every file the issuer publishes, by path under hosting/."""
    files: dict[str, bytes] = {}
    info = unlocked.info
    files[PROFILE_PATH] = _json(
        {"@context": [ob3_docs.VC_V2, ob3_docs.OB3_CONTEXT], **ob3_docs.issuer_profile(info)}
    )
    rsa_keys = [k for k in issuer.keys if k.kind == "rsa"]
    files[JWKS_PATH] = _json(keys.jwks([(rsa_public(k), k.key_id) for k in rsa_keys]))
    if issuer.did_method == "web":
        did = issuer_did(issuer)
        ed_keys = [(k.key_id, ed25519_public(k)) for k in issuer.keys if k.kind == "ed25519"]
        files[did_document_path(issuer)] = _json(dids.did_web_document(did, ed_keys))
    files[STATUS_PATH] = status_list_file(session, issuer, unlocked)
    for relative, data in _badge_images(session, issuer, folder.store.objects):
        files[relative] = data
    suffix = image_suffix(issuer, folder.store.objects)
    if suffix and issuer.image_sha256:
        sha = issuer.image_sha256
        files[ISSUER_IMAGE + suffix] = (folder.store.objects / sha[:2] / sha).read_bytes()
    from reviewer_app.credentials.pathways import hosted_images

    files.update(hosted_images(session, folder.store.objects))
    if fmt == "ob2" or _issued_definitions(session, issuer, "ob2"):
        files.update(ob2_hosting(session, issuer, unlocked, folder.store.objects))
    return files


def status_list_file(session: Session, issuer: Issuer, unlocked: UnlockedIssuer) -> bytes:
    """The signed status list: its date is the latest revocation's (or the issuer's
    creation), so that it changes only when a revocation does."""
    rows = session.execute(
        select(IssuedCredential.status_index, IssuedCredential.revoked_at).where(
            IssuedCredential.issuer_id == issuer.id,
            IssuedCredential.status_index.is_not(None),
            IssuedCredential.revoked_at.is_not(None),
        )
    ).all()
    revoked = [(index, at) for index, at in rows if index is not None and at is not None]
    moments = [award_rows.aware(at) for _, at in revoked] + [award_rows.aware(issuer.created_at)]
    valid_from = ob3_docs.iso(max(moments))
    document = status_list_credential(
        unlocked.info, status_list_url(unlocked), [i for i, _ in revoked], valid_from
    )
    signed = dataintegrity.sign(
        document, unlocked.ed25519, unlocked.verification_method, valid_from
    )
    return _json(signed)


def _issued_definitions(session: Session, issuer: Issuer, fmt: str | None = None) -> list[Any]:
    """Every micro-credential version this issuer has issued (in `fmt`, if given)."""
    from reviewer_app.storage.models import Decision, Definition, Review

    query = (
        select(Definition)
        .join(Review, Review.definition_id == Definition.id)
        .join(Decision, Decision.review_id == Review.id)
        .join(IssuedCredential, IssuedCredential.decision_id == Decision.id)
        .where(IssuedCredential.issuer_id == issuer.id)
        .distinct()
        .order_by(Definition.id)
    )
    if fmt is not None:
        query = query.where(IssuedCredential.format == fmt)
    return list(session.scalars(query))


def _badge_images(
    session: Session, issuer: Issuer, store_objects: Path
) -> Iterable[tuple[str, bytes]]:
    """The badge image of every micro-credential this issuer has issued."""
    for definition in _issued_definitions(session, issuer):
        art = award_rows.badge_art(
            definition, store_objects, award_rows.image_type(definition, store_objects)
        )
        yield (
            art.relative,
            (art.blob.read_bytes() if art.blob else badge_image.plain_badge_png(definition.name)),
        )


def ob2_hosting(
    session: Session, issuer: Issuer, unlocked: UnlockedIssuer, store_objects: Path
) -> dict[str, bytes]:
    """The Open Badges 2.0 issuer profile, keys, revocation list and badge classes."""
    info = unlocked.info
    badges = []
    for definition in _issued_definitions(session, issuer, "ob2"):
        art = award_rows.badge_art(
            definition, store_objects, award_rows.image_type(definition, store_objects)
        )
        achievement, _ = award_rows.achievement_info(definition, info.hosted(art.relative))
        badges.append(ob2.badge_class(achievement, info))
    rsa_keys = [(k.key_id, k.public_key) for k in issuer.keys if k.kind == "rsa"]
    revoked = session.execute(
        select(IssuedCredential.credential_id, IssuedCredential.revocation_reason).where(
            IssuedCredential.issuer_id == issuer.id,
            IssuedCredential.format == "ob2",
            IssuedCredential.revoked_at.is_not(None),
        )
    ).all()
    try:
        return ob2.hosting_files(info, badges, rsa_keys, [(i, r or "") for i, r in revoked])
    except ValueError as e:
        raise ExportError(
            translate("CredentialExport", "Open Badges 2.0: {problem}.").format(problem=e)
        ) from None


def upload_files(signed: Sequence[Signed], fmt: Format) -> dict[str, bytes]:
    """Bulk-award CSVs in the column layouts Canvas Credentials and Credly import."""
    canvas = io.StringIO(newline="")
    credly = io.StringIO(newline="")
    canvas_out = csv.writer(canvas, lineterminator="\r\n")
    credly_out = csv.writer(credly, lineterminator="\r\n")
    canvas_out.writerow(
        [
            "Badge Class ID",
            "Identifier",
            "First Name",
            "Last Name",
            "Narrative",
            "Evidence Narrative",
            "Evidence URL",
            "Issue Date",
            "Expiration Date",
        ]
    )
    credly_out.writerow(
        [
            "Badge Template ID",
            "Recipient Email",
            "Issued to First Name",
            "Issued to Last Name",
            "Issued at",
            "Expires at",
            "Evidence Name",
            "Evidence Description",
        ]
    )
    for item in sorted(signed, key=_by_badge):
        award = item.pending.award
        if not award.recipient_email:
            continue  # both platforms award by email
        first, last = split_name(award.recipient_name)
        issued = award.issued_at
        canvas_out.writerow(
            [
                award.achievement.id,
                award.recipient_email,
                first,
                last,
                award.achievement.criteria,
                f"Assessed on {len(award.evidence)} evidence items against the rubric",
                "",
                issued.strftime("%Y-%m-%d"),
                "",
            ]
        )
        credly_out.writerow(
            [
                award.achievement.id,
                award.recipient_email,
                first,
                last,
                issued.strftime("%m/%d/%y"),
                "",
                award.achievement.name,
                f"Assessed on {len(award.evidence)} evidence items against the rubric",
            ]
        )
    return {
        "upload/canvas-credentials.csv": canvas.getvalue().encode("utf-8-sig"),
        "upload/credly.csv": credly.getvalue().encode("utf-8-sig"),
    }


def _by_badge(item: Signed) -> tuple[str, int]:
    return item.pending.award.achievement.id, item.pending.decision_id


def split_name(name: str) -> tuple[str, str]:
    parts = name.strip().split()
    if len(parts) < 2:
        return name.strip(), ""
    return " ".join(parts[:-1]), parts[-1]


def publish_page(unlocked: UnlockedIssuer, hosting: Sequence[str]) -> bytes:
    rows = "\n".join(
        f"<tr><td><code>hosting/{html.escape(r)}</code></td>"
        f'<td><a href="{html.escape(unlocked.info.hosted(r))}">'
        f"{html.escape(unlocked.info.hosted(r))}</a></td></tr>"
        for r in hosting
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Files to publish</title></head>
<body>
<h1>Files to publish for {html.escape(unlocked.info.name)}</h1>
<p>Copy each file in <code>hosting/</code> to the web address beside it, so that anyone
can verify the credentials. The folder's layout already mirrors the addresses: copying
the whole <code>hosting/</code> folder to <code>{html.escape(unlocked.info.base_url)}</code>
puts every file in its place. Serve <code>.json</code> files as
<code>application/json</code>.</p>
<table>
<thead><tr><th>File</th><th>Publish at</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p>The files in <code>credentials/</code> go to the earners; the CSV files in
<code>upload/</code> are for bulk awarding on Canvas Credentials and Credly (replace the
badge id column with the platform's own id for the badge).</p>
</body></html>
"""
    return page.encode()


def manifest(out: Path) -> bytes:
    entries = []
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if not path.is_file() or relative == "manifest.json" or _TEMP.match(path.name):
            continue
        data = path.read_bytes()
        entries.append(
            {"path": relative, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        )
    return _json({"format": "reviewer-app-export/1", "files": entries})


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _mark_exported(
    folder: DataFolder,
    decision_ids: Sequence[int],
    fmt: Format,
    actor: str,
    out: Path,
    count: int,
) -> None:
    now = utcnow()
    with folder.sessions.begin() as session:
        rows = session.scalars(
            select(IssuedCredential).where(
                IssuedCredential.format == fmt, IssuedCredential.decision_id.in_(decision_ids)
            )
        )
        for row in rows:
            if row.exported_at is None:
                row.exported_at = now
        trail.record(
            session,
            actor=actor,
            action="credentials.export",
            entity="export",
            entity_id=str(out),
            after={"format": fmt, "count": count},
        )


__all__ = ["ExportError", "ExportResult", "IssuerError", "export"]
