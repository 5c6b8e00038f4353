"""The earner's feedback letter: the decision, each criterion's level and comment, by part.

Data in, bytes or text out: no database, no Qt. Both renderings are built from one list of
blocks (`_blocks`), so the PDF and the plain text always say the same things. Whether a
criterion meets the standard is always stated in words, never by colour alone.

Fonts: the PDF embeds the first TrueType family found in `_FONT_CANDIDATES` (DejaVu Sans
on Linux, Arial on Windows and macOS, then reportlab's own Vera), so names such as
"Nguyễn Thị Lan" print and extract back as typed. A character the chosen font lacks is
folded to its base letter ("ễ" -> "e"), or "?" when it has none; with Vera (no Vietnamese)
or with the last resort, Helvetica (Windows-1252 only), that is a visible limitation. The
text rendering always keeps every character.

Notes on the evidence (the reviewer's annotations, `LetterNote`) follow the criteria.
They are numbered 1, 2, 3... in the order the letter is given them, whatever numbers
they had in the review: `feedback.letter_for` gives them in the order the earner reads
the evidence (item by item, page by page, top to bottom), so the numbers have no gaps and
read in order. A note says where it is (item, page), the criterion it speaks to or
"General", the comment, and the marked passage quoted or a picture of the marked region
(PNG or JPEG bytes, made where the files are read; the text form says where the PDF shows
it). Nothing in a note names the reviewer.
"""

from __future__ import annotations

import datetime
import enum
import io
import os
import re
import textwrap
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.output_names import exact_name, slug
from reviewer_app.resources import resource
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.vocabulary import OUTCOME_WORDS, Outcome
from reviewer_app.wording import translate

__all__ = [
    "FeedbackLetter",
    "LetterCriterion",
    "LetterNote",
    "LetterPart",
    "letter_file_name",
    "render_pdf",
    "render_text",
    "write_letter",
]


_TEXT_WIDTH = 78
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class LetterCriterion:
    criterion_title: str
    level_label: str | None  # None: unscored, rendered "Not scored"
    meets_standard: bool | None  # reached the passing level; None if unknown
    comment: str | None


@dataclass(frozen=True)
class LetterPart:
    title: str
    criteria: tuple[LetterCriterion, ...]


@dataclass(frozen=True)
class LetterNote:
    """One annotation as the earner reads it (numbered by its place in the letter)."""

    item: str  # the evidence item's path or title
    page: int | None  # None: an item without pages (an image, a written answer)
    criterion_title: str | None  # None: a general note
    comment: str
    quote: str | None = None  # the marked passage
    picture: bytes | None = None  # PNG or JPEG of the marked region
    # A region was marked but its picture could not be made from the earner's file.
    picture_missing: bool = False


@dataclass(frozen=True)
class FeedbackLetter:
    earner_name: str
    submission_id: str
    credential_name: str
    attempt: int
    decision: Outcome
    decided_at: datetime.datetime  # timezone-aware; the date is shown in its own zone
    parts: tuple[LetterPart, ...]
    overall_feedback: str | None
    issuer_name: str | None = None
    notes: tuple[LetterNote, ...] = ()

    def __post_init__(self) -> None:
        if self.decision not in OUTCOME_WORDS:
            raise ValueError(f"decision must be 'pass' or 'not-yet', not {self.decision!r}")
        if self.decided_at.utcoffset() is None:
            raise ValueError("decided_at must be timezone-aware")


# ---------------------------------------------------------------- text clean-up


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def _clean(text: str) -> str:
    """NFC, one kind of line break, no control characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _one_line(text: str) -> str:
    """Names and titles: whitespace (line breaks included) collapsed to single spaces."""
    return " ".join(_clean(text).split())


def _paragraphs(text: str | None) -> list[str]:
    """Paragraphs of user text, split on blank lines; single line breaks stay inside."""
    cleaned = _clean(text or "")
    return [p for p in _BLANK_LINES.split(cleaned) if p.strip()] if cleaned else []


def _format_date(moment: datetime.datetime) -> str:
    """'30 November 2026', the same in every locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


# ------------------------------------------------------------------- the content


