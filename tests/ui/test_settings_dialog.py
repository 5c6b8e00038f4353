"""File > Settings…: the person's settings edited in a dialog, saved atomically on OK,
never half-saved, with the restart offered only when the language changes."""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QProcess, QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.settings import COLOR_SCHEME, FORMAT, LANGUAGE, REVIEWER_NAME, Settings
from reviewer_app.storage import atomic
from reviewer_app.ui import i18n
from reviewer_app.ui import settings_dialog as dialog_module
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.settings_dialog import SettingsDialog
from reviewer_app.ui.theme import DARK, LIGHT, apply_theme
from tests.ui.a11y import unnamed_controls
from tests.ui.shots import save_shot


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REVIEWER_APP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def restarts(monkeypatch: pytest.MonkeyPatch) -> list[SettingsDialog]:
    """Restarting is recorded, never done."""
    made: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "restart", lambda self: made.append(self))
    return made


@pytest.fixture
def told(qtbot: QtBot) -> Callable[[], list[str]]:
    """What the warnings on screen say, read and then closed with their Ok button as a
    person would (they are opened over the dialog, not run in a loop of their own)."""

    def said() -> list[str]:
        boxes = [
            w for w in QApplication.allWidgets() if isinstance(w, QMessageBox) and w.isVisible()
        ]
        texts = [box.text() for box in boxes]
        for box in boxes:
            assert box.isModal()  # window-modal: the dialog below waits for the answer
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda box=box: not box.isVisible(), timeout=5000)
        return texts

    return said


@pytest.fixture
def window(config: Path, qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    layout = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    win = MainWindow(None, "Ana Ruiz", layout)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        apply_theme(qapp, LIGHT)  # as the other tests expect it
        win.close()


def open_from_the_menu(window: MainWindow) -> SettingsDialog:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    [action] = [a for a in file_menu.actions() if a.text() == "&Settings…"]
    assert action is window.settings_action
    action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def on_disk(path: Path) -> dict[str, object]:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT
    values = document["values"]
    assert isinstance(values, dict)
    return values


def test_changes_are_saved_on_ok(
    window: MainWindow,
    config: Path,
    qapp: QApplication,
    restarts: list[SettingsDialog],
    told: Callable[[], list[str]],
) -> None:
    dialog = open_from_the_menu(window)
    assert not config.exists()
    assert dialog.name.text() == "" and dialog.scheme.currentData() == "system"
    assert dialog.language.currentData() == "system"

    assert dialog.confirm_not_yet.isChecked()  # asked by default
    dialog.name.setText("  Ana Ruiz ")
    choose(dialog.scheme, DARK)
    assert not dialog.restart_offer.isVisible()  # only the language needs a restart
    choose(dialog.language, "es")
    assert dialog.restart_offer.isVisible()
    assert "next started" in dialog.restart_note.text()
    save_shot(dialog, "settings")
    assert not config.exists()  # nothing is written before OK

    dialog.confirm_not_yet.click()
    dialog.ok_button.click()

    assert not dialog.isVisible()
    assert on_disk(config) == {
        "reviewer.name": "Ana Ruiz",
        "appearance.scheme": "dark",
        "language": "es",
        "confirm.not_yet": False,
    }
    assert qapp.palette().window().color().lightness() < 100  # dark at once
    assert restarts == [] and told() == []
    again = Settings.load(config)
    assert again.get(LANGUAGE) == "es" and again.get(REVIEWER_NAME) == "Ana Ruiz"


def test_the_restart_is_offered_only_when_the_language_changes(
    window: MainWindow, config: Path, restarts: list[SettingsDialog]
) -> None:
    dialog = open_from_the_menu(window)
    assert not dialog.restart_offer.isVisible()
    dialog.name.setText("Ben Osei")
    choose(dialog.scheme, LIGHT)
    assert not dialog.restart_offer.isVisible()
    choose(dialog.language, "en")
    assert dialog.restart_offer.isVisible()
    choose(dialog.language, "system")  # back as it is: nothing to restart for
    assert not dialog.restart_offer.isVisible()
    choose(dialog.language, "es")

    dialog.restart_button.click()

    assert restarts == [dialog] and not dialog.isVisible()
    assert on_disk(config)["language"] == "es"  # saved before restarting


def test_the_offer_stays_while_the_window_speaks_another_language(
    config: Path, qtbot: QtBot, tmp_path: Path, restarts: list[SettingsDialog]
) -> None:
    """Saved as Spanish but started in English: the window still says so."""
    preferences = Settings.load(config)
    preferences.set(LANGUAGE, "es")
    started_before = Settings.load(config)
    layout = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    win = MainWindow(None, "Ana Ruiz", layout, preferences=started_before)
    qtbot.addWidget(win)
    win.show()
    win.show_settings()
    dialog = win.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.preferences is started_before
    assert not dialog.restart_offer.isVisible()  # started in Spanish, still Spanish
    dialog.reject()

    win.language_at_start = "system"  # as if started before the change
    win.show_settings()
    assert win.settings_dialog is not dialog
    assert win.settings_dialog.restart_offer.isVisible()  # type: ignore[union-attr]
    win.settings_dialog.reject()  # type: ignore[union-attr]
    win.close()


def test_cancel_and_escape_change_nothing(
    window: MainWindow, config: Path, qtbot: QtBot, qapp: QApplication
) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps(
            {"format": FORMAT, "values": {"reviewer.name": "Ana", "from.a.newer.version": 3}}
        ),
        encoding="utf-8",
    )
    before = config.read_bytes()
    lightness = qapp.palette().window().color().lightness()
    for close in ("cancel", "escape"):
        dialog = open_from_the_menu(window)
        assert dialog.name.text() == "Ana"
        dialog.name.setText("Someone else")
        choose(dialog.scheme, DARK)
        choose(dialog.language, "es")
        if close == "cancel":
            dialog.cancel_button.click()
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert config.read_bytes() == before
        assert qapp.palette().window().color().lightness() == lightness
        assert window.preferences is not None
        assert window.preferences.get(REVIEWER_NAME) == "Ana"


