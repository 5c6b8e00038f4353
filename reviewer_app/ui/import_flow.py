"""Import from the window: in the background, with progress, cancel and a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.operations import Operation, Operations, runner
from reviewer_app.ui.window_modal import pick_files, pick_folder

# The dialogs and the report's module are loaded when first needed: the window's frame
# mixes this module in and is shown before any import.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

    from reviewer_app.evidence.report import ImportReport
    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate


def import_work(
    folder: DataFolder, paths: Sequence[Path]
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], ImportReport]:
    paths = list(paths)  # a copy: the worker must not see the caller's list change

    def work(cancel: CancelToken, progress: Callable[[ProgressReport], None]) -> ImportReport:
        from reviewer_app.evidence.importer import Importer

        importer = Importer(folder, progress=progress, cancel=cancel, extract=True)
        report = importer.import_paths(paths)
        return _derived(folder, report, progress, cancel)

    return work


def _derived(
    folder: DataFolder,
    report: ImportReport,
    progress: Callable[[ProgressReport], None],
    cancel: CancelToken,
) -> ImportReport:
    """The import's text and thumbnails made, each item's reader warnings on its result."""
    from reviewer_app.evidence.derive import derive_pending  # loaded when first needed

    if not report.cancelled:
        derived = derive_pending(folder, progress=progress, cancel=cancel)
        for result in report.imported:
            result.warnings.extend(derived.warnings.get(result.submission_id, []))
    return report


def platform_work(
    folder: DataFolder, path: Path, platform: str, credential: str, part: str | None
) -> Callable[[CancelToken, Callable[[ProgressReport], None]], ImportReport]:
    """A Moodle or Canvas download, one submission per student (see reviewer_app.lms)."""

    def work(cancel: CancelToken, progress: Callable[[ProgressReport], None]) -> ImportReport:
        from reviewer_app.lms.importing import import_download

        chosen: Literal["moodle", "canvas"] = "moodle" if platform == "moodle" else "canvas"
        report = import_download(
            folder,
            path,
            credential=credential,
            platform=chosen,
            part=part,
            progress=progress,
            cancel=cancel,
        ).report
        return _derived(folder, report, progress, cancel)

    return work


class ImportController(QObject):
    """Starts imports one at a time, on the writer thread, and tells the window how they
    go. `on_busy(True)` (show the progress) comes only once an import has run half a
    second; quicker ones never flash a progress bar."""

    progressed = Signal(object)  # ProgressReport
    landed = Signal()  # a batch of bundles may be in the queue now
    finished = Signal(object)  # ImportReport
    failed = Signal(str, str)

    def __init__(
        self,
        folder: DataFolder,
        parent: QObject | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._operations = operations
        self.task: Operation | None = None

    def set_folder(self, folder: DataFolder) -> None:
        """Imports into `folder` from now on (never while an import runs)."""
        self._folder = folder

    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, paths: Sequence[Path], on_busy: Callable[[bool], None] | None = None) -> bool:
        if not paths:
            return False
        return self.start_work(import_work(self._folder, paths), on_busy)

    def start_work(
        self,
        work: Callable[[CancelToken, Callable[[ProgressReport], None]], ImportReport],
        on_busy: Callable[[bool], None] | None = None,
    ) -> bool:
        """Runs any import-like work (the demo data, say) the same way."""
        if self.busy():
            return False
        operations = self._operations or runner()
        self.task = operations.write(
            work,
            on_success=self._on_finished,
            on_failure=self.failed.emit,
            on_progress=self._on_progress,
            on_busy=on_busy,
            owner=self,
        )
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_progress(self, report: ProgressReport) -> None:
        self.progressed.emit(report)
        self.landed.emit()

    def _on_finished(self, report: ImportReport | None) -> None:
        from reviewer_app.evidence.report import ImportReport

        self.finished.emit(report if report is not None else ImportReport(cancelled=True))


class ImportFlow:
    """The window's side of importing, mixed into the main window: choosing bundles or a
    folder, the demo data, and the progress, summary and failure in its status bar.

    It needs the window's `folder`, its `imports` controller, the status bar's progress
    widgets and `_reload_keeping_selection`; its words keep the window's context."""

    if TYPE_CHECKING:  # what the window provides
        folder: DataFolder
        imports: ImportController
        progress: QProgressBar
        progress_label: QLabel
        cancel_button: QPushButton

        def statusBar(self) -> QStatusBar: ...
        def _reload_keeping_selection(self) -> None: ...

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def choose_import(self) -> None:
        """File > Import bundles…: a picker opened; the import starts from its answer.
        A Moodle or Canvas download chosen here asks for its micro-credential first."""
        self.import_picker = pick_files(
            self._parent(),
            translate("MainWindow", "Import evidence bundles"),
            translate(
                "MainWindow",
                "Evidence bundles, Moodle and Canvas downloads (*.zip);;All files (*)",
            ),
            self.import_paths,
        )

    def choose_import_folder(self) -> None:
        self.import_picker = pick_folder(
            self._parent(),
            translate("MainWindow", "Import a folder of bundles"),
            self.import_paths,
        )

    def import_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        if len(paths) == 1 and self._ask_platform(paths[0]):
            return  # a Moodle or Canvas download: imported once the dialog is answered
        if not self.imports.start(paths, self._show_progress):
            self.statusBar().showMessage(
                translate("MainWindow", "An import is already running."), 5000
            )

    def _ask_platform(self, path: Path) -> bool:
        """Opens the platform import dialog when `path` is a platform's download."""
        from PySide6.QtWidgets import QDialog

        from reviewer_app.lms.importing import credential_choices, survey
        from reviewer_app.ui.lms_import_dialog import AS_BUNDLE, PlatformImportDialog

        found = survey(path)
        if found is None:
            return False
        dialog = PlatformImportDialog(path, found, credential_choices(self.folder), self._parent())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def start(result: int) -> None:
            if result == AS_BUNDLE:
                work = import_work(self.folder, [path])
            elif result == QDialog.DialogCode.Accepted.value:
                platform, credential, part = dialog.chosen()
                work = platform_work(self.folder, path, platform, credential, part)
            else:
                return
            if not self.imports.start_work(work, self._show_progress):
                self.statusBar().showMessage(
                    translate("MainWindow", "An import is already running."), 5000
                )

        dialog.finished.connect(start)
        self.platform_dialog = dialog
        dialog.open()
        return True

    def load_demo(self) -> None:
        if self.imports.busy():
            return
        from reviewer_app.demo.load import load_demo

        folder = self.folder
        self.imports.start_work(
            lambda cancel, progress: load_demo(folder, progress, cancel), self._show_progress
        )

    def _show_progress(self, visible: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(visible)
        if visible:
            self.progress.setRange(0, 0)
            self.progress_label.setText(translate("MainWindow", "Importing…"))

    def _on_import_progress(self, report: ProgressReport) -> None:
        if report.bytes_total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * report.bytes_done / report.bytes_total))
        locale = QLocale()
        self.progress_label.setText(
            translate("MainWindow", "{items} items, {done} of {total} MB").format(
                items=locale.toString(report.items_done),
                done=locale.toString(report.bytes_done / 1e6, "f", 1),
                total=locale.toString(report.bytes_total / 1e6, "f", 1),
            )
        )

    def _on_import_finished(self, report: ImportReport) -> None:
        self._show_progress(False)
        self._reload_keeping_selection()
        self.last_import = report
        from reviewer_app.ui.import_summary import ImportSummary  # built when first needed

        self.import_summary = ImportSummary(report, self._parent())
        self.import_summary.show()

    def _on_import_failed(self, message: str, details: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._show_progress(False)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Import failed"),
            message,
            parent=self._parent(),
        )
        if details:
            box.setDetailedText(details)
        box.show()
