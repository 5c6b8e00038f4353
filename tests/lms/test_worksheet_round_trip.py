"""Worksheet round trips: a Moodle grading worksheet (English and Spanish headers, comma
and semicolon) and a Canvas gradebook export (Points Possible row, decimal commas,
byte order mark, CRLF) are filled by `grades export`; the copy is byte for byte the
download with only the grade and feedback cells of decided rows changed, and the rows
and submissions that do not meet are listed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer_app.cli import main
from reviewer_app.lms.grade_values import feedback_text
from reviewer_app.reviews.feedback import letter_for
from tests.lms.sheets import (
    ANNOTATION,
    COMMENT,
    Graded,
    canvas_csv,
    canvas_rows,
    moodle_csv,
    moodle_rows,
)


def letter_cell(graded: Graded, submission_id: str) -> str:
    with graded.folder.read_sessions() as session:
        return feedback_text(letter_for(session, submission_id))


def export(graded: Graded, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    code = main(["--data-dir", str(graded.folder.root), "grades", "export", *args, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


@pytest.mark.parametrize(
    ("spanish", "delimiter", "decimal"),
    [(False, ",", "."), (True, ";", ","), (True, ",", ","), (False, ";", ".")],
    ids=["english-comma", "spanish-semicolon", "spanish-comma", "english-semicolon"],
)
def test_moodle_worksheet_is_filled_in_place(
    graded: Graded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spanish: bool,
    delimiter: str,
    decimal: str,
) -> None:
    rows = moodle_rows(spanish, decimal)
    download = moodle_csv(rows, delimiter)
    sheet, out = tmp_path / "worksheet.csv", tmp_path / "filled.csv"
    sheet.write_bytes(download)

    report = export(
        graded, capsys, "--to", "moodle-worksheet", "--worksheet", str(sheet), "--out", str(out)
    )

    # The expected copy: the same rows, written the same way, two rows' cells changed.
    expected = [list(row) for row in rows]
    grade, feedback = 4, 10
    expected[1][grade] = f"10{decimal}00"
    expected[1][feedback] = letter_cell(graded, "moodle-101")
    expected[2][grade] = f"0{decimal}00"
    expected[2][feedback] = letter_cell(graded, "moodle-102")
    assert out.read_bytes() == moodle_csv(expected, delimiter)
    assert sheet.read_bytes() == download  # the download is kept as it was

    # Read back as any CSV reader would: only those four cells differ.
    before = list(csv.reader(io.StringIO(download.decode()), delimiter=delimiter))
    after = list(csv.reader(io.StringIO(out.read_text("utf-8")), delimiter=delimiter))
    differ = {
        (r, c)
        for r, row in enumerate(before)
        for c, value in enumerate(row)
        if after[r][c] != value
    }
    assert differ == {(1, grade), (1, feedback), (2, grade), (2, feedback)}
    not_yet = after[2][feedback]
    assert "Decision: Not Yet" in not_yet and COMMENT in not_yet and ANNOTATION in not_yet
    assert "Feedback on each criterion" in not_yet and not not_yet.startswith("=")

    assert report["delimiter"] == delimiter and report["line_ending"] == "LF"
    assert report["decimal_mark"] == decimal and report["bom"] is False
    assert report["columns"] == {"id": rows[0][0], "grade": rows[0][4], "feedback": rows[0][10]}
    assert [(r["row"], r["submission_id"], r["decision"]) for r in report["changed"]] == [
        (2, "moodle-101", "pass"),
        (3, "moodle-102", "not-yet"),
    ]
    assert [c["column"] for c in report["changed"][0]["cells"]] == [rows[0][4], rows[0][10]]
    assert [(r["row"], r["submission_id"]) for r in report["undecided"]] == [(4, "moodle-103")]
    assert [(r["row"], r["platform_id"], r["name"]) for r in report["unmatched_rows"]] == [
        (5, "900", "Zoe Dropped")
    ]
    assert [s["submission_id"] for s in report["submissions_without_row"]] == ["moodle-104"]
    assert report["skipped"] == []


def test_moodle_scale_words_and_a_second_run_changes_nothing(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet, out, again = tmp_path / "w.csv", tmp_path / "f.csv", tmp_path / "g.csv"
    sheet.write_bytes(moodle_csv(moodle_rows()))
    grades = ["--pass-grade", "Competent", "--not-yet-grade", "Not yet competent"]
    args = ["--to", "moodle-worksheet", "--out"]
    export(graded, capsys, *args, str(out), "--worksheet", str(sheet), *grades)
    filled = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert [filled[1][4], filled[2][4]] == ["Competent", "Not yet competent"]
    report = export(graded, capsys, *args, str(again), "--worksheet", str(out), *grades)
    assert again.read_bytes() == out.read_bytes()
    assert report["changed"] == [] and [r["row"] for r in report["unchanged"]] == [2, 3]


@pytest.mark.parametrize(("delimiter", "decimal"), [(",", "."), (";", ",")])
def test_canvas_gradebook_is_filled_in_place(
    graded: Graded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    delimiter: str,
    decimal: str,
) -> None:
    rows = canvas_rows(decimal)
    download = canvas_csv(rows, delimiter)
    sheet, out = tmp_path / "gradebook.csv", tmp_path / "filled.csv"
    sheet.write_bytes(download)

    report = export(
        graded,
        capsys,
        *("--to", "canvas-gradebook", "--worksheet", str(sheet), "--out", str(out)),
        *("--assignment", "Families plan (2201)"),
    )

    expected = [list(row) for row in rows]
    expected[2][5] = f"10{decimal}00"  # López, María: Pass, the points possible
    expected[3][5] = f"0{decimal}00"  # O'Neil, José: Not Yet
    assert out.read_bytes() == canvas_csv(expected, delimiter)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfStudent")
    assert report["line_ending"] == "CRLF" and report["bom"] is True
    assert report["columns"] == {"id": "ID", "grade": "Families plan (2201)"}
    assert [r["submission_id"] for r in report["changed"]] == ["canvas-48213", "canvas-48214"]
    assert [r["submission_id"] for r in report["undecided"]] == ["canvas-48215"]
    assert [r["platform_id"] for r in report["unmatched_rows"]] == ["48299"]
    assert [(s["submission_id"], s["decision"]) for s in report["submissions_without_row"]] == [
        ("canvas-48216", "not-yet"),
        ("canvas-anon-77", "pass"),
    ]


def test_canvas_assignment_found_by_its_id_when_the_title_changed(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet, out = tmp_path / "gradebook.csv", tmp_path / "filled.csv"
    sheet.write_bytes(canvas_csv(canvas_rows()))
    report = export(
        graded,
        capsys,
        *("--to", "canvas-gradebook", "--worksheet", str(sheet), "--out", str(out)),
        *("--assignment", "Family plan, renamed (2201)", "--pass-grade", "complete"),
        *("--not-yet-grade", "incomplete"),
    )
    assert report["columns"]["grade"] == "Families plan (2201)"
    filled = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert [filled[2][5], filled[3][5]] == ["complete", "incomplete"]
