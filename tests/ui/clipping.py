"""Text a person cannot read whole: the walk shared by the 200% scaling test.

A widget clips its text when it is given less room than the text needs: a label or
button narrower than its text (plus the style's margins), a word-wrapped label shorter
than the lines it wraps into, a group box title, tab or header section cut short, a
placeholder longer than its line edit, or a widget that runs past the edge of its parent
(the parent clips it). Text elided on purpose ("…") counts as read whole when the full
text is in the widget's tooltip. Content inside a scroll area may run past the viewport:
it scrolls.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QToolButton,
    QWidget,
)

ELLIPSIS = "…"


def _rich(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))  # type: ignore[attr-defined]


def _plain(text: str) -> str:
    """A button's or tab's text as drawn: '&&' is one '&', a lone '&' marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _text_width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _describe(widget: QWidget, text: str) -> str:
    name = widget.objectName() or widget.accessibleName()
    label = f"{type(widget).__name__}"
    if name:
        label += f" {name!r}"
    return f"{label} {text[:60]!r}"


def _elided_on_purpose(widget: QWidget, text: str) -> bool:
    return text.rstrip().endswith(ELLIPSIS) and len(widget.toolTip()) >= len(text.rstrip(ELLIPSIS))


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if label.buddy() is not None:
        text = _plain(text)  # the mnemonic's '&' is not drawn
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if _elided_on_purpose(label, text):
        return None
    rect = label.contentsRect()
    indent = label.indent() if label.indent() > 0 else 0
    margin = label.margin()
    room = rect.width() - 2 * margin - indent
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"wraps to {needed}px in {label.height()}px"
        # A single word longer than the line cannot wrap: it is cut.
        longest = max((_text_width(label.fontMetrics(), w) for w in _words(label)), default=0)
        if longest > room:
            return f"a word needs {longest}px of {room}px"
        return None
    if _plain_format(label):
        fm = label.fontMetrics()
        width = _text_width(fm, text)
        height = fm.height() * (text.count("\n") + 1)
    else:
        document = _document(label)
        width = int(document.idealWidth() + 0.999)
        height = int(document.size().height() + 0.999)
    if width > room:
        return f"needs {width}px, has {room}px"
    if height > rect.height() - 2 * margin + 1:
        return f"needs {height}px tall, has {rect.height() - 2 * margin}px"
    return None


def _plain_format(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText or (
        label.textFormat() == Qt.TextFormat.AutoText and not _rich(label.text())
    )


def _document(label: QLabel) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    return document


def _words(label: QLabel) -> list[str]:
    text = label.text() if _plain_format(label) else _document(label).toPlainText()
    return text.split()


def _button_problem(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        or (
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonFollowStyle
            and not button.icon().isNull()
        )
    ):
        return None
    if _elided_on_purpose(button, text):
        return None
    style = button.style()
    fm = button.fontMetrics()
    width = _text_width(fm, text)
    icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
        needed = width + icon + margin + 2 * frame
    elif isinstance(button, QCheckBox | QRadioButton):
        indicator = (
            QStyle.PixelMetric.PM_IndicatorWidth
            if isinstance(button, QCheckBox)
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        )
        spacing = (
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
            if isinstance(button, QCheckBox)
            else QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )
        needed = width + icon + style.pixelMetric(indicator) + style.pixelMetric(spacing)
    else:
        needed = width + icon
    if needed > button.width():
        return f"needs {needed}px, has {button.width()}px"
    if fm.height() > button.height():
        return f"needs {fm.height()}px tall, has {button.height()}px"
    return None


def _group_box_problem(box: QGroupBox) -> str | None:
    title = _plain(box.title())
    if not title:
        return None
    needed = _text_width(box.fontMetrics(), title)
    if box.isCheckable():
        needed += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
    if needed > box.width():
        return f"title needs {needed}px, has {box.width()}px"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _plain(bar.tabText(i))
        rect = bar.tabRect(i)
        needed = bar.tabSizeHint(i)
        if rect.width() < needed.width() and not bar.tabToolTip(i):
            found.append(f"tab {text!r} needs {needed.width()}px, has {rect.width()}px")
    return found


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not header.isVisible():
        return []
    found = []
    orientation = header.orientation()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, orientation) or "")
        if not text:
            continue
        size = header.sectionSize(section)
        needed = header.sectionSizeFromContents(section)
        wanted = needed.width() if orientation == Qt.Orientation.Horizontal else needed.height()
        tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
        if size < wanted and not tip:
            found.append(f"header {text!r} needs {wanted}px, has {size}px")
    return found


