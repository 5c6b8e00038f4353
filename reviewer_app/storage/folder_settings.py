"""Settings of a data folder, shared by everyone who works in it (blind review, what a
resubmission's reviewer may see). Each is declared once, with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from reviewer_app.storage.database import sees_every_row
from reviewer_app.storage.models import FolderSetting

T = TypeVar("T", bool, int, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    description: str

    def get(self, session: Session) -> T:
        row = session.get(FolderSetting, self.key)
        value = row.value.get("value") if row is not None else None
        # A value of the wrong type (a hand-edited database) falls back to the default.
        return value if isinstance(value, self.type) else self.default

    def set(self, session: Session, value: T) -> None:
        if not isinstance(value, self.type):
            raise TypeError(f"{self.key} takes a {self.type.__name__}")
        row = session.get(FolderSetting, self.key)
        if row is None:
            session.add(FolderSetting(key=self.key, value={"value": value}))
        else:
            row.value = {"value": value}


SHOW_EARLIER_SCORES = Setting(
    "review.show_earlier_scores",
    bool,
    False,
    "Show the scores of an earner's earlier attempts to the reviewer of a resubmission "
    "(their feedback is always shown). Off by default, to avoid anchoring.",
)

BLIND_REVIEW = Setting(
    "review.blind",
    bool,
    False,
    "Reviewers see a submission code instead of the earner's name and email, also in "
    "file names and window titles; revealing the name is an explicit, logged action.",
)

ALL_SETTINGS: tuple[Setting[bool] | Setting[int] | Setting[str], ...] = (
    SHOW_EARLIER_SCORES,
    BLIND_REVIEW,
)


def earners_out_of_sight(session: Session) -> bool:
    """Whether this session's login may not read earners' names: an assessor's on a
    team database during blind review (the server refuses those columns)."""
    return not sees_every_row(session) and BLIND_REVIEW.get(session)
