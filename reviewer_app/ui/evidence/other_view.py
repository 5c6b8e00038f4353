"""Files the app cannot show (video, audio, office documents): what they are, and a way
to open them with the system's own viewer."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.evidence.controls import human_size, media_type_words
from reviewer_app.ui.evidence.system_open import open_with_system_viewer, safe_suffix
from reviewer_app.ui.standard_icons import standard_icon

translate = QCoreApplication.translate


def type_in_words(media_type: str | None) -> str:
    """'MP4 video (video/mp4)'; the bare type when we have no words for it."""
    if not media_type:
        return translate("OtherView", "unknown")
    words = media_type_words(media_type)
    return words if words == media_type else f"{words} ({media_type})"


class OtherView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("File details"))
        self._path: Path | None = None
        self._viewer_name = ""

        self.icon = QLabel()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.file_name_label = QLabel()
        self.file_name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_label = QLabel()
        self.size_label = QLabel()
        self.explanation = QLabel(
            self.tr(
                "Portfolio Reviewer cannot show this kind of file. Your system's viewer "
                "opens a read-only copy, so the evidence stays as the earner sent it."
            )
        )
        self.explanation.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open with system viewer"))
        self.open_button.setAccessibleName(self.tr("Open with system viewer"))
        self.open_button.setToolTip(self.tr("Open a read-only copy in your computer's own viewer"))
        self.open_button.clicked.connect(self.open_with_system)
        self.status = QLabel()
        self.status.setWordWrap(True)

        details = QFormLayout()
        details.addRow(self.tr("File name:"), self.file_name_label)
        details.addRow(self.tr("Type:"), self.kind_label)
        details.addRow(self.tr("Size:"), self.size_label)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addLayout(details)
        text.addSpacing(8)
        text.addWidget(self.explanation)
        button_row = QHBoxLayout()
        button_row.addWidget(self.open_button)
        button_row.addStretch(1)
        text.addLayout(button_row)
        text.addWidget(self.status)
        box = QWidget()
        box.setMaximumWidth(600)
        row = QHBoxLayout(box)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box, 4)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    def set_file(
        self,
        path: Path | None,
        *,
        title: str,
        original_name: str | None,
        media_type: str | None,
        size: int | None,
        viewer_name: str | None = None,
    ) -> None:
        """Describes the stored file at `path`; `viewer_name` is what the system viewer's
        copy is called (see `system_open.viewer_file_name`)."""
        self._path = path
        self._viewer_name = viewer_name or (path.name if path else "")
        icon = standard_icon(QStyle.StandardPixmap.SP_FileIcon, self)
        self.icon.setPixmap(icon.pixmap(48))
        self.title.setText(title)
        self.file_name_label.setText(
            PurePosixPath(original_name).name if original_name else "\u2014"
        )
        self.kind_label.setText(type_in_words(media_type))
        self.size_label.setText(human_size(size))
        missing = path is None or not path.is_file()
        self.open_button.setEnabled(not missing)
        self.status.setText(
            self.tr("The stored file is missing from the data folder.") if missing else ""
        )
        self.setAccessibleDescription(
            self.tr("{title}: {kind}, {size}").format(
                title=title, kind=self.kind_label.text(), size=self.size_label.text()
            )
        )

    def clear(self) -> None:
        self._path = None
        self.status.clear()

    def open_with_system(self) -> bool:
        if self._path is None:
            return False
        try:
            safe = safe_suffix(self._path) is not None
        except OSError:
            safe = True  # a missing file: said below, as before
        if not safe:
            self.status.setText(
                self.tr(
                    "Not opened: files of this type can run as programs or hide one, so they "
                    "are not handed to the system. Ask the earner for a PDF, a picture or "
                    "plain text."
                )
            )
            return False
        opened = open_with_system_viewer(self._path, self._viewer_name)
        self.status.setText(
            ""
            if opened
            else self.tr(
                "No application on this computer opened it. Install a viewer for "
                "{kind} files, or ask the earner for another format."
            ).format(kind=self.kind_label.text())
        )
        return opened
