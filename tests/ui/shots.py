"""Screenshots of the states a person sees, kept in docs/screenshots for the README."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QAbstractAnimation, QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QWidget,
)

_W = TypeVar("_W", bound=QWidget)
SHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"
# A folder of one test run (pytest's "pytest-123"): a picture showing it changes each run.
RUN_FOLDER = re.compile(r"pytest-\d+")
STEADY_TIMEOUT = 5.0


def save_shot(widget: QWidget, name: str) -> Path:
    """Saves the widget as drawn; a picture that shows the same pixels as the one kept
    is left alone, so that a test run changes no file when the screen did not change."""
    shown = [text for text in shown_texts(widget) if RUN_FOLDER.search(text)]
    assert shown == [], f"{name} would show this run's temporary folder: {shown}"
    loaded(widget.window())
    steady(widget)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    if path.exists():
        kept = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        if kept == image:
            return path
    assert image.save(str(path)), f"could not save {path}"
    return path


def loading(widget: QObject) -> list[QObject]:
    """The widget and the objects in it still reading off the GUI thread (the ones that
    say so with an `is_loading()`: loaders, the queue model, the screens)."""
    found = [widget, *widget.findChildren(QObject)]
    return [o for o in found if callable(getattr(o, "is_loading", None)) and o.is_loading()]


def loaded(widget: QObject) -> None:
    """Waits, processing events, until what the widget reads off the GUI thread has
    arrived: a screenshot shows the rows, never the moment before them."""
    deadline = time.monotonic() + STEADY_TIMEOUT
    while still := loading(widget):
        assert time.monotonic() < deadline, f"still loading: {still}"
        QApplication.processEvents()
        time.sleep(0.005)
    # Layouts asked for and not yet done (text set on a label a moment ago, rows that
    # arrived and showed or hid a part) are done before anything looks: a person never
    # sees the frame before them, and a picture taken then would depend on how busy the
    # machine was. Only layouts: other events would move a busy bar.
    for _ in range(3):  # a layout done may ask for its parent's
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def steady(widget: QWidget) -> None:
    """Brings the widget to the state a screenshot is taken in whatever ran before and
    however fast: its window is the active one (as the window a person looks at is:
    selections and the default button are drawn differently in one not active), and no
    field's clear button is half-way through fading in (how far it has come depends on
    the moment). Events are processed only while one of these is not so yet."""
    window = widget.window()

    def fading() -> bool:
        return any(
            animation.state() == QAbstractAnimation.State.Running
            for button in widget.findChildren(QToolButton)
            if button.metaObject().className() == "QLineEditIconButton"
            for animation in button.findChildren(QAbstractAnimation)
        )

    if not window.isActiveWindow():
        window.activateWindow()
    deadline = time.monotonic() + STEADY_TIMEOUT
    while not window.isActiveWindow() or fading():
        assert time.monotonic() < deadline, (
            "the window did not become active, or a field's clear button is still fading"
        )
        QApplication.processEvents()
        time.sleep(0.01)


def shown_texts(widget: QWidget) -> list[str]:
    """The text the widget's labels, fields, buttons, tables and trees show (not those
    of the dialogs it owns: they are windows of their own, not in its picture)."""
    texts: list[str] = []
    window = widget.window()

    def drawn(found: list[_W]) -> list[_W]:
        return [w for w in found if w.window() is window]

    for label in drawn(widget.findChildren(QLabel)):
        texts.append(label.text())
    for field in drawn(widget.findChildren(QLineEdit)):
        texts.append(field.text())
    for button in drawn(widget.findChildren(QAbstractButton)):
        texts.append(button.text())
    for edit in drawn(widget.findChildren(QTextEdit)):
        texts.append(edit.toPlainText())
    for plain in drawn(widget.findChildren(QPlainTextEdit)):
        texts.append(plain.toPlainText())
    for table in drawn(widget.findChildren(QTableWidget)):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts.append(item.text())
    for tree in drawn(widget.findChildren(QTreeWidget)):
        for n in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(n)
            stack = [top] if top is not None else []
            while stack:
                item = stack.pop()
                texts.extend(item.text(c) for c in range(item.columnCount()))
                stack.extend(item.child(m) for m in range(item.childCount()))
    return texts
