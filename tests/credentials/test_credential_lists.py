"""The lists the credentials screens and commands show, read by the credentials package:
plain frozen rows, and a database that cannot be read told as the program's own error."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reviewer_app.credentials import queries
from reviewer_app.credentials.export import export
from reviewer_app.credentials.keys import WrongPassphrase
from reviewer_app.credentials.revoke import check_passphrase
from reviewer_app.errors import DataFolderError
from reviewer_app.storage import database
from reviewer_app.storage.database import FolderBusy
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from tests.credentials.conftest import PASSPHRASE


@contextmanager
def held_exclusively(folder: DataFolder) -> Iterator[None]:
    """Another program holding the data folder's database so that nobody may even read."""
    holder = sqlite3.connect(folder.root / DATABASE_NAME, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_lists_are_plain_frozen_rows(issuing_folder: DataFolder, tmp_path: Path) -> None:
    [issuer] = queries.issuer_rows(issuing_folder, logos=True)
    assert issuer.did.startswith("did:key:")
    assert queries.default_issuer_id([issuer]) == issuer.id
    assert queries.issuer_did_of(issuing_folder, issuer.id) == issuer.did
    # FAP-1 and FAP-2 are two attempts at the same micro-credential
    assert [count for _name, count in queries.waiting_by_credential(issuing_folder, "ob3")] == [2]
    assert queries.issued_rows(issuing_folder) == []
    assert queries.last_export_folder(issuing_folder) is None

    out = tmp_path / "out"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")

    rows = queries.issued_rows(issuing_folder)
    assert sorted(r.submission_id for r in rows) == ["FAP-1", "FAP-2"]
    assert all(r.exported and not r.revoked and r.format == "ob3" for r in rows)
    assert dataclasses.is_dataclass(rows[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        rows[0].earner = "someone else"  # type: ignore[misc]
    issuers, last = queries.issuers_and_last_export(issuing_folder)
    assert [i.id for i in issuers] == [issuer.id]
    assert last == queries.last_export_folder(issuing_folder) == str(out)
    assert queries.waiting_by_credential(issuing_folder, "ob3") == []


def test_a_wrong_passphrase_is_found_before_revoking(issuing_folder: DataFolder) -> None:
    check_passphrase(issuing_folder, None, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        check_passphrase(issuing_folder, None, "not the passphrase")


def test_a_busy_folder_is_a_sentence_not_a_driver_error(
    issuing_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Connections made from now on give up after a tenth of a second, not ten.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    issuing_folder.engine.dispose()
    with held_exclusively(issuing_folder):
        for read in (
            lambda: queries.issued_rows(issuing_folder),
            lambda: queries.issuer_rows(issuing_folder),
            lambda: queries.waiting_by_credential(issuing_folder, "ob3"),
            lambda: queries.issuers_and_last_export(issuing_folder),
        ):
            with pytest.raises(FolderBusy) as refused:
                read()
            assert "busy" in str(refused.value)
            assert "sqlite" not in str(refused.value).lower()
    assert [r.name for r in queries.issuer_rows(issuing_folder)]  # readable again


def test_a_database_that_cannot_be_read_is_a_data_folder_error(
    issuing_folder: DataFolder,
) -> None:
    # A reading transaction that fails for another reason than a lock (here: the
    # database file replaced by something that is not a database).
    issuing_folder.engine.dispose()
    database_file = issuing_folder.root / DATABASE_NAME
    saved = database_file.read_bytes()
    for side in ("-wal", "-shm"):
        (issuing_folder.root / f"{DATABASE_NAME}{side}").unlink(missing_ok=True)
    database_file.write_bytes(b"not a database at all" * 256)
    try:
        with pytest.raises(DataFolderError) as refused:
            queries.issued_rows(issuing_folder)
        assert "could not be read" in str(refused.value)
    finally:
        issuing_folder.engine.dispose()
        database_file.write_bytes(saved)
