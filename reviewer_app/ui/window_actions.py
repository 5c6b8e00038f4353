"""The window's actions, menus and toolbar, mixed into the main window.

Each action stays an attribute of the window (`window.next_unreviewed_action`...): the
screens' help lists them, and the keys work wherever the window has the focus. The words
keep the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

if TYPE_CHECKING:
    from reviewer_app.ui.layout import WindowLayout
    from reviewer_app.ui.pane_focus import PaneFocus

translate = QCoreApplication.translate


def settings_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences keys, and Ctrl+, wherever that is not one of them."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    comma = QKeySequence("Ctrl+,")
    return [*keys, comma] if comma not in keys else list(keys)


class WindowActions:
    """Builds the window's actions and menus; the slots are the window's own."""

    if TYPE_CHECKING:  # what the window provides
        layout_: WindowLayout
        panes: PaneFocus
        rubric_dock: QDockWidget

        def choose_import(self) -> None: ...
        def choose_import_folder(self) -> None: ...
        def restore_from_backup(self) -> None: ...
        def next_submission(self) -> None: ...
        def previous_submission(self) -> None: ...
        def next_unreviewed(self) -> None: ...
        def focus_search(self) -> None: ...
        def reveal_earner(self) -> None: ...
        def assign_micro_credential(self) -> None: ...
        def annotate(self) -> None: ...
        def show_settings(self) -> None: ...
        def show_earlier_attempts(self) -> None: ...
        def show_adjudication(self) -> None: ...
        def show_help(self) -> None: ...
        def show_issuers(self) -> None: ...
        def show_export(self) -> None: ...
        def show_verify(self) -> None: ...
        def show_revoke(self) -> None: ...
        def show_grades_export(self) -> None: ...
        def show_calibration_dashboard(self) -> None: ...
        def _build_connection_actions(self) -> list[QAction]: ...

    def _window(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self._window())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self._window().addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            translate("MainWindow", "&Import bundles…"), "Ctrl+I", self.choose_import
        )
        self.import_folder_action = self._action(
            translate("MainWindow", "Import a &folder…"), "Ctrl+Shift+I", self.choose_import_folder
        )
        self.settings_action = self._action(
            translate("MainWindow", "&Settings…"), None, self.show_settings
        )
        self.settings_action.setShortcuts(settings_shortcuts())
        # Explicit roles: on macOS they go to the application menu in any language.
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(
            translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, self._window().close
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.restore_action = self._action(
            translate("MainWindow", "&Restore from backup…"), None, self.restore_from_backup
        )
        self.grades_export_action = self._action(
            translate("MainWindow", "Export &grades for the platform…"),
            None,
            self.show_grades_export,
        )
        self.next_action = self._action(
            translate("MainWindow", "&Next submission"), "Ctrl+Shift+Down", self.next_submission
        )
        self.previous_action = self._action(
            translate("MainWindow", "&Previous submission"),
            "Ctrl+Shift+Up",
            self.previous_submission,
        )
        self.next_unreviewed_action = self._action(
            translate("MainWindow", "Next &unreviewed submission"),
            "Ctrl+Shift+U",
            self.next_unreviewed,
        )
        self.find_action = self._action(
            translate("MainWindow", "&Find in queue"), "Ctrl+L", self.focus_search
        )
        self.queue_action = self._action(
            translate("MainWindow", "Hide or show the &queue"),
            "F9",
            lambda: self.layout_.toggle_queue(),
        )
        self.focus_mode_action = self._action(
            translate("MainWindow", "&Focus mode: evidence and rubric only"),
            "Ctrl+Shift+F",
            lambda on: self.layout_.set_focus_mode(on),
        )
        self.focus_mode_action.setCheckable(True)
        self.reset_layout_action = self._action(
            translate("MainWindow", "&Reset layout"), None, lambda: self.layout_.apply_default()
        )
        self.next_pane_action: QAction = self._action(
            translate("MainWindow", "Next pane (queue, evidence, rubric)"),
            "F6",
            lambda: self.panes.cycle(1),
        )
        self.previous_pane_action: QAction = self._action(
            translate("MainWindow", "Previous pane"), "Shift+F6", lambda: self.panes.cycle(-1)
        )
        self.detach_action = self._action(
            translate("MainWindow", "&Detach rubric"),
            "Ctrl+Shift+D",
            lambda: self.rubric_dock.setFloating(not self.rubric_dock.isFloating()),
        )
        self.earlier_action = self._action(
            translate("MainWindow", "&Earlier attempts of this earner"),
            "Ctrl+Shift+E",
            self.show_earlier_attempts,
        )
        self.reveal_action: QAction = self._action(
            translate("MainWindow", "&Reveal the earner…"), None, self.reveal_earner
        )
        self.reveal_action.setEnabled(False)
        self.assign_action = self._action(
            translate("MainWindow", "Assign a &micro-credential…"),
            None,
            self.assign_micro_credential,
        )
        self.assign_action.setEnabled(False)  # for an open submission that has none
        self.annotate_action = self._action(
            translate("MainWindow", "Anno&tate the evidence"), "A", self.annotate
        )
        self.annotate_action.setToolTip(
            translate(
                "MainWindow",
                "Marks a place on the evidence shown, from the keyboard: the selected text "
                "or the visible area; arrows move it, Enter confirms (A)",
            )
        )
        self.adjudicate_action = self._action(
            translate("MainWindow", "&Adjudicate…"), "Ctrl+Shift+A", self.show_adjudication
        )
        self.help_action = self._action(
            translate("MainWindow", "&Keyboard shortcuts"), "F1", self.show_help
        )
        self.help_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])

        menu = self._window().menuBar()
        file_menu = menu.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.import_action, self.import_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.grades_export_action)
        file_menu.addSeparator()
        file_menu.addActions(self._build_connection_actions())
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        review_menu = menu.addMenu(translate("MainWindow", "&Review"))
        review_menu.addActions(
            [self.next_action, self.previous_action, self.next_unreviewed_action, self.find_action]
        )
        review_menu.addSeparator()
        review_menu.addActions([self.earlier_action, self.reveal_action, self.assign_action])
        review_menu.addAction(self.annotate_action)
        review_menu.addSeparator()
        review_menu.addAction(self.adjudicate_action)
        self._build_credentials_menu()
        self._build_team_menu()
        view_menu = menu.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([self.queue_action, self.focus_mode_action])
        view_menu.addSeparator()
        view_menu.addActions([self.next_pane_action, self.previous_pane_action])
        view_menu.addSeparator()
        view_menu.addActions([self.detach_action, self.reset_layout_action])
        help_menu = menu.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.help_action)

        toolbar = self._window().addToolBar(translate("MainWindow", "Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.next_unreviewed_action)

    def _build_credentials_menu(self) -> None:
        self.issuers_action = self._action(
            translate("MainWindow", "&Issuers and keys…"), None, self.show_issuers
        )
        self.export_action = self._action(
            translate("MainWindow", "&Export credentials…"), "Ctrl+E", self.show_export
        )
        self.verify_action = self._action(
            translate("MainWindow", "&Verify credentials…"), None, self.show_verify
        )
        self.revoke_action = self._action(
            translate("MainWindow", "&Revoke a credential…"), None, self.show_revoke
        )
        credentials_menu = self._window().menuBar().addMenu(translate("MainWindow", "&Credentials"))
        credentials_menu.addAction(self.issuers_action)
        credentials_menu.addSeparator()
        credentials_menu.addActions([self.export_action, self.verify_action, self.revoke_action])

    def _build_team_menu(self) -> None:
        self.calibration_action = self._action(
            translate("MainWindow", "&Calibration dashboard…"),
            None,
            self.show_calibration_dashboard,
        )
        self._window().menuBar().addMenu(translate("MainWindow", "&Team")).addAction(
            self.calibration_action
        )
