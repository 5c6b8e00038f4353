"""Issuer profiles and their signing keys, in a data folder.

Each issuer has an Ed25519 key (Data Integrity proofs) and an RSA key (VC-JWT and Open
Badges 2.0 signatures). Private keys live only in files encrypted with the issuer's
passphrase under `keys/<issuer>/`; the database keeps the public halves, also of
retired keys, so that everything ever signed still verifies after a rotation.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.credentials import dids, keys
from reviewer_app.credentials.model import IssuerInfo
from reviewer_app.errors import UserError
from reviewer_app.storage.atomic import fsync_dir
from reviewer_app.storage.blobstore import StoredFiles, stored_file
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Issuer, IssuerKey, utcnow
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from reviewer_app.credentials.proof_worker import ProofKey

_log = logging.getLogger(__name__)

KeyKind = Literal["ed25519", "rsa"]
KEYS_FOLDER = "keys"
ISSUER_IMAGE = "issuer-image"  # under hosting/, with .png or .svg


class IssuerError(UserError):
    pass


def slugify(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:60] or "issuer"


# Length is what makes a passphrase hard to guess: a few ordinary words beat a short
# string of mixed symbols, and composition rules only push people to the latter.
MIN_PASSPHRASE_CHARACTERS = 12


def check_passphrase(passphrase: str) -> None:
    """A new issuer's passphrase must be long enough to withstand guessing by anyone
    who copies the key files (the seal can be attacked offline, at leisure)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARACTERS:
        raise IssuerError(
            translate(
                "IssuerKeys",
                "The passphrase is too short: use at least {n} characters, for example "
                "three or four ordinary words. Its length is what protects the signing keys "
                "if someone copies the key files; symbols and digits are not required.",
            ).format(n=MIN_PASSPHRASE_CHARACTERS)
        )


def _check_url(url: str, wrong: str) -> str:
    """`url` without surrounding spaces; `wrong` (with {url}) says why it is refused."""
    url = url.strip()
    if not re.match(r"^https://[^\s/]+(/\S*)?$", url):
        raise IssuerError(wrong.format(url=repr(url)))
    return url


def key_file(folder: DataFolder, issuer: Issuer, key: IssuerKey) -> Path:
    return folder.root / KEYS_FOLDER / issuer.slug / key.file_name


def key_owner(issuer: Issuer) -> str:
    """The name a key file's seal binds its issuer by: derived from the issuer's own
    random secret (so two issuers of the same name in two data folders differ) without
    revealing it."""
    digest = hashlib.sha256(b"reviewer-app key owner\0" + issuer.secret.encode()).hexdigest()
    return f"{issuer.slug}:{digest[:32]}"


def open_key(folder: DataFolder, issuer: Issuer, row: IssuerKey, passphrase: str) -> keys.StoredKey:
    """The issuer's private key `row`, once it is shown to be that very key: the seal
    names this issuer and key id (files sealed before that was bound are checked by
    their key alone), and the opened key's public half is the one on record."""
    public = serialization.load_pem_public_key(row.public_key.encode())
    if not isinstance(public, Ed25519PublicKey | RSAPublicKey):
        raise IssuerError(
            translate("IssuerKeys", "Key {key_id} is not an Ed25519 or RSA key.").format(
                key_id=row.key_id
            )
        )
    return keys.read_private_key(
        key_file(folder, issuer, row),
        passphrase,
        issuer=key_owner(issuer),
        key_id=row.key_id,
        expected_public=public,
    )


