"""The window on a team database (the real server of tests/pg_server.py): File >
Connect to team database…, the connection in the title and the status bar, remembered
without its password (stored in PostgreSQL's password file only when asked), a wrong
password said in the dialog while the window keeps its own queue, and the queue
following others' changes, on the server and on a data folder shared by two programs,
without disturbing the submission being read."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from reviewer_app.cli import main
from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.store import add_files
from reviewer_app.settings import REVIEWER_NAME, TEAM_DATABASE, Settings
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.team.connection import TeamStart, TeamTarget, team_at_start
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.team_connect_dialog import TeamConnectDialog
from tests import craft
from tests.pg_server import SUPERUSER, PgServer
from tests.ui.fixed import fix_clock
from tests.ui.shots import loaded, save_shot

DATABASE = "window_team"  # fixed: the status bar of the screenshot names it
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def no_password_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PostgreSQL's password file is this test's own (and absent); no password or team
    database comes from the environment of whoever runs the tests."""
    for name in ("PGPASSWORD", "REVIEWER_APP_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def team(pg_server: PgServer, reviewed_folder: DataFolder, tmp_path: Path) -> TeamTarget:
    """A team database set up by its owner, with the demo definitions and two
    submissions of its own (TEAM-1, TEAM-2), their evidence in the same data folder as
    the window's local queue (FAP-1, FAP-2)."""
    pg_server.create_database(DATABASE)
    owner = tmp_path / "owner-password"
    owner.write_text(pg_server.password + "\n", encoding="utf-8")
    target = TeamTarget(pg_server.host, pg_server.port, DATABASE, SUPERUSER)
    admin = target.remembered()
    data = str(reviewed_folder.root)
    assert main(["--data-dir", data, "--password-file", str(owner), "team", "setup",
                 "--database", admin]) == 0  # fmt: skip
    with DataFolder.open(reviewed_folder.root, database_url=target.url(pg_server.password)) as f:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(f, definitions, "lead").rejected
        bundles = [
            craft.bundle_zip(
                tmp_path / f"team{n}.zip",
                {"plan.pdf": craft.text_pdf(f"team plan {n}")},
                submission_id=f"TEAM-{n}",
            )
            for n in (1, 2)
        ]
        assert len(Importer(f).import_paths(bundles).imported) == 2
    return target


def make_window(folder: DataFolder | None, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, "Ana Ruiz", settings, preferences=Settings.load())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = make_window(reviewed_folder, qtbot, tmp_path)
    yield win
    win.close()
    if win.folder is not reviewed_folder:
        win.folder.close()


def queue_ids(window: MainWindow) -> list[str]:
    return [window.model.index(r, 0).data() for r in range(window.model.rowCount())]


def row_of(window: MainWindow, submission_id: str) -> int:
    return queue_ids(window).index(submission_id)


def status_of(window: MainWindow, submission_id: str) -> str:
    return str(window.model.index(row_of(window, submission_id), 4).data())


def open_dialog(window: MainWindow, qtbot: QtBot) -> TeamConnectDialog:
    window.connect_team_action.trigger()  # File > Connect to team database…
    qtbot.waitUntil(lambda: window.team_dialog is not None and window.team_dialog.isVisible())
    dialog = window.team_dialog
    assert dialog is not None
    return dialog


def fill(qtbot: QtBot, dialog: TeamConnectDialog, target: TeamTarget, password: str) -> None:
    for field, text in (
        (dialog.host, target.host),
        (dialog.database, target.database),
        (dialog.login, target.login),
        (dialog.password, password),
    ):
        field.selectAll()
        qtbot.keyClicks(field, text)
    dialog.port.lineEdit().selectAll()
    qtbot.keyClicks(dialog.port.lineEdit(), str(target.port))
    assert dialog.port.value() == target.port


def connected(window: MainWindow, target: TeamTarget) -> bool:
    return window.team == target and not window.model.is_loading()


def remembered() -> str:
    return Settings.load().get(TEAM_DATABASE)


def test_connecting_through_the_dialog_shows_the_team_queue_and_remembers_it_without_the_password(
    window: MainWindow,
    team: TeamTarget,
    pg_server: PgServer,
    qtbot: QtBot,
    tmp_path: Path,
    no_password_anywhere: Path,
) -> None:
    assert queue_ids(window) == ["FAP-1", "FAP-2"]
    dialog = open_dialog(window, qtbot)
    fill(qtbot, dialog, team, pg_server.password)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: connected(window, team), timeout=WAIT_MS)
    loaded(window)
    assert sorted(queue_ids(window)) == ["TEAM-1", "TEAM-2"]
    shown = f"{SUPERUSER}@127.0.0.1/{DATABASE}"
    assert window.connection_label.isVisible()
    assert window.connection_label.text() == shown
    assert window.windowTitle().endswith(shown)
    assert not dialog.isVisible()
    # Remembered as a URL without the password; no password file written unasked.
    assert remembered() == f"postgresql://{SUPERUSER}@127.0.0.1:{pg_server.port}/{DATABASE}"
    assert pg_server.password not in (tmp_path / "config" / "settings.json").read_text("utf-8")
    assert not no_password_anywhere.exists()

    # File > Use local data folder: the data folder's own queue, and the next start too.
    window.local_folder_action.trigger()
    qtbot.waitUntil(lambda: not window.model.is_loading() and window.team is None)
    qtbot.waitUntil(lambda: queue_ids(window) == ["FAP-1", "FAP-2"])
    assert not window.connection_label.isVisible()
    assert remembered() == ""
    assert SUPERUSER not in window.windowTitle()


