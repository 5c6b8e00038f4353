"""Odd and hostile worksheets: each is refused with one clear sentence and no file written,
or filled safely with the rows it cannot fill listed and left as they were."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from reviewer_app.cli import main
from reviewer_app.lms.grade_values import feedback_text
from reviewer_app.lms.sheet_bytes import read_sheet, rewrite
from reviewer_app.reviews.letter import FeedbackLetter
from reviewer_app.vocabulary import Outcome
from tests.lms.sheets import Graded, canvas_csv, canvas_rows, moodle_csv, moodle_rows

MOODLE = ["--to", "moodle-worksheet"]
CANVAS = ["--to", "canvas-gradebook", "--assignment", "Families plan (2201)"]


def run(
    graded: Graded, capsys: pytest.CaptureFixture[str], data: bytes, tmp: Path, *args: str
) -> tuple[int, str, Path]:
    sheet, out = tmp / "sheet.csv", tmp / "out.csv"
    sheet.write_bytes(data)
    capsys.readouterr()
    command = ["--data-dir", str(graded.folder.root), "grades", "export"]
    code = main([*command, "--worksheet", str(sheet), "--out", str(out), "--json", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out if code == 0 else captured.err, out


def refused(
    graded: Graded, capsys: pytest.CaptureFixture[str], data: bytes, tmp: Path, *args: str
) -> str:
    code, err, out = run(graded, capsys, data, tmp, *args)
    assert code == 1 and not out.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reviewer-app: "), err
    return lines[0]


def english() -> list[list[str]]:
    return moodle_rows()


def test_a_worksheet_that_is_not_utf8_is_refused_then_read_when_its_encoding_is_named(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = english()
    rows[3][1] = "Mai Nguyen"  # cp1252 has no ễ
    data = "".join(",".join(f'"{c}"' for c in row) + "\r\n" for row in rows).encode("cp1252")
    message = refused(graded, capsys, data, tmp_path, *MOODLE)
    assert "not UTF-8" in message and "--encoding cp1252" in message
    code, out_json, out = run(graded, capsys, data, tmp_path, *MOODLE, "--encoding", "cp1252")
    assert code == 0
    report = json.loads(out_json)
    assert report["encoding"] == "cp1252" and report["line_ending"] == "CRLF"
    filled = out.read_bytes()
    assert filled.split(b"\r\n")[0] == data.split(b"\r\n")[0]
    assert "Jos\xe9".encode("latin-1") in filled  # José, still in cp1252
    assert len(report["changed"]) == 2


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("Identifier,Grade\n".encode("utf-16"), "UTF-16"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), "not a CSV file"),
        (b"", "empty"),
        (b"just one title\n", "not a CSV header"),
        (b'Identifier,Grade,Feedback comments\n"Participant 101,10,\n', "never ends"),
    ],
    ids=["utf16", "xlsx", "empty", "no-delimiter", "unterminated-quote"],
)
def test_files_that_are_not_worksheets_are_refused(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    assert words in refused(graded, capsys, data, tmp_path, *MOODLE)


def test_headers_in_an_unknown_language_need_columns_named(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = english()
    rows[0] = [f"列{n}" for n in range(1, len(rows[0]) + 1)]
    data = moodle_csv(rows)
    message = refused(graded, capsys, data, tmp_path, *MOODLE)
    assert "which column holds the grade" in message and "--columns grade=COLUMN" in message
    assert "'列5'" in message
    assert "no maximum grade" in refused(
        graded, capsys, data, tmp_path, *MOODLE, "--columns", "grade=列5,feedback=11"
    )
    code, out_json, out = run(
        graded,
        capsys,
        data,
        tmp_path,
        *MOODLE,
        *("--columns", "grade=列5,feedback=11", "--pass-grade", "10.00", "--not-yet-grade", "0"),
    )
    assert code == 0
    assert json.loads(out_json)["columns"] == {"id": "列1", "grade": "列5", "feedback": "列11"}
    assert list(csv.reader(io.StringIO(out.read_text())))[1][4] == "10.00"
    out.unlink()
    assert "--columns takes ROLE=COLUMN" in refused(
        graded, capsys, data, tmp_path, *MOODLE, "--columns", "mark=5"
    )


def test_grades_only_when_the_feedback_column_is_named_none(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [row[:10] for row in english()]  # no Feedback comments column
    data = moodle_csv(rows)
    assert "feedback comments" in refused(graded, capsys, data, tmp_path, *MOODLE)
    code, _, out = run(graded, capsys, data, tmp_path, *MOODLE, "--columns", "feedback=none")
    assert code == 0
    rows[1][4], rows[2][4] = "10.00", "0.00"
    assert out.read_bytes() == moodle_csv(rows)


def test_ragged_locked_and_duplicate_rows_are_listed_and_left_alone(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = english()
    rows[1] = rows[1][:6]  # Participant 101's row is cut short
    rows[2][6] = "No"  # Participant 102's grade is locked in Moodle's gradebook
    rows.append(list(rows[3]))  # Participant 103 twice
    data = moodle_csv(rows)
    code, out_json, out = run(graded, capsys, data, tmp_path, *MOODLE)
    assert code == 0
    report = json.loads(out_json)
    assert report["changed"] == []
    reasons = {r["row"]: r["reason"] for r in report["skipped"]}
    assert "too few" in reasons[2] and "cannot be changed" in reasons[3]
    assert "in 2 rows" in reasons[4] and "in 2 rows" in reasons[6]
    assert out.read_bytes() == data


def test_formula_looking_grades_are_kept_as_text(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, out = run(
        graded,
        capsys,
        moodle_csv(english()),
        tmp_path,
        *MOODLE,
        *("--pass-grade", '=HYPERLINK("x")', "--not-yet-grade", "@SUM(1)"),
    )
    assert code == 0
    filled = list(csv.reader(io.StringIO(out.read_text())))
    assert [filled[1][4], filled[2][4]] == ['\'=HYPERLINK("x")', "'@SUM(1)"]
    # The online text's "=SUM(A1)", untouched, is byte for byte as downloaded.
    assert filled[1][8] == english()[1][8]


def test_a_letter_that_would_start_a_formula_is_kept_as_text() -> None:
    letter = FeedbackLetter(
        earner_name="Ana",
        submission_id="moodle-1",
        credential_name="=cmd|' /C calc'!A0",
        attempt=1,
        decision=Outcome.PASS,
        decided_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        parts=(),
        overall_feedback=None,
    )
    text = feedback_text(letter)
    assert text.startswith("'=cmd") and "\r" not in text


def test_refusals_of_grades_and_files(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = moodle_csv(english())
    assert "more than the worksheet's maximum, 10.00" in refused(
        graded, capsys, data, tmp_path, *MOODLE, "--pass-grade", "12"
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(data)
    capsys.readouterr()
    root = str(graded.folder.root)
    command = ["--data-dir", root, "grades", "export", *MOODLE]
    code = main([*command, "--worksheet", str(sheet), "--out", str(sheet)])
    assert code == 1 and "another file" in capsys.readouterr().err
    assert sheet.read_bytes() == data
    missing = main(
        [*command, "--worksheet", str(tmp_path / "no.csv"), "--out", str(tmp_path / "o.csv")]
    )
    assert missing == 1 and "Could not read the worksheet" in capsys.readouterr().err


def test_canvas_refusals_name_what_is_there(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = canvas_csv(canvas_rows())
    message = refused(
        graded, capsys, data, tmp_path, "--to", "canvas-gradebook", "--assignment", "Essay (9)"
    )
    assert "'Families plan (2201)', 'Reflection (2202)'" in message
    assert "needs --assignment" in refused(
        graded, capsys, data, tmp_path, "--to", "canvas-gradebook"
    )
    assert "not a Canvas gradebook" in refused(
        graded, capsys, moodle_csv(english()), tmp_path, *CANVAS
    )


def test_untouched_bytes_survive_odd_but_valid_csv() -> None:
    # A blank line, a quoted cell with a doubled quote and a line break, a trailing
    # delimiter, text after a closing quote, and no line break at the end.
    text = 'a;b;c\r\n\r\n"x ""1""\nmore";;tail\r\n"q"z;2;\r\nlast;;'
    sheet = read_sheet(text.encode())
    assert sheet.delimiter == ";" and sheet.newline == "\r\n"
    assert [[c.value for c in r.cells] for r in sheet.records] == [
        ["a", "b", "c"],
        ['x "1"\nmore', "", "tail"],
        ["qz", "2", ""],
        ["last", "", ""],
    ]
    out = rewrite(sheet, {(2, 1): "new;value", (4, 2): "ñ", (1, 0): "A"})
    assert out.decode() == text.replace(";;tail", ';"new;value";tail').replace(
        "a;b", "A;b"
    ).replace("last;;", "last;;ñ")


def test_two_assignments_here_need_a_prefix(tmp_path: Path) -> None:
    from reviewer_app.lms.importing import import_download
    from reviewer_app.lms.worksheets import MOODLE as TARGET
    from reviewer_app.lms.worksheets import ExportRequest, plan_export
    from reviewer_app.reviews.service import ReviewSession
    from tests import craft
    from tests.lms.platforms import MoodleStudent, moodle_entries, write
    from tests.lms.sheets import CRITERIA, graded_folder

    graded = graded_folder(tmp_path / "data", tmp_path)
    try:
        # The same participant in a download of two assignments.
        entries = {}
        for assignment in ("Essay 1", "Essay 2"):
            student = MoodleStudent("Student 101", 101, files={"e.pdf": craft.text_pdf(assignment)})
            entries |= {f"{assignment}/{k}": v for k, v in moodle_entries([student]).items()}
        done = import_download(
            graded.folder, write(tmp_path / "essays.zip", entries), credential=craft.CREDENTIAL
        )
        other = "Essay 2-moodle-101"
        assert other in {b.submission_id for b in done.report.imported}
        review = ReviewSession.open(graded.folder, other, "Ana Ruiz")
        for criterion in CRITERIA:
            review.set_level(criterion, "not-yet")
        review.submit()
        sheet = tmp_path / "w.csv"
        sheet.write_bytes(moodle_csv(english()))
        both = plan_export(graded.folder, ExportRequest(TARGET, sheet))
        assert [r.submission_id for r in both.changed] == ["moodle-102"]
        [skipped] = both.skipped
        assert skipped.row == 2
        assert "Essay 1-moodle-101, Essay 2-moodle-101, moodle-101" in skipped.reason
        assert "--prefix" in skipped.reason
        essay = plan_export(graded.folder, ExportRequest(TARGET, sheet, prefix="Essay 2"))
        assert [(r.submission_id, r.decision) for r in essay.changed] == [
            ("Essay 2-moodle-101", "not-yet")
        ]
        assert [r.platform_id for r in essay.unmatched_rows] == ["102", "103", "900"]
    finally:
        graded.folder.close()


def test_a_resubmission_is_graded_by_its_latest_attempt(tmp_path: Path) -> None:
    """Not Yet, then a second attempt from the next download that passes: the worksheet's
    row gets the second attempt's grade."""
    from reviewer_app.lms.importing import import_download
    from reviewer_app.lms.worksheets import MOODLE as TARGET
    from reviewer_app.lms.worksheets import ExportRequest, plan_export
    from reviewer_app.reviews.service import ReviewSession
    from tests import craft
    from tests.lms.platforms import MoodleStudent, moodle_entries, write
    from tests.lms.sheets import CRITERIA, graded_folder

    graded = graded_folder(tmp_path / "data", tmp_path)
    try:
        again = MoodleStudent("Student 102", 102, files={"plan.pdf": craft.text_pdf("again")})
        path = write(tmp_path / "second.zip", moodle_entries([again]))
        import_download(graded.folder, path, credential=craft.CREDENTIAL, attempt=2)
        review = ReviewSession.open(graded.folder, "moodle-102-attempt-2", "Ana Ruiz")
        for criterion in CRITERIA:
            review.set_level(criterion, "proficient")
        assert review.submit().outcome == "pass"
        sheet = tmp_path / "w.csv"
        sheet.write_bytes(moodle_csv(english()))
        export = plan_export(graded.folder, ExportRequest(TARGET, sheet))
        row = {r.platform_id: r for r in export.changed}["102"]
        assert (row.submission_id, row.decision) == ("moodle-102-attempt-2", "pass")
    finally:
        graded.folder.close()
