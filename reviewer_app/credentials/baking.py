"""Baked badges: a credential carried inside its badge image (PNG or SVG).

Open Badges 3.0 (spec section "Baked Badge", ob_v3p0/docformat.md in
1EdTech/openbadges-specification):
- PNG: one uncompressed `iTXt` chunk, keyword `openbadgecredential`, text = the credential
  JSON or the compact JWS of a VC-JWT.
- SVG: `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on `<svg>`, then directly
  after it `<openbadges:credential>`: a `verify` attribute holding the compact JWS, or the
  JSON in the body wrapped in CDATA.

Open Badges 2.0 (Baking Specification 1.0):
- PNG: one uncompressed `iTXt` chunk, keyword `openbadges`, text = the signed assertion
  (JWS) or the assertion JSON. Before that spec, bakers wrote a `tEXt` chunk `openbadges`
  holding the hosted assertion's URL; those are still read.
- SVG: `xmlns:openbadges="http://openbadges.org"`, then `<openbadges:assertion>` whose
  `verify` attribute is the JWS (self-closing) or the hosted assertion URL with the
  assertion JSON in the body, in CDATA.

Everything here reads files that may come from anyone, so parsing is strict and bounded:
a damaged PNG or a hostile SVG ends in a `BakingError` with a plain message, never in a
huge allocation or a read of some other file.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.dom import Node
from xml.dom.minidom import Document, Element, Text
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.expatbuilder import DefusedExpatBuilderNS

from reviewer_app import safe_json
from reviewer_app.errors import UserError
from reviewer_app.vocabulary import CredentialFormat
from reviewer_app.wording import translate

__all__ = [
    "MAX_IMAGE_BYTES",
    "MAX_TEXT_BYTES",
    "OB2_PNG_KEYWORD",
    "OB2_SVG_NAMESPACE",
    "OB3_PNG_KEYWORD",
    "OB3_SVG_NAMESPACE",
    "BakedKind",
    "BakingError",
    "bake_png",
    "bake_svg",
    "extract_png",
    "extract_svg",
    "read_baked",
]

# The format of the credential an image holds.
BakedKind = CredentialFormat

OB3_PNG_KEYWORD: Final = "openbadgecredential"
OB2_PNG_KEYWORD: Final = "openbadges"
OB3_SVG_NAMESPACE: Final = "https://purl.imsglobal.org/ob/v3p0"
OB2_SVG_NAMESPACE: Final = "http://openbadges.org"
_SVG_ELEMENT: Final[dict[BakedKind, tuple[str, str]]] = {
    CredentialFormat.OB3: (OB3_SVG_NAMESPACE, "credential"),
    CredentialFormat.OB2: (OB2_SVG_NAMESPACE, "assertion"),
}
_PNG_KIND: Final[dict[str, BakedKind]] = {
    OB3_PNG_KEYWORD: CredentialFormat.OB3,
    OB2_PNG_KEYWORD: CredentialFormat.OB2,
}

# A credential is a few kilobytes; these bounds only stop hostile files from making us
# allocate without limit (a zTXt "bomb" inflates a thousandfold).
MAX_TEXT_BYTES: Final = 16 * 1024 * 1024
MAX_IMAGE_BYTES: Final = 64 * 1024 * 1024

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_TEXT_CHUNKS: Final = frozenset({b"iTXt", b"tEXt", b"zTXt"})
_XMLNS: Final = "http://www.w3.org/2000/xmlns/"
_MAX_SVG_DEPTH: Final = 200  # real drawings nest a few dozen deep at most
# Characters XML 1.0 cannot carry at all, not even in CDATA.
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COMPACT_JWS: Final = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")


class BakingError(UserError):
    """A badge image cannot be baked or read; the message says why, in plain words."""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _check_image_size(data: bytes) -> None:
    if len(data) > MAX_IMAGE_BYTES:
        raise BakingError(
            translate(
                "BadgeBaking",
                "The badge image is too large ({size}); "
                "badge images of up to {limit} are accepted.",
            ).format(size=_mb(len(data)), limit=_mb(MAX_IMAGE_BYTES))
        )


# --- PNG -------------------------------------------------------------------------------
#
# Both directions work on the chunk stream itself rather than through Pillow. Baking with
# Pillow's PngInfo means decoding and re-encoding the whole image: the pixels would come
# out re-compressed, colour profiles and other chunks Pillow does not know would be lost,
# and the file would no longer be the issuer's image. Reading with Pillow would also
# decode the image (and it caps text chunks at 1 MB), while the chunk walk below touches
# nothing but the chunk headers, the checksums and the few text chunks of interest.


@dataclass(frozen=True, slots=True)
class _Chunk:
    kind: bytes  # four ASCII letters, e.g. b"IDAT"
    start: int  # offset of the length field
    end: int  # offset just past the CRC

    @property
    def name(self) -> str:
        return self.kind.decode("ascii")

    @property
    def body_start(self) -> int:
        return self.start + 8

    @property
    def body_end(self) -> int:
        return self.end - 4

    def damaged(self, what: str) -> BakingError:
        return BakingError(
            translate(
                "BadgeBaking",
                "The PNG image is damaged: {problem} in its {chunk} chunk at byte {at}.",
            ).format(problem=what, chunk=self.name, at=self.start)
        )


def _png_chunks(png: bytes) -> list[_Chunk]:
    """Every chunk from IHDR to IEND, each with its CRC checked."""
    if not png.startswith(_PNG_SIGNATURE):
        raise BakingError(
            translate("BadgeBaking", "This file is not a PNG image (it does not start like one).")
        )
    view = memoryview(png)
    chunks: list[_Chunk] = []
    pos = len(_PNG_SIGNATURE)
    while True:
        if pos + 8 > len(png):
            raise BakingError(
                translate(
                    "BadgeBaking",
                    "The PNG image is cut short: it ends before its end marker (IEND). "
                    "The file was probably not copied or downloaded completely.",
                )
            )
        length, kind = struct.unpack_from(">I4s", png, pos)
        if not kind.isalpha() or length > 0x7FFF_FFFF:
            raise BakingError(
                translate(
                    "BadgeBaking", "The PNG image is damaged: there is no valid chunk at byte {at}."
                ).format(at=pos)
            )
        chunk = _Chunk(kind, pos, pos + 12 + length)
        if chunk.end > len(png):
            raise BakingError(
                translate(
                    "BadgeBaking",
                    "The PNG image is cut short: it ends inside its {chunk} chunk. "
                    "The file was probably not copied or downloaded completely.",
                ).format(chunk=chunk.name)
            )
        (crc,) = struct.unpack_from(">I", png, chunk.body_end)
        if zlib.crc32(view[pos + 4 : chunk.body_end]) != crc:
            raise BakingError(
                translate(
                    "BadgeBaking",
                    "The PNG image is damaged: its {chunk} chunk at byte {at} "
                    "fails its checksum (CRC).",
                ).format(chunk=chunk.name, at=pos)
            )
        if not chunks and kind != b"IHDR":
            raise BakingError(
                translate(
                    "BadgeBaking",
                    "The PNG image is damaged: it does not begin with its header (IHDR).",
                )
            )
        chunks.append(chunk)
        pos = chunk.end
        if kind == b"IEND":
            return chunks


def _text_keyword(png: bytes, chunk: _Chunk) -> tuple[str, int] | None:
    """The keyword of a tEXt/zTXt/iTXt chunk and the offset just past its NUL, or None
    when there is no valid keyword (1 to 79 Latin-1 bytes)."""
    start = chunk.body_start
    nul = png.find(b"\x00", start, min(chunk.body_end, start + 80))
    if nul <= start:
        return None
    return png[start:nul].decode("latin-1"), nul + 1


def _check_keyword(keyword: str) -> bytes:
    """PNG text keywords: 1-79 printable Latin-1 characters, no leading, trailing or
    double spaces."""
    raw = keyword.encode("latin-1", errors="replace")
    printable = all(32 <= b <= 126 or b >= 161 for b in raw)
    spaces_ok = keyword == keyword.strip(" ") and "  " not in keyword
    if not (1 <= len(raw) <= 79 and printable and spaces_ok and raw.decode("latin-1") == keyword):
        raise ValueError(f"not a valid PNG text keyword: {keyword!r}")
    return raw


def _make_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bake_png(image: bytes, payload: str, *, keyword: str) -> bytes:
    """`image` with `payload` baked in as one uncompressed iTXt chunk named `keyword`
    (`OB3_PNG_KEYWORD` or `OB2_PNG_KEYWORD`).

    Any text chunk already carrying that keyword is dropped first, so baking twice leaves
    one chunk. The new chunk goes just before the first IDAT: the spec allows anywhere
    after IHDR, and there readers that stop at the image data (Pillow's `info`, streaming
    extractors that "parse until the first chunk found") still see it. All other bytes of
    the file are kept exactly as they were.
    """
    raw_keyword = _check_keyword(keyword)
    if not payload.strip():
        raise ValueError("nothing to bake: the payload is empty")
    text = payload.encode("utf-8")
    if len(text) > MAX_TEXT_BYTES:
        raise BakingError(
            translate(
                "BadgeBaking", "The credential is too large to bake ({size}); the limit is {limit}."
            ).format(size=_mb(len(text)), limit=_mb(MAX_TEXT_BYTES))
        )
    _check_image_size(image)
    chunks = _png_chunks(image)
    view = memoryview(image)
    # keyword NUL, compression flag 0, method 0, empty language tag NUL, empty
    # translated keyword NUL, then the UTF-8 text.
    baked = _make_chunk(b"iTXt", raw_keyword + b"\x00\x00\x00\x00\x00" + text)
    parts: list[bytes | memoryview] = [view[: chunks[0].start]]
    inserted = False
    for chunk in chunks:
        if chunk.kind in _TEXT_CHUNKS:
            found = _text_keyword(image, chunk)
            if found is not None and found[0] == keyword:
                continue
        if chunk.kind == b"IDAT" and not inserted:
            parts.append(baked)
            inserted = True
        parts.append(view[chunk.start : chunk.end])
    if not inserted:
        raise BakingError(
            translate("BadgeBaking", "The PNG image is damaged: it holds no image data (IDAT).")
        )
    parts.append(view[chunks[-1].end :])  # anything after IEND stays too
    return b"".join(parts)


def _inflate(data: memoryview, chunk: _Chunk) -> bytes:
    """Decompress at most MAX_TEXT_BYTES; never `flush()`, which would be unbounded."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES + 1)
    except zlib.error as exc:
        raise chunk.damaged(translate("BadgeBaking", "the compressed text cannot be read")) from exc
    if len(out) > MAX_TEXT_BYTES:
        raise BakingError(
            translate(
                "BadgeBaking",
                "The {chunk} chunk at byte {at} of the PNG image unpacks to more than {limit} "
                "of text, far more than any credential; it is refused.",
            ).format(chunk=chunk.name, at=chunk.start, limit=_mb(MAX_TEXT_BYTES))
        )
    if not inflater.eof:
        raise chunk.damaged(translate("BadgeBaking", "the compressed text is cut short"))
    return out


