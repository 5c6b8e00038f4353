"""Baked badge images (Open Badges 3.0 and 2.0, PNG and SVG) and the plain badge image.

Real files throughout: PNGs drawn and saved by Pillow, SVGs written to disk, read back the
way the app reads them.
"""

from __future__ import annotations

import io
import json
import struct
import tracemalloc
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngImageFile, PngInfo

from reviewer_app.credentials.badge_image import plain_badge_png, plain_badge_svg
from reviewer_app.credentials.baking import (
    MAX_TEXT_BYTES,
    OB2_PNG_KEYWORD,
    OB2_SVG_NAMESPACE,
    OB3_PNG_KEYWORD,
    OB3_SVG_NAMESPACE,
    BakingError,
    bake_png,
    bake_svg,
    extract_png,
    extract_svg,
    read_baked,
)
from reviewer_app.errors import UserError

CREDENTIAL = json.dumps(
    {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:5d7c9d4e-2f5b-4a36-9d4b-4f4b0d3c1a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Families as Partners — niveau avancé",  # non-ASCII on purpose
        "credentialSubject": {"type": ["AchievementSubject"]},
    },
    ensure_ascii=False,
)
ASSERTION = json.dumps(
    {
        "@context": "https://w3id.org/openbadges/v2",
        "id": "https://issuer.example.org/assertions/123",
        "type": "Assertion",
        "verification": {"type": "hosted"},
    }
)
JWS = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJkaWQ6ZXhhbXBsZToxMjMifQ.c2lnbmF0dXJlLWJ5dGVz"

CASES = [
    pytest.param(OB3_PNG_KEYWORD, "ob3", CREDENTIAL, id="ob3-json"),
    pytest.param(OB3_PNG_KEYWORD, "ob3", JWS, id="ob3-jwt"),
    pytest.param(OB2_PNG_KEYWORD, "ob2", ASSERTION, id="ob2-json"),
    pytest.param(OB2_PNG_KEYWORD, "ob2", JWS, id="ob2-jws"),
]


# --- Helpers ---------------------------------------------------------------------------


def png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, start, end) of every chunk, parsed independently of the code under test."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found = []
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        found.append((kind, pos, pos + 12 + length))
        pos += 12 + length
        if kind == b"IEND":
            break
    return found


def text_chunks(data: bytes, keyword: str) -> list[tuple[bytes, int, int]]:
    prefix = keyword.encode("latin-1") + b"\x00"
    return [
        (kind, start, end)
        for kind, start, end in png_chunks(data)
        if kind in (b"iTXt", b"tEXt", b"zTXt") and data[start + 8 :].startswith(prefix)
    ]


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def insert_before_iend(png: bytes, extra: bytes) -> bytes:
    iend = png.rindex(b"IEND") - 4
    return png[:iend] + extra + png[iend:]


def make_png(path: Path, pnginfo: PngInfo | None = None) -> bytes:
    """A small palette-free RGBA badge with a gradient and a shape, plus a text chunk."""
    image = Image.new("RGBA", (96, 64))
    image.putdata([(x * 2, y * 3, (x + y) % 256, 255) for y in range(64) for x in range(96)])
    ImageDraw.Draw(image).ellipse((10, 10, 54, 54), fill=(200, 40, 90, 180))
    info = pnginfo or PngInfo()
    info.add_text("Software", "test drawing")
    image.save(path, format="PNG", pnginfo=info)
    return path.read_bytes()


@pytest.fixture
def png(tmp_path: Path) -> bytes:
    return make_png(tmp_path / "badge.png")


SVG = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- drawn by hand for the tests -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 512 512" width="512" height="512">
  <style><![CDATA[ circle > title { display: none } ]]></style>
  <defs><circle id="dot" r="8"/></defs>
  <circle cx="256" cy="256" r="240" fill="#2f6f8f"/>
  <use xlink:href="#dot" x="256" y="256"/>
