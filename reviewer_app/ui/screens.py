"""Every screen the window opens, in one registry, each built when first asked for.

A screen is a name and a function that builds it from the `AppContext`; its module is
imported only then (the dashboard brings QtCharts, the letters reportlab), which keeps
the window's start quick. The screens are non-modal (an export runs while reviewing goes
on); asking again for one still open brings it forward instead of building another,
except for the ones that show the moment's state (the help, the earlier attempts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, overload

import shiboken6
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.context import AppContext


@dataclass(frozen=True)
class Screen:
    name: str
    build: Callable[[AppContext], QWidget | None]  # None: nothing to show now
    needs_folder: bool = True
    bring_forward: bool = True  # asking again raises the open one


def _calibration(context: AppContext) -> QWidget:
    from reviewer_app.ui.calibration.dashboard import CalibrationDashboard

    return CalibrationDashboard(context.data(), context.window, context.open_submission)


def _adjudication(context: AppContext) -> QWidget:
    from reviewer_app.ui.adjudication import AdjudicationDialog

    dialog = AdjudicationDialog(
        context.data(), context.reviewer, context.window, context.open_submission
    )
    dialog.decided.connect(lambda _id: context.queue_changed())
    return dialog


def _issuers(context: AppContext) -> QWidget:
    from reviewer_app.ui.credentials.issuer_dialog import IssuersDialog

    return IssuersDialog(context.data(), context.reviewer, context.window)


def _export(context: AppContext) -> QWidget:
    from reviewer_app.ui.credentials.export_dialog import ExportDialog

    return ExportDialog(context.data(), context.reviewer, context.window)


def _verify(context: AppContext) -> QWidget:
    from reviewer_app.ui.credentials.verify_dialog import VerifyDialog

    return VerifyDialog(context.data(), context.window)


def _revoke(context: AppContext) -> QWidget:
    from reviewer_app.ui.credentials.revoke_dialog import RevokeDialog

    return RevokeDialog(context.data(), context.reviewer, context.window)


def _grades_export(context: AppContext) -> QWidget:
    from reviewer_app.ui.grades_export_dialog import GradesExportDialog

    return GradesExportDialog(context.data(), context.window)


def _settings(context: AppContext) -> QWidget:
    from reviewer_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(
        context.preferences(), context.window, running_language=context.language_at_start
    )
    switch = getattr(context.window, "switch_reviewer", None)
    if switch is not None:  # a name saved here applies at once, as from the status bar
        dialog.reviewer_changed.connect(switch)
    return dialog


def _help(context: AppContext) -> QWidget:
    from reviewer_app.ui.help_sheet import HelpSheet

    return HelpSheet(context.actions(), context.window)


def _earlier_attempts(context: AppContext) -> QWidget | None:
    submission = context.current_submission()
    if submission is None:
        return None
    # Loaded when first asked for: the letter module behind it brings reportlab.
    from reviewer_app.reviews.attempts import earlier_attempts_of
    from reviewer_app.reviews.feedback import EarlierAttempt
    from reviewer_app.ui.earlier_attempts import EarlierAttemptsDialog

    folder = context.data()

    def read() -> list[EarlierAttempt]:  # off the GUI thread, once the dialog shows
        return earlier_attempts_of(folder, submission)

    return EarlierAttemptsDialog(parent=context.window, read=read)


SCREENS: dict[str, Screen] = {
    screen.name: screen
    for screen in (
        Screen("calibration", _calibration),
        Screen("adjudication", _adjudication),
        Screen("issuers", _issuers),
        Screen("export", _export),
        Screen("verify", _verify),
        Screen("revoke", _revoke),
        Screen("grades-export", _grades_export),
        Screen("settings", _settings, needs_folder=False),
        # The help lists the panels' keys too: they are built once the folder is open.
        Screen("help", _help, bring_forward=False),
        Screen("earlier-attempts", _earlier_attempts, bring_forward=False),
    )
}


class Screens:
    """The screens of one window: opens them by name and remembers the last of each."""

    def __init__(self, context: Callable[[], AppContext]) -> None:
        self._context = context
        self._opened: dict[str, QWidget] = {}

    def open(self, name: str) -> QWidget | None:
        screen = SCREENS[name]
        shown = self.current(name)
        if screen.bring_forward and shown is not None and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return shown
        context = self._context()
        if screen.needs_folder and context.folder is None:
            return None
        widget = screen.build(context)
        if widget is None:
            return None
        self._opened[name] = widget
        widget.show()
        return widget

    def close_all(self) -> None:
        """Closes every screen opened (the window now works on another database)."""
        for widget in list(self._opened.values()):
            if shiboken6.isValid(widget):
                widget.close()
        self._opened.clear()

    def current(self, name: str) -> QWidget | None:
        """The screen last opened under `name`, shown or not (None if never, or gone)."""
        widget = self._opened.get(name)
        return widget if widget is not None and shiboken6.isValid(widget) else None


class HasScreens(Protocol):
    @property
    def screens(self) -> Screens: ...


def opener(name: str) -> Callable[[HasScreens], None]:
    """A window method that opens the screen `name` (for a menu action to trigger)."""

    def open_screen(window: HasScreens) -> None:
        window.screens.open(name)

    open_screen.__name__ = f"show_{name.replace('-', '_')}"
    return open_screen


class ScreenSlot:
    """A window attribute that reads as the screen last opened under `name`, so that
    `window.export_dialog` is the export dialog once it has been asked for."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, window: None, owner: type) -> ScreenSlot: ...
    @overload
    def __get__(self, window: HasScreens, owner: type) -> Any: ...
    def __get__(self, window: HasScreens | None, owner: type) -> Any:
        return self if window is None else window.screens.current(self.name)

    def __set__(self, window: HasScreens, value: None) -> None:
        """Only None, which changes nothing: the registry alone opens screens."""
        if value is not None:
            raise AttributeError(f"{self.name} is opened through the screen registry")
