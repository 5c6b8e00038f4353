"""The credentials screens in the real window, on a real data folder: make an issuer
through its form, export through the export dialog, verify the files (and a tampered
copy), revoke one and see the verifier say so."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.resources import resource
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer, IssuerKey
from reviewer_app.ui.credentials.export_dialog import CANCELLED, ExportDialog
from reviewer_app.ui.credentials.issuer_dialog import IssuersDialog
from reviewer_app.ui.credentials.revoke_dialog import RevokeDialog
from reviewer_app.ui.credentials.verify_dialog import VerifyDialog
from reviewer_app.ui.main_window import MainWindow
from tests.credentials.conftest import PASSPHRASE, pass_submission
from tests.ui.a11y import unnamed_controls
from tests.ui.fixed import fix_clock, seed_keys
from tests.ui.pickers import answer_question, choose_in_picker
from tests.ui.shots import loaded, save_shot, steady

WAIT = 30_000  # Argon2id runs for each key opened: generous on a loaded machine


@pytest.fixture(autouse=True)
def qt_garbage_collected_here(qapp: QApplication) -> Iterator[None]:
    """Windows closed by earlier tests are deleted and their wrappers collected here, on
    the GUI thread: Python's collector runs on whichever thread allocates, and a Qt
    wrapper collected on a worker thread (these tests sign in the background) can crash."""
    flush_deleted_widgets()
    yield
    flush_deleted_widgets()


@pytest.fixture(autouse=True)
def same_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screenshots show keys' dates and the issuer's did:key: a fixed clock and
    seeded keys, set before the data folder is made."""
    fix_clock(monkeypatch)
    seed_keys(monkeypatch)


def flush_deleted_widgets() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


@pytest.fixture
def passed_folder(reviewed_folder: DataFolder) -> DataFolder:
    """FAP-1 (Ana Lima) and FAP-2 (her resubmission) both passed."""
    pass_submission(reviewed_folder, "FAP-1")
    pass_submission(reviewed_folder, "FAP-2")
    return reviewed_folder