def create_issuer(
    folder: DataFolder,
    *,
    name: str,
    url: str,
    passphrase: str,
    actor: str,
    email: str | None = None,
    description: str | None = None,
    base_url: str | None = None,
    did_method: Literal["key", "web"] = "key",
    image: bytes | None = None,
    notes: list[str] | None = None,
) -> int:
    """A new issuer with a fresh Ed25519 and RSA key; the first one becomes the default.
    `base_url` is where the export's hosting/ folder will be served (default: `url`);
    `image` is the issuer's logo (PNG or SVG), published beside its profile. What the
    person should know (an orphan key file moved aside) is added to `notes`."""
    name = name.strip()
    if not name:
        raise IssuerError(translate("IssuerKeys", "The issuer needs a name."))
    url = _check_url(
        url,
        translate("IssuerKeys", "The issuer's web address must be an https:// address, not {url}."),
    )
    base = _check_url(
        base_url or url,
        translate("IssuerKeys", "The hosting address must be an https:// address, not {url}."),
    )
    if not base.endswith("/"):
        base += "/"
    check_passphrase(passphrase)
    staged = folder.store.stage_bytes(check_image(image)) if image is not None else None
    created: list[int] = []

    def record(session: Session) -> None:
        taken = set(session.scalars(select(Issuer.slug)))
        slug, n = slugify(name), 2
        while slug in taken:
            slug, n = f"{slugify(name)}-{n}", n + 1
        issuer = Issuer(
            slug=slug,
            name=name,
            url=url,
            email=(email or "").strip() or None,
            description=(description or "").strip() or None,
            base_url=base,
            did_method=did_method,
            secret=secrets.token_hex(32),
            is_default=not taken,
            image_sha256=staged.sha256 if staged else None,
        )
        session.add(issuer)
        session.flush()
        for kind in ("ed25519", "rsa"):
            _add_key(session, folder, issuer, kind, passphrase, notes)
        trail.record(
            session,
            actor=actor,
            action="issuer.create",
            entity="issuer",
            entity_id=issuer.id,
            after={"name": name, "url": url, "base_url": base, "did_method": did_method},
        )
        created.append(issuer.id)

    with folder.write_lock():
        folder.commit_files([staged] if staged else [], record)
    return created[0]


def check_image(data: bytes) -> bytes:
    """A logo must be a PNG or an SVG (what badge images and profiles may point at); an
    SVG is kept in its sanitized form (see svg_policy)."""
    from reviewer_app import svg_policy

    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    if svg_policy.looks_like_svg(data):
        try:
            return svg_policy.sanitize(data, translate("IssuerKeys", "The issuer's image"))
        except svg_policy.SvgRefused as e:
            raise IssuerError(str(e)) from None
    raise IssuerError(translate("IssuerKeys", "The issuer's image must be a PNG or an SVG file."))


def image_suffix(issuer: Issuer, store_objects: StoredFiles) -> str | None:
    sha = issuer.image_sha256
    if not sha:
        return None
    with open(stored_file(store_objects, sha), "rb") as f:
        return ".png" if f.read(4) == b"\x89PNG" else ".svg"


def _add_key(
    session: Session,
    folder: DataFolder,
    issuer: Issuer,
    kind: KeyKind | str,
    passphrase: str,
    notes: list[str] | None = None,
) -> IssuerKey:
    existing = session.scalars(
        select(IssuerKey.key_id).where(IssuerKey.issuer_id == issuer.id)
    ).all()
    number = 1 + sum(1 for k in existing if k.startswith(f"{kind}-"))
    key_id = f"{kind}-{number}"
    private: Ed25519PrivateKey | RSAPrivateKey = (
        keys.generate_ed25519() if kind == "ed25519" else keys.generate_rsa()
    )
    row = IssuerKey(
        issuer_id=issuer.id,
        key_id=key_id,
        kind=kind,
        public_key=keys.public_pem(private.public_key()),
        file_name=f"{key_id}.key",
    )
    path = key_file(folder, issuer, row)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.exists():
        _move_orphan_aside(session, path, issuer.slug, row.file_name, notes)
    # The file first: a key recorded in the database must exist. A file left behind by
    # a failed commit is harmless (encrypted, and never referenced) and is moved aside
    # when its name is wanted again.
    keys.write_private_key(path, private, passphrase, key_id=key_id, issuer=key_owner(issuer))
    session.add(row)
    session.flush()
    return row


def _move_orphan_aside(
    session: Session, path: Path, slug: str, file_name: str, notes: list[str] | None
) -> None:
    """Moves a key file that no issuer row refers to out of the way of a new key.

    Such a file is left by a process killed between writing the key and committing its
    row, or by a restore to before the issuer existed. It is renamed, never deleted:
    it is key material, and only its owner can tell whether it still matters. A key
    that a row refers to is left alone (writing over it is then refused)."""
    live = session.scalar(
        select(IssuerKey.id)
        .join(Issuer, Issuer.id == IssuerKey.issuer_id)
        .where(Issuer.slug == slug, IssuerKey.file_name == file_name)
        .limit(1)
    )
    if live is not None:
        return
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside, n = path.with_name(f"{path.name}.orphan-{stamp}"), 2
    while aside.exists():
        aside, n = path.with_name(f"{path.name}.orphan-{stamp}-{n}"), n + 1
    os.replace(path, aside)
    fsync_dir(path.parent)
    note = translate(
        "IssuerKeys",
        "A key file that belongs to no issuer in this data folder (left by an interrupted "
        "set-up, or by a restore to an earlier state) was in the way; it was kept as {path}.",
    ).format(path=aside)
    _log.info("%s", note)
    if notes is not None:
        notes.append(note)