def _decode_text(raw: bytes | memoryview, encoding: str, chunk: _Chunk) -> str:
    if len(raw) > MAX_TEXT_BYTES:
        raise BakingError(
            translate(
                "BadgeBaking",
                "The {chunk} chunk at byte {at} of the PNG image holds more than {limit} "
                "of text, far more than any credential; it is refused.",
            ).format(chunk=chunk.name, at=chunk.start, limit=_mb(MAX_TEXT_BYTES))
        )
    try:
        return str(raw, encoding)
    except UnicodeDecodeError as exc:
        raise chunk.damaged(
            translate("BadgeBaking", "the text is not valid {encoding}").format(
                encoding=encoding.upper()
            )
        ) from exc


def _itxt_text(png: bytes, chunk: _Chunk, pos: int) -> str:
    """iTXt after its keyword: compression flag and method, language tag NUL,
    translated keyword NUL, text."""
    end = chunk.body_end
    lang_end = png.find(b"\x00", pos + 2, end)
    tkey_end = png.find(b"\x00", lang_end + 1, end) if lang_end >= 0 else -1
    if tkey_end < 0:
        raise chunk.damaged(translate("BadgeBaking", "the text header is incomplete"))
    compressed, method = png[pos], png[pos + 1]
    if compressed not in (0, 1) or (compressed and method != 0):
        raise chunk.damaged(translate("BadgeBaking", "the compression method is unknown"))
    text = memoryview(png)[tkey_end + 1 : end]
    return _decode_text(_inflate(text, chunk) if compressed else text, "utf-8", chunk)


