"""Factories for realistic evidence files: PDFs, photos, scans and text files.

Every factory writes one file and returns its path. Output depends only on the
arguments (pass a seeded `random.Random`), so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import threading
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps
from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "jpeg_with_comment",
    "pdf_with_id",
    "render_text_pdf",
    "write_damaged_pdf",
    "write_decompression_bomb_png",
    "write_encrypted_pdf",
    "write_gif",
    "write_image_only_pdf",
    "write_latin1_text",
    "write_photo_jpeg",
    "write_reflection_md",
    "write_reflection_txt",
    "write_scan_png",
    "write_scan_tiff",
    "write_text_pdf",
    "write_webp",
]

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
RGB = tuple[int, int, int]

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "DejaVuSans.ttf",
)
_PDF_FONT = "Helvetica"
_PDF_FONT_SIZE = 11
_PDF_LEADING = 15
_PDF_MARGIN = 72
_SCAN_DPI = 150
_INK_COLOURS: tuple[RGB, ...] = ((28, 38, 92), (40, 40, 44), (70, 70, 78), (20, 60, 120))
_SHAPE_COLOURS: tuple[RGB, ...] = (
    (224, 64, 52),
    (246, 190, 40),
    (60, 150, 80),
    (52, 110, 200),
    (150, 80, 170),
    (240, 130, 60),
)

# EXIF tag numbers (TIFF 6 / EXIF 2.3).
_EXIF_IMAGE_DESCRIPTION = 0x010E
_EXIF_MAKE = 0x010F
_EXIF_MODEL = 0x0110
_EXIF_ORIENTATION = 0x0112
_EXIF_SOFTWARE = 0x0131
_EXIF_DATETIME = 0x0132

# Transposes that store an upright picture so that a viewer honouring the EXIF
# orientation shows it upright again (the inverse of ImageOps.exif_transpose).
_STORE_FOR_ORIENTATION: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


# --------------------------------------------------------------------------- PDFs


def _pdf_safe(text: str) -> str:
    """Fold characters Helvetica's WinAnsi encoding lacks (ễ -> e) so none print as boxes."""
    out: list[str] = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if c.isascii() and not unicodedata.combining(c)))
    return "".join(out)


_PUNCTUATION = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
    }
)


def _ascii_fold(text: str) -> str:
    """Fold to 7-bit ASCII (María -> Maria), as EXIF ASCII tags require."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    return "".join(c for c in decomposed if c.isascii() and not unicodedata.combining(c))


def _split_groups(paragraphs: Sequence[str], groups: int) -> list[list[str]]:
    """Cut paragraphs into `groups` consecutive runs of near-equal length (some may be empty)."""
    size, extra = divmod(len(paragraphs), groups)
    runs: list[list[str]] = []
    start = 0
    for index in range(groups):
        end = start + size + (1 if index < extra else 0)
        runs.append(list(paragraphs[start:end]))
        start = end
    return runs


_RL_CONFIG_LOCK = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write PDF streams as binary, not ASCII85 text, as most PDF producers do.

    Photos stay 20% smaller, and rendering is much faster where reportlab's C
    accelerator is missing (its pure-Python ASCII85 took seconds per photo). The switch
    is process-wide in reportlab, hence the lock around each rendering.
    """
    with _RL_CONFIG_LOCK:
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = previous


