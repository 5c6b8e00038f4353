"""Annotations in the real window, as a reviewer makes them: one click on the queue, then
an annotation drawn on the evidence (the pins' drawing hands over the Anchor it
confirmed), its comment typed and Enter; it shows under its criterion, `]` and `[` move
between annotations on both sides, Delete then Ctrl+Z brings one back under its number,
and a second reviewer sees none of the first's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.demo.load import load_demo
from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.annotations import Anchor, Annotation
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.ui.evidence.panel import EvidencePanel
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.rubric.annotation_editor import AnnotationEditor
from reviewer_app.ui.rubric.annotation_list import AnnotationGroup
from tests.ui.a11y import unnamed_controls
from tests.ui.fixed import fix_clock
from tests.ui.shots import save_shot

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SUBMISSION = "FAP-2026-0142"
REVIEWER = "Ana Ruiz"
SECOND = "Ben Osei"
WAIT_MS = 5000


class EvidenceCalls:
    """What the window asked of the evidence panel (its real methods still run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.focused: list[int] = []
        self.shown: list[tuple[list[int], bool]] = []
        self.keyboard = 0
        focus, show, start = (
            EvidencePanel.focus_annotation,
            EvidencePanel.set_annotations,
            EvidencePanel.start_keyboard_annotation,
        )

        def focus_annotation(panel: EvidencePanel, annotation_id: int) -> None:
            self.focused.append(annotation_id)
            focus(panel, annotation_id)

        def set_annotations(panel: EvidencePanel, annotations: Any, editable: bool) -> None:
            self.shown.append(([a.id for a in annotations], editable))
            show(panel, annotations, editable)

        def start_keyboard_annotation(panel: EvidencePanel) -> None:
            self.keyboard += 1
            start(panel)

        monkeypatch.setattr(EvidencePanel, "focus_annotation", focus_annotation)
        monkeypatch.setattr(EvidencePanel, "set_annotations", set_annotations)
        monkeypatch.setattr(EvidencePanel, "start_keyboard_annotation", start_keyboard_annotation)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> EvidenceCalls:
    return EvidenceCalls(monkeypatch)


@pytest.fixture
def demo_folder(folder: DataFolder, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    fix_clock(monkeypatch)
    load_demo(folder)
    return folder


def open_window(folder: DataFolder, who: str, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{who}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, who, settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    activate(win, qtbot)
    return win


def activate(win: QWidget, qtbot: QtBot) -> None:
    """Offscreen, a window is made the active one as a desktop would (keys go there)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)


@pytest.fixture
def window(
    demo_folder: DataFolder, calls: EvidenceCalls, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    win = open_window(demo_folder, REVIEWER, qtbot, tmp_path)
    yield win
    win.close()


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the focus"
    if modifiers is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifiers)


def open_submission(window: MainWindow, qtbot: QtBot) -> ReviewSession:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == SUBMISSION:
            rect = window.table.visualRect(window.model.index(row, 0))
            qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            break
    qtbot.waitUntil(
        lambda: window.review is not None and window.review.submission_id == SUBMISSION,
        timeout=WAIT_MS,
    )
    # Its annotations are read off the GUI thread, as the window shows it.
    qtbot.waitUntil(lambda: not window.rubric.annotations_loading(), timeout=WAIT_MS)
    assert window.review is not None
    return window.review


def item_id(folder: DataFolder, ref: str) -> int:
    with folder.read_sessions() as session:
        pk = session.scalars(
            select(Submission.id).where(Submission.submission_id == SUBMISSION)
        ).one()
        return notes.find_item(session, pk, ref).id


def editor_over(window: MainWindow, qtbot: QtBot) -> AnnotationEditor:
    found: list[AnnotationEditor] = []

    def shown() -> bool:
        found[:] = [e for e in window.findChildren(AnnotationEditor) if e.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    editor = found[0]
    assert editor.windowModality() == Qt.WindowModality.WindowModal
    activate(editor, qtbot)
    return editor


def draw_and_write(
    window: MainWindow,
    qtbot: QtBot,
    anchor: Anchor,
    text: str,
    criterion_steps: int = 0,
    tag_steps: int = 0,
) -> None:
    """The pin's drawing confirms `anchor`; the person types the comment, moves the
    criterion down `criterion_steps` from the one offered and the tag `tag_steps` down
    from "No tag", and presses Enter."""
    window.evidence.annotation_drawn.emit(anchor)
    editor = editor_over(window, qtbot)
    assert editor.comment.hasFocus()
    qtbot.keyClicks(editor.comment, text)
    if criterion_steps:
        press(qtbot, Qt.Key.Key_Tab)
        assert editor.criterion.hasFocus()
        for _ in range(criterion_steps):
            press(qtbot, Qt.Key.Key_Down)
    if tag_steps:
        if not criterion_steps:
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        assert editor.tag.hasFocus()
        for _ in range(tag_steps):
            press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT_MS)
    activate(window, qtbot)


def saved(folder: DataFolder, who: str = REVIEWER) -> list[Annotation]:
    return ReviewSession.open(folder, SUBMISSION, who).annotations()


def lines(group: AnnotationGroup) -> list[str]:
    return group.lines()


def group_of(window: MainWindow, annotation_id: int) -> AnnotationGroup:
    lists = window.rubric.annotation_lists()
    assert lists is not None
    group = lists.group_of(annotation_id)
    assert group is not None
    return group


def test_make_move_delete_and_undo_annotations(
    window: MainWindow, calls: EvidenceCalls, qtbot: QtBot
) -> None:
    open_submission(window, qtbot)
    first_criterion, second_criterion = [c.id for c in window.review.rubric.criteria[:2]]  # type: ignore[union-attr]
    assert window.rubric.current_criterion() == first_criterion
    assert calls.shown[-1] == ([], True)  # the pins of a review with none, drawable
    log = item_id(window.folder, "evidence/contact-log.pdf")
    plan = item_id(window.folder, "evidence/Plan de comunicación familiar.pdf")

    # One on the contact log, tied to the current criterion (offered by default).
    draw_and_write(
        window,
        qtbot,
        Anchor(log, 2, (72.0, 90.0, 220.0, 40.0)),
        "Names the channels, not the languages.",
    )
    [one] = saved(window.folder)
    assert (one.number, one.criterion, one.page) == (1, first_criterion, 2)
    assert one.text == "Names the channels, not the languages."
    assert lines(group_of(window, one.id)) == [
        "\u25b6 1. contact-log.pdf, page 2\nNames the channels, not the languages."
    ]
    card = window.rubric.findChild(QWidget, f"criterion-{first_criterion}")
    assert card is not None and card.isAncestorOf(group_of(window, one.id))
    assert calls.shown[-1] == ([one.id], True)

    # Esc cancels a form: nothing is saved.
    window.evidence.annotation_drawn.emit(Anchor(log, 1, (5.0, 5.0, 50.0, 50.0)))
    editor = editor_over(window, qtbot)
    assert unnamed_controls(editor, text_names_buttons=True) == []
    qtbot.keyClicks(editor.comment, "Not this one")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT_MS)
    activate(window, qtbot)
    assert len(saved(window.folder)) == 1

    # A second on the plan, under the next criterion (one step down in the form), with
    # the first sentence of that criterion's comment bank as its tag.
    draw_and_write(
        window, qtbot, Anchor(plan, 1, (50.0, 60.0, 300.0, 80.0)), "Good: a weekly call.", 1, 1
    )
    two = saved(window.folder)[1]
    bank = window.review.rubric.comments[second_criterion]  # type: ignore[union-attr]
    assert (two.number, two.criterion, two.tag) == (2, second_criterion, bank[0])
    assert group_of(window, two.id).isVisible()
    assert group_of(window, two.id) is not group_of(window, one.id)
    assert calls.shown[-1] == ([one.id, two.id], True)
    assert unnamed_controls(window.rubric) == []

    # [ and ] move between them, selecting the line (with the focus) and the pin.
    lists = window.rubric.annotation_lists()
    assert lists is not None and lists.current == two.id
    calls.focused.clear()
    press(qtbot, Qt.Key.Key_BracketLeft)
    assert lists.current == one.id and calls.focused[-1] == one.id
    assert QApplication.focusWidget() is group_of(window, one.id)
    assert lines(group_of(window, two.id))[0].startswith("2.")  # not marked any more
    press(qtbot, Qt.Key.Key_BracketRight)
    assert lists.current == two.id and calls.focused[-1] == two.id
    assert QApplication.focusWidget() is group_of(window, two.id)

    # A click on a line selects it and shows its pin.
    group = group_of(window, one.id)
    rect = group.visualRect(group.model().index(0, 0))
    qtbot.mouseClick(group.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lists.current == one.id and calls.focused[-1] == one.id
    # A pin clicked selects its line.
    window.evidence.annotation_clicked.emit(two.id)
    assert lists.current == two.id

    # Delete on the line deletes it (saved at once); Ctrl+Z brings it back as number 2.
    press(qtbot, Qt.Key.Key_BracketRight)  # the focus on annotation 2's line
    press(qtbot, Qt.Key.Key_Delete)
    assert [a.number for a in saved(window.folder)] == [1]
    assert first_criterion not in window.review.levels  # type: ignore[union-attr]  # Delete is not "clear the level"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    back = saved(window.folder)
    assert [(a.number, a.text, a.criterion) for a in back] == [
        (1, one.text, first_criterion),
        (2, two.text, second_criterion),
    ]
    assert calls.shown[-1] == ([a.id for a in back], True)
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)  # redo: deleted again
    assert [a.number for a in saved(window.folder)] == [1]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [a.number for a in saved(window.folder)] == [1, 2]

    # Ctrl+Z in a text box undoes the typing there, not an annotation.
    box = card.findChild(QPlainTextEdit)
    assert box is not None and box.accessibleName().startswith("Comment:")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    assert box.hasFocus()
    current = lists.current
    qtbot.keyClicks(box, "Clear]")  # ] is typed there: no move to another annotation
    assert box.toPlainText().endswith("Clear]") and lists.current == current
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert "Clear" not in box.toPlainText()
    assert [a.number for a in saved(window.folder)] == [1, 2]

    # Edit: Enter on a line opens the form with its comment.
    press(qtbot, Qt.Key.Key_Escape)  # out of the text box, back to the levels
    press(qtbot, Qt.Key.Key_BracketLeft)
    press(qtbot, Qt.Key.Key_Return)
    editor = editor_over(window, qtbot)
    assert editor.comment.toPlainText() == one.text
    qtbot.keyClicks(editor.comment, " Add the languages.")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # saves too (and submits no review)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT_MS)
    activate(window, qtbot)
    assert saved(window.folder)[0].text == one.text + " Add the languages."
    assert window.review is not None and window.review.submitted_at is None
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the edit undone
    assert saved(window.folder)[0].text == one.text

    # A (window-wide) starts one from the keyboard on the evidence; so does the menu.
    press(qtbot, Qt.Key.Key_A)
    assert calls.keyboard == 1
    review_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    assert window.annotate_action in review_menu.actions()  # type: ignore[union-attr]
    window.annotate_action.trigger()
    assert calls.keyboard == 2
    # The rectangle waits on the page for the arrows and Enter; Escape gives it up.
    pins = window.evidence.pdf_view.pins
    assert pins.draft is not None
    press(qtbot, Qt.Key.Key_Escape)
    assert pins.draft is None

    # Undo stays with the review it was made in: on the next submission, and back,
    # Ctrl+Z changes nothing.
    press(qtbot, Qt.Key.Key_Down, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id != SUBMISSION)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Up, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id == SUBMISSION)
    qtbot.waitUntil(lambda: not window.rubric.annotations_loading(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [a.text for a in saved(window.folder)] == [one.text, two.text]


def test_the_second_reviewer_sees_none_of_the_first_reviewers(
    demo_folder: DataFolder, calls: EvidenceCalls, qtbot: QtBot, tmp_path: Path
) -> None:
    first = ReviewSession.open(demo_folder, SUBMISSION, REVIEWER)
    log = item_id(demo_folder, "evidence/contact-log.pdf")
    first.annotate(Anchor(log, 1, (10.0, 10.0, 40.0, 20.0)), "Ana's note.")
    second = open_window(demo_folder, SECOND, qtbot, tmp_path)
    try:
        open_submission(second, qtbot)
        assert second.rubric.annotations() == []
        assert calls.shown[-1] == ([], True)
        lists = second.rubric.annotation_lists()
        assert lists is not None and lists.empty.isVisible()
        shown = [line for g in second.rubric.findChildren(AnnotationGroup) for line in lines(g)]
        assert shown == []
    finally:
        second.close()


def test_a_submitted_review_lists_its_annotations_read_only(
    window: MainWindow, calls: EvidenceCalls, qtbot: QtBot
) -> None:
    review = open_submission(window, qtbot)
    log = item_id(window.folder, "evidence/contact-log.pdf")
    draw_and_write(window, qtbot, Anchor(log, 1, (10.0, 10.0, 40.0, 20.0)), "Kept.")
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[-1].id)
    window.rubric.submit()
    [kept] = saved(window.folder)
    assert calls.shown[-1] == ([kept.id], False)  # no drawing on a submitted review
    press(qtbot, Qt.Key.Key_BracketRight)
    press(qtbot, Qt.Key.Key_Delete)
    assert [a.id for a in saved(window.folder)] == [kept.id]
    window.evidence.annotation_drawn.emit(Anchor(log, 1, (1.0, 1.0, 5.0, 5.0)))
    assert not [e for e in window.findChildren(AnnotationEditor) if e.isVisible()]


def test_screenshot_of_the_rubric_with_annotations(window: MainWindow, qtbot: QtBot) -> None:
    review = open_submission(window, qtbot)
    log = item_id(window.folder, "evidence/contact-log.pdf")
    plan = item_id(window.folder, "evidence/Plan de comunicación familiar.pdf")
    criteria = [c.id for c in review.rubric.criteria]
    review.annotate(
        Anchor(log, 2, (72.0, 90.0, 220.0, 40.0)),
        "Names the channels, not the languages each family uses.",
        criterion=criteria[0],
    )
    review.annotate(
        Anchor(plan, 1, (50.0, 60.0, 300.0, 80.0)),
        "A weekly call: say who makes it.",
        criterion=criteria[1],
    )
    review.annotate(Anchor(plan, 3, (40.0, 40.0, 100.0, 60.0)), "Clear and well laid out.")
    window.rubric.set_review(review)  # shown again, with what was added from outside
    qtbot.waitUntil(lambda: not window.rubric.annotations_loading(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_BracketRight)
    save_shot(window.rubric_dock, "rubric-annotations")


def test_an_undo_that_can_no_longer_be_done_says_why(window: MainWindow, qtbot: QtBot) -> None:
    """The review was submitted meanwhile (from the command line, say): Ctrl+Z refuses
    in words, changes nothing, and the step leaves the stack."""
    review = open_submission(window, qtbot)
    log = item_id(window.folder, "evidence/contact-log.pdf")
    draw_and_write(window, qtbot, Anchor(log, 1, (10.0, 10.0, 40.0, 20.0)), "Soon gone.")
    press(qtbot, Qt.Key.Key_Delete)
    assert saved(window.folder) == []
    elsewhere = ReviewSession.open(window.folder, SUBMISSION, REVIEWER)
    for criterion in review.rubric.criteria:
        elsewhere.set_level(criterion.id, criterion.levels[-1].id)
    elsewhere.submit()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert saved(window.folder) == []
    assert "submitted" in window.statusBar().currentMessage()
    assert not window.rubric.undo_stack().canUndo()
