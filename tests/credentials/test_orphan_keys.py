"""A key file that no issuer refers to is moved aside, not in the way (issue 12, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.audit import trail
from reviewer_app.cli import main
from reviewer_app.credentials import issuers
from reviewer_app.credentials.issuers import KEYS_FOLDER, create_issuer
from reviewer_app.storage.backup import backup_folder, restore
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE

NAME = "Riverside Teachers' Association"


def _make(folder: DataFolder, notes: list[str] | None = None) -> int:
    return create_issuer(
        folder,
        name=NAME,
        url="https://issuer.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
        notes=notes,
    )


def test_a_key_file_left_by_a_failed_commit_does_not_block_the_issuer(
    folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*_a: object, **_k: object) -> None:
        raise RuntimeError("the process died here")

    with monkeypatch.context() as patch:  # the key file is written, the commit never is
        patch.setattr(trail, "record", killed)
        with pytest.raises(RuntimeError):
            _make(folder)
    left = sorted((folder.root / KEYS_FOLDER).rglob("*.key"))
    assert [p.name for p in left] == ["ed25519-1.key", "rsa-1.key"]
    orphan_bytes = {p.name: p.read_bytes() for p in left}

    notes: list[str] = []
    _make(folder, notes)

    slug_folder = left[0].parent
    for name, data in orphan_bytes.items():
        aside = list(slug_folder.glob(f"{name}.orphan-*"))
        assert [p.read_bytes() for p in aside] == [data]  # kept, never deleted
        assert (slug_folder / name).read_bytes() != data  # the new issuer's own key
    assert len(notes) == 2 and all("belongs to no issuer" in n for n in notes)


def test_after_a_restore_to_before_the_issuer_issuer_init_works_and_says_so(
    folder: DataFolder, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = folder.root
    made = backup_folder(folder)
    _make(folder)
    folder.close()
    restore(made.path, root)
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    argv = ["--data-dir", str(root), "issuer", "init", "--name", NAME]
    argv += ["--url", "https://issuer.example.org", "--passphrase-file", str(passphrase)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count("note: A key file that belongs to no issuer") == 2
    assert len(list((root / KEYS_FOLDER).rglob("*.orphan-*"))) == 2


def test_a_live_key_file_is_never_moved(issuing_folder: DataFolder) -> None:
    from sqlalchemy import select

    from reviewer_app.storage.models import Issuer, IssuerKey

    with issuing_folder.sessions.begin() as session:
        issuer = session.scalars(select(Issuer)).one()
        key = session.scalars(select(IssuerKey)).first()
        assert key is not None
        path = issuers.key_file(issuing_folder, issuer, key)
        before = path.read_bytes()
        issuers._move_orphan_aside(session, path, issuer.slug, key.file_name, None)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.orphan-*"))
