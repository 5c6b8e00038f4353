"""`reviewer-app import ZIP [--from moodle|canvas] --credential ID [--part] [--attempt]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.lms.platforms import (
    CanvasFile,
    CanvasStudent,
    MoodleStudent,
    canvas_entries,
    moodle_entries,
    write,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in argv and out else out), err


def test_cli_imports_a_download_by_detection_and_says_where_it_came_from(
    lms_folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(lms_folder.root)
    moodle = write(
        tmp_path / "m.zip",
        moodle_entries([MoodleStudent("Ana Ruiz", 31, files={"a.pdf": craft.text_pdf()})]),
    )
    canvas = write(
        tmp_path / "c.zip",
        canvas_entries(
            [
                CanvasStudent(
                    "ruizana", "77", late=True, files=[CanvasFile("a.png", craft.png_image(), 5)]
                )
            ]
        ),
    )
    args = ["--credential", "families-as-partners-1", "--part", "artifacts", "--json"]
    code, doc, _err = run(capsys, "--data-dir", data_dir, "import", str(moodle), *args)
    assert code == 0, doc
    assert doc["platform"] == "moodle"
    [entry] = doc["imported"]
    assert entry["submission_id"] == "moodle-31"
    assert (entry["platform"], entry["platform_id"], entry["late"]) == ("moodle", "31", False)
    assert entry["earner"] == "Ana Ruiz" and entry["items"] == 1
    code, doc, _err = run(
        capsys, "--data-dir", data_dir, "import", str(canvas), "--from", "canvas", *args
    )
    assert code == 0
    [entry] = doc["imported"]
    assert (entry["platform"], entry["platform_id"], entry["late"]) == ("canvas", "77", True)
    # Text output, and the same again: already imported.
    code, out, _err = run(
        capsys, "--data-dir", data_dir, "import", str(canvas), "--credential",
        "families-as-partners-1", "--part", "artifacts",
    )  # fmt: skip
    assert code == 0 and "already imported" in out


def test_cli_refuses_to_guess_between_the_platforms(
    lms_folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Canvas's rule reads this as user 12, attachment 34; Moodle's as participant 34.
    both = write(
        tmp_path / "both.zip", {"smithjane_12_34_assignsubmission_file_x.pdf": craft.text_pdf()}
    )
    argv = ["--data-dir", str(lms_folder.root), "import", str(both)]
    code, doc, err = run(capsys, *argv, "--credential", "families-as-partners-1", "--json")
    assert code == 1
    assert "could be a Moodle download or a Canvas one" in doc["rejected"][0]["error"]
    assert "Traceback" not in err
    code, doc, _err = run(
        capsys, *argv, "--from", "canvas", "--credential", "families-as-partners-1", "--json"
    )
    assert code == 0 and doc["imported"][0]["submission_id"] == "canvas-12"


def test_cli_usage_and_refusals_in_plain_words(
    lms_folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moodle = write(
        tmp_path / "m.zip",
        moodle_entries([MoodleStudent("Ana Ruiz", 31, files={"a.pdf": craft.text_pdf()})]),
    )
    base = ["--data-dir", str(lms_folder.root), "import"]
    code, _out, err = run(capsys, *base, str(moodle), "--from", "moodle")
    assert code == 2 and "--credential ID" in err
    code, _out, err = run(capsys, *base, str(moodle), "--part", "artifacts")
    assert code == 2 and "--credential ID" in err
    code, _out, err = run(capsys, *base, str(moodle), "--credential", "nope")
    assert code == 1 and "no micro-credential 'nope'" in err
    code, _out, err = run(
        capsys, *base, str(moodle), "--credential", "families-as-partners-1", "--part", "x"
    )
    assert code == 1 and "has no part 'x'" in err and "overview" in err
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"plan.pdf": craft.text_pdf()})
    code, _out, err = run(capsys, *base, str(bundle), "--credential", "families-as-partners-1")
    assert code == 1 and "not a Moodle or Canvas submissions download" in err
    # Without --from and --credential it is the bundle import, as it always was.
    code, out, _err = run(capsys, *base, str(bundle))
    assert code == 0 and "imported" in out


def test_camera_names_are_not_taken_for_canvas(tmp_path: Path) -> None:
    from reviewer_app.lms.importing import survey

    camera = write(
        tmp_path / "photos.zip",
        {
            "Screenshot_20240101_123456_Chrome.jpg": craft.png_image(),
            "IMG_2024_0101_x.jpg": craft.png_image(),
        },
    )
    assert survey(camera) is None
    canvas = write(
        tmp_path / "c.zip",
        canvas_entries([CanvasStudent("ruizana", "7", text="<p>x</p>")]),
    )
    found = survey(canvas)
    assert found is not None and found.platforms == ["canvas"] and found.students == 1