def rotate_key(
    folder: DataFolder, issuer_id: int, kind: KeyKind, passphrase: str, actor: str
) -> str:
    """Retires the issuer's active key of `kind` and makes a new one; the old public key
    stays published. The passphrase must open the current key (proof of ownership)."""
    with folder.sessions.begin() as session:
        issuer = _issuer(session, issuer_id)
        current = active_key(issuer, kind)
        open_key(folder, issuer, current, passphrase)
        current.retired_at = utcnow()
        new = _add_key(session, folder, issuer, kind, passphrase)
        trail.record(
            session,
            actor=actor,
            action="issuer.key.rotate",
            entity="issuer",
            entity_id=issuer.id,
            before={"key": current.key_id},
            after={"key": new.key_id},
        )
        return new.key_id


def _issuer(session: Session, issuer_id: int) -> Issuer:
    issuer = session.get(Issuer, issuer_id)
    if issuer is None:
        raise IssuerError(
            translate("IssuerKeys", "There is no issuer {issuer_id} in this data folder.").format(
                issuer_id=issuer_id
            )
        )
    return issuer


def active_key(issuer: Issuer, kind: str) -> IssuerKey:
    for key in reversed(issuer.keys):
        if key.kind == kind and key.retired_at is None:
            return key
    raise IssuerError(
        translate("IssuerKeys", "Issuer {name} has no active {kind} key.").format(
            name=repr(issuer.name), kind=kind
        )
    )


def default_issuer(session: Session) -> Issuer | None:
    return session.scalar(select(Issuer).order_by(Issuer.is_default.desc(), Issuer.id).limit(1))


def list_issuers(session: Session) -> list[Issuer]:
    return list(session.scalars(select(Issuer).order_by(Issuer.name)))


def ed25519_public(key: IssuerKey) -> Ed25519PublicKey:
    public = serialization.load_pem_public_key(key.public_key.encode())
    if not isinstance(public, Ed25519PublicKey):
        raise IssuerError(
            translate("IssuerKeys", "Key {key_id} is not an Ed25519 key.").format(key_id=key.key_id)
        )
    return public


def rsa_public(key: IssuerKey) -> RSAPublicKey:
    public = serialization.load_pem_public_key(key.public_key.encode())
    if not isinstance(public, RSAPublicKey):
        raise IssuerError(
            translate("IssuerKeys", "Key {key_id} is not an RSA key.").format(key_id=key.key_id)
        )
    return public


def issuer_did(issuer: Issuer) -> str:
    """did:web from the hosting address; did:key from the active Ed25519 key (so a
    rotation gives a did:key issuer a new identifier, which is how did:key works)."""
    if issuer.did_method == "web":
        return dids.did_web(issuer.base_url)
    return dids.did_key(ed25519_public(active_key(issuer, "ed25519")))


def did_document_path(issuer: Issuer) -> str:
    """Where a did:web issuer's DID document lies under hosting/ (its URL is derived
    from the hosting address, so it always falls inside it)."""
    url = dids.did_web_document_url(dids.did_web(issuer.base_url))
    return url.removeprefix(issuer.base_url)


def jwk_kid(issuer: Issuer, key: IssuerKey) -> str:
    """An RSA key's kid in the JWK Set and the DID document: for a did:web issuer the
    full verification method id a VC-JWT's header names, so a plain JWKS lookup by kid
    finds it; for a did:key issuer (no VC-JWT) the key id."""
    if issuer.did_method == "web":
        return f"{dids.did_web(issuer.base_url)}#{key.key_id}"
    return key.key_id


def verification_method(issuer: Issuer) -> str:
    key = active_key(issuer, "ed25519")
    if issuer.did_method == "web":
        return f"{dids.did_web(issuer.base_url)}#{key.key_id}"
    return dids.did_key_method(ed25519_public(key))


