"""Canvas's "Download Submissions": late flags, anonymous grading, text and URL entries."""

from __future__ import annotations

from pathlib import Path

from reviewer_app.lms.importing import import_download
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.lms.platforms import CanvasFile, CanvasStudent, canvas_entries, write
from tests.lms.readback import saved

FAP = "families-as-partners-1"


def test_canvas_download_keeps_late_flags_text_links_and_duplicate_names(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    students = [
        CanvasStudent(
            "lopezmaria",
            "48213",
            late=True,
            files=[
                CanvasFile("essay.pdf", craft.text_pdf("uno"), 99120),
                CanvasFile("essay.pdf", craft.text_pdf("dos"), 99121),
            ],
        ),
        CanvasStudent(
            "obrienpat",
            "48214",
            text="<p>Primera idea.</p><p>Segunda<br>línea</p>",
            link="https://example.org/portfolio?a=1&b=2",
        ),
        CanvasStudent(
            "smith_jones_ann",
            "48215",
            files=[CanvasFile("my_photo_1.png", craft.png_image(), 99130)],
        ),
    ]
    path = write(tmp_path / "submissions.zip", canvas_entries(students))
    done = import_download(lms_folder, path, credential=FAP, part="reflection")
    assert not done.report.rejected, done.report.rejected
    assert done.platform == "canvas"
    assert sorted(r.submission_id for r in done.report.imported) == [
        "canvas-48213",
        "canvas-48214",
        "canvas-48215",
    ]
    rows = saved(lms_folder)
    maria = rows["canvas-48213"]
    assert maria.earner == "lopezmaria"
    assert any("late" in w for w in maria.warnings)
    assert [(i["path"], i["title"]) for i in maria.items] == [
        ("essay.pdf", "essay.pdf"),
        ("essay (2).pdf", "essay.pdf"),
    ]
    assert done.origin_fields("canvas-48213") == {
        "platform": "canvas",
        "platform_id": "48213",
        "late": True,
    }
    assert done.origin_fields("canvas-48214")["late"] is False
    stored = {sid: (r.row.platform, r.row.platform_id, r.row.late) for sid, r in rows.items()}
    assert stored == {
        "canvas-48213": ("canvas", "48213", True),
        "canvas-48214": ("canvas", "48214", False),
        "canvas-48215": ("canvas", "48215", False),
    }
    pat = rows["canvas-48214"].items
    assert [(i["kind"], i["title"]) for i in pat] == [
        ("text", "Website address"),
        ("text", "Online text"),
    ]
    assert "<https://example.org/portfolio?a=1&b=2>" in pat[0]["text"]
    assert pat[1]["text"] == "Primera idea.\n\nSegunda\nlínea"
    assert {i["part"] for i in pat} == {"reflection"}
    assert rows["canvas-48215"].earner == "smith_jones_ann"
    assert rows["canvas-48215"].items[0]["title"] == "my_photo_1.png"


def test_anonymous_grading_has_anon_ids_and_no_name(lms_folder: DataFolder, tmp_path: Path) -> None:
    students = [
        CanvasStudent("anon", "aB3xY", files=[CanvasFile("plan.pdf", craft.text_pdf(), 501)]),
        CanvasStudent("anon", "Qz9kk", late=True, text="<p>Hola</p>"),
    ]
    path = write(tmp_path / "anon.zip", canvas_entries(students))
    done = import_download(lms_folder, path, credential=FAP, platform="canvas")
    assert sorted(r.submission_id for r in done.report.imported) == [
        "canvas-anon-Qz9kk",
        "canvas-anon-aB3xY",
    ]
    rows = saved(lms_folder)
    assert rows["canvas-anon-aB3xY"].earner == ""
    assert rows["canvas-anon-Qz9kk"].row.platform_id == "anon-Qz9kk"
    assert rows["canvas-anon-Qz9kk"].row.late is True
    assert done.origin_fields("canvas-anon-Qz9kk") == {
        "platform": "canvas",
        "platform_id": "anon-Qz9kk",
        "late": True,
    }
