"""The team's domain messages (reviews, packets) come out in Spanish once the window's
translator is in use, built from resources/i18n/es/domain-team.ts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.packets import ArchiveRejected, import_packet
from reviewer_app.reviews.service import ReviewError, ReviewSession
from reviewer_app.storage.datafolder import DataFolder


def test_a_review_with_unscored_criteria_is_refused_in_spanish(
    reviewed_folder: DataFolder, spanish: object
) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    review.set_level("overview-goal", "proficient")
    with pytest.raises(ReviewError) as e:
        review.submit()
    assert str(e.value).startswith(
        "La revisión de FAP-1 no se puede enviar: hay 8 criterios aún sin puntuar: "
    )


def test_a_damaged_packet_is_refused_in_spanish(
    folder: DataFolder, tmp_path: Path, spanish: object
) -> None:
    damaged = tmp_path / "packet.zip"
    damaged.write_bytes(b"PK\x03\x04 this is no zip file")
    with pytest.raises(ArchiveRejected) as e:
        import_packet(folder, damaged, actor="Ana Ruiz")
    message = str(e.value)
    assert message.startswith(f"{damaged} no es un archivo zip legible: está dañado o incompleto")
    assert message.endswith(". No se importó nada.")


def test_without_the_translator_the_messages_stay_english(
    folder: DataFolder, tmp_path: Path
) -> None:
    with pytest.raises(ArchiveRejected, match=r"does not exist or is not a file\. Nothing was"):
        import_packet(folder, tmp_path / "missing.zip", actor="Ana Ruiz")
