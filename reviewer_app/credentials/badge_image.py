"""A plain badge image for micro-credentials whose definition brings none.

A calm coloured disc with a light inner ring and the title in white, wrapped in up to four
lines (a single word stays on one). The colour comes from a hash of the title, so a badge
looks the same every time it is drawn, and the files are byte-for-byte reproducible: the
PNG is written without timestamps or other varying metadata.

The PNG and the SVG share one layout, measured with the same font, so the two look alike.
"""

from __future__ import annotations

import colorsys
import functools
import hashlib
import importlib.util
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

__all__ = ["plain_badge_png", "plain_badge_svg"]

_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Bold DejaVu if reportlab ships it; this reportlab ships Bitstream Vera, the family
# DejaVu grew from, which looks the same for Latin titles.
_FONT_FILES: Final = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "VeraBd.ttf", "Vera.ttf")
_SVG_FONTS: Final = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
_SVG_SIZE: Final = 400
_MAX_LINES: Final = 4
_LINE_SPACING: Final = 1.2
_CAP_HEIGHT: Final = 0.73  # of the font size, DejaVu/Vera: puts SVG baselines at centres
_SUPERSAMPLE: Final = 4  # Pillow draws shapes without anti-aliasing; draw big, shrink
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@functools.cache
def _font_file() -> Path | None:
    """A font bundled with reportlab, found without importing reportlab."""
    spec = importlib.util.find_spec("reportlab")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        for name in _FONT_FILES:
            path = Path(location) / "fonts" / name
            if path.is_file():
                return path
    return None


@functools.lru_cache(maxsize=128)
def _font(size: int) -> _Font:
    path = _font_file()
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


# --- Colour ----------------------------------------------------------------------------


