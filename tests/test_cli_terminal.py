"""Text output never sends an earner's escape sequences or bidi overrides to the
terminal raw: `import`, `submissions` and `search` show them as escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.cli import main
from reviewer_app.cli.output import terminal_safe
from tests import craft

HOSTILE = "Ana\x1b]0;owned\x07 \x1b[2J\u202eanil\u2066\x9b31m"
RAW = ("\x1b", "\x07", "\u202e", "\u2066", "\x9b")


def _assert_clean(text: str) -> None:
    for ch in RAW:
        assert ch not in text, repr(text)


def test_hostile_names_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    files = {"plan.pdf": craft.text_pdf("calendar"), "extra\x1b[2J.txt": b"unlisted"}
    doc = craft.manifest({"plan.pdf": files["plan.pdf"]}, submission_id="TERM-1")
    doc["earner"]["name"] = HOSTILE
    doc["evidence"].append({"text": "visit plan \x1b[2J\u202e reversed", "title": "Answer"})
    bundle = craft.write_zip(
        tmp_path / "b.zip", {"manifest.json": json.dumps(doc).encode(), **files}
    )
    assert main(["--data-dir", str(data_dir), "import", str(bundle)]) == 0
    out, err = capsys.readouterr()
    _assert_clean(out + err)
    assert "Ana\\x1b]0;owned\\x07 \\x1b[2J\\u202eanil\\u2066\\x9b31m" in out
    assert "extra\\x1b[2J.txt" in out  # the unlisted file's warning

    assert main(["--data-dir", str(data_dir), "submissions"]) == 0
    out, err = capsys.readouterr()
    _assert_clean(out + err)
    assert "\\u202e" in out

    assert main(["--data-dir", str(data_dir), "search", "visit"]) == 0
    out, err = capsys.readouterr()
    _assert_clean(out + err)
    assert "TERM-1" in out

    assert main(["--data-dir", str(data_dir), "submissions", "--json"]) == 0
    out, _ = capsys.readouterr()
    _assert_clean(out)
    assert json.loads(out)[0]["earner"] == HOSTILE  # the same value, escaped in JSON


def test_terminal_safe_keeps_tabs_and_ordinary_text() -> None:
    assert terminal_safe("Zoë\tNguyễn 李") == "Zoë\tNguyễn 李"
    assert terminal_safe("one\ntwo\rthree") == "one two three"
    assert terminal_safe("\x00\x7f\x85\u200f") == "\\x00\\x7f\\x85\\u200f"


def test_a_loose_bundle_named_with_escapes_gets_a_plain_id(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    name = "Jane\x1b[2J Doe\u202e\n.zip"
    bundle = craft.write_zip(tmp_path / name, {"reflection.txt": b"I learned a lot."})
    assert main(["--data-dir", str(data_dir), "import", str(bundle), "--json"]) == 0
    [imported] = json.loads(capsys.readouterr().out)["imported"]
    assert imported["submission_id"] == "Jane [2J Doe"
