"""The queue model: lazy rows over ids, sorting and filtering in the database."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.blind import submission_code
from reviewer_app.reviews.queue import QueueFilter
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.queue_model import PK_ROLE, QueueModel
from tests import craft


def column(model: QueueModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def settled(model: QueueModel, qtbot: QtBot) -> QueueModel:
    """The model once its reads off the GUI thread have arrived."""
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=10_000)
    return model


def test_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, qtbot: QtBot, queue_folder: DataFolder
) -> None:
    model = QueueModel(queue_folder)
    model.load_now()
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    settled(model, qtbot)
    qtmodeltester.check(model, force_py=True)


def test_sorting_and_filtering(qtbot: QtBot, queue_folder: DataFolder) -> None:
    model = QueueModel(queue_folder)
    model.reload()
    assert model.rowCount() == 0  # the rows come from a read off the GUI thread
    settled(model, qtbot)
    assert model.rowCount() == 6
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settled(model, qtbot)
    assert column(model, 0) == sorted(column(model, 0))
    model.sort(3, Qt.SortOrder.DescendingOrder)
    settled(model, qtbot)
    assert column(model, 3)[0] == "2"

    model.set_filter(replace(model.filter, attempt_min=2))
    settled(model, qtbot)
    assert column(model, 0) == ["FAP-2"]
    model.set_filter(QueueFilter(search="bilingual"))
    settled(model, qtbot)
    assert column(model, 0) == ["Jane Doe"]
    model.set_filter(QueueFilter(credential_uri=craft.CREDENTIAL))
    settled(model, qtbot)
    assert sorted(column(model, 0)) == ["FAP-1", "FAP-2", "OTHER-0", "OTHER-1", "OTHER-2"]

    ReviewSession.open(queue_folder, "FAP-1", "Ana Ruiz").set_level("overview-goal", "not-yet")
    model.set_filter(QueueFilter(statuses=frozenset({"in-review"})))
    settled(model, qtbot)
    assert column(model, 0) == ["FAP-1"] and column(model, 4) == ["In review"]
    model.set_filter(QueueFilter(reviewer="Ana Ruiz"))
    settled(model, qtbot)
    assert column(model, 0) == ["FAP-1"]
    pk = model.index(0, 0).data(PK_ROLE)
    assert isinstance(pk, int) and model.row_of(pk) == 0


def test_blind_queue_shows_codes_not_names(qapp, queue_folder: DataFolder) -> None:  # type: ignore[no-untyped-def]
    model = QueueModel(queue_folder)
    model.set_blind(True)
    model.load_now()
    shown = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(6)}
    assert "Ana Lima" not in shown and "Jane Doe" not in shown
    assert submission_code("Jane Doe") in shown


def test_blind_submission_view_hides_names_in_titles(queue_folder: DataFolder) -> None:
    from reviewer_app.reviews.queue import submission_view

    with queue_folder.sessions() as session:
        pk = next(
            p
            for p in range(1, 10)
            if (v := submission_view(session, p, queue_folder.store.objects))
            and v.submission_id == "Jane Doe"
        )
        seen = submission_view(session, pk, queue_folder.store.objects)
        hidden = submission_view(session, pk, queue_folder.store.objects, blind=True)
    assert seen is not None and hidden is not None
    assert seen.earner == "Jane Doe" and seen.items[0].title == "notes.txt"
    assert hidden.earner == hidden.submission_id == submission_code("Jane Doe")
    assert hidden.items[0].title == "Evidence 1 (PLAIN)" and hidden.items[0].path is None


def test_a_newer_filter_wins_over_an_older_read(
    qtbot: QtBot, queue_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read that arrives after a newer request is dropped, never shown over it."""
    from reviewer_app.ui import queue_model

    released = threading.Event()
    original = queue_model.read_queue

    def slow_for_the_first(folder: DataFolder, f: QueueFilter, keep: int | None) -> object:
        if f.search == "bilingual":  # the older request: it ends after the newer one
            assert released.wait(10)
        return original(folder, f, keep)

    monkeypatch.setattr(queue_model, "read_queue", slow_for_the_first)
    model = QueueModel(queue_folder)
    model.load_now()
    model.set_filter(QueueFilter(search="bilingual"))
    model.set_filter(QueueFilter(attempt_min=2))
    qtbot.waitUntil(lambda: column(model, 0) == ["FAP-2"], timeout=10_000)
    released.set()
    qtbot.wait(200)  # the older read ends and is handed over, then dropped
    settled(model, qtbot)
    assert column(model, 0) == ["FAP-2"]


def test_rows_beyond_the_first_page_arrive_from_a_read_of_their_own(
    qtbot: QtBot, queue_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer_app.ui import queue_model

    monkeypatch.setattr(queue_model, "PAGE", 2)
    model = QueueModel(queue_folder)
    model.load_now()
    assert model.rowCount() == 6 and model.index(0, 0).data() is not None
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    assert model.index(4, 0).data() is None  # not read yet: painted empty, read in the back
    settled(model, qtbot)
    assert changed == [4] and model.index(4, 0).data() is not None
    assert model.status_now(2) == "unreviewed"  # "Next unreviewed" reads it at once


def test_rows_changed_one_after_the_other_are_all_read_again(
    qtbot: QtBot, queue_folder: DataFolder
) -> None:
    """Each save asks for its row; a newer request must not leave an older row stale."""
    model = QueueModel(queue_folder)
    model.load_now()
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    for submission_id in ("FAP-1", "OTHER-0"):
        ReviewSession.open(queue_folder, submission_id, "Ana Ruiz").set_level(
            "overview-goal", "not-yet"
        )
        model.refresh_row(model.index(rows[submission_id], 0).data(PK_ROLE))
    settled(model, qtbot)
    assert model.index(rows["FAP-1"], 4).data() == "In review"
    assert model.index(rows["OTHER-0"], 4).data() == "In review"
    assert model.counts["in-review"] == 2
