"""Moodle's "Download all submissions", both layouts, imported one submission a student."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.lms.importing import import_download
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.lms.platforms import MoodleStudent, moodle_entries, write
from tests.lms.readback import saved

FAP = "families-as-partners-1"
FAP_URI = craft.CREDENTIAL
ONLINE = (
    "<p>Mi reflexión: las familias <b>participan</b> &amp; deciden.</p>"
    '<p>Ver <a href="https://example.org/plan">mi plan</a>.'
    '<img src="@@PLUGINFILE@@/grafico.png" alt="Gráfico de visitas"></p>'
    "<script>alert('x')</script>"
)


def _class(tmp_path: Path) -> list[MoodleStudent]:
    return [
        MoodleStudent(
            "María José García-López",
            101,
            files={
                "plan.pdf": craft.text_pdf("María"),
                "fotos/visita/aula.jpg": craft.photo_jpeg(tmp_path),
            },
        ),
        MoodleStudent("Seán O'Brien", 102, files={"essay.pdf": craft.text_pdf("Seán")}),
        # An underscore in the profile's name: Moodle writes a space.
        MoodleStudent(
            "Anne_Marie de la Cruz Smith",
            103,
            online_text=ONLINE,
            online_files={"grafico.png": craft.png_image()},
        ),
    ]


@pytest.mark.parametrize("folders", [True, False], ids=["folders", "flat"])
def test_moodle_download_imports_each_student_with_names_as_written(
    lms_folder: DataFolder, tmp_path: Path, folders: bool
) -> None:
    zip_path = write(tmp_path / "dl.zip", moodle_entries(_class(tmp_path), folders=folders))
    done = import_download(lms_folder, zip_path, credential=FAP, part="artifacts")
    report = done.report
    assert not report.rejected, report.rejected
    assert sorted(r.submission_id for r in report.imported) == [
        "moodle-101",
        "moodle-102",
        "moodle-103",
    ]
    rows = saved(lms_folder)
    assert rows["moodle-101"].earner == "María José García-López"
    assert rows["moodle-101"].row.platform_id == "101"
    assert rows["moodle-102"].earner == "Seán O'Brien"
    assert rows["moodle-103"].earner == "Anne Marie de la Cruz Smith"
    for row in rows.values():
        assert row.credential == FAP_URI
        assert row.shape == "moodle"
        assert row.row.platform == "moodle" and row.row.late is False
        assert row.attempt == 1
        assert {i["part"] for i in row.items} == {"artifacts"}
    first = rows["moodle-101"].items
    aula = "fotos/visita/aula.jpg" if folders else "aula.jpg"
    assert [(i["kind"], i["path"], i["media_type"]) for i in first] == [
        ("file", aula, "image/jpeg"),
        ("file", "plan.pdf", "application/pdf"),
    ]
    third = rows["moodle-103"].items
    assert [i["kind"] for i in third] == ["text", "file"]
    text = third[0]["text"]
    assert "Mi reflexión: las familias participan & deciden." in text
    assert "- mi plan <https://example.org/plan>" in text
    assert "Gráfico de visitas" in text
    assert "alert" not in text and "<" not in text.split("Links:")[0]
    assert third[1]["path"] == "onlinetext/grafico.png"
    assert third[1]["media_type"] == "image/png"
    assert done.origin_fields("moodle-101") == {
        "platform": "moodle",
        "platform_id": "101",
        "late": False,
    }
    # The same download again: already imported, nothing new.
    again = import_download(lms_folder, zip_path, credential=FAP, part="artifacts").report
    assert len(again.skipped) == 3 and not again.imported and not again.rejected


def test_blind_marking_gives_no_name_in_any_language(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    english = [
        MoodleStudent("Participant", 7001, files={"a.pdf": craft.text_pdf()}),
        MoodleStudent("Participant", 7002, files={"b.pdf": craft.text_pdf("b")}),
    ]
    spanish = [MoodleStudent("Participante", 8001, files={"c.pdf": craft.text_pdf("c")})]
    # A language not in the list: every name the same single word.
    other = [
        MoodleStudent("Osaleja", 9001, files={"d.pdf": craft.text_pdf("d")}),
        MoodleStudent("Osaleja", 9002, files={"e.pdf": craft.text_pdf("e")}),
    ]
    for n, group in enumerate([english, spanish, other]):
        path = write(tmp_path / f"blind{n}.zip", moodle_entries(group))
        report = import_download(lms_folder, path, credential=FAP).report
        assert not report.rejected and len(report.imported) == len(group)
    rows = saved(lms_folder)
    for sid in ["moodle-7001", "moodle-7002", "moodle-8001", "moodle-9001", "moodle-9002"]:
        assert rows[sid].earner == ""
        assert any("blind marking" in w for w in rows[sid].warnings)


def test_groups_and_username_prefix_parse_from_the_right(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    students = [
        MoodleStudent("Equipo Azul 2", 55, files={"informe.pdf": craft.text_pdf()}),
        MoodleStudent("Zoë Ångström", 56, username="z_angstrom", files={"x.pdf": craft.text_pdf()}),
    ]
    for folders in (True, False):
        path = write(tmp_path / f"g{folders}.zip", moodle_entries(students, folders=folders))
        report = import_download(lms_folder, path, credential=FAP).report
        assert not report.rejected
    rows = saved(lms_folder)
    assert rows["moodle-55"].earner == "Equipo Azul 2"
    assert rows["moodle-56"].earner == "Zoë Ångström"


def test_one_zip_with_several_assignments_prefixes_the_ids(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    one = moodle_entries([MoodleStudent("Ana Ruiz", 1, files={"a.pdf": craft.text_pdf()})])
    two = moodle_entries([MoodleStudent("Ana Ruiz", 1, files={"b.pdf": craft.text_pdf("b")})])
    entries = {f"Tarea 1/{k}": v for k, v in one.items()}
    entries |= {f"Tarea 2/{k}": v for k, v in two.items()}
    path = write(tmp_path / "both.zip", entries)
    report = import_download(lms_folder, path, credential=FAP, attempt=1).report
    assert sorted(r.submission_id for r in report.imported) == [
        "Tarea 1-moodle-1",
        "Tarea 2-moodle-1",
    ]
    # A zip of the one folder a download was unpacked into: no prefix.
    path = write(tmp_path / "wrapped.zip", {f"Tarea 3/{k}": v for k, v in one.items()})
    report = import_download(lms_folder, path, credential=FAP, attempt=2).report
    assert [r.submission_id for r in report.imported] == ["moodle-1-attempt-2"]
    assert saved(lms_folder)["moodle-1-attempt-2"].attempt == 2


def test_a_later_attempt_is_the_same_earner(lms_folder: DataFolder, tmp_path: Path) -> None:
    first = moodle_entries([MoodleStudent("Ana Ruiz", 4, files={"a.pdf": craft.text_pdf()})])
    second = moodle_entries([MoodleStudent("Ana Ruiz", 4, files={"a.pdf": craft.text_pdf("2")})])
    import_download(lms_folder, write(tmp_path / "1.zip", first), credential=FAP)
    import_download(lms_folder, write(tmp_path / "2.zip", second), credential=FAP, attempt=2)
    rows = saved(lms_folder)
    assert rows["moodle-4"].row.earner_id == rows["moodle-4-attempt-2"].row.earner_id
    assert (rows["moodle-4"].attempt, rows["moodle-4-attempt-2"].attempt) == (1, 2)
