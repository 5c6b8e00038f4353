"""The evidence viewer, driven like a reviewer drives it, over real imported files.

One data folder per module: a crafted bundle with one item of each kind that needs a
test (a 40-page text PDF, a damaged and a password-protected PDF, a JPEG stored sideways
with EXIF orientation 6, a 3-page TIFF, Markdown, UTF-8 text, an MP4, a GIF in no part)
and the demo set, imported and derived as the app does it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import reviewer_app.ui.evidence as evidence_package
from reviewer_app.demo import FAMILIES_AS_PARTNERS, generate_demo_bundles, media
from reviewer_app.demo.earners import earner_named
from reviewer_app.demo.manifest import file_item, manifest_fields, text_item
from reviewer_app.demo.writing import write_manifest_bundle
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.queue import ItemView, SubmissionView, submission_view
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.ui.evidence import EvidencePanel, ImageView, PdfView
from reviewer_app.ui.evidence.grouping import group_items
from tests.ui.shots import save_shot

PASSWORD = "portfolio"
SEARCH_WORD = "greenhouse"
SEARCH_PAGES = (3, 7)
PLAN_PAGES = 40
MP4_HEAD = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"

QUESTION_FAMILIES = "Describe the families you worked with this term."
QUESTION_GOAL = "What was the goal of your plan?"
MARKDOWN_REFLECTION = """# What I learned

Families *answered* more often once messages went out in their **home languages**.

## Next steps

- Keep the Friday phone calls.
- Ask families which day suits them.
"""
PLAIN_NOTES = "Notas de la familia Núñez: la niña leyó en voz alta. «¡Gracias!»\n"


def _plan_paragraphs() -> list[str]:
    paragraphs = []
    for page in range(1, PLAN_PAGES + 1):
        topic = f"the school {SEARCH_WORD} visit" if page in SEARCH_PAGES else "phone calls"
        paragraphs.append(f"Week {page} of the plan: notes about {topic} with families.")
    return paragraphs


def _crafted_bundle(root: Path) -> Path:
    scratch = root / "scratch"
    scratch.mkdir()
    files: dict[str, bytes | Path] = {
        "plan.pdf": media.render_text_pdf(
            title="Home visit plan", paragraphs=_plan_paragraphs(), pages=PLAN_PAGES
        ),
        "photo.jpg": media.write_photo_jpeg(
            scratch / "photo.jpg",
            width=640,
            height=480,
            rng=random.Random(3),
            exif_orientation=6,
            caption="Invitation to family night",
        ),
        "letters.tiff": media.write_scan_tiff(
            scratch / "letters.tiff",
            pages=[["Dear partner class,"], ["Our town has a river."], ["Write back soon!"]],
            rng=random.Random(4),
        ),
        "notes.txt": PLAIN_NOTES.encode("utf-8"),
        "log.pdf": media.write_damaged_pdf(scratch / "log.pdf"),
        "lesson.mp4": MP4_HEAD + bytes(range(256)) * 40,
        "chart.gif": media.write_gif(scratch / "chart.gif", rng=random.Random(5), title="Survey"),
        "reflection.md": MARKDOWN_REFLECTION.encode("utf-8"),
        "locked.pdf": media.write_encrypted_pdf(
            scratch / "locked.pdf",
            title="District lesson plan",
            paragraphs=["A plan behind a password."],
            user_password=PASSWORD,
        ),
    }
    evidence = [
        text_item(
            "We have twelve families; five speak Spanish at home.", "overview", QUESTION_FAMILIES
        ),
        file_item("plan.pdf", "Home visit plan", media_type="application/pdf"),
        text_item("Two-way contact with every family.\n\nEach week.", "overview", QUESTION_GOAL),
        file_item("photo.jpg", "Invitation photo", media_type="image/jpeg"),
        file_item("letters.tiff", "Letters to our partner class", media_type="image/tiff"),
        file_item("notes.txt", "Family notes", media_type="text/plain", part="family-voice"),
        file_item("log.pdf", "Contact log", media_type="application/pdf"),
        file_item("lesson.mp4", "Lesson video", media_type="video/mp4"),
        file_item("chart.gif", "Survey chart", media_type="image/gif", part=None),
        file_item("reflection.md", "Reflection", media_type="text/markdown", part="reflection"),
        file_item("locked.pdf", "District lesson plan", media_type="application/pdf"),
    ]
    fields = manifest_fields(
        submission_id="EV-0001",
        submitted_at="2026-10-03T14:22:05-05:00",
        earner=earner_named("Hannah Goldberg"),
        credential=FAMILIES_AS_PARTNERS,
        evidence=evidence,
    )
    return write_manifest_bundle(root / "EV-0001.zip", fields, files, as_zip=True)


@pytest.fixture(scope="module")
def evidence_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataFolder]:
    root = tmp_path_factory.mktemp("evidence")
    bundles = [_crafted_bundle(root), *generate_demo_bundles(root / "demo")]
    with DataFolder.open(root / "data") as data:
        report = Importer(data).import_paths(bundles)
        assert not report.rejected
        derive_pending(data)
        yield data


def view_of(folder: DataFolder, submission_id: str) -> SubmissionView:
    with folder.sessions() as session:
        pk = session.scalar(select(Submission.id).where(Submission.submission_id == submission_id))
        assert pk is not None
        view = submission_view(session, pk, folder.store.objects)
    assert view is not None
    return view


def item_titled(view: SubmissionView, title: str) -> ItemView:
    return next(i for i in view.items if i.title == title)


@pytest.fixture
def crafted(evidence_folder: DataFolder) -> SubmissionView:
    return view_of(evidence_folder, "EV-0001")


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[EvidencePanel]:
    widget = EvidencePanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    QThreadPool.globalInstance().waitForDone()  # no image decode outlives its test


def show(panel: EvidencePanel, view: SubmissionView, title: str, page: int | None = None) -> None:
    assert panel.show_item(item_titled(view, title).id, page)


def show_list(panel: EvidencePanel) -> None:
    """The reviewer shows the list of items (hidden at first) with the header's button."""
    if not panel.tree.isVisible():
        QTest.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert panel.tree.isVisible()