class _Kind(enum.Enum):
    TITLE = enum.auto()
    SUBTITLE = enum.auto()
    META = enum.auto()
    BODY = enum.auto()  # may hold line breaks (the overall feedback)
    BULLET = enum.auto()
    HEADING = enum.auto()
    PART = enum.auto()
    CRITERION = enum.auto()
    STATUS = enum.auto()
    COMMENT = enum.auto()  # a criterion's comment paragraph; may hold line breaks
    SIGNATURE = enum.auto()
    NOTE = enum.auto()  # "Note 2: report.pdf, page 3"
    NOTE_ABOUT = enum.auto()  # its criterion, or "General"
    NOTE_TEXT = enum.auto()  # a paragraph of its comment; may hold line breaks
    QUOTE = enum.auto()  # the marked passage
    PICTURE = enum.auto()  # the marked region: drawn in the PDF, a pointer in the text


@dataclass(frozen=True)
class _Block:
    kind: _Kind
    text: str
    picture: bytes | None = None


def _status_words(criterion: LetterCriterion) -> str:
    """'Proficient: meets the standard', 'Not Yet: not yet met', 'Not scored'."""
    label = _one_line(criterion.level_label or "") or "Not scored"
    if criterion.meets_standard is None:
        return label
    return f"{label}: {'meets the standard' if criterion.meets_standard else 'not yet met'}"


def _not_met(letter: FeedbackLetter) -> list[str]:
    """Criteria to revise, named with their part: titles may repeat across parts."""
    names: list[str] = []
    for part in letter.parts:
        part_title = _one_line(part.title)
        for criterion in part.criteria:
            if criterion.meets_standard is False:
                title = _one_line(criterion.criterion_title)
                names.append(f"{title} ({part_title})" if part_title else title)
    return names


def _decision_blocks(letter: FeedbackLetter) -> Iterator[_Block]:
    credential = _one_line(letter.credential_name)
    if letter.decision == Outcome.PASS:
        yield _Block(
            _Kind.BODY,
            f"Congratulations! Your submission meets the standard on every criterion, "
            f"and the {credential} credential will be issued to you. The feedback below "
            f"explains how each criterion was assessed.",
        )
        return
    yield _Block(
        _Kind.BODY,
        f"Your submission does not yet meet every criterion of the {credential} "
        f"credential, so it cannot be issued yet. You are invited to resubmit.",
    )
    to_revise = _not_met(letter)
    if not to_revise:
        yield _Block(
            _Kind.BODY,
            "When you resubmit, revise your work following the feedback below, and keep "
            "what already meets the standard. Please add a short note saying what you changed.",
        )
        return
    yield _Block(
        _Kind.BODY,
        "When you resubmit, revise the criteria marked Not Yet, listed here, and keep "
        "what already meets the standard. Please add a short note saying what you changed.",
    )
    for name in to_revise:
        yield _Block(_Kind.BULLET, name)


def _part_blocks(part: LetterPart) -> Iterator[_Block]:
    yield _Block(_Kind.PART, _one_line(part.title) or "Untitled part")
    for criterion in part.criteria:
        yield _Block(_Kind.CRITERION, _one_line(criterion.criterion_title) or "Untitled")
        yield _Block(_Kind.STATUS, _status_words(criterion))
        for paragraph in _paragraphs(criterion.comment):
            yield _Block(_Kind.COMMENT, paragraph)


_PICTURE_IN_PDF = "The PDF version of this letter shows the marked region here."
_PICTURE_MISSING = (
    "A picture of the marked region could not be made from your file; "
    "please look at this place in your evidence."
)


def _note_place(note: LetterNote) -> str:
    item = _one_line(note.item) or "Your evidence"
    return f"{item}, page {note.page}" if note.page is not None else item


def _note_blocks(notes: tuple[LetterNote, ...]) -> Iterator[_Block]:
    yield _Block(_Kind.HEADING, "Notes on your evidence")
    yield _Block(
        _Kind.BODY,
        "These notes point at places in your evidence. They are numbered in the order "
        "you will find them: item by item, page by page, from the top of each page down.",
    )
    for number, note in enumerate(notes, start=1):
        yield _Block(_Kind.NOTE, f"Note {number}: {_note_place(note)}")
        title = _one_line(note.criterion_title or "")
        yield _Block(_Kind.NOTE_ABOUT, f"Criterion: {title}" if title else "General")
        if note.quote is not None and _clean(note.quote):
            yield _Block(_Kind.QUOTE, f"Marked text: \u201c{_clean(note.quote)}\u201d")
        if note.picture is not None:
            yield _Block(_Kind.PICTURE, _PICTURE_IN_PDF, note.picture)
        elif note.picture_missing:
            yield _Block(_Kind.NOTE_TEXT, _PICTURE_MISSING)
        for paragraph in _paragraphs(note.comment):
            yield _Block(_Kind.NOTE_TEXT, paragraph)