class _PdfPager:
    """Flows wrapped paragraphs down pages, with a running header and page numbers."""

    def __init__(self, canvas: Canvas, title: str) -> None:
        self.canvas = canvas
        self.title = title
        self.width, self.height = LETTER
        self.page = 0
        self.y = 0.0
        self.new_page(first=True)

    def new_page(self, *, first: bool = False) -> None:
        if not first:
            self._footer()
            self.canvas.showPage()
        self.page += 1
        self.y = self.height - _PDF_MARGIN
        if first:
            self.canvas.setFont(_PDF_FONT + "-Bold", 16)
            for line in simpleSplit(self.title, _PDF_FONT + "-Bold", 16, self._text_width):
                self.canvas.drawString(_PDF_MARGIN, self.y, line)
                self.y -= 22
            self.y -= 8
        else:
            self.canvas.setFont(_PDF_FONT, 8)
            self.canvas.drawString(_PDF_MARGIN, self.height - 40, self.title[:110])
        self.canvas.setFont(_PDF_FONT, _PDF_FONT_SIZE)

    @property
    def _text_width(self) -> float:
        return float(self.width - 2 * _PDF_MARGIN)

    def _footer(self) -> None:
        self.canvas.setFont(_PDF_FONT, 8)
        self.canvas.drawCentredString(self.width / 2, 36, f"Page {self.page}")
        self.canvas.setFont(_PDF_FONT, _PDF_FONT_SIZE)

    def paragraph(self, text: str) -> None:
        lines = simpleSplit(text, _PDF_FONT, _PDF_FONT_SIZE, self._text_width)
        if len(lines) > 1 and self.y - _PDF_LEADING < _PDF_MARGIN:
            self.new_page()  # never leave a paragraph's first line alone at the foot
        for line in lines:
            if self.y < _PDF_MARGIN:
                self.new_page()
            self.canvas.drawString(_PDF_MARGIN, self.y, line)
            self.y -= _PDF_LEADING
        self.y -= _PDF_LEADING / 2

    def image(self, reader: ImageReader, max_height: float) -> None:
        img_w, img_h = reader.getSize()
        scale = min(self._text_width / img_w, max_height / img_h)
        draw_w, draw_h = img_w * scale, img_h * scale
        if self.y - draw_h < _PDF_MARGIN:
            self.new_page()
        self.canvas.drawImage(reader, _PDF_MARGIN, self.y - draw_h, draw_w, draw_h)
        self.y -= draw_h + _PDF_LEADING

    def finish(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.canvas.save()


def render_text_pdf(
    *,
    title: str,
    paragraphs: Sequence[str],
    pages: int = 1,
    images: Sequence[Path] = (),
    user_password: str | None = None,
) -> bytes:
    """Return the bytes of a letter-size Helvetica PDF with a real text layer.

    Paragraphs are cut into `pages` consecutive groups and each group starts a new
    page, so the PDF has at least `pages` pages (more when a group overflows). A line
    break inside a paragraph starts a new line (use it to keep a heading with its text).
    `images` (JPEG or PNG files) are placed after the text, one per page.
    """
    if pages < 1:
        raise ValueError("pages must be at least 1")
    buffer = io.BytesIO()
    encrypt = StandardEncryption(user_password, strength=128) if user_password else None
    with _binary_streams():
        # invariant=1 fixes the creation date and document id: same input, same bytes.
        canvas = Canvas(buffer, pagesize=LETTER, invariant=1, encrypt=encrypt)
        canvas.setTitle(_pdf_safe(title))
        canvas.setAuthor("Portfolio Reviewer demo data")
        pager = _PdfPager(canvas, _pdf_safe(title))
        for index, group in enumerate(_split_groups(paragraphs, pages)):
            if index:
                pager.new_page()
            for text in group:
                pager.paragraph(_pdf_safe(text))
        for image in images:
            pager.new_page()
            pager.image(ImageReader(str(image)), max_height=pager.y - _PDF_MARGIN)
        pager.finish()
    return buffer.getvalue()


def write_text_pdf(
    path: Path,
    *,
    title: str,
    paragraphs: list[str],
    pages: int,
    images: Sequence[Path] = (),
) -> Path:
    """Write a multi-page PDF whose words pypdf extracts back (see `render_text_pdf`)."""
    path.write_bytes(
        render_text_pdf(title=title, paragraphs=paragraphs, pages=pages, images=images)
    )
    return path


def write_encrypted_pdf(
    path: Path,
    *,
    title: str,
    paragraphs: list[str],
    pages: int = 1,
    user_password: str = "portfolio",
) -> Path:
    """Write a text PDF that needs `user_password` to open (RC4 128-bit, as old exporters do)."""
    data = render_text_pdf(
        title=title, paragraphs=paragraphs, pages=pages, user_password=user_password
    )
    path.write_bytes(data)
    return path


def write_damaged_pdf(
    path: Path,
    *,
    title: str = "Family contact log",
    paragraphs: Sequence[str] = ("This download was cut off before the end.",) * 40,
    keep_fraction: float = 0.6,
) -> Path:
    """Write a PDF cut off part-way, like an interrupted download.

    It starts with a valid `%PDF-1.` header, but the xref table, trailer and `%%EOF`
    are gone, so pypdf cannot read its pages.
    """
    data = render_text_pdf(title=title, paragraphs=list(paragraphs), pages=2)
    cut = max(64, int(len(data) * keep_fraction))
    cut = min(cut, data.rfind(b"\nxref"))  # never keep the cross-reference table
    path.write_bytes(data[:cut])
    return path


def _image_frames(image_path: Path) -> list[Image.Image]:
    frames: list[Image.Image] = []
    with Image.open(image_path) as image:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("L" if image.mode in ("1", "L") else "RGB"))
    return frames


