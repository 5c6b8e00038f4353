"""The window's lists and words come from the vocabulary: every status, decision, format
and proof has a label on each screen that shows it, in English and in Spanish, and the
queue's status filter offers exactly the statuses there are."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from pytestqt.qtbot import QtBot

from reviewer_app.resources import resource
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui import adjudication_rows, earlier_attempts, queue_model
from reviewer_app.ui.credentials import common, export_dialog
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.queue_model import STATUS_ROLE
from reviewer_app.vocabulary import OB3_PROOFS, CredentialFormat, Outcome, Status

LABELS: list[tuple[str, Mapping[Any, str], Iterable[str]]] = [
    ("QueueModel", queue_model.STATUS_NAMES, Status),
    ("AdjudicationDialog", adjudication_rows.STATUS_NAMES, Status),
    ("EarlierAttempts", earlier_attempts.DECISION_WORDS, Outcome),
    ("CredentialWords", common.FORMAT_WORDS, CredentialFormat),
    ("ExportDialog", export_dialog.PROOF_WORDS, OB3_PROOFS),
]


def finished_spanish() -> set[tuple[str, str]]:
    """(context, English source) of every message the Spanish catalogues translate."""
    done = set()
    for ts in sorted(resource("i18n", "es").glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and not translation.get("type"):
                    done.add((name, message.findtext("source") or ""))
    return done


@pytest.mark.parametrize(("context", "labels", "words"), LABELS, ids=[c for c, *_ in LABELS])
def test_every_word_has_a_label_and_a_spanish_one(
    spanish: Any, context: str, labels: Mapping[Any, str], words: Iterable[str]
) -> None:
    translated = finished_spanish()
    for word in words:
        english = labels[word]
        assert english, word
        assert (context, english) in translated, (word, english)
        assert QCoreApplication.translate(context, english), word  # in the shipped catalogue


def test_status_words_are_spanish_by_key(spanish: Any) -> None:
    for status in Status:
        assert queue_model.status_word(status) == queue_model.status_word(str(status))
        assert queue_model.status_word(status) != queue_model.STATUS_NAMES[status]
        assert adjudication_rows.status_words(status) != status


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "queue.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_queue_filter_offers_every_status_and_filters_by_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    combo = window.status_filter
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [None, *Status]
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        queue_model.status_word(s) for s in Status
    ]
    # Chosen with the arrow keys, as a person does: "In review" is the second status.
    for _ in range(list(Status).index(Status.IN_REVIEW) + 1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == Status.IN_REVIEW
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)  # nothing in review
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == Status.UNREVIEWED
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    statuses = {window.model.index(r, 0).data(STATUS_ROLE) for r in range(2)}
    assert statuses == {Status.UNREVIEWED}
