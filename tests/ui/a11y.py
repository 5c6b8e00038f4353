"""The accessibility walk shared by the screens' tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def unnamed_controls(root: QWidget, *, text_names_buttons: bool = False) -> list[str]:
    """Interactive controls a screen reader could land on with no name to read. With
    `text_names_buttons`, a button's own text counts as its name (Qt reads it)."""
    return [
        f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and w.isVisibleTo(root)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not (text_names_buttons and isinstance(w, QAbstractButton) and w.text())
    ]


def undescribed_controls(root: QWidget) -> list[str]:
    """Interactive controls (the same walk as `unnamed_controls`) with nothing to read
    after the name: neither an accessible description nor a tooltip (Qt reads the
    tooltip as the description when the description is empty)."""
    return [
        f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and w.isVisibleTo(root)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleDescription()
        and not w.toolTip()
    ]
