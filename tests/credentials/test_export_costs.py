"""What an export does once per batch or once per definition, not once per credential:
the cost of a large export is its signatures, not work repeated around them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, update

from reviewer_app.credentials import badge_image, baking, jws, keys
from reviewer_app.credentials.export import export
from reviewer_app.credentials.issuers import IssuerError
from reviewer_app.credentials.keys import generate_rsa
from reviewer_app.credentials.verify import hosting_fetcher, verify_file
from reviewer_app.storage import atomic
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Definition, IssuedCredential
from tests.credentials.conftest import PASSPHRASE


def test_a_definition_without_an_image_has_its_badge_drawn_once(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with issuing_folder.sessions.begin() as session:
        session.execute(update(Definition).values(image_sha256=None))
    drawn: list[str] = []
    layout = badge_image._layout

    def counting(title: str, size: int) -> Any:
        drawn.append(title)
        return layout(title, size)

    monkeypatch.setattr(badge_image, "_layout", counting)
    badge_image.plain_badge_png.cache_clear()
    result = export(issuing_folder, tmp_path / "out", passphrase=PASSPHRASE, actor="lead")
    assert len(result.exported) == 2  # FAP-1 and FAP-2, of one definition
    # Once for the definition: checked, baked into both credentials and published.
    assert len(drawn) == 1, drawn
    published = next((tmp_path / "out" / "hosting" / "badges").glob("*.png")).read_bytes()
    for png in sorted((tmp_path / "out" / "credentials").glob("*.png")):
        assert baking.read_baked(png)  # each is the plain badge with its credential in it
        assert png.read_bytes().startswith(published[:33])  # the same image header


def test_the_credentials_folder_is_synced_once_per_batch(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    fsync_dir = atomic.fsync_dir

    def counting(folder: Path) -> None:
        synced.append(folder)
        fsync_dir(folder)

    monkeypatch.setattr(atomic, "fsync_dir", counting)
    out = tmp_path / "out"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    # Two credentials, two files each, one batch: one sync of their folder, not four.
    assert synced.count(out / "credentials") == 1, synced
    assert len(synced) == len(set(synced)) + 2  # the export folder again: the manifest's two


def test_a_batch_that_fails_leaves_no_file_and_no_temp(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        atomic.write_all_atomically(
            [(tmp_path / "a.json", b"new"), (tmp_path / "missing" / "b.json", b"b")]
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
    assert (tmp_path / "a.json").read_bytes() == b"old"
    atomic.write_all_atomically([(tmp_path / "a.json", b"new"), (tmp_path / "b.json", b"b")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]
    assert (tmp_path / "a.json").read_bytes() == b"new"


def test_ob2_signatures_are_checked_by_the_key_alone_and_a_stranger_is_refused(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each token was read back through the whole JWS decoder to check it, which cost as
    # much as the signature itself: the check is one RSA verification now.
    def no_decoding(*_args: object, **_kw: object) -> object:
        raise AssertionError("a token of our own was decoded again")

    monkeypatch.setattr(jws._jws, "decode", no_decoding)
    result = export(
        issuing_folder, tmp_path / "out", passphrase=PASSPHRASE, actor="lead", fmt="ob2"
    )  # type: ignore[arg-type]
    assert len(result.exported) == 2
    monkeypatch.undo()
    for token in sorted((tmp_path / "out" / "credentials").glob("*.jws")):
        assert verify_file(token, hosting_fetcher(tmp_path / "out" / "hosting")).valid

    stranger = generate_rsa(2048)
    original = jws.sign_compact
    monkeypatch.setattr(
        jws, "sign_compact", lambda payload, _key, **kw: original(payload, stranger, **kw)
    )
    with issuing_folder.sessions.begin() as session:  # signable again
        session.execute(delete(IssuedCredential))
    with pytest.raises(IssuerError, match="does not verify with the issuer's published key"):
        export(issuing_folder, tmp_path / "again", passphrase=PASSPHRASE, actor="lead", fmt="ob2")  # type: ignore[arg-type]
    assert not (tmp_path / "again" / "credentials").exists()


@pytest.mark.parametrize(("fmt", "opened"), [("ob3", 1), ("ob2", 2)])
def test_an_export_opens_only_the_keys_it_signs_with(
    issuing_folder: DataFolder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    opened: int,
) -> None:
    # Each opening is a full Argon2id derivation, memory-hard on purpose: Data Integrity
    # proofs need the Ed25519 key alone, Open Badges 2.0 the RSA key too (its manifest
    # is signed with the Ed25519 one).
    derived: list[int] = []
    derive = keys._derive

    def counting(*args: Any) -> Any:
        derived.append(1)
        return derive(*args)

    monkeypatch.setattr(keys, "_derive", counting)
    result = export(issuing_folder, tmp_path / "out", passphrase=PASSPHRASE, actor="lead", fmt=fmt)  # type: ignore[arg-type]
    assert len(result.exported) == 2
    assert len(derived) == opened


def test_pathway_documents_are_read_only_for_earners_who_may_complete_one(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer_app.credentials import pathways
    from reviewer_app.storage.models import Pathway

    with issuing_folder.read_sessions() as session:
        assert session.query(Pathway).count()  # the demo's pathway needs more than FAP
    read: list[int] = []
    held = pathways._held_credentials

    def counting(session: Any, issuer: Any, earner_id: int) -> Any:
        read.append(earner_id)
        return held(session, issuer, earner_id)

    monkeypatch.setattr(pathways, "_held_credentials", counting)
    result = export(issuing_folder, tmp_path / "out", passphrase=PASSPHRASE, actor="lead")
    assert len(result.exported) == 2
    assert read == []  # neither earner holds every credential of the pathway
