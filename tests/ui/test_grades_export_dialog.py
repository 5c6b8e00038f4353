"""File > Export grades for the platform: a Moodle worksheet and a Canvas gradebook are
filled from the window with keys and clicks; the preview lists every changed cell and
what is left as it was, and Write saves exactly the copy previewed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reviewer_app.ui.grades_export_dialog import GradesExportDialog
from reviewer_app.ui.main_window import MainWindow
from tests.lms.sheets import Graded, canvas_csv, canvas_rows, graded_folder, moodle_csv, moodle_rows
from tests.ui.a11y import undescribed_controls, unnamed_controls
from tests.ui.shots import save_shot

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
WAIT_MS = 15000


@pytest.fixture
def graded(tmp_path: Path) -> Iterator[Graded]:
    done = graded_folder(tmp_path / "data", tmp_path)
    yield done
    done.folder.close()


@pytest.fixture
def window(
    graded: Graded, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    # The worksheets are named as typed, relative to here: the screenshot shows no
    # temporary folder.
    monkeypatch.chdir(tmp_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(graded.folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_dialog(window: MainWindow, qtbot: QtBot) -> GradesExportDialog:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert window.grades_export_action in file_menu.actions()
    window.grades_export_action.trigger()
    dialog = window.grades_export_dialog
    assert isinstance(dialog, GradesExportDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_into(qtbot: QtBot, edit: object, text: str) -> None:
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def test_a_moodle_worksheet_is_previewed_and_written_from_the_keyboard(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "moodle-worksheet.csv").write_bytes(moodle_csv(moodle_rows()))
    dialog = open_dialog(window, qtbot)
    assert unnamed_controls(dialog) == [] and undescribed_controls(dialog) == []
    # The platform is first; Tab reaches the worksheet's path, Enter previews.
    qtbot.waitUntil(lambda: dialog.platform.hasFocus())
    qtbot.keyClick(dialog.platform, Qt.Key.Key_Tab)
    assert dialog.worksheet.hasFocus()
    qtbot.keyClicks(dialog.worksheet, "moodle-worksheet.csv")
    qtbot.keyClick(dialog.worksheet, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.changes.rowCount() == 4, timeout=WAIT_MS)
    assert dialog.out.text() == "moodle-worksheet-graded.csv"
    shown = [
        [dialog.changes.item(r, c).text() for c in (0, 2, 3, 4, 6)]
        for r in range(dialog.changes.rowCount())
    ]
    assert [row[:4] for row in shown] == [
        ["2", "moodle-101", "Pass", "Grade"],
        ["2", "moodle-101", "Pass", "Feedback comments"],
        ["3", "moodle-102", "Not Yet", "Grade"],
        ["3", "moodle-102", "Not Yet", "Feedback comments"],
    ]
    assert [shown[0][4], shown[2][4]] == ["10.00", "0.00"]
    left = {
        dialog.left.item(r, 1).text(): dialog.left.item(r, 2).text()
        for r in range(dialog.left.rowCount())
    }
    assert left == {
        "Mai Nguyễn": "no decision yet",
        "Zoe Dropped": "no submission here for this student",
        "moodle-104": "no row in the worksheet",
    }
    assert not (tmp_path / "moodle-worksheet-graded.csv").exists()  # a preview writes nothing
    save_shot(dialog, "lms-export")

    # Write is the default now: Enter writes the copy previewed.
    assert dialog.write_button.isEnabled() and dialog.write_button.isDefault()
    qtbot.keyClick(dialog.worksheet, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    filled = cells(tmp_path / "moodle-worksheet-graded.csv")
    assert [filled[1][4], filled[2][4], filled[3][4]] == ["10.00", "0.00", ""]
    assert "Decision: Not Yet" in filled[2][10]
    assert "Wrote moodle-worksheet-graded.csv" in dialog.message.text()


def test_a_canvas_gradebook_with_grades_typed_and_a_field_changed_after_preview(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "gradebook.csv").write_bytes(canvas_csv(canvas_rows(","), ";"))
    dialog = open_dialog(window, qtbot)
    qtbot.mouseClick(dialog.platform, Qt.MouseButton.LeftButton)
    view = dialog.platform.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    # Offscreen, the closed popup stays the active window; a desktop gives it back.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.target() == "canvas-gradebook" and dialog.assignment.isVisible()
    assert not dialog.columns.isVisible()
    type_into(qtbot, dialog.worksheet, "gradebook.csv")
    qtbot.keyClick(dialog.worksheet, Qt.Key.Key_Tab)
    assert [dialog.assignment.itemText(i) for i in range(dialog.assignment.count())] == [
        "Families plan (2201)",
        "Reflection (2202)",
    ]
    type_into(qtbot, dialog.pass_grade, "9,5")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changes.rowCount() == 2, timeout=WAIT_MS)
    assert [dialog.changes.item(r, 6).text() for r in range(2)] == ["9,5", "0,00"]

    # A field changed after the preview: Write waits for a new preview.
    type_into(qtbot, dialog.not_yet_grade, "1")
    assert not dialog.write_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=WAIT_MS)
    assert [dialog.changes.item(r, 6).text() for r in range(2)] == ["9,5", "1"]
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    raw = (tmp_path / "gradebook-graded.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfStudent;ID;") and b"\r\n" in raw
    filled = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [filled[2][5], filled[3][5], filled[4][5]] == ["9,5", "1", ""]


def test_a_worksheet_that_cannot_be_read_is_said_in_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "sheet.csv").write_bytes("Identifier;Grade\n".encode("utf-16"))
    dialog = open_dialog(window, qtbot)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Choose the worksheet" in dialog.message.text()
    type_into(qtbot, dialog.worksheet, "sheet.csv")
    qtbot.keyClick(dialog.worksheet, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "UTF-16" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.message.kind == "error" and not dialog.write_button.isEnabled()


def test_the_dialog_and_its_refusals_speak_spanish(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, spanish: object
) -> None:
    (tmp_path / "hoja.csv").write_bytes(b"Identificador;Calificaci\xf3n\n")  # not UTF-8
    dialog = GradesExportDialog(window.folder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Exportar las calificaciones a la plataforma"
    assert dialog.write_button.text() == "&Escribir la copia rellenada"
    type_into(qtbot, dialog.worksheet, "hoja.csv")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=WAIT_MS)
    assert dialog.message.text().startswith("La hoja no es texto UTF-8 (el byte 0xf3")
    dialog.close()
