"""The summary of an import, shown when it ends (reviewer_app/ui/import_flow.py): what
came in, what was already there, what was refused and why. Apart from the import's flow,
which the main window's frame mixes in: this dialog is loaded when first shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.evidence.report import ImportReport

translate = QCoreApplication.translate


def summary_text(report: ImportReport) -> str:
    number = QLocale().toString
    counts = {
        "imported": number(len(report.imported)),
        "skipped": number(len(report.skipped)),
        "rejected": number(len(report.rejected)),
    }
    if report.cancelled:
        heading = translate(
            "ImportSummary",
            "{imported} imported, {skipped} already imported, {rejected} rejected "
            "(import cancelled)",
        )
    else:
        heading = translate(
            "ImportSummary", "{imported} imported, {skipped} already imported, {rejected} rejected"
        )
    lines = [heading.format(**counts)]
    if report.imported:
        lines += ["", translate("ImportSummary", "Imported:")]
        for r in report.imported:
            items = translate("ImportSummary", "{submission}: {count} items")
            lines.append("  " + items.format(submission=r.submission_id, count=number(r.items)))
            warning = translate("ImportSummary", "warning: {problem}")
            lines += ["      " + warning.format(problem=w) for w in r.warnings]
    if report.skipped:
        lines += ["", translate("ImportSummary", "Already imported:")]
        lines += [f"  {r.submission_id}" for r in report.skipped]
    if report.rejected:
        lines += ["", translate("ImportSummary", "Rejected:")]
        lines += [f"  {r.error}" for r in report.rejected]
    if report.skipped_files:
        lines += ["", translate("ImportSummary", "Skipped, not bundles:")]
        lines += [f"  {f.path}: {f.reason}" for f in report.skipped_files]
    return "\n".join(lines)


def rejected_text(report: ImportReport) -> str:
    return "\n".join(r.error for r in report.rejected)


class ImportSummary(QDialog):
    """What was imported, skipped and rejected, each rejection with its reason."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.report = report
        layout = QVBoxLayout(self)
        heading = QLabel(summary_text(report).splitlines()[0])
        heading.setAccessibleName(self.tr("Import result"))
        layout.addWidget(heading)
        self.details = QPlainTextEdit(summary_text(report))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import details"))
        self.details.setAccessibleDescription(
            self.tr("What was imported, already there or rejected, each rejection with its reason")
        )
        self.details.setMinimumSize(640, 320)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy rejected"))
        self.copy_button.setAccessibleName(self.tr("Copy the list of rejected bundles"))
        self.copy_button.setToolTip(
            self.tr("Copies each rejected bundle's reason as text, to send to whoever sent it")
        )
        self.copy_button.setEnabled(bool(report.rejected))
        self.copy_button.clicked.connect(self.copy_rejected)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes this summary (Esc)"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_rejected(self) -> None:
        QGuiApplication.clipboard().setText(rejected_text(self.report))