</svg>
"""


@pytest.fixture
def svg(tmp_path: Path) -> bytes:
    path = tmp_path / "badge.svg"
    path.write_bytes(SVG)
    return path.read_bytes()


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").tobytes()


# --- PNG -------------------------------------------------------------------------------


@pytest.mark.parametrize(("keyword", "kind", "payload"), CASES)
def test_png_round_trip(tmp_path: Path, png: bytes, keyword: str, kind: str, payload: str) -> None:
    baked = bake_png(png, payload, keyword=keyword)
    path = tmp_path / "baked.png"
    path.write_bytes(baked)

    assert extract_png(path.read_bytes()) == {keyword: payload}
    assert read_baked(path) == [(kind, payload)]
    assert read_baked(str(path)) == [(kind, payload)]


@pytest.mark.parametrize(("keyword", "kind", "payload"), CASES)
def test_png_chunk_is_uncompressed_itxt_and_nothing_else_changes(
    png: bytes, keyword: str, kind: str, payload: str
) -> None:
    baked = bake_png(png, payload, keyword=keyword)

    [(chunk_type, start, end)] = text_chunks(baked, keyword)
    assert chunk_type == b"iTXt"
    body = baked[start + 8 : end - 4]
    assert body == keyword.encode() + b"\x00" + b"\x00\x00" + b"\x00\x00" + payload.encode()
    (crc,) = struct.unpack(">I", baked[end - 4 : end])
    assert crc == zlib.crc32(b"iTXt" + body)
    # Every byte outside the inserted chunk is the original image, in order.
    assert baked[:start] + baked[end:] == png
    # It sits before the image data, after the header.
    kinds = [k for k, _, _ in png_chunks(baked)]
    assert kinds[0] == b"IHDR"
    assert kinds.index(b"iTXt") < kinds.index(b"IDAT")


@pytest.mark.parametrize(("keyword", "kind", "payload"), CASES)
def test_pillow_reads_baked_png_with_same_pixels(
    png: bytes, keyword: str, kind: str, payload: str
) -> None:
    baked = bake_png(png, payload, keyword=keyword)

    with Image.open(io.BytesIO(baked)) as image:
        assert isinstance(image, PngImageFile)
        assert image.info[keyword] == payload
        assert image.text[keyword] == payload
        assert image.info["Software"] == "test drawing"
        assert image.size == (96, 64)
    with Image.open(io.BytesIO(baked)) as image:
        image.verify()  # checks every CRC Pillow knows about
    assert pixels(baked) == pixels(png)


def test_baking_twice_replaces_the_chunk(png: bytes) -> None:
    first = bake_png(png, CREDENTIAL, keyword=OB3_PNG_KEYWORD)
    second = bake_png(first, JWS, keyword=OB3_PNG_KEYWORD)

    assert len(text_chunks(second, OB3_PNG_KEYWORD)) == 1
    assert extract_png(second) == {OB3_PNG_KEYWORD: JWS}
    assert second == bake_png(png, JWS, keyword=OB3_PNG_KEYWORD)


def test_both_versions_can_share_a_png(png: bytes) -> None:
    ob2 = bake_png(png, ASSERTION, keyword=OB2_PNG_KEYWORD)
    both = bake_png(ob2, CREDENTIAL, keyword=OB3_PNG_KEYWORD)

    assert extract_png(both) == {OB3_PNG_KEYWORD: CREDENTIAL, OB2_PNG_KEYWORD: ASSERTION}
    assert read_baked(both) == [("ob3", CREDENTIAL), ("ob2", ASSERTION)]


def test_legacy_text_and_ztxt_chunks_are_read(tmp_path: Path) -> None:
    url = "https://issuer.example.org/assertions/123"
    info = PngInfo()
    info.add_text(OB2_PNG_KEYWORD, url)
    legacy = make_png(tmp_path / "legacy.png", info)
    assert [k for k, _, _ in text_chunks(legacy, OB2_PNG_KEYWORD)] == [b"tEXt"]
    assert extract_png(legacy) == {OB2_PNG_KEYWORD: url}

    info = PngInfo()
    info.add_text(OB2_PNG_KEYWORD, url, zip=True)
    zipped = make_png(tmp_path / "zipped.png", info)
    assert [k for k, _, _ in text_chunks(zipped, OB2_PNG_KEYWORD)] == [b"zTXt"]
    assert read_baked(zipped) == [("ob2", url)]


def test_baking_over_a_legacy_chunk_leaves_one(tmp_path: Path) -> None:
    info = PngInfo()
    info.add_text(OB2_PNG_KEYWORD, "https://issuer.example.org/assertions/old")
    legacy = make_png(tmp_path / "legacy.png", info)

    baked = bake_png(legacy, ASSERTION, keyword=OB2_PNG_KEYWORD)

    assert [k for k, _, _ in text_chunks(baked, OB2_PNG_KEYWORD)] == [b"iTXt"]
    assert extract_png(baked) == {OB2_PNG_KEYWORD: ASSERTION}


def test_compressed_itxt_from_other_bakers_is_read(tmp_path: Path) -> None:
    info = PngInfo()
    info.add_itxt(OB3_PNG_KEYWORD, CREDENTIAL, zip=True)
    other = make_png(tmp_path / "other.png", info)

    assert extract_png(other) == {OB3_PNG_KEYWORD: CREDENTIAL}


def test_png_without_badge_has_nothing(png: bytes) -> None:
    assert extract_png(png) == {}
    assert read_baked(png) == []


def test_not_a_png_is_refused(tmp_path: Path) -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(jpeg, format="JPEG")

    with pytest.raises(BakingError, match="not a PNG image"):
        bake_png(jpeg.getvalue(), JWS, keyword=OB3_PNG_KEYWORD)
    with pytest.raises(BakingError, match="not a PNG image"):
        extract_png(jpeg.getvalue())
    with pytest.raises(BakingError, match="neither a PNG nor an SVG"):
        read_baked(jpeg.getvalue())
    assert issubclass(BakingError, UserError)


@pytest.mark.parametrize("cut", [20, 60, -30, -5])
def test_truncated_png_is_refused(png: bytes, cut: int) -> None:
    short = png[:cut]

    with pytest.raises(BakingError, match="cut short"):
        extract_png(short)
    with pytest.raises(BakingError, match="cut short"):
        bake_png(short, JWS, keyword=OB3_PNG_KEYWORD)


def test_bad_crc_is_refused_naming_the_chunk(png: bytes) -> None:
    [(_, start, _)] = [c for c in png_chunks(png) if c[0] == b"IDAT"][:1]
    damaged = bytearray(png)
    damaged[start + 20] ^= 0xFF

    with pytest.raises(BakingError, match=r"IDAT chunk at byte \d+ fails its checksum"):
        extract_png(bytes(damaged))
    with pytest.raises(BakingError, match="IDAT"):
        bake_png(bytes(damaged), JWS, keyword=OB3_PNG_KEYWORD)


def test_bad_crc_in_the_badge_chunk_is_refused(png: bytes) -> None:
    baked = bytearray(bake_png(png, CREDENTIAL, keyword=OB3_PNG_KEYWORD))
    [(_, _, end)] = text_chunks(bytes(baked), OB3_PNG_KEYWORD)
    baked[end - 10] ^= 0x01

    with pytest.raises(BakingError, match=r"iTXt chunk at byte \d+ fails its checksum"):
        extract_png(bytes(baked))


def _deflate_zeros(megabytes: int) -> bytes:
    """A small zlib stream that inflates to `megabytes` MB of zeros."""
    packer = zlib.compressobj(9)
    block = bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


@pytest.mark.parametrize("kind", ["zTXt", "iTXt"])
def test_compressed_text_bomb_is_bounded(png: bytes, kind: str) -> None:
    bomb = _deflate_zeros(200)  # 200 MB of text from a couple of hundred kilobytes
    assert len(bomb) < 1024 * 1024
    if kind == "zTXt":
        extra = chunk(b"zTXt", OB2_PNG_KEYWORD.encode() + b"\x00\x00" + bomb)
    else:
        extra = chunk(b"iTXt", OB3_PNG_KEYWORD.encode() + b"\x00\x01\x00\x00\x00" + bomb)
    hostile = insert_before_iend(png, extra)

    tracemalloc.start()
    try:
        with pytest.raises(BakingError, match="more than 16 MB"):
            extract_png(hostile)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_TEXT_BYTES


def test_damaged_compressed_text_is_refused(png: bytes) -> None:
    extra = chunk(b"zTXt", OB2_PNG_KEYWORD.encode() + b"\x00\x00" + b"not zlib at all")

    with pytest.raises(BakingError, match="compressed text cannot be read in its zTXt chunk"):
        extract_png(insert_before_iend(png, extra))


def test_bad_keyword_is_a_programming_error(png: bytes) -> None:
    for keyword in ("", " openbadges", "a" * 80, "open  badges", "badge\u2019s"):
        with pytest.raises(ValueError, match="keyword"):
            bake_png(png, JWS, keyword=keyword)
    with pytest.raises(ValueError, match="empty"):
        bake_png(png, " ", keyword=OB3_PNG_KEYWORD)


# --- SVG -------------------------------------------------------------------------------

SVG_CASES = [
    pytest.param("ob3", False, CREDENTIAL, id="ob3-json"),
    pytest.param("ob3", True, JWS, id="ob3-jwt"),
    pytest.param("ob2", False, ASSERTION, id="ob2-json"),
    pytest.param("ob2", True, JWS, id="ob2-jws"),
]
ELEMENT = {"ob3": f"{{{OB3_SVG_NAMESPACE}}}credential", "ob2": f"{{{OB2_SVG_NAMESPACE}}}assertion"}
PREFIXED = {"ob3": "openbadges:credential", "ob2": "openbadges:assertion"}


@pytest.mark.parametrize(("version", "signed", "payload"), SVG_CASES)
def test_svg_round_trip(
    tmp_path: Path, svg: bytes, version: str, signed: bool, payload: str
) -> None:
    baked = bake_svg(svg, payload, version=version, signed=signed)  # type: ignore[arg-type]
    path = tmp_path / "baked.svg"
    path.write_bytes(baked)

    assert extract_svg(path.read_bytes()) == (version, payload)
    assert read_baked(path) == [(version, payload)]


@pytest.mark.parametrize(("version", "signed", "payload"), SVG_CASES)
def test_svg_uses_the_spec_namespace_and_element(
    svg: bytes, version: str, signed: bool, payload: str
) -> None:
    baked = bake_svg(svg, payload, version=version, signed=signed)  # type: ignore[arg-type]
    text = baked.decode("utf-8")
    namespace = OB3_SVG_NAMESPACE if version == "ob3" else OB2_SVG_NAMESPACE

    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert f'xmlns:openbadges="{namespace}"' in text
    root = ElementTree.fromstring(baked)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    first = root[0]  # directly after the <svg> tag
    assert first.tag == ELEMENT[version]
    assert len(root.findall(ELEMENT[version])) == 1
    if signed:
        assert first.get("verify") == payload
        assert not (first.text or "").strip()
        assert f'<{PREFIXED[version]} verify="{payload}"/>' in text
    else:
        assert first.text == payload
        assert f"<{PREFIXED[version]}" in text
        assert f"<![CDATA[{payload}]]>" in text
    # The rest of the drawing is still there, with its prefixes, comment and CDATA.
    assert '<use xlink:href="#dot" x="256" y="256"/>' in text
    assert "<!-- drawn by hand for the tests -->" in text
    assert "<![CDATA[ circle > title { display: none } ]]>" in text
    assert "<!DOCTYPE svg" in text


def test_ob2_hosted_assertion_gets_its_url_in_verify(svg: bytes) -> None:
    baked = bake_svg(svg, ASSERTION, version="ob2", signed=False)

    element = ElementTree.fromstring(baked)[0]
    assert element.get("verify") == "https://issuer.example.org/assertions/123"
    assert extract_svg(baked) == ("ob2", ASSERTION)  # the body wins over the URL


def test_svg_baking_twice_replaces(svg: bytes) -> None:
    once = bake_svg(svg, CREDENTIAL, version="ob3", signed=False)
    twice = bake_svg(once, JWS, version="ob3", signed=True)

    root = ElementTree.fromstring(twice)
    assert len(root.findall(ELEMENT["ob3"])) == 1
    assert extract_svg(twice) == ("ob3", JWS)
    assert twice == bake_svg(svg, JWS, version="ob3", signed=True)
    assert bake_svg(twice, JWS, version="ob3", signed=True) == twice


def test_svg_baking_other_version_replaces(svg: bytes) -> None:
    ob2 = bake_svg(svg, ASSERTION, version="ob2", signed=False)
    ob3 = bake_svg(ob2, CREDENTIAL, version="ob3", signed=False)

    root = ElementTree.fromstring(ob3)
    assert root.findall(ELEMENT["ob2"]) == []
    assert len(root.findall(ELEMENT["ob3"])) == 1
    assert read_baked(ob3) == [("ob3", CREDENTIAL)]
    assert ob3 == bake_svg(svg, CREDENTIAL, version="ob3", signed=False)


@pytest.mark.parametrize(
    "payload",
    [
        '{"note": "a]]>b"}',
        '{"note": "]]>]]>"}',
        '{"note": "]]]]>>"}',
        '{"a": "]]"}',
    ],
)
def test_cdata_end_marker_in_payload(svg: bytes, payload: str) -> None:
    baked = bake_svg(svg, payload, version="ob3", signed=False)

    assert ElementTree.fromstring(baked)[0].text == payload
    assert extract_svg(baked) == ("ob3", payload)
    assert json.loads(extract_svg(baked)[1]) == json.loads(payload)  # type: ignore[index]


def test_spec_style_svg_is_read() -> None:
    """Shaped like the specs' examples: whitespace around the CDATA, prefix declared."""
    ob3 = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OB3_SVG_NAMESPACE}"
  viewBox="0 0 512 512">
  <openbadges:credential>
    <![CDATA[
      {CREDENTIAL}
    ]]>
  </openbadges:credential>
  <!-- rest-of-image -->
