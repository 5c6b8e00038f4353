"""Opening evidence with the system viewer: the extension comes from the file's own
bytes, never the earner's name; files that could run are not handed over; the folder is
our own, not a fixed name in the shared temporary folder."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from reviewer_app.ui.evidence import system_open
from tests import craft


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setattr(system_open, "_folder", None)
    out: list[Path] = []

    def record(url: QUrl) -> bool:
        out.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return out


def _stored(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / craft.sha(data)
    path.write_bytes(data)
    path.chmod(0o400)
    return path


def test_the_extension_is_the_sniffed_type_not_the_earners(
    tmp_path: Path, opened: list[Path]
) -> None:
    pdf = _stored(tmp_path, craft.text_pdf())
    assert system_open.viewer_file_name("Plan", "plan.exe", "application/pdf") == "Plan.pdf"
    assert system_open.open_with_system_viewer(pdf, "Plan.exe")
    assert opened[-1].name == "Plan.exe.pdf"
    html = _stored(tmp_path, b"<html><script>alert(1)</script></html>")
    assert system_open.open_with_system_viewer(html, "report.html")
    assert opened[-1].name == "report.html.txt"  # a text editor shows it; no browser runs it
    assert opened[-1].read_bytes() == html.read_bytes()


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200),  # a Windows program
        b"\x7fELF\x02\x01\x01" + bytes(200),  # a Linux program
        b"PK\x03\x04" + bytes(200),  # a zip (a .jar, a .docm...)
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200),  # an old Office file with macros
    ],
)
def test_a_file_that_could_run_is_not_handed_over(
    tmp_path: Path, opened: list[Path], data: bytes
) -> None:
    stored = _stored(tmp_path, data)
    assert system_open.safe_suffix(stored) is None
    assert not system_open.open_with_system_viewer(stored, "setup.desktop")
    assert opened == []


def test_the_folder_is_our_own_even_when_another_made_the_old_one(
    tmp_path: Path, opened: list[Path]
) -> None:
    squatted = Path(tempfile.gettempdir()) / "portfolio-reviewer-open"
    squatted.mkdir(mode=0o777)  # as another user would have made it, first
    squatted.chmod(0o777)
    pdf = _stored(tmp_path, craft.text_pdf())
    assert system_open.open_with_system_viewer(pdf, "Plan")
    path = opened[-1]
    assert squatted not in path.parents
    own = path.parent.parent
    assert own.name.startswith("portfolio-reviewer-open-")
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_details_pane_says_why_a_program_is_not_opened(
    qtbot: QtBot, tmp_path: Path, opened: list[Path]
) -> None:
    from reviewer_app.ui.evidence.other_view import OtherView

    view = OtherView()
    qtbot.addWidget(view)
    stored = _stored(tmp_path, b"MZ\x90\x00" + bytes(300))
    view.set_file(
        stored,
        title="Lesson plan",
        original_name="lesson.pdf.exe",
        media_type="application/octet-stream",
        size=304,
        viewer_name="Lesson plan",
    )
    assert not view.open_with_system()
    assert opened == []
    assert "can run as programs" in view.status.text()
