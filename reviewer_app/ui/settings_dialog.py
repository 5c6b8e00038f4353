"""File > Settings…: the person's settings (reviewer_app.settings), edited in a form.

Nothing is written until OK (or Restart now); then every changed setting is stored
through `Settings.set`, which writes the file atomically. A value the file cannot hold,
or a file that cannot be written, is said plainly and changes nothing. The appearance
and whether a Not Yet is confirmed before it is submitted apply at once; the language
and the reviewer's name when the program next starts, since the windows read their
strings, and the reviews their reviewer, once.
"""

from __future__ import annotations

import logging
import sys
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QCoreApplication, QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.settings import (
    COLOR_SCHEME,
    CONFIRM_NOT_YET,
    LANGUAGE,
    REVIEWER_NAME,
    Setting,
    Settings,
    SettingsError,
)
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.ui import i18n
from reviewer_app.ui.theme import DARK, LIGHT, SYSTEM, apply_theme
from reviewer_app.ui.window_modal import tell

log = logging.getLogger("reviewer_app.settings")


class Unreadable:
    """A settings file that could not be read: a failed save leaves it alone."""


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this program again, as it was started."""
    if getattr(sys, "frozen", False):  # a packaged build: the executable is the program
        return sys.executable, sys.argv[1:]
    # The interpreter's own command line keeps `-m reviewer_app` and its options,
    # which sys.argv (the path of __main__.py, then the arguments) does not.
    return sys.executable, list(sys.orig_argv[1:])


class SettingsDialog(QDialog):
    # A new reviewer name was saved: the window switches to it at once.
    reviewer_changed = Signal(str)

    def __init__(
        self,
        preferences: Settings,
        parent: QWidget | None = None,
        *,
        running_language: str | None = None,
    ) -> None:
        """`running_language` is the language choice the window was started with (the
        saved one when not given): choosing another one offers to restart."""
        super().__init__(parent)
        self.preferences = preferences
        self.running_language = (
            running_language if running_language is not None else preferences.get(LANGUAGE)
        )
        self.setWindowTitle(self.tr("Settings"))

        self.name = QLineEdit(preferences.get(REVIEWER_NAME))
        self.name.setObjectName("reviewer-name")
        self.name.setClearButtonEnabled(True)
        # Empty: the window asks who is reviewing when it starts (never a silent login).
        self.name.setPlaceholderText(self.tr("Asked when Portfolio Reviewer starts"))
        self.name.setAccessibleName(self.tr("Reviewer name"))
        self.name.setAccessibleDescription(
            self.tr("The name your reviews are recorded under, from the moment you save it")
        )
        name_note = QLabel(
            self.tr(
                "Applies when you press OK; the open submission is then reviewed under "
                "this name. (Also: Reviewing as… in the status bar.)"
            )
        )
        name_note.setWordWrap(True)

        self.scheme = QComboBox()
        self.scheme.setObjectName("appearance")
        self.scheme.addItem(self.tr("Same as the system"), SYSTEM)
        self.scheme.addItem(self.tr("Light"), LIGHT)
        self.scheme.addItem(self.tr("Dark"), DARK)
        self._select(self.scheme, preferences.get(COLOR_SCHEME))
        self.scheme.setAccessibleName(self.tr("Appearance"))
        self.scheme.setToolTip(
            self.tr("Light or dark colours for every window, from when you save")
        )

        self.language = QComboBox()
        self.language.setObjectName("language")
        system_language = i18n.LANGUAGES[i18n.language_for(i18n.SYSTEM)[0]]
        self.language.addItem(
            self.tr("Same as the system ({language})").format(language=system_language),
            i18n.SYSTEM,
        )
        for code, own_name in i18n.LANGUAGES.items():  # each in its own language
            self.language.addItem(own_name, code)
        self._select(self.language, preferences.get(LANGUAGE))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setToolTip(
            self.tr("The language of the windows, from the next time Portfolio Reviewer starts")
        )

        self.confirm_not_yet = QCheckBox(self.tr("Ask before submitting a Not &Yet"))
        self.confirm_not_yet.setObjectName("confirm-not-yet")
        self.confirm_not_yet.setChecked(preferences.get(CONFIRM_NOT_YET))
        self.confirm_not_yet.setAccessibleName(self.tr("Ask before submitting a Not Yet"))
        self.confirm_not_yet.setToolTip(
            self.tr("Ctrl+Enter on a review that would be Not Yet asks once before submitting it")
        )

        self.restart_offer = QWidget()
        self.restart_offer.setObjectName("restart-offer")
        self.restart_note = QLabel(
            self.tr("The new language applies when Portfolio Reviewer is next started.")
        )
        self.restart_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Restart &now"))
        self.restart_button.setAccessibleName(
            self.tr("Save the settings and restart Portfolio Reviewer now")
        )
        self.restart_button.setToolTip(
            self.tr(
                "Closes Portfolio Reviewer, keeping what you were writing, and starts it again "
                "in the new language"
            )
        )
        self.restart_button.setAutoDefault(False)
        self.restart_button.clicked.connect(self.restart_now)
        keep_its_place = self.restart_offer.sizePolicy()  # the dialog does not jump
        keep_its_place.setRetainSizeWhenHidden(True)
        self.restart_offer.setSizePolicy(keep_its_place)
        offer = QVBoxLayout(self.restart_offer)
        offer.setContentsMargins(0, 0, 0, 0)
        offer.addWidget(self.restart_note)
        offer.addWidget(self.restart_button, 0, Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        for text, field in (
            (self.tr("Reviewer &name:"), self.name),
            (self.tr("&Appearance:"), self.scheme),
            (self.tr("&Language:"), self.language),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.name:
                form.addRow("", name_note)
        form.addRow("", self.restart_offer)
        form.addRow(self.tr("Reviewing:"), self.confirm_not_yet)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(self.tr("Save the settings"))
        self.ok_button.setToolTip(self.tr("Saves the settings and closes this window (Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Close without saving"))
        self.cancel_button.setToolTip(
            self.tr("Closes this window; nothing changed here is kept (Esc)")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)  # Esc too, as in every QDialog

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for first, second in (
            (self.name, self.scheme),
            (self.scheme, self.language),
            (self.language, self.restart_button),
            (self.restart_button, self.confirm_not_yet),
            (self.confirm_not_yet, self.ok_button),
            (self.ok_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        self.language.currentIndexChanged.connect(lambda _i: self._update_restart_offer())
        self._update_restart_offer()
        width = max(560, self.sizeHint().width())
        self.resize(width, max(self.sizeHint().height(), self.heightForWidth(width)))

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _update_restart_offer(self) -> None:
        shown = self.language.currentData() != self.running_language
        self.restart_offer.setVisible(shown)
        needed = self.heightForWidth(self.width())  # the offer's words wrap
        if shown and self.height() < needed:
            self.resize(self.width(), needed)

    # Saving -------------------------------------------------------------------------

    def wanted(self) -> list[tuple[Setting[Any], Any]]:
        """Every setting the form edits, with the value it shows."""
        return [
            (REVIEWER_NAME, self.name.text().strip()),
            (COLOR_SCHEME, self.scheme.currentData()),
            (LANGUAGE, self.language.currentData()),
            (CONFIRM_NOT_YET, self.confirm_not_yet.isChecked()),
        ]

    def save(self) -> bool:
        """Stores what changed; on any problem, says so and leaves everything as it was
        (in the file and in memory)."""
        changes = [(s, v) for s, v in self.wanted() if v != self.preferences.get(s)]
        try:
            for setting, value in changes:
                setting.check(value)
        except SettingsError as e:
            self._tell(
                self.tr("This value cannot be saved: {problem}\n\nNothing was changed.").format(
                    problem=e
                )
            )
            return False
        original = self._file_as_it_is()
        attempted: list[tuple[Setting[Any], Any]] = []
        try:
            for setting, value in changes:
                attempted.append((setting, self.preferences.get(setting)))
                self.preferences.set(setting, value)
        except (OSError, ValueError) as e:
            # Put back what was set before the failure (Settings.set keeps the value in
            # memory before it writes): the last write that succeeds restores the file.
            for setting, old in reversed(attempted):
                with suppress(OSError, ValueError):
                    self.preferences.set(setting, old)
            self._put_back(original)
            log.warning("Settings not saved to %s: %s", self.preferences.path, e)
            if isinstance(e, OSError):
                text = self.tr(
                    "The settings file {path} could not be written ({reason}).\n\n"
                    "Nothing was changed."
                ).format(path=self.preferences.path, reason=e.strerror or e)
            else:
                text = self.tr(
                    "A value contains characters that the settings file cannot hold.\n\n"
                    "Nothing was changed."
                )
            self._tell(text)
            return False
        changed = {setting.key for setting, _value in changes}
        if COLOR_SCHEME.key in changed:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self.preferences.get(COLOR_SCHEME))
        if changed:
            log.info("Settings saved: %s", ", ".join(sorted(changed)))
        if REVIEWER_NAME.key in changed and self.preferences.get(REVIEWER_NAME):
            self.reviewer_changed.emit(self.preferences.get(REVIEWER_NAME))
        return True

    def _file_as_it_is(self) -> bytes | Unreadable | None:
        try:
            return self.preferences.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return Unreadable()

    def _put_back(self, original: bytes | Unreadable | None) -> None:
        """The settings file exactly as it was before a save that failed halfway."""
        path = self.preferences.path
        try:
            if original is None:
                path.unlink(missing_ok=True)
            elif isinstance(original, bytes):
                write_atomically(path, original)
        except OSError as e:
            log.warning("The settings file %s could not be put back: %s", path, e)

    def _tell(self, text: str) -> None:
        self.problem_box = tell(self, QMessageBox.Icon.Warning, self.tr("Settings not saved"), text)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def restart_now(self) -> None:
        if not self.save():
            return
        super().accept()
        self.restart()

    def restart(self) -> None:
        """Starts the program again and quits this one (tests replace this)."""
        program, arguments = restart_command()
        log.info("Restarting: %s %s", program, " ".join(arguments))
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            self.problem_box = tell(
                self.parentWidget() or self,
                QMessageBox.Icon.Warning,
                self.tr("Restart"),
                self.tr(
                    "Portfolio Reviewer could not start again by itself. The settings are "
                    "saved; close it and start it again to use the new language."
                ),
            )
            return
        window = self.parentWidget()
        if window is not None:
            window.close()  # saves what is being typed and the window's layout
        QCoreApplication.quit()
