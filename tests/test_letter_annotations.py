"""The earner's letter carries the reviewer's annotations as notes: numbered 1, 2, 3 in the
order the earner reads the evidence, each with its place, criterion and comment, and the
marked passage quoted or a picture of the marked region, in the PDF and the text alike,
and never the reviewer's name. Real demo files: a PDF, an EXIF-rotated photo, a written
answer; the letters are written by the command line and read back with pypdf."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from reviewer_app.cli import main
from reviewer_app.demo import media
from reviewer_app.demo.load import load_demo
from reviewer_app.reviews import crops
from reviewer_app.reviews.annotations import Anchor, find_item, page_text
from reviewer_app.reviews.feedback import letter_for
from reviewer_app.reviews.letter import render_pdf, render_text
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder

SUBMISSION = "FAP-2026-0142"
REVIEWER = "Ana Ruiz"
LOG, PHOTO, REFLECTION = "evidence/contact-log.pdf", "evidence/IMG_2041.jpg", "Reflection"
PHOTO_RECT = (100.0, 200.0, 600.0, 300.0)  # upright pixels: the photo is 1200 x 1600 shown
PICTURE_MISSING = "A picture of the marked region could not be made from your file"
PICTURE_IN_PDF = "[The PDF version of this letter shows the marked region here.]"


@dataclass(frozen=True)
class Note:
    """What the letter must say of one annotation, in the earner's reading order."""

    place: str
    about: str
    comment: str
    rect: tuple[float, float, float, float] | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Marked:
    folder: DataFolder
    notes: tuple[Note, ...]
    log_sha: str
    photo_sha: str


def mark_demo(root: Path) -> Marked:
    """The demo data, FAP-2026-0142 annotated out of reading order (and one note made and
    deleted, leaving a gap in the review's numbers), then submitted so a decision stands."""
    folder = DataFolder.open(root)
    load_demo(folder)
    review = ReviewSession.open(folder, SUBMISSION, REVIEWER)
    with folder.read_sessions() as session:
        log = find_item(session, review.submission_pk, LOG)
        photo = find_item(session, review.submission_pk, PHOTO)
        reflection = find_item(session, review.submission_pk, REFLECTION)
        # A line near the top of the log's first page, between its two rectangles.
        line = page_text(session, log.id, 1).split("\n")[3][:40]
        words = (reflection.text or "").split()[3:9]
        log_sha, photo_sha = str(log.blob_sha256), str(photo.blob_sha256)
    titles = {c.id: c.title for c in review.rubric.criteria}
    families, goal, plan, next_steps = (
        "overview-families",
        "overview-goal",
        "artifacts-contact-log",
        "reflection-next-steps",
    )
    top = (60.0, 60.0, 480.0, 50.0)
    lower = (60.0, 300.0, 360.0, 120.0)
    second = (60.0, 100.0, 400.0, 200.0)
    quote = " ".join(words)
    made = [
        (Anchor(photo.id, 1, PHOTO_RECT), "The invitation is in two languages.", goal),
        (Anchor(log.id, 2, second), "These replies show the two-way part.", plan),
        (Anchor(log.id, 1, lower), "Say which language each reply came in.", families),
        (Anchor(reflection.id, 1, None, quote), "Say what you will do next.", next_steps),
        (Anchor(log.id, 1, None, line), "A good first contact.", None),
        (Anchor(log.id, 1, top), "A clear heading for the log.", None),
        (Anchor(log.id, 2), "The second page keeps the same columns.", None),
    ]
    for anchor, text, criterion in made:
        review.annotate(anchor, text, criterion=criterion)
    dropped = review.annotate(Anchor(log.id, 1, (10.0, 10.0, 20.0, 20.0)), "A slip.")
    review.delete_annotation(dropped.id)
    for criterion in titles:
        review.set_level(criterion, "proficient")
    assert review.submit().outcome == "pass"
    page1, page2 = f"{LOG}, page 1", f"{LOG}, page 2"
    notes = (
        Note(page1, "General", "A clear heading for the log.", rect=top),
        Note(page1, "General", "A good first contact.", quote=line),
        Note(page1, f"Criterion: {titles[families]}", made[2][1], rect=lower),
        Note(page2, "General", "The second page keeps the same columns."),
        Note(page2, f"Criterion: {titles[plan]}", made[1][1], rect=second),
        Note(PHOTO, f"Criterion: {titles[goal]}", made[0][1], rect=PHOTO_RECT),
        Note(REFLECTION, f"Criterion: {titles[next_steps]}", made[3][1], quote=quote),
    )
    # The passage lies between the rectangles at the top and lower down of its page.
    log_file = folder.store.path_for(log_sha)
    found = crops.pdf_quote_top(log_file, 1, line)
    assert found is not None and top[1] < found < lower[1], found
    return Marked(folder, notes, log_sha, photo_sha)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Marked]:
    done = mark_demo(tmp_path_factory.mktemp("letters") / "data")
    yield done
    done.folder.close()


