"""The main window: the queue, the evidence, and the rubric beside it.

The window appears in steps: the frame (menus, toolbar, status bar) is built and
shown from Qt alone; the queue is shown without the data layer (`show_first_screen`,
reviewer_app/ui/first_screen_flow.py); then `attach()` loads the data layer and fills
the frame. A person sees the window in about the time Qt takes to start, not after
SQLAlchemy, QtPdf and the panels have loaded; the domain modules are imported where
first used.

What the window does is in small mixins named for it (actions and menus, the queue, the
open submission, the panes, who is reviewing, importing, restoring); this module builds
the frame, lays out the panes and connects them.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QWidget,
)

from reviewer_app import APP_NAME
from reviewer_app.settings import LANGUAGE, Settings
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.first_screen_flow import FirstScreenFlow
from reviewer_app.ui.import_flow import ImportController, ImportFlow
from reviewer_app.ui.operations import runner
from reviewer_app.ui.pane_entry import PaneEntry
from reviewer_app.ui.queue_flow import QueueFlow
from reviewer_app.ui.restore_flow import RestoreFlow
from reviewer_app.ui.reviewer_identity import ReviewerIdentity
from reviewer_app.ui.screens import Screens, ScreenSlot, opener
from reviewer_app.ui.submission_flow import SubmissionFlow
from reviewer_app.ui.team_connect import TeamConnection
from reviewer_app.ui.welcome import WelcomePanel
from reviewer_app.ui.window_actions import WindowActions
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


class MainWindow(
    WindowActions,
    FirstScreenFlow,
    QueueFlow,
    SubmissionFlow,
    PaneEntry,
    ReviewerIdentity,
    ImportFlow,
    RestoreFlow,
    TeamConnection,
    QMainWindow,
):
    # The frame has been painted once: time to load the data folder behind it.
    first_painted = Signal()
    # The queue's first screen has been painted (`show_first_screen()`): time to load
    # the data layer behind it.
    first_screen_painted = Signal()

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
        self._first_screen_event(watched, event)
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
        shown_first = self._hand_over_first_screen(folder)  # the queue on screen stays
        if not shown_first:
            self.model: QueueModel = QueueModel(folder, self)
            self.model.blind = self.blind
        self.evidence: EvidencePanel = EvidencePanel(self, settings=self.settings)
        self.rubric: RubricPanel = RubricPanel(self)
        self.rubric.set_preferences(self.preferences)  # None: loaded when first needed
        self.imports = ImportController(folder, self)
        self.cancel_button.clicked.connect(self.imports.cancel)
        self._landed_timer = QTimer(self, singleShot=True, interval=300)
        self._landed_timer.timeout.connect(self._reload_keeping_selection)

        if not shown_first:
            self._build_queue_panel()
            self._build_frames()
        self._build_layout()
        self._connect()
        self._restore_layout()
        self.model.on_reload = self._update_counts
        if shown_first:
            self._read_after_first_screen()
        else:
            self.model.load_now()  # before the first paint; later reloads are off the GUI thread
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # where work starts
        self._follow_others_changes()
        self._update_title()

    def _follow_others_changes(self) -> None:
        from reviewer_app.ui.queue_refresh import QueueRefresher

        self.refresher = QueueRefresher(self.model, self.table, self)
        self.refresher.watch(self.folder)

    # Building ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        from reviewer_app.ui.layout import WindowLayout
        from reviewer_app.ui.pane_focus import Pane, PaneFocus, PaneFrame

        self.welcome = WelcomePanel(self)
        self.welcome.import_requested.connect(self.choose_import)
        self.welcome.demo_requested.connect(self.load_demo)
        for pane in (self.evidence, self.welcome):  # after the queue in the focus chain
            pane.setParent(None)
            self.center.addWidget(pane)
        self.rubric_frame = PaneFrame(self.tr("Rubric"), self.rubric, titled=False)
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
        # The rubric's keys, F6 and A also work while the rubric floats in its own window,
        # and the rubric's keys work in the main window then too (one action, two windows).
        self.rubric_dock.addActions(
            [self.next_pane_action, self.previous_pane_action, self.annotate_action]
        )
        window_wide = Qt.ShortcutContext.WindowShortcut
        self.addActions(
            [a for a in QWidget.actions(self.rubric) if a.shortcutContext() == window_wide]
        )

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
        self._build_connection_label()
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
        # Annotations: drawn and clicked on the evidence, listed and edited in the rubric.
        self.evidence.annotation_drawn.connect(self.rubric.new_annotation)
        self.evidence.leave_area_key_to_window()  # A is annotate_action's
        self.evidence.annotation_clicked.connect(self.rubric.select_annotation)
        self.rubric.annotation_focused.connect(self.evidence.focus_annotation)
        self.rubric.annotations_changed.connect(self.evidence.set_annotations)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # Screens ------------------------------------------------------------------------------
    # Each screen is opened through one registry (reviewer_app/ui/screens.py), built from
    # the context below when first asked for; asking again brings the open one forward.

    show_calibration_dashboard = opener("calibration")
    show_adjudication = opener("adjudication")
    show_issuers = opener("issuers")
    show_export = opener("export")
    show_verify = opener("verify")
    show_revoke = opener("revoke")
    show_grades_export = opener("grades-export")
    show_settings = opener("settings")
    show_help = opener("help")
    show_earlier_attempts = opener("earlier-attempts")
    calibration_dashboard = ScreenSlot("calibration")
    adjudication_dialog = ScreenSlot("adjudication")
    issuers_dialog = ScreenSlot("issuers")
    export_dialog = ScreenSlot("export")
    verify_dialog = ScreenSlot("verify")
    revoke_dialog = ScreenSlot("revoke")
    grades_export_dialog = ScreenSlot("grades-export")
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
        self.setWindowTitle(self._titled(title.format(subject=subject, app=APP_NAME)))

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
        # Filled after its first paint (the real start): the panes just added have no
        # place in the window's layout until it runs, and sizes set before are lost.
        QTimer.singleShot(0, self, lambda: self.layout_.restore(self.reviewer))
        if not self.reviewer:
            QTimer.singleShot(0, lambda: self.ask_reviewer(first=True))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._restore_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.folder is None:  # closed before the folder was open
            super().closeEvent(event)
            return
        self.rubric.set_review(None)  # saves what is still being typed
        self.refresher.stop()
        if self.imports.busy():
            self.imports.cancel()
            if self.imports.task is not None:
                self.imports.task.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.reviewer:
            self.layout_.save(self.reviewer)
        super().closeEvent(event)
