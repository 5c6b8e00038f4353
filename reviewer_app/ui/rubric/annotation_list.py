"""The review's annotations in the rubric panel: under each criterion card the ones tied
to it, and a "General" group after the criteria for the rest.

Each line says the annotation's number (the pin's), its place (item, page) and the
first line of its comment; the one selected is also in bold with a marker, so colour is
never the only sign of it. Clicking a line (or moving onto it with the arrow keys)
reports it, for the evidence to bring its pin into view; Enter or a double click asks
to edit it, Delete or Backspace to delete it, and so does its context menu. `[` and `]`
(the panel's keys) step through the annotations by number, as the pins are numbered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.reviews.annotations import Annotation, place_words

ID_ROLE = Qt.ItemDataRole.UserRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ROOT = QModelIndex()
_MARK = "\u25b6 "  # before the selected line, beside its highlight and bold
_FIRST_LINE_CHARS = 80
_OWN_KEYS = (
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
)


def first_line(text: str, limit: int = _FIRST_LINE_CHARS) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    more = len(line) > limit or "\n" in text.strip()
    line = line[: limit - 1].rstrip() if len(line) > limit else line
    return line + "\u2026" if more else line


def short_place(annotation: Annotation, pages: int | None) -> str:
    """The place with the item's file name only (its folder is in the tooltip)."""
    name = annotation.item.rsplit("/", 1)[-1]
    if pages is None or pages > 1:
        # As reviewer_app.reviews.annotations.place_words says it.
        return QCoreApplication.translate("AnnotationLists", "{item}, page {page}").format(
            item=name, page=annotation.page
        )
    return name


def line_text(annotation: Annotation, pages: int | None) -> str:
    """Two lines: number and place, then the comment's first line (and its tag)."""
    comment = first_line(annotation.text)
    if annotation.tag:
        comment += f" [{first_line(annotation.tag, 30)}]"
    return f"{annotation.number}. {short_place(annotation, pages)}\n{comment}"


