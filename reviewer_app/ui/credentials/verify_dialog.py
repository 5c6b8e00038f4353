"""Verify credentials: check signed files offline, one row per file, every check in words.

Keys, DID documents and status lists published at https addresses come from an optional
hosting folder (laid out like an export's hosting/), then from this data folder's own
issuers; nothing is fetched from the network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
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
from reviewer_app.ui.enter_button import enter_presses
from reviewer_app.ui.window_modal import pick_files
from reviewer_app.vocabulary import CredentialFormat

if TYPE_CHECKING:
    from reviewer_app.credentials.verify import Check, VerifyResult
    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate

SUFFIXES = (".json", ".jwt", ".jws", ".png", ".svg")
# The formats, check names and check results `credentials.verify` reports, in the words
# shown (translated when shown; anything else the domain reports is shown as it is).
# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the casts.
FORMAT_WORDS = cast(
    dict[str, str],
    {
        CredentialFormat.OB3: QT_TRANSLATE_NOOP("VerifyDialog", "Open Badges 3.0"),
        "ob3-jwt": QT_TRANSLATE_NOOP("VerifyDialog", "Open Badges 3.0 (VC-JWT)"),
        CredentialFormat.OB2: QT_TRANSLATE_NOOP("VerifyDialog", "Open Badges 2.0"),
        "clr": QT_TRANSLATE_NOOP("VerifyDialog", "CLR 2.0"),
        "unknown": QT_TRANSLATE_NOOP("VerifyDialog", "not recognised"),
    },
)
CHECK_NAMES = cast(
    dict[str, str],
    {
        "read": QT_TRANSLATE_NOOP("VerifyDialog", "read"),
        "format": QT_TRANSLATE_NOOP("VerifyDialog", "format"),
        "schema": QT_TRANSLATE_NOOP("VerifyDialog", "schema"),
        "proof": QT_TRANSLATE_NOOP("VerifyDialog", "proof"),
        "key": QT_TRANSLATE_NOOP("VerifyDialog", "key"),
        "dates": QT_TRANSLATE_NOOP("VerifyDialog", "dates"),
        "revocation": QT_TRANSLATE_NOOP("VerifyDialog", "revocation"),
        "contents": QT_TRANSLATE_NOOP("VerifyDialog", "contents"),
    },
)
CHECK_WORDS = cast(
    dict[bool | None, str],
    {
        True: QT_TRANSLATE_NOOP("VerifyDialog", "ok"),
        False: QT_TRANSLATE_NOOP("VerifyDialog", "FAILED"),
        None: QT_TRANSLATE_NOOP("VerifyDialog", "not checked"),
    },
)


def format_words(fmt: str) -> str:
    kind, _, baked = fmt.partition(" baked in ")
    words = FORMAT_WORDS.get(kind)
    shown = translate("VerifyDialog", words) if words else kind
    if not baked:
        return shown
    return translate("VerifyDialog", "{format}, baked in a {image} image").format(
        format=shown, image=baked
    )


def check_name(check: Check) -> str:
    words = CHECK_NAMES.get(check.name)
    return translate("VerifyDialog", words) if words else check.name


def check_result(check: Check) -> str:
    return translate("VerifyDialog", CHECK_WORDS[check.ok])


def first_problem(result: VerifyResult) -> str:
    """The first failed check and what went wrong ("" when none failed)."""
    failed = next((c for c in result.checks if c.ok is False), None)
    if failed is None:
        return ""
    return translate("VerifyDialog", "{check}: {detail}").format(
        check=check_name(failed), detail=failed.detail
    )


def validity(result: VerifyResult) -> str:
    return (
        translate("VerifyDialog", "Valid")
        if result.valid
        else translate("VerifyDialog", "NOT VALID")
    )


def count(n: int) -> str:
    return QLocale().toString(n)


def report_text(results: Sequence[VerifyResult]) -> str:
    """The whole verification as plain text, for pasting into an email or a ticket."""
    valid = sum(r.valid for r in results)
    if len(results) == 1:
        heading = translate(
            "VerifyDialog", "Verification of 1 file: {valid} valid, {invalid} NOT VALID"
        )
    else:
        heading = translate(
            "VerifyDialog", "Verification of {n} files: {valid} valid, {invalid} NOT VALID"
        )
    lines = [
        heading.format(
            n=count(len(results)), valid=count(valid), invalid=count(len(results) - valid)
        )
    ]
    width = max(len(translate("VerifyDialog", w)) for w in CHECK_WORDS.values())
    line = translate("VerifyDialog", "{result}: {file} ({format})")
    for r in results:
        lines += ["", line.format(result=validity(r), file=r.file, format=format_words(r.format))]
        lines += [
            "    {:<{width}}  {}".format(
                check_result(c),
                translate("VerifyDialog", "{check}: {detail}").format(
                    check=check_name(c), detail=c.detail
                ),
                width=width,
            )
            for c in r.checks
        ]
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
            checked = translate("VerifyDialog", "Checked {n} of {total}").format(
                n=count(n), total=count(len(paths))
            )
            progress(ProgressReport(n, len(paths), 0, 0, checked))
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
        self.setWindowTitle(self.tr("Verify credentials"))
        self.setAcceptDrops(True)

        intro = QLabel(
            self.tr(
                "Check signed credentials offline: JSON, JWT or JWS files, and PNG or SVG "
                "badges with a credential baked in. Add files, or drop files or an export "
                "folder here."
            )
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setAccessibleName(self.tr("Add credential files"))
        self.add_button.setToolTip(
            self.tr("Opens a file picker; the files added are verified at once")
        )
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected file from the list"))
        self.remove_button.setToolTip(
            self.tr("Takes the selected file off the list; the file itself is not deleted")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Clear the list of files"))
        self.clear_button.setToolTip(
            self.tr("Empties the list and its results; no file is deleted")
        )
        self.clear_button.clicked.connect(self.clear)
        for button in (self.add_button, self.remove_button, self.clear_button):
            button.setAutoDefault(False)  # Enter verifies; it never opens a file dialog
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addWidget(self.clear_button)
        file_buttons.addStretch(1)

        self.hosting, self.hosting_button, hosting_label, hosting_row = folder_field(
            self,
            self.tr("Hosting folder"),
            self.tr("Hosting folder"),
            self.tr("&Hosting folder:"),
            self.tr("optional"),
            choose_name=self.tr("Choose the hosting folder"),
        )
        self.hosting.editingFinished.connect(self._on_hosting_changed)
        hosting_help = QLabel(
            self.tr(
                "For keys and revocation lists published at https addresses: a folder laid "
                "out like an export's hosting folder. This data folder's own issuers need none."
            )
        )
        hosting_help.setWordWrap(True)
        self.hosting.setAccessibleDescription(hosting_help.text())
        form = QFormLayout()
        form.addRow(hosting_label, hosting_row)
        form.addRow(hosting_help)

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Verification results, one file a row"))
        self.table.setAccessibleDescription(
            self.tr(
                "File, result, format and first problem; Up and Down choose a file, whose "
                "checks are listed below"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Format"), self.tr("First problem")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_checks(row))

        self.checks_label = QLabel(self.tr("Select a file to see each check."))
        self.checks_label.setWordWrap(True)
        self.checks = QTableWidget(0, 3)
        self.checks.setAccessibleName(self.tr("Checks of the selected file"))
        self.checks.setAccessibleDescription(
            self.tr("One check a row, with its result and details; the arrow keys move")
        )
        self.checks.setHorizontalHeaderLabels(
            [self.tr("Check"), self.tr("Result"), self.tr("Details")]
        )
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
        self.summary.setAccessibleName(self.tr("Verification summary"))
        self.summary.setWordWrap(True)
        self.message = MessageStrip(self.tr("Verification message"), self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.progress.hide()

        self.verify_button = QPushButton(self.tr("&Verify again"))
        self.verify_button.setAccessibleName(self.tr("Verify every file again"))
        self.verify_button.setToolTip(
            self.tr("Checks every file in the list again, with the hosting folder (Enter)")
        )
        self.verify_button.clicked.connect(self.verify_all)
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.setAccessibleName(self.tr("Copy the verification report"))
        self.copy_button.setToolTip(
            self.tr("Copies every file's result and checks as text, to paste elsewhere")
        )
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes this window (Esc); a check under way is cancelled first"))
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
        enter_presses(self, self.verify_button)

    # Files ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        pick_files(
            self,
            self.tr("Add credentials to verify"),
            self.tr("Credentials (*.json *.jwt *.jws *.png *.svg);;All files (*)"),
            self.add_paths,
        )

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
            self.message.note(
                self.tr("No new credential files to add: they are in the list already.")
            )

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
            self.message.error(
                self.tr("The hosting folder {path} does not exist. Choose another.").format(
                    path=hosting
                )
            )
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
            writes=False,
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
                cells = [name, QTableWidgetItem(self.tr("Checking…")), QTableWidgetItem(""), None]
            else:
                verdict = QTableWidgetItem(validity(result))
                verdict.setIcon(valid_icon if result.valid else invalid_icon)
                problem = QTableWidgetItem(first_problem(result))
                problem.setToolTip(problem.text())
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
                self.tr("Select a file to see each check.")
                if row < 0
                else self.tr("Checking this file…")
            )
            return
        self.checks_label.setText(
            self.tr("{file}: {result}. Each check, in the order made:").format(
                file=Path(result.file).name, result=validity(result)
            )
        )
        self.checks.setRowCount(len(result.checks))
        for n, check in enumerate(result.checks):
            detail = QTableWidgetItem(check.detail)
            detail.setToolTip(check.detail)
            self.checks.setItem(n, 0, QTableWidgetItem(check_name(check)))
            self.checks.setItem(n, 1, QTableWidgetItem(check_result(check)))
            self.checks.setItem(n, 2, detail)
        self.checks.resizeRowsToContents()

    def _update_summary(self) -> None:
        done = [self.results[p] for p in self.paths if p in self.results]
        if not self.paths:
            self.summary.setText(self.tr("No files yet."))
        elif len(done) < len(self.paths):
            checking = (
                self.tr("Checking 1 file…")
                if len(self.paths) == 1
                else self.tr("Checking {n} files…")
            )
            self.summary.setText(checking.format(n=count(len(self.paths))))
        else:
            valid = sum(r.valid for r in done)
            self.summary.setText(
                self.tr("{n} checked: {valid} valid, {invalid} NOT VALID.").format(
                    n=count(len(done)), valid=count(valid), invalid=count(len(done) - valid)
                )
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
        self.message.note(self.tr("The report is copied: paste it wherever it is needed."))
