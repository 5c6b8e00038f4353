"""The whole review in the real window: import by the menu, open, read every kind of
evidence, score with the keyboard only, submit, and see the queue change."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.demo import media
from reviewer_app.reviews.blind import submission_code
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.theme import DARK, LIGHT, apply_theme
from reviewer_app.vocabulary import STATUS_WORDS
from tests import craft
from tests.ui.pickers import cancel_picker, choose_in_picker
from tests.ui.shots import loaded, save_shot

FAP_CRITERIA = 9


@pytest.fixture
def bundles(tmp_path: Path) -> dict[str, Path]:
    rng = random.Random(4)
    photo = media.write_photo_jpeg(
        tmp_path / "p.jpg",
        width=900,
        height=600,
        rng=rng,
        exif_orientation=6,
        caption="Family night poster",
    )
    files = {
        "plan.pdf": media.render_text_pdf(
            title="Two-way communication plan",
            paragraphs=[
                f"Week {n}: call three families and note their replies about the "
                "bilingual newsletter."
                for n in range(1, 30)
            ],
            pages=3,
        ),
        "poster.jpg": photo.read_bytes(),
        "reflection.md": (
            b"# What changed\n\nFamilies now answer the **bilingual newsletter**; the home "
            b"visits showed me what they needed.\n"
        ),
    }
    doc = craft.manifest(
        files,
        submission_id="FAP-2026-0501",
        texts=[
            {
                "text": "Twenty-two families, eleven speak Spanish at home.",
                "part": "overview",
                "title": "Who are the families you serve?",
            }
        ],
    )
    doc["earner"] = {"id": "mailto:lucia@example.org", "name": "Lucía Fernández"}
    for item in doc["evidence"]:
        if item.get("path") == "reflection.md":
            item["part"] = "reflection"
    good = craft.bundle_zip(tmp_path / "lucia.zip", files, doc)
    bad = craft.bundle_zip(
        tmp_path / "broken.zip",
        {"plan.pdf": b"GIF89a not a pdf"},
        submission_id="FAP-2026-0502",
        media_types={"plan.pdf": "application/pdf"},
    )
    return {"good": good, "bad": bad}


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def import_by_menu(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, paths: list[Path]
) -> None:
    window.import_action.trigger()  # returns at once, with the picker on screen
    choose_in_picker(qtbot, window, paths)
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=60_000)
    loaded(window)  # the queue, read again off the GUI thread


def row_of(window: MainWindow, submission_id: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == submission_id:
            return row
    raise AssertionError(f"{submission_id} is not in the queue")


def test_a_whole_review_in_the_window(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, bundles: dict[str, Path]
) -> None:
    save_shot(window, "queue")
    import_by_menu(window, qtbot, monkeypatch, [bundles[k] for k in ("good", "bad")])
    summary = window.import_summary
    assert [r.submission_id for r in summary.report.imported] == ["FAP-2026-0501"]
    assert "is said to be a PDF but is a GIF image" in summary.details.toPlainText()
    summary.copy_button.click()
    assert "broken.zip" in QApplication.clipboard().text()
    summary.close()

    # Open the new submission from the queue with the keyboard.
    window.table.setFocus()
    window.table.selectRow(row_of(window, "FAP-2026-0501"))
    qtbot.waitUntil(
        lambda: window.review is not None and window.review.submission_id == "FAP-2026-0501"
    )
    assert "Lucía Fernández" in window.windowTitle()
    # Opening is only looking: the status changes with the first score.
    assert window.model.index(row_of(window, "FAP-2026-0501"), 4).data() == "Not reviewed"

    # Every kind of evidence, grouped by part in the earner's order.
    items = window.evidence.items_in_order()
    assert [i.part for i in items] == ["overview", "artifacts", "artifacts", "reflection"]
    for item in items:
        assert window.evidence.show_item(item.id)
        assert window.evidence.current_item() == item
        if item.media_type == "application/pdf":
            qtbot.wait(300)  # QtPdf paints asynchronously
            save_shot(window, "pdf-beside-rubric")
        elif item.media_type == "image/jpeg":
            qtbot.wait(200)
            save_shot(window.evidence, "image")
        elif item.media_type == "text/markdown":
            save_shot(window.evidence, "reflection")

    # Score every criterion with the keyboard only: a level key, then the next criterion.
    rubric = window.rubric
    assert window.review is not None
    first = window.review.rubric.criteria[0].id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keys go to the active window only
    rubric.select_criterion(first)

    def focused() -> QWidget:  # where a person's key press goes
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    for n in range(FAP_CRITERIA):
        qtbot.keyClick(focused(), Qt.Key.Key_2)  # "Proficient"
        if n == 0:
            qtbot.keyClick(focused(), Qt.Key.Key_C)  # into the comment
            qtbot.keyClicks(focused(), "Names every family and language.")
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)
        qtbot.keyClick(focused(), Qt.Key.Key_J)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: (
            window.model.index(row_of(window, "FAP-2026-0501"), 4).data() == STATUS_WORDS["pass"]
        )
    )

    saved = ReviewSession.open(window.folder, "FAP-2026-0501", "Ana Ruiz")
    assert saved.decision == "pass" and len(saved.levels) == FAP_CRITERIA
    assert saved.comments[first] == "Names every family and language."
    assert "Pass: 1" in window.counts.text()


def test_next_submission_and_the_help_sheet(window: MainWindow, qtbot: QtBot) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    first = window.review.submission_id if window.review else None
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id != first)
    window.previous_action.trigger()
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id == first)
    window.show_help()
    table = window.help_sheet.table
    names = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert {"Next submission", "Import bundles", "Keyboard shortcuts"} <= names
    assert table.rowCount() >= 15  # the evidence and rubric actions are listed too
    save_shot(window.help_sheet, "keyboard-shortcuts")


def test_dark_mode_takes_colours_from_the_palette(
    window: MainWindow, qtbot: QtBot, qapp: QApplication
) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    try:
        assert apply_theme(qapp, DARK) == DARK
        qtbot.wait(400)  # the PDF's thumbnails render a moment after its page
        image = window.grab().toImage()
        # Beside the status bar's text: the window's own background, not a widget's.
        bar = window.statusBar()
        spot = bar.mapTo(window, bar.rect().center())
        spot.setX(window.width() // 2)
        corner = image.pixelColor(spot)
        assert corner.lightness() < 100  # the window itself went dark, not only a widget
        save_shot(window, "dark-mode")
    finally:
        apply_theme(qapp, LIGHT)


def test_blind_review_hides_the_earner_everywhere(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    with reviewed_folder.sessions.begin() as session:
        BLIND_REVIEW.set(session, True)
    settings = QSettings(str(tmp_path / "blind.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: win.review is not None)
    shown = {win.model.index(r, c).data() for r in range(win.model.rowCount()) for c in range(6)}
    assert "Ana Lima" not in shown and submission_code("FAP-1") in shown
    assert "Ana Lima" not in win.windowTitle() and "blind review" in win.windowTitle()
    # The PDF fills in a moment after the review opens, from QtPdf's own thread (its
    # thumbnails are off until the reviewer turns them on).
    qtbot.waitUntil(lambda: win.evidence.pdf_view.page_count() > 0)
    qtbot.wait(300)  # QtPdf paints asynchronously
    save_shot(win, "blind-mode")
    win.close()


def test_the_command_with_no_subcommand_opens_the_window(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "REVIEWER_APP_LOG_DIR": str(tmp_path / "logs"),
    }
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer_app",
            "--data-dir",
            str(tmp_path / "data"),
            "--quit-after",
            "500",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "data" / "reviewer.sqlite3").is_file()
    assert "Traceback" not in out.stderr
    # Starting the program makes the day's backup (off the GUI thread, finished at exit).
    from reviewer_app.storage.backup import list_backups, verify_backup

    made = list_backups(tmp_path / "data")
    assert [b.kind for b in made] == ["daily"]
    assert verify_backup(made[0].path) == []
    log = (tmp_path / "logs" / "reviewer-app.log").read_text(encoding="utf-8")
    assert "Started with the data folder" in log and "backup" in log


def test_an_empty_folder_offers_the_demo(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    assert win.center.currentWidget() is win.welcome
    save_shot(win, "first-run")
    win.welcome.demo_button.click()
    qtbot.waitUntil(lambda: getattr(win, "import_summary", None) is not None, timeout=120_000)
    loaded(win)
    assert win.model.rowCount() == 15
    assert win.center.currentWidget() is win.evidence
    win.import_summary.close()
    win.close()


def test_the_import_summary_names_each_rejection(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, bundles: dict[str, Path]
) -> None:
    """The summary's screenshot: the bundles named from their folder (as the command
    line's import names them), so the picture does not show this run's temporary path,
    which the picker's full paths would."""
    monkeypatch.chdir(bundles["good"].parent)
    window.import_paths([Path(bundles[k].name) for k in ("good", "bad")])
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=60_000)
    summary = window.import_summary
    assert "broken.zip: 'plan.pdf' is said to be a PDF" in summary.details.toPlainText()
    qtbot.waitExposed(summary)
    save_shot(summary, "import-summary")
    summary.close()


