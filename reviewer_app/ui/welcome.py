"""What an empty data folder shows: how to bring submissions in, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from html import escape  # here: the frame is shown before this pane is built

        title = self.tr("No submissions yet")
        heading = QLabel(f"<h2>{escape(title)}</h2>")
        heading.setAccessibleName(title)
        text = QLabel(
            self.tr(
                "Import the evidence bundles you received (zip files or folders; you can also "
                "drop them on this window), or open the demo data to see how reviewing works: "
                "fifteen submissions for three micro-credentials, with their rubrics."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.import_button = QPushButton(self.tr("Import bundles…"))
        self.import_button.setAccessibleName(self.tr("Import evidence bundles"))
        self.import_button.setToolTip(
            self.tr("Opens a file picker for the zip files you received (Ctrl+I)")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Open the demo data"))
        self.demo_button.setAccessibleName(
            self.tr("Add the demo micro-credentials and submissions")
        )
        self.demo_button.setToolTip(
            self.tr("Fills this data folder with fifteen practice submissions and their rubrics")
        )
        self.demo_button.clicked.connect(self.demo_requested)
        # A column of readable width in the middle. The sentence fills the column's width
        # with no alignment of its own in the layout: a widget aligned in a layout gets
        # its size hint, not the height its wrapped lines need at that width, and a
        # wrapped label then loses its first and last lines.
        column = QWidget()
        column.setMaximumWidth(text.fontMetrics().averageCharWidth() * 64)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        column_layout.addWidget(text)
        for button in (self.import_button, self.demo_button):
            column_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 4)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)
