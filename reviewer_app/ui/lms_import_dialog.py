"""File > Import…, given a Moodle or Canvas submissions download: which micro-credential
(and which of its parts) the students' evidence is for, asked before importing.

The dialog opens window-modal with `open()`, never `exec()`. It says how many students
the download holds and, under blind marking or anonymous grading, that they come with no
name. When the file names fit both platforms it asks which one made the download rather
than guessing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.lms.importing import Parts, Survey
from reviewer_app.rubrics.short_ids import short_id

PLATFORM_NAMES = {"moodle": "Moodle", "canvas": "Canvas"}
AS_BUNDLE = 2  # the dialog's result when the zip is to be imported as a bundle


class PlatformImportDialog(QDialog):
    def __init__(
        self, path: Path, survey: Survey, choices: list[Parts], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path, self.survey, self.choices = path, survey, choices
        self.setWindowTitle(self.tr("Import a platform's submissions"))
        layout = QVBoxLayout(self)
        if len(survey.platforms) == 1:
            said = self.tr("{file} is a {platform} submissions download: {count} students.")
        else:
            said = self.tr(
                "{file} is a submissions download with {count} students, but its file names "
                "fit both Moodle and Canvas: choose the platform it came from."
            )
        self.summary = QLabel(
            said.format(
                file=path.name,
                platform=PLATFORM_NAMES[survey.platforms[0]],
                count=survey.students,
            )
        )
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("What the download holds"))
        layout.addWidget(self.summary)
        self.nameless = QLabel(
            self.tr(
                "{count} of them come with no name (blind marking or anonymous grading): "
                "each is listed by the platform's id, and has no name here."
            ).format(count=survey.nameless)
        )
        self.nameless.setWordWrap(True)
        self.nameless.setTextFormat(Qt.TextFormat.PlainText)
        self.nameless.setAccessibleName(self.tr("Students with no name"))
        self.nameless.setVisible(survey.nameless > 0)
        layout.addWidget(self.nameless)

        form = QFormLayout()
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Platform"))
        self.platform.setAccessibleDescription(
            self.tr("The learning platform the download came from")
        )
        for key in survey.platforms:
            self.platform.addItem(PLATFORM_NAMES[key], key)
        if len(survey.platforms) > 1:
            self.platform.setPlaceholderText(self.tr("Choose the platform"))
            self.platform.setCurrentIndex(-1)
            form.addRow(self.tr("&Platform:"), self.platform)
        else:
            self.platform.hide()
        self.credential = QComboBox()
        self.credential.setAccessibleName(self.tr("Micro-credential"))
        self.credential.setAccessibleDescription(
            self.tr("The micro-credential every submission in the download is for")
        )
        for c in choices:
            self.credential.addItem(
                self.tr("{name} ({short})").format(name=c.name, short=short_id(c.credential_uri)),
                c.credential_uri,
            )
        self.credential.setPlaceholderText(self.tr("Choose a micro-credential"))
        self.credential.setCurrentIndex(-1)
        form.addRow(self.tr("&Micro-credential:"), self.credential)
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Part"))
        self.part.setAccessibleDescription(
            self.tr("The rubric part the evidence answers, or none to leave it unsorted")
        )
        form.addRow(self.tr("P&art:"), self.part)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("What is missing"))
        self.problem.hide()
        layout.addWidget(self.problem)
        if not choices:
            self._say(
                self.tr(
                    "There are no micro-credential definitions here yet; add the one this "
                    "download is for first."
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setAccessibleName(self.tr("Import the download"))
        self.import_button.setToolTip(
            self.tr("Imports one submission per student for the chosen micro-credential")
        )
        self.import_button.setDefault(True)
        self.import_button.setEnabled(bool(choices))
        # Names that only look like a platform's (a folder of files someone named so):
        # the person says so, and the zip is imported as a bundle after all.
        self.bundle_button = QPushButton(self.tr("Import as a &bundle"))
        self.bundle_button.setAccessibleName(self.tr("Import as an evidence bundle instead"))
        self.bundle_button.setToolTip(
            self.tr("The zip is not a platform's download: import it as one loose bundle")
        )
        self.bundle_button.setAutoDefault(False)
        self.bundle_button.clicked.connect(lambda: self.done(AS_BUNDLE))
        self.buttons.addButton(self.bundle_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Close without importing"))
        cancel.setToolTip(self.tr("Imports nothing"))
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.credential.currentIndexChanged.connect(self._fill_parts)
        self.credential.currentIndexChanged.connect(self.problem.hide)
        self.platform.currentIndexChanged.connect(self.problem.hide)
        self._fill_parts()
        self.resize(560, self.sizeHint().height())

    def _fill_parts(self) -> None:
        self.part.clear()
        self.part.addItem(self.tr("(no part)"), None)
        uri = self.credential.currentData()
        for c in self.choices:
            if c.credential_uri == uri:
                for part_id, title in c.parts:
                    self.part.addItem(title or part_id, part_id)

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()

    def _back_to(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        # The focus leaving the Import button took its default with it: Enter imports.
        self.import_button.setDefault(True)

    def _accept_if_complete(self) -> None:
        if self.platform.currentData() is None:
            self._say(self.tr("Choose the platform the download came from."))
            self._back_to(self.platform)
            return
        if self.credential.currentData() is None:
            self._say(self.tr("Choose the micro-credential the download is for."))
            self._back_to(self.credential)
            return
        self.accept()

    def chosen(self) -> tuple[str, str, str | None]:
        """(platform, micro-credential id, part id or None), once accepted."""
        return (
            str(self.platform.currentData()),
            str(self.credential.currentData()),
            self.part.currentData(),
        )