</svg>""".encode()
    ob2 = f"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OB2_SVG_NAMESPACE}">
  <openbadges:assertion verify="{JWS}"/>
</svg>""".encode()

    assert extract_svg(ob3) == ("ob3", CREDENTIAL)
    assert extract_svg(ob2) == ("ob2", JWS)
    assert bake_svg(ob3, JWS, version="ob3", signed=True).count(b"openbadges:credential") == 1


def test_svg_without_credential_gives_none(svg: bytes) -> None:
    assert extract_svg(svg) is None
    assert read_baked(svg) == []


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>
"""


def test_billion_laughs_svg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.svg"
    path.write_bytes(BILLION_LAUGHS)

    with pytest.raises(BakingError, match="declares XML entities"):
        bake_svg(path.read_bytes(), JWS, version="ob3", signed=True)
    with pytest.raises(BakingError, match="declares XML entities"):
        extract_svg(path.read_bytes())
    with pytest.raises(BakingError, match="refused for safety"):
        read_baked(path)


def test_external_entity_svg_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    hostile = f"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&leak;</text></svg>
""".encode()

    with pytest.raises(BakingError, match="refused for safety") as refused:
        bake_svg(hostile, JWS, version="ob3", signed=True)
    assert "top secret" not in str(refused.value)
    with pytest.raises(BakingError, match="refused for safety"):
        extract_svg(hostile)


