"""The window's three panes (queue, evidence, rubric): F6 and Shift+F6 move the focus
from one to the next, the pane that has the focus is marked, and Esc in a text field
leaves it for its pane.

The mark is a coloured bar along the pane's top edge and, not by colour alone, its
title in bold with a marker before it ("\u25b8 Evidence"). For the rubric, which sits in
a dock with its own title bar, the dock's title carries the marker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

MARKER = "\u25b8 "
BAR = 3
_WATCHED = "pane-focus-keys"  # a widget whose Esc and Enter this module looks at
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class PaneFrame(QWidget):
    """A pane: a slim title above its content, and the focus bar when it is marked."""

    def __init__(self, title: str, content: QWidget, *, titled: bool = True) -> None:
        super().__init__()
        self.title = title
        self.content = content
        self.marked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, BAR, 0, 0)
        layout.setSpacing(0)
        self.label = QLabel(title)
        self.label.setContentsMargins(6, 1, 6, 1)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.label.setVisible(titled)
        layout.addWidget(self.label)
        layout.addWidget(content, 1)

    def set_titled(self, titled: bool) -> None:
        """Shows or hides the title (a pane folded to a strip has no room for it)."""
        self.label.setVisible(titled)

    def set_marked(self, marked: bool) -> None:
        if marked == self.marked:
            return
        self.marked = marked
        font = QFont(self.label.font())
        font.setBold(marked)
        self.label.setFont(font)
        self.label.setText(MARKER + self.title if marked else self.title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.marked:
            painter = QPainter(self)
            colour: QColor = self.palette().color(QPalette.ColorRole.Highlight)
            painter.fillRect(0, 0, self.width(), BAR, colour)


def focus_first_in(widget: QWidget) -> bool:
    """Gives the focus to the first widget inside `widget` that Tab would reach."""
    child = widget.nextInFocusChain()
    for _ in range(500):  # a chain is a loop: stop when it leaves `widget`
        if child is None or not widget.isAncestorOf(child):
            return False
        takes_tab = bool(child.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and child.isVisible() and child.isEnabled():
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        child = child.nextInFocusChain()
    return False


@dataclass
class Pane:
    frame: PaneFrame
    enter: Callable[[], None]  # puts the focus where work in the pane starts
    available: Callable[[], bool]
    dock: QDockWidget | None = None


def is_text_field(widget: QWidget | None) -> bool:
    """A widget that takes typed letters and digits as text."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class PaneFocus(QObject):
    """Follows the application's focus to mark the pane that has it; F6 cycles."""

    def __init__(self, panes: list[Pane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        self.current: Pane | None = None
        app = cast(QApplication, QApplication.instance())
        app.focusChanged.connect(self._focus_changed)

    def pane_of(self, widget: QWidget | None) -> Pane | None:
        for pane in self.panes:
            if widget is not None and (widget is pane.frame or pane.frame.isAncestorOf(widget)):
                return pane
        return None

    def _in_rubric(self, widget: QObject) -> bool:
        pane = self.pane_of(widget) if isinstance(widget, QWidget) else None
        return pane is not None and pane.dock is not None

    def cycle(self, step: int) -> None:
        """F6 (step 1) or Shift+F6 (step -1): the next pane that can take the focus."""
        focused = QApplication.focusWidget()
        start = self.pane_of(focused) or self.current
        index = self.panes.index(start) if start is not None else -1
        for offset in range(1, len(self.panes) + 1):
            pane = self.panes[(index + step * offset) % len(self.panes)]
            if pane.available():
                if pane.dock is not None and pane.dock.isFloating():
                    pane.dock.activateWindow()
                pane.enter()
                return

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = self.pane_of(new)
        if pane is None:
            return  # a menu, a dialog: the mark stays where work was
        if pane is not self.current:
            for other in self.panes:
                other.frame.set_marked(other is pane)
                if other.dock is not None:
                    title = other.frame.title
                    other.dock.setWindowTitle(MARKER + title if other is pane else title)
            self.current = pane
        watch = new is not None and (is_text_field(new) or pane.dock is None)
        if new is not None and watch and not new.property(_WATCHED):
            new.setProperty(_WATCHED, True)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a text field goes back to its pane (the rubric's own boxes have
        their own Esc, which Qt gives them first as a shortcut). Outside the rubric,
        Enter belongs to the widget with the focus, not to the rubric's "comment"."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in _PLAIN
            and self.pane_of(watched if isinstance(watched, QWidget) else None) is not None
            and not self._in_rubric(watched)
        ):
            event.accept()
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QWidget)
        ):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False  # Esc closes the open list first
            if _wants_escape(watched):
                return False  # it has its own use for Esc now (a rectangle being drawn)
            pane = self.pane_of(watched)
            if pane is not None:
                pane.enter()
                return True
        return False


def _wants_escape(widget: QWidget) -> bool:
    """Whether the widget claims Esc before any shortcut, as Qt asks it (ShortcutOverride)."""
    probe = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
    )
    probe.ignore()
    QCoreApplication.sendEvent(widget, probe)
    return probe.isAccepted()
