"""A signing key is the issuer's own or it signs nothing, and a new issuer's passphrase
is long enough to protect the keys (issue 12, items 9 and 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewer_app.cli import main
from reviewer_app.credentials import keys
from reviewer_app.credentials.export import export
from reviewer_app.credentials.formats import ob3_proof
from reviewer_app.credentials.issuers import (
    IssuerError,
    create_issuer,
    key_file,
    unlock,
)
from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, IssuedCredential, Issuer
from tests.credentials.conftest import PASSPHRASE


def _second_issuer(folder: DataFolder) -> int:
    return create_issuer(
        folder,
        name="Hillside Centre",
        url="https://hillside.example.org",
        email="badges@hillside.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
    )


def _counts(folder: DataFolder) -> tuple[int, int]:
    with folder.sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(IssuedCredential)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_swapped_key_files_are_refused_and_nothing_is_written(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    other = _second_issuer(issuing_folder)
    with issuing_folder.sessions() as session:
        issuers = session.scalars(select(Issuer).order_by(Issuer.id)).all()
        mine, theirs = issuers[0], next(i for i in issuers if i.id == other)
        for row_a, row_b in zip(mine.keys, theirs.keys, strict=True):
            shutil.copyfile(
                key_file(issuing_folder, theirs, row_b), key_file(issuing_folder, mine, row_a)
            )
    before = _counts(issuing_folder)
    out = tmp_path / "out"
    with pytest.raises(UserError, match="not this issuer's key") as caught:
        export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    assert "Traceback" not in str(caught.value)
    assert not out.exists()
    assert _counts(issuing_folder) == before


def test_a_key_file_of_format_1_is_still_checked_by_its_public_key(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    """Files sealed before the issuer was bound open as before, and a swapped one is
    still caught: by comparing the opened key with the public key on record."""
    other = _second_issuer(issuing_folder)
    with issuing_folder.sessions() as session:
        mine = session.scalars(select(Issuer).order_by(Issuer.id)).first()
        assert mine is not None
        theirs = session.get_one(Issuer, other)
        for row_a, row_b in zip(mine.keys, theirs.keys, strict=True):
            old_style = keys.read_private_key(key_file(issuing_folder, theirs, row_b), PASSPHRASE)
            path = key_file(issuing_folder, mine, row_a)
            keys.write_private_key(
                path, old_style.private_key, PASSPHRASE, key_id=row_a.key_id, replace=True
            )
        with pytest.raises(UserError, match="not this issuer's key"):
            unlock(issuing_folder, mine, PASSPHRASE)


def test_every_signature_is_verified_before_it_is_recorded(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ob3_proof.dataintegrity.sign

    def sign_with_a_stranger(*args: object, **kwargs: object) -> object:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        args_list = list(args)
        args_list[1] = Ed25519PrivateKey.generate()
        return original(*args_list, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ob3_proof.dataintegrity, "sign", sign_with_a_stranger)
    monkeypatch.setenv("REVIEWER_APP_SIGNING_WORKERS", "1")
    before = _counts(issuing_folder)
    out = tmp_path / "out"
    with pytest.raises(IssuerError, match="does not verify with the issuer's published key"):
        export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    assert _counts(issuing_folder) == before
    assert not (out / "credentials").exists()


@pytest.mark.parametrize("passphrase", ["p", "short pass", "Tr0ub4dor&3"])
def test_a_short_passphrase_is_refused_with_the_reason(
    passed_folder: DataFolder, passphrase: str
) -> None:
    with pytest.raises(IssuerError, match="at least 12 characters") as caught:
        create_issuer(
            passed_folder,
            name="Riverside",
            url="https://issuer.example.org",
            passphrase=passphrase,
            actor="lead",
        )
    assert "copies the key files" in str(caught.value)
    with passed_folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Issuer)) == 0
    assert not (passed_folder.root / "keys").exists() or not any(
        (passed_folder.root / "keys").rglob("*.key")
    )


def test_issuer_init_refuses_a_short_passphrase_plainly(
    passed_folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.txt"
    short.write_text("secret1\n", encoding="utf-8")
    code = main(
        [
            "--data-dir",
            str(passed_folder.root),
            "issuer",
            "init",
            "--name",
            "Riverside",
            "--url",
            "https://issuer.example.org",
            "--passphrase-file",
            str(short),
        ]
    )
    _, err = capsys.readouterr()
    assert code != 0
    assert "at least 12 characters" in err and "Traceback" not in err