def test_a_restart_connects_again_asking_for_the_password_which_is_stored_only_when_asked(
    reviewed_folder: DataFolder,
    team: TeamTarget,
    pg_server: PgServer,
    qtbot: QtBot,
    tmp_path: Path,
    no_password_anywhere: Path,
) -> None:
    Settings.load().set(TEAM_DATABASE, team.remembered())  # as a connection leaves it
    # The start as `reviewer-app` makes it (reviewer_app/ui/app.py): nothing is named on
    # the command line, so the remembered one; no password is found, so it is asked for.
    start = team_at_start(None, None, remembered())
    assert start == TeamStart(team, None)
    went_local: list[bool] = []
    window = make_window(None, qtbot, tmp_path)
    try:
        window.open_team_at_start(reviewed_folder.root, start, lambda: went_local.append(True))
        qtbot.waitUntil(lambda: window.team_dialog is not None and window.team_dialog.isVisible())
        dialog = window.team_dialog
        assert dialog is not None
        assert (dialog.host.text(), dialog.port.value()) == (team.host, team.port)
        assert (dialog.database.text(), dialog.login.text()) == (DATABASE, SUPERUSER)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
        qtbot.keyClicks(dialog.password, pg_server.password)
        qtbot.mouseClick(dialog.store, Qt.MouseButton.LeftButton)
        assert dialog.store.isChecked()
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: connected(window, team), timeout=WAIT_MS)
        assert sorted(queue_ids(window)) == ["TEAM-1", "TEAM-2"]
        assert not went_local
    finally:
        window.close()
        if window.folder is not None:
            window.folder.close()
    # The password file: readable by its owner only, one line for this connection.
    assert stat.S_IMODE(no_password_anywhere.stat().st_mode) == 0o600
    line = f"127.0.0.1:{pg_server.port}:{DATABASE}:{SUPERUSER}:{pg_server.password}"
    assert no_password_anywhere.read_text("utf-8").splitlines() == [line]
    # So the next start finds it where PostgreSQL's tools look, and asks nothing.
    assert team_at_start(None, None, remembered()) == TeamStart(team, pg_server.password)


def test_a_wrong_password_is_said_in_the_dialog_and_the_window_keeps_its_own_queue(
    window: MainWindow, team: TeamTarget, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    dialog = open_dialog(window, qtbot)
    fill(qtbot, dialog, team, "not-the-password")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=WAIT_MS)
    assert dialog.problem.text() == (
        f"The server refused the password of {SUPERUSER}: check it and try again."
    )
    assert dialog.isVisible() and dialog.password.hasFocus()
    # Nothing changed behind it.
    assert window.folder is reviewed_folder and window.team is None
    assert queue_ids(window) == ["FAP-1", "FAP-2"]
    assert not window.connection_label.isVisible()
    assert remembered() == ""
    # A server nobody answers at: said as such.
    dialog.port.lineEdit().selectAll()
    qtbot.keyClicks(dialog.port.lineEdit(), "1")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cannot reach" in dialog.problem.text(), timeout=WAIT_MS)
    assert dialog.problem.text().startswith("Cannot reach the server 127.0.0.1:1:")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.folder is reviewed_folder and queue_ids(window) == ["FAP-1", "FAP-2"]