def _blocks(letter: FeedbackLetter) -> list[_Block]:
    """Everything the letter says, in order; both renderings draw exactly these."""
    blocks = [
        _Block(_Kind.TITLE, _one_line(letter.credential_name)),
        _Block(_Kind.SUBTITLE, "Feedback on your submission"),
        _Block(_Kind.META, f"Submission: {_one_line(letter.submission_id)}"),
        _Block(_Kind.META, f"Attempt: {letter.attempt}"),
        _Block(_Kind.META, f"Decision date: {_format_date(letter.decided_at)}"),
        _Block(_Kind.META, f"Decision: {OUTCOME_WORDS[Outcome(letter.decision)]}"),
        _Block(_Kind.BODY, f"Dear {_one_line(letter.earner_name)},"),
        *_decision_blocks(letter),
    ]
    if letter.parts:
        blocks.append(_Block(_Kind.HEADING, "Feedback on each criterion"))
        for part in letter.parts:
            blocks.extend(_part_blocks(part))
    if letter.notes:
        blocks.extend(_note_blocks(letter.notes))
    overall = _paragraphs(letter.overall_feedback)
    if overall:
        blocks.append(_Block(_Kind.HEADING, "Overall feedback"))
        blocks.extend(_Block(_Kind.BODY, paragraph) for paragraph in overall)
    closing = (
        "Well done, and thank you for your work."
        if letter.decision == Outcome.PASS
        else "Thank you for your work; we look forward to your resubmission."
    )
    blocks.append(_Block(_Kind.BODY, closing))
    blocks.append(_Block(_Kind.SIGNATURE, "Kind regards,"))
    blocks.append(_Block(_Kind.SIGNATURE, "The assessment team"))
    if letter.issuer_name and _one_line(letter.issuer_name):
        blocks.append(_Block(_Kind.SIGNATURE, _one_line(letter.issuer_name)))
    return blocks


# ---------------------------------------------------------------- plain text


# Consecutive blocks of these kinds are not separated by a blank line.
_TIGHT = {
    (_Kind.TITLE, _Kind.SUBTITLE),
    (_Kind.META, _Kind.META),
    (_Kind.BULLET, _Kind.BULLET),
    (_Kind.CRITERION, _Kind.STATUS),
    (_Kind.SIGNATURE, _Kind.SIGNATURE),
    (_Kind.NOTE, _Kind.NOTE_ABOUT),
}
# A list item or indented line in a comment keeps its hanging indent when wrapped.
_LINE_LEAD = re.compile(r"[ \t]*(?:(?:[-*\u2022]|\d{1,3}[.)])[ \t]+)?")


def _split_lead(line: str) -> tuple[str, str]:
    """A line's own indent or list marker ("  - ", "2. "), and the words after it."""
    lead = _LINE_LEAD.match(line)
    assert lead is not None  # the pattern also matches the empty string
    own = lead.group(0).expandtabs(4)
    if len(own) > _TEXT_WIDTH // 3:  # odd spacing, not a list: do not hang on it
        return "", line.strip()
    return own, line[lead.end() :]


def _wrap(text: str, indent: str = "", hang: str | None = None) -> list[str]:
    """Wrap each line of `text` at 78 columns; long words (URLs) are never cut."""
    out: list[str] = []
    for line in text.split("\n"):
        own, words = _split_lead(line)
        wrapped = textwrap.wrap(
            words,
            _TEXT_WIDTH,
            initial_indent=indent + own,
            subsequent_indent=(indent if hang is None else hang) + " " * len(own),
            break_long_words=False,
            break_on_hyphens=False,  # keeps URLs and hyphenated names whole
        )
        out.extend(wrapped or [""])
    return out


def _underlined(text: str, mark: str, *, above: bool = False) -> list[str]:
    lines = _wrap(text)
    rule = mark * max(len(line) for line in lines)
    return [rule, *lines, rule] if above else [*lines, rule]


