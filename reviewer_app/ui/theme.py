"""Light and dark: follow the system's colour scheme, or the person's choice.

Widgets take every colour from the palette, so switching the palette switches the whole
window. Where the platform reports a dark scheme, its own palette is kept; Fusion with
a dark palette stands in where it does not (and when the person asks for dark).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

LIGHT, DARK, SYSTEM = "light", "dark", "system"


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#25272a",
        role.ToolTipBase: "#2d2f33",
        role.ToolTipText: "#e8eaed",
        role.Text: "#e8eaed",
        role.Button: "#2b2d31",
        role.ButtonText: "#e8eaed",
        role.BrightText: "#ffffff",
        role.Highlight: "#5b8def",
        role.HighlightedText: "#0b0c0d",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
        role.PlaceholderText: "#9aa0a6",
        role.Mid: "#3c4043",
        role.Dark: "#121314",
        role.Light: "#3c4043",
        role.Midlight: "#34373b",
        role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7f848a"))
    return p


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, choice: str = SYSTEM) -> str:
    """Applies `choice` (light, dark or system); returns the scheme now in use."""
    dark = choice == DARK or (choice == SYSTEM and system_is_dark(app))
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    return DARK if dark else LIGHT
