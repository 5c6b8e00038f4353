"""Pictures of the regions annotations mark, for the earner's feedback letter.

A region is a rectangle in the coordinates annotations use (see annotations.py): PDF
points from the top-left corner of the page as shown (its /Rotate applied), or pixels of
the upright image (its EXIF orientation applied). The picture shows it the same way up.

The files are the earners' own, so nothing here trusts them: images are opened under
Pillow's decompression-bomb limit (the same limit the import applies), JPEGs are decoded
at a reduced size when the picture will be smaller anyway, and every picture is at most
MAX_SIDE pixels on its longest side, however large the rectangle. Every failure is a
`CropError`; the caller says in the letter that the picture could not be made.

PDF pages are rendered with PDFium (pypdfium2), which is not safe to call from two
threads at once: one lock guards every call.
"""

from __future__ import annotations

import ctypes
import io
import math
import threading
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from reviewer_app.evidence.limits import DEFAULT_MAX_IMAGE_PIXELS

Rect = tuple[float, float, float, float]  # x, y, width, height

MAX_SIDE = 1200  # pixels, the longest side of a picture
PDF_SCALE = 2.0  # pixels per point: sharp when printed at the page's size
# A small region is enlarged until its longest side has this many pixels, at most
# MAX_ENLARGE times what PDF_SCALE gives: a word marked on its own stays legible.
MIN_SIDE = 240
MAX_ENLARGE = 4.0
JPEG_QUALITY = 85

_pdfium_lock = threading.Lock()


class CropError(Exception):
    """The picture of a region could not be made (a damaged, hostile or missing file)."""


def _checked_rect(rect: Rect) -> Rect:
    x, y, w, h = rect
    if not all(math.isfinite(v) for v in rect) or w <= 0 or h <= 0 or x < 0 or y < 0:
        raise CropError(f"not a region: {rect}")
    return rect


def _pdf_scale(w: float, h: float) -> float:
    longest = max(w, h)
    scale = max(PDF_SCALE, min(MIN_SIDE / longest, PDF_SCALE * MAX_ENLARGE))
    return min(scale, MAX_SIDE / longest)


def pdf_region(path: Path, page: int, rect: Rect) -> bytes:
    """A PNG of the region of `page` (1-based) of the PDF at `path`."""
    import pypdfium2 as pdfium

    x, y, w, h = _checked_rect(rect)
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(path)
        except Exception as error:  # PdfiumError, OSError: a damaged or locked file
            raise CropError(f"the PDF could not be opened: {error}") from error
        try:
            if not 1 <= page <= len(document):
                raise CropError(f"the PDF has no page {page}")
            shown = document[page - 1]
            width, height = shown.get_size()  # as shown: the page's rotation applied
            right, bottom = min(x + w, width), min(y + h, height)
            if right - x < 0.5 or bottom - y < 0.5:
                raise CropError(f"the region {rect} is outside the page")
            scale = _pdf_scale(right - x, bottom - y)
            # Only the region is rendered: a crop on the bitmap, after the rotation.
            bitmap = shown.render(
                scale=scale, crop=(x, height - bottom, width - right, y), may_draw_forms=False
            )
            picture = bitmap.to_pil()
        except CropError:
            raise
        except Exception as error:
            raise CropError(f"the page could not be rendered: {error}") from error
        finally:
            document.close()
    out = io.BytesIO()
    picture.convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue()


def pdf_quote_top(path: Path, page: int, quote: str) -> float | None:
    """How far down the page as shown (points) the first occurrence of `quote` is, to put
    a note on a passage among the rectangles of its page; None if it is not found."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    words = " ".join(quote.split())[:200]  # the beginning locates it well enough
    if not words:
        return None
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(path)
        except Exception:
            return None
        try:
            if not 1 <= page <= len(document):
                return None
            shown = document[page - 1]
            text = shown.get_textpage()
            found = text.search(words).get_next()
            if found is None:
                return None
            left, _bottom, _right, top = text.get_charbox(found[0])
            width, height = shown.get_size()
            # From the page's own coordinates to the page as shown, at 10 pixels a point.
            device_x, device_y = ctypes.c_int(), ctypes.c_int()
            pdfium_c.FPDF_PageToDevice(
                shown,
                0,
                0,
                round(width * 10),
                round(height * 10),
                0,
                left,
                top,
                device_x,
                device_y,
            )
            return max(0.0, device_y.value / 10)
        except Exception:
            return None
        finally:
            document.close()


def image_region(path: Path, rect: Rect, *, max_pixels: int = DEFAULT_MAX_IMAGE_PIXELS) -> bytes:
    """A picture of the region of the upright image at `path`: a JPEG for a photo, a PNG
    for an image stored losslessly (a screenshot stays crisp)."""
    x, y, w, h = _checked_rect(rect)
    try:
        with warnings.catch_warnings():
            # Past the limit Pillow only warns, up to twice it: refused here as at import.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                stored_width, stored_height = image.size
                if stored_width * stored_height > max_pixels:
                    raise CropError(f"the image declares {stored_width} x {stored_height} pixels")
                lossless = image.format in ("PNG", "GIF", "TIFF")
                # Decode a JPEG at the smallest size that still gives the region its
                # pixels: a 1:8 decode of a large photo needs a 64th of the memory.
                longest = max(w, h)
                shrink = min(1.0, MAX_SIDE / longest)
                wanted = (math.ceil(stored_width * shrink), math.ceil(stored_height * shrink))
                image.draft("RGB", wanted)
                factor = image.size[0] / stored_width
                upright = ImageOps.exif_transpose(image)
                box = (
                    math.floor(x * factor),
                    math.floor(y * factor),
                    math.ceil((x + w) * factor),
                    math.ceil((y + h) * factor),
                )
                right = min(box[2], upright.width)
                bottom = min(box[3], upright.height)
                if right - box[0] < 1 or bottom - box[1] < 1:
                    raise CropError(f"the region {rect} is outside the image")
                region = upright.crop((box[0], box[1], right, bottom))
                region.load()
    except CropError:
        raise
    except Exception as error:  # Pillow's decoders raise almost anything on a bad file
        raise CropError(f"the image could not be read: {error}") from error
    region.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if lossless:
        if region.mode not in ("RGB", "L"):
            region = _on_white(region)
        region.save(out, "PNG", optimize=True)
    else:
        region = region.convert("RGB") if region.mode != "RGB" else region
        region.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def _on_white(image: Image.Image) -> Image.Image:
    """Transparent parts on white paper, as the letter prints them."""
    rgba = image.convert("RGBA")
    paper = Image.new("RGB", rgba.size, (255, 255, 255))
    paper.paste(rgba, mask=rgba.getchannel("A"))
    return paper
