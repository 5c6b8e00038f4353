"""The command line on a team database, a real PostgreSQL server: definitions, a batch
of bundles, the queue, full-text search (accents folded, as on SQLite), a review scored
to its decision, an annotation, and the audit trail verified, all through
`--database` with the password from a file (never on the command line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.storage.team_url import TeamDatabaseError, team_url
from tests.pg_server import SUPERUSER, PgServer

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))


@pytest.fixture
def team(pg_server: PgServer, tmp_path: Path) -> list[str]:
    pg_server.create_database("team_cli")
    secret = tmp_path / "password"
    secret.write_text(pg_server.password + "\n", encoding="utf-8")
    database = f"postgresql://{SUPERUSER}@{pg_server.host}:{pg_server.port}/team_cli"
    return [
        "--data-dir", str(tmp_path / "cache"),
        "--database", database,
        "--password-file", str(secret),
    ]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and code == 0 and out.strip() else out, err


def test_import_search_score_and_verify_on_the_team_database(
    team: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *team, "definitions", "add", *map(str, DEFINITIONS))[0] == 0
    code, out, err = run(capsys, *team, "demo")
    assert code == 0, err
    code, listed, _ = run(capsys, *team, "submissions", "--json")
    assert len(listed) == 15
    # Folded accents: "Nunez" finds Núñez's evidence; a prefix finds the word.
    code, hits, _ = run(capsys, *team, "search", "famil*", "--json")
    assert code == 0 and hits
    code, hits, _ = run(capsys, *team, "search", "Nunez", "--json")
    assert code == 0 and {h["submission_id"] for h in hits} & {"FAP-2026-0142", "FAP-2026-0187"}
    code, none, _ = run(capsys, *team, "search", "zyxwv", "--json")
    assert none == []

    criteria = [
        c["id"]
        for path in DEFINITIONS
        if "families-as-partners" in path.name
        for part in json.loads(path.read_text(encoding="utf-8"))["rubric"]["parts"]
        for c in part["criteria"]
    ]
    levels = [f"{c}=proficient" for c in criteria]
    args = [a for level in levels for a in ("--level", level)]
    code, scored, err = run(
        capsys, *team, "score", "FAP-2026-0142", "--reviewer", "Ana Lima", *args, "--submit",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    assert scored["submitted"] and scored["outcome"] == "pass"
    code, note, err = run(
        capsys, *team, "annotate", "FAP-2026-0142", "--reviewer", "Ben Osei",
        "--item", "evidence/contact-log.pdf", "--rect", "72,72,200,40",
        "--text", "Which languages?", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert (note["page"], note["rect"]) == (1, [72.0, 72.0, 200.0, 40.0])
    code, bens, _ = run(
        capsys, *team, "annotations", "FAP-2026-0142", "--reviewer", "Ben Osei", "--json"
    )
    code, anas, _ = run(
        capsys, *team, "annotations", "FAP-2026-0142", "--reviewer", "Ana Lima", "--json"
    )
    assert [a["text"] for a in bens] == ["Which languages?"] and anas == []
    code, out, err = run(capsys, *team, "audit", "verify")
    assert code == 0, out + err
    assert "the chain holds" in out


def test_the_url_takes_the_password_from_the_password_file_never_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("db.example:5432:team:ana:s3cr\\:et\n*:*:*:ben:other\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    url = team_url("postgresql://ana@db.example/team")
    assert url is not None and url.password == "s3cr:et" and url.drivername.endswith("pg8000")
    assert team_url("postgresql://ben@elsewhere:6543/x").password == "other"  # type: ignore[union-attr]
    pgpass.chmod(0o644)  # others may read it: ignored, as PostgreSQL does
    assert team_url("postgresql://ana@db.example/team").password is None  # type: ignore[union-attr]
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert team_url("postgresql://ana@db.example/team").password == "from-env"  # type: ignore[union-attr]
    monkeypatch.setenv("REVIEWER_APP_DATABASE", "postgresql://ana@db.example/team")
    assert team_url(None) is not None
    assert team_url("") is None  # given empty: the data folder's own database
    with pytest.raises(TeamDatabaseError, match="not a team database"):
        team_url("sqlite:///elsewhere.db")


def test_the_queue_reads_the_team_database(
    team: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The window's queue: ids in order, filtered by status and by words in the evidence."""
    from reviewer_app.cli import build_parser
    from reviewer_app.cli.evidence_cmds import open_folder
    from reviewer_app.reviews.queue import QueueFilter, queue_ids, queue_rows, status_counts

    assert run(capsys, *team, "definitions", "add", *map(str, DEFINITIONS))[0] == 0
    assert run(capsys, *team, "demo")[0] == 0
    args = build_parser().parse_args([*team, "submissions"])
    with open_folder(args) as folder, folder.read_sessions() as session:
        everything = queue_ids(session, QueueFilter(sort="submission"))
        assert len(everything) == 15
        rows = queue_rows(session, everything)
        ids = [rows[pk].submission_id for pk in everything]
        assert ids == sorted(ids)
        assert status_counts(session)["unreviewed"] == 15
        found = queue_ids(session, QueueFilter(search="Nunez"))
        assert found and set(found) < set(everything)