def recorder(opened: list[QUrl]) -> Callable[[QUrl], bool]:
    """A stand-in for QDesktopServices.openUrl that notes the URL and succeeds."""

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    return open_url


def wait_image(qtbot: QtBot, panel: EvidencePanel) -> None:
    qtbot.waitUntil(lambda: not panel.image_view.is_loading(), timeout=10_000)


# The list -----------------------------------------------------------------------------------


def test_items_are_grouped_by_part_in_the_earners_order(
    panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    tree = panel.tree
    listed = {}
    for n in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(n)
        assert group is not None
        listed[group.text(0)] = [group.child(m).text(0) for m in range(group.childCount())]  # type: ignore[union-attr]
    assert list(listed) == [
        "Overview",
        "Work artifacts",
        "family-voice",
        "Reflection",
        "Other evidence",
    ]
    assert listed["Overview"] == [QUESTION_FAMILIES, QUESTION_GOAL]
    assert listed["Work artifacts"] == [
        "Home visit plan",
        "Invitation photo",
        "Letters to our partner class",
        "Contact log",
        "Lesson video",
        "District lesson plan",
    ]
    assert listed["Other evidence"] == ["Survey chart"]
    # The first item is open, and next/previous walk the list's order.
    assert panel.current_item() is not None
    assert panel.current_item().title == QUESTION_FAMILIES  # type: ignore[union-attr]
    order = [i.title for g in group_items(crafted.items) for i in g.items]
    assert [i.title for i in panel.items_in_order()] == order


def test_rubric_part_titles_rename_groups_and_keep_the_place(
    panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Family notes")
    panel.set_part_titles({"artifacts": "Work examples", "family-voice": "Family voice"})
    titles = [panel.tree.topLevelItem(n).text(0) for n in range(panel.tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert titles[1:3] == ["Work examples", "Family voice"]
    assert panel.current_item().title == "Family notes"  # type: ignore[union-attr]


def test_no_submission_says_so(panel: EvidencePanel) -> None:
    panel.set_submission(None)
    assert panel.stack.currentWidget() is panel.empty
    assert "No submission is open" in panel.empty.text()
    assert panel.tree.topLevelItemCount() == 0


# PDF ----------------------------------------------------------------------------------------


def test_pdf_shows_its_pages_and_moves_between_them(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    pdf = panel.pdf_view
    assert panel.stack.currentWidget() is pdf
    assert pdf.page_count() == PLAN_PAGES
    assert pdf.page_count_label.text() == f"of {PLAN_PAGES}"
    assert pdf.current_page() == 1
    pdf.next_page()
    assert pdf.current_page() == 2
    pdf.canvas.setFocus()
    QTest.keyClick(pdf.canvas, Qt.Key.Key_PageDown)
    assert pdf.current_page() == 3
    QTest.keyClick(pdf.canvas, Qt.Key.Key_PageUp)
    assert pdf.current_page() == 2
    pdf.page_box.setValue(12)  # typing a number and Enter
    assert pdf.current_page() == 12
    assert pdf.page_box.value() == 12
    pdf.go_to_page(PLAN_PAGES + 5)  # clamped
    assert pdf.current_page() == PLAN_PAGES
    assert not pdf.next_page_action.isEnabled()


def test_pdf_zooms_and_fits(panel: EvidencePanel, crafted: SubmissionView) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    pdf = panel.pdf_view
    fitted = pdf.zoom_factor()
    pdf.zoom_in()
    assert pdf.zoom_factor() > fitted
    assert pdf.zoom_label.text().endswith("%")
    pdf.zoom_out()
    pdf.zoom_out()
    assert pdf.zoom_factor() < fitted
    assert not pdf.fit_width_action.isChecked()
    pdf.fit_page()
    assert pdf.fit_page_action.isChecked()
    assert not pdf.fit_width_action.isChecked()
    pdf.fit_width_action.trigger()
    assert pdf.fit_width_action.isChecked()
    assert pdf.zoom_factor() == pytest.approx(fitted, rel=0.01)
    assert pdf.zoom_label.text() == f"{round(fitted * 100)}%"


def test_pdf_search_finds_and_highlights_hits(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    pdf = panel.pdf_view
    pdf.search_for(SEARCH_WORD)
    qtbot.waitUntil(lambda: pdf.current_hit() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: pdf.hit_count() == len(SEARCH_PAGES), timeout=10_000)
    # The view highlights the model's results and marks the current one.
    assert pdf.canvas.searchModel() is pdf.search.model
    assert pdf.canvas.currentSearchResultIndex() == 0
    assert [pdf.hit_page(n) for n in range(pdf.hit_count())] == list(SEARCH_PAGES)
    assert pdf.current_page() == SEARCH_PAGES[0]
    assert pdf.search.hits_label.text() == f"1 of {len(SEARCH_PAGES)}"
    pdf.next_hit()
    assert pdf.current_page() == SEARCH_PAGES[1]
    assert pdf.search.hits_label.text() == f"2 of {len(SEARCH_PAGES)}"
    pdf.next_hit()  # wraps round
    assert pdf.current_page() == SEARCH_PAGES[0]
    pdf.search_for("xylophone")
    qtbot.waitUntil(lambda: pdf.search.hits_label.text() == "No matches", timeout=10_000)


def test_pdf_search_from_the_keyboard(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    pdf = panel.pdf_view
    panel.activateWindow()
    pdf.canvas.setFocus()
    qtbot.waitUntil(pdf.canvas.hasFocus)
    QTest.keyClick(pdf.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pdf.search.field.hasFocus()
    QTest.keyClicks(pdf.search.field, SEARCH_WORD)
    QTest.keyClick(pdf.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pdf.current_hit() == 0, timeout=10_000)
    assert pdf.current_page() == SEARCH_PAGES[0]


def test_pdf_opens_at_a_page(qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan", page=3)
    pdf = panel.pdf_view
    assert pdf.current_page() == 3
    qtbot.wait(100)  # layout settles; the page asked for stays in view
    assert pdf.current_page() == 3
    assert pdf.page_box.value() == 3
    assert pdf.canvas.accessibleDescription() == f"Page 3 of {PLAN_PAGES}"
    # Asking again for another page of the open PDF only moves.
    show(panel, crafted, "Home visit plan", page=9)
    assert pdf.current_page() == 9


def test_pdf_view_on_its_own_shows_a_page(qtbot: QtBot, crafted: SubmissionView) -> None:
    view = PdfView()
    qtbot.addWidget(view)
    view.resize(800, 700)
    view.show(item_titled(crafted, "Home visit plan").file, page=3)
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert view.current_page() == 3
    assert view.problem() is None


def test_pdf_thumbnails_render_only_what_is_seen(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    model = panel.pdf_view.thumbnail_model
    assert model.rowCount() == PLAN_PAGES
    assert not panel.pdf_view.thumbnails.isVisible()  # until asked for
    panel.pdf_view.thumbnails_action.trigger()
    assert panel.pdf_view.thumbnails.isVisible()
    qtbot.waitUntil(lambda: model.rendered >= 3, timeout=10_000)
    qtbot.wait(200)
    assert model.rendered < PLAN_PAGES / 2
    panel.pdf_view.thumbnails_action.trigger()
    assert not panel.pdf_view.thumbnails.isVisible()


def test_damaged_pdf_says_what_is_wrong_and_what_to_do(
    qtbot: QtBot,
    panel: EvidencePanel,
    crafted: SubmissionView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Contact log")
    pdf = panel.pdf_view
    assert pdf.problem() == "This PDF is damaged and cannot be shown"
    assert pdf.message.isVisible()
    assert "system's viewer" in pdf.message.body.text()
    assert pdf.message.system_button.isVisible()
    assert not pdf.message.password_field.isVisible()
    # The import's warning is in the banner, as words beside an icon.
    assert panel.banner.isVisible()
    assert panel.banner.text().startswith("This file is damaged")
    assert not panel.banner.icon.pixmap().isNull()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", recorder(opened))
    QTest.mouseClick(pdf.message.system_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.name == "Contact log.pdf"
    assert path.read_bytes() == item_titled(crafted, "Contact log").file.read_bytes()  # type: ignore[union-attr]


def test_password_protected_pdf_asks_for_the_password(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "District lesson plan")
    pdf = panel.pdf_view
    assert pdf.problem() == "This PDF is protected by a password"
    assert pdf.message.password_field.isVisible()
    QTest.keyClicks(pdf.message.password_field, "wrong")
    QTest.keyClick(pdf.message.password_field, Qt.Key.Key_Return)
    assert "did not open it" in pdf.message.body.text()
    pdf.message.password_field.setText(PASSWORD)
    QTest.mouseClick(pdf.message.unlock_button, Qt.MouseButton.LeftButton)
    assert pdf.problem() is None
    assert pdf.page_count() == 1
    assert pdf.stack.currentWidget() is pdf.reader


# Images -------------------------------------------------------------------------------------


def test_photo_with_exif_orientation_6_is_shown_upright(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
        show(panel, crafted, "Invitation photo")
    image = panel.image_view
    assert image.problem() is None
    shown = image.pixmap()
    assert shown.height() > shown.width()  # stored 640 x 480, upright 480 x 640
    assert (image.image_size().width(), image.image_size().height()) == (480, 640)
    assert image.is_fitted()
    image.canvas.setFocus()
    QTest.keyClick(image.canvas, Qt.Key.Key_R)
    assert image.rotation() == 90
    QTest.keyClick(image.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(image.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert image.rotation() == 270
    fitted = image.zoom_factor()
    image.zoom_in()
    assert image.zoom_factor() > fitted
    assert not image.is_fitted()
    zoomed = image.zoom_factor()
    QTest.keyClick(image.canvas, Qt.Key.Key_Minus)
    assert image.zoom_factor() < zoomed
    QTest.keyClick(image.canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert image.is_fitted()
    assert image.zoom_factor() == pytest.approx(fitted, rel=0.01)


def test_multi_page_tiff_moves_between_pages(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
        show(panel, crafted, "Letters to our partner class")
    image = panel.image_view
    assert image.frame_count() == 3
    assert image.frame_label.isVisible()
    assert image.frame_label.text() == "Page 1 of 3"
    with qtbot.waitSignal(image.loaded, timeout=10_000):
        image.go_to_frame(2)
    assert image.current_frame() == 2
    assert image.frame_label.text() == "Page 2 of 3"
    assert not image.pixmap().isNull()
    with qtbot.waitSignal(image.loaded, timeout=10_000):
        image.canvas.setFocus()
        QTest.keyClick(image.canvas, Qt.Key.Key_PageDown)
    assert image.frame_label.text() == "Page 3 of 3"
    assert not image.next_frame_action.isEnabled()


def test_single_frame_gif_has_no_page_controls(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
        show(panel, crafted, "Survey chart")
    assert panel.image_view.frame_count() == 1
    assert not panel.image_view.frame_label.isVisible()


def test_a_large_photo_is_decoded_at_the_size_shown_until_zoomed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PIL import Image

    path = tmp_path / "camera.jpg"
    Image.new("RGB", (6000, 4000), (90, 120, 150)).save(path, "JPEG", quality=80)
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.open_file(path)
    assert (view.image_size().width(), view.image_size().height()) == (6000, 4000)
    assert view.pixmap().width() <= 2048  # not 24 megapixels for a 900-pixel pane
    fitted = view.zoom_factor()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.actual_size()  # now every pixel counts: decoded again, whole
    assert view.pixmap().width() == 6000
    assert view.zoom_factor() == pytest.approx(1.0)
    assert fitted < 0.2
    QThreadPool.globalInstance().waitForDone()


# Text ---------------------------------------------------------------------------------------


def test_markdown_reflection_is_rendered(panel: EvidencePanel, crafted: SubmissionView) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Reflection")
    text = panel.text_view.text()
    assert "What I learned" in text
    assert "Next steps" in text
    assert "#" not in text
    assert "**" not in text
    document = panel.text_view.reader.document()
    assert document.findBlockByLineNumber(0).blockFormat().headingLevel() == 1


def test_plain_text_keeps_its_characters(panel: EvidencePanel, crafted: SubmissionView) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Family notes")
    assert panel.text_view.text().strip() == PLAIN_NOTES.strip()


def test_written_answer_is_shown_under_its_question(
    panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, QUESTION_GOAL)
    lines = [line for line in panel.text_view.text().splitlines() if line.strip()]
    assert lines == [QUESTION_GOAL, "Two-way contact with every family.", "Each week."]
    heading = panel.text_view.reader.document().firstBlock()
    assert heading.text() == QUESTION_GOAL
    assert heading.blockFormat().headingLevel() == 2
    assert panel.details.text() == "Written answer"


# Other types --------------------------------------------------------------------------------


def test_other_type_shows_details_and_opens_with_the_system_viewer(
    qtbot: QtBot,
    panel: EvidencePanel,
    crafted: SubmissionView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Lesson video")
    other = panel.other_view
    assert panel.stack.currentWidget() is other
    item = item_titled(crafted, "Lesson video")
    assert other.title.text() == "Lesson video"
    assert other.file_name_label.text() == "lesson.mp4"
    assert other.kind_label.text() == "MP4 video (video/mp4)"
    assert other.size_label.text() == "10.3 kB"
    assert item.size == len(MP4_HEAD) + 256 * 40

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", recorder(opened))
    QTest.mouseClick(other.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.name == "Lesson video.mp4"
    assert path.read_bytes() == item.file.read_bytes()  # type: ignore[union-attr]
    assert other.status.text() == ""

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    assert not other.open_with_system()
    assert "No application" in other.status.text()


# Keyboard and access ------------------------------------------------------------------------


def test_alt_down_and_alt_up_move_between_items(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    order = [i.id for i in panel.items_in_order()]
    panel.activateWindow()
    show_list(panel)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    with qtbot.waitSignal(panel.item_shown) as shown:
        QTest.keyClick(panel.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert shown.args == [order[1]]
    assert panel.current_item().id == order[1]  # type: ignore[union-attr]
    assert panel.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == order[1]  # type: ignore[union-attr]
    QTest.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert panel.current_item().id == order[0]  # type: ignore[union-attr]
    assert not panel.previous_item_action.isEnabled()
    for _ in order:
        panel.next_item()
    assert panel.current_item().id == order[-1]  # type: ignore[union-attr]
    assert not panel.next_item_action.isEnabled()


def test_enter_in_the_list_goes_into_the_viewer(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    panel.activateWindow()
    show_list(panel)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.pdf_view.canvas.hasFocus()
    QTest.keyClick(panel.pdf_view.canvas, Qt.Key.Key_PageDown)
    assert panel.pdf_view.current_page() == 2
    # Moving to the next item keeps the focus in the viewer, now the image's.
    QTest.keyClick(panel.pdf_view.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.current_item().title == "Invitation photo"  # type: ignore[union-attr]
    assert panel.image_view.canvas.hasFocus()
    wait_image(qtbot, panel)


def test_the_same_submission_again_keeps_the_item(
    panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Family notes")
    panel.set_submission(crafted)  # refreshed, as after new warnings
    assert panel.current_item().title == "Family notes"  # type: ignore[union-attr]
    assert not panel.show_item(-1)


def test_actions_for_the_help_sheet(panel: EvidencePanel) -> None:
    shortcuts = {
        a.text(): a.shortcut().toString() for a in panel.actions() if not a.shortcut().isEmpty()
    }
    assert shortcuts["Next evidence item"] == "Alt+Down"
    assert shortcuts["Previous evidence item"] == "Alt+Up"
    assert shortcuts["Next page"] == "PgDown"
    assert shortcuts["Previous page"] == "PgUp"
    assert shortcuts["Zoom in"] == "Ctrl++"
    assert shortcuts["Zoom out"] == "Ctrl+-"
    assert shortcuts["Fit page"] == "Ctrl+0"
    assert shortcuts["Fit to window"] == "Ctrl+0"
    assert shortcuts["Find in PDF"] == "Ctrl+F"
    assert shortcuts["Rotate right"] == "R"
    assert shortcuts["Rotate left"] == "Shift+R"


INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName() or w.toolTip() or ''}".strip()
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not w.accessibleName().strip()
    ]


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    for item in panel.items_in_order():
        panel.show_item(item.id)
        wait_image(qtbot, panel)
        assert not unnamed_controls(panel), (item.title, unnamed_controls(panel))
    assert all(w.toolTip() for w in panel.findChildren(QAbstractButton))


def test_tab_reaches_every_control_of_the_pdf_view(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    pdf = panel.pdf_view
    pdf.search_for(SEARCH_WORD)
    qtbot.waitUntil(lambda: pdf.hit_count() > 0, timeout=10_000)
    wanted = {
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and w.isVisible() and w.isEnabled()
    }
    panel.activateWindow()
    show_list(panel)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    reached: set[QWidget] = set()
    for _ in range(len(wanted) * 3):
        focus = QApplication.focusWidget()
        if focus is not None:
            reached.add(focus)
        QTest.keyClick(focus or panel, Qt.Key.Key_Tab)
    # A spin box takes the focus itself, for the line edit inside it.
    missing = {w for w in wanted - reached if w.parentWidget() not in reached}
    assert not {f"{type(w).__name__}: {w.accessibleName()}" for w in missing}


def test_every_demo_item_shows_without_a_warning(qtbot: QtBot, evidence_folder: DataFolder) -> None:
    """Every item of every demo submission opens in its viewer; Qt warnings fail it."""
    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    with evidence_folder.sessions() as session:
        pks = list(session.scalars(select(Submission.id).order_by(Submission.id)))
    shown = 0
    for pk in pks:
        with evidence_folder.sessions() as session:
            view = submission_view(session, pk, evidence_folder.store.objects)
        panel.set_submission(view)
        for item in panel.items_in_order():
            assert panel.show_item(item.id)
            wait_image(qtbot, panel)
            current = panel.stack.currentWidget()
            problem = getattr(current, "problem", lambda: None)()
            if "encrypted" in " ".join(item.warnings) or item.title == "Contact log":
                assert problem is not None
            else:
                assert problem is None, (view.submission_id if view else None, item.title)
            shown += 1
    assert shown > 60
    QThreadPool.globalInstance().waitForDone()


def test_dark_palette_is_followed(
    qtbot: QtBot, panel: EvidencePanel, crafted: SubmissionView, tmp_path: Path
) -> None:
    dark = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: QColor(40, 40, 44),
        QPalette.ColorRole.WindowText: QColor(230, 230, 230),
        QPalette.ColorRole.Base: QColor(25, 25, 28),
        QPalette.ColorRole.Text: QColor(235, 235, 235),
        QPalette.ColorRole.ToolTipBase: QColor(70, 60, 20),
        QPalette.ColorRole.ToolTipText: QColor(250, 240, 200),
        QPalette.ColorRole.Button: QColor(50, 50, 55),
        QPalette.ColorRole.ButtonText: QColor(230, 230, 230),
    }.items():
        dark.setColor(role, colour)
    panel.setPalette(dark)
    panel.set_submission(crafted)
    show(panel, crafted, "Reflection")
    image = panel.grab().toImage()
    reader = panel.text_view.reader
    corner = reader.mapTo(panel, reader.rect().bottomLeft()) + QPoint(4, -4)
    assert image.pixelColor(corner) == dark.color(QPalette.ColorRole.Base)
    show(panel, crafted, "Contact log")  # the warning banner
    image = panel.grab().toImage()
    banner = panel.banner.mapTo(panel, panel.banner.rect().topRight()) + QPoint(-4, 4)
    assert image.pixelColor(banner) == dark.color(QPalette.ColorRole.ToolTipBase)
    image.save(str(tmp_path / "dark.png"))


def test_no_colour_is_hard_coded() -> None:
    """Colours come from the palette; the one exception is the PDF page's paper."""
    source = Path(evidence_package.__file__).parent
    pattern = re.compile(r"QColor\(\s*\d|#[0-9a-fA-F]{6}\b|Qt\.GlobalColor\.|rgb\(")
    found = [
        f"{path.name}:{n}"
        for path in sorted(source.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "PAPER = Qt.GlobalColor.white" not in line
    ]
    assert found == []


# Screenshots --------------------------------------------------------------------------------


# The pane as wide as the window gives it at 1600x1000, evidence first.
SHOT_SIZE = (820, 900)


def page_painted(pdf: PdfView) -> bool:
    """True once QtPdf has drawn the first page's words (it renders on its own thread)."""
    image = pdf.canvas.viewport().grab().toImage()
    paper = QColor("white")
    return any(
        image.pixelColor(x, y).lightness() < 128 and image.pixelColor(x, y) != paper
        for y in range(40, min(image.height(), 300), 3)
        for x in range(40, image.width() - 40, 3)
    )


def test_screenshot_pdf(qtbot: QtBot, panel: EvidencePanel, evidence_folder: DataFolder) -> None:
    panel.resize(*SHOT_SIZE)
    view = view_of(evidence_folder, "FAP-2026-0142")
    panel.set_submission(view)
    show(panel, view, "Two-way communication plan")
    qtbot.waitUntil(lambda: page_painted(panel.pdf_view), timeout=10_000)
    qtbot.wait(100)
    save_shot(panel, "evidence-pdf")


def test_screenshot_image(qtbot: QtBot, panel: EvidencePanel, evidence_folder: DataFolder) -> None:
    panel.resize(*SHOT_SIZE)
    view = view_of(evidence_folder, "FAP-2026-0142")
    panel.set_submission(view)
    with qtbot.waitSignal(panel.image_view.loaded, timeout=10_000):
        show(panel, view, "Student-made invitation to family literacy night")
    qtbot.wait(100)
    save_shot(panel, "evidence-image")


def test_screenshot_reflection(
    qtbot: QtBot, panel: EvidencePanel, evidence_folder: DataFolder
) -> None:
    panel.resize(*SHOT_SIZE)
    view = view_of(evidence_folder, "FAP-2026-0187")
    panel.set_submission(view)
    show(panel, view, "Reflection")
    assert "#" not in panel.text_view.text()
    qtbot.wait(100)
    save_shot(panel, "evidence-reflection")


def test_the_panels_models_pass_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    panel: EvidencePanel,
    crafted: SubmissionView,
) -> None:
    panel.set_submission(crafted)
    show(panel, crafted, "Home visit plan")
    qtmodeltester.check(panel.pdf_view.thumbnail_model, force_py=True)
    qtmodeltester.check(panel.tree.model(), force_py=True)
