"""Dates as the window shows them: the locale's medium form (the month by name, no
weekday), and ISO 8601 under the C locale, which has no pattern of its own."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.feedback import EarlierAttempt
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.dates import medium_date_format, shown_date, shown_moment
from reviewer_app.ui.earlier_attempts import attempts_html
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.queue_model import local_time

DAY = dt.date(2026, 12, 7)
C_SHORT = re.compile(r"\b\d{1,2} \d{2} \d{4}\b")  # Qt's "d MM yyyy" for the C locale
ISO = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
NOON_UTC = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def in_locale(request: pytest.FixtureRequest) -> Iterator[QLocale]:
    """The window's default locale for one test, put back after."""
    name = str(request.param)
    locale = QLocale.c() if name == "C" else QLocale(name)
    before = QLocale()
    QLocale.setDefault(locale)
    yield locale
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def at_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed time zone, so that noon UTC is noon on the seventh wherever the test runs."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("in_locale", "day", "moment"),
    [
        ("C", "2026-12-07", "2026-12-07 12:00"),
        ("en_US", "Dec 7, 2026", "Dec 7, 2026 12:00\u202fPM"),
        ("es_ES", "7 de dic de 2026", "7 de dic de 2026 12:00"),
    ],
    indirect=["in_locale"],
)
def test_a_day_in_the_locales_medium_form(in_locale: QLocale, day: str, moment: str) -> None:
    assert shown_date(DAY) == day
    assert shown_date(QDate(2026, 12, 7)) == day
    assert shown_date("2026-12-07") == day
    assert shown_date("2026-12-07T12:00:00+00:00") == day
    assert shown_moment(NOON_UTC) == moment
    assert local_time(NOON_UTC) == moment  # the queue's Submitted column


@pytest.mark.parametrize("in_locale", ["C"], indirect=True)
def test_never_the_c_locales_day_month_year_in_numbers(in_locale: QLocale) -> None:
    assert "7 12 2026" not in shown_date(DAY)
    assert medium_date_format() == "yyyy-MM-dd"
    assert shown_date("") == "" and shown_date(None) == ""
    assert shown_date("not a date") == "not a date"


def test_no_locale_gives_an_ambiguous_or_weekday_date() -> None:
    for name in ("en_US", "en_GB", "es_ES", "de_DE", "fr_FR", "ja_JP", "ar_EG", "pt_BR"):
        pattern = medium_date_format(QLocale(name))
        assert "dddd" not in pattern and "yyyy" in pattern, (name, pattern)
        assert "MMM" in pattern or "M月" in pattern, (name, pattern)  # no 12/7 guessing
        assert not pattern.startswith((",", " ", "\u060c")), (name, pattern)


@pytest.mark.parametrize("in_locale", ["C"], indirect=True)
def test_the_window_shows_iso_dates_under_the_c_locale(
    in_locale: QLocale, reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(window)
    window.show()
    model = window.model
    shown = [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert [t for t in shown if C_SHORT.search(t)] == []
    assert any(ISO.fullmatch(t) for t in shown), shown
    window.close()


@pytest.mark.parametrize("in_locale", ["C"], indirect=True)
def test_earlier_attempts_are_dated_in_iso_under_the_c_locale(in_locale: QLocale) -> None:
    attempt = EarlierAttempt("FAP-1", 1, NOON_UTC, "not-yet", "Add the contact log.")
    assert "2026-12-07" in attempts_html([attempt])