def write_image_only_pdf(path: Path, image_path: Path | Sequence[Path]) -> Path:
    """Write a "scanned" PDF: one page per image (and per TIFF frame), no text layer."""
    sources = [image_path] if isinstance(image_path, Path) else list(image_path)
    buffer = io.BytesIO()
    with _binary_streams():
        canvas = Canvas(buffer, invariant=1)
        canvas.setAuthor("Portfolio Reviewer demo data")
        for source in sources:
            for frame in _image_frames(source):
                dpi = frame.info.get("dpi", (_SCAN_DPI, _SCAN_DPI))[0] or _SCAN_DPI
                width, height = frame.width * 72 / dpi, frame.height * 72 / dpi
                canvas.setPageSize((width, height))
                canvas.drawImage(ImageReader(frame), 0, 0, width, height)
                canvas.showPage()
        canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def pdf_with_id(data: bytes, token: bytes) -> bytes:
    """Return a copy of an unencrypted reportlab PDF whose trailer /ID is derived from `token`.

    The id keeps its length, so xref offsets stay valid: a cheap way to get many
    distinct, valid PDFs from one rendering.
    """
    start = data.rfind(b"/ID")
    open_at = data.index(b"<", start) + 1
    close_at = data.index(b">", open_at)
    width = close_at - open_at
    digest = hashlib.sha256(token).hexdigest().encode() * (width // 64 + 1)
    head, tail = data[:open_at], data[close_at:]
    return head + digest[:width] + tail


# ------------------------------------------------------------------------- images


def _font(size: int) -> Font:
    for candidate in _FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _noise(size: tuple[int, int], rng: random.Random, amplitude: int, mode: str) -> Image.Image:
    """Uniform noise in [0, amplitude] from `rng` (Pillow's effect_noise ignores our seed)."""
    bands = len(mode)
    raw = Image.frombytes(mode, size, rng.randbytes(size[0] * size[1] * bands))
    table = [value * amplitude // 255 for value in range(256)] * bands
    return raw.point(table)


def _add_noise(image: Image.Image, rng: random.Random, amplitude: int) -> Image.Image:
    noise = _noise(image.size, rng, amplitude, image.mode)
    return ImageChops.add(image, noise, scale=1.0, offset=-(amplitude // 2))


def _background(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A lit table top: a vertical colour gradient with a darker vignette."""
    dark: RGB = (rng.randint(70, 120), rng.randint(50, 90), rng.randint(30, 70))
    light: RGB = (dark[0] + 60, dark[1] + 55, dark[2] + 45)
    gradient = Image.linear_gradient("L").resize(size)
    table = ImageOps.colorize(gradient, dark, light)
    vignette = ImageOps.invert(Image.radial_gradient("L")).resize(size)
    vignette = vignette.point(lambda v: 150 + v * 105 // 255)
    return ImageChops.multiply(table, Image.merge("RGB", (vignette, vignette, vignette)))


def _handwriting_line(
    draw: ImageDraw.ImageDraw, rng: random.Random, x0: int, x1: int, y: int, scale: int
) -> None:
    """Scribble word-shaped loops along a baseline, like cursive seen from afar."""
    ink = rng.choice(_INK_COLOURS)
    x = x0
    while x < x1 - scale * 3:
        word_end = min(x1, x + rng.randint(scale * 3, scale * 9))
        points: list[tuple[float, float]] = []
        while x < word_end:
            points.append((x, y - rng.uniform(0.2, 1.0) * scale))
            points.append((x + scale * rng.uniform(0.2, 0.5), y + rng.uniform(-0.1, 0.15) * scale))
            x += int(scale * rng.uniform(0.45, 0.8))
        draw.line(points, fill=ink, width=max(2, scale // 7), joint="curve")
        x += rng.randint(scale, scale * 2)


def _student_drawing(draw: ImageDraw.ImageDraw, rng: random.Random, box: tuple[int, ...]) -> None:
    """A few coloured shapes: a sticky note, circles, a triangle."""
    left, top, right, bottom = box
    span = min(right - left, bottom - top)
    for _ in range(rng.randint(3, 6)):
        colour = rng.choice(_SHAPE_COLOURS)
        cx, cy = rng.randint(left, right), rng.randint(top, bottom)
        radius = rng.randint(span // 12, span // 5)
        shape = rng.choice(("ellipse", "rect", "triangle"))
        if shape == "ellipse":
            draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
        elif shape == "rect":
            draw.rectangle((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
        else:
            draw.polygon(
                [(cx, cy - radius), (cx - radius, cy + radius), (cx + radius, cy + radius)],
                fill=colour,
            )


def _paper_sheet(size: tuple[int, int], rng: random.Random, caption: str) -> Image.Image:
    """A ruled worksheet with a printed caption, handwriting and a drawing."""
    width, height = size
    paper = Image.new("RGB", size, (rng.randint(238, 250), rng.randint(236, 246), 228))
    draw = ImageDraw.Draw(paper)
    margin = width // 12
    line_gap = max(12, height // 22)
    caption_font = _font(max(10, line_gap * 2 // 3))
    draw.text((margin, margin // 2), caption, fill=(30, 30, 30), font=caption_font)
    first_line = margin // 2 + line_gap * 2
    rows = list(range(first_line, height - margin, line_gap))
    for y in rows:
        draw.line((0, y, width, y), fill=(170, 196, 228), width=max(1, line_gap // 18))
    draw.line((margin, 0, margin, height), fill=(226, 140, 140), width=max(1, line_gap // 14))
    written = rows[: rng.randint(len(rows) // 3, max(len(rows) // 3 + 1, len(rows) * 2 // 3))]
    for y in written:
        _handwriting_line(draw, rng, margin + line_gap // 2, width - margin, y - 3, line_gap // 2)
    drawing_top = (written[-1] if written else first_line) + line_gap
    if drawing_top < height - margin * 2:
        _student_drawing(draw, rng, (margin * 2, drawing_top, width - margin * 2, height - margin))
    return paper


def _photo(size: tuple[int, int], rng: random.Random, caption: str) -> Image.Image:
    """An upright photo of a worksheet lying slightly askew on a table."""
    width, height = size
    picture = _background(size, rng)
    sheet_w = int(min(width * 0.74, height * 0.74 / 1.29))
    sheet = _paper_sheet((sheet_w, int(sheet_w * 1.29)), rng, caption)
    angle = rng.uniform(-7, 7)
    # One RGBA rotation gives the tilted sheet and its mask (alpha) together.
    tilted = sheet.convert("RGBA").rotate(angle, expand=True, resample=Image.Resampling.BILINEAR)
    mask = tilted.getchannel("A")
    left = (width - tilted.width) // 2 + rng.randint(-width // 20, width // 20)
    top = (height - tilted.height) // 2 + rng.randint(-height // 30, height // 30)
    shadow = Image.new("RGB", tilted.size, (25, 20, 15))
    offset = max(3, width // 150)
    picture.paste(shadow, (left + offset, top + offset), mask.point(lambda v: v * 90 // 255))
    picture.paste(tilted, (left, top), mask)
    return picture


def _photo_exif(caption: str, rng: random.Random, orientation: int | None) -> Image.Exif:
    exif = Image.Exif()
    exif[_EXIF_MAKE] = "Demo Camera Co."
    exif[_EXIF_MODEL] = rng.choice(("Classroom Phone 12", "Pocket Cam X2", "Tablet S8"))
    exif[_EXIF_SOFTWARE] = "Portfolio Reviewer demo data"
    exif[_EXIF_DATETIME] = (
        f"2026:{rng.randint(9, 10):02}:{rng.randint(1, 28):02} "
        f"{rng.randint(8, 15):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}"
    )
    exif[_EXIF_IMAGE_DESCRIPTION] = _ascii_fold(caption)
    if orientation is not None:
        exif[_EXIF_ORIENTATION] = orientation
    return exif


def write_photo_jpeg(
    path: Path,
    *,
    width: int,
    height: int,
    rng: random.Random,
    exif_orientation: int | None = None,
    caption: str,
    quality: int = 88,
    noise: int = 14,
) -> Path:
    """Write a camera-like JPEG of student work (paper, shapes, handwriting, sensor noise).

    `width` x `height` is the stored pixel size, as a camera writes it. With an EXIF
    orientation of 5 to 8 the upright picture is `height` x `width`, and the pixels are
    stored turned so that a viewer honouring the tag shows the sheet upright.
    """
    transpose = _STORE_FOR_ORIENTATION.get(exif_orientation or 1)
    swapped = exif_orientation in (5, 6, 7, 8)
    upright = _photo((height, width) if swapped else (width, height), rng, caption)
    stored = upright.transpose(transpose) if transpose is not None else upright
    stored = _add_noise(stored, rng, noise)
    exif = _photo_exif(caption, rng, exif_orientation)
    stored.save(path, "JPEG", quality=quality, exif=exif.tobytes(), dpi=(72, 72))
    return path


def jpeg_with_comment(data: bytes, comment: str) -> bytes:
    """Return a JPEG with a COM segment added after its APPn headers (pixels unchanged)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    position = 2
    while data[position] == 0xFF and 0xE0 <= data[position + 1] <= 0xEF:
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    payload = comment.encode("utf-8")[:65000]
    segment = b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:position] + segment + data[position:]


def _wrap(text: str, font: Font, width: float) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _scan_page(lines: Sequence[str], rng: random.Random) -> Image.Image:
    """A letter page at 150 dpi: typed text, grey paper tone, dust specks, slight skew."""
    width, height = int(8.5 * _SCAN_DPI), 11 * _SCAN_DPI
    page = Image.new("L", (width, height), rng.randint(236, 246))
    draw = ImageDraw.Draw(page)
    font, margin, leading = _font(22), 110, 32
    y = margin
    for paragraph in lines:
        for line in _wrap(paragraph, font, width - 2 * margin):
            if y > height - margin:
                break
            draw.text((margin, y), line, fill=rng.randint(20, 45), font=font)
            y += leading
        y += leading // 2
    for _ in range(rng.randint(300, 700)):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.point((x, y), fill=rng.choice((60, 110, 160, 255)))
    return page.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=240)


def write_scan_png(path: Path, *, lines: list[str], rng: random.Random) -> Path:
    """Write a greyscale 150 dpi page scan of typed text (wrapped), with slight noise and skew."""
    _scan_page(lines, rng).save(path, "PNG", dpi=(_SCAN_DPI, _SCAN_DPI), optimize=False)
    return path


def write_scan_tiff(path: Path, *, pages: list[list[str]], rng: random.Random) -> Path:
    """Write a multi-frame TIFF, one greyscale scanned page per entry of `pages`."""
    if not pages:
        raise ValueError("a TIFF needs at least one page")
    frames = [_scan_page(lines, rng) for lines in pages]
    frames[0].save(
        path,
        "TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="tiff_deflate",
        dpi=(_SCAN_DPI, _SCAN_DPI),
    )
    return path


def write_webp(
    path: Path, *, rng: random.Random, caption: str, width: int = 960, height: int = 720
) -> Path:
    """Write a small WebP photo of student work (as phones' share sheets produce)."""
    picture = _add_noise(_photo((width, height), rng, caption), rng, 10)
    picture.save(path, "WEBP", quality=80, method=4)
    return path


def write_gif(
    path: Path, *, rng: random.Random, title: str, labels: Sequence[str] = ("A", "B", "C", "D")
) -> Path:
    """Write a small palette GIF: a student-made bar chart with `title` and `labels`."""
    width, height = 480, 320
    chart = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(chart)
    font = _font(16)
    draw.text((16, 10), title, fill=(20, 20, 20), font=font)
    base, bar_w = height - 40, (width - 60) // max(1, len(labels))
    draw.line((30, 44, 30, base, width - 20, base), fill=(0, 0, 0), width=2)
    for index, label in enumerate(labels):
        left = 40 + index * bar_w
        top = base - rng.randint(30, base - 60)
        draw.rectangle((left, top, left + bar_w * 2 // 3, base), fill=_SHAPE_COLOURS[index % 6])
        draw.text((left, base + 6), label, fill=(20, 20, 20), font=_font(13))
    chart.convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(path, "GIF")
    return path


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload)
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def write_decompression_bomb_png(path: Path, *, width: int = 15_000, height: int = 15_000) -> Path:
    """Write a valid, tiny 1-bit PNG whose header declares `width` x `height` pixels.

    The default 225 megapixels is more than twice Pillow's MAX_IMAGE_PIXELS, so
    `Image.open` raises DecompressionBombError. The all-black scanlines are
    compressed row by row, so writing it needs a few kilobytes of memory.
    """
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = bytes(1 + (width + 7) // 8)  # filter byte 0 + packed zero pixels
    compressor = zlib.compressobj(9)
    idat = bytearray()
    for _ in range(height):
        idat += compressor.compress(row)
    idat += compressor.flush()
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
    data += _png_chunk(b"IDAT", bytes(idat)) + _png_chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------- text


def write_reflection_md(path: Path, text: str) -> Path:
    """Write a Markdown reflection as UTF-8 with a final newline."""
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8", newline="\n")
    return path


def write_reflection_txt(path: Path, text: str) -> Path:
    """Write a plain-text reflection as UTF-8 with a final newline."""
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8", newline="\n")
    return path


def write_latin1_text(path: Path, text: str) -> Path:
    """Write `text` in Windows-1252, as old Windows editors do; the bytes are not valid UTF-8.

    Raises ValueError when `text` has no character that makes the bytes invalid UTF-8.
    """
    data = text.replace("\n", "\r\n").encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        path.write_bytes(data)
        return path
    raise ValueError("text must hold non-ASCII characters such as é, ñ or smart quotes")