def _text_lines(block: _Block) -> list[str]:
    kind, text = block.kind, block.text
    if kind is _Kind.TITLE:
        return _underlined(text, "=", above=True)
    if kind is _Kind.HEADING:
        return _underlined(text, "=")
    if kind is _Kind.PART:
        return _underlined(text, "-")
    if kind is _Kind.CRITERION:
        return _wrap(text, "* ", "  ")
    if kind in (_Kind.STATUS, _Kind.COMMENT, _Kind.NOTE_ABOUT, _Kind.NOTE_TEXT):
        return _wrap(text, "  ")
    if kind is _Kind.NOTE:
        return _wrap(text, "* ", "  ")
    if kind is _Kind.QUOTE:
        return _wrap(text, "    ")
    if kind is _Kind.PICTURE:
        return _wrap(f"[{text}]", "  ")
    if kind is _Kind.BULLET:
        return _wrap(text, "  - ", "    ")
    return _wrap(text)


def render_text(letter: FeedbackLetter) -> str:
    """The letter as plain text: lines of at most 78 columns, except unbreakable words."""
    lines: list[str] = []
    previous: _Kind | None = None
    for block in _blocks(letter):
        if previous is not None and (previous, block.kind) not in _TIGHT:
            lines.append("")
        lines.extend(_text_lines(block))
        previous = block.kind
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- PDF fonts


@dataclass(frozen=True)
class _PdfFont:
    regular: str
    bold: str
    covers: Callable[[str], bool]  # whether the font can draw one character


