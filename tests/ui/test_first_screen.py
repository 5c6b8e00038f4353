"""The queue's first screen, read before the data layer is loaded
(reviewer_app/reviews/first_screen.py), shows what the full model shows."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reviewer_app.paths import DATABASE_NAME
from reviewer_app.reviews.blind import set_blind_review, submission_code
from reviewer_app.reviews.first_screen import BLIND_REVIEW_KEY, read_first_screen
from reviewer_app.reviews.queue import SORT_KEYS, QueueFilter
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.storage.restore_journal import JOURNAL
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.queue_model import QueueModel, read_queue
from reviewer_app.vocabulary import Status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def queue_folder(queue_folder: DataFolder) -> DataFolder:
    """The shared queue (tests/ui/conftest.py), one of its submissions late and one
    without a micro-credential's name."""
    reviewed_folder = queue_folder
    with sqlite3.connect(reviewed_folder.root / DATABASE_NAME) as db:
        db.execute(
            "UPDATE submissions SET late = 1, status = 'pass' WHERE submission_id = ?", ("OTHER-1",)
        )
        db.execute(
            "UPDATE submissions SET credential_name = NULL WHERE submission_id = ?", ("OTHER-2",)
        )
    return reviewed_folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def shown(model: QueueModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_setting_is_read_by_its_own_key() -> None:
    assert BLIND_REVIEW.key == BLIND_REVIEW_KEY


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_it_reads_what_the_data_folder_reads(
    queue_folder: DataFolder, sort: str, descending: bool
) -> None:
    f = QueueFilter(sort=sort, descending=descending)
    first = read_first_screen(queue_folder.root, f)
    assert first is not None
    full = read_queue(queue_folder, f, None)
    assert first.ids == full.ids and len(first.ids) == 6
    assert first.rows == full.rows
    assert first.counts == full.counts and first.counts[Status.PASS] == 1
    assert first.credentials == full.credentials
    assert not first.blind


def test_only_the_first_page_is_read(queue_folder: DataFolder) -> None:
    first = read_first_screen(queue_folder.root, page=2)
    assert first is not None and len(first.ids) == 6
    assert set(first.rows) == set(first.ids[:2])


@pytest.mark.parametrize("blind", [False, True])
def test_the_model_shows_the_same_rows_blind_or_not(
    queue_folder: DataFolder, qtbot: QtBot, blind: bool
) -> None:
    set_blind_review(queue_folder, blind, "lead")
    first = read_first_screen(queue_folder.root)
    assert first is not None and first.blind is blind
    fast = QueueModel(None)
    fast.show_first_screen(first)
    full = QueueModel(queue_folder)
    full.blind = blind
    full.load_now()
    assert shown(fast) == shown(full)
    earners = {row[1] for row in shown(fast)}
    if blind:  # codes, never the names
        assert "Jane Doe" not in {row[0] for row in shown(fast)}
        assert not any("Earner" in name or "Jane" in name for name in earners)
        assert submission_code("FAP-1") in earners
    else:
        assert submission_code("FAP-1") not in earners


def test_a_blind_review_setting_of_the_wrong_type_is_read_as_off(queue_folder: DataFolder) -> None:
    with sqlite3.connect(queue_folder.root / DATABASE_NAME) as db:
        db.execute(
            "INSERT INTO folder_settings (key, value) VALUES (?, ?)",
            (BLIND_REVIEW_KEY, json.dumps({"value": "yes"})),
        )
    first = read_first_screen(queue_folder.root)
    assert first is not None and first.blind is False
    with queue_folder.read_sessions() as session:
        assert BLIND_REVIEW.get(session) is False


def test_anything_it_cannot_be_sure_of_falls_back(queue_folder: DataFolder, tmp_path: Path) -> None:
    root = queue_folder.root
    assert read_first_screen(root) is not None
    # A filter: the window's first read is unfiltered.
    assert read_first_screen(root, QueueFilter(statuses=frozenset({Status.PASS}))) is None
    assert read_first_screen(root, QueueFilter(search="Jane")) is None
    assert read_first_screen(root, QueueFilter(sort="nonsense")) is None
    # No folder, no database yet.
    assert read_first_screen(tmp_path / "nowhere") is None
    # A restore or an import interrupted: opening the folder changes it first.
    (root / JOURNAL).write_text('{"stamp": "x"}', encoding="utf-8")
    assert read_first_screen(root) is None
    (root / JOURNAL).unlink()
    with sqlite3.connect(root / DATABASE_NAME) as db:
        db.execute("INSERT INTO store_intents (token, sha256, created_at) VALUES ('t', 'x', '')")
    assert read_first_screen(root) is None
    with sqlite3.connect(root / DATABASE_NAME) as db:
        db.execute("DELETE FROM store_intents")
    assert read_first_screen(root) is not None


def test_a_schema_of_another_version_falls_back_to_the_data_folder(
    queue_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    with sqlite3.connect(queue_folder.root / DATABASE_NAME) as db:
        (head,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
        db.execute("UPDATE alembic_version SET version_num = '0015'")
    assert read_first_screen(queue_folder.root) is None
    win = MainWindow(None, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    assert not win.show_first_screen(queue_folder.root)
    with sqlite3.connect(queue_folder.root / DATABASE_NAME) as db:
        db.execute("UPDATE alembic_version SET version_num = ?", (head,))
    win.attach(queue_folder)  # the ordinary path
    assert win.model.rowCount() == 6
    win.close()


def test_the_window_keeps_its_queue_and_selection_when_the_folder_comes(
    queue_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    set_blind_review(queue_folder, True, "lead")
    win = MainWindow(None, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_painted, timeout=10_000):
        win.show()
    with qtbot.waitSignal(win.first_screen_painted, timeout=10_000):
        assert win.show_first_screen(queue_folder.root)
    before = shown(win.model)
    assert win.model.rowCount() == 6 and win.blind
    assert "(blind review)" in win.windowTitle()
    win.table.selectRow(2)
    chosen = win.model.pk_at(2)
    win.attach(queue_folder)
    qtbot.waitUntil(lambda: not win.model.is_loading(), timeout=10_000)
    assert shown(win.model) == before
    assert win.model.pk_at(win.table.currentIndex().row()) == chosen
    qtbot.waitUntil(lambda: win.current_pk == chosen, timeout=10_000)  # opened now
    assert win.reveal_action.isEnabled()
    win.close()


def test_the_queue_is_painted_before_sqlalchemy_is_imported(
    queue_folder: DataFolder, tmp_path: Path
) -> None:
    """In a process of its own, so that nothing else has imported the data layer."""
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication, QEvent, QObject
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        QCoreApplication.setOrganizationName("Portfolio Reviewer test")
        from reviewer_app.ui.main_window import MainWindow
        w = MainWindow(None, "Ana Ruiz"); w.show(); app.processEvents()
        assert w.show_first_screen(Path(sys.argv[1]))
        class Painted(QObject):
            seen = False
            def eventFilter(self, watched, event):
                self.seen = self.seen or event.type() == QEvent.Type.Paint
                return False
        painted = Painted()
        w.table.viewport().installEventFilter(painted)
        app.processEvents()
        assert painted.seen
        import json
        row = w.model.index(0, 0).data()
        print(json.dumps([w.model.rowCount(), row, "sqlalchemy" in sys.modules]))
        """
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "HOME": str(tmp_path / "home"),
    }
    out = subprocess.run(
        [sys.executable, "-c", code, str(queue_folder.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    count, first_id, imported = json.loads(out.stdout.splitlines()[-1])
    expected = read_queue(queue_folder, QueueFilter(), None)
    assert count == 6
    assert first_id == expected.rows[expected.ids[0]].submission_id
    assert imported is False
