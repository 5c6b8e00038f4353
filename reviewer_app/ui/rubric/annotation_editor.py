"""The small form that asks for an annotation's comment, its criterion and a tag.

Opened over the window (window-modal, never in an event loop of its own; see
reviewer_app/ui/window_modal.py): the caller goes on from `saved`. Enter saves, also in
the comment box, where Shift+Enter starts a new line (and Ctrl+Enter saves, as it
submits elsewhere); Esc cancels. The tags offered are the chosen criterion's comment
bank, so a tag is one of the rubric's own level-neutral sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TAG_CHARS = 60


class CommentBox(QPlainTextEdit):
    """Enter (or Ctrl+Enter) saves; Shift+Enter is a new line; Tab moves on."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Enter would otherwise reach the window's "submit the review".
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in _ENTER
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) in _ENTER:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


# Saves (text, criterion or None, tag or None); returns why it could not, or None.
Save = Callable[[str, str | None, str | None], str | None]


class AnnotationEditor(QDialog):
    """Calls `on_save` when the person saves; closes when it succeeds, or says why it
    did not and stays open with what was typed."""

    def __init__(
        self,
        parent: QWidget,
        on_save: Save,
        *,
        title: str,
        place: str,
        criteria: Sequence[tuple[str, str]],  # (id, title) in rubric order
        banks: Mapping[str, Sequence[str]],
        criterion: str | None,
        text: str = "",
        tag: str | None = None,
        editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotation-editor")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._banks = banks
        self._tag = tag
        self._on_save = on_save

        where = QLabel(place)
        where.setWordWrap(True)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setAccessibleName(self.tr("Where the annotation is"))
        self.comment = CommentBox()
        self.comment.setObjectName("annotation-comment")
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setAccessibleDescription(
            self.tr(
                "What the earner reads beside this place; Enter saves, Shift+Enter starts "
                "a new line"
            )
        )
        self.comment.setPlaceholderText(self.tr("What the earner should see here"))
        self.comment.setPlainText(text)
        self.comment.moveCursor(self.comment.textCursor().MoveOperation.End)
        self.comment.setReadOnly(not editable)
        self.comment.entered.connect(self._save)

        self.criterion = QComboBox()
        self.criterion.setObjectName("annotation-criterion")
        self.criterion.setAccessibleName(self.tr("Criterion"))
        self.criterion.setToolTip(self.tr("The criterion this annotation speaks to, or General"))
        self.criterion.addItem(self.tr("General (no criterion)"), None)
        for criterion_id, criterion_title in criteria:
            self.criterion.addItem(criterion_title, criterion_id)
        index = self.criterion.findData(criterion) if criterion is not None else 0
        self.criterion.setCurrentIndex(max(index, 0))
        self.criterion.setEnabled(editable)

        self.tag = QComboBox()
        self.tag.setObjectName("annotation-tag")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.setToolTip(self.tr("An optional tag from the criterion's comment bank"))
        self.tag.setEnabled(editable)
        self.criterion.currentIndexChanged.connect(lambda _i: self._fill_tags())
        self._fill_tags()

        self.problem = QLabel()
        self.problem.setObjectName("annotation-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("Place:"), where)
        form.addRow(self.tr("&Comment:"), self.comment)
        form.addRow(self.tr("C&riterion:"), self.criterion)
        form.addRow(self.tr("&Tag:"), self.tag)
        for field in (self.comment, self.criterion, self.tag):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)

        buttons = QDialogButtonBox()
        if editable:
            self.save_button = buttons.addButton(
                self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.save_button.setToolTip(self.tr("Saves the annotation (Enter)"))
            self.save_button.setDefault(True)
        cancel = buttons.addButton(
            self.tr("Cancel") if editable else self.tr("Close"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        cancel.setToolTip(self.tr("Closes this form; nothing is saved (Esc)"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.comment.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_tags(self) -> None:
        chosen = self.tag.currentData() if self.tag.count() else self._tag
        self.tag.clear()
        self.tag.addItem(self.tr("No tag"), None)
        criterion = self.criterion.currentData()
        bank = list(self._banks.get(criterion, ())) if criterion is not None else []
        if chosen and chosen not in bank:
            bank.insert(0, chosen)  # a tag given before (or on the command line) stays offered
        for sentence in bank:
            shown = (
                sentence if len(sentence) <= _TAG_CHARS else sentence[: _TAG_CHARS - 1] + "\u2026"
            )
            self.tag.addItem(shown, sentence)
            self.tag.setItemData(self.tag.count() - 1, sentence, Qt.ItemDataRole.ToolTipRole)
        self.tag.setCurrentIndex(max(self.tag.findData(chosen), 0) if chosen else 0)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _save(self) -> None:
        if self.comment.isReadOnly():
            self.reject()
            return
        text = self.comment.toPlainText().strip()
        if not text:
            self.show_problem(self.tr("Write a comment: it is what the earner reads here."))
            self.comment.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = self._on_save(text, self.criterion.currentData(), self.tag.currentData())
        if problem:
            self.show_problem(problem)
            return
        self.accept()
