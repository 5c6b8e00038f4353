"""A real data folder with reviewers, double-marked submissions and anchors, shared by
the report's tests and the dashboard's."""

from __future__ import annotations

from pathlib import Path

from reviewer_app.calibration.anchors import mark_anchor
from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from tests import craft

CULTURE = "https://credentials.example.org/mc/cultural-proficiency-1"
# Steps (0..3) per submission for each reviewer on the first three criteria; the rest
# follow the first. The lead's reviews of CP-0 and CP-1 are the anchors' references.
PLAN = {
    "Lena Lead": {"CP-0": [3, 3, 2], "CP-1": [1, 2, 2]},
    "Ana Ruiz": {"CP-0": [3, 2, 2], "CP-1": [1, 2, 1], "CP-2": [2, 2, 3], "CP-3": [0, 1, 1]},
    "Ben Osei": {"CP-0": [1, 1, 2], "CP-1": [0, 0, 1], "CP-2": [2, 1, 3], "CP-3": [1, 1, 1]},
}


def calibrate(folder: DataFolder, tmp_path: Path) -> DataFolder:
    bundles = [
        craft.bundle_zip(
            tmp_path / f"cp{n}.zip",
            {"lesson.pdf": craft.text_pdf(f"lesson {n}")},
            submission_id=f"CP-{n}",
            credential={"id": CULTURE, "name": "Culture"},
        )
        for n in range(4)
    ]
    assert len(Importer(folder).import_paths(bundles).imported) == 4
    with folder.sessions.begin() as session:
        session.add(Reviewer(name="Lena Lead", role="lead"))
    for reviewer, plan in PLAN.items():
        for submission, steps in plan.items():
            review = ReviewSession.open(folder, submission, reviewer)
            for n, criterion in enumerate(review.rubric.criteria):
                step = steps[n] if n < len(steps) else steps[0]
                review.set_level(criterion.id, criterion.levels[step].id)
            review.submit()
    mark_anchor(folder, "CP-0", "Lena Lead")
    mark_anchor(folder, "CP-1", "Lena Lead")
    return folder
