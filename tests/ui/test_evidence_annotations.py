"""Annotations on the evidence pane, driven with the mouse and keys as a reviewer does,
over the demo submission FAP-2026-0142 (a two-page contact log PDF, a photo stored
sideways with EXIF orientation 6, and a written reflection).

Where a rectangle should land is worked out from Qt's own mapping (the graphics view's
mapToScene, the PDF layout the viewer test checks against the painted pages), and every
anchor emitted is checked by the domain (`check_anchor`) as the window will save it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, QSize, Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.demo import generate_demo_bundles
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.annotations import Anchor, Annotation, check_anchor
from reviewer_app.reviews.queue import ItemView, SubmissionView, submission_view
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.ui.evidence import EvidencePanel, PdfView
from tests.ui.shots import save_shot

SUBMISSION = "FAP-2026-0142"
LOG = "evidence/contact-log.pdf"
PHOTO = "evidence/IMG_2041.jpg"
LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataFolder]:
    root = tmp_path_factory.mktemp("pins")
    bundles = [p for p in generate_demo_bundles(root / "demo") if SUBMISSION in p.name]
    assert len(bundles) == 1
    with DataFolder.open(root / "data") as data:
        report = Importer(data).import_paths(bundles)
        assert not report.rejected
        derive_pending(data)
        yield data


@pytest.fixture
def view(demo: DataFolder) -> SubmissionView:
    with demo.sessions() as session:
        pk = session.scalar(select(Submission.id).where(Submission.submission_id == SUBMISSION))
        assert pk is not None
        shown = submission_view(session, pk, demo.store.objects)
    assert shown is not None
    return shown


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path, view: SubmissionView) -> Iterator[EvidencePanel]:
    settings = QSettings(str(tmp_path / "pins.ini"), QSettings.Format.IniFormat)
    widget = EvidencePanel(settings=settings)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_submission(view)
    yield widget
    QThreadPool.globalInstance().waitForDone()  # no image decode outlives its test


def item(view: SubmissionView, path_or_title: str) -> ItemView:
    return next(i for i in view.items if path_or_title in (i.path, i.title))


def checked(demo: DataFolder, view: SubmissionView, anchor: Anchor) -> Anchor:
    """The anchor as the review service would store it (refused if it is off the page)."""
    with demo.sessions() as session:
        stored, _item = check_anchor(session, demo.store.objects, view.pk, anchor)
    return stored


def note(
    annotation_id: int,
    number: int,
    item_id: int,
    page: int = 1,
    rect: tuple[float, float, float, float] | None = None,
    quote: str | None = None,
    quote_start: int | None = None,
) -> Annotation:
    return Annotation(
        id=annotation_id,
        review_id=1,
        number=number,
        anchor=Anchor(item_id, page, rect, quote, quote_start),
        item="",
        text=f"Note {number}",
    )


def open_pdf(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, zoom: float | None
) -> PdfView:
    assert panel.show_item(item(view, LOG).id)
    pdf = panel.pdf_view
    qtbot.waitUntil(pdf.is_open)
    if zoom is not None:
        pdf.set_zoom(zoom)
    pdf.go_to_page(1)
    qtbot.wait(20)
    return pdf


def open_photo(qtbot: QtBot, panel: EvidencePanel, view: SubmissionView) -> None:
    with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
        assert panel.show_item(item(view, PHOTO).id)
    qtbot.wait(20)


def on_screen(pdf: PdfView, page: int, point: QPointF) -> QPointF:
    """Where a page point (PDF points) is in the viewport, from the page layout."""
    rect = pdf.page_rects()[page - 1]
    size = pdf.document.pagePointSize(page - 1)
    left = pdf.canvas.horizontalScrollBar().value()
    top = pdf.canvas.verticalScrollBar().value()
    return QPointF(
        rect.x() + point.x() * rect.width() / size.width() - left,
        rect.y() + point.y() * rect.height() / size.height() - top,
    )


def drag(widget: QWidget, start: QPoint, end: QPoint, modifier: Qt.KeyboardModifier) -> None:
    """Press, move in steps, release: a person's drag."""
    QTest.mousePress(widget, LEFT, modifier, start)
    for n in range(1, 5):
        QTest.mouseMove(widget, start + (end - start) * n / 4)
    QTest.mouseRelease(widget, LEFT, modifier, end)


def close(actual: tuple[float, ...], expected: tuple[float, ...], tolerance: float) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def changed_near(before: QImage, after: QImage, at: QPointF, radius: int = 12) -> int:
    """How many pixels differ in the square of `radius` around `at`."""
    count = 0
    for x in range(int(at.x()) - radius, int(at.x()) + radius + 1):
        for y in range(int(at.y()) - radius, int(at.y()) + radius + 1):
            if 0 <= x < before.width() and 0 <= y < before.height():
                count += before.pixel(x, y) != after.pixel(x, y)
    return count


