"""The panel's keyboard commands as QActions, so that the window can list them in its
help sheet (each action's text says what it does, its shortcuts say how).

Keys work in the whole window that shows the panel (and, with the window's help, in
the main window while the panel floats in a window of its own), as soon as a review is
open, wherever the focus is, except while typing: a text box takes the keys it types
(Qt asks it first, with a ShortcutOverride event). Enter writes a comment only while
the focus is in the panel: elsewhere the window gives Enter to what has the focus (a
queue row opens, an evidence item shows; see reviewer_app.ui.pane_focus).

- 1 to 9 (also on the keypad): choose that level of the current criterion, 1 the lowest;
  Delete or Backspace clears it. Not while typing in a text box (the digit is typed).
- J or Ctrl+Down: next criterion; K or Ctrl+Up: previous. Ctrl+Down/Up also work in a
  comment box, and then land in the next criterion's comment box.
- N: next criterion not scored yet.
- C (or Enter, in the panel): write in the current criterion's comment box; B: its bank;
  Esc (in a text box): back to the criterion's level buttons.
- F: the overall feedback.
- Ctrl+Enter: submit the review.
- ] or [: the next or previous annotation (by number), selected in its list and shown
  on the evidence.
- Ctrl+Z: undo the last annotation change (add, edit, delete) of the open review;
  Ctrl+Shift+Z or Ctrl+Y: redo it. A text box with the focus keeps Ctrl+Z for its own
  typing (Qt asks it first, as for every key).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

translate = QCoreApplication.translate

MAX_LEVEL_KEYS = 9
_WINDOW = Qt.ShortcutContext.WindowShortcut
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


def _keys(*specs: QKeySequence | str) -> list[QKeySequence]:
    return [spec if isinstance(spec, QKeySequence) else QKeySequence(spec) for spec in specs]


@dataclass
class PanelActions:
    levels: list[QAction] = field(default_factory=list)
    clear_level: QAction | None = None
    next_criterion: QAction | None = None
    previous_criterion: QAction | None = None
    next_unscored: QAction | None = None
    comment: QAction | None = None
    bank: QAction | None = None
    leave_text: QAction | None = None
    feedback: QAction | None = None
    submit: QAction | None = None
    next_annotation: QAction | None = None
    previous_annotation: QAction | None = None
    undo: QAction | None = None
    redo: QAction | None = None

    def all(self) -> list[QAction]:
        singles = [
            self.clear_level,
            self.next_criterion,
            self.previous_criterion,
            self.next_unscored,
            self.comment,
            self.bank,
            self.leave_text,
            self.feedback,
            self.submit,
            self.next_annotation,
            self.previous_annotation,
            self.undo,
            self.redo,
        ]
        return [*self.levels, *(a for a in singles if a is not None)]

    def editing(self) -> list[QAction]:
        """The actions that change the review (disabled while it is submitted)."""
        singles = [self.clear_level, self.comment, self.bank, self.submit, self.undo, self.redo]
        return [*self.levels, *(a for a in singles if a is not None)]


def _action(
    parent: QObject,
    text: str,
    keys: list[QKeySequence],
    slot: Callable[[], None],
    context: Qt.ShortcutContext = _WINDOW,
) -> QAction:
    action = QAction(text, parent)
    action.setShortcuts(keys)
    action.setShortcutContext(context)
    action.setToolTip(f"{text} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(
    parent: QObject,
    *,
    choose_level: Callable[[int], None],
    clear_level: Callable[[], None],
    move: Callable[[int], None],
    next_unscored: Callable[[], None],
    comment: Callable[[], None],
    bank: Callable[[], None],
    leave_text: Callable[[], None],
    feedback: Callable[[], None],
    submit: Callable[[], None],
    step_annotation: Callable[[int], None],
    undo: Callable[[], None],
    redo: Callable[[], None],
) -> PanelActions:
    actions = PanelActions()
    for n in range(1, MAX_LEVEL_KEYS + 1):
        key = getattr(Qt.Key, f"Key_{n}")
        text = (
            translate("RubricPanel", "Choose level 1 (the lowest) for the current criterion")
            if n == 1
            else translate("RubricPanel", "Choose level {n} for the current criterion").format(n=n)
        )
        actions.levels.append(
            _action(
                parent,
                text,
                [QKeySequence(key), QKeySequence(_KEYPAD | key)],
                partial(choose_level, n - 1),
            )
        )
    actions.clear_level = _action(
        parent,
        translate("RubricPanel", "Clear the current criterion's level"),
        _keys(QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)),
        clear_level,
    )
    actions.next_criterion = _action(
        parent, translate("RubricPanel", "Next criterion"), _keys("J", "Ctrl+Down"), lambda: move(1)
    )
    actions.previous_criterion = _action(
        parent,
        translate("RubricPanel", "Previous criterion"),
        _keys("K", "Ctrl+Up"),
        lambda: move(-1),
    )
    actions.next_unscored = _action(
        parent, translate("RubricPanel", "Next criterion not scored yet"), _keys("N"), next_unscored
    )
    actions.comment = _action(
        parent,
        translate("RubricPanel", "Write a comment on the current criterion"),
        _keys("C", QKeySequence(Qt.Key.Key_Return), QKeySequence(_KEYPAD | Qt.Key.Key_Enter)),
        comment,
    )
    actions.bank = _action(
        parent,
        translate("RubricPanel", "Insert a sentence from the current criterion's comment bank"),
        _keys("B"),
        bank,
    )
    # Esc acts only inside the text boxes it is added to, so that it never competes with
    # an Esc the window may have.
    actions.leave_text = _action(
        parent,
        translate("RubricPanel", "Leave the text box, back to the criterion"),
        _keys(QKeySequence(Qt.Key.Key_Escape)),
        leave_text,
        Qt.ShortcutContext.WidgetShortcut,
    )
    actions.feedback = _action(
        parent, translate("RubricPanel", "Write the overall feedback"), _keys("F"), feedback
    )
    actions.submit = _action(
        parent,
        translate("RubricPanel", "Submit the review"),
        _keys(
            "Ctrl+Return",
            QKeySequence(Qt.KeyboardModifier.ControlModifier | _KEYPAD | Qt.Key.Key_Enter),
        ),
        submit,
    )
    actions.next_annotation = _action(
        parent, translate("RubricPanel", "Next annotation"), _keys("]"), lambda: step_annotation(1)
    )
    actions.previous_annotation = _action(
        parent,
        translate("RubricPanel", "Previous annotation"),
        _keys("["),
        lambda: step_annotation(-1),
    )
    actions.undo = _action(
        parent,
        translate("RubricPanel", "Undo the last annotation change"),
        _keys("Ctrl+Z"),
        undo,
    )
    actions.redo = _action(
        parent,
        translate("RubricPanel", "Redo the annotation change undone"),
        _keys("Ctrl+Shift+Z", "Ctrl+Y"),
        redo,
    )
    return actions