def test_a_folder_is_imported_through_its_picker(
    window: MainWindow, qtbot: QtBot, bundles: dict[str, Path], tmp_path: Path
) -> None:
    """File > Import a folder…: the picker opens over the window, nothing waits for it,
    and the folder chosen is imported; a cancelled picker imports nothing."""
    folder = tmp_path / "from the post"
    folder.mkdir()
    bundles["good"].rename(folder / bundles["good"].name)
    window.import_folder_action.trigger()
    cancel_picker(qtbot, window)
    assert getattr(window, "import_summary", None) is None and not window.imports.busy()
    window.import_folder_action.trigger()
    choose_in_picker(qtbot, window, [folder])
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=60_000)
    imported = [r.submission_id for r in window.import_summary.report.imported]
    assert imported == ["FAP-2026-0501"]
    window.import_summary.close()


def test_search_opens_the_submission_at_the_hit(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, bundles: dict[str, Path]
) -> None:
    import_by_menu(window, qtbot, monkeypatch, [bundles["good"]])
    window.import_summary.close()
    window.search.setText("newsletter")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    item = window.evidence.current_item()
    assert item is not None and item.media_type in ("application/pdf", "text/markdown")


def test_earlier_attempts_are_one_click_away(window: MainWindow, qtbot: QtBot) -> None:
    first = ReviewSession.open(window.folder, "FAP-1", "Ben Osei")
    for criterion in first.rubric.criteria:
        first.set_level(criterion.id, "proficient")
    first.set_comment("reflection-next-steps", "Say when you will try it.")
    first.set_feedback("A good start.")
    first.submit()
    window.table.selectRow(row_of(window, "FAP-2"))
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id == "FAP-2")
    window.earlier_action.trigger()
    loaded(window.earlier_dialog)  # read off the GUI thread once shown
    text = window.earlier_dialog.browser.toPlainText()
    assert "Attempt 1 (FAP-1)" in text and "A good start." in text
    assert "Say when you will try it." in text and "hidden" in text