@pytest.fixture(scope="module")
def letters(marked: Marked, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The letter as the command line writes it: the PDF's text, and the text letter."""
    out = tmp_path_factory.mktemp("out")
    data = ["--data-dir", str(marked.folder.root)]
    assert main([*data, "feedback", SUBMISSION, "--out", str(out / "letter.pdf")]) == 0
    assert main([*data, "feedback", SUBMISSION, "--out", str(out / "letter.txt")]) == 0
    return pdf_text((out / "letter.pdf").read_bytes()), (out / "letter.txt").read_text("utf-8")


def pdf_text(data: bytes) -> str:
    """The letter's words as pypdf reads them, without the footers between pages."""
    pages = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(rf"Submission {SUBMISSION}\s+Page \d+", " ", pages)


def squash(text: str) -> str:
    return " ".join(text.split())


def notes_section(text: str) -> str:
    """From the notes' heading to the closing line, white space squashed."""
    flat = squash(text)
    start = flat.index("Notes on your evidence")
    return flat[start : flat.index("Well done, and thank you", start)].strip()


def pdf_images(data: bytes) -> list[Image.Image]:
    """Every image XObject the letter's pages draw, once each."""
    seen: dict[int, Image.Image] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for image in page.images:
            assert image.indirect_reference is not None
            seen.setdefault(image.indirect_reference.idnum, image.image)
    return list(seen.values())


def test_each_note_says_its_number_place_criterion_and_comment_in_reading_order(
    marked: Marked, letters: tuple[str, str]
) -> None:
    for letter in letters:
        section = notes_section(letter)
        at = 0
        for number, note in enumerate(marked.notes, start=1):
            # The place, then at once the criterion: no page for a photo or an answer.
            heading = f"Note {number}: {note.place} {note.about}"
            found = section.find(heading, at)
            assert found >= 0, f"{heading!r} missing or out of order in {section!r}"
            following = section.find(f"Note {number + 1}:", found)
            body = section[found : following if following >= 0 else None]
            assert note.comment in body, body
            if note.quote is not None:
                assert f"\u201c{squash(note.quote)}\u201d" in body, body
            at = found + len(heading)
        # 1..n without gaps, though the review's numbers have one (a deleted note).
        numbers = [int(n) for n in re.findall(r"Note (\d+):", section)]
        assert numbers == list(range(1, len(marked.notes) + 1))


def test_the_text_letter_says_the_same_words_as_the_pdf(letters: tuple[str, str]) -> None:
    pdf, text = letters
    assert PICTURE_IN_PDF in text
    # The text's underlines, list marks and pointers to the pictures aside.
    plain = re.sub(r"^[=-]+$", "", text.replace(PICTURE_IN_PDF, ""), flags=re.MULTILINE)
    assert notes_section(pdf) == notes_section(plain.replace("* Note", "Note"))


def test_the_pdf_has_a_picture_of_each_rectangle_of_its_shape(marked: Marked) -> None:
    with marked.folder.read_sessions() as session:
        pdf = render_pdf(letter_for(session, SUBMISSION))
    images = pdf_images(pdf)
    rects = [n.rect for n in marked.notes if n.rect is not None]
    assert len(images) == len(rects) == 4
    unmatched = list(images)
    for _x, _y, w, h in rects:
        # Rounding to whole pixels may move an edge by a pixel.
        same = [i for i in unmatched if abs(i.width / i.height - w / h) < 2 / min(i.size)]
        assert same, f"no picture of a {w} x {h} region in {[i.size for i in unmatched]}"
        unmatched.remove(same[0])
        assert max(same[0].size) <= crops.MAX_SIDE


def test_the_same_letter_with_pictures_gives_the_same_bytes(marked: Marked) -> None:
    with marked.folder.read_sessions() as session:
        once, again = letter_for(session, SUBMISSION), letter_for(session, SUBMISSION)
    assert once == again and render_pdf(once) == render_pdf(again)


def test_the_crop_of_the_rotated_photo_is_upright(marked: Marked) -> None:
    with marked.folder.read_sessions() as session:
        pdf = render_pdf(letter_for(session, SUBMISSION))
    x, y, w, h = PHOTO_RECT
    [picture] = [i for i in pdf_images(pdf) if i.size == (int(w), int(h))]
    with Image.open(marked.folder.store.path_for(marked.photo_sha)) as stored:
        assert stored.getexif().get(0x0112) == 6 and stored.size == (1600, 1200)
        upright = ImageOps.exif_transpose(stored)
        sideways = stored.convert("RGB")
    box = (int(x), int(y), int(x + w), int(y + h))
    got = np.asarray(picture.convert("RGB"), dtype=float)
    expected = np.asarray(upright.convert("RGB").crop(box), dtype=float)
    as_stored = np.asarray(sideways.crop(box), dtype=float)
    assert np.abs(got - expected).mean() < 6  # JPEG twice: small differences only
    assert np.abs(got - as_stored).mean() > 4 * np.abs(got - expected).mean()


def test_the_crop_of_a_pdf_page_is_its_region(marked: Marked) -> None:
    import pypdfium2 as pdfium

    log = marked.folder.store.path_for(marked.log_sha)
    x, y, w, h = next(n.rect for n in marked.notes if n.rect is not None and "page 2" in n.place)
    picture = Image.open(io.BytesIO(crops.pdf_region(log, 2, (x, y, w, h)))).convert("RGB")
    document = pdfium.PdfDocument(log)
    try:
        whole = document[1].render(scale=crops.PDF_SCALE).to_pil().convert("RGB")
    finally:
        document.close()
    s = crops.PDF_SCALE
    region = whole.crop((round(x * s), round(y * s), round((x + w) * s), round((y + h) * s)))
    assert picture.size == region.size
    got, expected = np.asarray(picture, dtype=float), np.asarray(region, dtype=float)
    assert np.abs(got - expected).mean() < 3
    assert expected.min() < 100  # the region holds text, not blank paper


def test_a_rectangle_on_a_rotated_pdf_page_is_cut_as_the_page_is_shown(tmp_path: Path) -> None:
    drawn = io.BytesIO()
    page = canvas.Canvas(drawn, pagesize=(400, 200))
    page.setFillColorRGB(1, 0, 0)
    page.rect(0, 140, 160, 60, fill=1, stroke=0)  # top-left corner, upright
    page.showPage()
    page.save()
    turned = PdfWriter()
    turned.add_page(PdfReader(drawn).pages[0].rotate(90))
    path = tmp_path / "turned.pdf"
    with path.open("wb") as out:
        turned.write(out)
    # Turned a quarter clockwise, the page is 200 x 400 and the box is at its top right.
    picture = Image.open(io.BytesIO(crops.pdf_region(path, 1, (140.0, 0.0, 60.0, 160.0))))
    assert picture.size == (60 * crops.PDF_SCALE, 160 * crops.PDF_SCALE)
    pixels = np.asarray(picture.convert("RGB"), dtype=int)
    assert (pixels[..., 0] > 200).mean() > 0.97 and (pixels[..., 1] < 60).mean() > 0.97


def test_no_reviewer_name_reaches_the_earner(marked: Marked, letters: tuple[str, str]) -> None:
    with marked.folder.read_sessions() as session:
        pdf = render_pdf(letter_for(session, SUBMISSION))
    for said in (*letters, PdfReader(io.BytesIO(pdf)).metadata or {}):
        assert "Ruiz" not in str(said) and REVIEWER not in str(said)
    assert b"Ruiz" not in pdf


def test_a_picture_that_cannot_be_made_is_said_in_words(marked: Marked, tmp_path: Path) -> None:
    """Damaged and hostile files where the store should hold the earner's: a PDF cut
    short, a PNG declaring 225 megapixels in place of the photo."""
    bad = tmp_path / "objects"
    stored = marked.folder.store.path_for(marked.log_sha).read_bytes()
    for sha, write in (
        (marked.log_sha, lambda p: p.write_bytes(stored[: len(stored) // 3])),
        (marked.photo_sha, media.write_decompression_bomb_png),
    ):
        (bad / sha[:2]).mkdir(parents=True)
        write(bad / sha[:2] / sha)
    with marked.folder.read_sessions() as session:
        letter = letter_for(session, SUBMISSION, objects=bad)
        nowhere = letter_for(session, SUBMISSION, objects=tmp_path / "missing")
    rects = sum(n.rect is not None for n in marked.notes)
    for made in (letter, nowhere):
        assert [n.picture_missing for n in made.notes].count(True) == rects
        pdf, text = render_pdf(made), render_text(made)
        assert pdf_images(pdf) == []
        assert squash(text).count(PICTURE_MISSING) == rects
        assert notes_section(pdf_text(pdf)).count(PICTURE_MISSING) == rects
        # Everything else is still said.
        assert all(n.comment in squash(text) for n in marked.notes)


def test_feedback_for_every_submission_picks_the_notes_up(marked: Marked, tmp_path: Path) -> None:
    data = ["--data-dir", str(marked.folder.root)]
    assert main([*data, "feedback", "--all", "--out", str(tmp_path), "--text"]) == 0
    [letter] = [p for p in tmp_path.iterdir() if p.name.startswith(SUBMISSION)]
    text = letter.read_text(encoding="utf-8")
    assert all(n.comment in squash(text) for n in marked.notes)
    assert squash(text).count(PICTURE_IN_PDF) == 4


def test_a_huge_region_is_capped(marked: Marked) -> None:
    """The whole photo marked: the picture is at most MAX_SIDE pixels on its longest side."""
    path = marked.folder.store.path_for(marked.photo_sha)
    picture = Image.open(io.BytesIO(crops.image_region(path, (0.0, 0.0, 1200.0, 1600.0))))
    assert picture.size == (900, crops.MAX_SIDE)
    log = marked.folder.store.path_for(marked.log_sha)
    page = Image.open(io.BytesIO(crops.pdf_region(log, 1, (0.0, 0.0, 612.0, 792.0))))
    assert max(page.size) == crops.MAX_SIDE