def issuer_info(issuer: Issuer, store_objects: StoredFiles | None = None) -> IssuerInfo:
    """The issuer as documents name it; with `store_objects`, its logo's hosted URL."""
    suffix = image_suffix(issuer, store_objects) if store_objects is not None else None
    image_url = issuer.base_url + ISSUER_IMAGE + suffix if suffix else None
    return IssuerInfo(
        id=issuer_did(issuer),
        name=issuer.name,
        url=issuer.url,
        base_url=issuer.base_url,
        email=issuer.email,
        description=issuer.description,
        image_url=image_url,
    )


@dataclass
class UnlockedIssuer:
    """An issuer with its active private keys opened for one export. Its repr names
    the keys, never their contents."""

    issuer_id: int
    info: IssuerInfo
    verification_method: str
    rsa_key_id: str
    ed25519: Ed25519PrivateKey = field(repr=False)
    # None when the export signs nothing with it (Data Integrity proofs): opening a key
    # costs an Argon2id derivation, and RSA keys are checked as they load.
    rsa: RSAPrivateKey | None = field(repr=False)
    # The public keys on record (PEM), which every signature is checked against.
    ed25519_on_record: str = ""
    rsa_on_record: str = ""

    def check_ed25519(self, signature: bytes, data: bytes) -> None:
        """Every signature is checked before it leaves: a key that does not match the
        issuer's published one must never sign silently."""
        public = serialization.load_pem_public_key(self.ed25519_on_record.encode())
        try:
            if not isinstance(public, Ed25519PublicKey):
                raise InvalidSignature
            public.verify(signature, data)
        except InvalidSignature:
            raise IssuerError(_bad_signature(self.info.name)) from None

    def rsa_key(self) -> RSAPrivateKey:
        """The RSA key, for what is signed with it; `unlock(..., rsa=True)` opens it."""
        if self.rsa is None:
            raise ValueError("the RSA key was not opened for this export")
        return self.rsa

    def proof_key(self) -> ProofKey:
        """The Ed25519 key as Data Integrity proofs are signed with it, in-process or in
        a worker process."""
        from reviewer_app.credentials.proof_worker import ProofKey

        return ProofKey.of(
            self.ed25519,
            self.verification_method,
            self.ed25519_on_record,
            _bad_signature(self.info.name),
        )

    def check_rsa(self, token: str) -> None:
        """As `check_ed25519`, for a compact RS256 JWS just signed here."""
        from reviewer_app.credentials import jws

        public = self._rsa_public
        if public is None or not jws.signed_by(token, public):
            raise IssuerError(_bad_signature(self.info.name))

    @functools.cached_property
    def _rsa_public(self) -> RSAPublicKey | None:
        # Loaded once per export, not once per signature.
        public = serialization.load_pem_public_key(self.rsa_on_record.encode())
        return public if isinstance(public, RSAPublicKey) else None


def _bad_signature(name: str) -> str:
    return translate(
        "IssuerKeys",
        "A signature by {name} does not verify with the issuer's published key, so nothing "
        "was signed or written. Check that the issuer's key files are its own.",
    ).format(name=repr(name))


def unlock(
    folder: DataFolder, issuer: Issuer, passphrase: str, *, rsa_too: bool = True
) -> UnlockedIssuer:
    """Opens the issuer's active keys (the RSA one only with `rsa_too`); a wrong
    passphrase is a `keys.WrongPassphrase`."""
    ed_row, rsa_row = active_key(issuer, "ed25519"), active_key(issuer, "rsa")
    ed = open_key(folder, issuer, ed_row, passphrase).private_key
    rsa = open_key(folder, issuer, rsa_row, passphrase).private_key if rsa_too else None
    if not isinstance(ed, Ed25519PrivateKey) or not isinstance(rsa, RSAPrivateKey | None):
        raise IssuerError(
            translate(
                "IssuerKeys", "The key files of {name} do not hold the expected keys."
            ).format(name=repr(issuer.name))
        )
    return UnlockedIssuer(
        issuer_id=issuer.id,
        info=issuer_info(issuer, folder.store),
        verification_method=verification_method(issuer),
        rsa_key_id=rsa_row.key_id,
        ed25519=ed,
        rsa=rsa,
        ed25519_on_record=ed_row.public_key,
        rsa_on_record=rsa_row.public_key,
    )