def _luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour with channels in 0..1."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _colours(title: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(disc, ring) colours: a muted hue from the title, dark enough that white text on
    it reaches the WCAG AA contrast of 4.5:1."""
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    hue = int.from_bytes(digest[:4], "big") / 2**32
    lightness = 0.42
    while True:
        rgb = colorsys.hls_to_rgb(hue, lightness, 0.42)
        if 1.05 / (_luminance(rgb) + 0.05) >= 4.5 or lightness <= 0.2:
            break
        lightness -= 0.01
    ring = colorsys.hls_to_rgb(hue, min(lightness + 0.25, 0.85), 0.35)

    def to8(c: tuple[float, float, float]) -> tuple[int, int, int]:
        return (round(c[0] * 255), round(c[1] * 255), round(c[2] * 255))

    return to8(rgb), to8(ring)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# --- Layout ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    size: int
    font_size: int
    lines: tuple[str, ...]

    @property
    def radius(self) -> float:  # the disc
        return self.size * 0.47

    @property
    def ring_radius(self) -> float:
        return self.size * 0.41

    @property
    def ring_width(self) -> float:
        return max(1.0, self.size * 0.012)

    def line_centres(self) -> list[float]:
        step = self.font_size * _LINE_SPACING
        top = self.size / 2 - step * (len(self.lines) - 1) / 2
        return [top + i * step for i in range(len(self.lines))]


def _clean(title: str) -> list[str]:
    return _NOT_XML.sub("", title).split()


def _line_width(lines: int, font_size: int, text_radius: float) -> float:
    """The width every line may take: that of the outermost line, whose far edge must stay
    inside the circle of radius `text_radius`."""
    step = font_size * _LINE_SPACING
    reach = step * (lines - 1) / 2 + font_size * 0.6  # centre offset + half a line
    if reach >= text_radius:
        return 0.0
    return 2 * math.sqrt(text_radius**2 - reach**2)


def _wrap(words: list[str], font: _Font, width: float, max_lines: int) -> list[str] | None:
    """Greedy word wrap into at most `max_lines` lines of `width`, or None."""
    lines: list[str] = []
    for word in words:
        if font.getlength(word) > width:
            return None
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
            if len(lines) > max_lines:
                return None
    return lines


def _pieces(word: str, font: _Font, width: float) -> list[str]:
    """`word` cut into pieces that each fit `width` (for words too long for any line)."""
    pieces = [""]
    for char in word:
        if pieces[-1] and font.getlength(pieces[-1] + char) > width:
            pieces.append(char)
        else:
            pieces[-1] += char
    return pieces


def _squeeze(words: list[str], font: _Font, width: float) -> list[str]:
    """Last resort at the smallest size: cut words too long for a line, wrap, and end the
    last allowed line with "..." when the title runs longer."""
    lines: list[str] = []
    for piece in (p for word in words for p in _pieces(word, font, width)):
        if lines and font.getlength(f"{lines[-1]} {piece}") <= width:
            lines[-1] = f"{lines[-1]} {piece}"
        else:
            lines.append(piece)
    if len(lines) > _MAX_LINES:
        last = lines[_MAX_LINES - 1]
        while last and font.getlength(last.rstrip() + "...") > width:
            last = last[:-1]
        lines = [*lines[: _MAX_LINES - 1], last.rstrip() + "..."]
    return lines


def _layout(title: str, size: int) -> _Layout:
    """The largest font size (and fewest lines at that size) that fits the title."""
    words = _clean(title)
    text_radius = size * 0.37  # inside the ring, with a margin
    largest, smallest = max(8, round(size * 0.13)), max(6, round(size * 0.045))
    if not words:
        return _Layout(size, largest, ())
    for font_size in range(largest, smallest - 1, -1):
        font = _font(font_size)
        for count in range(1, _MAX_LINES + 1):
            width = _line_width(count, font_size, text_radius)
            lines = _wrap(words, font, width, count)
            if lines is not None:
                return _Layout(size, font_size, tuple(lines))
    width = _line_width(_MAX_LINES, smallest, text_radius)
    return _Layout(size, smallest, tuple(_squeeze(words, _font(smallest), width)))


# --- Output ----------------------------------------------------------------------------


# Drawing one takes tens of milliseconds (a supersampled disc, shrunk with Lanczos, and
# the PNG at its best compression); an export bakes the same badge into every credential
# of a definition and publishes it too, so the last few drawn are kept.
@functools.lru_cache(maxsize=16)
def plain_badge_png(title: str, size: int = 400) -> bytes:
    """A round badge of `size` x `size` pixels (transparent corners) showing `title`."""
    if size < 32:
        raise ValueError(f"a badge image needs at least 32 pixels a side, not {size}")
    layout = _layout(title, size)
    disc, ring = _colours(title)

    big = size * _SUPERSAMPLE
    shapes = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    centre = big / 2

    def circle(radius: float) -> tuple[float, float, float, float]:
        return (centre - radius, centre - radius, centre + radius, centre + radius)

    draw.ellipse(circle(layout.radius * _SUPERSAMPLE), fill=(*disc, 255))
    draw.ellipse(
        circle(layout.ring_radius * _SUPERSAMPLE),
        outline=(*ring, 255),
        width=round(layout.ring_width * _SUPERSAMPLE),
    )
    image = shapes.resize((size, size), Image.Resampling.LANCZOS)

    # Text goes on at full size: FreeType anti-aliases it already.
    font = _font(layout.font_size)
    draw = ImageDraw.Draw(image)
    # Centre every line on the same reference box so lines with and without
    # descenders sit evenly.
    _, ref_top, _, ref_bottom = font.getbbox("Hg")
    for line, y in zip(layout.lines, layout.line_centres(), strict=True):
        left, _, right, _ = font.getbbox(line)
        x = size / 2 - (left + right) / 2
        draw.text((x, y - (ref_top + ref_bottom) / 2), line, font=font, fill=(255, 255, 255, 255))

    out = io.BytesIO()
    # No pnginfo, no dpi: Pillow then writes no tIME/tEXt, so equal titles give equal bytes.
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()


def plain_badge_svg(title: str) -> bytes:
    """The same badge as an SVG (400 x 400 user units), as UTF-8 bytes."""
    layout = _layout(title, _SVG_SIZE)
    disc, ring = _colours(title)
    label = " ".join(_clean(title))
    c = _SVG_SIZE / 2

    def num(value: float) -> str:
        return f"{value:.2f}".rstrip("0").rstrip(".")

    tspans = "".join(
        f'\n    <tspan x="{num(c)}" y="{num(y + layout.font_size * _CAP_HEIGHT / 2)}">'
        f"{escape(line)}</tspan>"
        for line, y in zip(layout.lines, layout.line_centres(), strict=True)
    )
    text = (
        f'\n  <text font-family="{_SVG_FONTS}" font-weight="bold" '
        f'font-size="{layout.font_size}" fill="#ffffff" text-anchor="middle">{tspans}\n  </text>'
        if layout.lines
        else ""
    )
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_SVG_SIZE}" height="{_SVG_SIZE}" '
        f'viewBox="0 0 {_SVG_SIZE} {_SVG_SIZE}" role="img" aria-label={quoteattr(label)}>\n'
        f"  <title>{escape(label)}</title>\n"
        f'  <circle cx="{num(c)}" cy="{num(c)}" r="{num(layout.radius)}" fill="{_hex(disc)}"/>\n'
        f'  <circle cx="{num(c)}" cy="{num(c)}" r="{num(layout.ring_radius)}" fill="none" '
        f'stroke="{_hex(ring)}" stroke-width="{num(layout.ring_width)}"/>'
        f"{text}\n"
        "</svg>\n"
    )
    return svg.encode("utf-8")
