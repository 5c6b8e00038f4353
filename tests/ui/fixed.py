"""A fixed clock and fixed signing keys, so that a screenshot shows the same dates, times
and identifiers on every run (docs/screenshots is kept in git)."""

from __future__ import annotations

import datetime
import hashlib
import importlib
import itertools
import types
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QTime

# The moment every screenshot is taken at.
FIXED_NOW = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)

# Every module of the program that reads the clock with `dt.datetime.now`; models'
# `utcnow` (the columns' defaults, and every module that imports it) reads it there.
CLOCK_READERS = (
    "reviewer_app.storage.models",
    "reviewer_app.storage.backup",
    "reviewer_app.credentials.keys",
    "reviewer_app.credentials.issuers",
    "reviewer_app.credentials.verify",
    "reviewer_app.packets.manifest",
    "reviewer_app.audit.trail",
    "reviewer_app.settings",
)
_REAL = datetime.datetime


class _FixedDatetime:
    """Stands in for the `datetime` class: `now()` is the fixed moment, one microsecond
    later at each reading (what is made later still sorts later); the rest, and every
    value made, is the real class's."""

    def __init__(self, start: datetime.datetime) -> None:
        self._start = start
        self._ticks = itertools.count()

    def now(self, tz: datetime.tzinfo | None = None) -> datetime.datetime:
        moment = self._start + datetime.timedelta(microseconds=next(self._ticks))
        return moment.astimezone(tz) if tz is not None else moment.astimezone().replace(tzinfo=None)

    def __call__(self, *args: Any, **kwargs: Any) -> datetime.datetime:
        return _REAL(*args, **kwargs)

    def __instancecheck__(self, value: object) -> bool:
        return isinstance(value, _REAL)

    def __getattr__(self, name: str) -> Any:
        return getattr(_REAL, name)


class _FixedQTime:
    """Stands in for QTime where the window reads the time of day."""

    def __init__(self, start: datetime.datetime) -> None:
        # The fixed moment's time of day as written, whatever the machine's time zone.
        self._time = QTime(start.hour, start.minute, start.second)

    def currentTime(self) -> QTime:
        return QTime(self._time)

    def __getattr__(self, name: str) -> Any:
        return getattr(QTime, name)


def fix_clock(monkeypatch: pytest.MonkeyPatch, at: datetime.datetime = FIXED_NOW) -> None:
    """The program's clock reads `at` (and ticks by a microsecond a reading) until the
    test ends."""
    clock = types.SimpleNamespace(
        **{name: getattr(datetime, name) for name in dir(datetime) if not name.startswith("__")}
    )
    clock.datetime = _FixedDatetime(at)
    for name in CLOCK_READERS:
        module = importlib.import_module(name)
        fixed_already = isinstance(module.dt, types.SimpleNamespace)
        assert module.dt is datetime or fixed_already, f"{name} reads the clock otherwise"
        monkeypatch.setattr(module, "dt", clock)
    from reviewer_app.ui.rubric import footer

    monkeypatch.setattr(footer, "QTime", _FixedQTime(at))


def seed_keys(monkeypatch: pytest.MonkeyPatch, seed: str = "screenshots") -> None:
    """New Ed25519 signing keys (an issuer's did:key is one) come from `seed`: the first,
    second, ... of a test are the same on every run. RSA keys stay random: no screen
    shows anything of them."""
    from reviewer_app.credentials import keys

    numbers = itertools.count(1)

    def generate() -> Ed25519PrivateKey:
        secret = hashlib.sha256(f"{seed} {next(numbers)}".encode()).digest()
        return Ed25519PrivateKey.from_private_bytes(secret)

    monkeypatch.setattr(keys, "generate_ed25519", generate)
