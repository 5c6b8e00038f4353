"""Issuers and their signing keys: list them, make a new one, rotate its keys.

Making or opening a key runs Argon2id on the passphrase (about half a second per key),
so creating and rotating run off the GUI thread behind a busy indicator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.credentials.queries import IssuerRow, issuer_rows
from reviewer_app.errors import UserError
from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.credentials.common import (
    KIND_WORDS,
    MessageStrip,
    TaskDialog,
    kind_name,
    passphrase_field,
)
from reviewer_app.ui.dates import shown_date
from reviewer_app.ui.enter_button import enter_presses
from reviewer_app.ui.loading import Loader, loading_text
from reviewer_app.ui.window_modal import pick_file

if TYPE_CHECKING:
    from collections.abc import Callable

    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate

ISSUER_ID = Qt.ItemDataRole.UserRole


def _busy_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # no measure of Argon2's progress: a busy indicator
    bar.setAccessibleName(name)
    bar.setTextVisible(False)
    bar.hide()
    return bar


class IssuersDialog(QDialog):
    """The folder's issuers, each with its addresses, identifier and keys (read off the
    GUI thread once the dialog shows; "Loading…" in the list if that takes a while)."""

    def __init__(self, folder: DataFolder, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.actor = actor
        self.setWindowTitle(self.tr("Issuers and keys"))
        self.new_issuer_dialog: NewIssuerDialog | None = None
        self.rotate_dialog: RotateKeysDialog | None = None
        self.rows: list[IssuerRow] = []
        self.loader = Loader(self)
        self.loader.waiting.connect(self._show_loading)

        intro = QLabel(
            self.tr(
                "An issuer signs the credentials you export. Each has two signing keys, "
                "kept in this data folder and locked with the issuer's passphrase."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Issuers and their keys"))
        self.tree.setAccessibleDescription(
            self.tr(
                "One issuer a branch, with its addresses and keys below it; arrow keys move, "
                "Right opens a branch"
            )
        )
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Issuer or key"), self.tr("Details"), self.tr("Created"), self.tr("Retired")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.message = MessageStrip(self.tr("About the issuers"), self)

        self.new_button = QPushButton(self.tr("&New issuer…"))
        self.new_button.setAccessibleName(self.tr("Make a new issuer"))
        self.new_button.setToolTip(
            self.tr("Opens a form for the issuer's name and addresses, and makes its two keys")
        )
        self.new_button.clicked.connect(self.new_issuer)
        self.rotate_button = QPushButton(self.tr("&Rotate keys…"))
        self.rotate_button.setAccessibleName(self.tr("Rotate the selected issuer's keys"))
        self.rotate_button.setToolTip(
            self.tr("Retires a key in use and makes a new one; asks for the issuer's passphrase")
        )
        self.rotate_button.clicked.connect(self.rotate_keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes the issuers and keys (Esc)"))
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.rotate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.resize(860, 460)
        self.reload()

    def is_loading(self) -> bool:
        return self.loader.is_loading()

    def reload(self, select: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Reads the issuers off the GUI thread, shows them with `select` (or the one
        chosen now) chosen, then calls `then`."""
        folder = self.folder

        def read() -> list[IssuerRow]:
            return issuer_rows(folder, logos=True)

        def show(rows: list[IssuerRow]) -> None:
            self._show_rows(rows, select)
            if then is not None:
                then()

        self.loader.load(read, show)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.tree.clear()
            placeholder = QTreeWidgetItem([loading_text(), "", "", ""])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(placeholder)

    def _show_rows(self, rows: list[IssuerRow], select: int | None) -> None:
        self.rows = rows
        keep = select if select is not None else self.selected_issuer()
        self.tree.clear()
        items = [self._issuer_item(row) for row in self.rows]
        self.tree.addTopLevelItems(items)
        self.tree.expandAll()
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        target = keep if keep is not None else (self.rows[0].id if self.rows else None)
        for row, item in zip(self.rows, items, strict=True):
            if row.id == target:
                self.tree.setCurrentItem(item)
        if self.rows:
            self.message.clear()
        else:
            self.message.note(
                self.tr(
                    "There is no issuer in this data folder yet. Make one with New issuer… "
                    "before exporting credentials."
                )
            )
        self._update_buttons()

    def _issuer_item(self, row: IssuerRow) -> QTreeWidgetItem:
        title = (
            self.tr("{name} (the default issuer)").format(name=row.name)
            if row.is_default
            else row.name
        )
        method = "did:web" if row.did_method == "web" else "did:key"
        item = QTreeWidgetItem(
            [title, self.tr("Identifier: {method}").format(method=method), "", ""]
        )
        details = [
            (self.tr("Web address"), row.url),
            (self.tr("Hosting address"), row.base_url),
            (self.tr("Email"), row.email or self.tr("none given")),
            (self.tr("Logo"), row.logo or self.tr("none")),
            (self.tr("Identifier (DID)"), row.did),
        ]
        children = [QTreeWidgetItem(item, [label, value, "", ""]) for label, value in details]
        for key in row.keys:
            retired = shown_date(key.retired)
            state = (
                self.tr("retired {date}").format(date=retired) if key.retired else self.tr("in use")
            )
            words = [
                self.tr("Key {id}").format(id=key.key_id),
                self.tr("{kind}, {state}").format(kind=kind_name(key.kind), state=state),
                shown_date(key.created),
                retired or self.tr("in use"),
            ]
            children.append(QTreeWidgetItem(item, words))
        for child in [item, *children]:
            child.setData(0, ISSUER_ID, row.id)
            child.setToolTip(1, child.text(1))
        return item

    def selected_issuer(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, ISSUER_ID)
        return int(value) if value is not None else None

    def _update_buttons(self) -> None:
        self.rotate_button.setEnabled(self.selected_issuer() is not None)

    def new_issuer(self) -> None:
        self.new_issuer_dialog = NewIssuerDialog(self.folder, self.actor, self)
        self.new_issuer_dialog.created.connect(self._on_created)
        self.new_issuer_dialog.open()

    def _on_created(self, issuer_id: int) -> None:
        self.reload(select=issuer_id, then=lambda: self._say_created(issuer_id))

    def _say_created(self, issuer_id: int) -> None:
        name = next((r.name for r in self.rows if r.id == issuer_id), None)
        if name is None:
            text = self.tr(
                "The issuer is ready to sign. Keep its passphrase safe: it cannot be recovered."
            )
        else:
            text = self.tr(
                "{name} is ready to sign. Keep its passphrase safe: it cannot be recovered."
            ).format(name=name)
        self.message.note(text)

    def rotate_keys(self) -> None:
        issuer_id = self.selected_issuer()
        row = next((r for r in self.rows if r.id == issuer_id), None)
        if row is None:
            return
        self.rotate_dialog = RotateKeysDialog(self.folder, self.actor, row, self)
        self.rotate_dialog.rotated.connect(self._on_rotated)
        self.rotate_dialog.open()

    def _on_rotated(self, issuer_id: int, key_id: str) -> None:
        text = self.tr(
            "New key {id} made; the old one is retired but stays published, so what "
            "it signed still verifies. Export again or update your export's hosting "
            "files, then publish them."
        ).format(id=key_id)
        self.reload(select=issuer_id, then=lambda: self.message.note(text))


