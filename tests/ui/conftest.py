"""Qt tests collect Python's garbage on the GUI thread only, as the program does, and
read no settings of the person running them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui import gc_guard
from reviewer_app.ui.theme import LIGHT, apply_theme


@pytest.fixture(scope="session", autouse=True)
def themed_as_the_program_starts(qapp: QApplication) -> None:
    """The program applies its theme (style, palette, focus ring) before any window;
    so do the tests, from the first one: a screenshot then looks the same whichever
    tests ran before it (some apply a theme themselves)."""
    apply_theme(qapp, LIGHT)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> None:
    gc_guard.install(qapp)
    # A caret that blinks is drawn or not depending on the moment of a screenshot.
    qapp.setCursorFlashTime(0)


@pytest.fixture(autouse=True)
def settings_of_this_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The person's settings (File > Settings…) come from this test's own folder, never
    from the configuration of whoever runs the tests: a language chosen there would show
    in the settings screen and its screenshot."""
    monkeypatch.setenv("REVIEWER_APP_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def queue_folder(reviewed_folder: DataFolder, tmp_path: Path) -> DataFolder:
    """The reviewed folder (FAP-1, FAP-2) with a loose bundle named for its earner and
    three more bundles (OTHER-0 to OTHER-2, a photo each, submitted on successive
    days), their thumbnails made."""
    from reviewer_app.evidence.derive import derive_pending
    from reviewer_app.evidence.importer import Importer
    from tests import craft

    loose = craft.write_zip(tmp_path / "Jane Doe.zip", {"notes.txt": b"bilingual newsletter"})
    others = [
        craft.bundle_zip(
            tmp_path / f"o{n}.zip",
            {"a.png": craft.png_image(8 + n, 8)},
            submission_id=f"OTHER-{n}",
            submitted_at=f"2026-09-0{n + 1}T10:00:00Z",
        )
        for n in range(3)
    ]
    assert len(Importer(reviewed_folder).import_paths([loose, *others]).imported) == 4
    derive_pending(reviewed_folder)
    return reviewed_folder