def test_a_write_error_is_said_and_changes_nothing(
    window: MainWindow, config: Path, monkeypatch: pytest.MonkeyPatch, told: Callable[[], list[str]]
) -> None:
    preferences = Settings.load(config)
    preferences.set(REVIEWER_NAME, "Ana")
    before = config.read_bytes()
    dialog = open_from_the_menu(window)
    dialog.name.setText("Ben")
    choose(dialog.scheme, DARK)

    def unwritable(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr("reviewer_app.settings.write_atomically", unwritable)
    dialog.ok_button.click()

    said = told()
    assert dialog.isVisible()  # still there, to try again or cancel
    assert len(said) == 1 and "could not be written" in said[0] and "Permission denied" in said[0]
    assert "Nothing was changed" in said[0]
    assert config.read_bytes() == before
    assert dialog.preferences.get(REVIEWER_NAME) == "Ana"  # in memory too
    assert dialog.preferences.get(COLOR_SCHEME) == "system"
    dialog.reject()


def test_a_failure_halfway_puts_the_first_change_back(
    window: MainWindow, config: Path, monkeypatch: pytest.MonkeyPatch, told: Callable[[], list[str]]
) -> None:
    preferences = Settings.load(config)
    preferences.set(REVIEWER_NAME, "Ana")
    before = config.read_bytes()
    dialog = open_from_the_menu(window)
    dialog.name.setText("Ben")
    choose(dialog.language, "es")
    writes: list[bytes] = []
    write = atomic.write_atomically

    def second_write_fails(path: Path, data: bytes) -> None:
        writes.append(data)
        if len(writes) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        write(path, data)

    monkeypatch.setattr("reviewer_app.settings.write_atomically", second_write_fails)
    monkeypatch.setattr(dialog_module, "write_atomically", second_write_fails)
    dialog.ok_button.click()

    said = told()
    assert len(writes) >= 3 and said and "No space left" in said[0]
    assert config.read_bytes() == before
    assert dialog.preferences.get(REVIEWER_NAME) == "Ana"
    assert dialog.preferences.get(LANGUAGE) == "system"
    dialog.reject()


def test_a_value_the_settings_cannot_hold_is_refused(
    window: MainWindow, config: Path, monkeypatch: pytest.MonkeyPatch, told: Callable[[], list[str]]
) -> None:
    dialog = open_from_the_menu(window)
    dialog.name.setText("Ben")
    monkeypatch.setattr(
        dialog, "wanted", lambda: [(REVIEWER_NAME, "Ben"), (COLOR_SCHEME, "purple")]
    )
    dialog.ok_button.click()
    said = told()
    assert dialog.isVisible() and not config.exists()
    assert said and "purple" in said[0] and "Nothing was changed" in said[0]
    dialog.reject()


def test_every_control_is_named_labelled_and_in_order(
    window: MainWindow, qtbot: QtBot, restarts: list[SettingsDialog]
) -> None:
    dialog = open_from_the_menu(window)
    choose(dialog.language, "es")  # the restart button shows too
    assert unnamed_controls(dialog) == []
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert {dialog.name, dialog.scheme, dialog.language} <= buddies
    assert [dialog.language.itemText(i) for i in range(1, dialog.language.count())] == [
        i18n.LANGUAGES["en"],
        i18n.LANGUAGES["es"],
    ]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name.setFocus()
    visited: list[QWidget | None] = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        dialog.scheme,
        dialog.language,
        dialog.restart_button,
        dialog.confirm_not_yet,
        dialog.ok_button,
        dialog.cancel_button,
    ]
    dialog.reject()


