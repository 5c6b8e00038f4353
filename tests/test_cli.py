"""The command line as the contract describes it: outputs, JSON documents, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from tests import craft


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    document = json.loads(out) if "--json" in argv else out
    return code, document, err


@pytest.fixture
def bundles(tmp_path: Path) -> dict[str, Path]:
    good = craft.bundle_zip(
        tmp_path / "good.zip",
        {"plan.pdf": craft.text_pdf("home visit calendar")},
        submission_id="CLI-1",
    )
    bad = craft.bundle_zip(
        tmp_path / "bad.zip",
        {"plan.pdf": b"GIF89a not a pdf"},
        submission_id="CLI-2",
        media_types={"plan.pdf": "application/pdf"},
    )
    loose = craft.write_zip(tmp_path / "Jane Doe.zip", {"reflection.txt": b"I learned a lot."})
    return {"good": good, "bad": bad, "loose": loose}


def test_import_json_lists_imported_skipped_and_rejected(
    capsys: pytest.CaptureFixture[str], data_dir: Path, bundles: dict[str, Path]
) -> None:
    code, doc, _ = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "import",
        str(bundles["good"]),
        str(bundles["bad"]),
        str(bundles["loose"]),
        "--json",
    )
    assert code == 1  # something was refused
    assert sorted(r["submission_id"] for r in doc["imported"]) == ["CLI-1", "Jane Doe"]
    assert doc["skipped"] == []
    assert doc["rejected"] == [
        {
            "path": str(bundles["bad"]),
            "error": f"{bundles['bad']}: 'plan.pdf' is said to be a PDF but is a GIF image",
        }
    ]

    code, doc, _ = run(
        capsys, "--data-dir", str(data_dir), "import", str(bundles["good"]), "--json"
    )
    assert code == 0
    assert [r["submission_id"] for r in doc["skipped"]] == ["CLI-1"]
    assert doc["imported"] == [] and doc["rejected"] == []


def test_submissions_search_and_check(
    capsys: pytest.CaptureFixture[str], data_dir: Path, bundles: dict[str, Path]
) -> None:
    main(["--data-dir", str(data_dir), "import", str(bundles["good"])])
    capsys.readouterr()

    code, doc, _ = run(capsys, "--data-dir", str(data_dir), "submissions", "--json")
    assert code == 0
    assert doc == [
        {
            "submission_id": "CLI-1",
            "earner": "Ana Lima",
            "earner_email": "ana@example.org",
            "earner_conflict": False,
            "credential_id": craft.CREDENTIAL,
            "attempt": 1,
            "status": "unreviewed",
        }
    ]

    code, doc, _ = run(capsys, "--data-dir", str(data_dir), "search", "home visit", "--json")
    assert code == 0
    assert {(h["submission_id"], h["item"], h["page"]) for h in doc} == {
        ("CLI-1", "plan.pdf", 1),
        ("CLI-1", "plan.pdf", 2),
    }
    assert all("[home] [visit]" in h["snippet"] for h in doc)

    code, doc, _ = run(capsys, "--data-dir", str(data_dir), "search", 'NEAR( OR "', "--json")
    assert code == 0 and doc == []  # query syntax is searched for, never obeyed

    code, doc, _ = run(capsys, "--data-dir", str(data_dir), "check", "--json")
    assert (code, doc) == (0, {"ok": True, "problems": []})


def test_check_finds_a_damaged_and_a_missing_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    photo, pdf = craft.photo_jpeg(tmp_path), craft.text_pdf()
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"p.jpg": photo, "plan.pdf": pdf})
    main(["--data-dir", str(data_dir), "import", str(bundle), "--no-extract"])
    capsys.readouterr()
    with DataFolder.open(data_dir) as folder:
        damaged = folder.store.path_for(craft.sha(photo))
        missing = folder.store.path_for(craft.sha(pdf))
    os.chmod(damaged, 0o644)
    damaged.write_bytes(photo[:-10] + b"tampered!!")
    missing.unlink()
    (data_dir / "store" / "objects" / "ff").mkdir(exist_ok=True)
    (data_dir / "store" / "objects" / "ff" / ("f" * 64)).write_bytes(b"stray")

    code, doc, _ = run(capsys, "--data-dir", str(data_dir), "check", "--json")
    assert code == 1 and doc["ok"] is False
    kinds = {(p["kind"], p["subject"][-64:]) for p in doc["problems"]}
    assert kinds == {
        ("damaged", craft.sha(photo)),
        ("missing", craft.sha(pdf)),
        ("unreferenced", "f" * 64),
    }
    assert any("p.jpg" in p["message"] for p in doc["problems"])


def test_unusable_data_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(not_a_folder), "submissions")
    assert code == 2 and "data folder" in err

    newer = tmp_path / "newer"
    DataFolder.open(newer).close()
    import sqlite3

    con = sqlite3.connect(newer / DATABASE_NAME)
    con.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--data-dir", str(newer), "submissions")
    assert code == 2 and "newer version" in err
    assert "Traceback" not in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2


def test_console_script_and_module_are_the_same_program(tmp_path: Path) -> None:
    env = {**os.environ, "REVIEWER_APP_DATA_DIR": str(tmp_path / "env-data")}
    script = Path(sys.executable).with_name("reviewer-app")
    for command in ([str(script)], [sys.executable, "-m", "reviewer_app"]):
        out = subprocess.run(
            [*command, "submissions", "--json"], env=env, capture_output=True, text=True, check=True
        )
        assert json.loads(out.stdout) == []
        version = subprocess.run([*command, "--version"], capture_output=True, text=True)
        assert version.stdout.startswith("reviewer-app ")
    assert (tmp_path / "env-data" / DATABASE_NAME).is_file()  # the variable was honoured


def test_json_output_is_only_json_even_with_progress(tmp_path: Path) -> None:
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"plan.pdf": craft.text_pdf()})
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer_app",
            "--data-dir",
            str(tmp_path / "d"),
            "import",
            str(bundle),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["imported"][0]["submission_id"] == "FAP-2026-0001"


def test_ctrl_c_stops_an_import_and_keeps_whole_bundles(tmp_path: Path) -> None:
    import signal
    import time

    batch = tmp_path / "batch"
    batch.mkdir()
    for n in range(40):
        big = os.urandom(3_000_000)
        craft.bundle_zip(
            batch / f"{n:02}.zip",
            {"v.mp4": b"\0\0\0\x18ftypmp42" + big},
            submission_id=f"INT-{n:02}",
        )
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewer_app",
            "--data-dir",
            str(data),
            "import",
            str(batch),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while _saved_submissions(data) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until the first batch has landed
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    doc = json.loads(out)
    assert doc["cancelled"] is True
    assert 0 < len(doc["imported"]) < 40
    assert "stopping after the current bundle" in err and "Traceback" not in err
    with DataFolder.open(data) as folder:
        from reviewer_app.storage.check import check_folder

        assert check_folder(folder) == []


def _saved_submissions(data: Path) -> int:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{data / DATABASE_NAME}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(con.execute("SELECT count(*) FROM submissions").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created yet, or busy
