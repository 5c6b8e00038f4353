"""Pathway records at export time: for each earner touched by an export who now holds
a credential for every micro-credential of a pathway, a signed CLR bundling them.

Nothing here is drawn at random or stored: the CLR's id and salt derive from the
issuer's secret, its date is its newest credential's, and the credentials it holds are
the signed documents kept in the database, so exporting again writes the same file.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.credentials import awards, badge_image, baking, clr, dataintegrity, ob3
from reviewer_app.credentials.issuers import UnlockedIssuer, slugify
from reviewer_app.credentials.names import pathway_stem
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.models import (
    Decision,
    Earner,
    IssuedCredential,
    Issuer,
    Pathway,
    Submission,
)
from reviewer_app.vocabulary import CredentialFormat, Proof


@dataclass(frozen=True)
class PathwayRecord:
    stem: str  # where it is written, without the suffix
    document: str  # the signed CLR, as written
    image: bytes  # the pathway's badge with the CLR baked in
    image_suffix: str


def completed_pathways(
    session: Session,
    issuer: Issuer,
    unlocked: UnlockedIssuer,
    earner_ids: Iterable[int],
    store_objects: StoredFiles,
) -> list[PathwayRecord]:
    pathways = list(session.scalars(select(Pathway).order_by(Pathway.pathway_uri)))
    if not pathways:
        return []
    records = []
    for earner_id in _may_complete(session, issuer, sorted(set(earner_ids)), pathways):
        earner = session.get_one(Earner, earner_id)
        # One record per identity the submissions give: credentials issued to different
        # names or emails under one earner id are never bundled into one record.
        for identity, held in _held_credentials(session, issuer, earner_id).items():
            for pathway in pathways:
                wanted = [str(u) for u in pathway.content.get("credentials", [])]
                if not wanted or any(u not in held for u in wanted):
                    continue
                records.append(
                    _record(
                        unlocked,
                        issuer,
                        earner,
                        identity,
                        pathway,
                        [held[u] for u in wanted],
                        store_objects,
                    )
                )
    return records


def _may_complete(
    session: Session, issuer: Issuer, earner_ids: list[int], pathways: list[Pathway]
) -> list[int]:
    """The earners, of `earner_ids`, whose credentials from this issuer name every
    micro-credential of some pathway: the only ones whose documents are worth reading
    (most earners of an export complete none), found with a query per 500 earners."""
    wanted = [{str(u) for u in pathway.content.get("credentials", [])} for pathway in pathways]
    wanted = [w for w in wanted if w]
    held: dict[int, set[str]] = {}
    for start in range(0, len(earner_ids), 500):
        for earner_id, uri in session.execute(
            select(Submission.earner_id, Submission.credential_uri)
            .join(Decision, Decision.submission_id == Submission.id)
            .join(IssuedCredential, IssuedCredential.decision_id == Decision.id)
            .where(
                Submission.earner_id.in_(earner_ids[start : start + 500]),
                IssuedCredential.issuer_id == issuer.id,
                IssuedCredential.format == CredentialFormat.OB3,
                IssuedCredential.proof == Proof.DATA_INTEGRITY,
                IssuedCredential.revoked_at.is_(None),
            )
        ):
            if uri:
                held.setdefault(earner_id, set()).add(uri)
    return [e for e in earner_ids if any(w <= held.get(e, set()) for w in wanted)]


def _held_credentials(
    session: Session, issuer: Issuer, earner_id: int
) -> dict[tuple[str, str | None], dict[str, Any]]:
    """The earner's signed, unrevoked Open Badges 3.0 JSON credentials from this issuer,
    by the identity (name, email) their submissions give and then by micro-credential
    (the newest decision's, if several attempts passed)."""
    rows = session.execute(
        select(Submission, IssuedCredential.document)
        .join(Decision, Decision.submission_id == Submission.id)
        .join(IssuedCredential, IssuedCredential.decision_id == Decision.id)
        .where(
            Submission.earner_id == earner_id,
            IssuedCredential.issuer_id == issuer.id,
            IssuedCredential.format == CredentialFormat.OB3,
            IssuedCredential.proof == Proof.DATA_INTEGRITY,
            IssuedCredential.revoked_at.is_(None),
        )
        .order_by(Decision.id)
    ).all()
    held: dict[tuple[str, str | None], dict[str, Any]] = {}
    for submission, doc in rows:
        if submission.credential_uri and doc:
            by_uri = held.setdefault(submission.identity(), {})
            by_uri[submission.credential_uri] = json.loads(doc)
    return held


def _record(
    unlocked: UnlockedIssuer,
    issuer: Issuer,
    earner: Earner,
    identity: tuple[str, str | None],
    pathway: Pathway,
    credentials: list[Any],
    store_objects: StoredFiles,
) -> PathwayRecord:
    name, email = identity
    key, earner_key = f"{pathway.pathway_uri}|{earner.id}", earner.external_id
    if (name, email) != (earner.name, earner.email or awards.email_of(earner.external_id)):
        # Another identity under this id (a conflict a person settles): a record of its own.
        key, earner_key = f"{key}|{name}|{email}", f"{earner_key}|{name}|{email}"
    raw = awards.derived(issuer.secret, "clr-id", key, "clr")[:16]
    salt = awards.derived(issuer.secret, "clr-salt", key, "clr")[:16].hex()
    slug = pathway_slug(pathway)
    image, suffix = pathway_image(pathway, store_objects)
    info = clr.PathwayInfo(
        id=pathway.pathway_uri,
        name=pathway.name,
        description=str(pathway.content.get("description", "")),
        credentials=tuple(str(u) for u in pathway.content.get("credentials", [])),
        image_url=unlocked.info.hosted(f"badges/{slug}{suffix}"),
    )
    issued = max(awards.aware(ob3_date(c["validFrom"])) for c in credentials)
    did = earner.external_id if earner.external_id.startswith("did:") else None
    document = clr.clr_credential(
        credential_id=f"urn:uuid:{uuid.UUID(bytes=raw, version=4)}",
        issuer=unlocked.info,
        pathway=info,
        recipient_email=email,
        recipient_did=did,
        salt=salt,
        credentials=credentials,
        issued_at=issued,
    )
    signed = dataintegrity.sign(
        document,
        unlocked.ed25519,
        unlocked.verification_method,
        ob3.iso(issued),
        check=unlocked.check_ed25519,
    )
    text = json.dumps(signed, ensure_ascii=False, indent=2) + "\n"
    if suffix == ".svg":
        baked = baking.bake_svg(image, text.strip(), version=CredentialFormat.OB3, signed=False)
    else:
        baked = baking.bake_png(image, text.strip(), keyword="openbadgecredential")
    return PathwayRecord(pathway_stem(name, earner_key, slug), text, baked, suffix)


def ob3_date(value: str) -> Any:
    import datetime as dt

    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def pathway_slug(pathway: Pathway) -> str:
    tag = hashlib.sha256(pathway.pathway_uri.encode()).hexdigest()[:8]
    return f"{slugify(pathway.name)}-{tag}"


def hosted_images(session: Session, store_objects: StoredFiles) -> dict[str, bytes]:
    """Every pathway's badge image, by path under hosting/."""
    out = {}
    for pathway in session.scalars(select(Pathway)):
        image, suffix = pathway_image(pathway, store_objects)
        out[f"badges/{pathway_slug(pathway)}{suffix}"] = image
    return out


def pathway_image(pathway: Pathway, store_objects: StoredFiles) -> tuple[bytes, str]:
    if pathway.image_sha256:
        from reviewer_app.credentials.formats.common import safe_image

        data = stored_file(store_objects, pathway.image_sha256).read_bytes()
        suffix = ".png" if data.startswith(b"\x89PNG") else ".svg"
        return safe_image(data, repr(pathway.name)), suffix
    return badge_image.plain_badge_png(pathway.name), ".png"