# Drawing with the mouse ---------------------------------------------------------------------


def test_a_rectangle_dragged_on_a_zoomed_pdf_page_is_in_points(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 1.5)
    wanted = QRectF(90, 120, 200, 80)  # points on page 1
    start = on_screen(pdf, 1, wanted.topLeft()).toPoint()
    end = on_screen(pdf, 1, wanted.bottomRight()).toPoint()
    # 1.5 x 96/72: 2 pixels a point, so the drag is 400 x 160 pixels.
    assert abs((end.x() - start.x()) - 400) <= 2
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        drag(pdf.canvas.viewport(), start, end, SHIFT)
    anchor = drawn.args[0]
    assert anchor.item_id == item(view, LOG).id and anchor.page == 1
    assert anchor.rect is not None and close(anchor.rect, (90, 120, 200, 80), 1.0)
    assert checked(demo, view, anchor).rect == anchor.rect


def test_drawing_mode_draws_without_shift_and_a_plain_drag_does_not(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 1.25)
    start = on_screen(pdf, 1, QPointF(300, 300)).toPoint()
    end = on_screen(pdf, 1, QPointF(400, 350)).toPoint()
    emitted: list[Anchor] = []
    panel.annotation_drawn.connect(emitted.append)
    drag(pdf.canvas.viewport(), start, end, NONE)  # selects text, draws nothing
    assert emitted == []
    panel.drawing_mode_action.trigger()
    drag(pdf.canvas.viewport(), start, end, NONE)
    assert len(emitted) == 1
    assert emitted[0].rect is not None and close(emitted[0].rect, (300, 300, 100, 50), 1.0)


