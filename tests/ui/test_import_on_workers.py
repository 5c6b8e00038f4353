"""The window's import with text and thumbnails made on worker processes: the window
answers throughout, shows progress, and its Cancel stops an import that waits on a
reader that hangs, keeping the bundles already whole."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.evidence import importer
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EvidenceItem
from reviewer_app.ui.main_window import MainWindow
from tests import craft, derive_hostile


@pytest.fixture
def window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_window_answers_and_cancels_while_a_reader_hangs(
    window: MainWindow,
    folder: DataFolder,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importer, "POOL_FROM_BYTES", 0)  # workers, however small the import
    monkeypatch.setattr(importer, "derive_in_worker", derive_hostile.work)
    monkeypatch.setenv("REVIEWER_APP_DERIVE_WORKERS", "2")
    paths = [
        craft.bundle_zip(
            tmp_path / f"b{n}.zip",
            {
                "plan.pdf": craft.text_pdf(f"pier{n}"),
                "photo.jpg": craft.photo_jpeg(tmp_path, seed=n),
            },
            submission_id=f"W-{n}",
        )
        for n in range(3)
    ]
    paths.append(
        craft.bundle_zip(
            tmp_path / "hangs.zip",
            {"slow.pdf": craft.text_pdf("slow") + b"\n%HANG\n"},
            submission_id="W-HANG",
        )
    )
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    window.import_paths(paths)
    qtbot.waitUntil(lambda: window.cancel_button.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: window.imports.busy() and len(ticks) > 50, timeout=30_000)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0, "the window stopped answering during the import"

    clicked = time.monotonic()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=30_000)
    assert time.monotonic() - clicked < 15  # not the reader's 90 seconds
    timer.stop()
    report = window.import_summary.report
    assert report.cancelled
    assert {r.submission_id for r in report.imported} == {"W-0", "W-1", "W-2", "W-HANG"}
    with folder.read_sessions() as session:
        found = dict(session.execute(select(EvidenceItem.path, EvidenceItem.derive_status)).all())
    assert found["slow.pdf"] == "pending"  # read by the next import
    window.import_summary.close()
