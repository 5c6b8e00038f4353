"""A submission's items in groups by rubric part, as the left-hand list shows them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reviewer_app.reviews.queue import ItemView
from reviewer_app.ui.evidence.controls import translate

# Titles for the parts every demo rubric has; a rubric's own titles take precedence.
PART_TITLES = {
    "overview": "Overview",
    "artifacts": "Work artifacts",
    "reflection": "Reflection",
}
OTHER_EVIDENCE = "Other evidence"


@dataclass(frozen=True)
class Group:
    part: str | None  # None: items the earner put in no part
    title: str
    items: tuple[ItemView, ...]


def part_title(part: str | None, titles: Mapping[str, str] | None = None) -> str:
    if part is None:
        return translate(OTHER_EVIDENCE)
    if titles and titles.get(part):
        return titles[part]
    if part in PART_TITLES:
        return translate(PART_TITLES[part])
    return part


def group_items(items: Iterable[ItemView], titles: Mapping[str, str] | None = None) -> list[Group]:
    """Groups in the order the earner first used each part, items in the earner's order
    within each; items with no part come last, under "Other evidence"."""
    buckets: dict[str | None, list[ItemView]] = {}
    for item in sorted(items, key=lambda i: i.position):
        buckets.setdefault(item.part or None, []).append(item)
    order: list[str | None] = [part for part in buckets if part is not None]
    if None in buckets:
        order.append(None)
    return [Group(part, part_title(part, titles), tuple(buckets[part])) for part in order]
