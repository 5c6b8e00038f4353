"""The queue says which submissions a platform marked late, and which came with no name."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reviewer_app.lms.importing import import_download
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.queue_model import PK_ROLE, QueueModel
from tests import craft
from tests.lms.platforms import CanvasFile, CanvasStudent, canvas_entries, write


def test_queue_shows_late_and_nameless_rows(
    qtbot: QtBot, lms_folder: DataFolder, tmp_path: Path
) -> None:
    students = [
        CanvasStudent(
            "lopezmaria", "1", late=True, files=[CanvasFile("a.pdf", craft.text_pdf(), 9)]
        ),
        CanvasStudent("ruizana", "2", files=[CanvasFile("b.pdf", craft.text_pdf("b"), 8)]),
        CanvasStudent("anon", "Xy7", text="<p>hola</p>"),
    ]
    path = write(tmp_path / "c.zip", canvas_entries(students))
    assert (
        len(import_download(lms_folder, path, credential="families-as-partners-1").report.imported)
        == 3
    )
    model = QueueModel(lms_folder)
    model.load_now()
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=10_000)
    rows = {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 5).data())
        for r in range(model.rowCount())
    }
    assert model.index(0, 0).data(PK_ROLE) is not None
    assert rows == {
        "canvas-1": ("lopezmaria", "Late"),
        "canvas-2": ("ruizana", ""),
        "canvas-anon-Xy7": ("(no name: blind marking)", ""),
    }
