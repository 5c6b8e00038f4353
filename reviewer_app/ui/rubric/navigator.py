"""Which criterion is current: highlighted, announced to screen readers, kept in view,
and moved by the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from reviewer_app.ui.rubric import wording
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.rubric.growing_edit import GrowingTextEdit

Focus = Literal["levels", "comment"] | None


class CriterionNavigator(QObject):
    announced = Signal(str)  # what a screen reader should say of the current criterion
    changed = Signal(str)  # the id of the criterion that became current

    def __init__(self, scroll: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scroll = scroll
        self._cards: list[CriterionCard] = []
        self._by_id: dict[str, CriterionCard] = {}
        self._feedback: QWidget | None = None
        self._current: str | None = None

    def reset(self, cards: list[CriterionCard], feedback: QWidget | None) -> None:
        self._cards, self._feedback, self._current = cards, feedback, None
        self._by_id = {c.criterion.id: c for c in cards}
        if not cards:
            self.announced.emit("")

    @property
    def cards(self) -> list[CriterionCard]:
        return self._cards

    @property
    def current_id(self) -> str | None:
        return self._current

    def card(self, criterion_id: str | None) -> CriterionCard | None:
        return self._by_id.get(criterion_id) if criterion_id else None

    @property
    def current(self) -> CriterionCard | None:
        return self.card(self._current)

    def select(self, criterion_id: str, *, focus: Focus = None, scroll: bool = True) -> None:
        card = self._by_id[criterion_id]
        if self._current != criterion_id:
            previous = self.current
            if previous is not None:
                previous.set_current(False)
            self._current = criterion_id
            self.changed.emit(criterion_id)
        self.describe(card)
        if scroll:
            self.scroll_to(card)
        if focus == "levels":
            card.focus_levels()
        elif focus == "comment":
            card.focus_comment()

    def describe(self, card: CriterionCard) -> None:
        """Refreshes what is announced, if `card` is the current one."""
        if card.criterion.id != self._current:
            return
        description = wording.current_description(
            card.position, card.count, card.criterion, card.state_text
        )
        card.set_current(True, description)
        self.announced.emit(description)

    # Moving ------------------------------------------------------------------------------

    def focus_in(self) -> tuple[CriterionCard | None, bool]:
        """The card holding focus (if any), and whether focus is in its comment box."""
        focused = QApplication.focusWidget()
        if focused is None:
            return None, False
        for card in self._cards:
            if focused is card.comment_box:
                return card, True
            if card.isAncestorOf(focused):
                return card, False
        return None, False

    def move(self, step: int) -> None:
        """To the next (step 1) or previous (-1) criterion; from a comment box, into the
        next one's comment box, otherwise onto its levels."""
        if not self._cards:
            return
        _card, in_comment = self.focus_in()
        ids = [c.criterion.id for c in self._cards]
        if self._feedback is not None and QApplication.focusWidget() is self._feedback:
            index = len(ids) if step < 0 else len(ids) - 1  # the feedback follows the last
        else:
            index = ids.index(self._current) if self._current in ids else -1
        target = min(max(index + step, 0), len(ids) - 1)
        self.select(ids[target], focus="comment" if in_comment else "levels")

    def next_where(self, wanted: Callable[[str], bool]) -> bool:
        """Goes to the next criterion (after the current one, wrapping) that is `wanted`."""
        ids = [c.criterion.id for c in self._cards]
        start = ids.index(self._current) + 1 if self._current in ids else 0
        for criterion_id in ids[start:] + ids[:start]:
            if wanted(criterion_id):
                self.select(criterion_id, focus="levels")
                return True
        return False

    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Focus moved (Tab, a click): the criterion it is in becomes current."""
        content = self._scroll.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            return
        for card in self._cards:
            if card.isAncestorOf(new):
                if card.criterion.id != self._current:
                    self.select(card.criterion.id, scroll=False)
                return

    # Keeping in view ---------------------------------------------------------------------

    def scroll_to(self, card: CriterionCard) -> None:
        self._scroll_now(card)
        # Once the layout has caught up with what just changed (a chosen descriptor in
        # bold is taller), scroll again by the real geometry.
        criterion_id = card.criterion.id
        QTimer.singleShot(0, self, lambda: self._scroll_again(criterion_id))

    def _scroll_again(self, criterion_id: str) -> None:
        card = self._by_id.get(criterion_id)
        if card is not None and criterion_id == self._current:
            self._scroll_now(card)

    def _scroll_now(self, card: CriterionCard) -> None:
        if card.height() + 16 <= self._scroll.viewport().height():
            self._scroll.ensureWidgetVisible(card, 0, 8)
        else:  # taller than the view: show its top, where the title and levels are
            self._scroll.verticalScrollBar().setValue(max(card.y() - 8, 0))

    def show_widget(self, widget: QWidget) -> None:
        self._scroll.ensureWidgetVisible(widget, 0, 8)

    def keep_cursor_visible(self) -> None:
        """A growing box pushes its last line down: keep the text cursor in view (soon,
        once the box has grown)."""
        QTimer.singleShot(0, self, self._keep_cursor_visible)

    def _keep_cursor_visible(self) -> None:
        focused = QApplication.focusWidget()
        content = self._scroll.widget()
        if not isinstance(focused, GrowingTextEdit) or content is None:
            return
        if not content.isAncestorOf(focused):
            return
        rect = focused.cursorRect()
        point = focused.viewport().mapTo(content, rect.bottomLeft())
        self._scroll.ensureVisible(point.x(), point.y(), 0, rect.height() + 8)
