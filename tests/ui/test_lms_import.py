"""File > Import… with a Moodle or Canvas download: the window asks for the
micro-credential and part with a small dialog, by mouse and keyboard, then imports one
submission per student; with blind marking it says the students come with no name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.lms_import_dialog import PlatformImportDialog
from reviewer_app.ui.main_window import MainWindow
from tests import craft
from tests.lms.platforms import MoodleStudent, moodle_entries, write
from tests.lms.readback import saved
from tests.ui.a11y import undescribed_controls, unnamed_controls
from tests.ui.fixed import fix_clock
from tests.ui.shots import save_shot

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def lms_window(
    folder: DataFolder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files

    fix_clock(monkeypatch)
    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def opened_dialog(window: MainWindow, qtbot: QtBot, path: Path) -> PlatformImportDialog:
    window.import_paths([path])  # what the file picker calls with the chosen zip
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PlatformImportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PlatformImportDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def pick(combo: QComboBox, qtbot: QtBot, text: str) -> None:
    """Opens the combo with a click and walks to `text` with the arrow keys."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(combo.count() + 1):
        if combo.itemText(view.currentIndex().row()).startswith(text):
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText().startswith(text)


def test_a_moodle_download_is_imported_for_the_chosen_credential_and_part(
    lms_window: MainWindow, folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    students = [
        MoodleStudent("María José García-López", 101, files={"plan.pdf": craft.text_pdf()}),
        MoodleStudent("Seán O'Brien", 102, online_text="<p>Mi reflexión</p>"),
    ]
    path = write(tmp_path / "Tarea 3-descarga.zip", moodle_entries(students))
    dialog = opened_dialog(lms_window, qtbot, path)
    assert "Moodle" in dialog.summary.text() and "2" in dialog.summary.text()
    assert not dialog.nameless.isVisible()
    assert unnamed_controls(dialog) == [] and undescribed_controls(dialog) == []
    # Import with nothing chosen: the dialog says what is missing and stays.
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "micro-credential" in dialog.problem.text()
    pick(dialog.credential, qtbot, "Families as Partners")
    # The part by keyboard alone: Tab to it, then the arrow keys.
    for _ in range(10):
        if dialog.part.hasFocus():
            break
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert dialog.part.hasFocus()
    qtbot.keyClick(dialog.part, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.part, Qt.Key.Key_Down)
    assert dialog.part.currentData() == "artifacts"
    save_shot(dialog, "lms-import")
    qtbot.keyClick(dialog.part, Qt.Key.Key_Return)  # the default button: Import
    qtbot.waitUntil(lambda: getattr(lms_window, "import_summary", None) is not None, timeout=20_000)
    summary = lms_window.import_summary.details.toPlainText()
    assert "2 imported" in summary and "moodle-101" in summary
    rows = saved(folder)
    assert set(rows) == {"moodle-101", "moodle-102"}
    assert rows["moodle-101"].earner == "María José García-López"
    assert {i["part"] for r in rows.values() for i in r.items} == {"artifacts"}
    qtbot.waitUntil(lambda: lms_window.model.rowCount() == 2)


def test_blind_marking_is_said_and_cancel_imports_nothing(
    lms_window: MainWindow, folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    students = [
        MoodleStudent("Participant", 7, files={"a.pdf": craft.text_pdf()}),
        MoodleStudent("Participant", 8, files={"b.pdf": craft.text_pdf("b")}),
    ]
    path = write(tmp_path / "blind.zip", moodle_entries(students))
    dialog = opened_dialog(lms_window, qtbot, path)
    assert dialog.nameless.isVisible()
    assert "2 of them come with no name" in dialog.nameless.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert saved(folder) == {}


def test_a_download_whose_names_fit_both_platforms_asks_which(
    lms_window: MainWindow, folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "both.zip", {"smithjane_12_34_assignsubmission_file_x.pdf": craft.text_pdf()}
    )
    dialog = opened_dialog(lms_window, qtbot, path)
    assert dialog.platform.isVisible() and "both Moodle and Canvas" in dialog.summary.text()
    pick(dialog.credential, qtbot, "Families as Partners")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "platform" in dialog.problem.text()
    pick(dialog.platform, qtbot, "Canvas")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "canvas-12" in saved(folder), timeout=20_000)


def test_a_zip_that_only_looks_like_a_download_can_be_imported_as_a_bundle(
    lms_window: MainWindow, folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    # Someone's own files, named so that Canvas's rule reads them.
    path = write(
        tmp_path / "Jane Doe.zip",
        {"plan_2024_11_final.pdf": craft.text_pdf(), "notes.pdf": craft.text_pdf("n")},
    )
    dialog = opened_dialog(lms_window, qtbot, path)
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "Jane Doe" in saved(folder), timeout=20_000)
    assert saved(folder)["Jane Doe"].shape == "loose"
