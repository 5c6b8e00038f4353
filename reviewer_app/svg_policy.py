"""One policy for SVG images that enter the program (definition and pathway badges,
issuer logos), applied once, where they enter; what is stored is the sanitized copy.

Badge images travel: they are baked into credentials, published on the issuer's site
and opened in browsers and wallets, where an SVG's `<script>`, `onload=`, a
`javascript:` link or a `<foreignObject>` full of HTML would run as the issuer's own
page. So an SVG is parsed with entity and DTD declarations refused and its nesting
bounded, then rebuilt from an allow-list: drawing elements and presentation
attributes only, links only to parts of the same image (`#id`) or to embedded PNG or
JPEG pictures. Anything else is left out. What cannot be read safely at all (not
well-formed, entities or a DTD, nested too deep, not an SVG) is refused with a message
that names the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from io import BytesIO
from typing import Final

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from reviewer_app.errors import UserError
from reviewer_app.wording import translate

SVG_NS: Final = "http://www.w3.org/2000/svg"
XLINK_NS: Final = "http://www.w3.org/1999/xlink"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
MAX_DEPTH: Final = 100  # drawings nest a few dozen deep at most
MAX_BYTES: Final = 5 * 1024 * 1024

_ELEMENTS: Final = frozenset(
    [
        "svg",
        "a",
        "g",
        "defs",
        "title",
        "desc",
        "symbol",
        "use",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "image",
        "marker",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "style",
    ]
)
_ATTRIBUTES: Final = frozenset(
    [
        "id",
        "class",
        "style",
        "transform",
        "d",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "width",
        "height",
        "viewBox",
        "preserveAspectRatio",
        "points",
        "pathLength",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "color",
        "display",
        "visibility",
        "overflow",
        "clip-path",
        "clip-rule",
        "clipPathUnits",
        "mask",
        "maskUnits",
        "maskContentUnits",
        "filter",
        "filterUnits",
        "primitiveUnits",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "font-variant",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "baseline-shift",
        "letter-spacing",
        "word-spacing",
        "text-decoration",
        "writing-mode",
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "startOffset",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "markerWidth",
        "markerHeight",
        "markerUnits",
        "refX",
        "refY",
        "orient",
        "marker-start",
        "marker-mid",
        "marker-end",
        "in",
        "in2",
        "result",
        "stdDeviation",
        "mode",
        "operator",
        "k1",
        "k2",
        "k3",
        "k4",
        "values",
        "type",
        "tableValues",
        "slope",
        "intercept",
        "amplitude",
        "exponent",
        "flood-color",
        "flood-opacity",
        "radius",
        "vector-effect",
        "shape-rendering",
        "image-rendering",
        "text-rendering",
        "color-interpolation",
        "color-interpolation-filters",
        "isolation",
        "mix-blend-mode",
        "version",
        "href",
    ]
)
_LINKS: Final = frozenset({"href", f"{{{XLINK_NS}}}href"})
_IMAGE_DATA: Final = re.compile(r"^data:image/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$")
# In attribute values and style sheets: anything that could load or run something.
_UNSAFE_TEXT: Final = re.compile(
    r"javascript:|vbscript:|data:(?!image/(png|jpeg);base64,)|@import|expression\s*\(|"
    r"url\s*\(\s*(?!['\"]?#)|<|behavior\s*:|-moz-binding",
    re.IGNORECASE,
)

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


class SvgRefused(UserError):
    """An SVG that cannot be made safe; the message names the file and says why."""


def sanitize(data: bytes, name: str) -> bytes:
    """The safe copy of the SVG `data` (named `name` in messages), or SvgRefused."""
    return _sanitize(data, name)


@lru_cache(maxsize=16)  # one export bakes the same few images many times
def _sanitize(data: bytes, name: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise SvgRefused(
            translate("SvgPolicy", "{name} is larger than 5 MB; it is refused.").format(name=name)
        )
    root = _parse(data, name)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgRefused(
            translate(
                "SvgPolicy", "{name} is not an SVG image (its root element is {tag})."
            ).format(name=name, tag=_local(root.tag))
        )
    clean = _clean(root)
    body = ET.tostring(clean, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def looks_like_svg(data: bytes) -> bool:
    """Whether `data` means to be XML (and so must pass the policy to be kept)."""
    if data.startswith((b"\xff\xfe<\x00", b"\xfe\xff\x00<")):  # UTF-16, as XML allows
        return True
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return head.startswith(b"<")


def _parse(data: bytes, name: str) -> ET.Element:
    depth = 0
    root: ET.Element | None = None
    try:
        for event, element in iterparse(
            BytesIO(data), events=("start", "end"), forbid_dtd=True, forbid_entities=True
        ):
            if event == "start":
                depth += 1
                root = element if root is None else root
                if depth > MAX_DEPTH:
                    raise SvgRefused(
                        translate(
                            "SvgPolicy",
                            "{name} nests its elements more than {depth} deep; it is refused.",
                        ).format(name=name, depth=MAX_DEPTH)
                    )
            else:
                depth -= 1
    except DefusedXmlException:
        raise SvgRefused(
            translate(
                "SvgPolicy",
                "{name} declares a DTD or XML entities, which can make a small file expand "
                "enormously or pull in other files; it is refused for safety.",
            ).format(name=name)
        ) from None
    except ET.ParseError as e:
        raise SvgRefused(
            translate("SvgPolicy", "{name} is not well-formed XML ({problem}).").format(
                name=name, problem=e
            )
        ) from None
    if root is None:
        raise SvgRefused(translate("SvgPolicy", "{name} is empty.").format(name=name))
    return root


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _clean(root: ET.Element) -> ET.Element:
    """A copy of `root` holding only allowed elements and attributes (walked with a
    stack: the depth is bounded already, but no recursion is needed)."""
    new_root = ET.Element(root.tag)
    stack = [(root, new_root)]
    while stack:
        source, target = stack.pop()
        _copy_attributes(source, target)
        target.text = source.text
        if _local(source.tag) == "style" and _UNSAFE_TEXT.search(source.text or ""):
            target.text = None  # a style sheet that loads or runs something: left out
        for child in source:
            if not isinstance(child.tag, str):
                continue  # comments and processing instructions
            if not child.tag.startswith(f"{{{SVG_NS}}}") or _local(child.tag) not in _ELEMENTS:
                if len(target):
                    target[-1].tail = (target[-1].tail or "") + (child.tail or "")
                continue
            copy = ET.SubElement(target, child.tag)
            copy.tail = child.tail
            stack.append((child, copy))
    return new_root


def _copy_attributes(source: ET.Element, target: ET.Element) -> None:
    image = _local(source.tag) == "image"
    for key, value in source.attrib.items():
        if key in _LINKS:
            if value.startswith("#") or (image and _IMAGE_DATA.match(value)):
                target.set(key, value)
            continue
        if key == f"{{{XML_NS}}}space" or key == f"{{{XML_NS}}}lang":
            target.set(key, value)
            continue
        if key not in _ATTRIBUTES or _UNSAFE_TEXT.search(value):
            continue
        target.set(key, value)