def _line_edit_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if not text or edit.text():
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = rect.width() - margins.left() - margins.right() - 4  # the line edit's own 2px
    for child in edit.findChildren(QToolButton):
        if child.isVisibleTo(edit):
            room -= child.width()
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > room and not _elided_on_purpose(edit, text + ELLIPSIS):
        return f"placeholder needs {needed}px, has {room}px"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    if getattr(combo, "ELIDES", False) and combo.toolTip() == text:
        return None  # cut short with an ellipsis, whole in the tooltip
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = 0 if combo.itemIcon(combo.currentIndex()).isNull() else combo.iconSize().width() + 4
    needed = combo.fontMetrics().horizontalAdvance(text) + icon
    if needed > rect.width() - 2:
        return f"current text needs {needed}px, has {rect.width() - 2}px"
    return None


def _dock_problem(dock: QDockWidget) -> str | None:
    title = _plain(dock.windowTitle())
    if not title or dock.isFloating():
        return None
    needed = dock.fontMetrics().horizontalAdvance(title)
    if needed > dock.width():
        return f"title needs {needed}px, has {dock.width()}px"
    return None


def _spin_box_problem(spin: QAbstractSpinBox) -> str | None:
    """The widest value the box can hold (its maximum, with prefix and suffix) must fit
    the box's editor."""
    if isinstance(spin, QSpinBox | QDoubleSpinBox):
        widest = spin.prefix() + spin.textFromValue(spin.maximum()) + spin.suffix()
        narrowest = spin.prefix() + spin.textFromValue(spin.minimum()) + spin.suffix()
        text = max(widest, narrowest, key=spin.fontMetrics().horizontalAdvance)
    else:
        text = spin.text()
    editor = spin.lineEdit()
    room = editor.width() - 4  # the line edit's own 2px each side
    needed = spin.fontMetrics().horizontalAdvance(text)
    if needed > room:
        return f"{text!r} needs {needed}px, has {room}px"
    return None


def _chart_problems(view: QGraphicsView) -> list[str]:
    """Labels, titles and legend entries a chart cut short ('...'), unless what was cut
    is in the chart's tooltip (its description in words)."""
    scene = view.scene()
    if scene is None:
        return []
    tip = view.toolTip()
    legend = view.chart().legend() if isinstance(view, QChartView) else None
    found = []
    for item in scene.items():
        if not item.isVisible():
            continue
        if legend is not None and legend.showToolTips() and legend.isAncestorOf(item):
            continue  # the legend shows an entry's whole name on hover
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            text = item.text()
        else:
            continue
        for ending in ("...", ELLIPSIS):
            if text.endswith(ending):
                kept = text.removesuffix(ending).strip()
                if not kept or kept not in tip:
                    found.append(f"chart text cut short: {text!r}")
    return found


def _outside_parent(widget: QWidget, root: QWidget) -> str | None:
    """Whether an ancestor (short of a scroll area's viewport) cuts `widget` off."""
    rect = widget.rect()
    child = widget
    parent = child.parentWidget()
    while parent is not None and child is not root and not child.isWindow():
        rect = QRect(child.mapToParent(rect.topLeft()), rect.size())
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return None  # scrolls into view
        if not parent.rect().contains(rect):
            overlap = parent.rect().intersected(rect)
            if overlap.width() < rect.width() - 1 or overlap.height() < rect.height() - 1:
                return (
                    f"cut off by {type(parent).__name__} {parent.objectName()!r}: "
                    f"{rect.width()}x{rect.height()} shows {overlap.width()}x{overlap.height()}"
                )
        child, parent = parent, parent.parentWidget()
    return None


def clipped_text(root: QWidget) -> list[str]:
    """Every piece of text under `root` that a person sees only in part."""
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or isinstance(w, QMenu) or w.width() <= 0:
            continue
        if w.window() is not root.window():
            continue  # another window: walked on its own
        problems: list[str] = []
        text = ""
        if isinstance(w, QLabel):
            text = w.text()
            problem = _label_problem(w)
        elif isinstance(w, QAbstractButton):
            text = w.text()
            problem = _button_problem(w)
        elif isinstance(w, QGroupBox):
            text = w.title()
            problem = _group_box_problem(w)
        elif isinstance(w, QLineEdit):
            text = w.placeholderText()
            problem = _line_edit_problem(w)
        elif isinstance(w, QComboBox):
            text = w.currentText()
            problem = _combo_problem(w)
        elif isinstance(w, QDockWidget):
            text = w.windowTitle()
            problem = _dock_problem(w)
        elif isinstance(w, QAbstractSpinBox):
            text = w.text()
            problem = _spin_box_problem(w)
        else:
            problem = None
        if problem:
            problems.append(problem)
        if isinstance(w, QTabBar):
            problems += _tab_problems(w)
        if isinstance(w, QHeaderView):
            problems += _header_problems(w)
        if isinstance(w, QGraphicsView):
            problems += _chart_problems(w)
        if (text.strip() or isinstance(w, QTabBar | QHeaderView)) and (
            cut := _outside_parent(w, root)
        ):
            problems.append(cut)
        found += [f"{_describe(w, text)}: {p}" for p in problems]
    return found
