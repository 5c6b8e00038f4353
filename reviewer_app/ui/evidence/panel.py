"""The evidence panel: a submission's items by rubric part, and the viewer for the chosen one.

The viewer is what the reviewer came to read, so it gets the pane's width:
- The list of items (a tree by rubric part) is hidden until asked for (Ctrl+Shift+L,
  or the "Evidence list" button in the header), and the choice is remembered
  (`remembered.ITEM_LIST`). Without it the header still says where the reviewer is
  ("3 of 11", a button whose menu lists every item by part) and has the previous and
  next item buttons (Alt+Up, Alt+Down), so nothing needs the list.
- `show_part(part_id)` is for the rubric: moving to a criterion brings its part's
  evidence into view, without taking the keyboard focus from the rubric. When the item
  shown already belongs to that part it stays (the reviewer may be reading the second
  of its items); otherwise the part's first item is shown.
- A password-protected PDF, once unlocked, no longer carries the import's warning that
  its pages cannot be read: the banner says it is unlocked for now instead.
- Annotations (keys in docs/window.md): `set_annotations` gives the pins of the open
  submission (each viewer draws those of the item it shows), `focus_annotation` brings
  one into view, and what the reviewer draws or selects is emitted as an `Anchor`
  (`annotation_drawn`) for the window to ask for the comment and save. Drawing is off
  when the annotations are not editable (a submitted review, adjudication).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.evidence.sniff import IMAGE_TYPES, PDF, TEXT_TYPES
from reviewer_app.reviews.annotations import Anchor, Annotation
from reviewer_app.reviews.queue import ItemView, SubmissionView
from reviewer_app.ui.evidence.banner import WarningBanner
from reviewer_app.ui.evidence.controls import (
    human_size,
    make_action,
    media_type_words,
    theme_icon,
    tool_button,
)
from reviewer_app.ui.evidence.fetching import EvidenceFetcher, needs_fetch
from reviewer_app.ui.evidence.grouping import group_items, part_title
from reviewer_app.ui.evidence.image_loader import ImageLoader
from reviewer_app.ui.evidence.image_view import ImageView
from reviewer_app.ui.evidence.message import MessagePane, Severity
from reviewer_app.ui.evidence.other_view import OtherView
from reviewer_app.ui.evidence.pdf_view import PdfView
from reviewer_app.ui.evidence.remembered import ITEM_LIST, Remembered
from reviewer_app.ui.evidence.system_open import viewer_file_name
from reviewer_app.ui.evidence.text_view import TextView
from reviewer_app.ui.standard_icons import standard_icon

translate = QCoreApplication.translate

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
PART_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

# The import's warning about a PDF it could not open for its password (see
# evidence.readers.pdf), in English and as translated: what unlocking answers.
LOCKED_WARNING = "is encrypted with a password, so its pages cannot be read"


def unlocked_warnings(warnings: tuple[str, ...]) -> list[str]:
    """An unlocked PDF's warnings: those about the password are answered, and replaced
    by a sentence that says what still holds."""
    locked = {LOCKED_WARNING, translate("EvidenceFiles", LOCKED_WARNING)}
    kept = [w for w in warnings if not any(text in w for text in locked)]
    note = translate(
        "EvidencePanel",
        "Unlocked with the password you typed, until you open another item. Its words "
        "are not in the evidence search, which could not open it.",
    )
    return [note, *kept]


def describe_item(item: ItemView) -> str:
    """'PDF, 12 pages, 340 kB': what kind of thing an item is, in a few words."""
    if item.kind == "text":
        return translate("EvidencePanel", "Written answer")
    locale = QLocale()
    kind = media_type_words(item.media_type)
    parts = [kind[:1].upper() + kind[1:]]
    if item.page_count:
        parts.append(
            translate("EvidencePanel", "{n} pages").format(n=locale.toString(item.page_count))
            if item.page_count != 1
            else translate("EvidencePanel", "1 page")
        )
    if item.frame_count and item.frame_count > 1:
        parts.append(
            translate("EvidencePanel", "{n} pages").format(n=locale.toString(item.frame_count))
        )
    if item.width and item.height:
        width, height = item.width, item.height
        if item.exif_orientation in (5, 6, 7, 8):
            width, height = height, width
        parts.append(f"{locale.toString(width)} \u00d7 {locale.toString(height)}")
    if item.size is not None:
        parts.append(human_size(item.size))
    return ", ".join(parts)


class EvidencePanel(QWidget):
    """The chosen item in its viewer; on the left, when shown, the submission's items
    grouped by rubric part.

    `item_shown(item_id)` is emitted whenever an item is brought into view. `settings`
    (the window's layout settings) remembers whether the list and the PDF thumbnails
    are shown.
    """

    item_shown = Signal(int)
    annotation_drawn = Signal(object)  # an Anchor the reviewer has just confirmed
    annotation_clicked = Signal(int)  # the id of the pin clicked

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        loader: ImageLoader | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Evidence"))
        self.remembered = Remembered(settings)
        self._submission: SubmissionView | None = None
        self._items: list[ItemView] = []  # in list order
        self._part_titles: dict[str, str] = {}
        self._current: ItemView | None = None
        self._syncing = False

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Evidence items"))
        self.tree.setToolTip(self.tr("Evidence items by rubric part (Alt+Down: next item)"))
        self.tree.setMinimumWidth(180)
        self.tree.header().setAccessibleName(self.tr("Evidence items heading"))
        self.tree.currentItemChanged.connect(lambda current, _previous: self._on_tree(current))
        # Arrow keys browse the items; Enter (or a double click) goes into the viewer, where
        # its own keys (pages, zoom, find) work.
        self.tree.itemActivated.connect(lambda _node, _column: self._focus_viewer())

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)  # in a narrow pane, on two lines rather than wider
        self.banner = WarningBanner()

        self.pdf_view = PdfView(settings=settings)
        self.pdf_view.unlocked.connect(self._on_unlocked)
        self.image_view = ImageView(loader)
        self.text_view = TextView()
        self.other_view = OtherView()
        self.empty = MessagePane()
        self.empty.set_message(
            self.tr("No submission is open"),
            self.tr("Choose a submission in the queue to read its evidence here."),
            Severity.INFO,
        )
        self.stack = QStackedWidget()
        for view in (self.empty, self.pdf_view, self.image_view, self.text_view, self.other_view):
            self.stack.addWidget(view)

        # Window-wide, so that a reviewer typing in the rubric can turn to the next item.
        self.next_item_action = make_action(
            self,
            self.tr("Next evidence item"),
            self.next_item,
            ["Alt+Down"],
            icon=theme_icon(QIcon.ThemeIcon.GoNext, QStyle.StandardPixmap.SP_ArrowRight, self),
            context=Qt.ShortcutContext.WindowShortcut,
        )
        self.previous_item_action = make_action(
            self,
            self.tr("Previous evidence item"),
            self.previous_item,
            ["Alt+Up"],
            icon=theme_icon(QIcon.ThemeIcon.GoPrevious, QStyle.StandardPixmap.SP_ArrowLeft, self),
            context=Qt.ShortcutContext.WindowShortcut,
        )
        # Ctrl+Shift+L: "list", free in the window (F9, a viewer's usual side-pane key,
        # folds the queue there).
        self.list_action = make_action(
            self,
            self.tr("Evidence list"),
            self._toggle_list,
            ["Ctrl+Shift+L"],
            checkable=True,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        self.list_action.setChecked(self.remembered.flag(ITEM_LIST, False))
        self.list_button = tool_button(self.list_action)
        self.previous_button = tool_button(self.previous_item_action)
        self.next_button = tool_button(self.next_item_action)
        self.item_menu = QMenu(self)
        self.item_group = QActionGroup(self)
        self.item_group.setExclusive(True)
        self.item_menu.aboutToShow.connect(self._fill_menu)
        self.position_button = QToolButton()
        self.position_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.position_button.setMenu(self.item_menu)
        self.position_button.setAutoRaise(True)
        self.position_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.position_button.setToolTip(self.tr("Choose an evidence item"))
        self.position_button.setAccessibleName(self.tr("Choose an evidence item"))

        header = self.header = QWidget()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(4, 4, 8, 4)
        header_layout.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.position_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(6)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.details)
        top.addLayout(text, 1)
        header_layout.addLayout(top)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 900])
        self.tree.setVisible(self.list_action.isChecked())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._annotations: list[Annotation] = []
        self._editable = False
        self._current_annotation: int | None = None
        self._focus_on_load: int | None = None  # an image pin to show once decoded
        self._build_annotation_actions()

        self.set_submission(None)

    def _build_annotation_actions(self) -> None:
        self.annotate_area_action = make_action(
            self,
            self.tr("Annotate an area"),
            self.start_keyboard_annotation,
            ["A"],
        )
        self.annotate_area_action.setStatusTip(
            self.tr(
                "Puts a rectangle on the page: arrow keys move it, Shift and the arrows "
                "resize it, Enter confirms, Escape cancels"
            )
        )
        self.drawing_mode_action = make_action(
            self, self.tr("Draw annotations with the mouse"), self._on_drawing_mode, checkable=True
        )
        self.drawing_mode_action.setToolTip(
            self.tr(
                "Draw annotations with the mouse: drag a rectangle on a page or picture "
                "(or hold Shift while dragging)"
            )
        )
        self.annotate_selection_action = make_action(
            self, self.tr("Annotate selection"), self.annotate_selection
        )
        self.annotate_page_action = make_action(
            self, self.tr("Annotate this page"), self.annotate_page
        )
        menu = [
            self.annotate_selection_action,
            self.annotate_area_action,
            self.annotate_page_action,
            self.drawing_mode_action,
        ]
        self.pdf_view.context_actions = menu
        self.image_view.context_actions = menu
        self.text_view.reader.context_actions = menu
        for layer in (self.pdf_view.pins, self.image_view.pins):
            layer.drawn.connect(self._on_drawn)
            layer.clicked.connect(self._on_pin_clicked)
            layer.changed.connect(self._update_annotation_actions)
        self.text_view.reader.pins.clicked.connect(self._on_pin_clicked)
        self.text_view.reader.selectionChanged.connect(self._update_annotation_actions)
        self.image_view.loaded.connect(self._on_image_loaded)
        self.fetcher = EvidenceFetcher(parent=self)
        self.fetcher.fetched.connect(self._on_fetched)
        self.pdf_view.page_changed.connect(lambda _page: self._update_annotation_actions())

    # Public API -------------------------------------------------------------------------

    def set_submission(self, view: SubmissionView | None) -> None:
        """Shows `view`'s items and opens the first (the same item again when `view` is
        the submission already shown, refreshed); None empties the panel."""
        previous = self._submission
        keep = (
            self._current.id
            if previous and view and previous.pk == view.pk and self._current
            else None
        )
        self._submission = view
        self._current = None
        self._fill_tree()
        ids = [i.id for i in self._items]
        first = keep if keep in ids else (ids[0] if ids else None)
        target = next((i for i in self._items if i.id == first), None)
        # The viewer about to show the first item opens it in place: clearing it first
        # would disable and enable its controls again (each repaints) on every move.
        opens_in_place = target is not None and self._view_for(target) is self.pdf_view
        for viewer in (self.pdf_view, self.image_view, self.text_view, self.other_view):
            if not (opens_in_place and viewer is self.pdf_view):
                viewer.clear()
        if first is not None:
            self.show_item(first)
        else:
            self._show_empty(view)
            self._apply_annotations()
        self._update_actions()

    def set_part_titles(self, titles: Mapping[str, str]) -> None:
        """Rubric part id -> title, for the group headings (the rubric knows the real ones)."""
        self._part_titles = dict(titles)
        for group in self._group_nodes():
            part = group.data(0, PART_ROLE)
            self._label_group(group, part_title(part or None, self._part_titles))

    def show_item(self, item_id: int, page: int | None = None) -> bool:
        """Brings item `item_id` into view, at 1-based `page` of a PDF if given; False when
        the submission has no such item."""
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            return False
        if self._current is not None and self._current.id == item.id:
            if page is not None and self.stack.currentWidget() is self.pdf_view:
                self.pdf_view.go_to_page(page)
            self.item_shown.emit(item.id)
            return True
        self._select_in_tree(item.id)
        self._show(item, page)
        return True

    def show_part(self, part_id: str) -> bool:
        """Brings rubric part `part_id`'s evidence into view without taking the keyboard
        focus: the item shown stays when it belongs to that part, otherwise the part's
        first item is shown (and chosen in the list). False when the part has no items."""
        items = [i for i in self._items if (i.part or "") == part_id]
        if not items:
            return False
        if self._current is not None and any(i.id == self._current.id for i in items):
            return True
        return self.show_item(items[0].id)

    def item_list_shown(self) -> bool:
        return self.list_action.isChecked()

    def set_item_list_shown(self, shown: bool) -> None:
        """Shows or hides the list of items beside the viewer (remembered)."""
        self.list_action.setChecked(shown)
        self._toggle_list()

    def next_item(self) -> None:
        self._step(1)

    def previous_item(self) -> None:
        self._step(-1)

    def current_item(self) -> ItemView | None:
        return self._current

    def items_in_order(self) -> list[ItemView]:
        """The items as the list shows them: by group, then in the earner's order."""
        return list(self._items)

    def annotation_actions(self) -> list[QAction]:
        """What the reviewer can annotate with, for the window's menus."""
        return [
            self.annotate_area_action,
            self.annotate_selection_action,
            self.annotate_page_action,
            self.drawing_mode_action,
        ]

    def actions(self) -> list[QAction]:
        """Every action of the panel and its viewers, for the window's help sheet."""
        return [
            self.next_item_action,
            self.previous_item_action,
            self.list_action,
            *self.annotation_actions(),
            *self.pdf_view.actions(),
            *self.image_view.actions(),
            *self.text_view.actions(),
        ]

    # Annotations ------------------------------------------------------------------------

    def set_annotations(self, annotations: Sequence[Annotation], editable: bool) -> None:
        """The pins of the open submission, all items' (each viewer draws those of the
        item it shows); `editable` False (a submitted review, adjudication): no drawing."""
        self._annotations = list(annotations)
        self._editable = editable
        if self._current_annotation not in {a.id for a in self._annotations}:
            self._current_annotation = None
        self._apply_annotations()

    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def current_annotation(self) -> int | None:
        return self._current_annotation

    def focus_annotation(self, annotation_id: int) -> None:
        """Shows the annotation's item and page, scrolls its place into view and marks it
        as the current one."""
        annotation = next((a for a in self._annotations if a.id == annotation_id), None)
        if annotation is None:
            return
        self._current_annotation = annotation_id
        item = next((i for i in self._items if i.id == annotation.item_id), None)
        if item is None:
            return
        is_pdf = self._view_for(item) is self.pdf_view
        if not self.show_item(item.id, annotation.page if is_pdf else None):
            return
        self._apply_annotations()
        view = self.stack.currentWidget()
        if view is self.pdf_view:
            pin = self.pdf_view.pins.pin(annotation_id)
            place: QRectF | None = None
            if pin is not None and pin.rect is not None:
                place = pin.rect
            elif pin is not None and pin.quote:
                place = QRectF(pin.quote[0])
                for box in pin.quote[1:]:
                    place = place.united(box)
            self.pdf_view.show_place(annotation.page, place)
        elif view is self.image_view:
            if self.image_view.is_loading():
                self._focus_on_load = annotation_id
            else:
                self.image_view.pins.show_place(annotation_id)
        elif view is self.text_view:
            self.text_view.reader.pins.show_place(annotation_id)

    def leave_area_key_to_window(self) -> None:
        """In the main window A belongs to the window (it works from the queue and the
        rubric too); the same key on two actions would be ambiguous and neither would
        run. The menu still shows the key."""
        action = self.annotate_area_action
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setShortcut(QKeySequence())
        action.setText(f"{action.text()}\t{key}")

    def start_keyboard_annotation(self) -> None:
        """`A`: a rectangle on the page shown, at the PDF's text selection or in the middle
        of what is in view, to move and size with the keys (Enter confirms); on a written
        answer, its selection is annotated."""
        if not self._editable or self._current is None:
            return
        view = self.stack.currentWidget()
        # The rectangle takes the keys of the view it is on: from the rubric or the queue
        # (A is window-wide), the focus goes there with it.
        if view is self.pdf_view and self.pdf_view.is_open():
            self.pdf_view.pins.start_draft()
            self.pdf_view.canvas.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif view is self.image_view:
            self.image_view.pins.start_draft()
            self.image_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif view is self.text_view and self._current.kind == "text":
            self.annotate_selection()

    def annotate_selection(self) -> None:
        """The text selected (in a PDF page or a written answer) as a quote anchor."""
        if not self._editable or self._current is None:
            return
        view = self.stack.currentWidget()
        if view is self.pdf_view:
            chosen = self.pdf_view.pins.selected_quote()
            if chosen is not None:
                page, quote, start = chosen
                self.pdf_view.pins.clear_selection()
                self.annotation_drawn.emit(Anchor(self._current.id, page, None, quote, start))
        elif view is self.text_view and self._current.kind == "text":
            found = self.text_view.reader.pins.selected_quote()
            if found is not None:
                self.annotation_drawn.emit(Anchor(self._current.id, 1, None, found[0], found[1]))

    def annotate_page(self) -> None:
        """A whole-page anchor: the page right-clicked, else the page in view."""
        if not self._editable or self._current is None or not self._annotatable():
            return
        page = 1
        if self.stack.currentWidget() is self.pdf_view:
            page = self.pdf_view.pins.menu_page or self.pdf_view.current_page()
        self.annotation_drawn.emit(Anchor(self._current.id, page))

    def _annotatable(self) -> bool:
        """Whether the item shown takes annotations: a PDF open, a picture, an answer."""
        view = self.stack.currentWidget()
        if self._current is None:
            return False
        if view is self.pdf_view:
            return self.pdf_view.is_open()
        if view is self.image_view:
            return self.image_view.problem() is None
        return view is self.text_view and self._current.kind == "text"

    def _apply_annotations(self) -> None:
        item = self._current
        view = self.stack.currentWidget()
        mine = [a for a in self._annotations if item is not None and a.item_id == item.id]
        answer = item is not None and item.kind == "text"
        self.pdf_view.pins.set_annotations(mine if view is self.pdf_view else [])
        self.image_view.pins.set_annotations(mine if view is self.image_view else [])
        text_pins = self.text_view.reader.pins
        text_pins.set_annotations(mine if view is self.text_view and answer else [])
        for layer in (self.pdf_view.pins, self.image_view.pins):
            layer.set_current(self._current_annotation)
            layer.set_editable(self._editable)
        text_pins.set_current(self._current_annotation)
        self._on_drawing_mode()

    def _on_drawing_mode(self) -> None:
        drawing = self._editable and self.drawing_mode_action.isChecked()
        self.pdf_view.pins.drawing = drawing
        self.image_view.pins.drawing = drawing
        cross = Qt.CursorShape.CrossCursor
        if drawing:
            self.pdf_view.canvas.viewport().setCursor(cross)
            self.image_view.canvas.setDragMode(self.image_view.canvas.DragMode.NoDrag)
            self.image_view.canvas.viewport().setCursor(cross)
        else:
            self.pdf_view.canvas.viewport().unsetCursor()
            self.image_view.canvas.setDragMode(self.image_view.canvas.DragMode.ScrollHandDrag)
        self._update_annotation_actions()

    def _update_annotation_actions(self) -> None:
        able = self._editable and self._annotatable()
        view = self.stack.currentWidget()
        selected = False
        if able and view is self.pdf_view:
            selected = self.pdf_view.pins.selection is not None
        elif able and view is self.text_view:
            selected = self.text_view.reader.textCursor().hasSelection()
        self.annotate_selection_action.setEnabled(selected)
        self.annotate_area_action.setEnabled(able and view is not self.text_view)
        self.annotate_page_action.setEnabled(able)
        self.drawing_mode_action.setEnabled(self._editable)

    def _on_drawn(self, page: int, rect: tuple[float, float, float, float]) -> None:
        if self._current is not None and self._editable:
            self.annotation_drawn.emit(Anchor(self._current.id, page, rect))

    def _on_pin_clicked(self, annotation_id: int) -> None:
        self._current_annotation = annotation_id
        for layer in (self.pdf_view.pins, self.image_view.pins):
            layer.set_current(annotation_id)
        self.text_view.reader.pins.set_current(annotation_id)
        self.annotation_clicked.emit(annotation_id)

    def _on_image_loaded(self) -> None:
        self.image_view.pins.update()
        self._update_annotation_actions()
        wanted, self._focus_on_load = self._focus_on_load, None
        if wanted is not None:
            self.image_view.pins.show_place(wanted)

    # The list ---------------------------------------------------------------------------

    def _fill_tree(self) -> None:
        self._syncing = True
        try:
            self.tree.clear()
            self._items = []
            if self._submission is None:
                return
            bold = QFont(self.tree.font())
            bold.setBold(True)
            for group in group_items(self._submission.items, self._part_titles):
                node = QTreeWidgetItem(self.tree)
                node.setData(0, PART_ROLE, group.part or "")
                node.setFont(0, bold)
                node.setFlags(Qt.ItemFlag.ItemIsEnabled)
                node.setData(0, COUNT_ROLE, len(group.items))
                self._label_group(node, group.title)
                for item in group.items:
                    self._items.append(item)
                    self._add_item(node, item)
                node.setExpanded(True)
        finally:
            self._syncing = False
        self._clear_menu()  # filled when opened

    def _fill_menu(self) -> None:
        """The header's menu of items: every item under its part's title. Made as it
        opens (most moves between submissions never open it)."""
        self._clear_menu()
        if self._submission is None:
            return
        for group in group_items(self._submission.items, self._part_titles):
            self.item_menu.addSection(group.title)
            for item in group.items:
                action = self.item_menu.addAction(item.title)
                action.setCheckable(True)
                action.setData(item.id)
                action.setChecked(self._current is not None and self._current.id == item.id)
                self.item_group.addAction(action)
                action.triggered.connect(
                    lambda _checked=False, item_id=item.id: self._choose(item_id)
                )

    def _clear_menu(self) -> None:
        for action in self.item_group.actions():
            self.item_group.removeAction(action)
        self.item_menu.clear()

    def _choose(self, item_id: int) -> None:
        """An item chosen in the header's menu: shown, and the viewer takes the keys."""
        self.show_item(item_id)
        self._focus_viewer()

    def _toggle_list(self) -> None:
        shown = self.list_action.isChecked()
        self.tree.setVisible(shown)
        self.remembered.set_flag(ITEM_LIST, shown)
        if shown and self._current is not None:
            self._select_in_tree(self._current.id)

    def _label_group(self, node: QTreeWidgetItem, title: str) -> None:
        count = node.data(0, COUNT_ROLE) or node.childCount()
        node.setText(0, title)
        text = (
            self.tr("{part}, 1 item").format(part=title)
            if count == 1
            else self.tr("{part}, {count} items").format(part=title, count=count)
        )
        node.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)

    def _add_item(self, parent: QTreeWidgetItem, item: ItemView) -> None:
        node = QTreeWidgetItem(parent)
        node.setText(0, item.title)
        node.setData(0, ITEM_ID_ROLE, item.id)
        details = describe_item(item)
        accessible = f"{item.title}, {details}"
        tooltip = f"{item.title}\n{details}"
        if item.warnings:
            node.setIcon(0, standard_icon(QStyle.StandardPixmap.SP_MessageBoxWarning, self))
            accessible = self.tr("{description}, has a warning").format(description=accessible)
            tooltip += "\n" + "\n".join(item.warnings)
        elif item.kind == "text":
            node.setIcon(0, standard_icon(QStyle.StandardPixmap.SP_FileDialogDetailedView, self))
        else:
            node.setIcon(0, standard_icon(QStyle.StandardPixmap.SP_FileIcon, self))
        node.setToolTip(0, tooltip)
        node.setData(0, Qt.ItemDataRole.AccessibleTextRole, accessible)

    def _group_nodes(self) -> list[QTreeWidgetItem]:
        root = self.tree.invisibleRootItem()
        return [node for n in range(root.childCount()) if (node := root.child(n)) is not None]

    def _node_for(self, item_id: int) -> QTreeWidgetItem | None:
        for group in self._group_nodes():
            for m in range(group.childCount()):
                node = group.child(m)
                if node is not None and node.data(0, ITEM_ID_ROLE) == item_id:
                    return node
        return None

    def _select_in_tree(self, item_id: int) -> None:
        node = self._node_for(item_id)
        if node is not None:
            self._syncing = True
            try:
                self.tree.setCurrentItem(node)
                self.tree.scrollToItem(node)
            finally:
                self._syncing = False

    def _on_tree(self, node: QTreeWidgetItem | None) -> None:
        if self._syncing or node is None:
            return
        item_id = node.data(0, ITEM_ID_ROLE)
        if isinstance(item_id, int):
            self.show_item(item_id)

    def _step(self, step: int) -> None:
        if not self._items:
            return
        ids = [i.id for i in self._items]
        here = ids.index(self._current.id) if self._current is not None else -1
        target = here + step
        if 0 <= target < len(ids):
            self.show_item(ids[target])

    # The viewer -------------------------------------------------------------------------

    def _show(self, item: ItemView, page: int | None) -> None:
        had_focus = self._viewer_has_focus()
        previous = self.stack.currentWidget()
        self._current = item
        self.title.setText(item.title)
        self.details.setText(describe_item(item))
        self.banner.set_warnings(item.warnings)
        view = self._view_for(item)
        if previous is not view and isinstance(
            previous, PdfView | ImageView | TextView | OtherView
        ):
            previous.clear()  # frees the document or picture it held
        name = viewer_file_name(item.title, item.path, item.media_type)
        fetching = needs_fetch(item)  # a team database's file, not on this laptop yet
        if (
            fetching
            and previous is view
            and isinstance(view, PdfView | ImageView | TextView | OtherView)
        ):
            view.clear()  # not the previous item's file while this one arrives
        self.stack.setCurrentWidget(self.empty if fetching else view)
        if fetching:
            self.empty.set_message(
                self.tr("Fetching {name}").format(name=name),
                self.tr("The file is coming from the team database; it shows here when it "
                        "has arrived, and is kept on this computer for next time."),
                Severity.INFO,
            )  # fmt: skip
            self.fetcher.request(item, page)
        elif view is self.text_view and item.kind == "text":
            self.text_view.show_answer(item.title, item.text or "")
        elif item.file is None:
            self._show_other(item, name)
        elif view is self.pdf_view:
            self.pdf_view.open_file(item.file, page, name=name)
        elif view is self.image_view:
            self.image_view.open_file(item.file, name=name)
        elif view is self.text_view:
            self.text_view.open_file(item.file, item.media_type)
        else:
            self._show_other(item, name)
        self._apply_annotations()
        if had_focus:
            self._focus_viewer()
        self._update_actions()
        position = self._items.index(item) + 1
        where = self.tr("Item {n} of {count}: {title}").format(
            n=position, count=len(self._items), title=item.title
        )
        self.stack.setAccessibleDescription(where)
        self.position_button.setAccessibleDescription(where)  # its name says what it does
        self.item_shown.emit(item.id)

    def _on_fetched(self, item_id: int, page: int | None, problem: str) -> None:
        item = self._current
        if item is None or item.id != item_id:
            return  # the reader moved on; the file stays cached for when they come back
        if problem:
            self.empty.set_message(
                self.tr("The file could not be fetched from the team database"),
                problem,
                Severity.ERROR,
            )
            return
        self._show(item, page)

    def _view_for(self, item: ItemView) -> QWidget:
        if item.kind == "text":
            return self.text_view
        if item.file is None:
            return self.other_view
        if item.media_type == PDF:
            return self.pdf_view
        if item.media_type in IMAGE_TYPES:
            return self.image_view
        if item.media_type in TEXT_TYPES:
            return self.text_view
        return self.other_view

    def _show_other(self, item: ItemView, name: str) -> None:
        self.stack.setCurrentWidget(self.other_view)
        self.other_view.set_file(
            item.file,
            title=item.title,
            original_name=item.path,
            media_type=item.media_type,
            size=item.size,
            viewer_name=name,
        )

    def _show_empty(self, view: SubmissionView | None) -> None:
        self.title.clear()
        self.details.clear()
        self.banner.set_warnings(())
        if view is not None:
            self.empty.set_message(
                self.tr("This submission has no evidence"),
                self.tr("The bundle listed no files and no written answers."),
                Severity.WARNING,
            )
        else:
            self.empty.set_message(
                self.tr("No submission is open"),
                self.tr("Choose a submission in the queue to read its evidence here."),
                Severity.INFO,
            )
        self.stack.setCurrentWidget(self.empty)

    def _viewer_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.stack.isAncestorOf(focus)

    def _focus_viewer(self) -> None:
        view = self.stack.currentWidget()
        target: QWidget | None = view
        if view is self.pdf_view:
            target = self.pdf_view.canvas
        elif view is self.image_view:
            target = self.image_view.canvas
        elif view is self.text_view:
            target = self.text_view.reader
        elif view is self.other_view:
            target = self.other_view.open_button
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_actions(self) -> None:
        ids = [i.id for i in self._items]
        here = ids.index(self._current.id) if self._current is not None else -1
        self.next_item_action.setEnabled(0 <= here < len(ids) - 1 or (here < 0 and bool(ids)))
        self.previous_item_action.setEnabled(here > 0)
        self.header.setVisible(bool(ids))  # nothing to name or move between otherwise
        if here < 0:
            self.position_button.setText("")
            self.position_button.setVisible(False)
            return
        self.position_button.setVisible(True)
        locale = QLocale()
        self.position_button.setText(
            self.tr("{n} of {count}").format(
                n=locale.toString(here + 1), count=locale.toString(len(ids))
            )
        )

    def _on_unlocked(self) -> None:
        if self._current is not None:
            self.banner.set_warnings(unlocked_warnings(self._current.warnings))
