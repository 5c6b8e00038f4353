"""An assessor who submits a practice anchor in the window sees the reference at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.calibration.anchors import mark_anchor
from reviewer_app.calibration.sets import assign, create_set
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer, Submission
from reviewer_app.ui.main_window import MainWindow
from tests import craft
from tests.ui.shots import save_shot

CULTURE = "https://credentials.example.org/mc/cultural-proficiency-1"


def test_submitting_a_practice_anchor_shows_the_reference(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = reviewed_folder
    bundle = craft.bundle_zip(
        tmp_path / "an.zip",
        {"lesson.pdf": craft.text_pdf("anchor")},
        submission_id="AN-0",
        credential={"id": CULTURE, "name": "Culture"},
    )
    assert Importer(folder).import_paths([bundle]).imported
    with folder.sessions.begin() as session:
        session.add(Reviewer(name="Lena Lead", role="lead"))
        session.add(Reviewer(name="Ana Ruiz", role="assessor"))
    reference = ReviewSession.open(folder, "AN-0", "Lena Lead")
    for criterion in reference.rubric.criteria:
        reference.set_level(criterion.id, criterion.levels[3].id)
    reference.submit()
    mark_anchor(folder, "AN-0", "Lena Lead", rationale="Every criterion fully shown.")
    create_set(folder, "Practice", "practice", ["AN-0"], "Lena Lead")
    assign(folder, "Practice", "Ana Ruiz", "Lena Lead")

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    with folder.sessions() as session:
        pk = session.scalar(select(Submission.id).where(Submission.submission_id == "AN-0"))
    assert pk is not None
    window.open_submission(pk)
    review = window.review
    assert review is not None
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[2].id)
    window.rubric.set_review(review)
    window.rubric.submit()
    qtbot.waitUntil(lambda: getattr(window, "practice_box", None) is not None, timeout=5000)
    text = window.practice_box.informativeText()
    assert "Every criterion fully shown." in text
    assert "1 step(s) harsher than the reference (Exemplary)" in text
    save_shot(window.practice_box, "practice-feedback")
    window.practice_box.close()
    window.close()
