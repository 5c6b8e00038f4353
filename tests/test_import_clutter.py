"""A folder or zip of bundles with a README and the litter of file managers beside them
imports as a batch of those bundles; the clutter is listed as skipped, with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.cli import main
from tests import craft


def _two_bundle_zips(where: Path) -> None:
    craft.bundle_zip(where / "ana.zip", {"a.png": craft.png_image()}, submission_id="C-1")
    craft.bundle_zip(where / "ben.zip", {"b.png": craft.png_image(10, 10)}, submission_id="C-2")


def test_a_folder_of_two_bundle_zips_and_a_readme_imports_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "March intake"
    batch.mkdir()
    _two_bundle_zips(batch)
    (batch / "README.txt").write_text("Two bundles from the March intake.\n", encoding="utf-8")
    (batch / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (batch / "desktop.ini").write_text("[.ShellClassInfo]\n", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]

    code = main([*data, "import", str(batch), "--no-extract", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert sorted(r["submission_id"] for r in doc["imported"]) == ["C-1", "C-2"]
    assert doc["rejected"] == []
    assert doc["skipped_files"] == [
        {"path": f"{batch} > README.txt", "reason": "a README file, not a bundle"},
        {"path": f"{batch} > Thumbs.db", "reason": "a Windows thumbnail cache, not a bundle"},
        {"path": f"{batch} > desktop.ini", "reason": "a Windows folder setting, not a bundle"},
    ]


def test_a_zip_of_bundle_folders_zips_and_mac_litter_imports_the_bundles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _two_bundle_zips(tmp_path)
    doc = craft.manifest({"c.png": craft.png_image(12, 12)}, submission_id="C-3")
    batch = craft.write_zip(
        tmp_path / "intake.zip",
        {
            "ana.zip": (tmp_path / "ana.zip").read_bytes(),
            "ben.zip": (tmp_path / "ben.zip").read_bytes(),
            "Cleo/manifest.json": json.dumps(doc).encode(),
            "Cleo/c.png": craft.png_image(12, 12),
            "readme.md": b"# Intake\n",
            ".DS_Store": b"\0\0\0\1Bud1",
            "__MACOSX/._ana.zip": b"\0\5\26\7",
        },
    )
    data = ["--data-dir", str(tmp_path / "data")]
    code = main([*data, "import", str(batch), "--no-extract"])
    out = capsys.readouterr().out
    assert code == 0
    assert "imported  C-1" in out and "imported  C-2" in out and "imported  C-3" in out
    assert f"skipped   {batch} > readme.md  (a README file, not a bundle)" in out
    assert f"skipped   {batch} > .DS_Store  (a file the Mac Finder keeps, not a bundle)" in out
    assert f"skipped   {batch} > __MACOSX  (a folder the Mac archive tool adds" in out
    assert out.rstrip().endswith(
        "3 imported, 0 already imported, 0 rejected, 3 other files skipped"
    )


def test_a_loose_bundle_with_a_readme_stays_one_loose_bundle(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    loose = tmp_path / "Jane Doe"
    loose.mkdir()
    (loose / "essay.txt").write_text("What I learned.", encoding="utf-8")
    (loose / "README.txt").write_text("Read the essay first.", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    code = main([*data, "import", str(loose), "--no-extract", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(r["submission_id"], r["items"]) for r in doc["imported"]] == [("Jane Doe", 2)]
    assert doc["skipped_files"] == []


def test_a_loose_bundle_of_sub_folders_and_a_readme_stays_one_loose_bundle(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    loose = tmp_path / "Jane Doe"
    (loose / "photos").mkdir(parents=True)
    (loose / "photos" / "board.png").write_bytes(craft.png_image())
    (loose / "notes").mkdir()
    (loose / "notes" / "week 1.txt").write_text("Started the unit.", encoding="utf-8")
    (loose / "README.txt").write_text("Photos first.", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    code = main([*data, "import", str(loose), "--no-extract", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(r["submission_id"], r["items"]) for r in doc["imported"]] == [("Jane Doe", 3)]


def test_bundle_folders_beside_a_readme_are_a_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "intake"
    craft.bundle_dir(batch / "Ana", {"a.png": craft.png_image()}, submission_id="C-4")
    craft.bundle_dir(batch / "Ben", {"b.png": craft.png_image(9, 9)}, submission_id="C-5")
    (batch / "README").write_text("Two bundles.", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    code = main([*data, "import", str(batch), "--no-extract", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert sorted(r["submission_id"] for r in doc["imported"]) == ["C-4", "C-5"]
    assert [f["reason"] for f in doc["skipped_files"]] == ["a README file, not a bundle"]
