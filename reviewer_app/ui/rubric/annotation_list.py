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

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.reviews.annotations import Annotation, place_words

ID_ROLE = Qt.ItemDataRole.UserRole
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


class AnnotationGroup(QListWidget):
    """One group's lines; as tall as its lines (the rubric scrolls, not the list)."""

    chosen = Signal(int)  # an annotation id: clicked, or moved onto with the keys
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation-list")
        self.setAccessibleName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)  # every line is two lines of text
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemClicked.connect(self._clicked)
        self.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(_id(item)))
        self.currentItemChanged.connect(self._moved)
        self._filling = False
        self._pressed_onto: int | None = None
        self._rows: dict[int, QListWidgetItem] = {}
        self._marked: int | None = None
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
            self.clear()
            self._rows, self._marked = {}, None
            for annotation in annotations:
                item = self._line(annotation, pages.get(annotation.item_id))
                self._rows[annotation.id] = item
                self.addItem(item)
        finally:
            self._filling = False
        if self.isHidden() == bool(annotations):
            self.setVisible(bool(annotations))
        self._fit()

    def _line(self, annotation: Annotation, pages: int | None) -> QListWidgetItem:
        place = place_words(annotation, pages)
        item = QListWidgetItem(line_text(annotation, pages))
        item.setData(ID_ROLE, annotation.id)
        tip = [place, annotation.text] + ([f"[{annotation.tag}]"] if annotation.tag else [])
        item.setToolTip("\n".join(tip))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("Annotation {number}, {place}: {comment}").format(
                number=annotation.number, place=place, comment=annotation.text
            ),
        )
        return item

    def item_of(self, annotation_id: int) -> QListWidgetItem | None:
        return self._rows.get(annotation_id)

    def mark(self, annotation_id: int | None) -> None:
        """Shows `annotation_id` as the selected one (None, or one not here: none)."""
        wanted = annotation_id if annotation_id in self._rows else None
        if wanted == self._marked and (wanted is None or self.currentItem() is self._rows[wanted]):
            return
        self._filling = True
        try:
            before = self._rows.get(self._marked) if self._marked is not None else None
            if before is not None:
                self._show_marked(before, False)
            self._marked = wanted
            if wanted is None:
                self.clearSelection()
                self.setCurrentRow(-1)
            else:
                item = self._rows[wanted]
                self._show_marked(item, True)
                self.setCurrentItem(item)
        finally:
            self._filling = False

    def _show_marked(self, item: QListWidgetItem, chosen: bool) -> None:
        text = item.text().removeprefix(_MARK)
        item.setText(_MARK + text if chosen else text)
        font = QFont(self.font())
        font.setBold(chosen)
        item.setFont(font)
        item.setSelected(chosen)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._height())

    def _height(self) -> int:
        # Every line is two lines of text (uniform item sizes): one row measured.
        row = max(self.sizeHintForRow(0), 0) if self.count() else 0
        return row * self.count() + 2 * self.frameWidth() + 2

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
        item = self.currentItem()
        key = Qt.Key(event.key())
        if item is not None and key in _OWN_KEYS:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_requested.emit(_id(item))
            elif self.editable:
                self.delete_requested.emit(_id(item))
            event.accept()
            return
        super().keyPressEvent(event)

    def _clicked(self, item: QListWidgetItem) -> None:
        # A press moved onto it already (reported then); a click on the line that was
        # already current reports it again: its pin is brought back into view.
        if self._pressed_onto != _id(item):
            self.chosen.emit(_id(item))
        self._pressed_onto = None

    def _moved(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None and not self._filling:
            self._pressed_onto = _id(item)
            self.chosen.emit(_id(item))

    def _menu(self, at: QPoint) -> None:
        item = self.itemAt(at)
        if item is None:
            return
        annotation_id = _id(item)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = QAction(self.tr("&Edit\u2026") if self.editable else self.tr("&Show"), menu)
        edit.triggered.connect(lambda: self.edit_requested.emit(annotation_id))
        delete = QAction(self.tr("&Delete"), menu)
        delete.setEnabled(self.editable)
        delete.triggered.connect(lambda: self.delete_requested.emit(annotation_id))
        menu.addActions([edit, delete])
        menu.popup(self.viewport().mapToGlobal(at))


def _id(item: QListWidgetItem) -> int:
    return int(item.data(ID_ROLE))


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
        item = holder.item_of(annotation_id) if holder is not None else None
        if holder is None or item is None:
            return
        if focus:
            holder.setFocus(Qt.FocusReason.OtherFocusReason)
        if scroll:
            content = self._scroll.widget()
            if content is not None and content.isAncestorOf(holder):
                rect = holder.visualItemRect(item)
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
            if group.item_of(annotation_id) is not None:
                return group
        return None

    def _chosen(self, annotation_id: int) -> None:
        if annotation_id != self._current:
            self.select(annotation_id, scroll=False)
        self.chosen.emit(annotation_id)
