"""One SVG policy where images enter: hostile SVGs are refused with the file named,
or stored sanitized, and only sanitized SVG is baked and published (issue 12,
items 15 and 16). The hostile images are made here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewer_app import svg_policy
from reviewer_app.credentials.export import ExportError, export
from reviewer_app.credentials.issuers import IssuerError, create_issuer
from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Definition, IssuedCredential, Issuer
from tests.credentials.conftest import PASSPHRASE

PNG_DATA = "data:image/png;base64,iVBORw0KGgo="
HOSTILE = f"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
  viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <a href="javascript:alert(2)"><rect width="10" height="10" fill="url(#g)"/></a>
  <rect width="5" height="5" onclick="alert(3)" style="fill:blue"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">
    <iframe src="https://evil.example"/></div></foreignObject>
  <use xlink:href="#g"/><use href="https://evil.example/sprite.svg#x"/>
  <image href="{PNG_DATA}" width="1" height="1"/>
  <image xlink:href="https://evil.example/track.png" width="1" height="1"/>
  <style>@import url(https://evil.example/x.css);</style>
  <text x="1" y="9" font-family="serif">Badge</text>
</svg>""".encode()
ENTITIES = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>"""


def deep_svg(levels: int = 100_000) -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * levels + b"</g>" * levels + b"</svg>"
    )


UNSAFE = (
    "<script",
    "onload=",
    "onclick=",
    "javascript:",
    "foreignObject",
    "evil.example",
    "iframe",
)


def assert_safe(data: bytes) -> None:
    text = data.decode("utf-8")
    for word in UNSAFE:
        assert word not in text, word


def test_hostile_svg_is_sanitized_by_the_allow_list() -> None:
    clean = svg_policy.sanitize(HOSTILE, "badge.svg")
    assert_safe(clean)
    text = clean.decode()
    for kept in ('fill="url(#g)"', "<text", "Badge", 'href="#g"', PNG_DATA, "fill:blue"):
        assert kept in text, kept
    assert svg_policy.sanitize(clean, "again.svg") == clean  # stable once clean


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (ENTITIES, "DTD or XML entities"),
        (deep_svg(), "more than 100 deep"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "not well-formed"),
        (b"<html><body/></html>", "not an SVG image"),
    ],
)
def test_what_cannot_be_made_safe_is_refused_naming_the_file(data: bytes, words: str) -> None:
    with pytest.raises(svg_policy.SvgRefused, match=words) as caught:
        svg_policy.sanitize(data, "'badge.svg'")
    assert "'badge.svg'" in str(caught.value)


def _definition_with_image(tmp_path: Path, image: bytes) -> Path:
    source = resource("demo", "definitions", "cultural-proficiency-1.json")
    folder = tmp_path / "defs"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    (folder / "cultural-proficiency.svg").write_bytes(image)
    return folder / source.name


def _stored_image(folder: DataFolder) -> bytes:
    with folder.sessions() as session:
        sha = session.scalars(
            select(Definition.image_sha256).where(Definition.name.like("Culturally%"))
        ).one()
    assert sha is not None
    return (folder.store.objects / sha[:2] / sha).read_bytes()


def test_definitions_add_stores_the_sanitized_image(folder: DataFolder, tmp_path: Path) -> None:
    report = add_files(folder, [_definition_with_image(tmp_path, HOSTILE)], "lead")
    assert not report.rejected, report
    assert_safe(_stored_image(folder))


@pytest.mark.parametrize(
    ("image", "words"),
    [(deep_svg(), "more than 100 deep"), (ENTITIES, "DTD or XML entities")],
)
def test_definitions_add_refuses_an_unsafe_svg_by_name(
    folder: DataFolder, tmp_path: Path, image: bytes, words: str
) -> None:
    report = add_files(folder, [_definition_with_image(tmp_path, image)], "lead")
    assert len(report.rejected) == 1
    message = str(report.rejected[0])
    assert words in message and "cultural-proficiency.svg" in message
    assert "neither a PNG nor an SVG" not in message
    with folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Definition)) == 0


def test_issuer_logo_is_sanitized_or_refused(passed_folder: DataFolder) -> None:
    common = {
        "url": "https://issuer.example.org",
        "passphrase": PASSPHRASE,
        "actor": "lead",
    }
    with pytest.raises(IssuerError, match="DTD or XML entities"):
        create_issuer(passed_folder, name="Bad Logo", image=ENTITIES, **common)  # type: ignore[arg-type]
    issuer_id = create_issuer(passed_folder, name="Logo", image=HOSTILE, **common)  # type: ignore[arg-type]
    with passed_folder.sessions() as session:
        sha = session.get_one(Issuer, issuer_id).image_sha256
    assert sha is not None
    assert_safe((passed_folder.store.objects / sha[:2] / sha).read_bytes())


def _give_fap_image(folder: DataFolder, data: bytes) -> None:
    """An image stored before the policy existed: put in the store as it was."""
    from sqlalchemy.orm import Session

    staged = folder.store.stage_bytes(data)

    def record(session: Session) -> None:
        for definition in session.scalars(select(Definition)):
            if definition.name.startswith("Families"):
                definition.image_sha256 = staged.sha256

    with folder.write_lock():
        folder.commit_files([staged], record)


def test_export_bakes_and_publishes_only_sanitized_svg(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    _give_fap_image(issuing_folder, HOSTILE)
    out = tmp_path / "out"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    baked = sorted((out / "credentials").glob("*.svg"))
    assert baked
    for path in [*baked, *(out / "hosting" / "badges").glob("*.svg")]:
        assert_safe(path.read_bytes().replace(b"openbadges", b""))


def test_an_old_unsafe_image_stops_the_export_naming_the_definition(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    _give_fap_image(issuing_folder, deep_svg(5_000))
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="Families as Partners") as caught:
        export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    assert "more than 100 deep" in str(caught.value)
    with issuing_folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IssuedCredential)) == 0
    assert not (out / "credentials").exists()
    assert json.dumps(str(caught.value))  # a plain sentence, no traceback
