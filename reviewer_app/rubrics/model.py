"""A rubric as the scoring code sees it: parts, criteria, each criterion's scale, the pass
rule and the comment bank. Built from a definition that has already been validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    points: float | None = None


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    part_id: str
    levels: tuple[Level, ...]  # this criterion's scale: its own, or the rubric's
    descriptors: Mapping[str, str] = field(default_factory=dict)
    prompt: str | None = None

    def index_of(self, level_id: str) -> int:
        """The level's step on this criterion's scale, lowest 0; ValueError if unknown."""
        for n, level in enumerate(self.levels):
            if level.id == level_id:
                return n
        raise ValueError(level_id)

    def level(self, level_id: str) -> Level:
        return self.levels[self.index_of(level_id)]


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class PassRule:
    every_criterion_at_least: str | None = None
    total_points_at_least: float | None = None


@dataclass(frozen=True)
class Rubric:
    version: int
    levels: tuple[Level, ...]
    parts: tuple[Part, ...]
    pass_rule: PassRule
    comments: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for part in self.parts for c in part.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    @classmethod
    def from_content(cls, content: Mapping[str, Any]) -> Rubric:
        """From a definition's JSON (its `rubric` object, or the whole definition)."""
        raw = content.get("rubric", content)
        levels = _scale(raw["levels"])
        parts = tuple(
            Part(
                id=p["id"],
                title=p["title"],
                criteria=tuple(
                    Criterion(
                        id=c["id"],
                        title=c["title"],
                        part_id=p["id"],
                        levels=_scale(c["levels"]) if "levels" in c else levels,
                        descriptors=dict(c.get("descriptors", {})),
                        prompt=c.get("prompt"),
                    )
                    for c in p["criteria"]
                ),
            )
            for p in raw["parts"]
        )
        rule = raw["pass"]
        return cls(
            version=raw["version"],
            levels=levels,
            parts=parts,
            pass_rule=PassRule(
                rule.get("every_criterion_at_least"), rule.get("total_points_at_least")
            ),
            comments={k: tuple(v) for k, v in raw.get("comments", {}).items()},
        )


def _scale(raw: list[Mapping[str, Any]]) -> tuple[Level, ...]:
    return tuple(Level(lv["id"], lv["label"], lv.get("points")) for lv in raw)