def test_external_parameter_entity_svg_is_refused(tmp_path: Path) -> None:
    hostile = f"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY % remote SYSTEM "{(tmp_path / "x.dtd").as_uri()}"> %remote;]>
<svg xmlns="http://www.w3.org/2000/svg"/>
""".encode()

    with pytest.raises(BakingError, match="refused for safety"):
        extract_svg(hostile)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "not well-formed"),
        (b"<html><body/></html>", r"not an SVG image \(its root element is <html>\)"),
        (b"\x1f\x8b\x08\x00compressed", "svgz"),
        (b"GIF89a....", "neither a PNG nor an SVG"),
    ],
)
def test_bad_svg_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        read_baked(data)


def test_deeply_nested_svg_is_refused_not_crashed() -> None:
    def nested(depth: int) -> bytes:
        inner = "<g>" * depth + "</g>" * depth
        return f'<svg xmlns="http://www.w3.org/2000/svg">{inner}</svg>'.encode()

    for hostile in (nested(250), nested(20_000)):
        with pytest.raises(BakingError, match="nests its elements"):
            extract_svg(hostile)
        with pytest.raises(BakingError, match="nests its elements"):
            bake_svg(hostile, JWS, version="ob3", signed=True)
    # A deep but sane drawing still works.
    assert extract_svg(bake_svg(nested(150), JWS, version="ob3", signed=True)) == ("ob3", JWS)


def test_svg_using_the_prefix_for_something_else_is_refused() -> None:
    other = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:example:other">
  <openbadges:note>not a badge</openbadges:note>
</svg>"""

    assert extract_svg(other) is None
    with pytest.raises(BakingError, match="already uses the prefix"):
        bake_svg(other, JWS, version="ob3", signed=True)


