"""File > Connect to team database… and File > Use local data folder, in the window.

The dialog asks where the database is and as whom (host, port, database, login,
password), and whether to store the password in PostgreSQL's password file. Connecting
runs off the GUI thread; while it runs the dialog says so, and if the server says no
(a wrong password, a server that cannot be reached) the dialog says why in words and
stays open, and the window stays on what it had. Once connected the window shows the
team database's queue, names the connection (`login@host/db`) in its title and in a
permanent status-bar label, and remembers it, without the password, in the person's
settings (`team.database`), so that the next start connects again. At start
(`open_team_at_start`, from reviewer_app/ui/app.py) the password is taken where
PostgreSQL's tools look; if none is found, or the one found is refused, the dialog
opens filled in, and Cancel opens the data folder instead. A database named on the
command line (`--database`, REVIEWER_APP_DATABASE) is for that start only. Cancel
while connecting leaves the window as it was; what that connection brings later is
dropped.

A login bound to a reviewer profile reviews as that profile: the window takes the
profile's name while connected (the server would refuse any other).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
)

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.ui.operations import Operation, runner
from reviewer_app.ui.window_modal import tell

if TYPE_CHECKING:
    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.settings import Settings
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.team.connection import Connected, TeamStart, TeamTarget
    from reviewer_app.ui.evidence.panel import EvidencePanel
    from reviewer_app.ui.import_flow import ImportController
    from reviewer_app.ui.queue_model import QueueModel
    from reviewer_app.ui.queue_panel import QueuePanel
    from reviewer_app.ui.queue_refresh import QueueRefresher
    from reviewer_app.ui.reviewer_identity import ReviewerButton
    from reviewer_app.ui.rubric import RubricPanel
    from reviewer_app.ui.screens import Screens
    from reviewer_app.ui.team_connect_dialog import TeamConnectDialog

translate = QCoreApplication.translate
log = logging.getLogger("reviewer_app.team")


class TeamConnection:
    """Mixed into the main window, which provides what is declared below."""

    if TYPE_CHECKING:
        folder: DataFolder
        reviewer: str
        reviewer_button: ReviewerButton
        imports: ImportController
        refresher: QueueRefresher

        @property
        def screens(self) -> Screens: ...

        model: QueueModel
        queue: QueuePanel
        rubric: RubricPanel
        evidence: EvidencePanel
        review: ReviewSession | None
        current_pk: int | None
        blind: bool
        opening: QLabel
        reveal_action: QAction
        assign_action: QAction

        def _preferences(self) -> Settings: ...
        def attach(self, folder: DataFolder) -> None: ...
        def _update_title(self, subject: str | None = None) -> None: ...
        def _reload_keeping_selection(self) -> None: ...

    team: TeamTarget | None = None
    team_dialog: TeamConnectDialog | None = None
    _connecting: Operation | None = None
    _local_reviewer: str | None = None
    data_root: Path | None = None  # the data folder: the team database's cache

    def _main(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self

    # Building -----------------------------------------------------------------------

    def _build_connection_actions(self) -> list[QAction]:
        window = self._main()
        self.connect_team_action = QAction(
            translate("MainWindow", "&Connect to team database…"), window
        )
        self.connect_team_action.triggered.connect(self.connect_team)
        self.local_folder_action = QAction(
            translate("MainWindow", "Use &local data folder"), window
        )
        self.local_folder_action.triggered.connect(self.use_local_folder)
        self.local_folder_action.setEnabled(False)
        return [self.connect_team_action, self.local_folder_action]

    def _build_connection_label(self) -> None:
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(translate("MainWindow", "Team database"))
        self.connection_label.hide()  # on the data folder: nothing to say
        self._main().statusBar().addPermanentWidget(self.connection_label)

    def _titled(self, title: str) -> str:
        """The window's title, naming the team database when connected."""
        return f"{title} - {self.team.label()}" if self.team is not None else title

    # Connecting ---------------------------------------------------------------------

    def connect_team(self) -> None:
        """File > Connect to team database…: the dialog, from the last one used."""
        from reviewer_app.settings import TEAM_DATABASE
        from reviewer_app.team.connection import TeamTarget

        target = self.team
        remembered = self._preferences().get(TEAM_DATABASE)
        if target is None and remembered:
            try:
                target = TeamTarget.parse(remembered)
            except UserError:
                target = None
        self._ask(target, on_cancel=None, remember=True)

    def open_team_at_start(
        self, root: Path, start: TeamStart, on_local: Callable[[], None]
    ) -> None:
        """At start, on the team database named or remembered; the data folder instead
        if that fails or the person cancels (said first). One named on the command line
        is for this start only: it is not remembered."""
        self.data_root = root
        remember = not start.named
        if start.password is None:
            self._ask(start.target, on_cancel=on_local, remember=remember)
            return

        def ask_again(problem: str) -> None:  # a password changed since, say
            self._ask(start.target, on_cancel=on_local, remember=remember)
            if self.team_dialog is not None:
                self.team_dialog.show_problem(problem)

        self._start_connecting(
            start.target, start.password, store=False, remember=remember, on_failed=ask_again
        )

    def _ask(
        self, target: TeamTarget | None, on_cancel: Callable[[], None] | None, *, remember: bool
    ) -> None:
        if self.team_dialog is not None and self.team_dialog.isVisible():
            self.team_dialog.raise_()
            return
        from reviewer_app.ui.team_connect_dialog import TeamConnectDialog

        dialog = TeamConnectDialog(self._main())
        dialog.fill(target)
        dialog.connect_requested.connect(
            lambda: self._start_connecting(
                dialog.target(),
                dialog.password.text(),
                store=dialog.store.isChecked(),
                remember=remember,
            )
        )
        if on_cancel is not None:
            dialog.rejected.connect(on_cancel)
        self.team_dialog = dialog
        dialog.open()

    def _start_connecting(
        self,
        target: TeamTarget,
        password: str | None,
        *,
        store: bool,
        remember: bool,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        if self.folder is not None and self.imports.busy():
            self._warn(translate("MainWindow", "Wait for the import to finish first."))
            return
        root = self.folder.root if self.folder is not None else self.data_root
        assert root is not None
        shown = self.team_dialog
        dialog = shown if shown is not None and shown.isVisible() else None
        if dialog is not None:
            dialog.set_connecting(True)
        else:
            words = translate("MainWindow", "Connecting to {team}…").format(team=target.label())
            self._main().statusBar().showMessage(words)
            if self.folder is None:  # at start: said where the window will fill
                self.opening.setText(words)

        def work(_cancel: object, _progress: object) -> Connected:
            return target.open(root, password or None)

        def done(connected: Connected | None) -> None:
            if connected is None:
                return
            if dialog is not None and not dialog.isVisible():  # cancelled meanwhile
                connected.folder.close()
                return
            if dialog is not None:
                dialog.accept()  # accepted: on_cancel (rejected) stays unsaid
            self._main().statusBar().clearMessage()
            self._connected(connected, password if store else None, remember=remember)

        def failed(message: str, _details: str) -> None:
            log.warning("Cannot connect to %s: %s", target.remembered(), message)
            self._main().statusBar().clearMessage()
            if dialog is not None:
                if dialog.isVisible():  # else cancelled meanwhile: nothing more to say
                    dialog.set_connecting(False)
                    dialog.show_problem(message)
                return
            if on_failed is not None:
                on_failed(message)
            else:
                self._warn(message)

        self._connecting = runner().read(
            work, on_success=done, on_failure=failed, owner=self._main()
        )

    def _connected(
        self, connected: Connected, password_to_store: str | None, *, remember: bool
    ) -> None:
        from reviewer_app.settings import TEAM_DATABASE

        target = connected.target
        log.info("Connected to the team database %s", target.remembered())
        self.team = target
        # First: the submission the queue opens is then opened as the login's own review.
        if connected.profile and connected.profile != self.reviewer:
            if self._local_reviewer is None:
                self._local_reviewer = self.reviewer
            self._act_as(connected.profile)
        if self.folder is None:
            self.attach(connected.folder)
        else:
            self._switch_folder(connected.folder)
        self._show_connection()
        problems = []
        try:
            if remember:
                self._preferences().set(TEAM_DATABASE, target.remembered())
        except (UserError, OSError) as e:
            problems.append(str(e))
        if password_to_store is not None:
            try:
                target.store_password(password_to_store)
            except UserError as e:
                problems.append(str(e))
        if problems:
            self._main().statusBar().showMessage(" ".join(problems), 15_000)

    def use_local_folder(self) -> None:
        """File > Use local data folder: back to the data folder's own database, and the
        next start opens on it too."""
        from reviewer_app.settings import TEAM_DATABASE
        from reviewer_app.storage.datafolder import DataFolder

        if self.team is None or self.folder is None:
            return
        if self.imports.busy():
            self._warn(translate("MainWindow", "Wait for the import to finish first."))
            return
        try:
            folder = DataFolder.open(self.folder.root)
        except UserError as e:
            self._warn(str(e))
            return
        log.info("Back on the data folder %s", folder.root)
        self.team = None
        if self._local_reviewer is not None:
            self._act_as(self._local_reviewer)
            self._local_reviewer = None
        self._switch_folder(folder)
        self._show_connection()
        try:
            self._preferences().set(TEAM_DATABASE, "")
        except (UserError, OSError) as e:
            self._main().statusBar().showMessage(str(e), 15_000)

    def _switch_folder(self, folder: DataFolder) -> None:
        """The window on `folder` instead of the one it had: what is being typed is saved
        first, the open submission and the screens opened on the old one are closed,
        and the queue is read from the new one, with its filters as they were."""
        from reviewer_app.storage.folder_settings import BLIND_REVIEW

        old = self.folder
        self.rubric.set_review(None)  # saves what is still being typed, where it belongs
        self.review = None
        self.current_pk = None
        self.model.keep_pk = None
        self.evidence.set_submission(None)
        self.assign_action.setEnabled(False)
        self.screens.close_all()  # each holds the folder it was opened on
        self.folder = folder
        with folder.read_sessions() as session:
            self.blind = BLIND_REVIEW.get(session)
        self.reveal_action.setEnabled(self.blind)
        self.model.set_blind(self.blind)
        self.model.set_folder(folder)
        self.queue.folder = folder
        self.imports.set_folder(folder)
        self.refresher.watch(folder)
        self._reload_keeping_selection()
        self._update_title()
        old.close()

    # Showing ------------------------------------------------------------------------

    def _show_connection(self) -> None:
        team = self.team
        self.local_folder_action.setEnabled(team is not None)
        if team is None:
            self.connection_label.hide()
            self.connection_label.clear()
        else:
            self.connection_label.setText(team.label())
            self.connection_label.setToolTip(
                translate("MainWindow", "Connected to the team database {url}").format(
                    url=team.remembered()
                )
            )
            self.connection_label.show()
        self._update_title()

    def _act_as(self, name: str) -> None:
        """Reviews as `name` from now on, without changing the person's settings."""
        self.reviewer = name
        self.reviewer_button.show_name(name)

    def _warn(self, message: str) -> QMessageBox:
        return tell(self._main(), QMessageBox.Icon.Warning, APP_NAME, message)