def test_listed_in_the_help_sheet_with_its_shortcut(window: MainWindow) -> None:
    keys = [k.toString() for k in window.settings_action.shortcuts()]
    assert "Ctrl+," in keys
    others = [a for a in window.actions() if a is not window.settings_action]
    assert not any(k.toString() == "Ctrl+," for a in others for k in a.shortcuts())
    from reviewer_app.ui.help_sheet import shortcut_rows

    assert any(name == "Settings" for name, _keys in shortcut_rows(window.actions()))


def test_the_dialog_speaks_spanish(
    window: MainWindow, spanish: i18n.Installed, restarts: list[SettingsDialog]
) -> None:
    dialog = SettingsDialog(Settings.load(), window)
    assert dialog.windowTitle() == "Configuración"
    assert dialog.scheme.itemText(2) == "Oscuro"
    assert dialog.language.itemText(2) == "Español"
    assert dialog.ok_button.accessibleName() == "Guardar la configuración"
    dialog.close()


@pytest.mark.parametrize("starts", [True, False])
def test_restart_now_starts_the_program_again_then_quits(
    window: MainWindow,
    config: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: Callable[[], list[str]],
    starts: bool,
) -> None:
    started: list[tuple[str, list[str]]] = []
    quits: list[bool] = []

    def start(program: str, arguments: list[str]) -> tuple[bool, int]:
        started.append((program, arguments))
        return (True, 4242) if starts else (False, -1)

    monkeypatch.setattr(QProcess, "startDetached", staticmethod(start))
    monkeypatch.setattr(QCoreApplication, "quit", staticmethod(lambda: quits.append(True)))
    dialog = open_from_the_menu(window)
    choose(dialog.language, "es")
    dialog.restart_button.click()

    assert started == [(sys.executable, list(sys.orig_argv[1:]))]
    assert on_disk(config)["language"] == "es"
    if starts:
        assert quits == [True] and not window.isVisible() and told() == []
    else:  # said, and the program goes on with the settings saved
        assert quits == [] and window.isVisible()
        said = told()
        assert said and "could not start again" in said[0]
