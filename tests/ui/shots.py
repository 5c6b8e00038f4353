"""Screenshots of the states a person sees, kept in docs/screenshots for the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

SHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"


def save_shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path
