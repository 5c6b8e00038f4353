"""One criterion: its title, its scale as a row of buttons (the prompt and the level
descriptors folded under them), its state in words, and a comment box with the
criterion's comment bank."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.rubrics.model import Criterion
from reviewer_app.ui.rubric import wording
from reviewer_app.ui.rubric.descriptors import DescriptorLabel
from reviewer_app.ui.rubric.growing_edit import GrowingTextEdit
from reviewer_app.ui.rubric.level_button import LevelButton
from reviewer_app.ui.standard_icons import standard_icon

_BANK_MENU_CHARS = 72  # a bank sentence longer than this is shortened in the menu


def _elide(text: str, limit: int = _BANK_MENU_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


class CriterionCard(QFrame):
    """Emits what the reviewer did; the panel saves it and then calls `show_level`.

    Compact: the title, the scale as one row of buttons, the state beside the comment
    bank, and the comment box; the prompt and the level descriptors fold away under
    "Descriptors" (each descriptor is also the tooltip of its level's button). A
    submitted review shows its scale as text at full contrast, the chosen level ticked
    and in bold, instead of buttons that could not be pressed.
    """

    level_clicked = Signal(str, str)  # criterion id, level id
    comment_edited = Signal(str, str)  # criterion id, text
    comment_left = Signal(str)  # criterion id: focus left its comment box
    bank_inserted = Signal(str)  # criterion id: a bank sentence went into the comment
    activated = Signal(str)  # criterion id: clicked on

    def __init__(
        self,
        criterion: Criterion,
        bank: tuple[str, ...],
        position: int,
        count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.position, self.count = position, count
        self._current = False
        self._read_only = False
        self._level_id: str | None = None
        self.setObjectName(f"criterion-{criterion.id}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(
            self.tr("Criterion {position} of {count}: {title}").format(
                position=position, count=count, title=criterion.title
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)

        title_row = QHBoxLayout()
        title_row.setSpacing(4)
        self.title_label = QLabel(criterion.title)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(_scaled(self.font(), 1.0, bold=True))
        title_row.addWidget(self.title_label, 1)
        self.details_button = QToolButton()
        self.details_button.setObjectName("descriptors")
        self.details_button.setText(self.tr("Descriptors"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setAccessibleName(
            self.tr("Descriptors: {title}").format(title=criterion.title)
        )
        self.details_button.setToolTip(self.tr("Show or hide the prompt and what each level means"))
        self.details_button.toggled.connect(self.set_details_shown)
        title_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)

        layout.addLayout(self._build_levels())
        self.read_only_levels = QLabel()
        self.read_only_levels.setObjectName("submitted-levels")
        self.read_only_levels.setWordWrap(True)
        self.read_only_levels.setTextFormat(Qt.TextFormat.RichText)
        self.read_only_levels.hide()
        layout.addWidget(self.read_only_levels)

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 2)
        details.setSpacing(3)
        if criterion.prompt:
            self.prompt_label: QLabel | None = QLabel(criterion.prompt)
            self.prompt_label.setWordWrap(True)
            self.prompt_label.setFont(_scaled(self.font(), 0.92))
            details.addWidget(self.prompt_label)
        else:
            self.prompt_label = None
        self.descriptor_labels: dict[str, DescriptorLabel] = {}
        for level in criterion.levels:
            descriptor = criterion.descriptors.get(level.id)
            if descriptor:
                label = DescriptorLabel(level.label, descriptor)
                self.descriptor_labels[level.id] = label
                details.addWidget(label)
        self.details.hide()
        self.details_button.setVisible(bool(self.prompt_label or self.descriptor_labels))
        layout.addWidget(self.details)

        layout.addLayout(self._build_state_line(bank))
        self.comment_box = GrowingTextEdit(min_lines=2)
        self.comment_box.setPlaceholderText(self.tr("Comment for the earner on this criterion"))
        self.comment_box.setAccessibleName(
            self.tr("Comment: {title}").format(title=criterion.title)
        )
        self.comment_box.setAccessibleDescription(
            self.tr(
                "What the earner reads about {title}; Ctrl+Down goes to the next "
                "criterion's comment, Esc back to the levels"
            ).format(title=criterion.title)
        )
        self.comment_box.textChanged.connect(self._comment_changed)
        self.comment_box.focus_left.connect(lambda: self.comment_left.emit(criterion.id))
        layout.addWidget(self.comment_box)
        # Tab goes along the scale, then to the descriptors, the bank and the comment.
        chain: list[QWidget] = [*self.level_buttons, self.details_button]
        if self.bank_button is not None:
            chain.append(self.bank_button)
        chain.append(self.comment_box)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._loading = False
        self.show_level(None, None)

    # Building --------------------------------------------------------------------------

    def _build_levels(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        # No exclusive QButtonGroup: Qt would make the row one Tab stop with arrow keys
        # that choose as they move; here every level is a Tab stop and only a press
        # (or its number key) chooses. `show_level` keeps one button checked.
        self.level_buttons: list[LevelButton] = []
        for n, level in enumerate(self.criterion.levels):
            button = LevelButton(wording.level_button_text(level, chosen=False))
            button.setAccessibleName(wording.level_accessible_name(self.criterion, level))
            descriptor = self.criterion.descriptors.get(level.id, "")
            key = self.tr("Key {n}").format(n=n + 1) if n < 9 else ""
            button.setAccessibleDescription(" ".join(p for p in (descriptor, key) if p))
            button.set_tip("\n".join(p for p in (descriptor, key) if p))
            button.clicked.connect(
                lambda _checked=False, lid=level.id: self.level_clicked.emit(self.criterion.id, lid)
            )
            self.level_buttons.append(button)
            row.addWidget(button)
        return row

    def _build_state_line(self, bank: tuple[str, ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.state_icon = QLabel()
        self.state_icon.setFixedSize(16, 16)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setFont(_scaled(self.font(), 1.0, bold=True))
        row.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.state_label, 1)
        self.bank_menu: QMenu | None = None
        self.bank_button: QPushButton | None = None
        if bank:
            self.bank_menu = QMenu(self)
            self.bank_menu.setToolTipsVisible(True)
            self.bank_menu.setAccessibleName(
                self.tr("Comment bank: {title}").format(title=self.criterion.title)
            )
            for sentence in bank:
                action = QAction(_elide(sentence), self.bank_menu)
                action.setToolTip(sentence)
                action.setData(sentence)
                action.triggered.connect(lambda _c=False, s=sentence: self.insert_bank(s))
                self.bank_menu.addAction(action)
            self.bank_button = QPushButton()
            self.bank_button.setText(self.tr("Comment bank"))
            self.bank_button.setToolTip(self.tr("Insert a sentence from this criterion's bank (B)"))
            self.bank_button.setAccessibleName(
                self.tr("Comment bank: {title}").format(title=self.criterion.title)
            )
            self.bank_button.setAutoDefault(False)
            self.bank_button.setMenu(self.bank_menu)
            row.addWidget(self.bank_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def add_annotations(self, group: QWidget) -> None:
        """The list of this criterion's annotations, under its comment (hidden while
        it has none); Tab reaches it after the comment."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(group)
        QWidget.setTabOrder(self.comment_box, group)

    def set_details_shown(self, shown: bool) -> None:
        """Unfolds (or folds away) the prompt and the level descriptors."""
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if self.details_button.isChecked() != shown:
            self.details_button.setChecked(shown)

    # State -----------------------------------------------------------------------------

    @property
    def level_id(self) -> str | None:
        return self._level_id

    @property
    def state_text(self) -> str:
        return self.state_label.text()

    def show_level(self, level_id: str | None, meets: bool | None) -> None:
        """Shows `level_id` as chosen (None: not scored), and the state line with it."""
        self._level_id = level_id
        for level, button in zip(self.criterion.levels, self.level_buttons, strict=True):
            chosen = level.id == level_id
            button.setChecked(chosen)
            button.set_full_text(wording.level_button_text(level, chosen=chosen))
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)
        for lid, label in self.descriptor_labels.items():
            label.set_chosen(lid == level_id)
        self.read_only_levels.setText(wording.submitted_scale(self.criterion, level_id))
        self.read_only_levels.setAccessibleName(
            wording.submitted_scale_name(self.criterion, level_id)
        )
        self.state_label.setText(wording.state_line(self.criterion, level_id, meets))
        if level_id is None:
            icon = QStyle.StandardPixmap.SP_MessageBoxQuestion
        elif meets is False:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        else:
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
        self.state_icon.setPixmap(standard_icon(icon, self).pixmap(16, 16))

    def load_comment(self, text: str) -> None:
        """Shows saved text without reporting it as an edit."""
        self._loading = True
        try:
            self.comment_box.setPlainText(text)
        finally:
            self._loading = False

    def set_current(self, current: bool, description: str = "") -> None:
        if current != self._current:
            self._current = current
            self.update()
        self.setAccessibleDescription(description if current else "")

    def set_read_only(self, read_only: bool) -> None:
        """Submitted: the scale as text at full contrast (disabled buttons would draw
        the chosen level grey on grey), the comment read-only, no comment bank."""
        self._read_only = read_only
        for button in self.level_buttons:
            button.setEnabled(not read_only)
            button.setVisible(not read_only)
        self.read_only_levels.setVisible(read_only)
        self.comment_box.setReadOnly(read_only)
        self.comment_box.setPlaceholderText(
            self.tr("No comment")
            if read_only
            else self.tr("Comment for the earner on this criterion")
        )
        if self.bank_button is not None:
            self.bank_button.setEnabled(not read_only)
            self.bank_button.setVisible(not read_only)

    # Moving focus ----------------------------------------------------------------------

    def focus_levels(self) -> None:
        """Focus on the chosen level's button (the first if none is chosen)."""
        checked = [b for b in self.level_buttons if b.isChecked()]
        target: QWidget = checked[0] if checked else self.level_buttons[0]
        if not target.isEnabled():  # submitted: the buttons are off, the comment reads
            target = self.comment_box
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_comment(self) -> None:
        self.comment_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.comment_box.moveCursor(QTextCursor.MoveOperation.End)

    def open_bank(self) -> None:
        """Pops the comment bank up under its button (without waiting for a choice)."""
        if self.bank_menu is None or self.bank_button is None or not self.bank_button.isEnabled():
            return
        self.bank_menu.popup(self.bank_button.mapToGlobal(QPoint(0, self.bank_button.height())))
        first = self.bank_menu.actions()[0] if self.bank_menu.actions() else None
        if first is not None:
            self.bank_menu.setActiveAction(first)

    def insert_bank(self, sentence: str) -> None:
        """Puts a bank sentence at the cursor of the comment box, spaced from its text."""
        if self.comment_box.isReadOnly():
            return
        cursor = self.comment_box.textCursor()
        before = self.comment_box.toPlainText()[: cursor.position()]
        prefix = "" if not before or before[-1].isspace() else " "
        cursor.insertText(prefix + sentence)
        self.comment_box.setTextCursor(cursor)
        self.comment_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bank_inserted.emit(self.criterion.id)

    # Events ----------------------------------------------------------------------------

    def _comment_changed(self) -> None:
        if not self._loading:
            self.comment_edited.emit(self.criterion.id, self.comment_box.toPlainText())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.activated.emit(self.criterion.id)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self._current:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        else:
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        inset = pen.widthF() / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()
