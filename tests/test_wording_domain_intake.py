"""Import rejections, definition checks and settings problems come out in Spanish once
the window's translator is in use, built from resources/i18n/es/domain-intake.ts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.rubrics.validate import DefinitionRejected, load_file
from reviewer_app.settings import Settings
from reviewer_app.storage.datafolder import DataFolder
from tests import craft


def _pdf_that_is_a_photo(tmp_path: Path) -> Path:
    return craft.bundle_zip(
        tmp_path / "b.zip",
        {"plan.pdf": craft.photo_jpeg(tmp_path)},
        submission_id="NEW-1",
        media_types={"plan.pdf": "application/pdf"},
    )


def _definition_with_an_unknown_level(tmp_path: Path) -> Path:
    source = resource("demo", "definitions", "families-as-partners-1.json")
    doc = json.loads(source.read_text(encoding="utf-8"))
    doc["rubric"]["pass"]["every_criterion_at_least"] = "superb"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_bundle_is_rejected_in_spanish(
    folder: DataFolder, tmp_path: Path, spanish: object
) -> None:
    bundle = _pdf_that_is_a_photo(tmp_path)
    report = Importer(folder).import_paths([bundle])
    assert [r.error for r in report.rejected] == [
        f"{bundle}: 'plan.pdf' se declara como PDF, pero es una imagen JPEG"
    ]


def test_a_definition_is_refused_in_spanish(tmp_path: Path, spanish: object) -> None:
    with pytest.raises(DefinitionRejected) as e:
        load_file(_definition_with_an_unknown_level(tmp_path))
    assert e.value.where == "rubric.pass.every_criterion_at_least"
    assert e.value.problem.startswith("'superb' no es un nivel de la escala de la rúbrica ("), (
        e.value.problem
    )


def test_a_manifest_field_of_the_wrong_type_is_told_in_spanish(
    folder: DataFolder, tmp_path: Path, spanish: object
) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files, submission_id="NEW-2")
    doc["attempt"] = "two"
    bundle = craft.bundle_zip(tmp_path / "m.zip", files, doc)
    report = Importer(folder).import_paths([bundle])
    assert [r.error for r in report.rejected] == [
        f"{bundle}: 'manifest.json' no es un manifiesto válido: attempt: debe ser un número entero"
    ]


def test_damaged_settings_are_told_in_spanish(tmp_path: Path, spanish: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    [problem] = Settings.load(path).problems
    assert problem.startswith(f"El archivo de configuración {path} está dañado (no es JSON")
    assert problem.endswith("y se aplican los valores predeterminados.")


def test_without_the_translator_the_messages_stay_english(
    folder: DataFolder, tmp_path: Path
) -> None:
    report = Importer(folder).import_paths([_pdf_that_is_a_photo(tmp_path)])
    assert report.rejected[0].error.endswith("'plan.pdf' is said to be a PDF but is a JPEG image")
