"""Pins on a written answer (a reflection): its quoted passages marked in the text.

A quote anchor counts in the answer's own text (as the earner wrote it and as it is
stored), while the viewer shows the answer under its question, with paragraphs
re-flowed; so a passage is found in what is shown by the same occurrence of the same
words (any run of white space matching any other), and a selection is turned back into
the answer's own words and offset the same way.

The passage gets a wash and an underline; its number is a badge in the column's left
margin, on the passage's first line (filled for the current annotation). A whole-answer
annotation has its badge at the top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from reviewer_app.reviews.annotations import Annotation
from reviewer_app.ui.evidence.pins import BADGE_DIAMETER, MARGIN_GAP, PinStyle


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _spans(body: str, quote: str, start: int = 0) -> list[tuple[int, int]]:
    pattern = _pattern(quote)
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(body, start)]


def answer_quote(
    answer: str, shown: str, body_start: int, at: int, selected: str
) -> tuple[str, int] | None:
    """The answer's own words for a selection of `selected` at `at` in the text shown
    (whose answer begins at `body_start`), and where they start in the answer."""
    in_shown = _spans(shown, selected, body_start)
    before = [n for n, (start, _end) in enumerate(in_shown) if start <= at]
    nth = before[-1] if before else 0
    in_answer = _spans(answer, selected)
    if not in_answer:
        return None
    start, end = in_answer[min(nth, len(in_answer) - 1)]
    return answer[start:end], start


def shown_span(
    answer: str, shown: str, body_start: int, quote: str, quote_start: int | None
) -> tuple[int, int] | None:
    """Where a quote of the answer (at `quote_start` in it) is in the text shown."""
    in_answer = _spans(answer, quote)
    nth = 0
    if quote_start is not None:
        nth = next((n for n, (s, _e) in enumerate(in_answer) if s >= quote_start), 0)
    in_shown = _spans(shown, quote, body_start)
    if not in_shown:
        return None
    return in_shown[min(nth, len(in_shown) - 1)]


@dataclass(frozen=True)
class TextPin:
    id: int
    number: int
    span: tuple[int, int] | None  # in the text shown; None: the answer as a whole


class TextPins(QObject):
    """The annotations of the written answer shown, over its reader."""

    clicked = Signal(int)

    def __init__(self, reader: QTextBrowser) -> None:
        super().__init__(reader)
        self.reader = reader
        self.answer = ""  # the answer as stored, "" when the reader shows something else
        self.pins: list[TextPin] = []
        self.current: int | None = None
        self._style: PinStyle | None = None

    @property
    def style(self) -> PinStyle:
        if self._style is None:
            self._style = PinStyle(self.reader)
        return self._style

    def restyle(self) -> None:
        self._style = None
        if self.pins:
            self._mark()

    def body_start(self) -> int:
        """Where the answer starts in the reader's text: the block after the question."""
        return self.reader.document().begin().next().position()

    def set_answer(self, answer: str) -> None:
        self.answer = answer
        self.pins = []
        self.reader.setExtraSelections([])

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        shown = self.reader.toPlainText()
        start = self.body_start()
        self.pins = []
        for a in annotations:
            span = None
            if a.quote is not None and self.answer:
                span = shown_span(self.answer, shown, start, a.quote, a.anchor.quote_start)
            self.pins.append(TextPin(a.id, a.number, span))
        self._mark()

    def set_current(self, annotation_id: int | None) -> None:
        if annotation_id != self.current:
            self.current = annotation_id
            self._mark()

    def _mark(self) -> None:
        wash = QColor(self.style.colour)
        wash.setAlpha(50)
        marks = []
        for pin in self.pins:
            if pin.span is None:
                continue
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(pin.span[0])
            cursor.setPosition(pin.span[1], QTextCursor.MoveMode.KeepAnchor)
            shape = QTextCharFormat()
            shape.setBackground(wash)
            shape.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            shape.setUnderlineColor(self.style.colour)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = cursor
            mark.format = shape
            marks.append(mark)
        self.reader.setExtraSelections(marks)
        self.reader.viewport().update()

    def badge_rect(self, pin: TextPin, whole_slot: int) -> QRectF:
        margin = self.reader.document().documentMargin()
        x = max(BADGE_DIAMETER / 2 + 1, margin / 2)
        if pin.span is None:
            y = BADGE_DIAMETER / 2 + MARGIN_GAP + whole_slot * (BADGE_DIAMETER + MARGIN_GAP)
            y -= self.reader.verticalScrollBar().value()
        else:
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(pin.span[0])
            y = self.reader.cursorRect(cursor).center().y()
        return self.style.badge_rect(QPointF(x, y), pin.number)

    def _placed(self) -> list[tuple[TextPin, QRectF]]:
        placed = []
        whole = 0
        for pin in self.pins:
            placed.append((pin, self.badge_rect(pin, whole)))
            whole += pin.span is None
        return placed

    def paint(self, painter: QPainter) -> None:
        if not self.pins:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        height = self.reader.viewport().height()
        for pin, rect in self._placed():
            if rect.bottom() >= 0 and rect.top() <= height:
                self.style.paint_badge(painter, rect, pin.number, pin.id == self.current)

    def pin_at(self, at: QPointF) -> int | None:
        return next((pin.id for pin, rect in self._placed() if rect.contains(at)), None)

    def show_place(self, annotation_id: int) -> None:
        pin = next((p for p in self.pins if p.id == annotation_id), None)
        if pin is None:
            return
        self.set_current(annotation_id)
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(pin.span[0] if pin.span else 0)
        self.reader.setTextCursor(cursor)
        self.reader.ensureCursorVisible()

    def selected_quote(self) -> tuple[str, int] | None:
        """The selected words as the answer has them, and where they start in it."""
        cursor = self.reader.textCursor()
        if not self.answer or not cursor.hasSelection():
            return None
        selected = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        if not selected.strip():
            return None
        lead = len(selected) - len(selected.lstrip())
        return answer_quote(
            self.answer,
            self.reader.toPlainText(),
            self.body_start(),
            cursor.selectionStart() + lead,
            selected.strip(),
        )
