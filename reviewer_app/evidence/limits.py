"""The limits that keep a hostile bundle from exhausting memory or disk."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024
GiB = 1024 * MiB

# Pillow's own default (Image.MAX_IMAGE_PIXELS), kept here so that a change in Pillow's
# default does not quietly change what we accept.
DEFAULT_MAX_IMAGE_PIXELS = 89_478_485


@dataclass(frozen=True)
class ImportLimits:
    max_file_bytes: int = 200 * MiB
    max_bundle_bytes: int = 1 * GiB
    max_entries: int = 10_000
    max_ratio: float = 200.0
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
