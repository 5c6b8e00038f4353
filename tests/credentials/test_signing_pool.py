"""Signing in worker processes gives exactly what signing in-process gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer_app.credentials import signing_pool
from reviewer_app.credentials.export import export
from reviewer_app.credentials.signing_pool import planned_workers
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE


def tree(root: Path) -> dict[str, bytes]:
    """Every file, but the signed manifest by its file list: its audit anchor is each
    database's own."""
    files = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", "manifest.sig.json")
    }
    manifest = json.loads((root / "manifest.json").read_bytes())
    files["manifest.json:files"] = json.dumps(manifest["files"]).encode()
    return files


@pytest.mark.parametrize("fmt", ["ob3", "ob2"])
def test_an_export_signed_by_workers_is_byte_for_byte_the_one_signed_in_process(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # The same folder twice: one export signs here, the other in two worker processes.
    copy = tmp_path / "copy"
    issuing_folder.close()
    shutil.copytree(issuing_folder.root, copy)
    issuing_folder_again = DataFolder.open(issuing_folder.root)
    used: list[int] = []
    real = signing_pool.Signer.__init__

    def spy(self: signing_pool.Signer, *args: object, **kw: object) -> None:
        real(self, *args, **kw)  # type: ignore[arg-type]
        used.append(self.workers)

    monkeypatch.setattr(signing_pool.Signer, "__init__", spy)
    monkeypatch.setenv("REVIEWER_APP_SIGNING_WORKERS", "1")
    try:
        here = export(
            issuing_folder_again, tmp_path / "here", passphrase=PASSPHRASE, actor="lead", fmt=fmt
        )  # type: ignore[arg-type]
    finally:
        issuing_folder_again.close()
    monkeypatch.setenv("REVIEWER_APP_SIGNING_WORKERS", "2")
    with DataFolder.open(copy) as folder:
        pooled = export(folder, tmp_path / "pooled", passphrase=PASSPHRASE, actor="lead", fmt=fmt)  # type: ignore[arg-type]
    assert used == [1, 2]
    assert len(here.exported) == len(pooled.exported) == 2
    assert tree(tmp_path / "here") == tree(tmp_path / "pooled")


def test_big_exports_use_every_core_and_small_ones_sign_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REVIEWER_APP_SIGNING_WORKERS", raising=False)
    monkeypatch.setattr(signing_pool, "usable_cores", lambda: 4)
    assert planned_workers(signing_pool.PARALLEL_FROM - 1) == 1
    assert planned_workers(1000) == 4
    monkeypatch.setattr(signing_pool, "usable_cores", lambda: 64)
    assert planned_workers(1000) == signing_pool.MAX_WORKERS
    monkeypatch.setenv("REVIEWER_APP_SIGNING_WORKERS", "1")
    assert planned_workers(1000) == 1
    monkeypatch.setenv("REVIEWER_APP_SIGNING_WORKERS", "not a number")
    assert planned_workers(1000) == signing_pool.MAX_WORKERS  # ignored: every core