def test_revealing_the_earner_is_deliberate_and_recorded(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    """The reason is typed into the window-modal question, and the answer shown in a
    message opened over the window: neither runs a loop of its own."""
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox
    from sqlalchemy import select

    from reviewer_app.storage.models import AuditEvent

    with reviewed_folder.sessions.begin() as session:
        BLIND_REVIEW.set(session, True)
    win = MainWindow(
        reviewed_folder, "Ana Ruiz", QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: win.review is not None)
    win.reveal_action.trigger()  # returns at once, with the question on screen
    ask = win.findChild(QInputDialog, "reveal-reason")
    assert isinstance(ask, QInputDialog)
    qtbot.waitUntil(ask.isVisible, timeout=5000)
    field = ask.findChild(QLineEdit)
    assert isinstance(field, QLineEdit)
    qtbot.keyClicks(field, "to arrange an interpreter")
    ok = ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    answer = win.findChild(QMessageBox, "reveal-answer")
    assert isinstance(answer, QMessageBox)
    qtbot.waitUntil(answer.isVisible, timeout=5000)
    assert answer.text() == "Ana Lima <ana@example.org>"
    qtbot.mouseClick(answer.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not answer.isVisible(), timeout=5000)
    with reviewed_folder.sessions() as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "blind.reveal"))
    assert event is not None and event.actor == "Ana Ruiz"
    assert "interpreter" in event.after
    win.close()


def test_every_control_is_named_for_screen_readers(window: MainWindow, qtbot: QtBot) -> None:

    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    from tests.ui.a11y import unnamed_controls

    unnamed = unnamed_controls(window, text_names_buttons=True)
    assert unnamed == []


def test_a_background_task_can_be_waited_for_from_the_gui_thread(qapp: object) -> None:
    """Closing during an import waits for the worker: the worker's thread must end with
    its work, not only once the GUI thread has taken the result."""
    import time

    from reviewer_app.ui.operations import runner

    results: list[object] = []
    task = runner().write(lambda cancel, progress: 42, on_success=results.append)
    started = time.monotonic()
    assert task.wait(5)
    assert time.monotonic() - started < 4
    # The worker announces its outcome a moment after it ends: events until it comes.
    while not results and time.monotonic() - started < 5:
        QApplication.processEvents()
    assert results == [42]


def test_garbage_is_collected_on_the_gui_thread_only() -> None:
    import gc

    from reviewer_app.ui import gc_guard

    collector = gc_guard.install(QApplication.instance())  # type: ignore[arg-type]
    assert not gc.isenabled()
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    gc.set_threshold(1, 10, 10)
    try:
        for _ in range(5):
            _ = [[] for _ in range(10)]
        collector.collect_due()
        assert gc.get_count()[0] <= 2
    finally:
        gc.set_threshold(700, 10, 10)


_HOLD_WRITE_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def test_a_score_that_waits_for_another_program_says_so_and_is_saved(
    window: MainWindow, qtbot: QtBot
) -> None:
    import subprocess
    import sys

    from reviewer_app.storage.datafolder import DATABASE_NAME

    queue = window.table
    rect = queue.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None)
    review = window.review
    assert review is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    criterion = review.rubric.criteria[0]
    window.rubric.select_criterion(criterion.id)

    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_WRITE_LOCK, str(window.folder.root / DATABASE_NAME), "2.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_1)  # waits for the other program's write
        assert "Waiting for another Portfolio Reviewer" in window.statusBar().currentMessage()
    finally:
        holder.communicate(timeout=30)

    saved = ReviewSession.open(window.folder, review.submission_id, "Ana Ruiz")
    assert saved.levels == {criterion.id: criterion.levels[0].id}
