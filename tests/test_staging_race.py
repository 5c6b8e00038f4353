"""Staging is safe against other processes cleaning up (issue 12, item 5): a derive's
thumbnail survives another process opening the folder (which clears leftovers from
crashes) at the very moment it is staged."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.blobstore import OWNER, STAGING_GRACE_SECONDS, BlobStore, StagedFile
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.processes import ROOT, env

_RECOVER = """
import sys
from pathlib import Path
from reviewer_app.storage.datafolder import DataFolder
DataFolder.open(Path(sys.argv[1])).close()  # opening recovers: it clears store/tmp
"""


def _open_elsewhere(root: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RECOVER, str(root)],
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_thumbnail_staged_by_a_derive_survives_another_process_opening_the_folder(
    folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = craft.bundle_zip(
        tmp_path / "photos.zip",
        {f"photo{n}.png": craft.png_image(64 + n, 48) for n in range(3)},
        submission_id="PIC-1",
    )
    assert len(Importer(folder).import_paths([bundle]).imported) == 1
    real = BlobStore.stage_bytes
    opened = []

    def stage_then_race(self: BlobStore, data: bytes) -> StagedFile:
        staged = real(self, data)
        # Even a staging folder that looks old is kept while its owner is alive.
        _age(staged.path.parent, STAGING_GRACE_SECONDS * 2)
        _open_elsewhere(folder.root, tmp_path)
        assert staged.path.exists()
        opened.append(staged.path)
        return staged

    monkeypatch.setattr(BlobStore, "stage_bytes", stage_then_race)
    report = derive_pending(folder)
    assert len(opened) == 3
    assert report.thumbnails == 3 and report.items == 3


def test_what_a_dead_process_staged_is_removed_and_nothing_younger(
    data_dir: Path, tmp_path: Path
) -> None:
    with DataFolder.open(data_dir) as folder:
        folder.store.stage(io.BytesIO(b"never placed"))
        staging = folder.store.tmp
    # A process killed mid-stage leaves its folder and (unlocked) lock file behind.
    dead = staging.with_name("999999-deadbeef0000")
    dead.mkdir()
    (dead / "x.part").write_bytes(b"partial")
    dead.with_name(dead.name + OWNER).write_bytes(b"")
    young = staging.with_name("999998-cafe00000000")
    young.mkdir()
    (young / "y.part").write_bytes(b"partial")
    _age(dead, STAGING_GRACE_SECONDS * 2)
    _open_elsewhere(data_dir, tmp_path)
    tmp_root = data_dir / "store" / "tmp"
    assert sorted(p.name for p in tmp_root.iterdir()) == [young.name]