class NewIssuerDialog(TaskDialog):
    """The form for a new issuer; creating it makes and locks its two keys."""

    created = Signal(int)

    def __init__(self, folder: DataFolder, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.actor = actor
        self.setWindowTitle(self.tr("New issuer"))
        self._hosting_edited = False

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Issuer name"))
        self.name.setToolTip(self.tr("Shown in every credential as the one who awards it"))
        self.name.setPlaceholderText(self.tr("as earners and verifiers will see it"))
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Issuer web address"))
        self.url.setToolTip(self.tr("The issuer's home page, starting with https://"))
        self.url.setPlaceholderText(self.tr("https://"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Issuer email (optional)"))
        self.email.setToolTip(
            self.tr("A contact address in the issuer's profile; needed for Open Badges 2.0")
        )
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("Issuer description (optional)"))
        self.description.setAccessibleDescription(
            self.tr("A few words about the issuer, published in its profile")
        )
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.hosting = QLineEdit()
        self.hosting.setAccessibleName(self.tr("Hosting address"))
        self.hosting.setPlaceholderText(self.tr("the web address, unless you publish elsewhere"))
        hosting_help = QLabel(
            self.tr(
                "Where the export's hosting folder will be published: verifiers read the "
                "issuer's keys and revocation list there."
            )
        )
        hosting_help.setWordWrap(True)
        self.hosting.setAccessibleDescription(hosting_help.text())
        self.logo = QLineEdit()
        self.logo.setAccessibleName(self.tr("Issuer logo file (optional)"))
        self.logo.setToolTip(
            self.tr("The path of a PNG or SVG image, published with the issuer's profile")
        )
        self.logo.setPlaceholderText(self.tr("optional: a PNG or SVG file"))
        self.logo.setClearButtonEnabled(True)
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_button.setAccessibleName(self.tr("Choose the issuer logo file"))
        self.logo_button.setToolTip(self.tr("Opens a file picker for PNG and SVG images"))
        self.logo_button.setAutoDefault(False)
        self.logo_button.clicked.connect(self.choose_logo)
        logo_label = QLabel(self.tr("&Logo:"))
        logo_label.setBuddy(self.logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.logo_button)
        self.did_kind = QComboBox()
        self.did_kind.setAccessibleName(self.tr("Identifier kind"))
        self.did_kind.setToolTip(
            self.tr(
                "How verifiers find the issuer's keys: in the identifier itself, or on a web server"
            )
        )
        self.did_kind.addItem(self.tr("did:key: works with no web server (recommended)"), "key")
        self.did_kind.addItem(self.tr("did:web: tied to the hosting address's domain"), "web")
        self.passphrase = passphrase_field(self.tr("Passphrase"))
        self.confirm = passphrase_field(self.tr("Passphrase again"))
        self.passphrase.setToolTip(
            self.tr("Locks the issuer's signing keys; it cannot be recovered if lost")
        )
        self.confirm.setToolTip(self.tr("The same passphrase, to catch a typing mistake"))
        self.warning = MessageStrip(self.tr("Passphrase warning"), self)
        self.warning.warning(
            self.tr(
                "Write the passphrase down somewhere safe. If it is lost it cannot be "
                "recovered, and no more credentials can be signed with these keys."
            )
        )
        self.message = MessageStrip(self.tr("Problem with the new issuer"), self)
        self.busy_bar = _busy_bar(self.tr("Making the signing keys"))
        self.busy_label = QLabel(
            self.tr("Making and locking the signing keys; this takes a few seconds.")
        )
        self.busy_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Web address:"), self.url)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(logo_label, logo_row)
        form.addRow(self.tr("&Hosting address:"), self.hosting)
        form.addRow(hosting_help)
        form.addRow(self.tr("&Identifier:"), self.did_kind)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Confirm passphrase:"), self.confirm)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = QPushButton(self.tr("Create issuer"))
        self.create_button.setAccessibleName(self.tr("Create the issuer"))
        self.create_button.setToolTip(
            self.tr("Makes and locks the issuer's two signing keys; takes a few seconds (Enter)")
        )
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Closes this form without making an issuer (Esc)"))
        self.create_button.clicked.connect(self.create_issuer)
        self.buttons.rejected.connect(self.reject)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addLayout(busy)
        layout.addWidget(self.buttons)
        # The hosting address follows the web address until the person types their own.
        self.hosting.textEdited.connect(self._on_hosting_edited)
        self.url.textChanged.connect(self._follow_url)
        self.setMinimumWidth(620)
        enter_presses(self, self.create_button)

    def _on_hosting_edited(self, text: str) -> None:
        self._hosting_edited = bool(text)

    def _follow_url(self, text: str) -> None:
        if not self._hosting_edited:
            self.hosting.setText(text.strip())

    def choose_logo(self) -> None:
        def chosen(paths: list[Path]) -> None:
            if paths:
                self.logo.setText(str(paths[0]))

        pick_file(
            self,
            self.tr("The issuer's logo"),
            self.tr("Images (*.png *.svg)"),
            chosen,
            where=self.logo.text(),
        )

    def _refuse(self, text: str, field: QWidget) -> None:
        self.message.error(text)
        field.setFocus()

    def create_issuer(self) -> None:
        name, url = self.name.text().strip(), self.url.text().strip()
        passphrase = self.passphrase.text()
        if not name:
            return self._refuse(self.tr("Give the issuer a name."), self.name)
        if not url.startswith("https://"):
            return self._refuse(
                self.tr("The web address must start with https://, as in https://example.org."),
                self.url,
            )
        if not passphrase:
            return self._refuse(
                self.tr("Choose a passphrase: it locks the signing keys."), self.passphrase
            )
        if passphrase != self.confirm.text():
            self.confirm.clear()
            return self._refuse(
                self.tr("The two passphrases are not the same. Type the passphrase again below."),
                self.confirm,
            )
        self.message.clear()
        folder, actor = self.folder, self.actor
        values: dict[str, Any] = {
            "name": name,
            "url": url,
            "email": self.email.text(),
            "description": self.description.toPlainText(),
            "base_url": self.hosting.text().strip() or None,
            "did_method": self.did_kind.currentData(),
            "passphrase": passphrase,
        }
        logo = Path(self.logo.text().strip()).expanduser() if self.logo.text().strip() else None

        def work(_cancel: CancelToken, _progress: Callable[[ProgressReport], None]) -> int:
            from reviewer_app.credentials.issuers import create_issuer

            image = None
            if logo is not None:
                try:
                    image = logo.read_bytes()
                except OSError as e:
                    raise UserError(
                        translate(
                            "NewIssuerDialog", "Cannot read the logo {path}: {error}."
                        ).format(path=logo, error=e.strerror)
                    ) from None
            return create_issuer(folder, actor=actor, image=image, **values)

        self._set_busy(True)
        self.run(work, self._on_finished, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox)):
                widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy)
        self.logo_button.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _on_finished(self, issuer_id: object) -> None:
        self._set_busy(False)
        if isinstance(issuer_id, int):
            self.created.emit(issuer_id)
            self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self.message.error(message)
        if "image" in message or "logo" in message:
            self.logo.setFocus()
        elif "hosting address" in message:
            self.hosting.setFocus()
        elif "web address" in message:
            self.url.setFocus()
        elif "passphrase" in message:
            self.passphrase.setFocus()
        else:
            self.name.setFocus()

    def work_cancelled_by_closing(self) -> None:
        # Making keys cannot be stopped half-way (and takes seconds): say so, then wait.
        self.message.note(self.tr("The keys are being made; this window closes itself when done."))


