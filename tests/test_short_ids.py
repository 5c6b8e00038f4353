"""A micro-credential is named on the command line by its full id or, when no other ends
the same, by the last segment of it; `definitions list` shows that short id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.rubrics.short_ids import short_id

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
GLOBAL = "https://credentials.example.org/mc/global-classroom-1"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "definitions", "add", *map(str, DEFINITIONS)]) == 0
    capsys.readouterr()
    return data


def test_short_id_is_the_last_segment() -> None:
    assert short_id(GLOBAL) == "global-classroom-1"
    assert short_id("https://example.org/badges/x/") == "x"
    assert short_id("urn:uuid:1234") == "1234"


def test_definitions_list_shows_the_short_id(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows, _ = run(capsys, *data, "definitions", "list", "--json")
    assert code == 0
    assert {r["short_id"]: r["id"] for r in rows}["global-classroom-1"] == GLOBAL
    code, out, _ = run(capsys, *data, "definitions", "list")
    assert any(
        line.startswith("global-classroom-1 ") and "Global Education" in line
        for line in out.splitlines()
    )


def test_short_ids_work_for_require_reviews_and_calibration(
    data: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, doc, err = run(
        capsys, *data, "definitions", "require-reviews", "global-classroom-1", "2", "--json"
    )
    assert code == 0, err
    assert doc == {"credential_id": GLOBAL, "required_reviews": 2}
    code, report, err = run(
        capsys, *data, "calibration", "report", "--credential", "global-classroom-1", "--json"
    )
    assert code == 0, err
    assert "overall" in report
    code, _, err = run(capsys, *data, "calibration", "report", "--credential", "no-such-thing")
    assert code == 1 and "There is no micro-credential 'no-such-thing' here" in err

    # Two micro-credentials that end the same: a refusal naming both, never a guess.
    source = json.loads(
        resource("demo", "definitions", "global-classroom-1.json").read_text(encoding="utf-8")
    )
    source["achievement"]["id"] = "https://elsewhere.example/global-classroom-1"
    source["achievement"].pop("image", None)
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(source), encoding="utf-8")
    assert main([*data, "definitions", "add", str(twin)]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, *data, "definitions", "require-reviews", "global-classroom-1", "3")
    assert code == 1
    assert "could name 2 micro-credentials" in err
    assert GLOBAL in err and "https://elsewhere.example/global-classroom-1" in err
