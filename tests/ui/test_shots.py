"""The screenshot helpers: a fixed clock and fixed keys give the same pictures on every
run, and a picture that would show a run's temporary folder is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.credentials import keys
from reviewer_app.storage.models import utcnow
from tests.ui.fixed import FIXED_NOW, fix_clock, seed_keys
from tests.ui.shots import RUN_FOLDER, save_shot, shown_texts, steady


def test_the_fixed_clock_reads_the_fixed_moment_and_still_moves_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fix_clock(monkeypatch)
    first, second = utcnow(), utcnow()
    assert FIXED_NOW <= first < second < FIXED_NOW + dt.timedelta(seconds=1)
    assert type(first) is dt.datetime  # the real class: stored and compared as any other
    from reviewer_app.credentials import verify
    from reviewer_app.ui.rubric import footer

    assert isinstance(first, verify.dt.datetime)
    assert verify.dt.datetime(2026, 1, 2) == dt.datetime(2026, 1, 2)
    assert footer.QTime.currentTime().toString("HH:mm:ss") == "10:00:00"


def test_seeded_keys_are_the_same_on_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def did_keys() -> list[str]:
        seed_keys(monkeypatch)
        made = [keys.generate_ed25519() for _ in range(2)]
        return [keys.public_pem(k.public_key()) for k in made]

    once, again = did_keys(), did_keys()
    assert once == again and once[0] != once[1]  # each new key its own, as a rotation needs


def test_a_picture_showing_a_runs_temporary_folder_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    assert RUN_FOLDER.search(str(tmp_path))  # what a test's own folder looks like
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    layout.addWidget(QLabel(f"Exported 2 credentials to {tmp_path / 'export'}."))
    assert any(RUN_FOLDER.search(t) for t in shown_texts(widget))
    with pytest.raises(AssertionError, match="temporary folder"):
        save_shot(widget, "never-saved")
    assert not (Path(__file__).parents[2] / "docs" / "screenshots" / "never-saved.png").exists()


def test_a_picture_waits_for_its_window_and_the_clear_buttons(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    field = QLineEdit(widget)
    field.setClearButtonEnabled(True)
    widget.show()
    qtbot.waitExposed(widget)
    field.setText("export")  # the clear button starts fading in
    steady(widget)
    assert widget.isActiveWindow()
    buttons = [b for b in field.children() if b.metaObject().className() == "QLineEditIconButton"]
    assert [b.property("opacity") for b in buttons] == [1.0]
