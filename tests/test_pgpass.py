"""Storing a team password in PostgreSQL's password file, when the person asks: one
line per host, port, database and login (replaced, never added twice), `:` and `\\`
escaped as PostgreSQL reads them, the file readable by its owner only and written whole,
other lines kept; and the program finds it there again."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from reviewer_app.storage.pgpass import PasswordFileError, escaped, store_password
from reviewer_app.storage.team_url import pgpass_password, split_pgpass_line
from reviewer_app.team.connection import TeamStart, TeamTarget, team_at_start

ANA = TeamTarget("db.example.org", 5433, "reviewers", "ana")


@pytest.fixture(autouse=True)
def own_password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("PGPASSWORD", "REVIEWER_APP_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "conf" / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def test_a_password_with_colons_and_backslashes_is_escaped_and_read_back(
    own_password_file: Path,
) -> None:
    secret = r"a:b\c:\\d"
    assert store_password(ANA.url(), secret) == own_password_file
    assert stat.S_IMODE(own_password_file.stat().st_mode) == 0o600
    line = own_password_file.read_text("utf-8")
    assert line == "db.example.org:5433:reviewers:ana:a\\:b\\\\c\\:\\\\\\\\d\n"
    assert split_pgpass_line(line.rstrip("\n"))[4] == secret
    assert pgpass_password(ANA.url()) == secret
    assert ANA.found_password() == secret
    assert escaped("x:y\\z") == "x\\:y\\\\z"


def test_the_line_of_the_same_connection_is_replaced_and_the_others_kept(
    own_password_file: Path,
) -> None:
    own_password_file.parent.mkdir()
    others = [
        "# the team's other servers",
        "*:*:*:postgres:admin-password",
        "db.example.org:5433:reviewers:ben:ben-password",
        "db.example.org:5433:reviewers:ana:old-password",
    ]
    own_password_file.write_text("\n".join(others) + "\n", encoding="utf-8")
    own_password_file.chmod(0o644)  # libpq would ignore it so; written, it is tightened
    store_password(ANA.url(), "new-password")
    assert own_password_file.read_text("utf-8").splitlines() == [
        *others[:3],
        "db.example.org:5433:reviewers:ana:new-password",
    ]
    assert stat.S_IMODE(own_password_file.stat().st_mode) == 0o600
    assert ANA.found_password() == "new-password"
    assert not list(own_password_file.parent.glob(".*.tmp"))  # written whole


def test_a_password_on_two_lines_is_refused_and_nothing_is_written(
    own_password_file: Path,
) -> None:
    with pytest.raises(PasswordFileError, match="more than one line"):
        store_password(ANA.url(), "one\ntwo")
    assert not own_password_file.exists()


def test_the_start_takes_the_command_line_then_the_environment_then_the_remembered_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered = ANA.remembered()
    assert remembered == "postgresql://ana@db.example.org:5433/reviewers"
    assert team_at_start(None, None, "") is None
    assert team_at_start(None, None, remembered) == TeamStart(ANA, None, named=False)
    store_password(ANA.url(), "from-the-file")
    assert team_at_start(None, None, remembered) == TeamStart(ANA, "from-the-file")
    ben = TeamTarget("other.example.org", 5432, "team", "ben")
    monkeypatch.setenv("REVIEWER_APP_DATABASE", "postgresql://ben@other.example.org/team")
    assert team_at_start(None, None, remembered) == TeamStart(ben, None, named=True)
    secret = tmp_path / "secret"
    secret.write_text("typed\n", encoding="utf-8")
    given = "postgresql://ana@db.example.org:5433/reviewers"
    assert team_at_start(given, secret, "") == TeamStart(ANA, "typed", named=True)
