"""`issuer init`, `export`, `verify` and `revoke` as the command-line contract says:
JSON on stdout, exit 0 / 1 / 2, clear words for a wrong passphrase."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.storage.datafolder import DataFolder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


def init(capsys: pytest.CaptureFixture[str], root: Path, passphrase: Path, *extra: str) -> Any:
    code, doc, err = run(
        capsys,
        "--data-dir",
        str(root),
        "issuer",
        "init",
        "--name",
        "Riverside Centre",
        "--url",
        "https://centre.example.org",
        "--email",
        "badges@centre.example.org",
        "--passphrase-file",
        str(passphrase),
        "--json",
        *extra,
    )
    assert code == 0, err
    return doc


def test_init_export_verify_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
    passed_folder: DataFolder,
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    root = passed_folder.root
    doc = init(capsys, root, passphrase_file)
    assert isinstance(doc["id"], int) and doc["did"].startswith("did:key:z6Mk")
    out = tmp_path / "export"
    code, doc, err = run(
        capsys,
        "--data-dir",
        str(root),
        "export",
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
    )
    assert code == 0, err
    assert doc["out"] == str(out)
    assert sorted(e["submission_id"] for e in doc["exported"]) == ["FAP-1", "FAP-2"]
    files = [out / f for e in doc["exported"] for f in e["files"]]
    assert all(f.is_file() for f in files)
    code, report, err = run(
        capsys,
        "--data-dir",
        str(root),
        "verify",
        *map(str, files),
        "--hosting",
        str(out / "hosting"),
        "--json",
    )
    assert code == 0, report
    assert [r["valid"] for r in report] == [True] * len(files)
    assert {r["format"] for r in report} == {"ob3", "ob3 baked in PNG"}
    assert all(r["error"] is None for r in report)

    damaged = tmp_path / "damaged.json"
    damaged.write_text(files[0].read_text().replace("Partners", "Partnerz", 1))
    code, report, _ = run(capsys, "verify", str(damaged), "--json")
    assert code == 1 and report[0]["valid"] is False and report[0]["error"]


def test_a_wrong_passphrase_exits_1_with_words_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
    passed_folder: DataFolder,
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    init(capsys, passed_folder.root, passphrase_file)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    code, _, err = run(
        capsys,
        "--data-dir",
        str(passed_folder.root),
        "export",
        "--out",
        str(tmp_path / "out"),
        "--passphrase-file",
        str(wrong),
    )
    assert code == 1 and "passphrase" in err.lower() and "Traceback" not in err
    assert not (tmp_path / "out" / "credentials").exists()
    code, _, err = run(
        capsys,
        "--data-dir",
        str(passed_folder.root),
        "export",
        "--out",
        str(tmp_path / "out"),
        "--passphrase-file",
        str(tmp_path / "missing.txt"),
    )
    assert code == 1 and "passphrase file" in err


def test_jwt_proofs_and_did_web_issuers_verify_too(
    capsys: pytest.CaptureFixture[str],
    passed_folder: DataFolder,
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    root = passed_folder.root
    doc = init(
        capsys,
        root,
        passphrase_file,
        "--did",
        "web",
        "--hosting-url",
        "https://centre.example.org/badges/",
    )
    assert doc["did"] == "did:web:centre.example.org:badges"
    out = tmp_path / "export"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(root),
        "export",
        "--out",
        str(out),
        "--proof",
        "jwt",
        "--passphrase-file",
        str(passphrase_file),
    )
    assert code == 0, err
    assert (out / "hosting" / "did.json").is_file()
    tokens = sorted((out / "credentials").glob("*.jwt"))
    assert len(tokens) == 2
    code, report, _ = run(
        capsys, "verify", *map(str, tokens), "--hosting", str(out / "hosting"), "--json"
    )
    assert code == 0, report
    assert {r["format"] for r in report} == {"ob3-jwt"}
    # With no hosting folder and no data folder the key cannot be found: invalid, said why.
    code, report, _ = run(
        capsys, "--data-dir", str(tmp_path / "empty"), "verify", str(tokens[0]), "--json"
    )
    assert code == 1 and "key" in report[0]["error"]


def test_revoke_from_the_command_line_updates_the_hosting_folder(
    capsys: pytest.CaptureFixture[str],
    passed_folder: DataFolder,
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    root = passed_folder.root
    init(capsys, root, passphrase_file)
    out = tmp_path / "export"
    assert (
        run(
            capsys,
            "--data-dir",
            str(root),
            "export",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase_file),
        )[0]
        == 0
    )
    code, doc, err = run(
        capsys,
        "--data-dir",
        str(root),
        "revoke",
        "FAP-2",
        "--reason",
        "Issued in error",
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file),
        "--json",
    )
    assert code == 0, err
    assert doc["credential_id"].startswith("urn:uuid:")
    revoked = next(p for p in (out / "credentials").glob("*.json") if "FAP-2" in p.name)
    code, report, _ = run(
        capsys, "verify", str(revoked), "--hosting", str(out / "hosting"), "--json"
    )
    assert code == 1 and report[0]["error"] == "revocation: revoked"
    code, _, err = run(capsys, "--data-dir", str(root), "revoke", "FAP-2", "--reason", "again")
    assert code == 1 and "already revoked" in err
