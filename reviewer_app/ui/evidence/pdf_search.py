"""Finding words in a PDF: the find row, and which match is current.

QPdfView draws the highlights (every match on the pages in view, the current one
marked); QPdfSearchModel searches page by page in the background. This row shows the
first match at or after the reader's page as soon as the search has got that far.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QWidget

from reviewer_app.ui.evidence.controls import make_action, name_parts, theme_icon, tool_button

SEARCH_DELAY_MS = 250
# QtPdf (6.11) searches page by page on timer ticks and does not say when it is done: a
# search whose count has not changed for this long is taken as finished.
SETTLED_MS = 400


class PdfSearch(QWidget):
    """`owner` holds the actions, so that Ctrl+F and F3 work anywhere in it; `scroll_to`
    (0-based page, points down the page) brings a match into view."""

    def __init__(
        self,
        owner: QWidget,
        canvas: QPdfView,
        document: QPdfDocument,
        scroll_to: Callable[[int, float], None],
    ) -> None:
        super().__init__(owner)
        self._canvas = canvas
        self._scroll_to = scroll_to
        self._auto_hit = False  # show the first match once found (the reader searched)
        self.model = QPdfSearchModel(self)
        self.model.setDocument(document)
        canvas.setSearchModel(self.model)

        self.find_action = make_action(
            owner, self.tr("Find in PDF"), self.focus, [QKeySequence.StandardKey.Find]
        )
        # Arrows, named in their tooltips and for screen readers: with their words the
        # row was too wide for the viewer beside the rubric at 200%.
        self.next_hit_action = make_action(
            owner,
            self.tr("Next match"),
            self.next_hit,
            [QKeySequence.StandardKey.FindNext, "F3"],
            icon=theme_icon(QIcon.ThemeIcon.GoDown, QStyle.StandardPixmap.SP_ArrowDown, owner),
        )
        self.previous_hit_action = make_action(
            owner,
            self.tr("Previous match"),
            self.previous_hit,
            [QKeySequence.StandardKey.FindPrevious, "Shift+F3"],
            icon=theme_icon(QIcon.ThemeIcon.GoUp, QStyle.StandardPixmap.SP_ArrowUp, owner),
        )
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in this PDF"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find in this PDF"))
        self.field.setToolTip(
            self.tr("{find}; Enter: next match, Shift+Enter: previous").format(
                find=self.find_action.toolTip()
            )
        )
        self.field.setMaximumWidth(420)
        name_parts(self.field)
        self.hits_label = QLabel()
        self.hits_label.setAccessibleName(self.tr("Matches"))
        widest = self.tr("{current} of {count}").format(current=888, count=888)
        self.hits_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.field, 1)
        layout.addWidget(tool_button(self.previous_hit_action))
        layout.addWidget(tool_button(self.next_hit_action))
        layout.addWidget(self.hits_label)
        layout.addStretch(0)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_for(self.field.text()))
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._on_return)
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(SETTLED_MS)
        self._settled.timeout.connect(self._on_results)
        self.model.countChanged.connect(self._on_count)
        canvas.currentSearchResultIndexChanged.connect(lambda _i: self._update())

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_for(self, text: str, *, auto_hit: bool = True) -> None:
        """Searches for `text` now. With `auto_hit` (the reader asked) the first match at or
        after the current page is shown once found; without it (a search kept from the
        previous file) matches are only highlighted, so the reader's page stays."""
        self._timer.stop()
        if self.field.text() != text:
            self.field.blockSignals(True)
            self.field.setText(text)
            self.field.blockSignals(False)
        text = text.strip() if self.isEnabled() else ""
        self._auto_hit = auto_hit
        self._canvas.setCurrentSearchResultIndex(-1)
        if text != self.model.searchString():
            self.model.setSearchString(text)
            self._settled.start()
        self._on_results()

    def hit_count(self) -> int:
        return self.model.count() if self.model.searchString() else 0

    def current_hit(self) -> int:
        """0-based index of the highlighted match, -1 when none."""
        return self._canvas.currentSearchResultIndex() if self.hit_count() else -1

    def hit_page(self, index: int) -> int:
        """The 1-based page of match `index`."""
        return self.model.resultAtIndex(index).page() + 1

    def next_hit(self) -> None:
        count = self.hit_count()
        if count:
            current = self.current_hit()
            self.show_hit(self._first_from_here() if current < 0 else (current + 1) % count)

    def previous_hit(self) -> None:
        count = self.hit_count()
        if count:
            self.show_hit((max(self.current_hit(), 0) - 1) % count)

    def show_hit(self, index: int) -> None:
        self._auto_hit = False
        link = self.model.resultAtIndex(index)
        self._canvas.setCurrentSearchResultIndex(index)
        self._scroll_to(link.page(), link.location().y())
        self._update()

    def clear_results(self) -> None:
        """Forgets the matches (the field keeps its text for the next file)."""
        self._timer.stop()
        self._settled.stop()
        self.model.setSearchString("")
        self._canvas.setCurrentSearchResultIndex(-1)
        self._update()

    def _on_return(self) -> None:
        self._timer.stop()
        if self.field.text().strip() != self.model.searchString():
            self.search_for(self.field.text())
        elif QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_hit()
        else:
            self.next_hit()

    def _first_from_here(self) -> int:
        here = self._canvas.pageNavigator().currentPage()
        for index in range(self.model.count()):
            if self.model.resultAtIndex(index).page() >= here:
                return index
        return 0

    def _on_count(self) -> None:
        self._settled.start()
        self._on_results()

    def _searching(self) -> bool:
        return bool(self.model.searchString()) and self._settled.isActive()

    def _on_results(self) -> None:
        if self._auto_hit and self.hit_count() and self.current_hit() < 0:
            index = self._first_from_here()
            here = self._canvas.pageNavigator().currentPage()
            if self.model.resultAtIndex(index).page() >= here or not self._searching():
                self.show_hit(index)
        self._update()

    def _update(self) -> None:
        count = self.hit_count()
        current = self.current_hit()
        if not self.model.searchString():
            text = ""
        elif count == 0:
            text = self.tr("Searching\u2026") if self._searching() else self.tr("No matches")
        elif current < 0:
            text = (
                self.tr("1 match")
                if count == 1
                else self.tr("{count} matches").format(count=QLocale().toString(count))
            )
        else:
            text = self.tr("{current} of {count}").format(
                current=QLocale().toString(current + 1), count=QLocale().toString(count)
            )
        self.hits_label.setText(text)
        self.hits_label.setAccessibleDescription(text)
        self.next_hit_action.setEnabled(count > 0)
        self.previous_hit_action.setEnabled(count > 0)

    def set_ready(self, ready: bool) -> None:
        """Enabled while a document is open."""
        self.setEnabled(ready)
        self.find_action.setEnabled(ready)
        self._update()
