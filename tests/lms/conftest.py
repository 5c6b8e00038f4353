"""A data folder holding the demo micro-credentials, for downloads to be imported into."""

from __future__ import annotations

import pytest

from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder


@pytest.fixture
def lms_folder(folder: DataFolder) -> DataFolder:
    report = add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "lead")
    assert not report.rejected
    return folder
