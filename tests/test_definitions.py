"""Micro-credential definitions and pathways: every field rule of the format, with a real file.

The contract is `microcredential.md`: the app must accept everything described there and
reject, with a message naming the field, everything that breaks it. Each broken file here
is a demo definition (a good, complete example) with one thing changed, written to disk
next to its image. A rejected file must leave the data folder exactly as it was.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlalchemy import select

from reviewer_app.resources import resource
from reviewer_app.rubrics.store import (
    add_files,
    current_definition,
    list_current,
    list_pathways,
    save_new_version,
)
from reviewer_app.rubrics.validate import DefinitionRejected, load_file
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Definition
from tests import craft

DEMO = resource("demo", "definitions")
FAMILIES = "families-as-partners-1.json"  # two levels, every criterion at least "proficient"
CULTURAL = "cultural-proficiency-1.json"  # four levels with points, total at least 25
GLOBAL = "global-classroom-1.json"  # one criterion (GLOBAL_OWN) has a scale of its own
PATHWAY = "family-engagement-pathway.json"
FAMILIES_ID = "https://credentials.example.org/mc/families-as-partners-1"
# "reflection-practice", scale not-yet, demonstrated, exemplary; the rubric's lacks exemplary
GLOBAL_OWN = "rubric.parts[2].criteria[1]"
ACTOR = "tester"

Doc = dict[str, Any]
Mutate = Callable[[Doc, Path], None]  # changes the parsed JSON; may write files next to it


# --- making files ------------------------------------------------------------------------


def demo_doc(source: str) -> Doc:
    doc: Doc = json.loads((DEMO / source).read_text(encoding="utf-8"))
    return doc


def copy_images(into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for image in DEMO.iterdir():
        if image.suffix in (".png", ".svg"):
            shutil.copyfile(image, into / image.name)
    return into


def write_definition(
    tmp_path: Path, mutate: Mutate | None = None, source: str = FAMILIES, name: str = ""
) -> Path:
    """A copy of a demo definition (with the demo images beside it), changed by `mutate`."""
    here = copy_images(tmp_path / "definitions")
    doc = demo_doc(source)
    if mutate is not None:
        mutate(doc, here)
    path = here / (name or f"changed-{source}")
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def write_raw(tmp_path: Path, data: bytes, name: str = "raw.json") -> Path:
    path = copy_images(tmp_path / "definitions") / name
    path.write_bytes(data)
    return path


def _steps(field: str) -> list[str | int]:
    """ "rubric.parts[1].criteria[0].id" -> ["rubric", "parts", 1, "criteria", 0, "id"]"""
    return [
        int(index) if index else key for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field)
    ]


def _parent(doc: Doc, field: str) -> tuple[Any, str | int]:
    *path, last = _steps(field)
    node: Any = doc
    for step in path:
        node = node[step]
    return node, last


def put(field: str, value: Any) -> Mutate:
    def mutate(doc: Doc, _here: Path) -> None:
        node, last = _parent(doc, field)
        node[last] = copy.deepcopy(value)

    return mutate


def drop(field: str) -> Mutate:
    def mutate(doc: Doc, _here: Path) -> None:
        node, last = _parent(doc, field)
        del node[last]

    return mutate


def copy_field(source: str, target: str) -> Mutate:
    def mutate(doc: Doc, here: Path) -> None:
        node, last = _parent(doc, source)
        put(target, node[last])(doc, here)

    return mutate


def both(*mutations: Mutate) -> Mutate:
    def mutate(doc: Doc, here: Path) -> None:
        for m in mutations:
            m(doc, here)

    return mutate


def image_file(data: bytes | Callable[[Path], bytes], name: str, field: str) -> Mutate:
    """Writes `data` next to the definition as `name` and points `field` at it."""

    def mutate(doc: Doc, here: Path) -> None:
        (here / name).write_bytes(data(here) if callable(data) else data)
        put(field, name)(doc, here)

    return mutate


SVG_WITH_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY who "badge">]>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&who;</text></svg>'
)


def jpeg(here: Path) -> bytes:
    return craft.photo_jpeg(here)


# --- checking outcomes -------------------------------------------------------------------


def seed(folder: DataFolder) -> DataFolder:
    """Gives a data folder something to keep (a pathway, its image, an audit event)."""
    report = add_files(folder, [DEMO / PATHWAY], ACTOR)
    assert len(report.added) == 1 and not report.rejected, report
    return folder


@pytest.fixture
def seeded(folder: DataFolder) -> DataFolder:
    return seed(folder)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataFolder]:
    """One seeded folder for the rejection tables: a rejected file changes nothing, and
    each case checks that the folder is exactly as it was before it."""
    with DataFolder.open(tmp_path_factory.mktemp("shared") / "data") as folder:
        yield seed(folder)


def rejects(folder: DataFolder, path: Path, where: str | None, *phrases: str) -> str:
    """`path` is refused as a whole: the message names the file, the field and the problem,
    and the data folder (rows and stored files) is exactly as before."""
    before = craft.snapshot(folder.root)
    report = add_files(folder, [path], ACTOR)
    assert report.added == [] and report.skipped == [] and report.warnings == [], report
    assert len(report.rejected) == 1, report
    assert report.rejected[0]["path"] == str(path)
    error = report.rejected[0]["error"]
    assert error.startswith(f"{path}: {where}: " if where else f"{path}: "), error
    for phrase in phrases:
        assert phrase in error, error
    assert craft.snapshot(folder.root) == before
    assert list(folder.store.tmp.iterdir()) == []
    return error


def adds(folder: DataFolder, path: Path) -> dict[str, Any]:
    report = add_files(folder, [path], ACTOR)
    assert report.rejected == [] and report.skipped == [] and report.warnings == [], report
    assert len(report.added) == 1, report
    return report.added[0]


def definition_rows(folder: DataFolder, uri: str) -> list[Doc]:
    with folder.sessions() as session:
        rows = session.scalars(
            select(Definition).where(Definition.achievement_uri == uri).order_by(Definition.version)
        )
        return [
            {
                "id": row.id,
                "version": row.version,
                "name": row.name,
                "content": row.content,
                "content_digest": row.content_digest,
                "image_sha256": row.image_sha256,
                "added_at": row.added_at,
            }
            for row in rows
        ]


# --- every field rule of a definition ----------------------------------------------------


class Broken(NamedTuple):
    mutate: Mutate
    where: str | None  # the field path the message names (None: the whole file)
    phrase: str  # the problem, in words
    source: str = FAMILIES


def case(label: str, mutate: Mutate, where: str | None, phrase: str, source: str = FAMILIES) -> Any:
    return pytest.param(Broken(mutate, where, phrase, source), id=label)


P0C1 = "rubric.parts[0].criteria[1]"
P1C0 = "rubric.parts[1].criteria[0]"

BROKEN_DEFINITIONS = [
    # format
    case("format missing", drop("format"), "format", 'or "pathway/1", not null'),
    case(
        "format wrong",
        put("format", "microcredential/2"),
        "format",
        'must be "microcredential/1" or "pathway/1", not "microcredential/2"',
    ),
    # achievement
    case("achievement missing", drop("achievement"), None, "required field 'achievement'"),
    case("achievement not an object", put("achievement", "Families"), "achievement", "an object"),
    case("achievement.id missing", drop("achievement.id"), "achievement", "field 'id' is missing"),
    case("achievement.id empty", put("achievement.id", ""), "achievement.id", "must be a URI"),
    case(
        "achievement.id not a URI",
        put("achievement.id", "families as partners 1"),
        "achievement.id",
        "must be a URI such as",
    ),
    case("name missing", drop("achievement.name"), "achievement", "'name' is missing"),
    case("name empty", put("achievement.name", ""), "achievement.name", "must not be empty"),
    case("name not text", put("achievement.name", 7), "achievement.name", "must be text"),
    case(
        "description missing",
        drop("achievement.description"),
        "achievement",
        "'description' is missing",
    ),
    case(
        "description empty",
        put("achievement.description", ""),
        "achievement.description",
        "must not be empty",
    ),
    case("criteria missing", drop("achievement.criteria"), "achievement", "'criteria' is missing"),
    case(
        "criteria empty",
        put("achievement.criteria", ""),
        "achievement.criteria",
        "must not be empty",
    ),
    # achievement.image
    case(
        "image file missing",
        put("achievement.image", "no-such-badge.png"),
        "achievement.image",
        "'no-such-badge.png' was not found",
    ),
    case(
        "image is a JPEG",
        image_file(jpeg, "badge.png", "achievement.image"),
        "achievement.image",
        "'badge.png' is neither a PNG nor an SVG image",
    ),
    case(
        "image is a text file",
        image_file(b"a plain badge\n", "badge.svg", "achievement.image"),
        "achievement.image",
        "is neither a PNG nor an SVG image",
    ),
    case(
        "image SVG with DOCTYPE and ENTITY",
        image_file(SVG_WITH_ENTITY, "entity.svg", "achievement.image"),
        "achievement.image",
        "'entity.svg' declares a DTD or XML entities",
    ),
    case(
        "image XML that is not SVG",
        image_file(b"<html><body>badge</body></html>", "page.svg", "achievement.image"),
        "achievement.image",
        "'page.svg' is not an SVG image",
    ),
    case("image empty name", put("achievement.image", ""), "achievement.image", "not be empty"),
    # tags and alignment
    case("tags not a list", put("achievement.tags", "family"), "achievement.tags", "be a list"),
    case(
        "tags holding a number",
        put("achievement.tags[1]", 2),
        "achievement.tags[1]",
        "must be text",
    ),
    case(
        "alignment not a list",
        put("achievement.alignment", {"targetName": "x", "targetUrl": "https://x.org/1"}),
        "achievement.alignment",
        "must be a list",
    ),
    case(
        "alignment without targetName",
        drop("achievement.alignment[0].targetName"),
        "achievement.alignment[0]",
        "the required field 'targetName' is missing",
    ),
    case(
        "alignment without targetUrl",
        drop("achievement.alignment[1].targetUrl"),
        "achievement.alignment[1]",
        "the required field 'targetUrl' is missing",
    ),
    case(
        "alignment targetUrl not a URI",
        put("achievement.alignment[0].targetUrl", "standard 2 of the model standards"),
        "achievement.alignment[0].targetUrl",
        "must be a URI",
    ),
    # rubric
    case("rubric missing", drop("rubric"), None, "required field 'rubric' is missing"),
    case("rubric not an object", put("rubric", []), "rubric", "must be an object"),
    # rubric.version
    case("version missing", drop("rubric.version"), "rubric", "'version' is missing"),
    case("version 0", put("rubric.version", 0), "rubric.version", "must be at least 1"),
    case("version as text", put("rubric.version", "1"), "rubric.version", "a whole number"),
    case("version 1.5", put("rubric.version", 1.5), "rubric.version", "must be a whole number"),
    # rubric.levels
    case("levels missing", drop("rubric.levels"), "rubric", "'levels' is missing"),
    case(
        "levels only one",
        put("rubric.levels", [{"id": "proficient", "label": "Proficient"}]),
        "rubric.levels",
        "needs at least 2 entries",
    ),
    case("level without id", drop("rubric.levels[0].id"), "rubric.levels[0]", "'id' is missing"),
    case(
        "level without label",
        drop("rubric.levels[1].label"),
        "rubric.levels[1]",
        "the required field 'label' is missing",
    ),
    case("level empty id", put("rubric.levels[1].id", ""), "rubric.levels[1].id", "not be empty"),
    case(
        "level points as text",
        put("rubric.levels[1].points", "1"),
        "rubric.levels[1].points",
        "must be a number",
    ),
    case(
        "level ids repeated",
        put("rubric.levels[2].id", "developing"),
        "rubric.levels[2].id",
        "'developing' is used by another level",
        CULTURAL,
    ),
    # rubric.parts
    case("parts missing", drop("rubric.parts"), "rubric", "'parts' is missing"),
    case("parts empty", put("rubric.parts", []), "rubric.parts", "needs at least 1 entry"),
    case("part without id", drop("rubric.parts[0].id"), "rubric.parts[0]", "'id' is missing"),
    case(
        "part without title",
        drop("rubric.parts[1].title"),
        "rubric.parts[1]",
        "the required field 'title' is missing",
    ),
    case(
        "part without criteria",
        drop("rubric.parts[2].criteria"),
        "rubric.parts[2]",
        "the required field 'criteria' is missing",
    ),
    case(
        "part with no criteria",
        put("rubric.parts[1].criteria", []),
        "rubric.parts[1].criteria",
        "needs at least 1 entry",
    ),
    case(
        "part ids repeated",
        put("rubric.parts[2].id", "overview"),
        "rubric.parts[2].id",
        "'overview' is used by another part",
    ),
    # rubric.parts[].criteria[]
    case("criterion without id", drop(f"{P0C1}.id"), P0C1, "the required field 'id' is missing"),
    case("criterion without title", drop(f"{P0C1}.title"), P0C1, "field 'title' is missing"),
    case(
        "criterion without descriptors",
        drop(f"{P0C1}.descriptors"),
        P0C1,
        "the required field 'descriptors' is missing",
    ),
    case("criterion empty id", put(f"{P0C1}.id", ""), f"{P0C1}.id", "must not be empty"),
    case("prompt not text", put(f"{P0C1}.prompt", ["a"]), f"{P0C1}.prompt", "must be text"),
    case(
        "criterion ids repeated across parts",
        copy_field("rubric.parts[0].criteria[0].id", f"{P1C0}.id"),
        f"{P1C0}.id",
        "'overview-families' is used by another criterion (ids are unique across the whole",
    ),
    case(
        "descriptors not an object",
        put(f"{P1C0}.descriptors", ["not yet", "proficient"]),
        f"{P1C0}.descriptors",
        "must be an object",
    ),
    case(
        "descriptor not text",
        put(f"{P1C0}.descriptors.proficient", 1),
        f"{P1C0}.descriptors.proficient",
        "must be text",
    ),
    case(
        "descriptor for no level",
        put(f"{P1C0}.descriptors.excellent", "Beyond what was asked."),
        f"{P1C0}.descriptors",
        "'excellent' is not a level of this criterion's scale (not-yet, proficient)",
    ),
    case(
        "criterion scale of one level",
        put(f"{GLOBAL_OWN}.levels", [{"id": "demonstrated", "label": "Demonstrated"}]),
        f"{GLOBAL_OWN}.levels",
        "needs at least 2 entries",
        GLOBAL,
    ),
    case(
        "criterion scale level without label",
        drop(f"{GLOBAL_OWN}.levels[2].label"),
        f"{GLOBAL_OWN}.levels[2]",
        "the required field 'label' is missing",
        GLOBAL,
    ),
    case(
        "criterion scale level ids repeated",
        put(f"{GLOBAL_OWN}.levels[2].id", "not-yet"),
        f"{GLOBAL_OWN}.levels[2].id",
        "'not-yet' is used by another level",
        GLOBAL,
    ),
    case(
        "criterion scale without the passing level",
        both(
            put(
                f"{GLOBAL_OWN}.levels",
                [{"id": "not-yet", "label": "N"}, {"id": "ex", "label": "E"}],
            ),
            put(f"{GLOBAL_OWN}.descriptors", {"not-yet": "Missing.", "ex": "Excellent."}),
        ),
        f"{GLOBAL_OWN}.levels",
        "this criterion's own scale has no level 'demonstrated', which "
        "rubric.pass.every_criterion_at_least names",
        GLOBAL,
    ),
    case(
        "descriptor for a rubric level the criterion scale lacks",
        put(f"{GLOBAL_OWN}.levels[0].id", "beginning"),
        f"{GLOBAL_OWN}.descriptors",
        "'not-yet' is not a level of this criterion's scale (beginning, demonstrated, exemplary)",
        GLOBAL,
    ),
    # rubric.pass
    case("pass missing", drop("rubric.pass"), "rubric", "the required field 'pass' is missing"),
    case("pass empty", put("rubric.pass", {}), "rubric.pass", "must not be empty"),
    case(
        "pass with an unknown rule",
        put("rubric.pass.at_least_half", True),
        "rubric.pass",
        "has fields this format does not know: at_least_half",
    ),
    case(
        "every_criterion_at_least names no level",
        put("rubric.pass.every_criterion_at_least", "mastery"),
        "rubric.pass.every_criterion_at_least",
        "'mastery' is not a level of the rubric's scale (not-yet, proficient)",
    ),
    case(
        "every_criterion_at_least empty",
        put("rubric.pass.every_criterion_at_least", ""),
        "rubric.pass.every_criterion_at_least",
        "must not be empty",
    ),
    case(
        "total_points_at_least as text",
        put("rubric.pass.total_points_at_least", "25"),
        "rubric.pass.total_points_at_least",
        "must be a number",
        CULTURAL,
    ),
    case(
        "total_points_at_least with a level without points",
        drop("rubric.levels[1].points"),
        "rubric.parts[0].criteria[0]",
        "rubric.pass.total_points_at_least needs points on every level, and developing has none",
        CULTURAL,
    ),
    case(
        "total_points_at_least with a criterion level without points",
        both(put("rubric.pass.total_points_at_least", 9), drop(f"{GLOBAL_OWN}.levels[2].points")),
        GLOBAL_OWN,
        "rubric.pass.total_points_at_least needs points on every level, and exemplary has none",
        GLOBAL,
    ),
    case(
        "total_points_at_least unreachable",
        put("rubric.pass.total_points_at_least", 37),  # nine criteria, at most 4 points each
        "rubric.pass.total_points_at_least",
        "37 can never be reached: the most a review can score is 36",
        CULTURAL,
    ),
    case(
        "total_points_at_least unreachable on criterion scales",
        put("rubric.pass.total_points_at_least", 11),  # eight criteria of 1, one of 2
        "rubric.pass.total_points_at_least",
        "11 can never be reached: the most a review can score is 10",
        GLOBAL,
    ),
    # rubric.comments
    case(
        "comments not an object",
        put("rubric.comments", ["Well done."]),
        "rubric.comments",
        "must be an object",
    ),
    case(
        "comments for no criterion",
        put("rubric.comments.overview-purpose", ["Say who the plan is for."]),
        "rubric.comments.overview-purpose",
        "'overview-purpose' is not a criterion id",
    ),
    case(
        "comments not a list",
        put("rubric.comments.overview-families", "Name the families."),
        "rubric.comments.overview-families",
        "must be a list",
    ),
    case(
        "comments list holding a number",
        put("rubric.comments.overview-families[2]", 3),
        "rubric.comments.overview-families[2]",
        "must be text",
    ),
]


@pytest.mark.parametrize("broken", BROKEN_DEFINITIONS)
def test_a_definition_breaking_a_field_rule_is_rejected(
    broken: Broken, shared: DataFolder, tmp_path: Path
) -> None:
    path = write_definition(tmp_path, broken.mutate, broken.source)
    rejects(shared, path, broken.where, broken.phrase)
    with pytest.raises(DefinitionRejected) as raised:
        load_file(path)
    assert raised.value.where == broken.where
    assert broken.phrase in raised.value.problem
    assert raised.value.path == path


# --- files that are not a JSON object ----------------------------------------------------


def _families_text() -> str:
    return (DEMO / FAMILIES).read_text(encoding="utf-8")


def _truncated() -> tuple[bytes, str]:
    lines = _families_text().splitlines(keepends=True)
    cut = "".join(lines[: len(lines) // 2])
    try:
        json.loads(cut)
    except json.JSONDecodeError as e:
        assert e.lineno > 1
        return cut.encode(), f"is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
    raise AssertionError("the cut file should not parse")


def _latin1() -> tuple[bytes, str]:
    text = _families_text().replace("Two-Way Communication", "Comunicación de ida y vuelta")
    data = text.encode("latin-1")
    first = next(n for n, byte in enumerate(data) if byte >= 0x80)  # the "ó"
    return data, f"is not UTF-8 (byte {first:,} is not valid)"


NOT_OBJECTS: list[Any] = [
    pytest.param(_truncated, id="truncated JSON (line and column)"),
    pytest.param(_latin1, id="Latin-1 bytes"),
    pytest.param(
        lambda: (b"", "is not valid JSON: Expecting value at line 1, column 1"), id="empty"
    ),
    pytest.param(
        lambda: (b'{"format": "microcredential/1",}', "is not valid JSON: Expecting property name"),
        id="trailing comma",
    ),
    pytest.param(
        lambda: (json.dumps([demo_doc(FAMILIES)]).encode(), "must hold a JSON object"),
        id="JSON array",
    ),
    pytest.param(lambda: (b'"microcredential/1"', "must hold a JSON object"), id="JSON string"),
    pytest.param(lambda: (b"null", "must hold a JSON object"), id="JSON null"),
]


@pytest.mark.parametrize("make", NOT_OBJECTS)
def test_a_file_that_is_not_a_json_object_is_rejected(
    make: Callable[[], tuple[bytes, str]], shared: DataFolder, tmp_path: Path
) -> None:
    data, phrase = make()
    path = write_raw(tmp_path, data)
    rejects(shared, path, None, phrase)


def test_a_missing_file_is_rejected(shared: DataFolder, tmp_path: Path) -> None:
    rejects(shared, tmp_path / "nowhere.json", None, "cannot be read")


def test_a_byte_order_mark_is_accepted(folder: DataFolder, tmp_path: Path) -> None:
    path = write_raw(tmp_path, b"\xef\xbb\xbf" + (DEMO / FAMILIES).read_bytes())
    assert adds(folder, path)["id"] == FAMILIES_ID


# Python's json reads NaN and Infinity, which JSON (RFC 8259) does not have.
NOT_JSON_NUMBERS = [
    pytest.param('"total_points_at_least": 25', '"total_points_at_least": NaN', id="NaN"),
    pytest.param('"total_points_at_least": 25', '"total_points_at_least": -Infinity', id="-Inf"),
    pytest.param('"points": 4', '"points": Infinity', id="Infinity points"),
]


@pytest.mark.parametrize(("good", "bad"), NOT_JSON_NUMBERS)
def test_nan_and_infinity_are_not_json(
    good: str, bad: str, seeded: DataFolder, tmp_path: Path
) -> None:
    text = (DEMO / CULTURAL).read_text(encoding="utf-8")
    assert good in text
    path = write_raw(tmp_path, text.replace(good, bad, 1).encode())
    rejects(seeded, path, None)


def test_a_utf16_svg_with_an_entity_is_rejected(seeded: DataFolder, tmp_path: Path) -> None:
    svg = SVG_WITH_ENTITY.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    mutate = image_file(svg.encode("utf-16"), "entity16.svg", "achievement.image")
    path = write_definition(tmp_path, mutate)
    rejects(seeded, path, "achievement.image", "DTD or XML entities")


# --- every field rule of a pathway -------------------------------------------------------


PATHWAY_CASES = [
    case("id missing", drop("id"), None, "the required field 'id' is missing", PATHWAY),
    case("id not a URI", put("id", "family engagement"), "id", "must be a URI", PATHWAY),
    case("name missing", drop("name"), None, "the required field 'name' is missing", PATHWAY),
    case("name empty", put("name", ""), "name", "must not be empty", PATHWAY),
    case("description missing", drop("description"), None, "'description' is missing", PATHWAY),
    case("description empty", put("description", ""), "description", "not be empty", PATHWAY),
    case("credentials missing", drop("credentials"), None, "'credentials' is missing", PATHWAY),
    case(
        "credentials not a list", put("credentials", FAMILIES_ID), "credentials", "a list", PATHWAY
    ),
    case(
        "credentials only one",
        put("credentials", [FAMILIES_ID]),
        "credentials",
        "needs at least 2 entries",
        PATHWAY,
    ),
    case(
        "credentials holding a non-URI",
        put("credentials[1]", "cultural proficiency"),
        "credentials[1]",
        "must be a URI",
        PATHWAY,
    ),
    case(
        "image file missing",
        put("image", "no-such-pathway.svg"),
        "image",
        "'no-such-pathway.svg' was not found",
        PATHWAY,
    ),
    case(
        "image is a JPEG",
        image_file(jpeg, "pathway.png", "image"),
        "image",
        "'pathway.png' is neither a PNG nor an SVG image",
        PATHWAY,
    ),
    case(
        "format wrong",
        put("format", "pathway/2"),
        "format",
        'must be "microcredential/1" or "pathway/1", not "pathway/2"',
        PATHWAY,
    ),
]


@pytest.mark.parametrize("broken", PATHWAY_CASES)
def test_a_pathway_breaking_a_field_rule_is_rejected(
    broken: Broken, shared: DataFolder, tmp_path: Path
) -> None:
    path = write_definition(tmp_path, broken.mutate, broken.source)
    rejects(shared, path, broken.where, broken.phrase)
    with pytest.raises(DefinitionRejected) as raised:
        load_file(path)
    assert raised.value.where == broken.where
    assert broken.phrase in raised.value.problem


def test_a_pathway_listing_one_credential_twice_is_rejected(
    seeded: DataFolder, tmp_path: Path
) -> None:
    path = write_definition(tmp_path, put("credentials", [FAMILIES_ID, FAMILIES_ID]), PATHWAY)
    rejects(seeded, path, "credentials")


# --- what the format allows --------------------------------------------------------------


ACCEPTED = [
    pytest.param(FAMILIES, drop("achievement.image"), id="no image"),
    pytest.param(
        FAMILIES,
        both(drop("achievement.tags"), drop("achievement.alignment"), drop("rubric.comments")),
        id="no tags, alignment or comments",
    ),
    pytest.param(FAMILIES, drop("rubric.parts[0].criteria[0].prompt"), id="no prompt"),
    pytest.param(FAMILIES, drop("rubric.levels[0].points"), id="levels without points"),
    pytest.param(
        FAMILIES,
        both(put("achievement.issuerNote", "x"), put("rubric.parts[0].note", "x")),
        id="fields the format does not describe",
    ),
    pytest.param(
        CULTURAL, put("rubric.pass.total_points_at_least", 36), id="total exactly reachable"
    ),
    pytest.param(CULTURAL, drop("rubric.pass.every_criterion_at_least"), id="total only"),
    pytest.param(GLOBAL, put("rubric.pass.total_points_at_least", 10), id="total on own scales"),
    pytest.param(
        FAMILIES,
        image_file(craft.png_image(), "other.png", "achievement.image"),
        id="another PNG image",
    ),
    pytest.param(FAMILIES, put("achievement.id", "urn:uuid:6e8bc430"), id="URN id"),
]


@pytest.mark.parametrize(("source", "mutate"), ACCEPTED)
def test_what_the_format_allows_is_added(
    source: str, mutate: Mutate, folder: DataFolder, tmp_path: Path
) -> None:
    path = write_definition(tmp_path, mutate, source)
    entry = adds(folder, path)
    assert entry["kind"] == "definition" and entry["version"] == 1


def test_a_definition_without_an_image_stores_none(folder: DataFolder, tmp_path: Path) -> None:
    adds(folder, write_definition(tmp_path, drop("achievement.image")))
    [row] = definition_rows(folder, FAMILIES_ID)
    assert row["image_sha256"] is None


# --- warnings, not rejections ------------------------------------------------------------


WARNED = [
    pytest.param(
        FAMILIES,
        drop("rubric.parts[1].criteria[2].descriptors.proficient"),
        "rubric.parts[1].criteria[2].descriptors: no descriptor for proficient",
        id="rubric scale",
    ),
    pytest.param(
        CULTURAL,
        both(
            drop("rubric.parts[0].criteria[0].descriptors.beginning"),
            drop("rubric.parts[0].criteria[0].descriptors.exemplary"),
        ),
        "rubric.parts[0].criteria[0].descriptors: no descriptor for beginning, exemplary",
        id="two levels",
    ),
    pytest.param(
        GLOBAL,
        drop(f"{GLOBAL_OWN}.descriptors.exemplary"),
        f"{GLOBAL_OWN}.descriptors: no descriptor for exemplary",
        id="criterion's own scale",
    ),
]


@pytest.mark.parametrize(("source", "mutate", "warning"), WARNED)
def test_a_missing_descriptor_is_a_warning(
    source: str, mutate: Mutate, warning: str, folder: DataFolder, tmp_path: Path
) -> None:
    path = write_definition(tmp_path, mutate, source)
    report = add_files(folder, [path], ACTOR)
    assert report.rejected == [] and len(report.added) == 1, report
    assert report.warnings == [f"{path}: {warning}"]
    with folder.sessions() as session:
        current = current_definition(session, report.added[0]["id"])
        assert current is not None and current.content == json.loads(path.read_text())


# --- versions ----------------------------------------------------------------------------


def test_the_same_file_twice_is_skipped(folder: DataFolder, tmp_path: Path) -> None:
    path = write_definition(tmp_path)
    adds(folder, path)
    before = craft.snapshot(folder.root)
    report = add_files(folder, [path], ACTOR)
    assert report.added == [] and report.rejected == [], report
    assert report.skipped == [{"id": FAMILIES_ID, "version": 1, "kind": "definition"}]
    assert craft.snapshot(folder.root) == before


def test_the_same_content_laid_out_differently_is_skipped(
    folder: DataFolder, tmp_path: Path
) -> None:
    adds(folder, DEMO / FAMILIES)
    before = craft.snapshot(folder.root)
    compact = copy_images(tmp_path / "compact") / "compact.json"
    compact.write_text(json.dumps(demo_doc(FAMILIES), separators=(",", ":"), sort_keys=True))
    report = add_files(folder, [compact], ACTOR)
    assert len(report.skipped) == 1 and report.added == report.rejected == [], report
    assert craft.snapshot(folder.root) == before


def test_the_same_pathway_twice_is_skipped(seeded: DataFolder) -> None:
    before = craft.snapshot(seeded.root)
    report = add_files(seeded, [DEMO / PATHWAY], ACTOR)
    assert report.added == [] and report.rejected == [] and len(report.skipped) == 1, report
    assert craft.snapshot(seeded.root) == before


CHANGED_SAME_VERSION = [
    pytest.param(
        put("rubric.parts[0].criteria[0].descriptors.proficient", "Names the families."),
        id="a descriptor edited",
    ),
    pytest.param(put("achievement.name", "Families as Partners"), id="the name edited"),
    pytest.param(
        image_file(craft.png_image(), "families-as-partners.png", "achievement.image"),
        id="another image",
    ),
]


@pytest.mark.parametrize("mutate", CHANGED_SAME_VERSION)
def test_the_same_version_with_other_content_is_rejected(
    mutate: Mutate, folder: DataFolder, tmp_path: Path
) -> None:
    adds(folder, DEMO / FAMILIES)
    path = write_definition(tmp_path, mutate)
    rejects(
        folder,
        path,
        "rubric.version",
        f"version 1 of {FAMILIES_ID} is already added with other content",
        "give the changed definition a higher version",
    )
    assert [row["version"] for row in definition_rows(folder, FAMILIES_ID)] == [1]


def _version_2(doc: Doc, _here: Path) -> None:
    doc["rubric"]["version"] = 2
    doc["rubric"]["parts"][0]["criteria"][0]["descriptors"]["proficient"] = "Version 2 text."


def test_a_higher_version_becomes_current(folder: DataFolder, tmp_path: Path) -> None:
    adds(folder, DEMO / FAMILIES)
    adds(folder, DEMO / GLOBAL)
    v1 = definition_rows(folder, FAMILIES_ID)
    path = write_definition(tmp_path, _version_2, name="families-as-partners-2.json")
    assert adds(folder, path) == {"id": FAMILIES_ID, "version": 2, "kind": "definition"}
    with folder.sessions() as session:
        current = current_definition(session, FAMILIES_ID)
        assert current is not None and current.version == 2
        assert current.content == json.loads(path.read_text())
        listed = {(d.achievement_uri, d.version) for d in list_current(session)}
    assert listed == {
        (FAMILIES_ID, 2),
        ("https://credentials.example.org/mc/global-classroom-1", 1),
    }
    assert definition_rows(folder, FAMILIES_ID)[:1] == v1  # version 1 is kept as it was


def test_a_lower_version_added_later_is_stored_but_not_current(
    folder: DataFolder, tmp_path: Path
) -> None:
    adds(folder, write_definition(tmp_path, _version_2, name="families-as-partners-2.json"))
    assert adds(folder, DEMO / FAMILIES) == {"id": FAMILIES_ID, "version": 1, "kind": "definition"}
    assert [row["version"] for row in definition_rows(folder, FAMILIES_ID)] == [1, 2]
    with folder.sessions() as session:
        current = current_definition(session, FAMILIES_ID)
        assert current is not None and current.version == 2
        assert [(d.achievement_uri, d.version) for d in list_current(session)] == [(FAMILIES_ID, 2)]


def test_save_new_version_stores_the_next_version(folder: DataFolder) -> None:
    adds(folder, DEMO / FAMILIES)
    [v1] = definition_rows(folder, FAMILIES_ID)
    edited = copy.deepcopy(v1["content"])
    edited["rubric"]["parts"][0]["criteria"][0]["descriptors"]["proficient"] = "Edited text."
    edited["rubric"]["version"] = 1  # set by save_new_version, whatever it was

    saved = save_new_version(folder, FAMILIES_ID, edited, ACTOR)
    assert saved.achievement_uri == FAMILIES_ID and saved.version == 2
    assert saved.content["rubric"]["parts"][0]["criteria"][0]["descriptors"]["proficient"] == (
        "Edited text."
    )
    assert saved.image_sha256 == v1["image_sha256"]  # the image stays the current version's
    rows = definition_rows(folder, FAMILIES_ID)
    assert [row["version"] for row in rows] == [1, 2]
    assert rows[0] == v1  # version 1 unchanged, content and all
    assert rows[1]["content"]["rubric"]["version"] == 2

    third = save_new_version(folder, FAMILIES_ID, saved.content, ACTOR)
    assert third.version == 3
    assert definition_rows(folder, FAMILIES_ID)[:2] == rows
    with folder.sessions() as session:
        assert [(d.achievement_uri, d.version) for d in list_current(session)] == [(FAMILIES_ID, 3)]


def test_save_new_version_rejects_a_broken_edit(folder: DataFolder) -> None:
    adds(folder, DEMO / FAMILIES)
    [v1] = definition_rows(folder, FAMILIES_ID)
    edited = copy.deepcopy(v1["content"])
    edited["rubric"]["pass"]["every_criterion_at_least"] = "mastery"
    before = craft.snapshot(folder.root)
    with pytest.raises(DefinitionRejected) as raised:
        save_new_version(folder, FAMILIES_ID, edited, ACTOR)
    assert raised.value.where == "rubric.pass.every_criterion_at_least"
    assert craft.snapshot(folder.root) == before


def test_save_new_version_of_an_unknown_definition(folder: DataFolder) -> None:
    with pytest.raises(KeyError):
        save_new_version(folder, FAMILIES_ID, demo_doc(FAMILIES), ACTOR)


def test_save_new_version_keeps_the_achievement_id(folder: DataFolder) -> None:
    adds(folder, DEMO / FAMILIES)
    [v1] = definition_rows(folder, FAMILIES_ID)
    edited = copy.deepcopy(v1["content"])
    edited["achievement"]["id"] = "https://credentials.example.org/mc/someone-else-1"
    try:
        saved = save_new_version(folder, FAMILIES_ID, edited, ACTOR)
    except DefinitionRejected as e:
        assert e.where == "achievement.id"
    else:
        assert (saved.achievement_uri, saved.version) == (FAMILIES_ID, 2)
    assert definition_rows(folder, "https://credentials.example.org/mc/someone-else-1") == []


# --- the demo definitions ----------------------------------------------------------------


DEMO_FILES = sorted(p.name for p in DEMO.glob("*.json"))


def test_the_demo_set_is_what_these_tests_expect() -> None:
    assert sorted([FAMILIES, CULTURAL, GLOBAL, PATHWAY]) == DEMO_FILES


@pytest.mark.parametrize("name", DEMO_FILES)
def test_each_demo_file_is_added_cleanly(name: str, folder: DataFolder) -> None:
    loaded = load_file(DEMO / name)
    assert loaded.warnings == []
    assert loaded.image_type in ("image/png", "image/svg+xml")
    entry = adds(folder, DEMO / name)
    assert entry["kind"] == ("pathway" if name == PATHWAY else "definition")


def test_all_demo_files_are_added_together(folder: DataFolder) -> None:
    report = add_files(folder, [DEMO / name for name in DEMO_FILES], ACTOR)
    assert report.rejected == [] and report.warnings == [] and report.skipped == [], report
    assert len(report.added) == len(DEMO_FILES)
    with folder.sessions() as session:
        assert len(list_current(session)) == 3
        [pathway] = list_pathways(session)
        assert pathway.content["credentials"] == demo_doc(PATHWAY)["credentials"]
        assert all(d.image_sha256 for d in list_current(session))
