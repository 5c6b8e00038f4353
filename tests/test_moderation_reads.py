"""What the window reads for adjudication, calibration drill-downs and reviewer profiles
comes from the domain as plain values: no ORM object leaves a session."""

from __future__ import annotations

import dataclasses

import pytest

from reviewer_app.calibration.queries import behind_criterion, criterion_names
from reviewer_app.reviews.moderation import set_required_reviews, waiting_submissions
from reviewer_app.reviews.reviewers import Profile, ProfileError, profiles, set_profile
from reviewer_app.reviews.side_by_side import side_by_side
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Base
from tests import craft
from tests.test_moderation import score


def _no_rows(value: object) -> None:
    """Fails if a mapped object hides anywhere in the value."""
    assert not isinstance(value, Base), value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _no_rows(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_rows(k)
            _no_rows(v)
    elif isinstance(value, list | tuple | set):
        for v in value:
            _no_rows(v)


def test_a_disagreement_reads_as_plain_values(reviewed_folder: DataFolder) -> None:
    set_required_reviews(reviewed_folder, craft.CREDENTIAL, 2, "lead")
    score(reviewed_folder, "FAP-1", "Ana Ruiz", 9)
    score(reviewed_folder, "FAP-1", "Ben Osei", 0)
    with reviewed_folder.read_sessions() as session:
        waiting = waiting_submissions(session)
        found = side_by_side(session, waiting[0].pk)
        first = found.reviews[0].rubric.criteria[0].id
        behind = behind_criterion(session, first, None)
        names = criterion_names(session)
    assert [w.submission_id for w in waiting] == ["FAP-1"]
    assert waiting[0].disagreement is not None
    assert waiting[0].disagreement.decisions == {"Ana Ruiz": "pass", "Ben Osei": "not-yet"}
    assert [r.reviewer for r in found.reviews] == ["Ana Ruiz", "Ben Osei"]
    assert [r.decision for r in found.reviews] == ["pass", "not-yet"]
    assert {b.reviewer for b in behind} == {"Ana Ruiz", "Ben Osei"}
    assert first in names
    for value in (waiting, found, behind):
        _no_rows(value)


def test_a_profile_is_added_then_given_another_role(reviewed_folder: DataFolder) -> None:
    with pytest.raises(ProfileError, match="needs a name"):
        set_profile(reviewed_folder, "  ", "lead", "tester")
    set_profile(reviewed_folder, " Lena Lead ", "assessor", "tester")
    assert set_profile(reviewed_folder, "Lena Lead", "lead", "tester") == Profile(
        "Lena Lead", "lead"
    )
    with reviewed_folder.read_sessions() as session:
        found = profiles(session)
    assert Profile("Lena Lead", "lead") in found
    assert [p.name for p in found] == sorted(p.name for p in found)
