"""Screenshots of the states a person sees, kept in docs/screenshots for the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

SHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"


def save_shot(widget: QWidget, name: str) -> Path:
    """Saves the widget as drawn; a picture that shows the same pixels as the one kept
    is left alone, so that a test run changes no file when the screen did not change."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    if path.exists():
        kept = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        if kept == image:
            return path
    assert image.save(str(path)), f"could not save {path}"
    return path
