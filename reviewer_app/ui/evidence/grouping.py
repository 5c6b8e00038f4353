"""A submission's items in groups by rubric part, as the left-hand list shows them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reviewer_app.reviews.queue import ItemView

translate = QCoreApplication.translate

# Titles for the parts every demo rubric has; a rubric's own titles take precedence.
# Marked for translation here, translated when a group is titled.
PART_TITLES = cast(
    dict[str, str],
    {
        "overview": QT_TRANSLATE_NOOP("EvidencePanel", "Overview"),
        "artifacts": QT_TRANSLATE_NOOP("EvidencePanel", "Work artifacts"),
        "reflection": QT_TRANSLATE_NOOP("EvidencePanel", "Reflection"),
    },
)
OTHER_EVIDENCE = cast(str, QT_TRANSLATE_NOOP("EvidencePanel", "Other evidence"))


@dataclass(frozen=True)
class Group:
    part: str | None  # None: items the earner put in no part
    title: str
    items: tuple[ItemView, ...]


def part_title(part: str | None, titles: Mapping[str, str] | None = None) -> str:
    if part is None:
        return translate("EvidencePanel", OTHER_EVIDENCE)
    if titles and titles.get(part):
        return titles[part]
    if part in PART_TITLES:
        return translate("EvidencePanel", PART_TITLES[part])
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
