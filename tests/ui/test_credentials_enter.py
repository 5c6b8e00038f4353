"""Enter in the credentials forms does what the form is for: in the New issuer form's
last field it creates the issuer, in the export's passphrase field it starts the export.
Typed with real key events, each field reached by a click as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.resources import resource
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Issuer
from reviewer_app.ui.credentials.export_dialog import ExportDialog
from reviewer_app.ui.credentials.issuer_dialog import IssuersDialog
from reviewer_app.ui.main_window import MainWindow
from tests.credentials.conftest import PASSPHRASE, pass_submission
from tests.ui.fixed import fix_clock, seed_keys
from tests.ui.shots import loaded
from tests.ui.test_credentials_screens import WAIT, flush_deleted_widgets, open_window


@pytest.fixture(autouse=True)
def collected_here(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    fix_clock(monkeypatch)
    seed_keys(monkeypatch)
    flush_deleted_widgets()
    yield
    flush_deleted_widgets()


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    pass_submission(reviewed_folder, "FAP-1")
    win = open_window(reviewed_folder, qtbot, tmp_path)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # before a dialog opens above it
    yield win
    win.close()


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    assert field.hasFocus()
    QTest.keyClicks(field, text)


def test_enter_in_the_new_issuer_forms_last_field_creates_the_issuer(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.issuers_action.trigger()
    dialog = window.issuers_dialog
    assert isinstance(dialog, IssuersDialog)
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    form = dialog.new_issuer_dialog
    assert form is not None
    qtbot.waitExposed(form)
    form.activateWindow()  # the window system gives a new window the keyboard
    qtbot.waitUntil(form.isActiveWindow)
    type_into(qtbot, form.name, "Riverside Teachers' Association")
    type_into(qtbot, form.url, "https://issuer.example.org")
    type_into(qtbot, form.email, "badges@issuer.example.org")
    type_into(qtbot, form.description, "Teachers who teach teachers")
    type_into(qtbot, form.logo, str(resource("demo", "definitions", "families-as-partners.png")))
    QTest.mouseClick(form.hosting, Qt.MouseButton.LeftButton)  # it follows the web address
    QTest.keyClick(form.hosting, Qt.Key.Key_End)
    QTest.keyClicks(form.hosting, "/badges")
    type_into(qtbot, form.passphrase, PASSPHRASE)
    type_into(qtbot, form.confirm, PASSPHRASE)
    # Through the buttons and back: a button that had the focus gives Enter back.
    QTest.keyClick(form.confirm, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), QPushButton)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert form.confirm.hasFocus()
    QTest.keyClick(form.confirm, Qt.Key.Key_Return)
    assert form.busy(), "Enter in the last field must start creating the issuer"
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    loaded(dialog)  # the list, read again
    assert [r.name for r in dialog.rows] == ["Riverside Teachers' Association"]
    assert dialog.rows[0].base_url.startswith("https://issuer.example.org/badges")
    with window.folder.sessions() as session:
        assert session.scalar(select(func.count(Issuer.id))) == 1
    dialog.close()


def test_enter_on_a_focused_button_presses_that_button(window: MainWindow, qtbot: QtBot) -> None:
    window.issuers_action.trigger()
    dialog = window.issuers_dialog
    assert isinstance(dialog, IssuersDialog)
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    form = dialog.new_issuer_dialog
    assert form is not None
    defaults = [b for b in form.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [form.create_button], [b.text() for b in defaults]
    # Cancel with the focus: Enter presses Cancel, as on every desktop, and nothing is made.
    cancel = next(b for b in form.findChildren(QPushButton) if b.text() == "Cancel")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    type_into(qtbot, form.name, "Half-typed")
    for _ in range(40):  # Tab through the form, as a person does
        if cancel.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert cancel.hasFocus()
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert not form.isVisible() and dialog.rows == []
    form.close()
    dialog.close()


def test_enter_in_the_export_passphrase_starts_the_export(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    create_issuer(
        window.folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    window.export_action.trigger()
    export = window.export_dialog
    assert isinstance(export, ExportDialog)
    qtbot.waitExposed(export)
    loaded(export)  # what waits is read off the GUI thread; Export is enabled after that
    export.activateWindow()
    qtbot.waitUntil(export.isActiveWindow)
    out = tmp_path / "export"
    type_into(qtbot, export.out, str(out))
    type_into(qtbot, export.passphrase, PASSPHRASE)
    QTest.keyClick(export.passphrase, Qt.Key.Key_Return)
    assert export.busy(), "Enter in the passphrase field must start the export"
    qtbot.waitUntil(export.summary.isVisible, timeout=WAIT)
    assert (out / "credentials" / "ana-lima_FAP-1.json").is_file()
    export.close()


def test_in_every_credentials_dialog_enter_presses_its_own_button(window: MainWindow) -> None:
    create_issuer(
        window.folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    window.issuers_action.trigger()
    issuers = window.issuers_dialog
    assert isinstance(issuers, IssuersDialog)
    loaded(issuers)  # the issuer to rotate is read off the GUI thread
    issuers.rotate_button.click()
    window.export_action.trigger()
    window.verify_action.trigger()
    window.revoke_action.trigger()
    dialogs = {
        "rotate": (issuers.rotate_dialog, "rotate_button"),
        "export": (window.export_dialog, "export_button"),
        "verify": (window.verify_dialog, "verify_button"),
        "revoke": (window.revoke_dialog, "revoke_button"),
    }
    for name, (dialog, button_name) in dialogs.items():
        assert dialog is not None, name
        button = getattr(dialog, button_name)
        buttons = dialog.findChildren(QPushButton)
        assert [b for b in buttons if b.isDefault()] == [button], name
        dialog.close()
    issuers.close()