def extract_png(data: bytes) -> dict[str, str]:
    """The badge text chunks of a PNG: keyword -> text, for `openbadgecredential` (iTXt)
    and `openbadges` (iTXt, or the tEXt/zTXt of bakers older than the 2.0 spec).

    As the specs say, the first chunk of each keyword counts; an iTXt `openbadges` wins
    over a legacy one. The whole file is walked and every CRC checked, so a damaged image
    is refused rather than half read.
    """
    _check_image_size(data)
    found: dict[str, str] = {}
    legacy: dict[str, str] = {}
    for chunk in _png_chunks(data):
        if chunk.kind not in _TEXT_CHUNKS:
            continue
        keyword_at = _text_keyword(data, chunk)
        if keyword_at is None:
            continue
        keyword, pos = keyword_at
        if chunk.kind == b"iTXt":
            if keyword in _PNG_KIND and keyword not in found:
                found[keyword] = _itxt_text(data, chunk, pos)
        elif keyword == OB2_PNG_KEYWORD and keyword not in legacy:
            rest = memoryview(data)[pos : chunk.body_end]
            if chunk.kind == b"tEXt":
                legacy[keyword] = _decode_text(rest, "latin-1", chunk)
            elif not rest or rest[0] != 0:
                raise chunk.damaged(translate("BadgeBaking", "the compression method is unknown"))
            else:
                legacy[keyword] = _decode_text(_inflate(rest[1:], chunk), "latin-1", chunk)
    for keyword, text in legacy.items():
        found.setdefault(keyword, text)
    return found


