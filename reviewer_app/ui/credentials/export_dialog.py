"""Export credentials: sign the passing decisions that are waiting and write the export
folder, in the background, with progress, Cancel and a summary of what to do next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.credentials.queries import (
    IssuerRow,
    default_issuer_id,
    issuers_and_last_export,
    waiting_by_credential,
)
from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.credentials.common import (
    MessageStrip,
    TaskDialog,
    folder_field,
    format_name,
    passphrase_field,
)
from reviewer_app.ui.enter_button import enter_presses
from reviewer_app.ui.loading import Loader, contents_arrived, loading_text, rows_arrived
from reviewer_app.vocabulary import OB3_PROOFS, CredentialFormat, Proof

if TYPE_CHECKING:
    from reviewer_app.credentials.export import ExportResult
    from reviewer_app.storage.datafolder import DataFolder

# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the casts.
PROOF_WORDS = cast(
    dict[str, str],
    {
        Proof.DATA_INTEGRITY: QT_TRANSLATE_NOOP(
            "ExportDialog", "Data Integrity (eddsa-rdfc-2022): taken by most wallets"
        ),
        Proof.JWT: QT_TRANSLATE_NOOP(
            "ExportDialog", "VC-JWT: for verifiers that ask for JSON Web Tokens"
        ),
    },
)
CANCELLED = cast(
    str,
    QT_TRANSLATE_NOOP(
        "ExportDialog",
        "Export cancelled. Every credential signed so far is kept in the data folder, and no "
        "file in the export folder is half-written. Export again into the same folder to "
        "finish: nothing is signed twice.",
    ),
)


@dataclass(frozen=True)
class Refused:
    """The passphrase did not open the keys: told in the dialog, not as a failure."""

    message: str


def export_work(
    folder: DataFolder,
    out: Path,
    *,
    passphrase: str,
    actor: str,
    fmt: CredentialFormat,
    proof: Proof,
    issuer_id: int | None,
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], ExportResult | Refused]:
    def work(
        cancel: CancelToken, progress: Callable[[ProgressReport], None]
    ) -> ExportResult | Refused:
        from reviewer_app.credentials.export import export
        from reviewer_app.credentials.keys import WrongPassphrase

        try:
            return export(
                folder,
                out,
                passphrase=passphrase,
                actor=actor,
                fmt=fmt,
                proof=proof,
                issuer_id=issuer_id,
                progress=progress,
                cancel=cancel,
            )
        except WrongPassphrase as e:
            return Refused(str(e))

    return work


class ExportDialog(TaskDialog):
    def __init__(self, folder: DataFolder, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.actor = actor
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("Export credentials"))
        # Read off the GUI thread once the dialog shows (`_fill`, `refresh_waiting`).
        self.issuers: list[IssuerRow] = []
        self.issuers_read = False
        self.waiting_count = 0
        self.issuers_loader = Loader(self)
        self.waiting_loader = Loader(self)
        self.waiting_loader.waiting.connect(self._show_loading)

        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting = QTableWidget(0, 2)
        self.waiting.setAccessibleName(self.tr("Passing decisions waiting to be exported"))
        self.waiting.setAccessibleDescription(
            self.tr("One micro-credential a row, with how many passing decisions wait for it")
        )
        self.waiting.setHorizontalHeaderLabels([self.tr("Micro-credential"), self.tr("Waiting")])
        self.waiting.verticalHeader().hide()
        self.waiting.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waiting.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.waiting.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.waiting.setMaximumHeight(160)

        self.out, self.choose_button, out_label, out_row = folder_field(
            self,
            self.tr("Export folder"),
            self.tr("Export credentials into"),
            self.tr("Export &folder:"),
            self.tr("a folder for the signed files"),
            choose_name=self.tr("Choose the export folder"),
        )
        self.out.setToolTip(
            self.tr("Where the signed credentials, the hosting folder and upload files go")
        )
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Credential format"))
        self.format.setToolTip(
            self.tr("The Open Badges version to sign; the list above counts what waits in it")
        )
        for fmt in CredentialFormat:
            self.format.addItem(format_name(fmt), str(fmt))
        self.proof = QComboBox()
        self.proof.setAccessibleName(self.tr("Proof"))
        self.proof.setToolTip(
            self.tr("How Open Badges 3.0 credentials are signed; 2.0 has one kind only")
        )
        for proof in OB3_PROOFS:
            self.proof.addItem(self.tr(PROOF_WORDS[proof]), str(proof))
        self.proof_note = QLabel(
            self.tr("Open Badges 2.0 credentials are signed assertions (JWS).")
        )
        self.proof_note.setWordWrap(True)
        self.issuer = QComboBox()
        self.issuer.setAccessibleName(self.tr("Issuer"))
        self.issuer.setToolTip(self.tr("The issuer whose keys sign the credentials"))
        self.issuer_label = QLabel()
        self.passphrase = passphrase_field(self.tr("Passphrase of the issuer"))
        self.passphrase.setToolTip(
            self.tr("Unlocks the issuer's signing keys; cleared once the export is done")
        )

        self.form = QFormLayout()
        self.form.addRow(out_label, out_row)
        self.form.addRow(self.tr("F&ormat:"), self.format)
        self.form.addRow(self.tr("&Proof:"), self.proof)
        self.form.addRow(self.proof_note)
        self.form.addRow(self.tr("&Issuer:"), self.issuer)
        self.form.addRow(self.tr("Issuer:"), self.issuer_label)
        self.form.addRow(self.tr("P&assphrase:"), self.passphrase)

        self.message = MessageStrip(self.tr("Export message"), self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("Export progress in words"))
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        self.cancel_button.setToolTip(
            self.tr("Stops the export; every credential signed so far is kept")
        )
        self.cancel_button.clicked.connect(self.cancel_export)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.cancel_button)

        self.summary = QFrame()
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Export summary"))
        self.hosting_label = QLabel()
        self.hosting_label.setWordWrap(True)
        self.hosting_label.setAccessibleName(self.tr("What to publish"))
        self.open_folder_button = QPushButton(self.tr("Open the export folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open the export folder"))
        self.open_folder_button.setToolTip(self.tr("Shows the exported files in your file manager"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_publish_button = QPushButton(self.tr("Open PUBLISH.html"))
        self.open_publish_button.setAccessibleName(
            self.tr("Open PUBLISH.html, the publishing guide")
        )
        self.open_publish_button.setToolTip(
            self.tr("Opens, in your browser, the guide to where each hosting file goes")
        )
        self.open_publish_button.clicked.connect(self.open_publish)
        summary_buttons = QHBoxLayout()
        summary_buttons.addWidget(self.open_folder_button)
        summary_buttons.addWidget(self.open_publish_button)
        summary_buttons.addStretch(1)
        summary_layout = QVBoxLayout(self.summary)
        summary_layout.addWidget(self.summary_label)
        summary_layout.addWidget(self.hosting_label)
        summary_layout.addLayout(summary_buttons)

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Export the credentials"))
        self.export_button.setToolTip(
            self.tr(
                "Signs the passing decisions waiting and writes them to the export folder (Enter)"
            )
        )
        self.export_button.clicked.connect(self.start_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes this window (Esc); during an export, cancels it first"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.waiting, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary)
        layout.addStretch(1)  # extra height goes below, not between the lines of text
        layout.addWidget(buttons)

        self.format.currentIndexChanged.connect(lambda _i: self._on_format())
        self._on_format()
        self._fill()
        self._show_progress(False)
        self.summary.hide()
        self.setMinimumWidth(720)
        enter_presses(self, self.export_button)

    # State ----------------------------------------------------------------------------

    def is_loading(self) -> bool:
        return self.issuers_loader.is_loading() or self.waiting_loader.is_loading()

    def _fill(self) -> None:
        """The issuers and the last export folder, read off the GUI thread."""
        folder = self.folder

        def read() -> tuple[list[IssuerRow], str | None]:
            return issuers_and_last_export(folder)

        self.issuers_loader.load(read, self._show_issuers)

    def _show_issuers(self, found: tuple[list[IssuerRow], str | None]) -> None:
        self.issuers, last = found
        self.issuers_read = True
        if last and not self.out.text():
            self.out.setText(last)
        chosen = default_issuer_id(self.issuers)
        for row in self.issuers:
            self.issuer.addItem(row.name, row.id)
        self.issuer.setCurrentIndex(max(self.issuer.findData(chosen), 0))
        several = len(self.issuers) > 1
        self.form.setRowVisible(self.issuer, several)
        self.form.setRowVisible(self.issuer_label, len(self.issuers) == 1)
        if len(self.issuers) == 1:
            self.issuer_label.setText(self.issuers[0].name)
        self._update_export_button()
        contents_arrived(self)

    def selected_format(self) -> CredentialFormat:
        return CredentialFormat(self.format.currentData())

    def _on_format(self) -> None:
        ob3 = self.selected_format() == CredentialFormat.OB3
        self.proof.setEnabled(ob3)
        self.form.setRowVisible(self.proof_note, not ob3)
        self.refresh_waiting()

    def refresh_waiting(self) -> None:
        """What waits to be exported in the chosen format, read off the GUI thread."""
        folder, fmt = self.folder, self.selected_format()

        def read() -> list[tuple[str, int]]:
            return waiting_by_credential(folder, fmt)

        self.waiting_loader.load(read, lambda counts: self._show_waiting(fmt, counts))

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.waiting_label.setText(loading_text())

    def _show_waiting(self, fmt: str, counts: list[tuple[str, int]]) -> None:
        self.waiting.setRowCount(len(counts))
        for n, (name, count) in enumerate(counts):
            self.waiting.setItem(n, 0, QTableWidgetItem(name))
            self.waiting.setItem(n, 1, QTableWidgetItem(QLocale().toString(count)))
        rows_arrived(self.waiting)
        self.waiting_count = sum(count for _, count in counts)
        words = format_name(fmt)
        if self.waiting_count == 1:
            text = self.tr("1 passing decision is waiting to be exported as {format}.")
        elif self.waiting_count:
            text = self.tr("{n} passing decisions are waiting to be exported as {format}.")
        else:
            text = self.tr(
                "Nothing to export: every passing decision has been exported as {format}."
            )
        self.waiting_label.setText(
            text.format(n=QLocale().toString(self.waiting_count), format=words)
        )
        self.waiting.setVisible(bool(counts))
        self._update_export_button()
        contents_arrived(self)

    def _update_export_button(self) -> None:
        self.export_button.setEnabled(
            bool(self.issuers) and self.waiting_count > 0 and not self.busy()
        )
        if self.issuers_read and not self.issuers:
            self.message.note(
                self.tr(
                    "There is no issuer in this data folder yet: make one in Credentials, "
                    "Issuers and keys, before exporting."
                )
            )

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.out,
            self.choose_button,
            self.format,
            self.issuer,
            self.passphrase,
        ):
            widget.setEnabled(editable)
        self.proof.setEnabled(editable and self.selected_format() == CredentialFormat.OB3)

    def _show_progress(self, visible: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(visible)

    # Export ---------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.busy():
            return
        # Pressed before the reads of what waits arrived: they end first (a thread wait).
        self.issuers_loader.finish()
        self.waiting_loader.finish()
        out_text = self.out.text().strip()
        if not out_text:
            self.message.error(self.tr("Choose the folder to export into."))
            self.out.setFocus()
            return
        out = Path(out_text).expanduser()
        if out.exists() and not out.is_dir():
            self.message.error(
                self.tr("{path} is a file, not a folder. Choose a folder.").format(path=out)
            )
            self.out.setFocus()
            return
        if not self.passphrase.text():
            self.message.error(
                self.tr("Type the issuer's passphrase: it unlocks the signing keys.")
            )
            self.passphrase.setFocus()
            return
        if self.waiting_count == 0:
            self.message.note(self.tr("Nothing to export: there is no passing decision waiting."))
            return
        self.message.clear()
        self.summary.hide()
        work = export_work(
            self.folder,
            out,
            passphrase=self.passphrase.text(),
            actor=self.actor,
            fmt=self.selected_format(),
            # 2.0 has one kind of signature; "data-integrity" is what the command passes.
            proof=Proof(self.proof.currentData())
            if self.selected_format() == CredentialFormat.OB3
            else Proof.DATA_INTEGRITY,
            issuer_id=self.issuer.currentData(),
        )
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Opening the signing keys…"))
        self.cancel_button.setEnabled(True)
        self._show_progress(True)
        self._set_editable(False)
        self.run(work, self._on_finished, self._on_failed, self._on_progress)
        self._update_export_button()

    def cancel_export(self) -> None:
        if self.busy():
            self.cancel_task()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling; what is whole is kept…"))

    def work_cancelled_by_closing(self) -> None:
        self.cancel_export()

    def _on_progress(self, report: ProgressReport) -> None:
        if report.items_total:
            self.progress.setRange(0, report.items_total)
            self.progress.setValue(report.items_done)
        self.progress_label.setText(report.current)

    def _done(self) -> None:
        self._show_progress(False)
        self._set_editable(True)
        self._update_export_button()  # at once, with what waited before; then read again
        self.refresh_waiting()

    def _on_finished(self, result: object) -> None:
        from reviewer_app.credentials.export import ExportResult

        self._done()
        if result is None:
            self.message.warning(self.tr(CANCELLED))
        elif isinstance(result, Refused):
            self.message.error(result.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif isinstance(result, ExportResult):
            self.passphrase.clear()  # signed: no need to keep it on screen any longer
            self.show_summary(result)

    def _on_failed(self, message: str, _details: str) -> None:
        self._done()
        self.message.error(message)

    def show_summary(self, result: ExportResult) -> None:
        self.exported = result
        count = len(result.exported)
        if count == 0:
            self.message.note(self.tr("Nothing to export: there was no passing decision waiting."))
            return
        self.message.clear()
        if count == 1:
            exported = self.tr("Exported 1 credential to {folder}.")
        else:
            exported = self.tr("Exported {n} credentials to {folder}.")
        # The folder as the person named it (the trail keeps it in full).
        folder = self.out.text().strip() or str(result.out)
        self.summary_label.setText(exported.format(n=QLocale().toString(count), folder=folder))
        issuer = next((r for r in self.issuers if r.id == self.issuer.currentData()), None)
        where = issuer.base_url if issuer else self.tr("the issuer's hosting address")
        self.hosting_label.setText(
            self.tr(
                "Before handing them out, publish the hosting folder at {address} "
                "(PUBLISH.html says where each file goes): verifiers read the issuer's keys "
                "and revocation list there. The upload folder holds CSV files for bulk "
                "awarding on Canvas Credentials and Credly."
            ).format(address=where)
        )
        self.summary.show()
        self.open_folder_button.setFocus()

    def open_folder(self) -> None:
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.out)))

    def open_publish(self) -> None:
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.out / "PUBLISH.html")))
