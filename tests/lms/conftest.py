"""One graded data folder for the module that asks for it: deciding takes a moment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.lms.sheets import Graded, graded_folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    work = tmp_path_factory.mktemp("graded")
    done = graded_folder(work / "data", work)
    yield done
    done.folder.close()
