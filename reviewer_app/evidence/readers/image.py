"""Images with Pillow: dimensions, EXIF orientation and frames at import; a thumbnail
afterwards. Pillow opens lazily, so inspecting a photo reads its header, not its pixels.

Pillow's decoders raise almost anything on a damaged or crafted file (TypeError,
KeyError, struct.error, SyntaxError...): every failure becomes InvalidEvidence with the
problem in words. Counting frames walks every TIFF directory or GIF frame, so it stops at
MAX_FRAMES or FRAME_SECONDS: a small file of 50,000 directories would otherwise hold the
data folder's lock for minutes.
"""

from __future__ import annotations

import contextlib
import io
import time
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from reviewer_app.evidence.readers import InvalidEvidence
from reviewer_app.wording import translate

THUMBNAIL_SIZE = (320, 320)
MAX_FRAMES = 1000
FRAME_SECONDS = 5.0
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
        except Exception as e:
            raise _damaged(e) from None
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


def _damaged(error: BaseException) -> InvalidEvidence:
    problem = str(error).strip()[:200] or type(error).__name__
    return InvalidEvidence(
        translate("EvidenceFiles", "is a damaged image ({problem})").format(problem=problem)
    )


def _too_many_frames() -> InvalidEvidence:
    return InvalidEvidence(
        translate(
            "EvidenceFiles",
            "has more than {limit} pages or frames, or takes too long to count them, "
            "so it was not opened",
        ).format(limit=f"{MAX_FRAMES:,}")
    )


def count_frames(image: Image.Image) -> int:
    """Frames of a multi-frame image, seeking one by one (never `n_frames`, which walks
    the whole file); raises InvalidEvidence past MAX_FRAMES or FRAME_SECONDS."""
    if not getattr(image, "is_animated", False) and image.format != "TIFF":
        return 1
    deadline = time.monotonic() + FRAME_SECONDS
    frames = 1
    try:
        while True:
            try:
                image.seek(frames)
            except EOFError:
                break
            frames += 1
            if frames > MAX_FRAMES or time.monotonic() > deadline:
                raise _too_many_frames()
    finally:
        with contextlib.suppress(Exception):
            image.seek(0)
    return frames


def inspect(path: Path, media_type: str, max_pixels: int) -> tuple[int, int, int | None, int]:
    """(width, height, EXIF orientation, frames); raises InvalidEvidence."""
    try:
        return _inspect(path, media_type, max_pixels)
    except InvalidEvidence:
        raise
    except Exception as e:
        raise _damaged(e) from None


def _inspect(path: Path, media_type: str, max_pixels: int) -> tuple[int, int, int | None, int]:
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
        except Exception:
            orientation = None
        frames = count_frames(image)
        width, height = image.size
    return width, height, orientation if isinstance(orientation, int) else None, frames


def thumbnail(path: Path, max_pixels: int) -> bytes:
    """A small JPEG, upright as the camera meant it; raises InvalidEvidence."""
    try:
        return _thumbnail(path, max_pixels)
    except InvalidEvidence:
        raise
    except Exception as e:
        raise _damaged(e) from None


def _thumbnail(path: Path, max_pixels: int) -> bytes:
    with _checked_open(path, max_pixels) as image:
        # JPEG: decode at a fraction of the size (1/2 to 1/8), the smallest that still
        # covers the thumbnail. Asked for with the thumbnail's own shape, not the square
        # box: a 3264 x 2448 photo asked for 320 x 320 decodes at 1/4 (816 x 612) since
        # 1/8 is 306 high, when 320 x 240 is all the thumbnail needs.
        image.draft("RGB", _fitted(image.size))
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail(THUMBNAIL_SIZE)
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        out = io.BytesIO()
        upright.save(out, "JPEG", quality=80)
        return out.getvalue()


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """The thumbnail's size for an image of `size`: within THUMBNAIL_SIZE, same shape."""
    width, height = size
    scale = min(THUMBNAIL_SIZE[0] / max(width, 1), THUMBNAIL_SIZE[1] / max(height, 1), 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))