def test_a_rectangle_dragged_on_the_sideways_photo_is_in_upright_pixels(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    open_photo(qtbot, panel, view)
    image = panel.image_view
    assert image.image_size() == QSize(1200, 1600)  # stored 1600 x 1200, EXIF 6
    image.set_zoom(0.4)
    canvas = image.canvas
    start = canvas.mapFromScene(QPointF(150, 300))  # on the picture, wherever it is
    end = start + QPoint(200, 80)
    expected = QRectF(canvas.mapToScene(start), canvas.mapToScene(end)).normalized()
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        drag(canvas.viewport(), start, end, SHIFT)
    anchor = drawn.args[0]
    assert anchor.page == 1 and anchor.rect is not None
    want = (expected.x(), expected.y(), expected.width(), expected.height())
    assert close(anchor.rect, want, 3.0)
    assert close(anchor.rect[2:], (500, 200), 3.0)  # 200 x 80 pixels at 40%
    assert checked(demo, view, anchor).rect == anchor.rect

    # Turned a quarter by the reviewer: a drag across the screen runs down the picture.
    image.rotate_right()
    qtbot.wait(20)
    start = canvas.mapFromScene(QPointF(600, 1200))
    end = start + QPoint(200, 40)
    expected = QRectF(canvas.mapToScene(start), canvas.mapToScene(end)).normalized()
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        drag(canvas.viewport(), start, end, SHIFT)
    turned = drawn.args[0]
    want = (expected.x(), expected.y(), expected.width(), expected.height())
    assert turned.rect is not None and close(turned.rect, want, 3.0)
    assert turned.rect[3] > turned.rect[2] * 3  # taller than wide in the upright picture
    checked(demo, view, turned)


def test_a_plain_drag_still_moves_the_picture(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=True)
    open_photo(qtbot, panel, view)
    panel.image_view.set_zoom(1.0)
    bar = panel.image_view.canvas.verticalScrollBar()
    before = bar.value()
    emitted: list[Anchor] = []
    panel.annotation_drawn.connect(emitted.append)
    drag(panel.image_view.canvas.viewport(), QPoint(200, 300), QPoint(200, 150), NONE)
    assert emitted == [] and bar.value() > before


# The keyboard ----------------------------------------------------------------------------------


def test_a_keyboard_only_annotation_on_a_pdf_page(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 1.25)
    canvas = pdf.canvas
    # Into the pages with the keyboard, as a reviewer does from the item list.
    panel.list_action.trigger()
    panel.tree.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert canvas.hasFocus()
    QTest.keyClick(canvas, Qt.Key.Key_A)
    draft = pdf.pins.draft
    assert draft is not None and draft.page == 1
    # In the middle of the part of the page in view.
    page = QRectF(on_screen(pdf, 1, QPointF(0, 0)), on_screen(pdf, 1, QPointF(612, 792)))
    middle = page.intersected(QRectF(canvas.viewport().rect())).center()
    centre = on_screen(pdf, 1, draft.rect.center())
    assert abs(centre.x() - middle.x()) <= 3 and abs(centre.y() - middle.y()) <= 3
    first = QRectF(draft.rect)
    step = min(612, 792) / 50
    for key, modifier in [
        (Qt.Key.Key_Right, NONE),
        (Qt.Key.Key_Right, NONE),
        (Qt.Key.Key_Down, NONE),
        (Qt.Key.Key_Right, SHIFT),
        (Qt.Key.Key_Down, SHIFT),
        (Qt.Key.Key_Down, SHIFT),
    ]:
        QTest.keyClick(canvas, key, modifier)
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        QTest.keyClick(canvas, Qt.Key.Key_Return)
    anchor = drawn.args[0]
    want = (
        first.x() + 2 * step,
        first.y() + step,
        first.width() + step,
        first.height() + 2 * step,
    )
    assert anchor.page == 1 and anchor.rect is not None and close(anchor.rect, want, 0.05)
    checked(demo, view, anchor)
    assert pdf.pins.draft is None


def test_a_keyboard_rectangle_moved_off_the_view_is_followed(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 2.0)
    QTest.mouseClick(pdf.canvas.viewport(), LEFT, NONE, QPoint(300, 300))
    QTest.keyClick(pdf.canvas, Qt.Key.Key_A)
    bar = pdf.canvas.verticalScrollBar()
    before = bar.value()
    for _ in range(30):
        QTest.keyClick(pdf.canvas, Qt.Key.Key_Down)
    draft = pdf.pins.draft
    assert draft is not None and bar.value() > before
    shown = QRectF(pdf.canvas.viewport().rect()).adjusted(-1, -1, 1, 1)
    assert shown.contains(on_screen(pdf, draft.page, draft.rect.bottomRight()))


def test_a_keyboard_only_annotation_on_the_sideways_photo(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    open_photo(qtbot, panel, view)
    canvas = panel.image_view.canvas
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, QPoint(5, 5))  # into the picture
    QTest.keyClick(canvas, Qt.Key.Key_A)
    draft = panel.image_view.pins.draft
    assert draft is not None and (draft.width, draft.height) == (1200, 1600)
    first = QRectF(draft.rect)
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    QTest.keyClick(canvas, Qt.Key.Key_Up, SHIFT)
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        QTest.keyClick(canvas, Qt.Key.Key_Enter)
    step = 1200 / 50
    want = (first.x() - step, first.y(), first.width(), first.height() - step)
    anchor = drawn.args[0]
    assert anchor.rect is not None and close(anchor.rect, want, 0.05)
    checked(demo, view, anchor)


def test_escape_cancels_a_keyboard_rectangle(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, None)
    QTest.mouseClick(pdf.canvas.viewport(), LEFT, NONE, QPoint(300, 300))
    QTest.keyClick(pdf.canvas, Qt.Key.Key_A)
    assert pdf.pins.draft is not None
    emitted: list[Anchor] = []
    panel.annotation_drawn.connect(emitted.append)
    QTest.keyClick(pdf.canvas, Qt.Key.Key_Escape)
    assert pdf.pins.draft is None and emitted == []


def test_a_keyboard_rectangle_starts_at_the_text_selection(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 1.5)
    heading = pdf.document.getSelectionAtIndex(0, 0, 18).boundingRectangle()
    drag(
        pdf.canvas.viewport(),
        on_screen(pdf, 1, QPointF(heading.left() + 1, heading.center().y())).toPoint(),
        on_screen(pdf, 1, QPointF(heading.right() - 1, heading.center().y())).toPoint(),
        NONE,
    )
    assert pdf.pins.selection is not None
    panel.start_keyboard_annotation()
    draft = pdf.pins.draft
    assert draft is not None
    assert close(
        (draft.rect.x(), draft.rect.y(), draft.rect.width(), draft.rect.height()),
        (heading.x(), heading.y(), heading.width(), heading.height()),
        3.0,
    )


def test_nothing_is_drawn_when_the_annotations_are_not_editable(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    panel.set_annotations([], editable=False)
    pdf = open_pdf(qtbot, panel, view, 1.5)
    emitted: list[Anchor] = []
    panel.annotation_drawn.connect(emitted.append)
    drag(pdf.canvas.viewport(), QPoint(200, 200), QPoint(300, 260), SHIFT)
    QTest.keyClick(pdf.canvas, Qt.Key.Key_A)
    assert pdf.pins.draft is None and emitted == []
    assert not panel.annotate_area_action.isEnabled()
    assert not panel.annotate_page_action.isEnabled()


# Text and pages ------------------------------------------------------------------------------


def test_a_pdf_text_selection_is_annotated_as_a_quote(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, 1.25)
    words = pdf.document.getSelectionAtIndex(0, 0, 18).boundingRectangle()  # the heading
    assert not panel.annotate_selection_action.isEnabled()
    drag(
        pdf.canvas.viewport(),
        on_screen(pdf, 1, QPointF(words.left() + 1, words.center().y())).toPoint(),
        on_screen(pdf, 1, QPointF(words.right() - 1, words.center().y())).toPoint(),
        NONE,
    )
    assert panel.annotate_selection_action.isEnabled()
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        panel.annotate_selection_action.trigger()
    anchor = drawn.args[0]
    assert anchor.page == 1 and anchor.rect is None
    assert anchor.quote is not None and anchor.quote.startswith("Family contact log")
    stored = checked(demo, view, anchor)
    assert stored.quote == anchor.quote


def test_a_passage_of_the_reflection_is_annotated_as_a_quote(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    reflection = item(view, "Reflection")
    answer = reflection.text or ""
    assert panel.show_item(reflection.id)
    qtbot.wait(20)
    reader = panel.text_view.reader
    shown = reader.toPlainText()
    words = "the biggest change"
    at = shown.index(words)
    cursor = reader.textCursor()
    cursor.setPosition(at)
    start = reader.cursorRect(cursor).center()
    cursor.setPosition(at + len(words))
    end = reader.cursorRect(cursor).center()
    drag(reader.viewport(), start, end, NONE)
    assert reader.textCursor().selectedText() == words
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        panel.annotate_selection_action.trigger()
    anchor = drawn.args[0]
    assert anchor.item_id == reflection.id and anchor.quote == words
    assert anchor.quote_start is not None
    assert answer[anchor.quote_start : anchor.quote_start + len(words)] == words
    assert checked(demo, view, anchor).quote_start == anchor.quote_start


def test_annotate_this_page_is_the_page_in_view(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, demo: DataFolder
) -> None:
    panel.set_annotations([], editable=True)
    pdf = open_pdf(qtbot, panel, view, None)
    pdf.go_to_page(2)
    with qtbot.waitSignal(panel.annotation_drawn, timeout=2000) as drawn:
        panel.annotate_page_action.trigger()
    anchor = drawn.args[0]
    assert (anchor.page, anchor.rect, anchor.quote) == (2, None, None)
    checked(demo, view, anchor)


# Pins --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("zoom", [None, 1.75])
def test_pins_are_drawn_where_their_rectangles_are(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, zoom: float | None
) -> None:
    log = item(view, LOG).id
    pdf = open_pdf(qtbot, panel, view, zoom)
    viewport = pdf.canvas.viewport()
    panel.set_annotations([], editable=True)
    qtbot.wait(10)
    bare = grab(viewport)
    rect = QRectF(100, 150, 150, 90)
    panel.set_annotations(
        [note(1, 1, log, 1, (rect.x(), rect.y(), rect.width(), rect.height()))], editable=True
    )
    qtbot.wait(10)
    pinned = grab(viewport)
    top_left = on_screen(pdf, 1, rect.topLeft())
    bottom_right = on_screen(pdf, 1, rect.bottomRight())
    assert changed_near(bare, pinned, top_left) > 30  # the badge
    assert changed_near(bare, pinned, bottom_right, 3) > 3  # the outline's corner
    middle = (top_left + bottom_right) / 2
    assert changed_near(bare, pinned, middle, 4) == 0  # the words inside stay readable
    far = on_screen(pdf, 1, QPointF(500, 600))
    assert changed_near(bare, pinned, far) == 0

    # Clicking the pin's badge names it.
    with qtbot.waitSignal(panel.annotation_clicked, timeout=2000) as clicked:
        QTest.mouseClick(viewport, LEFT, NONE, top_left.toPoint())
    assert clicked.args == [1]


def test_pins_on_the_sideways_photo_follow_its_upright_pixels(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    photo = item(view, PHOTO).id
    open_photo(qtbot, panel, view)
    canvas = panel.image_view.canvas
    viewport = canvas.viewport()
    rect = QRectF(200, 900, 500, 300)  # upright pixels: low on the 1200 x 1600 picture
    panel.set_annotations([], editable=True)
    for turn in range(2):
        qtbot.wait(10)
        bare = grab(viewport)
        panel.set_annotations(
            [note(7, 3, photo, 1, (rect.x(), rect.y(), rect.width(), rect.height()))], True
        )
        qtbot.wait(10)
        pinned = grab(viewport)
        top_left = QPointF(canvas.mapFromScene(rect.topLeft()))
        bottom_right = QPointF(canvas.mapFromScene(rect.bottomRight()))
        assert changed_near(bare, pinned, top_left) > 30, turn
        assert changed_near(bare, pinned, bottom_right, 3) > 3, turn
        with qtbot.waitSignal(panel.annotation_clicked, timeout=2000) as clicked:
            QTest.mouseClick(viewport, LEFT, NONE, top_left.toPoint())
        assert clicked.args == [7]
        panel.set_annotations([], editable=True)
        panel.image_view.rotate_right()  # and again, turned by the reviewer


def test_the_current_pin_is_drawn_differently(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    log = item(view, LOG).id
    pdf = open_pdf(qtbot, panel, view, 1.5)
    panel.set_annotations([note(1, 1, log, 1, (100, 200, 150, 90))], editable=True)
    qtbot.wait(10)
    plain = grab(pdf.canvas.viewport())
    panel.focus_annotation(1)
    qtbot.wait(10)
    current = grab(pdf.canvas.viewport())
    assert panel.current_annotation() == 1
    centre = on_screen(pdf, 1, QPointF(100, 200))
    assert changed_near(plain, current, centre, 4) > 10  # the badge is filled


def test_focus_annotation_scrolls_page_twos_pin_into_view(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    log = item(view, LOG).id
    panel.set_annotations(
        [note(1, 1, log, 1, (80, 100, 100, 40)), note(2, 2, log, 2, (300, 650, 200, 60))],
        editable=False,
    )
    panel.show_item(item(view, PHOTO).id)  # another item in view first
    qtbot.wait(20)
    panel.focus_annotation(2)
    pdf = panel.pdf_view
    qtbot.wait(20)
    shown_item = panel.current_item()
    assert shown_item is not None and shown_item.id == log
    assert pdf.current_page() == 2
    shown = QRectF(pdf.canvas.viewport().rect())
    assert shown.contains(on_screen(pdf, 2, QPointF(300, 650)))
    assert shown.contains(on_screen(pdf, 2, QPointF(500, 710)))
    assert panel.current_annotation() == 2


def test_a_quote_pin_sits_on_its_words(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    log = item(view, LOG).id
    pdf = open_pdf(qtbot, panel, view, 1.25)
    viewport = pdf.canvas.viewport()
    panel.set_annotations([], editable=True)
    qtbot.wait(10)
    bare = grab(viewport)
    panel.set_annotations(
        [
            note(1, 1, log, 1, quote="Lincoln Elementary School"),
            note(2, 2, log, 1, quote="words that are not on the page"),
        ],
        editable=True,
    )
    qtbot.wait(10)
    pinned = grab(viewport)
    text = pdf.document.getAllText(0).text()
    at = text.index("Lincoln Elementary School")
    words = pdf.document.getSelectionAtIndex(0, at, 25).boundingRectangle()
    assert changed_near(bare, pinned, on_screen(pdf, 1, words.center()), 6) > 10
    corner = on_screen(pdf, 1, QPointF(0, 0))  # the unfound quote's badge: the corner
    assert changed_near(bare, pinned, corner + QPointF(17, 17)) > 30


def test_the_reflections_quote_is_marked(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    reflection = item(view, "Reflection")
    answer = reflection.text or ""
    start = answer.index("the biggest change")
    panel.set_annotations(
        [note(4, 2, reflection.id, 1, quote="the biggest change", quote_start=start)], True
    )
    assert panel.show_item(reflection.id)
    qtbot.wait(20)
    reader = panel.text_view.reader
    marks = reader.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText() == "the biggest change"
    pins = reader.pins
    badge = pins.badge_rect(pins.pins[0], 0).center().toPoint()
    with qtbot.waitSignal(panel.annotation_clicked, timeout=2000) as clicked:
        QTest.mouseClick(reader.viewport(), LEFT, NONE, badge)
    assert clicked.args == [4]


def test_screenshot_of_a_pdf_page_with_pins(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    log = item(view, LOG).id
    open_pdf(qtbot, panel, view, None)
    panel.set_annotations(
        [
            note(1, 1, log, 1, (68, 56, 400, 24)),
            note(2, 2, log, 1, quote="Lincoln Elementary School"),
            note(3, 3, log, 1, (68, 163, 480, 38)),
        ],
        editable=True,
    )
    panel.focus_annotation(3)
    panel.pdf_view.go_to_page(1)
    qtbot.wait(20)
    save_shot(panel, "evidence-pins")
