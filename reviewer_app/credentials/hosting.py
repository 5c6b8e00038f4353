"""The files an issuer publishes at its hosting address, by path under hosting/: its
profile, keys, DID document, status list, badge images and (for Open Badges 2.0) the
2.0 profile, keys, revocation list and badge classes; and the page that says where
each goes."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.credentials import awards as award_rows
from reviewer_app.credentials import badge_image, dataintegrity, dids, keys
from reviewer_app.credentials import ob3 as ob3_docs
from reviewer_app.credentials.formats import ob2_signed
from reviewer_app.credentials.formats.common import (
    JWKS_PATH,
    PROFILE_PATH,
    issued_definitions,
    safe_image,
    status_list_url,
)
from reviewer_app.credentials.issuers import (
    ISSUER_IMAGE,
    UnlockedIssuer,
    did_document_path,
    ed25519_public,
    image_suffix,
    issuer_did,
    jwk_kid,
    rsa_public,
)
from reviewer_app.credentials.status import STATUS_PATH, status_list_credential
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer
from reviewer_app.vocabulary import CredentialFormat


def hosting_files(
    folder: DataFolder,
    session: Session,
    issuer: Issuer,
    unlocked: UnlockedIssuer,
    fmt: CredentialFormat,
) -> dict[str, bytes]:
    """Every file the issuer publishes, by path under hosting/."""
    files: dict[str, bytes] = {}
    info = unlocked.info
    files[PROFILE_PATH] = json_bytes(
        {"@context": [ob3_docs.VC_V2, ob3_docs.OB3_CONTEXT], **ob3_docs.issuer_profile(info)}
    )
    rsa_keys = [k for k in issuer.keys if k.kind == "rsa"]
    files[JWKS_PATH] = json_bytes(
        keys.jwks([(rsa_public(k), jwk_kid(issuer, k)) for k in rsa_keys])
    )
    if issuer.did_method == "web":
        did = issuer_did(issuer)
        ed_keys = [(k.key_id, ed25519_public(k)) for k in issuer.keys if k.kind == "ed25519"]
        rsa_jwks = [
            (k.key_id, keys.public_jwk(rsa_public(k), jwk_kid(issuer, k))) for k in rsa_keys
        ]
        files[did_document_path(issuer)] = json_bytes(dids.did_web_document(did, ed_keys, rsa_jwks))
    files[STATUS_PATH] = status_list_file(session, issuer, unlocked)
    for relative, data in _badge_images(session, issuer, folder.store):
        files[relative] = data
    suffix = image_suffix(issuer, folder.store)
    if suffix and issuer.image_sha256:
        sha = issuer.image_sha256
        logo = stored_file(folder.store, sha).read_bytes()
        files[ISSUER_IMAGE + suffix] = safe_image(logo, repr(issuer.name))
    from reviewer_app.credentials.pathways import hosted_images

    files.update(hosted_images(session, folder.store))
    if fmt == CredentialFormat.OB2 or issued_definitions(session, issuer, CredentialFormat.OB2):
        files.update(ob2_signed.hosting(session, issuer, unlocked, folder.store))
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
        document,
        unlocked.ed25519,
        unlocked.verification_method,
        valid_from,
        check=unlocked.check_ed25519,
    )
    return json_bytes(signed)


def _badge_images(
    session: Session, issuer: Issuer, store_objects: StoredFiles
) -> Iterable[tuple[str, bytes]]:
    """The badge image of every micro-credential this issuer has issued."""
    for definition in issued_definitions(session, issuer):
        art = award_rows.badge_art(
            definition, store_objects, award_rows.image_type(definition, store_objects)
        )
        if art.blob is None:
            yield art.relative, badge_image.plain_badge_png(definition.name)
        else:
            yield art.relative, safe_image(art.blob.read_bytes(), repr(definition.name))


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


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
