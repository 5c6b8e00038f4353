"""Reflections and written answers, set for long reading.

Markdown files are rendered, plain text is shown as written; a written answer is shown
under its question. The text stays in a column of about 75 characters however wide the
pane is, in the system's font, with generous line spacing. Nothing an earner wrote can
make the viewer fetch a file or a web address: images are not loaded, and only web
links open, in the browser, when the reviewer follows them.

A written answer's annotations are marked in it (`text_pins`); its selection can be
annotated from the right-click menu, which adds the panel's annotation actions.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from reviewer_app.evidence.readers import InvalidEvidence
from reviewer_app.evidence.readers.text import decode_text
from reviewer_app.ui.evidence.controls import make_action
from reviewer_app.ui.evidence.message import MessagePane, Severity
from reviewer_app.ui.evidence.text_pins import TextPins

MARKDOWN = "text/markdown"
COLUMN_CHARACTERS = 75
LINE_HEIGHT_PERCENT = 145
WEB_SCHEMES = frozenset({"http", "https"})


class Reader(QTextBrowser):
    """A QTextBrowser that keeps a readable column and never loads resources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # The margins beside the column are part of the page, not of the window.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.document().setDocumentMargin(24)
        self.anchorClicked.connect(self._follow)
        self.pins = TextPins(self)
        self.context_actions: list[QAction] = []  # the panel's annotation actions

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None  # no images or style sheets from the earner's text

    @staticmethod
    def _follow(url: QUrl) -> None:
        if url.scheme().lower() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)

    def changeEvent(self, event: QEvent) -> None:
        pins: TextPins | None = getattr(self, "pins", None)  # None while being made
        if event.type() == QEvent.Type.PaletteChange and pins is not None:
            pins.restyle()  # a theme changed: the marks take its colours
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.pins.pins:
            painter = QPainter(self.viewport())
            self.pins.paint(painter)
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        clicked = self.pins.pin_at(event.position()) if self.pins.pins else None
        if clicked is not None:
            self.pins.clicked.emit(clicked)
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.pins.answer and self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS
        side = max(0, (self.width() - column) // 2)  # also called for the viewport
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)


class TextView(QWidget):
    """Shows a text or Markdown file (`open_file`) or a written answer (`show_answer`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Text viewer"))
        self.reader = Reader(self)
        self.reader.setAccessibleName(self.tr("Text"))
        self.reader.setAccessibleDescription(
            self.tr("The earner's text, read-only; Ctrl+Plus and Ctrl+Minus change its size")
        )
        self.setFocusProxy(self.reader)
        self.message = MessagePane(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.reader)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._problem: str | None = None
        self.larger_action = make_action(
            self,
            self.tr("Larger text"),
            lambda: self.reader.zoomIn(1),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        self.smaller_action = make_action(
            self,
            self.tr("Smaller text"),
            lambda: self.reader.zoomOut(1),
            [QKeySequence.StandardKey.ZoomOut],
        )

    def open_file(self, path: Path, media_type: str | None) -> bool:
        """Shows a text file: rendered when `media_type` is Markdown, as written otherwise.
        False (and a message) when it cannot be read as text."""
        self.clear()
        try:
            text = decode_text(path)
        except FileNotFoundError:
            return self._fail(
                self.tr("The stored file is missing"),
                self.tr(
                    "The data folder was changed outside Portfolio Reviewer. Check it "
                    "with \u201creviewer-app check\u201d, or import the bundle again."
                ),
            )
        except (InvalidEvidence, OSError) as e:
            return self._fail(
                self.tr("This text cannot be shown"),
                self.tr("The file {reason}.").format(reason=str(e).rstrip(".")),
            )
        if media_type == MARKDOWN:
            self.reader.setMarkdown(text)
        else:
            self.reader.setPlainText(text)
        self._finish()
        return True

    def show_answer(self, question: str, answer: str) -> None:
        """A written answer under its question, which is set as a heading."""
        self.clear()
        paragraphs = [p for p in answer.replace("\r\n", "\n").split("\n\n") if p.strip()]
        body = "".join(
            "<p>{}</p>".format(html.escape(p.strip()).replace("\n", "<br>")) for p in paragraphs
        )
        self.reader.setHtml(f"<h2>{html.escape(question)}</h2>{body}")
        self._finish()
        self.reader.pins.set_answer(answer)

    def _finish(self) -> None:
        spacing = QTextBlockFormat()
        spacing.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        block = self.reader.document().begin()
        while block.isValid():
            if not block.blockFormat().headingLevel():  # headings keep their tight lines
                QTextCursor(block).mergeBlockFormat(spacing)
            block = block.next()
        self.reader.moveCursor(QTextCursor.MoveOperation.Start)
        self.reader.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.reader)

    def _fail(self, heading: str, body: str) -> bool:
        self._problem = heading
        self.message.set_message(heading, body, Severity.ERROR)
        self.stack.setCurrentWidget(self.message)
        return False

    def clear(self) -> None:
        self._problem = None
        self.reader.pins.set_answer("")
        self.reader.clear()
        self.stack.setCurrentWidget(self.reader)

    def problem(self) -> str | None:
        return self._problem

    def text(self) -> str:
        """What is shown, as plain text (a Markdown heading without its '#')."""
        return self.reader.toPlainText()
