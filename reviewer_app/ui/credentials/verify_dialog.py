"""Verify credentials: check signed files offline, one row per file, every check in words.

Keys, DID documents and status lists published at https addresses come from an optional
hosting folder (laid out like an export's hosting/), then from this data folder's own
issuers; nothing is fetched from the network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.credentials.common import MessageStrip, TaskDialog, folder_field

if TYPE_CHECKING:
    from reviewer_app.credentials.verify import VerifyResult
    from reviewer_app.storage.datafolder import DataFolder

SUFFIXES = (".json", ".jwt", ".jws", ".png", ".svg")
FORMAT_WORDS = {
    "ob3": "Open Badges 3.0",
    "ob3-jwt": "Open Badges 3.0 (VC-JWT)",
    "ob2": "Open Badges 2.0",
    "clr": "CLR 2.0",
    "unknown": "not recognised",
}
CHECK_WORDS = {True: "ok", False: "FAILED", None: "not checked"}


def format_words(fmt: str) -> str:
    kind, _, baked = fmt.partition(" baked in ")
    words = FORMAT_WORDS.get(kind, kind)
    return f"{words}, baked in a {baked} image" if baked else words


def validity(result: VerifyResult) -> str:
    return "Valid" if result.valid else "NOT VALID"


def report_text(results: Sequence[VerifyResult]) -> str:
    """The whole verification as plain text, for pasting into an email or a ticket."""
    valid = sum(r.valid for r in results)
    lines = [
        f"Verification of {len(results)} files: {valid} valid, {len(results) - valid} NOT VALID"
    ]
    width = max(len(w) for w in CHECK_WORDS.values())
    for r in results:
        lines += ["", f"{validity(r)}: {r.file} ({format_words(r.format)})"]
        lines += [f"    {CHECK_WORDS[c.ok]:<{width}}  {c.name}: {c.detail}" for c in r.checks]
    return "\n".join(lines) + "\n"


def credential_files(path: Path) -> list[Path]:
    """A dropped file as it is; a dropped folder's credential files (an export folder's
    credentials/ only, not the hosting files beside them)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    inner = path / "credentials"
    root = inner if inner.is_dir() else path
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def verify_work(
    folder: DataFolder, paths: Sequence[Path], hosting: Path | None
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], list[VerifyResult]]:
    paths = list(paths)  # a copy: the list on screen may grow while this runs

    def work(cancel: CancelToken, progress: Callable[[ProgressReport], None]) -> list[VerifyResult]:
        from reviewer_app.credentials.local_store import store_fetcher
        from reviewer_app.credentials.verify import chain, hosting_fetcher, verify_file

        fetch = chain(hosting_fetcher(hosting) if hosting else None, store_fetcher(folder))
        results = []
        for n, path in enumerate(paths, 1):
            cancel.check()
            results.append(verify_file(path, fetch))
            progress(ProgressReport(n, len(paths), 0, 0, f"Checked {n} of {len(paths)}"))
        return results

    return work


