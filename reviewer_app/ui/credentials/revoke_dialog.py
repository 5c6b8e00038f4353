"""Revoke a credential: pick an issued one, say why, confirm, and (with the export
folder and passphrase) bring its hosting files up to date at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.credentials.queries import IssuedRow, issued_rows, issuers_and_last_export
from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.credentials.common import (
    MessageStrip,
    TaskDialog,
    folder_field,
    format_name,
    passphrase_field,
)
from reviewer_app.ui.dates import shown_date
from reviewer_app.ui.enter_button import enter_presses
from reviewer_app.ui.loading import Loader, busy_loaders, loading_text, rows_arrived
from reviewer_app.ui.window_modal import confirm
from reviewer_app.vocabulary import CredentialFormat

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate

# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the cast.
COLUMNS = cast(
    list[str],
    [
        QT_TRANSLATE_NOOP("RevokeDialog", "Submission"),
        QT_TRANSLATE_NOOP("RevokeDialog", "Earner"),
        QT_TRANSLATE_NOOP("RevokeDialog", "Micro-credential"),
        QT_TRANSLATE_NOOP("RevokeDialog", "Issued"),
        QT_TRANSLATE_NOOP("RevokeDialog", "Format"),
        QT_TRANSLATE_NOOP("RevokeDialog", "Status"),
    ],
)


@dataclass(frozen=True)
class Refused:
    message: str


@dataclass(frozen=True)
class Revoked:
    row: IssuedRow | None  # None: only the hosting files were brought up to date
    hosting_updated: bool


def revoke_work(
    folder: DataFolder,
    row: IssuedRow,
    reason: str,
    *,
    actor: str,
    out: Path | None,
    passphrase: str | None,
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], Revoked | Refused]:
    def work(
        _cancel: CancelToken, _progress: Callable[[ProgressReport], None]
    ) -> Revoked | Refused:
        from reviewer_app.credentials.keys import WrongPassphrase
        from reviewer_app.credentials.revoke import check_passphrase, revoke

        try:
            if out is not None and passphrase is not None:
                check_passphrase(folder, row.issuer_id, passphrase)
            revoke(
                folder,
                row.submission_id,
                reason,
                actor=actor,
                fmt=row.format,
                out=out,
                passphrase=passphrase,
            )
        except WrongPassphrase as e:
            return Refused(
                translate("RevokeDialog", "{message} Nothing was revoked.").format(message=e)
            )
        return Revoked(row, hosting_updated=out is not None)

    return work


def refresh_work(
    folder: DataFolder, out: Path, passphrase: str, issuer_id: int | None, fmt: CredentialFormat
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], Revoked | Refused]:
    def work(
        _cancel: CancelToken, _progress: Callable[[ProgressReport], None]
    ) -> Revoked | Refused:
        from reviewer_app.credentials.export import refresh_hosting
        from reviewer_app.credentials.keys import WrongPassphrase

        try:
            refresh_hosting(folder, out, passphrase=passphrase, issuer_id=issuer_id, fmt=fmt)
        except WrongPassphrase as e:
            return Refused(str(e))
        return Revoked(None, hosting_updated=True)

    return work


class RevokeDialog(TaskDialog):
    def __init__(self, folder: DataFolder, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.actor = actor
        self.rows: list[IssuedRow] = []
        self.shown: list[IssuedRow] = []
        self.setWindowTitle(self.tr("Revoke a credential"))

        intro = QLabel(
            self.tr(
                "Revoking tells anyone who checks the credential that it no longer holds. "
                "It cannot be undone."
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setAccessibleName(
            self.tr("Find a credential by submission, earner or micro-credential")
        )
        self.search.setPlaceholderText(self.tr("Find by submission, earner or micro-credential"))
        self.search.setToolTip(self.tr("Narrows the list of issued credentials as you type"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill_table())
        self.show_revoked = QCheckBox(self.tr("Show revoked credentials too"))
        self.show_revoked.setAccessibleName(self.tr("Show revoked credentials too"))
        self.show_revoked.setToolTip(
            self.tr("Lists the credentials already revoked as well, with their status")
        )
        self.show_revoked.toggled.connect(lambda _on: self.reload())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Issued credentials"))
        self.table.setAccessibleDescription(
            self.tr("One credential a row; Up and Down choose the one to revoke")
        )
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setWordWrap(True)

        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for revoking"))
        self.reason.setToolTip(
            self.tr(
                "Why it no longer holds; kept in the audit trail, and published for Open Badges 2.0"
            )
        )
        self.reason.setPlaceholderText(
            self.tr("required: kept in the audit trail (and published, for Open Badges 2.0)")
        )
        self.out, self.choose_button, out_label, out_row = folder_field(
            self,
            self.tr("Export folder"),
            self.tr("Export folder to update"),
            self.tr("&Export folder:"),
            self.tr("optional"),
            choose_name=self.tr("Choose the export folder"),
        )
        out_help = QLabel(
            self.tr(
                "An export folder whose hosting files to update now. Signing the new "
                "revocation list needs the issuer's passphrase."
            )
        )
        out_help.setWordWrap(True)
        self.out.setAccessibleDescription(out_help.text())
        self.passphrase = passphrase_field(self.tr("Passphrase of the issuer"))
        self.passphrase.setPlaceholderText(self.tr("needed with an export folder"))
        self.passphrase.setToolTip(
            self.tr("Unlocks the issuer's keys to sign the new revocation list")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(out_label, out_row)
        form.addRow(out_help)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)

        self.message = MessageStrip(self.tr("Revocation message"), self)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(self.tr("Revoking"))
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected credential"))
        self.revoke_button.setToolTip(
            self.tr("Asks you to confirm, then revokes for good; it cannot be undone (Enter)")
        )
        self.revoke_button.clicked.connect(self.confirm_and_revoke)
        self.refresh_button = QPushButton(self.tr("&Update hosting files"))
        self.refresh_button.setAccessibleName(
            self.tr("Update the export folder's hosting files only")
        )
        self.refresh_button.setToolTip(
            self.tr("Signs the revocation list into the export folder again, revoking nothing")
        )
        self.refresh_button.clicked.connect(self.update_hosting)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes this window (Esc)"))
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.show_revoked)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_bar)
        layout.addWidget(buttons)
        enter_presses(self, self.revoke_button)  # it asks before doing anything

        self.base_urls: dict[int, str] = {}
        self.loader = Loader(self)
        self.loader.waiting.connect(self._show_loading)
        self.folder_loader = Loader(self)
        self.empty.hide()
        self._read_folder()
        self.reload()
        self.resize(860, 560)

    # The list -----------------------------------------------------------------------------

    def is_loading(self) -> bool:
        return bool(busy_loaders(self))

    def _read_folder(self) -> None:
        """The last export folder and the issuers' hosting addresses, off the GUI thread."""
        folder = self.folder

        def read() -> tuple[str | None, dict[int, str]]:
            issuers, last = issuers_and_last_export(folder)
            return last, {r.id: r.base_url for r in issuers}

        def show(found: tuple[str | None, dict[int, str]]) -> None:
            last, self.base_urls = found
            if last and not self.out.text():
                self.out.setText(last)

        self.folder_loader.load(read, show)

    def reload(self) -> None:
        """The issued credentials, read off the GUI thread; the newest request wins."""
        folder, revoked = self.folder, self.show_revoked.isChecked()

        def read() -> list[IssuedRow]:
            return issued_rows(folder, include_revoked=revoked)

        self.loader.load(read, self._show_rows)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.empty.setText(loading_text())
            self.empty.show()

    def _show_rows(self, rows: list[IssuedRow]) -> None:
        self.rows = rows
        self._fill_table()

    def shown_rows(self) -> list[IssuedRow]:
        words = self.search.text().strip().lower()
        if not words:
            return self.rows
        return [
            r for r in self.rows if words in f"{r.submission_id} {r.earner} {r.credential}".lower()
        ]

    def _fill_table(self) -> None:
        if self.loader.is_loading() and not self.rows:
            return  # nothing read yet: the list fills when its rows arrive
        selected = self.selected()
        shown = self.shown_rows()
        self.table.setRowCount(len(shown))
        for n, row in enumerate(shown):
            if row.revoked:
                status = self.tr("revoked on {date}").format(date=shown_date(row.revoked))
            elif row.exported:
                status = self.tr("in force")
            else:
                status = self.tr("in force, not exported yet")
            cells = [
                row.submission_id,
                row.earner,
                self.credential_name(row),
                shown_date(row.issued),
                format_name(row.format),
                status,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        self.shown = shown
        if selected in shown:
            self.table.selectRow(shown.index(selected))
        rows_arrived(self.table)
        if not self.rows:
            self.empty.setText(
                self.tr(
                    "No credential to revoke: none has been issued from this data folder yet, "
                    "or every one is revoked."
                )
            )
        elif not shown:
            self.empty.setText(self.tr("No credential matches what you typed."))
        self.empty.setVisible(not shown)
        self._update_buttons()

    def credential_name(self, row: IssuedRow) -> str:
        return row.credential or self.tr("unknown")

    def selected(self) -> IssuedRow | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select_submission(self, submission_id: str) -> bool:
        for n, row in enumerate(self.shown):
            if row.submission_id == submission_id:
                self.table.selectRow(n)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        busy = self.busy()
        self.revoke_button.setEnabled(row is not None and not row.revoked and not busy)
        self.refresh_button.setEnabled(not busy)

    # Revoking -----------------------------------------------------------------------------

    def _export_folder(self) -> tuple[bool, Path | None]:
        """The export folder to update (None: none given); False when it cannot be used."""
        text = self.out.text().strip()
        if not text:
            return True, None
        out = Path(text).expanduser()
        if not (out / "hosting").is_dir():
            self.message.error(
                self.tr(
                    "{path} is not an export folder: it has no hosting folder. Choose the "
                    "folder you exported into, or leave the field empty."
                ).format(path=out)
            )
            self.out.setFocus()
            return False, None
        if not self.passphrase.text():
            self.message.error(
                self.tr(
                    "Type the issuer's passphrase: the updated revocation list is signed with it."
                )
            )
            self.passphrase.setFocus()
            return False, None
        return True, out

    def confirm_and_revoke(self) -> None:
        row = self.selected()
        if row is None or self.busy():
            self.message.error(self.tr("Select the credential to revoke in the list."))
            self.table.setFocus()
            return
        if row.revoked:
            self.message.error(
                self.tr("The credential for {submission} is already revoked.").format(
                    submission=row.submission_id
                )
            )
            return
        reason = self.reason.text().strip()
        if not reason:
            self.message.error(
                self.tr("Say why the credential is revoked: the reason is kept in the audit trail.")
            )
            self.reason.setFocus()
            return
        usable, out = self._export_folder()
        if not usable:
            return
        confirm(
            self,
            self.tr("Revoke a credential"),
            self.tr(
                "Revoke the {credential} credential of {earner} ({submission})?\n\n"
                "This cannot be undone: anyone who checks it will be told it is revoked."
            ).format(
                credential=self.credential_name(row),
                earner=row.earner,
                submission=row.submission_id,
            ),
            lambda: self._revoke(row, reason, out),
        )

    def _revoke(self, row: IssuedRow, reason: str, out: Path | None) -> None:
        """After a Yes to the question: the revocation, as an operation."""
        if self.busy():
            return
        work = revoke_work(
            self.folder,
            row,
            reason,
            actor=self.actor,
            out=out,
            passphrase=self.passphrase.text() if out else None,
        )
        self._start(work)

    def update_hosting(self) -> None:
        if not self.out.text().strip():
            self.message.error(self.tr("Choose the export folder whose hosting files to update."))
            self.out.setFocus()
            return
        usable, out = self._export_folder()
        if not usable or out is None:
            return
        row = self.selected()
        self._start(
            refresh_work(
                self.folder,
                out,
                self.passphrase.text(),
                row.issuer_id if row else None,
                row.format if row else CredentialFormat.OB3,
            )
        )

    def _start(
        self, work: Callable[[CancelToken, Callable[[ProgressReport], None]], object]
    ) -> None:
        self.message.clear()
        self.busy_bar.show()
        self.run(work, self._on_finished, self._on_failed)
        self._update_buttons()

    def work_cancelled_by_closing(self) -> None:
        self.message.note(
            self.tr("Revoking; this takes a moment. Close the window when it is done.")
        )

    def _on_finished(self, outcome: object) -> None:
        self.busy_bar.hide()
        if isinstance(outcome, Refused):
            self.message.error(outcome.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif isinstance(outcome, Revoked):
            self.message.note(self._outcome_text(outcome))
            if outcome.row is not None:
                self.reason.clear()
            self.passphrase.clear()
            self.reload()
        self._update_buttons()

    def _outcome_text(self, outcome: Revoked) -> str:
        out = self.out.text().strip()
        row = outcome.row
        where = self.base_urls.get(row.issuer_id or -1) if row else None
        publish = (
            self.tr("publish its hosting folder again at {address}").format(address=where)
            if where
            else self.tr("publish its hosting folder again")
        )
        if row is None:
            return self.tr("The hosting files in {folder} are up to date: {publish}.").format(
                folder=out, publish=publish
            )
        said = self.tr("The credential for {submission} ({earner}) is revoked.").format(
            submission=row.submission_id, earner=row.earner
        )
        if outcome.hosting_updated:
            then = self.tr(
                "{revoked} The hosting files in {folder} are updated: {publish} so that "
                "verifiers see the revocation."
            )
        else:
            then = self.tr(
                "{revoked} The published revocation list does not show it yet: choose your "
                "export folder, type the passphrase and press Update hosting files, then "
                "{publish}."
            )
        return then.format(revoked=said, folder=out, publish=publish)

    def _on_failed(self, message: str, _details: str) -> None:
        self.busy_bar.hide()
        self.reload()  # a revocation may be recorded even if updating the files failed
        self.message.error(message)
