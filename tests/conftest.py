"""Shared fixtures. Qt runs offscreen: set before any QApplication can exist."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.storage.datafolder import DataFolder
from tests.pg_server import PgServer, find_bindir, running_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for every test of a run that asks for it (see
    tests/pg_server.py); skipped with a reason where it is not installed, failed under
    CI, so that the team tests can never silently not run."""
    if find_bindir() is None:
        why = "PostgreSQL is not installed (scripts/bootstrap.sh installs the postgresql package)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    with running_server() as server:
        yield server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def folder(data_dir: Path) -> Iterator[DataFolder]:
    with DataFolder.open(data_dir) as f:
        yield f


@pytest.fixture
def reviewed_folder(folder: DataFolder, tmp_path: Path) -> DataFolder:
    """A folder with the demo definitions and two attempts by one earner at the
    families-as-partners micro-credential (FAP-1 and its resubmission FAP-2)."""
    from reviewer_app.evidence.importer import Importer
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files
    from tests import craft

    report = add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "lead")
    assert not report.rejected
    first = craft.bundle_zip(
        tmp_path / "a1.zip", {"plan.pdf": craft.text_pdf()}, submission_id="FAP-1"
    )
    second = craft.bundle_zip(
        tmp_path / "a2.zip",
        {"plan.pdf": craft.text_pdf("revised")},
        submission_id="FAP-2",
        attempt=2,
        submitted_at="2026-11-10T09:00:00+01:00",
    )
    assert len(Importer(folder).import_paths([first, second]).imported) == 2
    return folder


@pytest.fixture
def spanish(qapp: Any) -> Iterator[Any]:
    """The shipped Spanish catalogues in use (the window's and the domain's, with
    Spain's dates and numbers) for one test, then English again."""
    from PySide6.QtCore import QLocale

    from reviewer_app.ui import i18n

    installed = i18n.install(qapp, "es", QLocale("es_ES"))
    try:
        yield installed
    finally:
        i18n.uninstall(qapp, installed)