def open_window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(passed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(passed_folder, qtbot, tmp_path)
    yield win
    win.close()


def issued_count(folder: DataFolder) -> int:
    with folder.sessions() as session:
        return session.scalar(select(func.count(IssuedCredential.id))) or 0


def tree_texts(dialog: IssuersDialog) -> list[str]:
    texts = []
    for n in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(n)
        assert top is not None
        texts.append(" | ".join(top.text(c) for c in range(4)))
        for m in range(top.childCount()):
            child = top.child(m)
            assert child is not None
            texts.append(" | ".join(child.text(c) for c in range(4)))
    return texts


def test_an_issuer_made_through_the_form_and_its_keys_rotated(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.issuers_action.trigger()
    dialog = window.issuers_dialog
    loaded(dialog)
    assert isinstance(dialog, IssuersDialog)
    assert "no issuer" in dialog.message.text()
    assert not dialog.rotate_button.isEnabled()

    dialog.new_button.click()
    form = dialog.new_issuer_dialog
    assert form is not None and form.isVisible()
    form.name.setText("Riverside Teachers' Association")
    form.url.setText("https://issuer.example.org")
    assert form.hosting.text() == "https://issuer.example.org"  # follows until edited
    form.email.setText("badges@issuer.example.org")
    assert "cannot be recovered" in form.warning.text()
    assert form.passphrase.echoMode() == QLineEdit.EchoMode.Password

    # Refused before any work starts: nothing made, the field to fix has the focus.
    form.create_button.click()
    assert "Choose a passphrase" in form.message.text() and form.message.kind == "error"
    form.passphrase.setText(PASSPHRASE)
    form.confirm.setText(PASSPHRASE + "!")
    form.create_button.click()
    assert "not the same" in form.message.text()
    assert form.focusWidget() == form.confirm and form.confirm.text() == ""
    assert not form.busy() and dialog.rows == []
    assert unnamed_controls(form) == []

    # A logo that is not an image is refused by the domain code, from the background.
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("not a picture", encoding="utf-8")
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    choose_in_picker(qtbot, form, [not_an_image])  # the picker opened over the form
    assert form.logo.text() == str(not_an_image)
    form.confirm.setText(PASSPHRASE)
    form.create_button.click()
    qtbot.waitUntil(lambda: not form.busy() and form.message.kind == "error", timeout=WAIT)
    assert "must be a PNG or an SVG" in form.message.text()
    assert form.focusWidget() == form.logo and form.isVisible()
    with window.folder.sessions() as session:
        assert session.scalar(select(func.count(Issuer.id))) == 0

    form.logo.setText(str(resource("demo", "definitions", "families-as-partners.png")))
    form.create_button.click()
    assert form.busy() and form.busy_bar.isVisible()  # Argon2 runs off the GUI thread
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    loaded(dialog)
    assert [r.name for r in dialog.rows] == ["Riverside Teachers' Association"]
    texts = tree_texts(dialog)
    assert texts[0].startswith("Riverside Teachers' Association (the default issuer)")
    assert any(t.startswith("Identifier (DID) | did:key:z") for t in texts)
    assert any(t.startswith("Hosting address | https://issuer.example.org/") for t in texts)
    assert "Logo | https://issuer.example.org/issuer-image.png |  | " in texts
    assert sum("in use" in t for t in texts if t.startswith("Key ")) == 2
    assert "ready to sign" in dialog.message.text()

    # A wrong passphrase rotates nothing.
    dialog.rotate_button.click()
    rotate = dialog.rotate_dialog
    assert rotate is not None
    rotate.kind.setCurrentIndex(rotate.kind.findData("rsa"))
    rotate.passphrase.setText("not the passphrase")
    rotate.rotate_button.click()
    qtbot.waitUntil(lambda: not rotate.busy() and rotate.message.kind == "error", timeout=WAIT)
    assert "passphrase is not right" in rotate.message.text()
    assert "Nothing was changed" in rotate.message.text()
    assert rotate.focusWidget() == rotate.passphrase
    with window.folder.sessions() as session:
        assert session.scalar(select(func.count(IssuerKey.id))) == 2
    assert unnamed_controls(rotate) == []

    rotate.passphrase.setText(PASSPHRASE)
    rotate.rotate_button.click()
    qtbot.waitUntil(lambda: not rotate.isVisible(), timeout=WAIT)
    loaded(dialog)
    texts = tree_texts(dialog)
    assert any(t.startswith("Key rsa-2") and "in use" in t for t in texts)
    retired = next(t for t in texts if t.startswith("Key rsa-1"))
    assert "retired" in retired and "in use" not in retired
    assert "still verifies" in dialog.message.text()
    assert unnamed_controls(dialog) == []
    dialog.resize(980, 520)
    save_shot(dialog, "issuers")
    dialog.close()


def row_named(dialog: VerifyDialog, name: str) -> int:
    for row in range(dialog.table.rowCount()):
        item = dialog.table.item(row, 0)
        if item is not None and item.text() == name:
            return row
    raise AssertionError(f"{name} is not in the list")


def cell(dialog: VerifyDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def checks_shown(dialog: VerifyDialog) -> dict[str, str]:
    shown = {}
    for row in range(dialog.checks.rowCount()):
        name, result = dialog.checks.item(row, 0), dialog.checks.item(row, 1)
        assert name is not None and result is not None
        shown[name.text()] = result.text()
    return shown


def asked(dialog: QWidget) -> bool:
    """A question is open over the dialog."""
    return any(box.isVisible() for box in dialog.findChildren(QMessageBox))


def drop_files(dialog: VerifyDialog, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(event)


def test_export_verify_and_revoke_in_the_dialogs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = window.folder
    create_issuer(
        folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    # The dialogs show the export folder: named from the test's folder, as a person
    # working there would type it, so that no run's temporary path is in a screenshot.
    monkeypatch.chdir(tmp_path)
    out = Path("export")

    # Export: what is waiting, then a wrong passphrase, a cancel, and the real thing.
    window.export_action.trigger()
    export = window.export_dialog
    loaded(export)
    assert isinstance(export, ExportDialog)
    assert export.waiting_label.text().startswith("2 passing decisions are waiting")
    assert export.waiting.rowCount() == 1
    waiting = export.waiting.item(0, 1)
    assert waiting is not None and waiting.text() == "2"
    assert not export.issuer.isVisibleTo(export)  # one issuer: named, not offered
    assert export.issuer_label.text() == "Riverside Teachers' Association"
    export.format.setCurrentIndex(export.format.findData("ob2"))
    assert not export.proof.isEnabled()  # the proof choice is for 3.0 only
    export.format.setCurrentIndex(export.format.findData("ob3"))
    assert export.proof.isEnabled() and export.proof.currentData() == "data-integrity"
    assert unnamed_controls(export) == []

    export.out.setText(str(out))
    export.passphrase.setText("not the passphrase")
    export.export_button.click()
    qtbot.waitUntil(lambda: not export.busy() and export.message.kind == "error", timeout=WAIT)
    assert "passphrase is not right" in export.message.text()
    assert export.isVisible() and export.focusWidget() == export.passphrase
    assert not (out / "credentials").exists() and issued_count(folder) == 0

    export.passphrase.setText(PASSPHRASE)
    export.export_button.click()
    # Cancel while the keys are still being opened (Argon2id takes a good part of a
    # second): the export stops before it signs anything.
    export.cancel_button.click()
    qtbot.waitUntil(lambda: not export.busy() and export.message.kind == "warning", timeout=WAIT)
    assert export.message.text() == CANCELLED
    assert not (out / "credentials").exists() and issued_count(folder) == 0
    assert export.waiting_label.text().startswith("2 passing decisions")

    # Closed and opened again for the real thing: the busy bar's stripes move with the
    # time since the bar was last shown, and only a bar never shown before draws them
    # from their start in the screenshot.
    export.close()
    window.export_action.trigger()
    assert window.export_dialog is not export
    export = window.export_dialog
    loaded(export)
    assert isinstance(export, ExportDialog)
    export.out.setText(str(out))
    steady(export)  # now: waiting for it at the screenshot would move the busy stripes
    export.passphrase.setText(PASSPHRASE)
    export.export_button.click()
    assert export.progress.isVisible() and export.cancel_button.isVisible()
    export.resize(760, 460)
    save_shot(export, "export-progress")
    qtbot.waitUntil(export.summary.isVisible, timeout=WAIT)
    assert export.summary_label.text() == f"Exported 2 credentials to {out}."
    assert "https://issuer.example.org/" in export.hosting_label.text()
    assert "PUBLISH.html" in export.hosting_label.text()
    credentials = sorted((out / "credentials").glob("*.json"))
    assert [p.name for p in credentials] == ["ana-lima_FAP-1.json", "ana-lima_FAP-2.json"]
    assert all(p.with_suffix(".png").is_file() for p in credentials)
    assert (out / "PUBLISH.html").is_file() and (out / "hosting" / "issuer.json").is_file()
    assert export.passphrase.text() == ""
    loaded(export)
    assert export.waiting_label.text().startswith("Nothing to export")
    assert not export.export_button.isEnabled()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    export.open_folder_button.click()
    export.open_publish_button.click()
    # Opened by their full path: the export keeps the folder it was given in full.
    full = out.absolute()
    assert [u.toLocalFile() for u in opened] == [str(full), str(full / "PUBLISH.html")]
    assert unnamed_controls(export) == []
    save_shot(export, "export-summary")
    export.close()

    # Verify: the two exported credentials and a tampered copy, one added by dropping.
    tampered = Path("tampered.json")
    document = json.loads(credentials[0].read_text(encoding="utf-8"))
    document["credentialSubject"]["achievement"]["name"] += " with honours"
    tampered.write_text(json.dumps(document, indent=2), encoding="utf-8")
    window.verify_action.trigger()
    verify = window.verify_dialog
    assert isinstance(verify, VerifyDialog)
    verify.hosting.setText(str(out / "hosting"))
    qtbot.mouseClick(verify.add_button, Qt.MouseButton.LeftButton)
    choose_in_picker(qtbot, verify, credentials)  # the picker opened over the dialog
    drop_files(verify, [tampered])
    qtbot.waitUntil(
        lambda: verify.summary.text() == "3 checked: 2 valid, 1 NOT VALID.", timeout=WAIT
    )
    for name in ("ana-lima_FAP-1.json", "ana-lima_FAP-2.json"):
        row = row_named(verify, name)
        assert cell(verify, row, 1) == "Valid" and cell(verify, row, 3) == ""
        assert cell(verify, row, 2) == "Open Badges 3.0"
    bad = row_named(verify, "tampered.json")
    assert cell(verify, bad, 1) == "NOT VALID"
    assert cell(verify, bad, 3).startswith("proof:")
    verify.table.selectRow(bad)
    assert checks_shown(verify)["proof"] == "FAILED"
    assert checks_shown(verify)["format"] == "ok"
    verify.copy_button.click()
    report = QApplication.clipboard().text()
    assert "2 valid, 1 NOT VALID" in report and f"NOT VALID: {tampered}" in report
    assert unnamed_controls(verify) == []
    verify.resize(1000, 660)
    save_shot(verify, "verify-results")

    # Revoke FAP-1 and bring the export's hosting files up to date at once.
    window.revoke_action.trigger()
    revoke = window.revoke_dialog
    loaded(revoke)
    assert isinstance(revoke, RevokeDialog)
    assert sorted(r.submission_id for r in revoke.shown) == ["FAP-1", "FAP-2"]
    assert revoke.out.text() == str(out.absolute())  # the latest export, offered again
    # Named as a person in this folder would type it, so that the picture shows no
    # temporary path of this run.
    revoke.out.setText(str(out))
    assert revoke.select_submission("FAP-1")
    revoke.revoke_button.click()
    assert "Say why" in revoke.message.text() and not asked(revoke)
    revoke.reason.setText("Awarded in error: the plan was not the earner's own work.")
    revoke.revoke_button.click()
    assert "passphrase" in revoke.message.text() and not asked(revoke)

    revoke.passphrase.setText("not the passphrase")
    revoke.revoke_button.click()  # the question opens over the dialog; No changes nothing
    question = answer_question(qtbot, revoke, QMessageBox.StandardButton.No)
    assert "cannot be undone" in question and "FAP-1" in question
    assert not revoke.busy() and len(revoke.shown) == 2
    revoke.revoke_button.click()
    answer_question(qtbot, revoke, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not revoke.busy() and revoke.message.kind == "error", timeout=WAIT)
    assert "Nothing was revoked" in revoke.message.text()
    assert len(revoke.shown) == 2

    revoke.passphrase.setText(PASSPHRASE)
    revoke.revoke_button.click()
    answer_question(qtbot, revoke, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not revoke.busy() and revoke.message.kind == "note", timeout=WAIT)
    loaded(revoke)
    text = revoke.message.text()
    assert "FAP-1 (Ana Lima) is revoked" in text and f"hosting files in {out} are updated" in text
    assert [r.submission_id for r in revoke.shown] == ["FAP-2"]
    assert unnamed_controls(revoke) == []
    revoke.resize(900, 600)
    save_shot(revoke, "revoke")

    # Verified again with the updated hosting folder: FAP-1 is reported revoked.
    verify.verify_button.click()
    qtbot.waitUntil(
        lambda: verify.summary.text() == "3 checked: 1 valid, 2 NOT VALID.", timeout=WAIT
    )
    first = row_named(verify, "ana-lima_FAP-1.json")
    assert cell(verify, first, 1) == "NOT VALID"
    assert cell(verify, first, 3) == "revocation: revoked"
    verify.table.selectRow(first)
    assert checks_shown(verify)["revocation"] == "FAILED"
    assert checks_shown(verify)["proof"] == "ok"
    assert cell(verify, row_named(verify, "ana-lima_FAP-2.json"), 1) == "Valid"

    # Revoked with no export folder: the message says the hosting files need updating,
    # and Update hosting files does it.
    assert revoke.select_submission("FAP-2")
    revoke.reason.setText("Duplicate of an earlier award.")
    revoke.out.clear()
    revoke.revoke_button.click()
    answer_question(qtbot, revoke, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not revoke.busy() and revoke.message.kind == "note", timeout=WAIT)
    loaded(revoke)
    assert "does not show it yet" in revoke.message.text()
    assert "Update hosting files" in revoke.message.text()
    revoke.out.setText(str(out))
    revoke.passphrase.setText(PASSPHRASE)
    revoke.refresh_button.click()
    qtbot.waitUntil(
        lambda: not revoke.busy() and "up to date" in revoke.message.text(), timeout=WAIT
    )
    verify.verify_button.click()
    qtbot.waitUntil(
        lambda: verify.summary.text() == "3 checked: 0 valid, 3 NOT VALID.", timeout=WAIT
    )
    revoke.show_revoked.setChecked(True)
    loaded(revoke)
    assert [r.revoked != "" for r in revoke.shown] == [True, True]

    # A dropped export folder brings its credentials (baked badges too) and its hosting.
    verify.clear()
    verify.hosting.clear()
    drop_files(verify, [out])
    assert verify.hosting.text() == str(out / "hosting")
    qtbot.waitUntil(
        lambda: verify.summary.text() == "4 checked: 0 valid, 4 NOT VALID.", timeout=WAIT
    )
    badge = row_named(verify, "ana-lima_FAP-2.png")
    assert cell(verify, badge, 2) == "Open Badges 3.0, baked in a PNG image"
    assert cell(verify, badge, 3) == "revocation: revoked"
    verify.close()
    revoke.close()


def test_closing_the_window_mid_export_stops_the_work_first(
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
    loaded(export)
    assert isinstance(export, ExportDialog)
    export.out.setText(str(tmp_path / "export"))
    export.passphrase.setText(PASSPHRASE)
    export.export_button.click()
    export.reject()  # Escape while it runs: cancels, and the dialog stays to say so
    assert export.isVisible()
    qtbot.waitUntil(lambda: not export.busy(), timeout=WAIT)
    assert export.message.text() == CANCELLED
    export.export_button.click()
    assert export.busy()
    window.close()  # the thread is cancelled and waited for, never left running
    assert not export.busy()
    assert not (tmp_path / "export" / "manifest.json").exists()


def test_with_no_issuer_and_nothing_passed_the_export_says_so(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    win = open_window(reviewed_folder, qtbot, tmp_path)
    win.export_action.trigger()
    export = win.export_dialog
    loaded(export)
    assert isinstance(export, ExportDialog)
    assert export.waiting_label.text().startswith("Nothing to export")
    assert "no issuer" in export.message.text()
    assert not export.export_button.isEnabled()
    assert not export.waiting.isVisibleTo(export)
    win.revoke_action.trigger()
    revoke = win.revoke_dialog
    loaded(revoke)
    assert isinstance(revoke, RevokeDialog)
    assert "No credential to revoke" in revoke.empty.text()
    assert not revoke.revoke_button.isEnabled()
    export.close()
    revoke.close()
    win.close()


def test_the_credentials_menu_sits_between_review_and_view(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    # The work menus in the order of the work: review, issue, then the team's.
    assert titles == ["&File", "&Review", "&Credentials", "&Team", "&View", "&Help"]
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    window.show_help()
    table = window.help_sheet.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Export credentials"] == "Ctrl+E"