def test_near_miss_namespace_from_other_bakers_is_read_and_replaced() -> None:
    near_miss = f"""<svg xmlns="http://www.w3.org/2000/svg"
  xmlns:openbadges="https://purl.imsglobal.org/spec/ob/v3p0">
  <openbadges:credential verify="{JWS}"/>
</svg>""".encode()

    assert extract_svg(near_miss) == ("ob3", JWS)
    rebaked = bake_svg(near_miss, CREDENTIAL, version="ob3", signed=False)
    assert f'xmlns:openbadges="{OB3_SVG_NAMESPACE}"'.encode() in rebaked
    assert rebaked.count(b"<openbadges:credential") == 1
    assert extract_svg(rebaked) == ("ob3", CREDENTIAL)


def test_bad_svg_payloads_are_programming_errors(svg: bytes) -> None:
    with pytest.raises(ValueError, match="compact JWS"):
        bake_svg(svg, CREDENTIAL, version="ob3", signed=True)
    with pytest.raises(ValueError, match="empty"):
        bake_svg(svg, "  ", version="ob3", signed=False)
    with pytest.raises(ValueError, match="XML cannot carry"):
        bake_svg(svg, '{"a": "\x00"}', version="ob3", signed=False)


# --- Either format ---------------------------------------------------------------------


