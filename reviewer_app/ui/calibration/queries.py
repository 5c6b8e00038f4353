"""What the dashboard reads (no Qt here but the translator): the report, and the
submissions behind one reviewer's or one criterion's figures, as
reviewer_app.calibration.queries reads them, with their levels in words. Each function
reads in a session of its own: they run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from reviewer_app.calibration import queries
from reviewer_app.calibration.queries import BehindLine, Scored
from reviewer_app.calibration.results import CalibrationReport

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Behind:
    """One line behind a figure: a submission, who scored what, and against what."""

    pk: int
    submission_id: str
    criterion: str
    reviewer: str
    level: str
    reference: str | None = None  # the anchor's reference level, for a reviewer
    difference: int | None = None  # steps above (+) or below (-) the reference


def _level_words(level: Scored) -> str:
    return translate("CalibrationDashboard", "{level} (step {step})").format(
        level=level.label, step=QLocale().toString(level.step)
    )


def _worded(line: BehindLine) -> Behind:
    return Behind(
        line.pk,
        line.submission_id,
        line.criterion,
        line.reviewer,
        _level_words(line.level),
        _level_words(line.reference) if line.reference is not None else None,
        line.difference,
    )


def behind_reviewer(folder: DataFolder, reviewer: str, credential: str | None) -> list[Behind]:
    """Each anchor the reviewer scored: their level against the reference, per criterion."""
    with folder.read_sessions() as session:
        found = queries.behind_reviewer(session, reviewer, credential)
    return [_worded(line) for line in found]


def behind_criterion(folder: DataFolder, criterion: str, credential: str | None) -> list[Behind]:
    """Each submission two or more reviewers scored on the criterion, and their levels."""
    with folder.read_sessions() as session:
        found = queries.behind_criterion(session, criterion, credential)
    return [_worded(line) for line in found]


@dataclass(frozen=True)
class Computed:
    report: CalibrationReport
    names: dict[str, str]  # criterion id -> name


def compute_report(folder: DataFolder, credential: str | None, n_resamples: int) -> Computed:
    """The report and the criteria's names, read in one session."""
    from reviewer_app.calibration.report import calibration_report

    with folder.read_sessions() as session:
        report = calibration_report(session, credential=credential, n_resamples=n_resamples)
        return Computed(report, queries.criterion_names(session))
