"""A hostile or damaged file refuses that student's submission only; the rest import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.errors import UserError
from reviewer_app.lms.importing import import_download
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.lms.platforms import (
    CanvasFile,
    CanvasStudent,
    MoodleStudent,
    add_bomb,
    canvas_entries,
    moodle_entries,
    write,
)
from tests.lms.readback import saved

FAP = "families-as-partners-1"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 8


def test_hostile_moodle_entries_refuse_only_their_student(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    good = MoodleStudent("Lucía Pérez", 1, files={"plan.pdf": craft.text_pdf()})
    fine = MoodleStudent("Tomás Núñez", 6, online_text="<p>ok</p>")
    disguised = MoodleStudent("Disguised Person", 2, files={"essay.pdf": PROGRAM})
    entries = moodle_entries([good, fine, disguised])
    entries["Path Escaper_3_assignsubmission_file/../../../etc/cron.d/job"] = b"x"
    entries["Link Maker_4_assignsubmission_file/ok.pdf"] = craft.text_pdf()
    entries["../outside.txt"] = b"loose"
    path = write(
        tmp_path / "dl.zip",
        entries,
        symlinks={"Link Maker_4_assignsubmission_file/secret.pdf": "/etc/passwd"},
    )
    add_bomb(path, "Bomb Maker_5_assignsubmission_file/big.pdf")
    report = import_download(lms_folder, path, credential=FAP).report
    assert sorted(r.submission_id for r in report.imported) == ["moodle-1", "moodle-6"]
    errors = sorted(r.error for r in report.rejected)
    assert len(errors) == 5, errors
    joined = "\n".join(errors)
    assert "is said to be a PDF" in joined  # the disguised program
    assert "'..' segment" in joined  # the path that escapes, with its student and alone
    assert "symbolic link" in joined
    assert "zip bomb" in joined
    assert any("Path Escaper" in e for e in errors)
    assert any(e.startswith(f"{path}: '../outside.txt'") for e in errors)
    assert set(saved(lms_folder)) == {"moodle-1", "moodle-6"}


def test_hostile_canvas_entries_refuse_only_their_student(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    students = [
        CanvasStudent("garciaana", "10", files=[CanvasFile("a.pdf", craft.text_pdf(), 1)]),
        CanvasStudent("fakephoto", "11", files=[CanvasFile("photo.jpg", craft.text_pdf(), 2)]),
    ]
    entries = canvas_entries(students)
    entries["escaper_12_3_../../x.pdf"] = craft.text_pdf()
    path = write(tmp_path / "submissions.zip", entries, symlinks={"linker_13_4_l.pdf": "/etc"})
    report = import_download(lms_folder, path, credential=FAP).report
    assert [r.submission_id for r in report.imported] == ["canvas-10"]
    assert len(report.rejected) == 3, report.rejected
    assert set(saved(lms_folder)) == {"canvas-10"}


def test_a_cut_short_zip_is_refused_whole_and_nothing_is_kept(
    lms_folder: DataFolder, tmp_path: Path
) -> None:
    entries = moodle_entries([MoodleStudent("Ana Ruiz", 1, files={"a.pdf": craft.text_pdf()})])
    path = write(tmp_path / "dl.zip", entries)
    data = path.read_bytes()
    path.write_bytes(b"junk" * 10 + data)  # the central directory no longer fits
    before = craft.snapshot(lms_folder.root)
    with pytest.raises(UserError):
        import_download(lms_folder, path, credential=FAP)
    assert craft.snapshot(lms_folder.root) == before
