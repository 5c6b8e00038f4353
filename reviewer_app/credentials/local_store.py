"""This data folder's own issuers as a source for verification: their published keys,
DID documents and revocation state, read from the database (no passphrase needed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from reviewer_app.credentials import dids, keys, ob3
from reviewer_app.credentials.issuers import (
    did_document_path,
    ed25519_public,
    issuer_did,
    issuer_info,
    jwk_kid,
    rsa_public,
)
from reviewer_app.credentials.status import STATUS_PATH, status_list_credential
from reviewer_app.credentials.verify import Fetch, Trusted
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer


def store_fetcher(folder: DataFolder) -> Fetch:
    def fetch(url: str) -> Any:
        with folder.read_sessions() as session:
            for issuer in session.scalars(select(Issuer)):
                if not url.startswith(issuer.base_url):
                    continue
                relative = url[len(issuer.base_url) :].split("#", 1)[0]
                info = issuer_info(issuer, folder.store)
                if relative == "keys/jwks.json":
                    rsa = [
                        (rsa_public(k), jwk_kid(issuer, k)) for k in issuer.keys if k.kind == "rsa"
                    ]
                    return Trusted(keys.jwks(rsa))
                if relative == STATUS_PATH:
                    revoked = session.scalars(
                        select(IssuedCredential.status_index).where(
                            IssuedCredential.issuer_id == issuer.id,
                            IssuedCredential.revoked_at.is_not(None),
                            IssuedCredential.status_index.is_not(None),
                        )
                    ).all()
                    listing = status_list_credential(
                        info, url.split("#", 1)[0], [i for i in revoked if i is not None], ""
                    )
                    return Trusted(listing)
                if relative == "issuer.json":
                    return Trusted(ob3.issuer_profile(info))
                if issuer.did_method == "web":
                    did = issuer_did(issuer)
                    if relative == did_document_path(issuer):
                        ed = [
                            (k.key_id, ed25519_public(k))
                            for k in issuer.keys
                            if k.kind == "ed25519"
                        ]
                        rsa_jwks = [
                            (k.key_id, keys.public_jwk(rsa_public(k), jwk_kid(issuer, k)))
                            for k in issuer.keys
                            if k.kind == "rsa"
                        ]
                        return Trusted(dids.did_web_document(did, ed, rsa_jwks))
        return None

    return fetch
