"""The feedback letter's page with the notes on the evidence, as a PDF viewer shows it:
the screenshot for the README, drawn by QtPdf from the letter the command line writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reviewer_app.cli import main
from tests.test_letter_annotations import SUBMISSION, mark_demo
from tests.ui.fixed import fix_clock
from tests.ui.shots import save_shot

PIXELS_PER_POINT = 1.5


def test_the_letter_page_with_notes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_clock(monkeypatch)  # the decision's date is printed in the letter
    marked = mark_demo(tmp_path / "data")
    letter = tmp_path / "letter.pdf"
    try:
        argv = ["--data-dir", str(marked.folder.root), "feedback", SUBMISSION, "--out"]
        assert main([*argv, str(letter)]) == 0
    finally:
        marked.folder.close()
    pages = [page.extract_text() for page in PdfReader(letter).pages]
    first = next(n for n, text in enumerate(pages) if "Notes on your evidence" in text)

    document = QPdfDocument()
    assert document.load(str(letter)) == QPdfDocument.Error.None_
    size = document.pagePointSize(first)
    picture: QImage = document.render(
        first,
        QSize(round(size.width() * PIXELS_PER_POINT), round(size.height() * PIXELS_PER_POINT)),
    )
    document.close()
    assert not picture.isNull()
    # QtPdf leaves the paper transparent: on white, as it prints.
    paper = QImage(picture.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, picture)
    painter.end()
    label = QLabel()
    label.setPixmap(QPixmap.fromImage(paper))
    label.setFixedSize(paper.size())
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    save_shot(label, "letter-annotations")
