"""Dates and moments as the window shows them: one form everywhere.

Qt offers a locale's short and long date formats but no medium one. The short one is
ambiguous where it matters (12/7/26 is July or December; the year has two digits); the
long one begins with the weekday, wide in a table. The window uses the long format
without its weekday and with the month's name abbreviated: "Dec 7, 2026", "7 dic 2026",
"7 déc. 2026" -- the medium form of the Unicode locale data, built from what Qt has.
The C locale (LANG=C, common on servers and in containers) has no real pattern of its
own: Qt gives it "d MM yyyy" ("7 12 2026"), so there the window writes ISO 8601,
2026-12-07, which every reader can parse. Times follow the locale's short time format.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

ISO_DATE = "yyyy-MM-dd"

# A weekday in a format, with the commas (Latin, Arabic, CJK) and spaces that join it.
_JOINERS = ",\u060c\uff0c\u3001 \u00a0\u202f"
_WEEKDAY = re.compile(rf"^d{{3,4}}[{_JOINERS}]*|[{_JOINERS}]*d{{3,4}}$")
# The month's full name, outside quoted literal text ("'de'" in Spanish).
_FULL_MONTH = re.compile(r"(?<!M)MMMM(?!M)")


def _unquoted(pattern: str, change: re.Pattern[str], into: str) -> str:
    parts = pattern.split("'")  # even parts are pattern letters, odd ones quoted text
    return "'".join(change.sub(into, part) if n % 2 == 0 else part for n, part in enumerate(parts))


def is_c_locale(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def medium_date_format(locale: QLocale | None = None) -> str:
    """The pattern of a date in `locale` (the default locale if None), as QLocale takes it."""
    locale = locale if locale is not None else QLocale()
    if is_c_locale(locale):
        return ISO_DATE
    long = locale.dateFormat(QLocale.FormatType.LongFormat)
    without_weekday = _unquoted(long, _WEEKDAY, "").strip(_JOINERS)
    medium = _unquoted(without_weekday, _FULL_MONTH, "MMM")
    return medium or locale.dateFormat(QLocale.FormatType.ShortFormat)


def time_format(locale: QLocale | None = None) -> str:
    locale = locale if locale is not None else QLocale()
    return "HH:mm" if is_c_locale(locale) else locale.timeFormat(QLocale.FormatType.ShortFormat)


def _qdate(day: dt.date | QDate) -> QDate:
    return day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)


def shown_date(day: dt.date | QDate | str | None, locale: QLocale | None = None) -> str:
    """A day as the window shows it. A str is read as ISO 8601 ("2026-12-07", or a moment
    of which the day is taken); "" and None give "", text that is no date stays as it is."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        try:
            parsed = dt.date.fromisoformat(day[:10])
        except ValueError:
            return day
        day = parsed
    elif isinstance(day, dt.datetime):
        day = _local(day).date()
    locale = locale if locale is not None else QLocale()
    return locale.toString(_qdate(day), medium_date_format(locale))


def _local(moment: dt.datetime) -> dt.datetime:
    """The moment in the person's time zone; a naive one is taken as UTC, as stored."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone()


def shown_moment(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """A moment as the window shows it: its day and time in the person's time zone."""
    locale = locale if locale is not None else QLocale()
    local = _local(moment)
    stamp = QDateTime(_qdate(local.date()), QTime(local.hour, local.minute))
    pattern = f"{medium_date_format(locale)} {time_format(locale)}"
    return locale.toString(stamp, pattern)