def test_read_baked_goes_by_content_not_name(tmp_path: Path, png: bytes, svg: bytes) -> None:
    png_named_svg = tmp_path / "really-a-png.svg"
    png_named_svg.write_bytes(bake_png(png, JWS, keyword=OB3_PNG_KEYWORD))
    svg_named_png = tmp_path / "really-an-svg.png"
    baked_svg = bake_svg(svg, ASSERTION, version="ob2", signed=False)
    svg_named_png.write_bytes(b"\xef\xbb\xbf" + baked_svg)  # with a byte-order mark

    assert read_baked(png_named_svg) == [("ob3", JWS)]
    assert read_baked(svg_named_png) == [("ob2", ASSERTION)]


def test_read_baked_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BakingError, match=r"missing\.png cannot be read"):
        read_baked(tmp_path / "missing.png")


# --- Plain badge image -----------------------------------------------------------------

TITLES = [
    "Families as Partners in Early Learning",
    "Teamwork",
    "Supporting Multilingual Learners Through Inclusive Classroom Practice and Assessment",
    "Pneumonoultramicroscopicsilicovolcanoconiosis Awareness",
    "",
]


@pytest.mark.parametrize("title", TITLES)
def test_plain_badge_png_is_deterministic_and_valid(tmp_path: Path, title: str) -> None:
    data = plain_badge_png(title)
    assert data == plain_badge_png(title)
    path = tmp_path / "plain.png"
    path.write_bytes(data)

    with Image.open(path) as image:
        assert isinstance(image, PngImageFile)
        assert image.size == (400, 400)
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]  # round: clear corners
        assert image.getpixel((200, 30))[3] == 255  # type: ignore[index]
        image.load()
        assert not image.text  # no metadata that could vary
    assert {k for k, _, _ in png_chunks(data)} <= {b"IHDR", b"IDAT", b"IEND"}


def test_plain_badge_png_colour_and_size_follow_the_title() -> None:
    def disc(data: bytes) -> tuple[int, ...]:
        with Image.open(io.BytesIO(data)) as image:
            return tuple(image.getpixel((image.width // 2, 12)))  # type: ignore[arg-type]

    a, b = plain_badge_png("Teamwork"), plain_badge_png("Assessment Literacy")
    assert a != b
    assert disc(a) != disc(b)
    with Image.open(io.BytesIO(plain_badge_png("Teamwork", size=128))) as small:
        assert small.size == (128, 128)


def test_plain_badge_png_can_be_baked() -> None:
    baked = bake_png(plain_badge_png("Teamwork"), CREDENTIAL, keyword=OB3_PNG_KEYWORD)
    assert read_baked(baked) == [("ob3", CREDENTIAL)]


@pytest.mark.parametrize("title", TITLES)
def test_plain_badge_svg_is_deterministic_and_valid(title: str) -> None:
    data = plain_badge_svg(title)
    assert data == plain_badge_svg(title)

    root = ElementTree.fromstring(data)
    svg_ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg_ns}svg"
    assert root.get("viewBox") == "0 0 400 400"
    assert len(root.findall(f"{svg_ns}circle")) == 2
    lines = [t.text or "" for t in root.iter(f"{svg_ns}tspan")]
    assert len(lines) <= 4
    if title:
        assert root.findtext(f"{svg_ns}title") == title
        assert len(lines) >= 1
        assert " ".join(lines).replace("...", "").split()[0] in title


def test_plain_badge_svg_escapes_and_can_be_baked() -> None:
    title = 'Tags <b> & "quotes"'
    data = plain_badge_svg(title)

    assert ElementTree.fromstring(data).findtext("{http://www.w3.org/2000/svg}title") == title
    baked = bake_svg(data, JWS, version="ob3", signed=True)
    assert extract_svg(baked) == ("ob3", JWS)


def test_plain_badge_wraps_long_titles_in_two_to_four_lines() -> None:
    root = ElementTree.fromstring(plain_badge_svg(TITLES[0]))
    lines = [t.text for t in root.iter("{http://www.w3.org/2000/svg}tspan")]
    assert 2 <= len(lines) <= 4
    assert " ".join(lines) == TITLES[0]  # type: ignore[arg-type]
