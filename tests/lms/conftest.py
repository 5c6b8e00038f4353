"""Data folders for the platform tests: one holding the demo micro-credentials, for
downloads to be imported into; one graded, for worksheets to be filled from (deciding
takes a moment, so it is made once a module)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from tests.lms.sheets import Graded, graded_folder


@pytest.fixture
def lms_folder(folder: DataFolder) -> DataFolder:
    report = add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "lead")
    assert not report.rejected
    return folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    work = tmp_path_factory.mktemp("graded")
    done = graded_folder(work / "data", work)
    yield done
    done.folder.close()
