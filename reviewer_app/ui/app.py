"""Starting the window: the application object, the data folder, the reviewer."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.paths import ENV_DATABASE
from reviewer_app.settings import COLOR_SCHEME, REVIEWER_NAME, Settings, language_in
from reviewer_app.ui import i18n
from reviewer_app.ui.operations import Operation, runner
from reviewer_app.ui.theme import SYSTEM, apply_theme
from reviewer_app.ui.window_modal import tell

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.main_window import MainWindow

translate = QCoreApplication.translate


def confirmed_reviewer(preferences: Settings) -> str | None:
    """The reviewer the person has named, or None: then the window asks who is
    reviewing before anything is recorded (never the account's login, unasked)."""
    name = preferences.get(REVIEWER_NAME).strip()
    return name or None


# The crash dialogs on screen, kept here until closed (nothing else holds them).
_crash_boxes: list[QMessageBox] = []


def _install_crash_dialog() -> None:
    """An unexpected exception shows its details to copy; the work is already saved,
    because every change was saved as it was made."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from reviewer_app.logs import current_log

        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        logging.getLogger("reviewer_app.crash").error("Unexpected problem:\n%s", details)
        log = current_log()
        if log:
            text = translate(
                "CrashDialog",
                "{app} met an unexpected problem: {problem}\n\n"
                "Your work so far is saved. You can copy the details below and send them to "
                "whoever supports you.\n\n"
                "The program's log, with these details too: {log}",
            )
        else:
            text = translate(
                "CrashDialog",
                "{app} met an unexpected problem: {problem}\n\n"
                "Your work so far is saved. You can copy the details below and send them to "
                "whoever supports you.",
            )
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            translate("CrashDialog", "Something went wrong"),
            text.format(app=APP_NAME, problem=value, log=log),
        )
        box.setDetailedText(details)
        if log is not None:
            folder = box.addButton(
                translate("CrashDialog", "Open the log folder"), QMessageBox.ButtonRole.ActionRole
            )
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent)))
            )
        box.addButton(QMessageBox.StandardButton.Close)
        # Shown, not run in a loop of its own: the program goes on while it is read (a
        # nested loop here would run other work in the middle of the one that failed).
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _crash_boxes.append(box)
        box.finished.connect(lambda _result, shown=box: _crash_boxes.remove(shown))
        box.show()

    sys.excepthook = hook


def _install_language(app: QApplication, choice: str) -> i18n.Installed:
    log = logging.getLogger("reviewer_app.i18n")
    try:
        installed = i18n.install(app, choice)
    except FileNotFoundError as e:  # a damaged installation: English is still readable
        log.warning("The %s catalogue is missing (%s); English is used instead", choice, e)
        installed = i18n.install(app, "en")
    log.info(
        "Language: %s (chosen: %s; dates and numbers as %s)",
        installed.language,
        choice,
        installed.locale.name(),
    )
    return installed


def run(
    data_dir: Path,
    quit_after_ms: int | None = None,
    *,
    database: str | None = None,
    password_file: Path | None = None,
) -> int:
    """Shows the window at once, then opens the data folder and fills it: on the team
    database named by `database` (or REVIEWER_APP_DATABASE), else the one the window
    connected to last, else the data folder's own."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from reviewer_app.ui import gc_guard

    gc_guard.install(app)
    from reviewer_app import logs

    logs.setup()
    logging.getLogger("reviewer_app").info("Started with the data folder %s", data_dir)
    _install_crash_dialog()
    # The language first (before any window is built, and before loading the settings
    # says what is wrong with them, in that language).
    _install_language(app, language_in())
    preferences = Settings.load()
    for problem in preferences.problems:
        logging.getLogger("reviewer_app.settings").warning(problem)
    settings = QSettings()  # the window's layout only
    apply_theme(app, preferences.get(COLOR_SCHEME))

    def follow_the_system(_scheme: object) -> None:
        # When the system switches between light and dark, as long as the person's
        # choice (which the settings dialog may change) is to follow it.
        if preferences.get(COLOR_SCHEME) == SYSTEM:
            apply_theme(app, SYSTEM)

    app.styleHints().colorSchemeChanged.connect(follow_the_system)
    from reviewer_app.ui.main_window import MainWindow

    window = MainWindow(None, confirmed_reviewer(preferences), settings, preferences=preferences)
    window.show()
    if preferences.problems:  # said, never silently reset; opened over the window
        tell(window, QMessageBox.Icon.Warning, APP_NAME, "\n\n".join(preferences.problems))
    opened: list[DataFolder] = []
    refused: list[int] = []

    def attach() -> None:
        from reviewer_app.settings import TEAM_DATABASE

        remembered = preferences.get(TEAM_DATABASE)
        if not (database or os.environ.get(ENV_DATABASE) or remembered).strip():
            attach_local()  # no team database named: the data layer need not load yet
            return
        from reviewer_app.team.connection import team_at_start

        try:
            team = team_at_start(database, password_file, remembered)
        except UserError as e:  # said, then the data folder's own
            told = tell(window, QMessageBox.Icon.Warning, APP_NAME, str(e))
            told.finished.connect(lambda _answer: attach_local())
            return
        if team is None:
            attach_local()
        else:
            window.open_team_at_start(data_dir, team, attach_local)

    def attach_local() -> None:
        # The queue first, read without the data layer; the rest after its paint.
        if window.show_first_screen(data_dir):
            window.first_screen_painted.connect(open_local)
        else:
            open_local()

    def open_local() -> None:
        from reviewer_app.storage.datafolder import DataFolder

        try:
            folder = DataFolder.open(data_dir)
        except UserError as e:
            # Said over the empty window; the program ends once it has been read.
            refused.append(2)
            told = tell(window, QMessageBox.Icon.Critical, APP_NAME, str(e))
            told.finished.connect(lambda _answer: app.exit(2))
            return
        opened.append(folder)
        window.attach(folder)
        _start_daily_backup(window, folder)

    # After the first paint: the window is on screen while the data layer loads.
    window.first_painted.connect(attach)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    try:
        # The one event loop of the program: every dialog is opened from it, none runs
        # a loop of its own (reviewer_app/ui/window_modal.py). The window exists before
        # anything is said, so even the first messages are opened over it.
        code = app.exec()
        return refused[0] if refused else code
    finally:
        runner().wait_all()  # a backup still being written finishes before the folder closes
        for folder in opened:
            folder.close()
        if window.folder is not None:  # a team database connected to since
            window.folder.close()


def _start_daily_backup(window: MainWindow, folder: DataFolder) -> Operation:
    """A copy of the data folder once a day, made off the GUI thread after start-up. A
    read: it writes only into the backups folder, so an import started meanwhile need not
    wait for it."""
    from reviewer_app.storage.backup import backup_if_due

    log = logging.getLogger("reviewer_app.backup")

    def work(_cancel: object, _progress: object) -> object:
        made = backup_if_due(folder)  # logged here: the window may close before it lands
        log.info("Daily backup made: %s" if made else "No backup due today%s", made or "")
        return made

    def done(made: object) -> None:
        if made is not None:
            window.statusBar().showMessage(
                translate("DailyBackup", "Today's backup is made."), 5000
            )

    def failed(message: str, details: str) -> None:
        log.error("Daily backup failed: %s\n%s", message, details)
        text = translate("DailyBackup", "Today's backup could not be made: {problem}")
        window.statusBar().showMessage(text.format(problem=message), 15000)

    return runner().read(work, on_success=done, on_failure=failed, owner=window)
