"""Online text (a platform's HTML) as plain text: never rendered, only read.

The standard library's `html.parser` reads the markup; what comes out is the text with
its paragraphs and line breaks, and after it the links (text and address) and images
(alternative text and source) the HTML held, listed. Scripts, styles and every other
element give nothing but their text; no address is ever followed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reviewer_app.wording import translate

MAX_HTML_BYTES = 5 * 1024 * 1024
# Elements that end a paragraph or a line of the text.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "table", "tr", "figure", "figcaption", "hr", "address", "header",
        "footer", "li", "dd", "dt",
    }
)  # fmt: skip
_SILENT = frozenset({"script", "style", "head", "title", "template", "noscript", "iframe"})
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.line: list[str] = []
        self.lines: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self._silent = 0
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _SILENT:
            self._silent += 1
        elif tag == "br":
            self._end_line()
        elif tag in _BLOCKS:
            self._end_paragraph()
            if tag == "li":
                self.line.append("- ")
        elif tag == "a":
            self._link = (values.get("href", "").strip(), [])
        elif tag == "img":
            alt = values.get("alt", "").strip()
            self.images.append((alt, values.get("src", "").strip()))
            if alt:
                self.line.append(f"[{alt}]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SILENT:
            self._silent -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SILENT:
            self._silent = max(0, self._silent - 1)
        elif tag in _BLOCKS:
            self._end_paragraph()
        elif tag == "a" and self._link is not None:
            href, words = self._link
            self._link = None
            if href:
                self.links.append((" ".join("".join(words).split()), href))

    def handle_data(self, data: str) -> None:
        if self._silent:
            return
        self.line.append(data)
        if self._link is not None:
            self._link[1].append(data)

    def _end_line(self) -> None:
        line = " ".join("".join(self.line).split())
        self.line = []
        if line:
            self.lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self.lines:
            self.paragraphs.append("\n".join(self.lines))
            self.lines = []


def html_to_text(raw: bytes) -> str:
    """The text of an HTML document, paragraphs apart, then its links and images."""
    reader = _Reader()
    reader.feed(_decode(raw))
    reader.close()
    reader._end_paragraph()
    parts = list(reader.paragraphs)
    if reader.links:
        heading = translate("OnlineText", "Links:")
        lines = [f"- {words} <{href}>" if words else f"- <{href}>" for words, href in reader.links]
        parts.append("\n".join([heading, *lines]))
    if reader.images:
        heading = translate("OnlineText", "Images:")
        lines = [f"- {alt} ({src})" if alt else f"- {src or '?'}" for alt, src in reader.images]
        parts.append("\n".join([heading, *lines]))
    return _CONTROLS.sub("", "\n\n".join(parts))


def links_of(raw: bytes) -> list[str]:
    """The addresses an HTML document links to, in order (a Canvas URL entry's)."""
    reader = _Reader()
    reader.feed(_decode(raw))
    reader.close()
    return [href for _words, href in reader.links]


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
