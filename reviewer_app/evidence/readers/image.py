"""Images with Pillow: dimensions, EXIF orientation and frames at import; a thumbnail
afterwards. Pillow opens lazily, so inspecting a photo reads its header, not its pixels.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from reviewer_app.evidence.readers import InvalidEvidence
from reviewer_app.wording import translate

THUMBNAIL_SIZE = (320, 320)
EXIF_ORIENTATION = 0x0112

_PIL_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "MPO": "image/jpeg",
}


def _checked_open(path: Path, max_pixels: int) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise InvalidEvidence(
                translate(
                    "EvidenceFiles",
                    "declares more pixels than the limit of {limit} (a decompression bomb), "
                    "so it was not opened",
                ).format(limit=f"{max_pixels:,}")
            ) from None
        except UnidentifiedImageError:
            raise InvalidEvidence(
                translate("EvidenceFiles", "is not an image that can be opened")
            ) from None
        except (OSError, ValueError, SyntaxError) as e:
            raise InvalidEvidence(
                translate("EvidenceFiles", "is a damaged image ({problem})").format(problem=e)
            ) from None
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        raise InvalidEvidence(
            translate(
                "EvidenceFiles",
                "is {width} x {height} pixels, more than the limit of {limit} "
                "(a decompression bomb), so it was not opened",
            ).format(width=f"{width:,}", height=f"{height:,}", limit=f"{max_pixels:,}")
        )
    return image


def inspect(path: Path, media_type: str, max_pixels: int) -> tuple[int, int, int | None, int]:
    """(width, height, EXIF orientation, frames); raises InvalidEvidence."""
    with _checked_open(path, max_pixels) as image:
        actual = _PIL_FORMATS.get(image.format or "")
        if actual != media_type:
            raise InvalidEvidence(
                translate(
                    "EvidenceFiles", "is said to be {declared} but Pillow reads it as {found}"
                ).format(declared=media_type, found=image.format)
            )
        try:
            orientation = image.getexif().get(EXIF_ORIENTATION)
        except (OSError, ValueError, SyntaxError):
            orientation = None  # a broken EXIF block is not worth refusing a photo for
        frames = int(getattr(image, "n_frames", 1))
        width, height = image.size
    return width, height, orientation if isinstance(orientation, int) else None, frames


def thumbnail(path: Path, max_pixels: int) -> bytes:
    """A small JPEG, upright as the camera meant it; raises InvalidEvidence, OSError."""
    with _checked_open(path, max_pixels) as image:
        image.draft("RGB", THUMBNAIL_SIZE)  # JPEG: decode at a fraction of the size
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail(THUMBNAIL_SIZE)
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        out = io.BytesIO()
        upright.save(out, "JPEG", quality=80)
        return out.getvalue()