# --- SVG -------------------------------------------------------------------------------
#
# minidom (through defusedxml's builder) rather than ElementTree: it keeps the SVG as it
# was written (namespace prefixes, comments, CDATA, the DOCTYPE), where ElementTree would
# rename every prefix to ns0:, ns1: and drop the rest.


def _parse_svg(data: bytes) -> tuple[Document, list[Element]]:
    """The parsed SVG and all its elements, in document order."""
    _check_image_size(data)
    try:
        # Entities (the "billion laughs") and external references are refused; a
        # DOCTYPE naming the SVG DTD is common and harmless, since nothing is fetched.
        doc = DefusedExpatBuilderNS().parseString(data)
    except EntitiesForbidden as exc:
        raise BakingError(
            translate(
                "BadgeBaking",
                "The SVG image declares XML entities, which can make a small file expand "
                "enormously or pull in other files; it is refused for safety.",
            )
        ) from exc
    except DefusedXmlException as exc:
        raise BakingError(
            translate(
                "BadgeBaking",
                "The SVG image refers to outside files through XML; it is refused for safety.",
            )
        ) from exc
    except ExpatError as exc:
        raise BakingError(
            translate("BadgeBaking", "The SVG image is not well-formed XML ({problem}).").format(
                problem=exc
            )
        ) from exc
    root = doc.documentElement
    if root is None or root.localName != "svg":
        name = translate("BadgeBaking", "none") if root is None else f"<{root.tagName}>"
        raise BakingError(
            translate(
                "BadgeBaking", "This file is not an SVG image (its root element is {name})."
            ).format(name=name)
        )
    return doc, _elements(root)


def _elements(root: Element) -> list[Element]:
    """`root` and every element under it, in document order. Walked with a stack and a
    depth limit: minidom's own walks (and its serializer) recurse, and a hostile file
    nested thousands deep would otherwise end in a RecursionError."""
    found: list[Element] = []
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > _MAX_SVG_DEPTH:
            raise BakingError(
                translate(
                    "BadgeBaking",
                    "The SVG image nests its elements more than {depth} deep; it is refused.",
                ).format(depth=_MAX_SVG_DEPTH)
            )
        found.append(element)
        children = [child for child in element.childNodes if isinstance(child, Element)]
        stack.extend((child, depth + 1) for child in reversed(children))
    return found


