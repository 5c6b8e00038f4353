"""The calibration report from a real data folder: reviewers against anchors, criteria
across reviewers, overall; checked against the reference libraries on the same data."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from reviewer_app.calibration.report import calibration_report
from reviewer_app.calibration.results import CalibrationReport
from reviewer_app.cli import main
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from tests.calibration.setup import CULTURE, calibrate


@pytest.fixture
def calibrated(reviewed_folder: DataFolder, tmp_path: Path) -> DataFolder:
    return calibrate(reviewed_folder, tmp_path)


def levels_of(folder: DataFolder, reviewer: str, submission: str) -> list[int]:
    review = ReviewSession.open(folder, submission, reviewer)
    return [
        review.rubric.criterion(c.id).index_of(review.levels[c.id]) for c in review.rubric.criteria
    ]


def test_reviewers_against_anchors_match_scikit_learn(calibrated: DataFolder) -> None:
    from sklearn.metrics import cohen_kappa_score

    with calibrated.sessions() as session:
        report = calibration_report(session, credential=CULTURE, n_resamples=200)
    ben = report.reviewer("Ben Osei")
    assert ben is not None
    own = levels_of(calibrated, "Ben Osei", "CP-0") + levels_of(calibrated, "Ben Osei", "CP-1")
    ref = levels_of(calibrated, "Lena Lead", "CP-0") + levels_of(calibrated, "Lena Lead", "CP-1")
    assert ben.anchor_scores == len(own)
    assert ben.exact_agreement == pytest.approx(np.mean(np.equal(own, ref)), abs=1e-9)
    assert ben.severity == pytest.approx(np.mean(np.subtract(own, ref)), abs=1e-9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kappa = cohen_kappa_score(own, ref, labels=[0, 1, 2, 3], weights="quadratic")
    assert ben.quadratic_weighted_kappa == pytest.approx(kappa, abs=1e-9)
    assert ben.severity < 0 and ben.qualified is False and ben.why
    lena = report.reviewer("Lena Lead")
    assert lena is not None
    assert lena.anchor_scores == 0 and lena.qualified is False


def test_criteria_and_overall_match_krippendorff(calibrated: DataFolder) -> None:
    import krippendorff

    with calibrated.sessions() as session:
        report = calibration_report(session, credential=CULTURE, n_resamples=200)
    first = report.criteria[0]
    criterion = first.criterion
    # Coders: Ana and Ben (the lead's reference reviews are not among them); 4 units.
    with calibrated.sessions() as session:
        from reviewer_app.reviews.service import ReviewSession as RS

        names = ["Ana Ruiz", "Ben Osei"]
        data = []
        for name in names:
            row = []
            for n in range(4):
                review = RS.open(calibrated, f"CP-{n}", name)
                row.append(review.rubric.criterion(criterion).index_of(review.levels[criterion]))
            data.append(row)
    expected = krippendorff.alpha(
        reliability_data=np.array(data, dtype=float),
        level_of_measurement="ordinal",
        value_domain=[0, 1, 2, 3],
    )
    assert first.units == 4
    assert first.krippendorff_alpha_ordinal == pytest.approx(expected, abs=1e-9)
    low, high = first.krippendorff_alpha_interval
    assert low is None or low <= first.krippendorff_alpha_ordinal <= high
    overall = report.overall
    assert overall.decision_units == 4
    assert overall.decision_agreement is not None and 0.0 <= overall.decision_agreement <= 1.0


def test_calibration_report_json_from_the_command_line(
    calibrated: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--data-dir",
            str(calibrated.root),
            "calibration",
            "report",
            "--credential",
            CULTURE,
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert {"reviewers", "criteria", "overall"} <= set(report)
    for r in report["reviewers"]:
        assert {
            "reviewer",
            "anchor_scores",
            "exact_agreement",
            "adjacent_agreement",
            "quadratic_weighted_kappa",
            "severity",
            "qualified",
        } <= set(r)
    for c in report["criteria"]:
        assert {"criterion", "units", "krippendorff_alpha_ordinal", "exact_agreement"} <= set(c)
    assert {"units", "krippendorff_alpha_ordinal", "decision_agreement"} <= set(report["overall"])
    with calibrated.sessions() as session:
        assert session.scalar(select(Reviewer.role).where(Reviewer.name == "Lena Lead")) == "lead"


def test_the_typed_report_reads_back_from_its_json(calibrated: DataFolder) -> None:
    """The window, the exports and the command line read one typed report; its JSON (the
    command line's --json) reads back into an equal one."""
    with calibrated.sessions() as session:
        report = calibration_report(session, credential=CULTURE, n_resamples=50)
    data = json.loads(json.dumps(report.to_json()))
    assert list(data) == ["reviewers", "criteria", "overall", "credential", "rules"]
    assert CalibrationReport.from_json(data) == report
    ben = report.reviewer("Ben Osei")
    assert ben is not None and ben.drift is not None and ben.drift.weeks
    assert data["reviewers"][1]["drift"]["weeks"][0]["start"] == ben.drift.weeks[0].start
