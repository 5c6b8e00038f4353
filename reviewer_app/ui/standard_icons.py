"""The style's standard icons (warning, question, tick...), each made once.

`QStyle.standardIcon` returns a new QIcon at every call, and Qt keeps the pixmaps drawn
from an icon in its pixmap cache under that icon's own key, never to be found again
once the icon is gone. Asked for at every open of a submission (the rubric's state line
under each criterion, the evidence list's rows), they filled the cache by about 20 KB
an open until its limit, some 30 MB of a reading day. One icon of each kind draws from
the same cache entries every time.

The icons are the style's: `forget()` drops them when the theme is applied again.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

_icons: dict[tuple[str, QStyle.StandardPixmap], QIcon] = {}


def standard_icon(which: QStyle.StandardPixmap, widget: QWidget | None = None) -> QIcon:
    """The style's icon `which` (of `widget`'s style, else the application's)."""
    style = widget.style() if widget is not None else QApplication.style()
    key = (style.name(), which)
    icon = _icons.get(key)
    if icon is None:
        icon = _icons[key] = style.standardIcon(which, None, widget)
    return icon


def forget() -> None:
    """The style or the palette changed: icons are made again when next asked for."""
    _icons.clear()