def _baked_kind(element: Element) -> BakedKind | None:
    for kind, (namespace, local) in _SVG_ELEMENT.items():
        if element.namespaceURI == namespace and element.localName == local:
            return kind
        # Some bakers bound the prefix to a near-miss URI (e.g. ".../spec/ob/v3p0");
        # the qualified name the specs use is still unmistakable.
        if element.tagName == f"openbadges:{local}":
            return kind
    return None


def _baked_elements(elements: list[Element]) -> list[tuple[BakedKind, Element]]:
    found: list[tuple[BakedKind, Element]] = []
    for element in elements:
        kind = _baked_kind(element)
        if kind is not None:
            found.append((kind, element))
    return found


def _element_payload(element: Element) -> str | None:
    """The body (text/CDATA) if there is one, else the `verify` attribute."""
    body = "".join(
        child.data
        for child in element.childNodes
        if child.nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE)
    ).strip()
    if body:
        return body
    verify = element.getAttribute("verify").strip()
    return verify or None


def _svg_credentials(data: bytes) -> list[tuple[BakedKind, str]]:
    found: list[tuple[BakedKind, str]] = []
    _, elements = _parse_svg(data)
    for kind, element in _baked_elements(elements):
        payload = _element_payload(element)
        if payload is not None:
            found.append((kind, payload))
    return found


def _cdata_parts(text: str) -> list[str]:
    """Split `text` so no part contains "]]>", which would end a CDATA section: each
    "]]>" is cut between "]]" and ">" and continues in the next section."""
    parts: list[str] = []
    start = 0
    while (at := text.find("]]>", start)) != -1:
        parts.append(text[start : at + 2])
        start = at + 2
    parts.append(text[start:])
    return parts


def _hosted_url(assertion_json: str) -> str | None:
    """The URL a hosted 2.0 assertion is published at (its `id`; 1.x put it in
    `verify.url`), which the 2.0 baking spec puts in the `verify` attribute."""
    try:
        assertion = safe_json.loads(assertion_json)
    except ValueError:
        return None
    if not isinstance(assertion, dict):
        return None
    verification = assertion.get("verification") or assertion.get("verify")
    candidates = [assertion.get("id")]
    if isinstance(verification, dict):
        if str(verification.get("type", "hosted")).lower() not in ("hosted", "hostedbadge"):
            return None
        candidates.append(verification.get("url"))
    for url in candidates:
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            return url
    return None


def _prefix_in_use(elements: list[Element]) -> bool:
    """Whether anything but a baked element is written with the `openbadges:` prefix."""
    for element in elements:
        if _baked_kind(element) is not None:
            continue
        if element.prefix == "openbadges":
            return True
        if any(attr.prefix == "openbadges" for attr in element.attributes.values()):
            return True
    return False


def _remove(element: Element) -> None:
    """Take a baked element out, with the line break that baking puts after it (so that
    baking again gives the same file as baking once)."""
    parent = element.parentNode
    if not isinstance(parent, Element):  # the root is <svg>, so never the document
        return
    after = element.nextSibling
    if isinstance(after, Text) and after.data.startswith("\n"):
        if after.data == "\n":
            parent.removeChild(after)
        else:
            after.data = after.data[1:]
    parent.removeChild(element)


def _serialize(doc: Document) -> bytes:
    # Written by hand so the declaration says UTF-8 and the prolog keeps its line breaks.
    text = '<?xml version="1.0" encoding="UTF-8"?>\n'
    text += "".join(node.toxml() + "\n" for node in doc.childNodes)
    return text.encode("utf-8")


