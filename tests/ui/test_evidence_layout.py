"""The evidence pane in the evidence-first layout: the viewer gets the width, PDFs and
scans open fitted, zoom keeps the reader's place, toolbars stay one row, a locked PDF
unlocks cleanly, and the rubric can bring a part's evidence into view.

Real files made here (US Letter and A4 PDFs with reportlab, one locked by pypdf, a
TIFF scan), imported into a real data folder as the app imports them.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QColor, QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from reviewer_app.demo import FAMILIES_AS_PARTNERS, media
from reviewer_app.demo.earners import earner_named
from reviewer_app.demo.manifest import file_item, manifest_fields, text_item
from reviewer_app.demo.writing import write_manifest_bundle
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.queue import ItemView, SubmissionView, submission_view
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.ui.evidence import EvidencePanel, PdfView
from reviewer_app.ui.evidence.overflow_bar import OverflowBar

PASSWORD = "open sesame"
PDF = "application/pdf"


def _paper_pdf(size: tuple[float, float], title: str, pages: int = 3) -> bytes:
    """A PDF of `pages` pages of `size` points, words all over each page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    height = size[1]
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", 11)
        y = height - 72
        while y > 72:
            canvas.drawString(72, y, f"{title}, page {page}: the families answered at {y:.0f}.")
            y -= 16
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _locked_pdf(password: str) -> bytes:
    """A US Letter PDF that opens only with `password` (AES-128, made with pypdf)."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_paper_pdf(LETTER, "Locked plan", pages=2))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataFolder]:
    root = tmp_path_factory.mktemp("layout")
    scratch = root / "scratch"
    scratch.mkdir()
    files: dict[str, bytes | Path] = {
        "letter.pdf": _paper_pdf(LETTER, "Letter plan"),
        "a4.pdf": _paper_pdf(A4, "A4 plan"),
        "locked.pdf": _locked_pdf(PASSWORD),
        "scan.tiff": media.write_scan_tiff(
            scratch / "scan.tiff",
            pages=[["Dear partner class,"], ["Write back soon!"]],
            rng=random.Random(7),
        ),
        "photo.jpg": media.write_photo_jpeg(
            scratch / "photo.jpg",
            width=1600,
            height=1200,
            rng=random.Random(8),
            caption="Family night",
        ),
        "reflection.md": b"# What I learned\n\nFamilies answered more often.\n",
    }
    evidence = [
        text_item("Twelve families.", "overview", "Who are the families?"),
        file_item("letter.pdf", "Letter plan", media_type=PDF),
        file_item("a4.pdf", "A4 plan", media_type=PDF),
        file_item("locked.pdf", "Locked plan", media_type=PDF),
        file_item("scan.tiff", "Scanned letters", media_type="image/tiff"),
        file_item("photo.jpg", "Family night photo", media_type="image/jpeg"),
        file_item("reflection.md", "Reflection", media_type="text/markdown", part="reflection"),
    ]
    fields = manifest_fields(
        submission_id="LAY-0001",
        submitted_at="2026-10-03T14:22:05-05:00",
        earner=earner_named("Hannah Goldberg"),
        credential=FAMILIES_AS_PARTNERS,
        evidence=evidence,
    )
    bundle = write_manifest_bundle(root / "LAY-0001.zip", fields, files, as_zip=True)
    with DataFolder.open(root / "data") as data:
        report = Importer(data).import_paths([bundle])
        assert not report.rejected
        derive_pending(data)
        yield data


@pytest.fixture
def view(folder: DataFolder) -> SubmissionView:
    with folder.sessions() as session:
        pk = session.scalar(select(Submission.id).where(Submission.submission_id == "LAY-0001"))
        assert pk is not None
        shown = submission_view(session, pk, folder.store.objects)
    assert shown is not None
    return shown


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


def _panel(qtbot: QtBot, settings: QSettings, width: int = 760, height: int = 900) -> EvidencePanel:
    panel = EvidencePanel(settings=settings)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, settings: QSettings) -> Iterator[EvidencePanel]:
    yield _panel(qtbot, settings)
    QThreadPool.globalInstance().waitForDone()  # no image decode outlives its test


def titled(view: SubmissionView, title: str) -> ItemView:
    return next(i for i in view.items if i.title == title)


def open_item(qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, title: str) -> None:
    panel.set_submission(view)
    item = titled(view, title)
    if item.media_type and item.media_type.startswith("image/"):
        with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
            assert panel.show_item(item.id)
    else:
        assert panel.show_item(item.id)
    qtbot.wait(20)  # the layout settles


# 1. The viewer is the widest thing in the pane --------------------------------------------


def test_the_viewer_gets_the_panes_width(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    assert panel.pdf_view.problem() is None
    assert panel.pdf_view.canvas.viewport().width() >= 700
    assert not panel.tree.isVisible()


def test_the_item_list_is_a_remembered_toggle(
    qtbot: QtBot, settings: QSettings, view: SubmissionView
) -> None:
    panel = _panel(qtbot, settings)
    open_item(qtbot, panel, view, "Letter plan")
    panel.activateWindow()
    panel.pdf_view.canvas.setFocus()
    qtbot.waitUntil(panel.pdf_view.canvas.hasFocus)
    QTest.keyClick(
        panel.pdf_view.canvas,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert panel.tree.isVisible()
    assert panel.list_action.isChecked()
    # The list shown narrows the viewer, and still leaves it the widest thing.
    assert panel.pdf_view.canvas.viewport().width() > panel.tree.width()
    # A click on the header's button hides it again; shown again, the next panel
    # built with these settings shows it too.
    QTest.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert not panel.tree.isVisible()
    QTest.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert panel.tree.isVisible()
    panel.close()
    again = _panel(qtbot, settings)
    assert again.tree.isVisible()


# A menu popping up on the offscreen platform: it cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_header_names_the_item_and_its_place(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "A4 plan")
    items = panel.items_in_order()
    here = [i.title for i in items].index("A4 plan") + 1
    assert panel.position_button.text() == f"{here} of {len(items)}"
    # A click opens its menu: every item under its part, the current one checked;
    # choosing one with the keys opens it, and the viewer has the keys then.
    seen: dict[str, list[str]] = {}

    def choose_reflection() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        actions = menu.actions()
        seen["checked"] = [a.text() for a in actions if a.isChecked()]
        seen["sections"] = [a.text() for a in actions if a.isSeparator()]
        target = next(a for a in actions if a.text() == "Reflection" and a.isCheckable())
        menu.setActiveAction(target)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    panel.activateWindow()
    QTimer.singleShot(50, choose_reflection)
    QTest.mouseClick(panel.position_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "checked" in seen)
    assert seen["checked"] == ["A4 plan"]
    assert seen["sections"] == ["Overview", "Work artifacts", "Reflection"]
    qtbot.waitUntil(lambda: panel.current_item().title == "Reflection")  # type: ignore[union-attr]
    assert panel.position_button.text() == f"{len(items)} of {len(items)}"
    qtbot.waitUntil(panel.text_view.reader.hasFocus)


# 2. PDFs and scans open fitted -------------------------------------------------------------


@pytest.mark.parametrize("title", ["Letter plan", "A4 plan"])
def test_a_page_opens_fitted_to_the_width_at_80_percent_or_more(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, title: str
) -> None:
    open_item(qtbot, panel, view, title)
    pdf = panel.pdf_view
    assert pdf.canvas.viewport().width() >= 700
    assert pdf.fit_width_action.isChecked()
    assert not pdf.thumbnails.isVisible()
    assert pdf.zoom_factor() >= 0.8
    assert pdf.zoom_label.text() == f"{round(pdf.zoom_factor() * 100)}%"
    # Narrower and wider again: fitted each time.
    fitted = pdf.zoom_factor()
    panel.resize(600, 900)
    qtbot.waitUntil(lambda: pdf.zoom_factor() < fitted * 0.9)
    assert pdf.zoom_label.text() == f"{round(pdf.zoom_factor() * 100)}%"
    panel.resize(760, 900)
    qtbot.waitUntil(lambda: pdf.zoom_factor() == pytest.approx(fitted, rel=0.01))


def test_a_resize_keeps_the_readers_place(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    pdf = panel.pdf_view
    pdf.go_to_page(2)
    bar = pdf.canvas.verticalScrollBar()
    bar.setValue(bar.value() + 250)  # the reader scrolled down page 2
    before = pdf.document_point(QPointF(0, 0))
    assert before is not None
    for width in (600, 900, 760):
        panel.resize(width, 900)
        qtbot.wait(20)
        after = pdf.document_point(QPointF(0, 0))
        assert after is not None and after[0] == before[0] == 1
        assert abs(after[1].y() - before[1].y()) <= 2  # points: a pixel or two
    assert pdf.current_page() == 2


def test_a_pdf_opens_fitted_even_after_the_last_was_zoomed(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    panel.pdf_view.set_zoom(2.0)
    assert panel.show_item(titled(view, "A4 plan").id)
    assert panel.pdf_view.fit_width_action.isChecked()
    assert panel.pdf_view.zoom_factor() >= 0.8


def test_thumbnails_are_a_remembered_toggle(
    qtbot: QtBot, settings: QSettings, view: SubmissionView
) -> None:
    panel = _panel(qtbot, settings)
    open_item(qtbot, panel, view, "Letter plan")
    pdf = panel.pdf_view
    assert not pdf.thumbnails.isVisible()
    assert pdf.thumbnail_model.rendered == 0  # none rendered while they are hidden
    pdf.thumbnails_action.trigger()
    assert pdf.thumbnails.isVisible()
    qtbot.waitUntil(lambda: pdf.thumbnail_model.rendered >= 1, timeout=10_000)
    panel.close()
    again = _panel(qtbot, settings)
    open_item(qtbot, again, view, "A4 plan")
    assert again.pdf_view.thumbnails.isVisible()
    assert again.pdf_view.thumbnails_action.isChecked()


@pytest.mark.parametrize("title", ["Scanned letters", "Family night photo"])
def test_an_image_opens_fitted_to_the_viewport(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, title: str
) -> None:
    open_item(qtbot, panel, view, title)
    image = panel.image_view
    assert image.is_fitted()
    viewport = image.canvas.viewport().size()
    size = image.image_size()
    shown_w = size.width() * image.zoom_factor()
    shown_h = size.height() * image.zoom_factor()
    assert shown_w <= viewport.width() + 1 and shown_h <= viewport.height() + 1
    # One side fills the viewport (within the view's small margin).
    assert max(shown_w / viewport.width(), shown_h / viewport.height()) > 0.95


# 3. Zoom keeps the reader's place ---------------------------------------------------------


def wheel(widget: QWidget, at: QPoint, steps: int) -> None:
    """A real Ctrl+wheel turn of `steps` notches at `at` in `widget`."""
    global_at = QPointF(widget.mapToGlobal(at))
    event = QWheelEvent(
        QPointF(at),
        global_at,
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def painted_paper(pdf: PdfView, y: int) -> tuple[int, int]:
    """The first and last columns of white paper QtPdf painted on viewport row `y`."""
    image = pdf.canvas.viewport().grab().toImage()
    white = QColor("white")
    columns = [x for x in range(image.width()) if image.pixelColor(x, y) == white]
    return columns[0], columns[-1]


def test_the_page_layout_worked_out_is_the_one_painted(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    """Zoom anchoring works the page layout out again: here it is checked against the
    pixels, fitted, zoomed out (pages centred) and zoomed in and scrolled."""
    open_item(qtbot, panel, view, "A4 plan")
    pdf = panel.pdf_view
    for zoom in (None, 0.5, 1.5):
        if zoom is not None:
            pdf.set_zoom(zoom)
        bar = pdf.canvas.horizontalScrollBar()
        bar.setValue(bar.maximum() // 3)
        qtbot.wait(20)
        rect = pdf.page_rects()[0].translated(-bar.value(), -pdf.canvas.verticalScrollBar().value())
        width = pdf.canvas.viewport().width()
        expected = (max(rect.left(), 0), min(rect.right(), width - 1))
        assert painted_paper(pdf, rect.top() + 5) == expected, zoom


def test_ctrl_wheel_on_a_pdf_keeps_the_point_under_the_pointer(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    pdf = panel.pdf_view
    pdf.go_to_page(2)
    viewport = pdf.canvas.viewport()
    at = QPoint(viewport.width() * 2 // 3, viewport.height() // 2)
    before = pdf.document_point(QPointF(at))
    assert before is not None
    for steps in (1, 1, 1, -1):
        wheel(viewport, at, steps)
        qtbot.wait(10)
        after = pdf.document_point(QPointF(at))
        assert after is not None and after[0] == before[0]
        scale = pdf.zoom_factor() * 96 / 72
        assert abs(after[1].x() - before[1].x()) * scale <= 2
        assert abs(after[1].y() - before[1].y()) * scale <= 2
    assert pdf.zoom_factor() > 1.0


def pinch(widget: QWidget, at: QPoint, value: float) -> None:
    """A real pinch on a touchpad: `value` is the change of scale (0.1: 10% larger)."""
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(at),
        QPointF(at),
        QPointF(widget.mapToGlobal(at)),
        value,
        QPointF(0, 0),
    )
    QApplication.sendEvent(widget, event)


def test_a_pinch_on_a_pdf_keeps_the_point_between_the_fingers(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "A4 plan")
    pdf = panel.pdf_view
    pdf.go_to_page(2)
    viewport = pdf.canvas.viewport()
    at = QPoint(viewport.width() // 3, viewport.height() // 3)
    before = pdf.document_point(QPointF(at))
    assert before is not None
    fitted = pdf.zoom_factor()
    for value in (0.1, 0.1, 0.15, -0.05):
        pinch(viewport, at, value)
        qtbot.wait(10)
        after = pdf.document_point(QPointF(at))
        assert after is not None and after[0] == before[0]
        scale = pdf.zoom_factor() * 96 / 72
        assert abs(after[1].x() - before[1].x()) * scale <= 2
        assert abs(after[1].y() - before[1].y()) * scale <= 2
    assert pdf.zoom_factor() == pytest.approx(fitted * 1.1 * 1.1 * 1.15 * 0.95, rel=0.01)


def test_a_pinch_on_an_image_keeps_the_point_between_the_fingers(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Family night photo")
    image = panel.image_view
    image.set_zoom(1.0)
    viewport = image.canvas.viewport()
    at = QPoint(viewport.width() // 2, viewport.height() // 4)
    before = image.canvas.mapToScene(at)
    for value in (0.1, 0.2, -0.1):
        pinch(viewport, at, value)
        after = image.canvas.mapToScene(at)
        assert abs(after.x() - before.x()) * image.zoom_factor() <= 2
        assert abs(after.y() - before.y()) * image.zoom_factor() <= 2
    assert image.zoom_factor() == pytest.approx(1.1 * 1.2 * 0.9, rel=0.01)


def test_keyboard_zoom_on_a_pdf_keeps_the_top_left_point(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    pdf = panel.pdf_view
    pdf.set_zoom(1.5)
    pdf.go_to_page(2)
    pdf.canvas.horizontalScrollBar().setValue(pdf.canvas.horizontalScrollBar().maximum() // 2)
    pdf.canvas.verticalScrollBar().setValue(pdf.canvas.verticalScrollBar().value() + 137)
    panel.activateWindow()
    pdf.canvas.setFocus()
    qtbot.waitUntil(pdf.canvas.hasFocus)
    before = pdf.document_point(QPointF(0, 0))
    assert before is not None
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        QTest.keyClick(pdf.canvas, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(10)
        after = pdf.document_point(QPointF(0, 0))
        assert after is not None and after[0] == before[0]
        scale = pdf.zoom_factor() * 96 / 72
        assert abs(after[1].x() - before[1].x()) * scale <= 2
        assert abs(after[1].y() - before[1].y()) * scale <= 2


def test_ctrl_wheel_on_an_image_keeps_the_point_under_the_pointer(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Family night photo")
    image = panel.image_view
    # Larger than the viewport both ways: where the picture is smaller, the view centres it.
    image.set_zoom(1.0)
    viewport = image.canvas.viewport()
    at = QPoint(viewport.width() // 3, viewport.height() // 3)
    before = image.canvas.mapToScene(at)
    for steps in (1, 1, -1):
        wheel(viewport, at, steps)
        qtbot.wait(10)
        after = image.canvas.mapToScene(at)
        assert abs(after.x() - before.x()) * image.zoom_factor() <= 2
        assert abs(after.y() - before.y()) * image.zoom_factor() <= 2
    assert not image.is_fitted()


def test_keyboard_zoom_on_an_image_keeps_the_top_left_point(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Family night photo")
    image = panel.image_view
    image.set_zoom(1.0)
    bars = image.canvas.horizontalScrollBar(), image.canvas.verticalScrollBar()
    for bar in bars:  # far enough from the ends for every zoom below to keep the point
        bar.setValue(bar.maximum() // 4)
    panel.activateWindow()
    image.canvas.setFocus()
    qtbot.waitUntil(image.canvas.hasFocus)
    before = image.canvas.mapToScene(QPoint(0, 0))
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Minus):
        QTest.keyClick(image.canvas, key, Qt.KeyboardModifier.ControlModifier)
        after = image.canvas.mapToScene(QPoint(0, 0))
        assert abs(after.x() - before.x()) * image.zoom_factor() <= 2
        assert abs(after.y() - before.y()) * image.zoom_factor() <= 2


def test_turning_a_zoomed_image_keeps_the_middle_of_the_view(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Family night photo")
    image = panel.image_view
    image.set_zoom(1.0)
    for bar in (image.canvas.horizontalScrollBar(), image.canvas.verticalScrollBar()):
        bar.setValue(bar.maximum() // 3)
    canvas = image.canvas
    middle = canvas.viewport().rect().center()
    before = canvas.mapToScene(middle)
    panel.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    QTest.keyClick(canvas, Qt.Key.Key_R)
    assert image.rotation() == 90
    after = canvas.mapToScene(middle)
    assert abs(after.x() - before.x()) <= 2 and abs(after.y() - before.y()) <= 2


# 4. Toolbars stay one row -----------------------------------------------------------------


def _rows_and_reach(panel: EvidencePanel) -> None:
    bars = [b for b in panel.findChildren(OverflowBar) if b.isVisible()]
    assert bars
    for bar in bars:
        row = max(w.sizeHint().height() for w in bar.findChildren(QWidget) if w.isVisible())
        layout = bar.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        assert bar.height() <= row + margins.top() + margins.bottom() + 2, bar.accessibleName()
        shown = {
            button.defaultAction()
            for button in bar.findChildren(QToolButton)
            if button.isVisible() and button.defaultAction() is not None
        }
        in_menu = set(bar.overflow_actions())
        for action in bar.all_actions():
            assert action in shown or action in in_menu, action.text()
        assert bar.more_button.isVisible() == bool(in_menu)


@pytest.mark.parametrize("width", [700, 400])
@pytest.mark.parametrize("title", ["Letter plan", "Scanned letters"])
def test_toolbars_are_one_row_and_every_action_is_reachable(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, width: int, title: str
) -> None:
    open_item(qtbot, panel, view, title)
    panel.resize(width, 900)
    qtbot.wait(20)
    assert panel.width() == width  # nothing in the pane forces it wider
    _rows_and_reach(panel)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_overflow_menu_runs_the_action(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Letter plan")
    panel.resize(400, 900)
    qtbot.wait(20)
    pdf = panel.pdf_view
    assert pdf.thumbnails_action in pdf.toolbar.overflow_actions()
    shown: list[str] = []

    def choose_thumbnails() -> None:  # in the menu, as a person does with the keys
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.setActiveAction(pdf.thumbnails_action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    panel.activateWindow()
    QTimer.singleShot(50, choose_thumbnails)
    QTest.mouseClick(pdf.toolbar.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pdf.thumbnails.isVisible)
    assert "Page thumbnails" in shown
    assert pdf.thumbnails_action.isChecked()


# 5. A password-protected PDF --------------------------------------------------------------


@pytest.mark.parametrize("width", [760, 400])
def test_the_password_field_fits_a_password(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView, width: int
) -> None:
    panel.resize(width, 900)
    open_item(qtbot, panel, view, "Locked plan")
    field = panel.pdf_view.message.password_field
    assert field.isVisible()
    assert field.width() >= field.fontMetrics().averageCharWidth() * 24


def test_unlocking_updates_the_banner(
    qtbot: QtBot, panel: EvidencePanel, view: SubmissionView
) -> None:
    open_item(qtbot, panel, view, "Locked plan")
    assert "cannot be read" in panel.banner.text()
    field = panel.pdf_view.message.password_field
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClicks(field, PASSWORD)
    QTest.keyClick(field, Qt.Key.Key_Return)
    pdf = panel.pdf_view
    assert pdf.problem() is None and pdf.page_count() == 2
    assert "cannot be read" not in panel.banner.text()
    assert "unlocked" in panel.banner.text().lower()
    # Coming back to it later locks it again, and says so again.
    assert panel.show_item(titled(view, "Letter plan").id)
    assert panel.show_item(titled(view, "Locked plan").id)
    assert pdf.problem() == "This PDF is protected by a password"
    assert "cannot be read" in panel.banner.text()


# 6. The rubric's part ----------------------------------------------------------------------


def test_show_part_brings_the_parts_first_item_without_the_focus(
    qtbot: QtBot, settings: QSettings, view: SubmissionView
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)  # where the reviewer is typing (the rubric's comment)
    panel = EvidencePanel(window, settings=settings)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(panel)
    window.resize(800, 900)
    window.show()
    qtbot.waitExposed(window)
    panel.set_submission(view)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.hasFocus)

    assert panel.show_part("reflection")
    assert panel.current_item().title == "Reflection"  # type: ignore[union-attr]
    assert panel.tree.currentItem().text(0) == "Reflection"  # type: ignore[union-attr]
    assert field.hasFocus()
    assert panel.show_part("artifacts")
    assert panel.current_item().title == "Letter plan"  # type: ignore[union-attr]
    assert field.hasFocus()
    # Already reading an item of that part: the reader's place stays.
    assert panel.show_item(titled(view, "A4 plan").id)
    assert panel.show_part("artifacts")
    assert panel.current_item().title == "A4 plan"  # type: ignore[union-attr]
    assert not panel.show_part("no-such-part")
    assert panel.current_item().title == "A4 plan"  # type: ignore[union-attr]
    assert field.hasFocus()
