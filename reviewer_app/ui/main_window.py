"""The main window: the queue, the evidence, and the rubric beside it.

The window appears in two steps: the frame (menus, toolbar, status bar) is built and
shown from Qt alone, then `attach()` loads the data layer and fills the frame. A
person sees the window in about the time Qt takes to start, not after SQLAlchemy,
QtPdf and the panels have loaded; the domain modules are imported where first used.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.settings import LANGUAGE, Settings
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.import_flow import ImportController, ImportFlow
from reviewer_app.ui.operations import runner
from reviewer_app.ui.restore_flow import RestoreFlow
from reviewer_app.ui.screens import Screens, ScreenSlot, opener
from reviewer_app.ui.welcome import WelcomePanel
from reviewer_app.ui.window_size import fit_to_screen
from reviewer_app.ui.write_wait import WriteWaitNotice

if TYPE_CHECKING:
    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.evidence.panel import EvidencePanel
    from reviewer_app.ui.queue_model import QueueModel
    from reviewer_app.ui.reviewer_identity import ReviewerDialog
    from reviewer_app.ui.rubric import RubricPanel


logger = logging.getLogger("reviewer_app.settings")


def settings_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences keys, and Ctrl+, wherever that is not one of them."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    comma = QKeySequence("Ctrl+,")
    return [*keys, comma] if comma not in keys else list(keys)


class MainWindow(ImportFlow, RestoreFlow, QMainWindow):
    # The frame has been painted once: time to load the data folder behind it.
    first_painted = Signal()

    def __init__(
        self,
        folder: DataFolder | None,
        reviewer: str | None,
        settings: QSettings | None = None,
        *,
        preferences: Settings | None = None,
    ) -> None:
        """With a folder, the window is ready at once; with None, call `attach()`.
        `settings` keeps the window's layout; `preferences` are the person's settings
        (File > Settings…), loaded when that dialog first opens if not given."""
        super().__init__()
        self.folder: DataFolder = None  # type: ignore[assignment]  # set by attach()
        # None or "": not confirmed yet; the window asks, and records nothing before.
        self.reviewer = reviewer or ""
        self.settings = settings or QSettings()
        self.preferences = preferences
        # The language the window speaks: what was chosen when it was built.
        self.language_at_start = preferences.get(LANGUAGE) if preferences is not None else None
        self.review: ReviewSession | None = None
        self.reviewer_dialog: ReviewerDialog | None = None
        self._layout_pending = False
        self.current_pk: int | None = None
        self.blind = False
        self.setAcceptDrops(True)
        fit_to_screen(self, 1400, 900)  # at 200% a screen may be only 1280 wide
        self.opening = QLabel(self.tr("Opening the data folder…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.installEventFilter(self)
        self.setCentralWidget(self.opening)
        self._build_actions()
        self._build_status_bar()
        self._restore_geometry()
        self._update_title()
        if folder is not None:
            self.attach(folder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.opening and event.type() == QEvent.Type.Paint:
            self.opening.removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)  # after this paint is done
        return super().eventFilter(watched, event)

    def attach(self, folder: DataFolder) -> None:
        """Fills the frame: the queue, the evidence and the rubric of `folder`."""
        from reviewer_app.storage.folder_settings import BLIND_REVIEW
        from reviewer_app.ui.evidence.panel import EvidencePanel
        from reviewer_app.ui.queue_model import QueueModel
        from reviewer_app.ui.rubric import RubricPanel

        self.folder = folder
        with folder.read_sessions() as session:
            self.blind = BLIND_REVIEW.get(session)
        self.reveal_action.setEnabled(self.blind)
        self.model: QueueModel = QueueModel(folder, self)
        self.model.blind = self.blind
        self.evidence: EvidencePanel = EvidencePanel(self, settings=self.settings)
        self.rubric: RubricPanel = RubricPanel(self)
        self.rubric.set_preferences(self.preferences)  # None: loaded when first needed
        self.imports = ImportController(folder, self)
        self.cancel_button.clicked.connect(self.imports.cancel)
        self._landed_timer = QTimer(self, singleShot=True, interval=300)
        self._landed_timer.timeout.connect(self._reload_keeping_selection)

        self._build_queue_panel()
        self._build_layout()
        self._connect()
        self._restore_layout()
        self.model.on_reload = self._update_counts
        self.model.load_now()  # before the first paint; every later reload is off the GUI thread
        self._update_title()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # where work starts

    # Building ---------------------------------------------------------------------------

    def _build_queue_panel(self) -> None:
        from reviewer_app.ui.queue_panel import QueuePanel

        self.queue = QueuePanel(self.folder, self.model)
        # The names tests and other screens know the queue's parts by.
        self.search = self.queue.search
        self.status_filter = self.queue.status_filter
        self.credential_filter = self.queue.credential_filter
        self.resubmissions = self.queue.resubmissions
        self.table = self.queue.table
        self.counts = self.queue.counts

    def _build_layout(self) -> None:
        from reviewer_app.ui.layout import WindowLayout
        from reviewer_app.ui.pane_focus import Pane, PaneFocus, PaneFrame

        self.welcome = WelcomePanel(self)
        self.welcome.import_requested.connect(self.choose_import)
        self.welcome.demo_requested.connect(self.load_demo)
        self.center = QStackedWidget()
        self.center.addWidget(self.evidence)
        self.center.addWidget(self.welcome)
        self.queue_frame = PaneFrame(self.tr("Queue"), self.queue)
        self.evidence_frame = PaneFrame(self.tr("Evidence"), self.center)
        self.rubric_frame = PaneFrame(self.tr("Rubric"), self.rubric, titled=False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue_frame)
        self.splitter.addWidget(self.evidence_frame)
        self.setCentralWidget(self.splitter)
        self.rubric_dock = QDockWidget(self.tr("Rubric"), self)
        self.rubric_dock.setObjectName("rubric-dock")
        self.rubric_dock.setWidget(self.rubric_frame)
        self.rubric_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.rubric_dock)
        self.layout_ = WindowLayout(
            self, self.queue, self.splitter, self.rubric_dock, self.settings
        )
        self.layout_.on_focus_mode = self.focus_mode_action.setChecked
        self.panes = PaneFocus(
            [
                Pane(
                    self.queue_frame,
                    self._enter_queue,
                    lambda: self.queue.isVisible() and not self.queue.is_collapsed(),
                ),
                Pane(self.evidence_frame, self._enter_evidence, self.center.isVisible),
                Pane(
                    self.rubric_frame,
                    self._enter_rubric,
                    self.rubric_dock.isVisible,
                    self.rubric_dock,
                ),
            ],
            self,
        )
        # The rubric's keys and F6 also work while the rubric floats in its own window,
        # and the rubric's keys work in the main window then too (one action, two windows).
        self.rubric_dock.addActions([self.next_pane_action, self.previous_pane_action])
        window_wide = Qt.ShortcutContext.WindowShortcut
        self.addActions(
            [a for a in QWidget.actions(self.rubric) if a.shortcutContext() == window_wide]
        )

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(self.tr("&Import bundles…"), "Ctrl+I", self.choose_import)
        self.import_folder_action = self._action(
            self.tr("Import a &folder…"), "Ctrl+Shift+I", self.choose_import_folder
        )
        self.settings_action = self._action(self.tr("&Settings…"), None, self.show_settings)
        self.settings_action.setShortcuts(settings_shortcuts())
        # Explicit roles: on macOS they go to the application menu in any language.
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), None, self.restore_from_backup
        )
        self.next_action = self._action(
            self.tr("&Next submission"), "Ctrl+Shift+Down", self.next_submission
        )
        self.previous_action = self._action(
            self.tr("&Previous submission"), "Ctrl+Shift+Up", self.previous_submission
        )
        self.next_unreviewed_action = self._action(
            self.tr("Next &unreviewed submission"), "Ctrl+Shift+U", self.next_unreviewed
        )
        self.find_action = self._action(self.tr("&Find in queue"), "Ctrl+L", self.focus_search)
        self.queue_action = self._action(
            self.tr("Hide or show the &queue"), "F9", lambda: self.layout_.toggle_queue()
        )
        self.focus_mode_action = self._action(
            self.tr("&Focus mode: evidence and rubric only"),
            "Ctrl+Shift+F",
            lambda on: self.layout_.set_focus_mode(on),
        )
        self.focus_mode_action.setCheckable(True)
        self.reset_layout_action = self._action(
            self.tr("&Reset layout"), None, lambda: self.layout_.apply_default()
        )
        self.next_pane_action: QAction = self._action(
            self.tr("Next pane (queue, evidence, rubric)"), "F6", lambda: self.panes.cycle(1)
        )
        self.previous_pane_action: QAction = self._action(
            self.tr("Previous pane"), "Shift+F6", lambda: self.panes.cycle(-1)
        )
        self.detach_action = self._action(
            self.tr("&Detach rubric"),
            "Ctrl+Shift+D",
            lambda: self.rubric_dock.setFloating(not self.rubric_dock.isFloating()),
        )
        self.earlier_action = self._action(
            self.tr("&Earlier attempts of this earner"), "Ctrl+Shift+E", self.show_earlier_attempts
        )
        self.reveal_action: QAction = self._action(
            self.tr("&Reveal the earner…"), None, self.reveal_earner
        )
        self.reveal_action.setEnabled(False)
        self.assign_action = self._action(
            self.tr("Assign a &micro-credential…"), None, self.assign_micro_credential
        )
        self.assign_action.setEnabled(False)  # for an open submission that has none
        self.adjudicate_action = self._action(
            self.tr("&Adjudicate…"), "Ctrl+Shift+A", self.show_adjudication
        )
        self.help_action = self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_help)
        self.help_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_action, self.import_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        review_menu = menu.addMenu(self.tr("&Review"))
        review_menu.addActions(
            [self.next_action, self.previous_action, self.next_unreviewed_action, self.find_action]
        )
        review_menu.addSeparator()
        review_menu.addActions([self.earlier_action, self.reveal_action, self.assign_action])
        review_menu.addSeparator()
        review_menu.addAction(self.adjudicate_action)
        self._build_credentials_menu()
        self._build_team_menu()
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addActions([self.queue_action, self.focus_mode_action])
        view_menu.addSeparator()
        view_menu.addActions([self.next_pane_action, self.previous_pane_action])
        view_menu.addSeparator()
        view_menu.addActions([self.detach_action, self.reset_layout_action])
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.next_unreviewed_action)

    def _build_credentials_menu(self) -> None:
        self.issuers_action = self._action(self.tr("&Issuers and keys…"), None, self.show_issuers)
        self.export_action = self._action(
            self.tr("&Export credentials…"), "Ctrl+E", self.show_export
        )
        self.verify_action = self._action(self.tr("&Verify credentials…"), None, self.show_verify)
        self.revoke_action = self._action(self.tr("&Revoke a credential…"), None, self.show_revoke)
        credentials_menu = self.menuBar().addMenu(self.tr("&Credentials"))
        credentials_menu.addAction(self.issuers_action)
        credentials_menu.addSeparator()
        credentials_menu.addActions([self.export_action, self.verify_action, self.revoke_action])

    def _build_team_menu(self) -> None:
        self.calibration_action = self._action(
            self.tr("&Calibration dashboard…"), None, self.show_calibration_dashboard
        )
        self.menuBar().addMenu(self.tr("&Team")).addAction(self.calibration_action)

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setMaximumWidth(260)
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("Import progress in words"))
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.setToolTip(
            self.tr("Stops the import; the bundles already imported whole are kept")
        )
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        from reviewer_app.ui.reviewer_identity import ReviewerButton

        self.reviewer_button = ReviewerButton()
        self.reviewer_button.show_name(self.reviewer)
        self.reviewer_button.clicked.connect(lambda: self.ask_reviewer(first=False))
        bar.addWidget(self.reviewer_button)
        self.write_wait = WriteWaitNotice(bar)
        self._show_progress(False)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.open_row(current.row())
        )
        self.table.row_entered.connect(self._enter_row)
        self.table.doubleClicked.connect(lambda index: self._enter_row(index.row()))
        self.queue.filters_changed.connect(self.apply_filters)
        self.queue.collapse_requested.connect(lambda on: self.layout_.set_queue_collapsed(on))
        # Moving to a criterion brings the evidence of its rubric part into view.
        self.rubric.criterion_changed.connect(self.evidence.show_part)
        self.imports.progressed.connect(self._on_import_progress)
        self.imports.landed.connect(self._on_landed)
        self.imports.finished.connect(self._on_import_finished)
        self.imports.failed.connect(self._on_import_failed)
        self.rubric.saved.connect(self._on_review_saved)
        self.rubric.submitted.connect(lambda _decision: self._on_review_saved())
        self.rubric.submitted.connect(lambda _decision: self._show_practice_feedback())
        self.rubric.error.connect(lambda message: self.statusBar().showMessage(message, 8000))

    # The queue ----------------------------------------------------------------------------

    def _fill_credentials(self) -> None:
        self.queue.fill_credentials()

    def apply_filters(self) -> None:
        self.queue.apply_filters()
        self._select_pk(self.current_pk)

    def _update_counts(self) -> None:
        empty = self.queue.update_counts() == 0
        self.center.setCurrentWidget(self.welcome if empty else self.evidence)

    def _select_pk(self, pk: int | None) -> None:
        self.queue.select_pk(pk)

    def _on_landed(self) -> None:
        # Reports come many times a second: reload at most every 300 ms, not once they
        # stop (restarting the timer on each would hold the queue still until the end).
        if not self._landed_timer.isActive():
            self._landed_timer.start()

    def _reload_keeping_selection(self) -> None:
        self._fill_credentials()
        self.model.reload()
        self._select_pk(self.current_pk)

    def open_row(self, row: int) -> None:
        pk = self.model.pk_at(row)
        if pk is not None and pk != self.current_pk:
            self.open_submission(pk)
        self.queue.update_position()

    def _enter_row(self, row: int) -> None:
        """Enter or a double click on a row: open it and go where the keys score."""
        self.open_row(row)
        if self.review is not None:
            self._enter_rubric()

    # The panes (F6) -----------------------------------------------------------------------

    def _enter_queue(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _enter_evidence(self) -> None:
        from reviewer_app.ui.pane_focus import focus_first_in

        widget = self.center.currentWidget()
        if widget is not None:
            focus_first_in(widget)  # the viewer, or the list of evidence

    def _enter_rubric(self) -> None:
        criterion = self.rubric.current_criterion()
        if criterion is not None:
            self.rubric.select_criterion(criterion)
        else:
            self.rubric.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_submission(self, pk: int) -> None:
        from reviewer_app.reviews.queue import submission_view
        from reviewer_app.reviews.service import ReviewError, ReviewSession, SubmissionRef

        self.rubric.flush()  # saves anything still typed in the previous one
        focus_before = self.focusWidget()
        review: ReviewSession | None = None
        problem = None
        # One session reads the submission and this reviewer's review of it; both are
        # shown before the window paints, so that a key pressed at once never scores
        # the previous submission.
        with self.folder.read_sessions() as session:
            view = submission_view(session, pk, self.folder.store.objects, blind=self.blind)
            if view is None:
                return
            self.current_pk = pk
            self.assign_action.setEnabled(view.credential_uri is None)
            self.evidence.set_submission(view)
            if not self.reviewer:  # nothing recorded under a name not confirmed
                self.statusBar().showMessage(
                    self.tr("Say who is reviewing before scoring (the status bar's button)."),
                    10_000,
                )
                self.review = None
                self.rubric.set_review(None)
                return
            try:
                ref = SubmissionRef(pk, view.stored_id, view.credential_uri)
                review = ReviewSession.open_in(session, self.folder, ref, self.reviewer)
            except ReviewError as e:
                problem = str(e)
        self.review = review
        if problem:
            self.statusBar().showMessage(problem, 10_000)
        if self.review is not None:
            self.evidence.set_part_titles({p.id: p.title for p in self.review.rubric.parts})
        self._open_at_search_hit(pk)
        # Opening writes nothing: the row stays as it is. A submission that cannot be
        # scored says why in the panel itself.
        self.rubric.set_review(self.review, unavailable=problem or "")
        self._update_title(
            view.submission_id if self.blind else f"{view.submission_id}, {view.earner}"
        )
        self._keep_keys_scoring(focus_before)

    def _keep_keys_scoring(self, before: QWidget | None) -> None:
        """After a submission opens, the next key scores it: if the focus was lost with
        the previous review's widgets, or Qt moved it into a text field (the search
        field), or the submission was opened from another window, it goes to the rubric."""
        from reviewer_app.ui.pane_focus import is_text_field

        if self.review is None:
            return
        focus = self.focusWidget()  # this window's, even while another window is active
        lost = focus is None or not focus.isVisible()
        typed_into = is_text_field(focus) and (focus is not before or not self.isActiveWindow())
        if lost or typed_into:
            self._enter_rubric()

    def assign_micro_credential(self) -> None:
        """Review > Assign a micro-credential…, then the submission opens again, now
        with its rubric."""
        from reviewer_app.ui.assign_dialog import assign_submission_dialog

        pk = self.current_pk
        if pk is None:
            return

        def reopen() -> None:
            self._reload_keeping_selection()
            self.open_submission(pk)

        assign_submission_dialog(self, self.folder, self.reviewer, pk, reopen, blind=self.blind)

    def _open_at_search_hit(self, pk: int) -> None:
        """A submission found by searching its evidence opens at the hit."""
        words = self.search.text().strip()
        if not words:
            return
        from reviewer_app.evidence.search import first_hit

        with self.folder.read_sessions() as session:
            hit = first_hit(session, pk, words)
        if hit is not None:
            self.evidence.show_item(hit[0], hit[1])

    def reveal_earner(self) -> None:
        if self.review is None or not self.blind:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reveal the earner"),
            self.tr(
                "Blind review hides who the earner is. Revealing it is recorded in the audit "
                "trail. Why do you need the earner's name?"
            ),
        )
        if not ok:
            return
        from reviewer_app.reviews.blind import reveal_earner

        try:
            name, email = reveal_earner(
                self.folder, self.review.submission_id, self.reviewer, reason
            )
        except UserError as e:
            QMessageBox.warning(self, self.tr("Reveal the earner"), str(e))
            return
        QMessageBox.information(
            self, self.tr("The earner"), f"{name}" + (f" <{email}>" if email else "")
        )

    def next_submission(self) -> None:
        self.queue.step(1)

    def previous_submission(self) -> None:
        self.queue.step(-1)

    def next_unreviewed(self) -> None:
        """Opens the next unreviewed submission with the focus on its rubric, never in
        the search field: the next key scores it."""
        if self.search.hasFocus():
            self._enter_queue()
        if self.queue.next_unreviewed():
            self._enter_rubric()
        else:
            self.statusBar().showMessage(
                self.tr("No unreviewed submission further down the queue."), 5000
            )

    def focus_search(self) -> None:
        if self.queue.is_collapsed():
            self.layout_.set_queue_collapsed(False)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_review_saved(self) -> None:
        if self.current_pk is not None:
            self.model.refresh_row(self.current_pk)
        self._update_counts()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _show_practice_feedback(self) -> None:
        """After an assessor submits a practice anchor: the reference, at once."""
        if self.folder is None or self.current_pk is None:
            return
        from reviewer_app.calibration.sets import feedback_text, practice_feedback_for

        with self.folder.read_sessions() as session:
            feedback = practice_feedback_for(session, self.current_pk, self.reviewer)
        if feedback is None:
            return
        self.practice_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Practice: the reference scores"),
            self.tr(
                "{submission} is a practice anchor. Here is how your review compares with "
                "the reference."
            ).format(submission=feedback.submission_id),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.practice_box.setInformativeText(feedback_text(feedback))
        self.practice_box.setAccessibleName(self.tr("Practice feedback"))
        self.practice_box.setModal(False)
        self.practice_box.show()

    # Screens ------------------------------------------------------------------------------
    # Each screen is opened through one registry (reviewer_app/ui/screens.py), built from
    # the context below when first asked for; asking again brings the open one forward.

    show_calibration_dashboard = opener("calibration")
    show_adjudication = opener("adjudication")
    show_issuers = opener("issuers")
    show_export = opener("export")
    show_verify = opener("verify")
    show_revoke = opener("revoke")
    show_settings = opener("settings")
    show_help = opener("help")
    show_earlier_attempts = opener("earlier-attempts")
    calibration_dashboard = ScreenSlot("calibration")
    adjudication_dialog = ScreenSlot("adjudication")
    issuers_dialog = ScreenSlot("issuers")
    export_dialog = ScreenSlot("export")
    verify_dialog = ScreenSlot("verify")
    revoke_dialog = ScreenSlot("revoke")
    settings_dialog = ScreenSlot("settings")
    help_sheet = ScreenSlot("help")
    earlier_dialog = ScreenSlot("earlier-attempts")

    @cached_property
    def screens(self) -> Screens:
        return Screens(self.context)

    def context(self) -> AppContext:
        """What a screen opened now may use (the folder is None until `attach`)."""
        return AppContext(
            window=self,
            folder=self.folder,
            reviewer=self.reviewer,
            preferences=self._preferences,
            operations=runner(),
            open_submission=self.open_submission,
            queue_changed=self._reload_keeping_selection,
            actions=self.all_actions,
            current_submission=lambda: self.review.submission_id if self.review else None,
            language_at_start=self.language_at_start,
        )

    def _preferences(self) -> Settings:
        """The person's settings, loaded when first needed if not given at start."""
        if self.preferences is None:
            self.preferences = Settings.load()
            for problem in self.preferences.problems:
                logger.warning(problem)
            if self.folder is not None:
                self.rubric.set_preferences(self.preferences)  # one object for both
        return self.preferences

    # Window -------------------------------------------------------------------------------

    def all_actions(self) -> list[QAction]:
        rubric = QWidget.actions(self.rubric)  # also the window's: listed once, below
        own = [a for a in self.actions() if a not in rubric]
        return [*own, *self.evidence.actions(), *self.rubric.actions()]

    def _update_title(self, subject: str | None = None) -> None:
        if subject and self.blind:
            title = self.tr("{subject} - {app} (blind review)")
        elif subject:
            title = self.tr("{subject} - {app}")
        elif self.blind:
            title = self.tr("{app} (blind review)")
        else:
            title = "{app}"
        self.setWindowTitle(title.format(subject=subject, app=APP_NAME))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _restore_layout(self) -> None:
        """This person's layout, once the window has its size (sizes set before the
        window is shown are not kept)."""
        if not self.isVisible():
            self._layout_pending = True
            return
        self._layout_pending = False
        self.layout_.restore(self.reviewer)
        if not self.reviewer:
            QTimer.singleShot(0, lambda: self.ask_reviewer(first=True))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._restore_layout()

    # Who is reviewing -----------------------------------------------------------------------

    def ask_reviewer(self, *, first: bool) -> None:
        """Asks who is reviewing (window-modal, without blocking); on the first start
        it offers the account's full name."""
        from reviewer_app.ui.reviewer_identity import ReviewerDialog, account_full_name

        if self.reviewer_dialog is not None and self.reviewer_dialog.isVisible():
            return
        self.reviewer_dialog = ReviewerDialog(
            self.reviewer or account_full_name(), self, first=first
        )
        self.reviewer_dialog.chosen.connect(self.switch_reviewer)
        self.reviewer_dialog.open()

    def switch_reviewer(self, name: str) -> None:
        """From now on `name` reviews: kept in the settings, and the open submission
        reopens as their review (no restart)."""
        from reviewer_app.settings import REVIEWER_NAME

        name = name.strip()
        if not name or name == self.reviewer:
            return
        if self.folder is not None:
            self.rubric.flush()  # what the previous person typed is theirs
            if self.reviewer:
                self.layout_.save(self.reviewer)
        self.reviewer = name
        try:
            self._preferences().set(REVIEWER_NAME, name)
        except (UserError, OSError) as e:
            self.statusBar().showMessage(str(e), 10_000)
        self.reviewer_button.show_name(name)
        if self.folder is None:
            return
        self.layout_.restore(name)  # their own layout, or the default
        pk, self.current_pk = self.current_pk, None
        if pk is not None:
            self.open_submission(pk)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.folder is None:  # closed before the folder was open
            super().closeEvent(event)
            return
        self.rubric.set_review(None)  # saves what is still being typed
        if self.imports.busy():
            self.imports.cancel()
            if self.imports.task is not None:
                self.imports.task.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.reviewer:
            self.layout_.save(self.reviewer)
        super().closeEvent(event)
