"""Small builders shared by the views: actions with shortcuts, named tool buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLineEdit, QStyle, QToolButton, QWidget

from reviewer_app.evidence.sniff import describe

translate = QCoreApplication.translate

Keys = str | QKeySequence | QKeySequence.StandardKey

# What `sniff.describe` calls each type it knows, without the article: the domain layer
# says it in English, and the views translate it where they show it.
MEDIA_TYPE_WORDS = (
    QT_TRANSLATE_NOOP("MediaType", "PDF"),
    QT_TRANSLATE_NOOP("MediaType", "JPEG image"),
    QT_TRANSLATE_NOOP("MediaType", "PNG image"),
    QT_TRANSLATE_NOOP("MediaType", "GIF image"),
    QT_TRANSLATE_NOOP("MediaType", "WebP image"),
    QT_TRANSLATE_NOOP("MediaType", "TIFF image"),
    QT_TRANSLATE_NOOP("MediaType", "plain text"),
    QT_TRANSLATE_NOOP("MediaType", "Markdown text"),
    QT_TRANSLATE_NOOP("MediaType", "zip file (perhaps a Word or OpenDocument file)"),
    QT_TRANSLATE_NOOP("MediaType", "MP4 video"),
    QT_TRANSLATE_NOOP("MediaType", "of no type we recognise"),
)


def media_type_words(media_type: str | None) -> str:
    """'JPEG image': a media type in words, without an article, in the person's
    language; the bare media type when there are no words for it."""
    words = describe(media_type).removeprefix("a ").removeprefix("an ")
    return translate("MediaType", words)


def make_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    keys: Sequence[Keys] = (),
    *,
    icon: QIcon | None = None,
    short_text: str | None = None,
    checkable: bool = False,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """An action added to `owner`, so that its shortcuts work while focus is inside it.

    The tooltip names the shortcut, so that a mouse user learns the keyboard way.
    """
    action = QAction(text, owner)
    if icon is not None and not icon.isNull():
        action.setIcon(icon)
    if short_text:
        action.setIconText(short_text)
    shortcuts = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]
    shortcuts = [s for s in shortcuts if not s.isEmpty()]
    action.setShortcuts(shortcuts)
    action.setShortcutContext(context)
    action.setCheckable(checkable)
    if shortcuts:
        native = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
    else:
        action.setToolTip(text)
    # triggered, not toggled: only the person's own click or key runs the slot, never a
    # setChecked that shows state.
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def tool_button(action: QAction, parent: QWidget | None = None) -> QToolButton:
    """A button for `action`, named for screen readers (icon-only ones too) and reachable
    with Tab."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setAccessibleName(action.text().replace("&", ""))
    button.setToolTip(action.toolTip())
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoRaise(True)
    return button


def theme_icon(name: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    """The desktop theme's icon, or the widget style's own when there is no theme."""
    icon = QIcon.fromTheme(name)
    if icon.isNull():
        icon = widget.style().standardIcon(fallback, None, widget)
    return icon


def human_size(size: int | None) -> str:
    """'1.2 MB', in the person's locale; an em dash when unknown."""
    if size is None:
        return "\u2014"
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def name_parts(widget: QWidget) -> None:
    """Names the controls Qt builds inside `widget` (a spin box's editor, a line edit's
    clear button), which screen readers otherwise announce as nameless, and gives an
    editor the description (or tooltip) of `widget`: call it after setting those."""
    name = widget.accessibleName()
    description = widget.accessibleDescription() or widget.toolTip()
    for editor in widget.findChildren(QLineEdit):
        if not editor.accessibleName():
            editor.setAccessibleName(name)
        if not editor.accessibleDescription() and not editor.toolTip():
            editor.setAccessibleDescription(description)
    for button in widget.findChildren(QToolButton):
        if not button.accessibleName():
            label = translate("EvidenceControls", "Clear {name}").format(name=name.lower())
            button.setAccessibleName(label)
            button.setToolTip(label)
