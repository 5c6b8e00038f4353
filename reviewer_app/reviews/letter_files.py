"""Feedback letters written to files from the data folder: one submission's, or every
decided submission's into a folder (named by submission id, never by earner)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.reviews.feedback import decided_submissions, letter_for, write_letters
from reviewer_app.reviews.letter import write_letter

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


def write_letter_of(folder: DataFolder, submission_id: str, out: Path) -> Path:
    """The submission's letter, as a PDF (or plain text for a .txt `out`)."""
    with folder.read_sessions() as session:
        letter = letter_for(session, submission_id, objects=folder.store)
        return write_letter(letter, out)


def write_every_letter(folder: DataFolder, out_dir: Path, *, text: bool = False) -> list[Path]:
    """A letter per decided submission into `out_dir`; the paths written."""
    with folder.read_sessions() as session:
        return write_letters(
            session, decided_submissions(session), out_dir, text=text, objects=folder.store
        )
