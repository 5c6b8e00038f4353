"""Whether a returned review's times can be true.

A review's times are not part of its digest (a review submitted again unchanged is the
same review), and the assessor holds the packet's key, so a return could say anything.
The lead's folder therefore checks them: no review of a submission can start before the
lead first gave that submission to that reviewer in a packet, nor end after the lead's
own clock reads now; a small allowance covers two laptops' clocks that disagree.
"""

from __future__ import annotations

import datetime as dt

from reviewer_app.wording import translate

CLOCK_SKEW = dt.timedelta(minutes=15)


def _shown(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")


def outside(when: dt.datetime, issued: dt.datetime, now: dt.datetime) -> bool:
    return not issued - CLOCK_SKEW <= when <= now + CLOCK_SKEW


def review_time_problem(
    started: dt.datetime, submitted: dt.datetime, issued: dt.datetime, now: dt.datetime
) -> str | None:
    """Why a review started at `started` and submitted at `submitted` cannot be one
    scored from a packet issued at `issued`, checked at `now`; None if it can."""
    for when, early, late in (
        (
            submitted,
            translate(
                "ReviewPackets",
                "was submitted at {when}, before the lead gave it to them in a packet ({issued})",
            ),
            translate(
                "ReviewPackets",
                "was submitted at {when}, later than the time now on this computer ({now})",
            ),
        ),
        (
            started,
            translate(
                "ReviewPackets",
                "was started at {when}, before the lead gave it to them in a packet ({issued})",
            ),
            translate(
                "ReviewPackets",
                "was started at {when}, later than the time now on this computer ({now})",
            ),
        ),
    ):
        if when < issued - CLOCK_SKEW:
            return early.format(when=_shown(when), issued=_shown(issued))
        if when > now + CLOCK_SKEW:
            return late.format(when=_shown(when), now=_shown(now))
    if submitted < started:
        return translate(
            "ReviewPackets", "was submitted at {submitted}, before it was started ({started})"
        ).format(submitted=_shown(submitted), started=_shown(started))
    return None
