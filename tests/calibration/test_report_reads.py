"""The calibration report reads the database in a few statements whatever the number of
reviews, each with a few parameters: on a team database each statement is a round trip
and each row comes through the driver, and sending the ids of 5,000 reviews back to the
server to fetch their scores was half of the report's time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from reviewer_app.calibration.report import calibration_report
from reviewer_app.storage.datafolder import DataFolder
from tests.calibration.setup import CULTURE, calibrate


def test_the_report_reads_in_a_few_short_statements(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    folder = calibrate(reviewed_folder, tmp_path)
    statements: list[tuple[str, Any]] = []

    @event.listens_for(folder.engine, "before_cursor_execute")
    def count(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        statements.append((statement, parameters))

    for credential in (None, CULTURE):
        statements.clear()
        with folder.read_sessions() as session:
            calibration_report(session, credential=credential)
        assert any("criterion_scores" in statement for statement, _ in statements)
        # Rules, reviews, definitions, scores, anchors (and the transaction's own).
        assert len(statements) <= 7, [s for s, _ in statements]
        assert all(len(parameters or ()) <= 4 for _, parameters in statements), statements