class _Lines(QAbstractListModel):
    """The lines of one group, made when they arrive and drawn only when in view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Line] = []
        self.marked: int | None = None
        self.bold = QFont()
        self.bold.setBold(True)

    def set_rows(self, rows: list[_Line]) -> None:
        self.beginResetModel()
        self.rows, self.marked = rows, None
        self.endResetModel()

    def row_of(self, annotation_id: int | None) -> int:
        for n, line in enumerate(self.rows):
            if line.id == annotation_id:
                return n
        return -1

    def set_marked(self, annotation_id: int | None) -> None:
        changed = [self.row_of(self.marked), self.row_of(annotation_id)]
        self.marked = annotation_id
        for row in changed:
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line = self.rows[index.row()]
        marked = line.id == self.marked
        if role == _DISPLAY:
            return _MARK + line.text if marked else line.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return line.spoken
        if role == ID_ROLE:
            return line.id
        if role == Qt.ItemDataRole.FontRole and marked:
            return self.bold
        return None


@dataclass(frozen=True)
class _Line:
    id: int
    text: str  # two lines: number and place, then the comment's first line
    tip: str
    spoken: str  # what a screen reader says


class AnnotationGroup(QListView):
    """One group's lines; as tall as its lines (the rubric scrolls, not the list)."""

    chosen = Signal(int)  # an annotation id: clicked, or moved onto with the keys
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation-list")
        self.setAccessibleName(name)
        self.lines_model = _Lines(self)
        self.setModel(self.lines_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)  # every line is two lines of text
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.clicked.connect(self._clicked)
        self.doubleClicked.connect(lambda index: self.edit_requested.emit(_id(index)))
        self.selectionModel().currentChanged.connect(self._moved)
        self._filling = False
        self._pressed_onto: int | None = None
        self._shown: tuple[object, ...] = ()
        self.editable = True
        self.hide()

    def fill(self, annotations: Sequence[Annotation], pages: Mapping[int, int]) -> None:
        """Shows these lines (nothing is redone when they are what is shown: opening a
        submission with hundreds of annotations must stay quick)."""
        key = tuple((a, pages.get(a.item_id)) for a in annotations)
        if key == self._shown:
            return
        self._shown = key
        self._filling = True
        try:
            self.lines_model.set_rows([self._line(a, pages.get(a.item_id)) for a in annotations])
        finally:
            self._filling = False
        if self.isHidden() == bool(annotations):
            self.setVisible(bool(annotations))
        self._fit()

    def _line(self, annotation: Annotation, pages: int | None) -> _Line:
        place = place_words(annotation, pages)
        tip = [place, annotation.text] + ([f"[{annotation.tag}]"] if annotation.tag else [])
        spoken = self.tr("Annotation {number}, {place}: {comment}").format(
            number=annotation.number, place=place, comment=annotation.text
        )
        return _Line(annotation.id, line_text(annotation, pages), "\n".join(tip), spoken)

    def count(self) -> int:
        return self.lines_model.rowCount()

    def lines(self) -> list[str]:
        """The lines as shown (the selected one marked)."""
        model = self.lines_model
        return [str(model.data(model.index(r))) for r in range(model.rowCount())]

    def index_of(self, annotation_id: int) -> QModelIndex | None:
        row = self.lines_model.row_of(annotation_id)
        return self.lines_model.index(row) if row >= 0 else None

    def mark(self, annotation_id: int | None) -> None:
        """Shows `annotation_id` as the selected one (None, or one not here: none)."""
        index = self.index_of(annotation_id) if annotation_id is not None else None
        wanted = annotation_id if index is not None else None
        if wanted == self.lines_model.marked and (index is None or self.currentIndex() == index):
            return
        self._filling = True
        try:
            self.lines_model.set_marked(wanted)
            if index is None:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        finally:
            self._filling = False

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._height())

    def _height(self) -> int:
        # Every line is two lines of text (uniform item sizes): one row measured.
        count = self.count()
        row = max(self.sizeHintForRow(0), 0) if count else 0
        return row * count + 2 * self.frameWidth() + 2

    def _fit(self) -> None:
        self.setFixedHeight(self._height())

    # Events -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Enter and Delete act on the line with the focus here, not through the rubric's
        # window-wide keys (write a comment, clear the level).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in _OWN_KEYS
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = Qt.Key(event.key())
        if index.isValid() and key in _OWN_KEYS:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_requested.emit(_id(index))
            elif self.editable:
                self.delete_requested.emit(_id(index))
            event.accept()
            return
        self._pressed_onto = None
        super().keyPressEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        # A press moved onto it already (reported then); a click on the line that was
        # already current reports it again: its pin is brought back into view.
        if self._pressed_onto != _id(index):
            self.chosen.emit(_id(index))
        self._pressed_onto = None

    def _moved(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid() and not self._filling:
            self._pressed_onto = _id(index)
            self.chosen.emit(_id(index))

    def _menu(self, at: QPoint) -> None:
        index = self.indexAt(at)
        if not index.isValid():
            return
        annotation_id = _id(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = QAction(self.tr("&Edit\u2026") if self.editable else self.tr("&Show"), menu)
        edit.triggered.connect(lambda: self.edit_requested.emit(annotation_id))
        delete = QAction(self.tr("&Delete"), menu)
        delete.setEnabled(self.editable)
        delete.triggered.connect(lambda: self.delete_requested.emit(annotation_id))
        menu.addActions([edit, delete])
        menu.popup(self.viewport().mapToGlobal(at))


def _id(index: QModelIndex) -> int:
    return int(index.data(ID_ROLE))


class AnnotationLists(QWidget):
    """The groups of one rubric, and which annotation is selected. The General group is
    this widget itself (placed after the criteria); the criteria's groups go into their
    cards (`group_for`)."""

    chosen = Signal(int)  # the person chose an annotation in a list
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, scroll: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scroll = scroll
        self._groups: dict[str | None, AnnotationGroup] = {}
        self._annotations: list[Annotation] = []
        self._current: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        heading = QLabel(self.tr("General annotations"))
        font = QFont(self.font())
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.empty = QLabel()
        self.empty.setObjectName("empty-state")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        general = self._add_group(None, self.tr("General annotations"))
        layout.addWidget(general)

    def group_for(self, criterion_id: str, title: str) -> AnnotationGroup:
        """A new group for a criterion's card to hold."""
        return self._add_group(
            criterion_id, self.tr("Annotations on {criterion}").format(criterion=title)
        )

    def _add_group(self, criterion_id: str | None, name: str) -> AnnotationGroup:
        group = AnnotationGroup(name)
        group.setFrameShape(QFrame.Shape.StyledPanel)
        group.chosen.connect(self._chosen)
        group.edit_requested.connect(self.edit_requested)
        group.delete_requested.connect(self.delete_requested)
        self._groups[criterion_id] = group
        return group

    # State --------------------------------------------------------------------------

    @property
    def annotations(self) -> list[Annotation]:
        return self._annotations

    @property
    def current(self) -> int | None:
        return self._current

    def annotation(self, annotation_id: int) -> Annotation | None:
        return next((a for a in self._annotations if a.id == annotation_id), None)

    def show_annotations(
        self, annotations: Sequence[Annotation], pages: Mapping[int, int], editable: bool
    ) -> None:
        """Fills every group; the selection stays on the same annotation (by number:
        an undone delete comes back under a new id)."""
        kept = self.annotation(self._current) if self._current is not None else None
        self._annotations = sorted(annotations, key=lambda a: a.number)
        grouped: dict[str | None, list[Annotation]] = {key: [] for key in self._groups}
        for a in self._annotations:
            grouped[a.criterion if a.criterion in self._groups else None].append(a)
        for key, group in self._groups.items():
            group.editable = editable
            group.fill(grouped[key], pages)
        general = grouped[None]
        self.empty.setVisible(not general)
        if not self._annotations:
            self.empty.setText(
                self.tr("No annotations yet: draw on the evidence, or press A.")
                if editable
                else self.tr("No annotations.")
            )
        else:
            self.empty.setText(self.tr("None: every annotation is under its criterion."))
        again = (
            next((a.id for a in self._annotations if a.number == kept.number), None)
            if kept is not None
            else None
        )
        self.select(again, scroll=False)

    def select(
        self, annotation_id: int | None, *, scroll: bool = True, focus: bool = False
    ) -> None:
        """Marks `annotation_id` as the selected one, scrolls the rubric to its line
        and, with `focus`, puts the keyboard focus on it."""
        if annotation_id is not None and self.annotation(annotation_id) is None:
            annotation_id = None
        self._current = annotation_id
        for group in self._groups.values():
            group.mark(annotation_id)
        if annotation_id is None:
            return
        holder = self._group_of(annotation_id)
        index = holder.index_of(annotation_id) if holder is not None else None
        if holder is None or index is None:
            return
        if focus:
            holder.setFocus(Qt.FocusReason.OtherFocusReason)
        if scroll:
            content = self._scroll.widget()
            if content is not None and content.isAncestorOf(holder):
                rect = holder.visualRect(index)
                point = holder.viewport().mapTo(content, rect.center())
                self._scroll.ensureVisible(point.x(), point.y(), 0, rect.height() + 16)

    def step(self, step: int) -> int | None:
        """The next (1) or previous (-1) annotation by number from the selected one, or
        the first (last) when none is; None when there are none."""
        if not self._annotations:
            return None
        ids = [a.id for a in self._annotations]
        if self._current not in ids:
            return ids[0] if step > 0 else ids[-1]
        here = ids.index(self._current)
        return ids[min(max(here + step, 0), len(ids) - 1)]

    def group_of(self, annotation_id: int) -> AnnotationGroup | None:
        return self._group_of(annotation_id)

    def _group_of(self, annotation_id: int) -> AnnotationGroup | None:
        for group in self._groups.values():
            if group.index_of(annotation_id) is not None:
                return group
        return None

    def _chosen(self, annotation_id: int) -> None:
        if annotation_id != self._current:
            self.select(annotation_id, scroll=False)
        self.chosen.emit(annotation_id)
