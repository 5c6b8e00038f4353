"""The evidence pane's remembered choices: whether the item list and the page
thumbnails are shown.

They live in the window's layout settings (QSettings) under "evidence/", beside the
window's own layout, and so are the person's. A viewer given no settings (on its own,
in a test) starts from the defaults each time and writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ITEM_LIST = "evidence/item_list"
THUMBNAILS = "evidence/thumbnails"


class Remembered:
    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    def flag(self, key: str, default: bool) -> bool:
        if self._settings is None:
            return default
        value = self._settings.value(key, default, type=bool)
        return bool(value)

    def set_flag(self, key: str, value: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(key, value)
