"""Annotating in the whole window, as an assessor does: one click on the queue, the item
chosen in the evidence's list with the mouse, a region dragged on a PDF page and on the
photo that was taken on its side, and one made from the keyboard alone (A, arrows,
Enter); each comment typed into the editor and tied to a criterion, then saved, pinned
and listed under that criterion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.demo.load import load_demo
from reviewer_app.reviews.annotations import Annotation, check_anchor
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.rubric.annotation_editor import AnnotationEditor

SUBMISSION = "FAP-2026-0142"
REVIEWER = "Ana Ruiz"
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 10_000


@pytest.fixture
def window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    load_demo(folder)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, REVIEWER, settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    activate(win, qtbot)
    yield win
    win.close()


def activate(win: QWidget, qtbot: QtBot) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the focus"
    if modifiers is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifiers)


def click_queue_row(window: MainWindow, qtbot: QtBot) -> None:
    for row in range(window.model.rowCount()):
        index = window.model.index(row, 0)
        if index.data() == SUBMISSION:
            rect = window.table.visualRect(index)
            qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            break
    qtbot.waitUntil(
        lambda: window.review is not None and window.review.submission_id == SUBMISSION,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: not window.rubric.annotations_loading(), timeout=WAIT_MS)


def click_item(window: MainWindow, qtbot: QtBot, title: str) -> None:
    """Shows the evidence's list of items (Ctrl+Shift+L) and clicks the item by its title."""
    tree = window.evidence.tree
    if not tree.isVisible():
        press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
        qtbot.waitUntil(tree.isVisible, timeout=WAIT_MS)
    found: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem) -> None:
        if item.text(0).startswith(title):
            found.append(item)
        for n in range(item.childCount()):
            walk(item.child(n))

    for n in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(n))
    assert found, f"{title} is not in the evidence list"
    tree.scrollToItem(found[0])
    rect = tree.visualItemRect(found[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, SHIFT, start)
    for n in range(1, 5):
        QTest.mouseMove(widget, start + (end - start) * n / 4)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, SHIFT, end)


def write_in_editor(window: MainWindow, qtbot: QtBot, text: str, criteria_down: int) -> None:
    """Types the comment, picks a criterion with the keys, Enter saves."""
    found: list[AnnotationEditor] = []

    def shown() -> bool:
        found[:] = [e for e in window.findChildren(AnnotationEditor) if e.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    editor = found[0]
    activate(editor, qtbot)
    assert QApplication.focusWidget() is editor.comment
    qtbot.keyClicks(editor.comment, text)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.criterion
    editor.criterion.setCurrentIndex(0)  # from General, a known start
    for _ in range(criteria_down):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT_MS)
    activate(window, qtbot)


def saved(folder: DataFolder) -> list[Annotation]:
    return ReviewSession.open(folder, SUBMISSION, REVIEWER).annotations()


def test_draw_on_a_pdf_and_the_sideways_photo_and_make_one_from_the_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    folder = window.folder
    assert folder is not None
    click_queue_row(window, qtbot)
    criteria = window.review.rubric.criteria if window.review else []

    # A region of the contact log, dragged with Shift, tied to the first criterion.
    click_item(window, qtbot, "Family contact log")
    pdf = window.evidence.pdf_view
    qtbot.waitUntil(pdf.is_open, timeout=WAIT_MS)
    qtbot.wait(50)
    viewport = pdf.canvas.viewport()
    middle = viewport.rect().center()
    drag(viewport, middle - QPoint(120, 60), middle + QPoint(120, 40))
    write_in_editor(window, qtbot, "Which languages do these families speak?", 1)
    qtbot.waitUntil(lambda: len(saved(folder)) == 1, timeout=WAIT_MS)
    first = saved(folder)[0]
    assert first.item == "evidence/contact-log.pdf" and first.rect is not None
    assert first.criterion == criteria[0].id
    assert first.text == "Which languages do these families speak?"

    # From the keyboard: A puts a rectangle in view, arrows move and size it. With the
    # focus on the page (A is the evidence pane's and the window's: never ambiguous).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=middle + QPoint(0, 200))
    assert QApplication.focusWidget() is pdf.canvas
    press(qtbot, Qt.Key.Key_A)
    assert pdf.pins.draft is not None
    assert QApplication.focusWidget() is pdf.canvas
    for key, modifier in [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, SHIFT),
    ]:
        press(qtbot, key, modifier)
    press(qtbot, Qt.Key.Key_Return)
    write_in_editor(window, qtbot, "Say how often you call.", 2)
    qtbot.waitUntil(lambda: len(saved(folder)) == 2, timeout=WAIT_MS)
    second = saved(folder)[1]
    assert second.criterion == criteria[1].id and second.rect is not None

    # The photo, stored on its side: the rectangle is in upright pixels.
    click_item(window, qtbot, "Student-made invitation")
    image = window.evidence.image_view
    qtbot.waitUntil(lambda: not image.image_size().isEmpty(), timeout=WAIT_MS)
    assert (image.image_size().width(), image.image_size().height()) == (1200, 1600)
    canvas = image.canvas
    centre = canvas.mapFromScene(canvas.sceneRect().center())  # on the picture, fitted
    drag(canvas.viewport(), centre - QPoint(40, 80), centre + QPoint(40, 80))
    write_in_editor(window, qtbot, "A lovely invitation; whose words are these?", 0)
    qtbot.waitUntil(lambda: len(saved(folder)) == 3, timeout=WAIT_MS)
    photo = saved(folder)[2]
    assert photo.item == "evidence/IMG_2041.jpg" and photo.criterion is None
    assert photo.rect is not None
    x, y, w, h = photo.rect
    assert h > w  # dragged taller than wide on the upright picture
    assert x + w <= 1200 and y + h <= 1600

    with folder.read_sessions() as session:
        pk = window.review.submission_pk if window.review else 0
        for note in saved(folder):
            check_anchor(session, folder.store.objects, pk, note.anchor)
    # Pinned on the evidence and listed under the rubric.
    assert {a.id for a in window.evidence.annotations()} == {a.id for a in saved(folder)}
    lists = window.rubric.annotation_lists()
    assert lists is not None
    for note in saved(folder):
        assert lists.group_of(note.id) is not None
