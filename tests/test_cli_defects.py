"""Command-line defects: what `score --submit --json` reports before a decision stands,
`verify` leaving no data folder behind, search snippets on one line, counts in words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.cli.output import counted
from reviewer_app.resources import resource
from tests import craft

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
PASSPHRASE = "correct horse battery staple"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


def _levels() -> list[str]:
    doc = json.loads(
        resource("demo", "definitions", "families-as-partners-1.json").read_text(encoding="utf-8")
    )
    criteria = [c["id"] for part in doc["rubric"]["parts"] for c in part["criteria"]]
    return [f"--level={c}=proficient" for c in criteria]


def test_the_first_of_two_reviewers_sees_their_outcome_and_the_wait(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"a.png": craft.png_image()}, submission_id="D-1")
    assert main([*data, "definitions", "add", *map(str, DEFINITIONS)]) == 0
    assert main([*data, "import", str(bundle), "--no-extract"]) == 0
    code, _, err = run(
        capsys, *data, "definitions", "require-reviews", "families-as-partners-1", "2"
    )
    assert code == 0, err

    score = [*data, "score", "D-1", *_levels(), "--submit"]
    code, first, err = run(capsys, *score, "--reviewer", "Ana Ruiz", "--json")
    assert code == 0, err
    assert first["outcome"] == "pass"
    assert first["decision"] is None
    assert first["awaiting_reviews"] == 1
    assert first["status"] == "in-review"

    code, second, _ = run(capsys, *score, "--reviewer", "Ben Osei")
    assert code == 0
    assert second == "D-1 by Ben Osei: pass\n    the submission's decision: pass\n"
    code, again, _ = run(capsys, *data, "score", "D-1", "--reviewer", "Ana Ruiz", "--json")
    assert (again["outcome"], again["decision"], again["awaiting_reviews"]) == ("pass", "pass", 0)

    # One passing credential: said in the singular.
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    issuer = ["issuer", "init", "--name", "Test Issuer", "--url", "https://issuer.example.org"]
    assert main([*data, *issuer, "--passphrase-file", str(passphrase)]) == 0
    code, _, err = run(
        capsys,
        *data,
        "export",
        "--out",
        str(tmp_path / "out"),
        "--passphrase-file",
        str(passphrase),
    )
    assert code == 0, err
    assert "1 credential in " in err


def test_the_first_reviewer_waiting_is_said_in_text_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"a.png": craft.png_image()}, submission_id="D-2")
    main([*data, "definitions", "add", *map(str, DEFINITIONS)])
    main([*data, "import", str(bundle), "--no-extract"])
    main([*data, "definitions", "require-reviews", craft.CREDENTIAL, "3"])
    capsys.readouterr()
    code, out, _ = run(capsys, *data, "score", "D-2", *_levels(), "--submit", "--reviewer", "Ana")
    assert code == 0
    assert out == "D-2 by Ana: pass\n    no decision yet: the submission awaits 2 more reviews\n"


def test_verify_with_a_new_data_dir_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    credential = tmp_path / "credential.json"
    credential.write_text("{}", encoding="utf-8")
    fresh = tmp_path / "not-yet-a-folder"
    code = main(["--data-dir", str(fresh), "verify", str(credential), "--json"])
    capsys.readouterr()
    assert code == 1  # the credential is invalid, and said so
    assert not fresh.exists()


def test_search_snippets_are_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    text = b"Notes\n\nThe home\nvisit   went well.\r\nWe   planned\tthe next one.\n"
    bundle = craft.write_zip(tmp_path / "Lee Park.zip", {"notes.txt": text})
    assert main([*data, "import", str(bundle)]) == 0
    capsys.readouterr()
    code, hits, _ = run(capsys, *data, "search", "visit", "--json")
    assert code == 0 and hits
    snippet = hits[0]["snippet"]
    assert "\n" not in snippet and "\r" not in snippet and "  " not in snippet
    assert "home [visit] went well." in snippet
    code, out, _ = run(capsys, *data, "search", "visit")
    assert out.count("\n") == len(hits) and "home [visit] went well. We planned the" in out


def test_counts_take_the_singular_for_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert [counted(n, "credential") for n in (0, 1, 2)] == [
        "0 credentials",
        "1 credential",
        "2 credentials",
    ]
    assert counted(1, "entry", "entries") == "1 entry"
    data = ["--data-dir", str(tmp_path / "data")]
    bundle = craft.write_zip(tmp_path / "Lee Park.zip", {"notes.txt": b"one file"})
    code, out, _ = run(capsys, *data, "import", str(bundle), "--no-extract")
    assert code == 0 and "(Lee Park, 1 item)" in out
    code, out, _ = run(capsys, *data, "submissions")
    assert code == 0
    assert out.rstrip().endswith("\n1 submission")
