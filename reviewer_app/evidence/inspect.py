"""Decides what an evidence file is, from its bytes, and checks it is what it claims."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.readers import Inspection, InvalidEvidence, image, pdf, text
from reviewer_app.evidence.sniff import (
    GIF,
    HEAD_BYTES,
    IMAGE_TYPES,
    JPEG,
    MARKDOWN,
    OCTET,
    PDF,
    PNG,
    TEXT,
    TEXT_TYPES,
    TIFF,
    WEBP,
    sniff_bytes,
)
from reviewer_app.wording import translate

_MARKDOWN_SUFFIXES = {".md", ".markdown"}


def normalize_media_type(value: str | None) -> str | None:
    if value is None:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def in_words(media_type: str | None) -> str:
    """A media type in words for the person, in their language: 'a JPEG image'.

    (`sniff.describe` is the English original, which the window keys its own words on.)
    """
    names = {
        PDF: translate("EvidenceFiles", "a PDF"),
        JPEG: translate("EvidenceFiles", "a JPEG image"),
        PNG: translate("EvidenceFiles", "a PNG image"),
        GIF: translate("EvidenceFiles", "a GIF image"),
        WEBP: translate("EvidenceFiles", "a WebP image"),
        TIFF: translate("EvidenceFiles", "a TIFF image"),
        TEXT: translate("EvidenceFiles", "plain text"),
        MARKDOWN: translate("EvidenceFiles", "Markdown text"),
        "application/zip": translate(
            "EvidenceFiles", "a zip file (perhaps a Word or OpenDocument file)"
        ),
        "video/mp4": translate("EvidenceFiles", "an MP4 video"),
    }
    if media_type is None:
        return translate("EvidenceFiles", "of no type we recognise")
    return names.get(media_type, media_type)


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
            raise InvalidEvidence(
                translate("EvidenceFiles", "is said to be a PDF but is {kind}").format(
                    kind=in_words(detected)
                )
            )
        return pdf.inspect(path)
    if media_type in IMAGE_TYPES:
        if detected != media_type:
            raise InvalidEvidence(
                translate("EvidenceFiles", "is said to be {declared} but is {kind}").format(
                    declared=in_words(media_type), kind=in_words(detected)
                )
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
            raise InvalidEvidence(
                translate("EvidenceFiles", "is said to be text but is {kind}").format(
                    kind=in_words(detected)
                )
            )
        text.decode_text(path)
        return Inspection(media_type)
    return Inspection(media_type)
