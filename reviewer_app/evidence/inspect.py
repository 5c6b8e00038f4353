"""Decides what an evidence file is, from its bytes, and checks it is what it claims."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.readers import Inspection, InvalidEvidence, image, pdf, text
from reviewer_app.evidence.sniff import (
    HEAD_BYTES,
    IMAGE_TYPES,
    MARKDOWN,
    OCTET,
    PDF,
    TEXT,
    TEXT_TYPES,
    describe,
    sniff_bytes,
)

_MARKDOWN_SUFFIXES = {".md", ".markdown"}


def normalize_media_type(value: str | None) -> str | None:
    if value is None:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def inspect_file(path: Path, declared: str | None, name: str, limits: ImportLimits) -> Inspection:
    """What the file at `path` is; raises InvalidEvidence when its bytes contradict
    `declared` or cannot be what they seem. `name` (its name in the bundle) only tells
    Markdown from plain text, which bytes cannot."""
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    detected = sniff_bytes(head)
    declared = normalize_media_type(declared)
    media_type = declared or detected
    if media_type is None:
        if not text.looks_like_text(head):
            return Inspection(OCTET)
        markdown = PurePosixPath(name).suffix.lower() in _MARKDOWN_SUFFIXES
        media_type = MARKDOWN if markdown else TEXT

    if media_type == PDF:
        if detected != PDF:
            raise InvalidEvidence(f"is said to be a PDF but is {describe(detected)}")
        return pdf.inspect(path)
    if media_type in IMAGE_TYPES:
        if detected != media_type:
            raise InvalidEvidence(
                f"is said to be {describe(media_type)} but is {describe(detected)}"
            )
        width, height, orientation, frames = image.inspect(
            path, media_type, limits.max_image_pixels
        )
        return Inspection(
            media_type,
            width=width,
            height=height,
            exif_orientation=orientation,
            frame_count=frames,
        )
    if media_type in TEXT_TYPES:
        if detected is not None:
            raise InvalidEvidence(f"is said to be text but is {describe(detected)}")
        text.decode_text(path)
        return Inspection(media_type)
    return Inspection(media_type)