class VerifyDialog(TaskDialog):
    def __init__(self, folder: DataFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.paths: list[Path] = []
        self.results: dict[Path, VerifyResult] = {}
        self._again = False
        self._hosting_used: Path | None = None
        self.setWindowTitle("Verify credentials")
        self.setAcceptDrops(True)

        intro = QLabel(
            "Check signed credentials offline: JSON, JWT or JWS files, and PNG or SVG badges "
            "with a credential baked in. Add files, or drop files or an export folder here."
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton("&Add files…")
        self.add_button.setAccessibleName("Add credential files")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the selected file from the list")
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton("C&lear")
        self.clear_button.setAccessibleName("Clear the list of files")
        self.clear_button.clicked.connect(self.clear)
        for button in (self.add_button, self.remove_button, self.clear_button):
            button.setAutoDefault(False)  # Enter verifies; it never opens a file dialog
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addWidget(self.clear_button)
        file_buttons.addStretch(1)

        self.hosting, self.hosting_button, hosting_label, hosting_row = folder_field(
            self, "Hosting folder", "Hosting folder", "&Hosting folder:", "optional"
        )
        self.hosting.editingFinished.connect(self._on_hosting_changed)
        hosting_help = QLabel(
            "For keys and revocation lists published at https addresses: a folder laid out "
            "like an export's hosting folder. This data folder's own issuers need none."
        )
        hosting_help.setWordWrap(True)
        self.hosting.setAccessibleDescription(hosting_help.text())
        form = QFormLayout()
        form.addRow(hosting_label, hosting_row)
        form.addRow(hosting_help)

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Verification results, one file a row")
        self.table.setHorizontalHeaderLabels(["File", "Result", "Format", "First problem"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_checks(row))

        self.checks_label = QLabel("Select a file to see each check.")
        self.checks_label.setWordWrap(True)
        self.checks = QTableWidget(0, 3)
        self.checks.setAccessibleName("Checks of the selected file")
        self.checks.setHorizontalHeaderLabels(["Check", "Result", "Details"])
        self.checks.verticalHeader().hide()
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks.setWordWrap(True)
        checks_header = self.checks.horizontalHeader()
        checks_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        checks_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        checks_header.setStretchLastSection(True)
        checks_panel = QWidget()
        checks_layout = QVBoxLayout(checks_panel)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(self.checks_label)
        checks_layout.addWidget(self.checks, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(checks_panel)
        splitter.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setAccessibleName("Verification summary")
        self.summary.setWordWrap(True)
        self.message = MessageStrip("Verification message", self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Verification progress")
        self.progress.hide()

        self.verify_button = QPushButton("&Verify again")
        self.verify_button.setAccessibleName("Verify every file again")
        self.verify_button.clicked.connect(self.verify_all)
        self.verify_button.setDefault(True)
        self.copy_button = QPushButton("&Copy report")
        self.copy_button.setAccessibleName("Copy the verification report")
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_buttons)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self._update_buttons()
        self.resize(900, 640)

    # Files ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Add credentials to verify",
            "",
            "Credentials (*.json *.jwt *.jws *.png *.svg);;All files (*)",
        )
        self.add_paths([Path(f) for f in files])

    def add_paths(self, paths: Sequence[Path]) -> None:
        added = False
        for given in paths:
            if given.is_dir() and (given / "hosting").is_dir() and not self.hosting.text():
                self.hosting.setText(str(given / "hosting"))  # a dropped export checks itself
            for path in credential_files(given):
                if path not in self.paths:
                    self.paths.append(path)
                    added = True
        if added:
            self._fill_table()
            self.verify_all()
        elif paths:
            self.message.note("No new credential files to add: they are in the list already.")

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.paths) and not self.busy():
            self.results.pop(self.paths.pop(row), None)
            self._fill_table()

    def clear(self) -> None:
        if self.busy():
            return
        self.paths.clear()
        self.results.clear()
        self._fill_table()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _on_hosting_changed(self) -> None:
        # editingFinished comes on every focus change too: re-check only on a new folder.
        if self.paths and self.hosting_folder() != self._hosting_used:
            self.verify_all()

    # Verifying ----------------------------------------------------------------------------

    def hosting_folder(self) -> Path | None:
        text = self.hosting.text().strip()
        return Path(text).expanduser() if text else None

    def verify_all(self) -> None:
        if not self.paths:
            return
        if self.busy():
            self._again = True  # the list changed mid-run: check it all once more after
            return
        hosting = self.hosting_folder()
        if hosting is not None and not hosting.is_dir():
            self.message.error(f"The hosting folder {hosting} does not exist. Choose another.")
            self.hosting.setFocus()
            return
        self._hosting_used = hosting
        self.message.clear()
        self.results.clear()
        self._fill_table()
        self.progress.setRange(0, len(self.paths))
        self.progress.setValue(0)
        self.progress.show()
        self.run(
            verify_work(self.folder, self.paths, hosting),
            self._on_finished,
            self._on_failed,
            self._on_progress,
        )
        self._update_buttons()

    def _on_progress(self, report: ProgressReport) -> None:
        self.progress.setValue(report.items_done)
        self.progress.setFormat(report.current)

    def _on_finished(self, results: object) -> None:
        self.progress.hide()
        if isinstance(results, list):
            for result in results:
                self.results[Path(result.file)] = result
        self._fill_table()
        if self._again:
            self._again = False
            self.verify_all()

    def _on_failed(self, message: str, _details: str) -> None:
        self.progress.hide()
        self._again = False
        self.message.error(message)
        self._update_buttons()

    # Showing ------------------------------------------------------------------------------

    def _fill_table(self) -> None:
        current = self.table.currentRow()
        style = self.style()
        valid_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        invalid_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.table.setRowCount(len(self.paths))
        for row, path in enumerate(self.paths):
            result = self.results.get(path)
            name = QTableWidgetItem(path.name)
            name.setToolTip(str(path))
            if result is None:
                cells = [name, QTableWidgetItem("Checking…"), QTableWidgetItem(""), None]
            else:
                verdict = QTableWidgetItem(validity(result))
                verdict.setIcon(valid_icon if result.valid else invalid_icon)
                problem = QTableWidgetItem(result.error or "")
                problem.setToolTip(result.error or "")
                cells = [name, verdict, QTableWidgetItem(format_words(result.format)), problem]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item or QTableWidgetItem(""))
        if self.paths:
            self.table.setCurrentCell(min(max(current, 0), len(self.paths) - 1), 0)
        self.show_checks(self.table.currentRow())
        self._update_summary()
        self._update_buttons()

    def show_checks(self, row: int) -> None:
        result = self.results.get(self.paths[row]) if 0 <= row < len(self.paths) else None
        if result is None:
            self.checks.setRowCount(0)
            self.checks_label.setText(
                "Select a file to see each check." if row < 0 else "Checking this file…"
            )
            return
        self.checks_label.setText(
            f"{Path(result.file).name}: {validity(result)}. Each check, in the order made:"
        )
        self.checks.setRowCount(len(result.checks))
        for n, check in enumerate(result.checks):
            detail = QTableWidgetItem(check.detail)
            detail.setToolTip(check.detail)
            self.checks.setItem(n, 0, QTableWidgetItem(check.name))
            self.checks.setItem(n, 1, QTableWidgetItem(CHECK_WORDS[check.ok]))
            self.checks.setItem(n, 2, detail)
        self.checks.resizeRowsToContents()

    def _update_summary(self) -> None:
        done = [self.results[p] for p in self.paths if p in self.results]
        if not self.paths:
            self.summary.setText("No files yet.")
        elif len(done) < len(self.paths):
            self.summary.setText(f"Checking {len(self.paths)} files…")
        else:
            valid = sum(r.valid for r in done)
            self.summary.setText(
                f"{len(done)} checked: {valid} valid, {len(done) - valid} NOT VALID."
            )

    def _update_buttons(self) -> None:
        busy = self.busy()
        self.verify_button.setEnabled(bool(self.paths) and not busy)
        self.remove_button.setEnabled(bool(self.paths) and not busy)
        self.clear_button.setEnabled(bool(self.paths) and not busy)
        self.copy_button.setEnabled(bool(self.results) and not busy)

    def report(self) -> str:
        return report_text([self.results[p] for p in self.paths if p in self.results])

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.message.note("The report is copied: paste it wherever it is needed.")