def _font_candidates() -> list[tuple[Path, Path]]:
    """Regular and bold TrueType files, best first; missing files are skipped."""
    windows_fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    reportlab_fonts = Path(pdfmetrics.__file__).resolve().parent.parent / "fonts"
    return [
        (resource("fonts", "DejaVuSans.ttf"), resource("fonts", "DejaVuSans-Bold.ttf")),
        *(
            (Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf")
            for folder in (
                "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
                "/usr/share/fonts/TTF",  # Arch
                "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
                "/usr/share/fonts/dejavu",
                "/usr/local/share/fonts/dejavu",  # FreeBSD
            )
        ),
        (windows_fonts / "arial.ttf", windows_fonts / "arialbd.ttf"),
        (
            Path("/System/Library/Fonts/Supplemental/Arial.ttf"),
            Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
        ),
        (Path("/Library/Fonts/Arial.ttf"), Path("/Library/Fonts/Arial Bold.ttf")),
        (reportlab_fonts / "Vera.ttf", reportlab_fonts / "VeraBd.ttf"),  # Latin-1 only
    ]


def _register_ttf(regular: Path, bold: Path) -> _PdfFont | None:
    try:
        regular_font = TTFont("PortfolioLetterSans", str(regular))
        bold_font = TTFont("PortfolioLetterSans-Bold", str(bold if bold.is_file() else regular))
    except (OSError, TTFError):  # unreadable, or a font reportlab cannot embed
        return None
    pdfmetrics.registerFont(regular_font)
    pdfmetrics.registerFont(bold_font)
    pdfmetrics.registerFontFamily(
        regular_font.fontName,
        normal=regular_font.fontName,
        bold=bold_font.fontName,
        italic=regular_font.fontName,
        boldItalic=bold_font.fontName,
    )
    glyphs = set(regular_font.face.charToGlyph) & set(bold_font.face.charToGlyph)
    return _PdfFont(regular_font.fontName, bold_font.fontName, lambda c: ord(c) in glyphs)


def _in_cp1252(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


_HELVETICA = _PdfFont("Helvetica", "Helvetica-Bold", _in_cp1252)
_font_lock = threading.Lock()
_font: _PdfFont | None = None


def _pdf_font() -> _PdfFont:
    """Register the letter's font once per process (reportlab's registry is global)."""
    global _font
    with _font_lock:
        if _font is None:
            found = (
                _register_ttf(regular, bold)
                for regular, bold in _font_candidates()
                if regular.is_file()
            )
            _font = next((font for font in found if font is not None), _HELVETICA)
        return _font


_PUNCTUATION = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"}


def _fold(text: str, font: _PdfFont) -> str:
    """Replace characters the font cannot draw by their base letter, so none print as boxes."""
    out: list[str] = []
    for char in text:
        if char == "\n" or font.covers(char):
            out.append(char)
            continue
        base = "".join(
            c
            for c in unicodedata.normalize("NFKD", _PUNCTUATION.get(char, char))
            if font.covers(c) and not unicodedata.combining(c)
        )
        out.append(base or "?")
    return "".join(out)


# ------------------------------------------------------------------- PDF layout


_MARGIN = 20 * mm
_BODY_SIZE = 10.5


_QUOTE_GREY = Color(0.25, 0.25, 0.25)  # dark enough to read as text, not as a link
_FRAME_GREY = Color(0.55, 0.55, 0.55)
_PICTURE_INDENT = 12.0
_PICTURE_MAX_HEIGHT = 95 * mm


class _Picture(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A note's picture, indented like its text, in a thin frame so its edges show on
    white paper. Shown at half its pixels in points (the size the region has on its PDF
    page, which is rendered at 2 pixels a point), smaller if the page or a third of a
    page height would not hold it."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._image = ImageReader(io.BytesIO(data))
        pixels_wide, pixels_high = self._image.getSize()
        self._natural = (pixels_wide / 2.0, pixels_high / 2.0)
        self.spaceBefore = 2
        self.spaceAfter = 8

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        natural_width, natural_height = self._natural
        fit = min(
            1.0,
            (avail_width - _PICTURE_INDENT) / natural_width,
            _PICTURE_MAX_HEIGHT / natural_height,
        )
        self.drawWidth, self.drawHeight = natural_width * fit, natural_height * fit
        return avail_width, self.drawHeight

    def draw(self) -> None:
        canvas = self.canv
        canvas.drawImage(self._image, _PICTURE_INDENT, 0, self.drawWidth, self.drawHeight)
        canvas.saveState()
        canvas.setStrokeColor(_FRAME_GREY)
        canvas.setLineWidth(0.5)
        canvas.rect(_PICTURE_INDENT, 0, self.drawWidth, self.drawHeight, stroke=1, fill=0)
        canvas.restoreState()


def _styles(font: _PdfFont) -> dict[_Kind, ParagraphStyle]:
    body = ParagraphStyle(
        "LetterBody",
        fontName=font.regular,
        fontSize=_BODY_SIZE,
        leading=14.5,
        spaceAfter=7,
        bulletFontName=font.regular,
    )

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    criterion_indent = 12.0
    return {
        _Kind.TITLE: derive("LetterTitle", fontName=font.bold, fontSize=18, leading=22),
        _Kind.SUBTITLE: derive("LetterSubtitle", fontSize=12, leading=16, spaceAfter=12),
        _Kind.META: derive("LetterMeta", spaceAfter=1),
        _Kind.BODY: body,
        _Kind.BULLET: derive("LetterBullet", leftIndent=18, bulletIndent=6, spaceAfter=2),
        _Kind.HEADING: derive(
            "LetterHeading",
            fontName=font.bold,
            fontSize=14,
            leading=18,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        _Kind.PART: derive(
            "LetterPart",
            fontName=font.bold,
            fontSize=12,
            leading=16,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        _Kind.CRITERION: derive(
            "LetterCriterion", fontName=font.bold, spaceBefore=4, spaceAfter=1, keepWithNext=1
        ),
        _Kind.STATUS: derive("LetterStatus", leftIndent=criterion_indent, spaceAfter=5),
        _Kind.COMMENT: derive("LetterComment", leftIndent=criterion_indent),
        _Kind.SIGNATURE: derive("LetterSignature", spaceAfter=1),
        _Kind.NOTE: derive("LetterNote", fontName=font.bold, spaceBefore=6, spaceAfter=1),
        _Kind.NOTE_ABOUT: derive("LetterNoteAbout", leftIndent=criterion_indent, spaceAfter=5),
        _Kind.NOTE_TEXT: derive("LetterNoteText", leftIndent=criterion_indent),
        _Kind.QUOTE: derive(
            "LetterQuote",
            leftIndent=criterion_indent * 2,
            rightIndent=criterion_indent,
            textColor=_QUOTE_GREY,
        ),
    }


def _markup(text: str) -> str:
    """Reportlab mini-markup for user text: escaped, line breaks and leading spaces kept."""
    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        lines.append("&nbsp;" * (len(line) - len(stripped)) + escape(stripped))
    return "<br/>".join(lines)


_NOTE_PARTS = {_Kind.NOTE_ABOUT, _Kind.NOTE_TEXT, _Kind.QUOTE, _Kind.PICTURE}


def _flowables(blocks: Iterable[_Block], font: _PdfFont) -> list[Flowable]:
    styles = _styles(font)
    story: list[Flowable] = []
    note: list[Flowable] = []  # a note's flowables, kept on one page when they fit

    def end_note() -> None:
        if note:
            story.append(KeepTogether(list(note)))
            note.clear()

    for block in blocks:
        if block.kind is _Kind.NOTE or block.kind not in _NOTE_PARTS:
            end_note()
        target = note if block.kind is _Kind.NOTE or block.kind in _NOTE_PARTS else story
        if block.kind is _Kind.PICTURE:
            assert block.picture is not None
            try:
                target.append(_Picture(block.picture))
                continue
            except Exception:  # bytes no image reader takes: said in words instead
                block = _Block(_Kind.NOTE_TEXT, _PICTURE_MISSING)
        markup = _markup(_fold(block.text, font))
        if block.kind is _Kind.BULLET:
            target.append(Paragraph(markup, styles[block.kind], bulletText=_fold("\u2022", font)))
        else:
            target.append(Paragraph(markup, styles[block.kind]))
        if block.kind is _Kind.META and block.text.startswith("Decision:"):
            target.append(Spacer(1, 10))
    end_note()
    return story


def _footer_drawer(letter: FeedbackLetter, font: _PdfFont) -> Callable[[Any, Any], None]:
    """Draws 'Submission <id>' and 'Page N' at the foot of every page."""
    submission = _fold(f"Submission {_one_line(letter.submission_id)}", font)

    def draw(canvas: Any, doc: Any) -> None:
        width, _height = doc.pagesize
        canvas.saveState()
        canvas.setFont(font.regular, 8)
        canvas.drawString(_MARGIN, 12 * mm, submission)
        canvas.drawRightString(width - _MARGIN, 12 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_pdf(letter: FeedbackLetter) -> bytes:
    """The letter as an A4 PDF with a text layer; the same letter gives the same bytes."""
    font = _pdf_font()
    buffer = io.BytesIO()
    title = f"{_one_line(letter.credential_name)}: feedback on submission "
    title += _one_line(letter.submission_id)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 6 * mm,  # room for the footer
        title=title,
        author=_one_line(letter.issuer_name or "") or APP_NAME,
        subject="Feedback letter",
        creator=APP_NAME,
        lang="en",
        displayDocTitle=1,
        initialFontName=font.regular,  # no unused Helvetica in every page
        invariant=1,  # fixed dates and document id: same input, same bytes
        pageCompression=1,
    )
    footer = _footer_drawer(letter, font)
    doc.build(_flowables(_blocks(letter), font), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


# ------------------------------------------------------------------------ files


# Unsafe somewhere: Windows' reserved characters, path separators, control characters.


def letter_file_name(letter: FeedbackLetter, suffix: str = ".pdf") -> str:
    """A file name for the letter from its submission id only, never the earner's name.

    Reviews may be blind, so a folder of letters must not reveal who is who. The id part
    is bounded and unique (`output_names.exact_name`): "COL/1", "COL 1" and "COL:1" get
    three letters, not one written three times.
    """
    stem = exact_name(letter.submission_id, fallback="submission")
    safe_suffix = slug(suffix.removeprefix("."), limit=10)
    return f"{stem} feedback.{safe_suffix or 'pdf'}"


def write_letter(letter: FeedbackLetter, path: Path) -> Path:
    """Write the letter to `path`: plain UTF-8 text if it ends in ".txt", else a PDF.

    Raises `UserError` when the file cannot be written (missing folder, no permission,
    full disk); an existing file under `path` is then left as it was.
    """
    if path.suffix.lower() == ".txt":
        data = render_text(letter).encode("utf-8")
    else:
        data = render_pdf(letter)
    try:
        write_atomically(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(
            translate("Review", "Could not write the feedback letter to {path}: {reason}").format(
                path=path, reason=reason
            )
        ) from error
    return path
