"""Offline, then back, against a real server of this module's own (it is stopped in the
middle, so not the session's): a lead assigns, the assessor checks out into an empty
data folder on her laptop, the server goes away, she scores one submission on the
command line and one in the window (a click on the queue row, then keys), the server
comes back and `team sync` puts her reviews on it as hers; a review changed on the
server meanwhile becomes a conflict a lead sees, and syncing again changes nothing.

Until evidence is kept in the team database, a checkout reads the evidence files from
the data folder of the computer that imported them (`offline.evidence_store`); here
that folder is the owner's, on the same machine, and the tests point the one function
at it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from tests.pg_server import SUPERUSER, PgServer, find_bindir, running_server

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
FAMILIES = resource("demo", "definitions") / "families-as-partners-1.json"
PASSWORDS = {"ana": "ana-long-password-1", "lea": "lea-long-password-2"}
ANA, LEA = "Ana Lima", "Lea Park"
MINE = ["FAP-2026-0142", "FAP-2026-0143"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and code == 0 and out.strip() else out, err


def criteria() -> list[str]:
    rubric = json.loads(FAMILIES.read_text(encoding="utf-8"))["rubric"]
    return [c["id"] for part in rubric["parts"] for c in part["criteria"]]


def levels(*, failing: str | None = None) -> list[str]:
    out = []
    for c in criteria():
        out += ["--level", f"{c}={'not-yet' if c == failing else 'proficient'}"]
    return out


@pytest.fixture(scope="module")
def server() -> Iterator[PgServer]:
    if find_bindir() is None:
        why = "PostgreSQL is not installed (scripts/bootstrap.sh installs the postgresql package)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    with running_server() as started:
        yield started


class Team:
    def __init__(self, server: PgServer, tmp_path: Path, database: str) -> None:
        self.server, self.tmp, self.database = server, tmp_path, database

    def login(self, login: str, data: str) -> list[str]:
        url = f"postgresql://{login}@{self.server.host}:{self.server.port}/{self.database}"
        secret = self.tmp / f"{login}-password"
        return ["--data-dir", str(self.tmp / data), "--database", url, "--password-file",
                str(secret)]  # fmt: skip

    def laptop(self) -> list[str]:
        return ["--data-dir", str(self.tmp / "laptop")]

    def query(self, sql: str) -> list[Any]:
        engine = create_engine(self.server.url(self.database))
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(sql)).all())
        finally:
            engine.dispose()


@pytest.fixture
def team(
    server: PgServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> Team:
    monkeypatch.delenv("REVIEWER_APP_DATABASE", raising=False)
    name = f"offline_{request.node.name[5:30].lower()}"
    server.create_database(name)
    owner = tmp_path / "owner-password"
    owner.write_text(server.password + "\n", encoding="utf-8")
    admin = f"postgresql://{SUPERUSER}@{server.host}:{server.port}/{name}"
    base = ["--data-dir", str(tmp_path / "owner"), "--password-file", str(owner)]
    assert run(capsys, *base, "team", "setup", "--database", admin)[0] == 0
    assert run(capsys, *base, "--database", admin, "definitions", "add",
               *map(str, DEFINITIONS))[0] == 0  # fmt: skip
    assert run(capsys, *base, "--database", admin, "demo")[0] == 0
    for login, (who, role) in {"ana": (ANA, "assessor"), "lea": (LEA, "lead")}.items():
        secret = tmp_path / f"{login}-password"
        secret.write_text(PASSWORDS[login] + "\n", encoding="utf-8")
        code, _, err = run(capsys, *base, "team", "add", who, "--login", login, "--role", role,
                           "--password-file", str(secret), "--database", admin)  # fmt: skip
        assert code == 0, err
    made = Team(server, tmp_path, name)
    code, _, err = run(capsys, *made.login("lea", "lea"), "team", "assign", "--reviewer", "ana",
                       "--submission", *MINE)  # fmt: skip
    assert code == 0, err
    return made


def check_out(team: Team, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, done, err = run(capsys, *team.login("ana", "laptop"), "team", "checkout", "--json")
    assert code == 0, err
    assert done["submissions"] == MINE and done["reviewer"] == ANA and done["login"] == "ana"
    assert done["blind"] is False
    return dict(done)


# The window --------------------------------------------------------------------------------


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    target: QWidget | None = QApplication.focusWidget()
    assert target is not None, "no widget has the focus"
    if modifiers is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifiers)


def score_in_the_window(folder: DataFolder, qtbot: QtBot, tmp: Path, submission: str) -> None:
    """One click on the submission's queue row, then "2" (Proficient) and J (next
    criterion) for every criterion, and Ctrl+Enter to submit."""
    from reviewer_app.ui import gc_guard
    from reviewer_app.ui.main_window import MainWindow
    from reviewer_app.ui.theme import LIGHT, apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, LIGHT)
    gc_guard.install(app)
    settings = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, ANA, settings)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        row = next(
            r
            for r in range(window.model.rowCount())
            if window.model.index(r, 0).data() == submission
        )
        rect = window.table.visualRect(window.model.index(row, 0))
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(
            lambda: window.review is not None and window.review.submission_id == submission
        )
        assert window.review is not None
        for _ in range(len(window.review.rubric.criteria)):
            press(qtbot, Qt.Key.Key_2)
            press(qtbot, Qt.Key.Key_J)
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: ReviewSession.open(folder, submission, ANA).submitted_at is not None
        )
    finally:
        window.close()


# Tests ----------------------------------------------------------------------------------


def test_checkout_score_offline_in_the_window_and_on_the_command_line_then_sync(
    team: Team,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    ana = team.login("ana", "laptop")
    # The laptop has none of the evidence: the checkout fetches it from the database.
    other = team.query(
        "SELECT submission_id FROM submissions WHERE credential_uri IS NOT NULL "
        "AND submission_id NOT IN ('FAP-2026-0142', 'FAP-2026-0143') LIMIT 1"
    )[0][0]
    code, _, err = run(capsys, *ana, "team", "checkout", "--submission", other)
    assert code == 1 and f"{other} is not assigned to you (Ana Lima)" in err
    check_out(team, capsys)
    code, again, _ = run(capsys, *ana, "team", "checkout")
    assert code == 0 and "nothing new to check out for Ana Lima" in again
    assert all(f"already here {sid}" in again for sid in MINE)

    team.server.stop()
    try:
        # Offline: the laptop's folder alone, on the command line and in the window.
        laptop = team.laptop()
        code, listed, err = run(capsys, *laptop, "submissions", "--json")
        assert code == 0, err
        assert sorted(s["submission_id"] for s in listed) == MINE
        code, _, err = run(capsys, *laptop, "annotate", MINE[0], "--reviewer", ANA, "--item",
                           "evidence/contact-log.pdf", "--rect", "72,72,200,40", "--text",
                           "Noted on the train.")  # fmt: skip
        assert code == 0, err
        code, scored, err = run(capsys, *laptop, "score", MINE[0], "--reviewer", ANA,
                                *levels(), "--submit", "--json")  # fmt: skip
        assert code == 0, err
        assert scored["decision"] == "pass"
        with DataFolder.open(team.tmp / "laptop") as folder:
            score_in_the_window(folder, qtbot, team.tmp, MINE[1])
        # Sync needs the server: refused in words while it is away.
        code, _, err = run(capsys, *ana, "team", "sync")
        assert code == 1 and "Cannot reach the team database" in err
    finally:
        team.server.start()

    code, synced, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert sorted(synced["added"]) == MINE and synced["conflicts"] == []
    assert synced["statuses"] == {sid: "pass" for sid in MINE}
    rows = team.query(
        "SELECT s.submission_id, v.name, r.written_by, r.decision FROM reviews r "
        "JOIN submissions s ON s.id = r.submission_id JOIN reviewers v ON v.id = r.reviewer_id "
        "WHERE r.submitted_at IS NOT NULL ORDER BY 1"
    )
    assert [tuple(r) for r in rows] == [(sid, ANA, "ana", "pass") for sid in MINE]
    notes = team.query("SELECT text, written_by FROM annotations")
    assert [tuple(n) for n in notes] == [("Noted on the train.", "ana")]
    entries = team.query("SELECT count(*) FROM audit_events")[0][0]

    # Again: nothing to change, nothing written.
    code, twice, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert twice["added"] == [] and sorted(twice["unchanged"]) == MINE
    assert team.query("SELECT count(*) FROM audit_events")[0][0] == entries

    assert run(capsys, *team.login("lea", "lea"), "audit", "verify")[0] == 0
    # The trail is the lead's to read: an assessor's login is refused, in words.
    code, _, err = run(capsys, *ana, "audit", "verify")
    assert code == 1 and "does not allow your login" in err
    assert run(capsys, *team.laptop(), "audit", "verify")[0] == 0


def test_a_review_changed_on_the_server_meanwhile_is_a_conflict_for_a_lead(
    team: Team, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check_out(team, capsys)
    # From another laptop, online, Ana scores the same submission otherwise.
    online = team.login("ana", "other-laptop")
    failing = criteria()[0]
    code, _, err = run(capsys, *online, "score", MINE[0], "--reviewer", ANA,
                       *levels(failing=failing), "--submit")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, *team.laptop(), "score", MINE[0], "--reviewer", ANA,
                       *levels(), "--submit")  # fmt: skip
    assert code == 0, err

    # Only to where it came from, as whom it was checked out.
    code, _, err = run(capsys, *team.login("lea", "laptop"), "team", "sync")
    assert code == 1 and "was checked out from" in err and "as ana" in err

    ana = team.login("ana", "laptop")
    code, synced, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert synced["added"] == [] and len(synced["conflicts"]) == 1
    conflict = synced["conflicts"][0]
    assert conflict["submission_id"] == MINE[0] and conflict["new"] is True
    assert synced["not_done"] == [{"submission_id": MINE[1], "state": "not started"}]
    # The server's review is untouched: still the one scored online.
    held = team.query(
        "SELECT r.decision FROM reviews r JOIN submissions s ON s.id = r.submission_id "
        f"WHERE s.submission_id = '{MINE[0]}'"
    )
    assert [r[0] for r in held] == ["not-yet"]

    lea = team.login("lea", "lea")
    code, listed, err = run(capsys, *lea, "packet", "conflicts", "--json")
    assert code == 0, err
    assert [(c["id"], c["submission_id"], c["reviewer"]) for c in listed] == [
        (conflict["id"], MINE[0], ANA)
    ]
    assert any(failing in line for line in listed[0]["differences"])

    # Syncing again raises no second conflict.
    code, twice, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert twice["conflicts"] == [] and twice["unchanged"] == [MINE[0]]
    code, said, err = run(capsys, *ana, "team", "sync")
    assert code == 0, err
    assert f"unchanged  {MINE[0]}" in said and f"not sent   {MINE[1]} (not started)" in said
    assert len(run(capsys, *lea, "packet", "conflicts", "--json")[1]) == 1

    # A submission taken from her after the checkout: its review stays on the laptop.
    code, _, err = run(capsys, *team.laptop(), "score", MINE[1], "--reviewer", ANA,
                       *levels(), "--submit")  # fmt: skip
    assert code == 0, err
    engine = create_engine(team.server.url(team.database))
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "DELETE FROM assignments WHERE submission_id = "
                    "(SELECT id FROM submissions WHERE submission_id = :s)"
                ),
                {"s": MINE[1]},
            )
    finally:
        engine.dispose()
    code, taken, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert taken["added"] == [] and taken["not_done"] == [
        {"submission_id": MINE[1], "state": "no longer assigned"}
    ]
    assert team.query(
        "SELECT count(*) FROM reviews r JOIN submissions s ON s.id = r.submission_id "
        f"WHERE s.submission_id = '{MINE[1]}'"
    ) == [(0,)]

    resolve = ["packet", "resolve", str(conflict["id"]), "--keep", "incoming", "--lead", LEA]
    code, _, err = run(capsys, *lea, *resolve, "--rationale", "Scored again offline.")
    assert code == 0, err
    assert run(capsys, *lea, "audit", "verify")[0] == 0
    assert run(capsys, *team.laptop(), "audit", "verify")[0] == 0


def test_a_team_that_reviews_blind_checks_out_codes_and_syncs_to_the_submissions(
    team: Team, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(team.server.url(team.database))
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO folder_settings (key, value) VALUES ('review.blind', :v)"),
                {"v": json.dumps({"value": True})},
            )
    finally:
        engine.dispose()
    ana = team.login("ana", "laptop")
    code, done, err = run(capsys, *ana, "team", "checkout", "--json")
    assert code == 0, err
    assert done["blind"] is True and len(done["submissions"]) == 2
    assert not set(done["submissions"]) & set(MINE)  # codes, not the submissions' ids
    laptop = team.laptop()
    code, listed, _ = run(capsys, *laptop, "submissions", "--json")
    names = team.query(
        "SELECT e.name FROM earners e JOIN submissions s ON s.earner_id = e.id "
        "WHERE s.submission_id IN ('FAP-2026-0142', 'FAP-2026-0143')"
    )
    assert len(names) == 2 and len(listed) == 2
    assert not any(name in json.dumps(listed) for (name,) in names)
    for sid in done["submissions"]:
        code, _, err = run(capsys, *laptop, "score", sid, "--reviewer", ANA, *levels(), "--submit")
        assert code == 0, err
    code, synced, err = run(capsys, *ana, "team", "sync", "--json")
    assert code == 0, err
    assert sorted(synced["added"]) == MINE
    code, twice, _ = run(capsys, *ana, "team", "sync", "--json")
    assert twice["added"] == [] and sorted(twice["unchanged"]) == MINE
    # The trail is the lead's to read: an assessor's login is refused, in words.
    code, _, err = run(capsys, *ana, "audit", "verify")
    assert code == 1 and "does not allow your login" in err
