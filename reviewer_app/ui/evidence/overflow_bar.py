"""A viewer's toolbar that stays one row: what does not fit goes into a "More" menu.

A toolbar that wraps onto a second row takes the height of the page it serves, and
moves the page down and up again as the pane is resized. Here the controls come in
groups (pages, zoom, fit, thumbnails), laid out from the left; when the row is too
narrow for all of them, the groups at its end are hidden and their actions appear in
the menu of a "»" button at the row's end, in the same order, each with its shortcut.
A group marked `pinned` (the page number, which has no menu form) always stays; so the
bar is never narrower than the pinned groups and the "»" button.

This is QToolBar's own extension idea, but with a real menu (which screen readers and
the keyboard know) rather than QToolBar's expanding panel, and for widgets too (the
page box, the zoom label) that a QToolBar would only hide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from reviewer_app.ui.evidence.controls import tool_button

GROUP_GAP = 10  # between groups, as a toolbar separator would space them


@dataclass
class _Group:
    box: QWidget
    widgets: list[QWidget]
    actions: list[QAction]
    pinned: bool
    hidden: bool = field(default=False)  # moved into the menu

    def wanted(self) -> bool:
        """False when its owner hid every widget (a single-page image's page buttons)."""
        return any(not w.isHidden() for w in self.widgets)

    def width(self) -> int:
        """Its width with the gap before it (counted for every group: a few pixels to
        spare for the first)."""
        layout = self.box.layout()
        gap = layout.contentsMargins().left() if layout is not None else 0
        return self.box.sizeHint().width() - gap + GROUP_GAP


class OverflowBar(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._groups: list[_Group] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(4, 2, 4, 2)
        self._row.setSpacing(2)
        self._row.addStretch(1)
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.more_button = QToolButton(self)
        self.more_button.setText("\u00bb")
        self.more_button.setAccessibleName(self.tr("More tools"))
        self.more_button.setToolTip(self.tr("More tools: the ones there is no room for here"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self.menu)
        self.more_button.setAutoRaise(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.more_button.hide()
        self._row.addWidget(self.more_button)

    # Building ---------------------------------------------------------------------------

    def add_group(
        self,
        items: Sequence[QWidget | QAction],
        *,
        pinned: bool = False,
        menu_actions: Sequence[QAction] = (),
    ) -> list[QWidget]:
        """A group of controls: widgets as given, actions as tool buttons. In the menu
        the group is its actions (and `menu_actions`, for what its widgets do)."""
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)  # the gap before it: see `_arrange`
        row.setSpacing(2)
        widgets: list[QWidget] = []
        actions: list[QAction] = []
        for item in items:
            if isinstance(item, QAction):
                widget: QWidget = tool_button(item, box)
                actions.append(item)
            else:
                widget = item
                widget.setParent(box)
            row.addWidget(widget)
            widgets.append(widget)
        actions.extend(menu_actions)
        self._groups.append(_Group(box, widgets, actions, pinned))
        self._row.insertWidget(len(self._groups) - 1, box)
        return widgets

    def refit(self) -> None:
        """Lays the groups out again: call it when a group's widgets were shown or hidden."""
        self.updateGeometry()
        self._arrange(self.width())

    # Queries ----------------------------------------------------------------------------

    def all_actions(self) -> list[QAction]:
        """The actions of every group shown or in the menu, in order."""
        return [a for g in self._groups if g.wanted() for a in g.actions]

    def overflow_actions(self) -> list[QAction]:
        """The actions in the menu now (those of the groups with no room)."""
        return [a for g in self._groups if g.wanted() and g.hidden for a in g.actions]

    # Layout -----------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        margins = self._row.contentsMargins()
        width = sum(g.width() for g in self._groups if g.pinned and g.wanted())
        width += self.more_button.sizeHint().width() + self._row.spacing()
        height = max(
            [self.more_button.sizeHint().height()]
            + [g.box.sizeHint().height() for g in self._groups if g.wanted()]
        )
        return QSize(width, height).grownBy(margins)

    def sizeHint(self) -> QSize:
        margins = self._row.contentsMargins()
        groups = [g for g in self._groups if g.wanted()]
        width = sum(g.width() for g in groups) + self._row.spacing() * len(groups)
        return QSize(width + margins.left() + margins.right(), self.minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange(self.width())

    def _arrange(self, width: int) -> None:
        margins = self._row.contentsMargins()
        spacing = self._row.spacing()
        room = width - margins.left() - margins.right()
        groups = [g for g in self._groups if g.wanted()]
        everything = sum(g.width() + spacing for g in groups)
        if everything <= room:
            keep = set(map(id, groups))
        else:
            room -= self.more_button.sizeHint().width() + spacing
            room -= sum(g.width() + spacing for g in groups if g.pinned)
            keep = {id(g) for g in groups if g.pinned}
            for group in groups:  # from the left, until one does not fit
                if group.pinned:
                    continue
                if group.width() + spacing > room:
                    break
                room -= group.width() + spacing
                keep.add(id(group))
        first = True
        for group in self._groups:
            group.hidden = id(group) not in keep
            shown = not group.hidden and group.wanted()
            layout = group.box.layout()
            if layout is not None:  # a gap between groups, none before the first shown
                layout.setContentsMargins(0 if first or not shown else GROUP_GAP, 0, 0, 0)
            first = first and not shown
            group.box.setVisible(not group.hidden)
        self.more_button.setVisible(bool(self.overflow_actions()))
        self._fill_menu()

    def _fill_menu(self) -> None:
        self.menu.clear()
        for group in self._groups:
            if group.wanted() and group.hidden and group.actions:
                if not self.menu.isEmpty():
                    self.menu.addSeparator()
                self.menu.addActions(group.actions)