class RotateKeysDialog(TaskDialog):
    """Retires one of the issuer's keys and makes a new one; needs the passphrase."""

    rotated = Signal(int, str)

    def __init__(
        self, folder: DataFolder, actor: str, issuer: IssuerRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.actor = actor
        self.issuer = issuer
        self.setWindowTitle(self.tr("Rotate keys of {name}").format(name=issuer.name))
        intro = QLabel(
            self.tr(
                "Rotating retires the key in use and makes a new one. The retired key stays "
                "published, so every credential it signed still verifies. Rotate a key when "
                "it may have been seen by someone who should not have it."
            )
        )
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Which key to rotate"))
        self.kind.setToolTip(self.tr("Each kind of key signs a different credential format"))
        for kind in KIND_WORDS:
            self.kind.addItem(kind_name(kind), kind)
        self.did_note = QLabel()
        self.did_note.setWordWrap(True)
        self.passphrase = passphrase_field(self.tr("Passphrase of the issuer"))
        self.passphrase.setToolTip(
            self.tr("Unlocks the issuer's keys; the new key is locked with it")
        )
        self.message = MessageStrip(self.tr("Problem rotating the key"), self)
        self.busy_bar = _busy_bar(self.tr("Rotating the key"))
        form = QFormLayout()
        form.addRow(self.tr("&Key:"), self.kind)
        form.addRow(self.did_note)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Closes this window without rotating any key (Esc)"))
        self.rotate_button = QPushButton(self.tr("Rotate key"))
        self.rotate_button.setAccessibleName(self.tr("Rotate the key"))
        self.rotate_button.setToolTip(
            self.tr("Retires the chosen key and makes a new one; it cannot be undone (Enter)")
        )
        self.buttons.addButton(self.rotate_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.rotate_button.clicked.connect(self.rotate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._update_note())
        self._update_note()
        self.setMinimumWidth(560)
        enter_presses(self, self.rotate_button)

    def _update_note(self) -> None:
        changes_did = self.kind.currentData() == "ed25519" and self.issuer.did_method == "key"
        self.did_note.setText(
            self.tr(
                "This issuer's identifier is made from its Ed25519 key: a new key gives it a "
                "new did:key identifier for the credentials signed from now on."
            )
            if changes_did
            else ""
        )
        self.did_note.setVisible(changes_did)

    def rotate(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.error(
                self.tr("Type the issuer's passphrase: it proves the keys are yours.")
            )
            self.passphrase.setFocus()
            return
        self.message.clear()
        folder, actor, issuer_id = self.folder, self.actor, self.issuer.id
        kind = self.kind.currentData()

        def work(_cancel: CancelToken, _progress: Callable[[ProgressReport], None]) -> str:
            from reviewer_app.credentials.issuers import rotate_key

            return rotate_key(folder, issuer_id, kind, passphrase, actor)

        self._set_busy(True)
        self.run(work, self._on_finished, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.kind, self.passphrase, self.rotate_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def _on_finished(self, key_id: object) -> None:
        self._set_busy(False)
        self.rotated.emit(self.issuer.id, str(key_id))
        self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self.message.error(self.tr("{message} Nothing was changed.").format(message=message))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def work_cancelled_by_closing(self) -> None:
        self.message.note(
            self.tr("The new key is being made; this window closes itself when done.")
        )
