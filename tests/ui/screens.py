"""Every screen the main window opens, for the walks that check them all."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QWidget

from reviewer_app.ui.main_window import MainWindow


def screen_openers(window: MainWindow) -> dict[str, tuple[Callable[[], None], str]]:
    """Name -> (the window's method that opens the screen, the attribute keeping it)."""
    return {
        "keyboard shortcuts": (window.show_help, "help_sheet"),
        "earlier attempts": (window.show_earlier_attempts, "earlier_dialog"),
        "issuers": (window.show_issuers, "issuers_dialog"),
        "export": (window.show_export, "export_dialog"),
        "verify": (window.show_verify, "verify_dialog"),
        "revoke": (window.show_revoke, "revoke_dialog"),
        "grades export": (window.show_grades_export, "grades_export_dialog"),
        "adjudication": (window.show_adjudication, "adjudication_dialog"),
        "calibration dashboard": (window.show_calibration_dashboard, "calibration_dashboard"),
        "settings": (window.show_settings, "settings_dialog"),
    }


def open_screens(window: MainWindow, names: Iterable[str] | None = None) -> dict[str, QWidget]:
    """Opens each screen named (every one by default), with the main window first; a
    screen that did not open is left out, for the caller to notice."""
    openers = screen_openers(window)
    screens: dict[str, QWidget] = {"main window": window}
    for name in openers if names is None else names:
        open_screen, attribute = openers[name]
        open_screen()
        screen = getattr(window, attribute, None)
        if screen is not None:
            screens[name] = screen
    return screens