def bake_svg(svg: bytes, payload: str, *, version: BakedKind, signed: bool) -> bytes:
    """`svg` with `payload` baked in, as UTF-8 XML.

    `signed`: `payload` is a compact JWS (VC-JWT for 3.0, signed assertion for 2.0) and
    goes in the `verify` attribute; otherwise it is the credential JSON and goes in the
    element's body as CDATA (for a 2.0 hosted assertion, `verify` also gets its URL).

    Any baked element already in the image, of either version, is replaced: both
    versions bind the same `openbadges:` prefix to different namespaces on `<svg>`, so
    one image carries one credential.
    """
    if not payload.strip():
        raise ValueError("nothing to bake: the payload is empty")
    if _NOT_XML.search(payload):
        raise ValueError("the payload holds characters that XML cannot carry")
    if signed and not _COMPACT_JWS.fullmatch(payload):
        raise ValueError("a signed payload must be a compact JWS (header.payload.signature)")
    namespace, local = _SVG_ELEMENT[version]
    doc, elements = _parse_svg(svg)
    root = doc.documentElement
    assert root is not None  # _parse_svg checked it
    bound = root.getAttributeNS(_XMLNS, "openbadges")
    if bound and bound not in (OB3_SVG_NAMESPACE, OB2_SVG_NAMESPACE) and _prefix_in_use(elements):
        raise BakingError(
            translate(
                "BadgeBaking",
                "The SVG image already uses the prefix “openbadges” for something else "
                "({namespace}), so a credential cannot be baked into it.",
            ).format(namespace=bound)
        )
    for _, element in _baked_elements(elements):
        _remove(element)
    root.setAttributeNS(_XMLNS, "xmlns:openbadges", namespace)
    # Namespace declarations first, as the parser orders them when the file is read back:
    # then baking a baked image again gives the very same bytes.
    for attr in [a for a in root.attributes.values() if a.namespaceURI != _XMLNS]:
        root.removeAttributeNode(attr)
        root.setAttributeNode(attr)

    element = doc.createElementNS(namespace, f"openbadges:{local}")
    if signed:
        element.setAttribute("verify", payload)
    else:
        url = _hosted_url(payload) if version == CredentialFormat.OB2 else None
        if url is not None:
            element.setAttribute("verify", url)
        for part in _cdata_parts(payload):
            element.appendChild(doc.createCDATASection(part))
    # "Directly after the <svg> tag", with a line break so the rest keeps its layout.
    first = root.firstChild
    root.insertBefore(element, first)
    root.insertBefore(doc.createTextNode("\n"), first)
    return _serialize(doc)


def extract_svg(data: bytes) -> tuple[BakedKind, str] | None:
    """The first credential baked into an SVG, as ("ob3" | "ob2", payload), or None.

    The payload is the element's body (JSON, surrounding white space removed) or, when
    it has none, its `verify` attribute (a compact JWS, or a 2.0 hosted URL).
    """
    found = _svg_credentials(data)
    return found[0] if found else None


# --- Either format ----------------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        raise BakingError(
            translate("BadgeBaking", "The badge image {name} cannot be read: {reason}.").format(
                name=path.name, reason=exc.strerror
            )
        ) from exc
    _check_image_size(data)
    return data


def read_baked(source: bytes | str | os.PathLike[str]) -> list[tuple[BakedKind, str]]:
    """Every credential baked into a PNG or SVG image (`source`: its bytes, or a path),
    at most one per kind, 3.0 first. The format is told by the content, not the name.

    A legacy PNG `openbadges` tEXt chunk is reported as "ob2"; its text is then the URL of
    a hosted assertion rather than the assertion itself.
    """
    data = source if isinstance(source, bytes) else _read_file(Path(source))
    if data.startswith(_PNG_SIGNATURE):
        texts = extract_png(data)
        return [(_PNG_KIND[k], texts[k]) for k in (OB3_PNG_KEYWORD, OB2_PNG_KEYWORD) if k in texts]
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        first: dict[BakedKind, str] = {}
        for kind, payload in _svg_credentials(data):
            first.setdefault(kind, payload)
        return [(kind, first[kind]) for kind in CredentialFormat if kind in first]
    if data.startswith(b"\x1f\x8b"):
        raise BakingError(
            translate(
                "BadgeBaking", "Compressed SVG images (.svgz) are not supported; use a plain SVG."
            )
        )
    raise BakingError(translate("BadgeBaking", "This file is neither a PNG nor an SVG image."))