def start_typing_a_comment(window: MainWindow, qtbot: QtBot, submission_id: str) -> CriterionCard:
    """Clicks the submission's row, goes to its rubric with Enter and starts a comment."""
    table = window.table
    rect = table.visualRect(window.model.index(row_of(window, submission_id), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.rubric.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C)
    card = next(c for c in window.rubric.findChildren(CriterionCard) if c.comment_box.hasFocus())
    qtbot.keyClicks(card.comment_box, "Half a thought")
    return card


def still_reading(window: MainWindow, submission_id: str, card: CriterionCard) -> None:
    assert window.table.currentIndex().row() == row_of(window, submission_id)
    assert window.table.selectionModel().isRowSelected(row_of(window, submission_id))
    assert card.comment_box.toPlainText() == "Half a thought"
    assert card.comment_box.hasFocus()


def test_the_queue_shows_a_change_made_on_the_server_without_disturbing_the_reader(
    window: MainWindow, team: TeamTarget, pg_server: PgServer, qtbot: QtBot
) -> None:
    window.open_team_at_start(window.folder.root, TeamStart(team, pg_server.password), lambda: None)
    qtbot.waitUntil(lambda: connected(window, team), timeout=WAIT_MS)
    loaded(window)
    card = start_typing_a_comment(window, qtbot, "TEAM-1")
    assert status_of(window, "TEAM-2") == "Not reviewed"
    # Another reviewer scores TEAM-2 through a connection of their own.
    with DataFolder.open(window.folder.root, database_url=team.url(pg_server.password)) as other:
        ReviewSession.open(other, "TEAM-2", "Ben Osei").set_level("overview-goal", "proficient")
    qtbot.waitUntil(lambda: status_of(window, "TEAM-2") == "In review", timeout=15_000)
    still_reading(window, "TEAM-1", card)


def test_the_queue_shows_a_change_another_program_made_in_the_same_data_folder(
    window: MainWindow, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    card = start_typing_a_comment(window, qtbot, "FAP-1")
    assert status_of(window, "FAP-2") == "Not reviewed"
    command = [sys.executable, "-m", "reviewer_app", "--data-dir", str(reviewed_folder.root)]
    scored = subprocess.run(
        [*command, "score", "FAP-2", "--reviewer", "Ben Osei", "--level",
         "overview-goal=proficient"],
        capture_output=True, text=True, timeout=120, env={**os.environ},
    )  # fmt: skip
    assert scored.returncode == 0, scored.stderr
    qtbot.waitUntil(lambda: status_of(window, "FAP-2") == "In review", timeout=15_000)
    still_reading(window, "FAP-1", card)


def test_screenshots_of_the_connect_dialog_and_of_the_window_connected(
    window: MainWindow,
    team: TeamTarget,
    pg_server: PgServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fix_clock(monkeypatch)
    dialog = open_dialog(window, qtbot)
    fill(qtbot, dialog, TeamTarget("db.example.org", 5432, "reviewers", "ana"), "secret")
    save_shot(dialog, "team-connect")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    window.open_team_at_start(window.folder.root, TeamStart(team, pg_server.password), lambda: None)
    qtbot.waitUntil(lambda: connected(window, team), timeout=WAIT_MS)
    save_shot(window, "team-window")  # the status bar names SUPERUSER@127.0.0.1/DATABASE


def test_a_start_whose_password_no_longer_works_asks_again_and_cancel_keeps_the_data_folder(
    reviewed_folder: DataFolder, team: TeamTarget, qtbot: QtBot, tmp_path: Path
) -> None:
    went_local: list[bool] = []
    window = make_window(None, qtbot, tmp_path)
    try:
        window.open_team_at_start(
            reviewed_folder.root, TeamStart(team, "changed-since"), lambda: went_local.append(True)
        )
        qtbot.waitUntil(
            lambda: window.team_dialog is not None and window.team_dialog.problem.isVisible(),
            timeout=WAIT_MS,
        )
        dialog = window.team_dialog
        assert dialog is not None
        assert "refused the password of" in dialog.problem.text()
        assert dialog.database.text() == DATABASE and dialog.password.hasFocus()
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )
        assert went_local == [True]  # the start goes on with the data folder's own
        assert window.team is None
    finally:
        window.close()


@pytest.mark.parametrize("how", ["--database", "REVIEWER_APP_DATABASE"])
def test_the_window_command_opens_on_the_team_database_named_for_this_start_only(
    how: str, team: TeamTarget, pg_server: PgServer, reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    """`reviewer-app --database URL` (or the variable) with no command: the window opens on
    the team database; the next start without it is on the data folder again."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "REVIEWER_APP_CONFIG_DIR": str(tmp_path / "config"),
        "REVIEWER_APP_LOG_DIR": str(tmp_path / "logs"),
    }
    command = [sys.executable, "-m", "reviewer_app", "--data-dir", str(reviewed_folder.root)]
    if how == "--database":
        secret = tmp_path / "secret"
        secret.write_text(pg_server.password + "\n", encoding="utf-8")
        command += ["--database", team.remembered(), "--password-file", str(secret)]
    else:
        env |= {"REVIEWER_APP_DATABASE": team.remembered(), "PGPASSWORD": pg_server.password}
    out = subprocess.run(
        [*command, "--quit-after", "5000"], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    log = (tmp_path / "logs" / "reviewer-app.log").read_text(encoding="utf-8")
    assert f"Connected to the team database {team.remembered()}" in log
    assert pg_server.password not in log
    assert not (tmp_path / "config" / "settings.json").exists()  # nothing remembered


def test_a_login_bound_to_a_profile_reviews_as_that_profile_while_connected(
    window: MainWindow, team: TeamTarget, pg_server: PgServer, qtbot: QtBot, tmp_path: Path
) -> None:
    owner, lea = tmp_path / "owner-password", tmp_path / "lea-password"
    lea.write_text("lea-long-password-2\n", encoding="utf-8")
    assert main(["--data-dir", str(window.folder.root), "--password-file", str(owner), "team",
                 "add", "Lea Park", "--login", "lea", "--role", "lead", "--password-file",
                 str(lea), "--database", team.remembered()]) == 0  # fmt: skip
    as_lea = TeamTarget(team.host, team.port, team.database, "lea")
    window.open_team_at_start(
        window.folder.root, TeamStart(as_lea, "lea-long-password-2"), lambda: None
    )
    qtbot.waitUntil(lambda: connected(window, as_lea), timeout=WAIT_MS)
    assert window.reviewer == "Lea Park"
    assert window.reviewer_button.text() == "Reviewing as Lea Park"
    assert window.connection_label.text() == f"lea@127.0.0.1/{DATABASE}"
    assert Settings.load().get(REVIEWER_NAME) == ""  # the person's own name is untouched
    window.local_folder_action.trigger()
    qtbot.waitUntil(lambda: window.team is None and not window.model.is_loading())
    assert window.reviewer == "Ana Ruiz"
    assert window.reviewer_button.text() == "Reviewing as Ana Ruiz"


def test_a_refresh_keeps_the_list_scrolled_where_the_reader_left_it(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    """The selected row scrolled out of sight stays out of sight: a refresh does not
    jump the list back to it (nor to the top)."""
    many = [
        craft.bundle_zip(
            tmp_path / f"many{n}.zip",
            {"plan.pdf": craft.text_pdf(f"plan {n}")},
            submission_id=f"MANY-{n:02}",
        )
        for n in range(40)
    ]
    assert len(Importer(reviewed_folder).import_paths(many).imported) == 40
    window = make_window(reviewed_folder, qtbot, tmp_path)
    try:
        table = window.table
        first = table.visualRect(window.model.index(0, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
        opened = window.current_pk
        assert opened is not None
        bar = table.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum())  # the reader scrolls down to look further
        last = queue_ids(window)[-1]
        with DataFolder.open(reviewed_folder.root) as other:
            ReviewSession.open(other, last, "Ben Osei").set_level("overview-goal", "proficient")
        qtbot.waitUntil(lambda: status_of(window, last) == "In review", timeout=15_000)
        qtbot.waitUntil(lambda: not window.model.is_loading())
        assert bar.value() == bar.maximum()
        assert table.selectionModel().isRowSelected(0)
        assert window.current_pk == opened
    finally:
        window.close()


def test_cancel_while_connecting_to_a_server_that_does_not_answer_keeps_the_data_folder(
    window: MainWindow, reviewed_folder: DataFolder, qtbot: QtBot
) -> None:
    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        dialog = open_dialog(window, qtbot)
        fill(qtbot, dialog, TeamTarget("127.0.0.1", port, "reviewers", "ana"), "secret")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.connect_button.text() == "Connecting…"
        assert not dialog.connect_button.isEnabled() and not dialog.password.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert window.folder is reviewed_folder and window.team is None
        assert queue_ids(window) == ["FAP-1", "FAP-2"]
    # The server goes: the connection under way fails, and says nothing any more.
    qtbot.waitUntil(lambda: not window._connecting.running, timeout=WAIT_MS)
    qtbot.wait(50)
    assert window.folder is reviewed_folder and window.team is None
    assert QApplication.activeModalWidget() is None


def test_the_connection_speaks_spanish(spanish: object, window: MainWindow, qtbot: QtBot) -> None:
    assert window.connect_team_action.text() == "&Conectar a la base de datos del equipo…"
    assert window.local_folder_action.text() == "Usar la carpeta de datos &local"
    dialog = open_dialog(window, qtbot)
    assert dialog.windowTitle() == "Conectar a la base de datos del equipo"
    assert dialog.connect_button.text() == "Conectar"
    assert dialog.store.text() == "Guardar la contraseña en el archivo de contraseñas de PostgreSQL"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_an_assessor_in_blind_review_sees_only_her_submission_as_a_code_and_scores_it(
    window: MainWindow, team: TeamTarget, pg_server: PgServer, qtbot: QtBot, tmp_path: Path
) -> None:
    """Row-level security and blind review hold at the server; the window works within
    them: the assessor's queue is what is assigned to her, no earner's name anywhere,
    and what she types is saved as hers."""
    owner, ana = tmp_path / "owner-password", tmp_path / "ana-password"
    ana.write_text("ana-long-password-1\n", encoding="utf-8")
    admin = ["--data-dir", str(window.folder.root), "--password-file", str(owner)]
    assert main([*admin, "team", "add", "Ana Lima", "--login", "ana", "--role", "assessor",
                 "--password-file", str(ana), "--database", team.remembered()]) == 0  # fmt: skip
    assert main([*admin, "--database", team.remembered(), "team", "assign", "--reviewer",
                 "ana", "--submission", "TEAM-1"]) == 0  # fmt: skip
    assert main([*admin, "--database", team.remembered(), "blind-review", "on"]) == 0
    as_ana = TeamTarget(team.host, team.port, team.database, "ana")
    window.open_team_at_start(
        window.folder.root, TeamStart(as_ana, "ana-long-password-1"), lambda: None
    )
    qtbot.waitUntil(lambda: connected(window, as_ana), timeout=WAIT_MS)
    loaded(window)
    assert queue_ids(window) == ["TEAM-1"]
    shown = [str(window.model.index(0, c).data()) for c in range(window.model.columnCount())]
    assert not any("Ana Lima" in cell or "@" in cell for cell in shown)  # the earner's
    assert any(cell.startswith("S-") for cell in shown)
    start_typing_a_comment(window, qtbot, "TEAM-1")
    assert "blind review" in window.windowTitle()
    # Leaving the box (a click on the queue) saves it.
    rect = window.table.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    check = team.url(pg_server.password)

    def saved() -> bool:
        engine = create_engine(check)
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    sql("SELECT comment, written_by FROM criterion_scores WHERE comment <> ''")
                ).all()
        finally:
            engine.dispose()
        return [tuple(r) for r in rows] == [("Half a thought", "ana")]

    qtbot.waitUntil(saved, timeout=15_000)
