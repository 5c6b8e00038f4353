"""The current micro-credential definitions and the pathways, as lines to list.
Reads only; plain values out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer_app.rubrics.queries import list_current

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class DefinitionLine:
    uri: str  # the achievement's id
    name: str
    version: int


@dataclass(frozen=True)
class PathwayLine:
    uri: str
    name: str


def current_definitions(folder: DataFolder) -> list[DefinitionLine]:
    """Each micro-credential's current (highest) version, by name."""
    with folder.read_sessions() as session:
        return [DefinitionLine(d.achievement_uri, d.name, d.version) for d in list_current(session)]


def pathways(folder: DataFolder) -> list[PathwayLine]:
    """Every pathway, by name."""
    from reviewer_app.rubrics.store import list_pathways  # validation's imports: only here

    with folder.read_sessions() as session:
        return [PathwayLine(p.pathway_uri, p.name) for p in list_pathways(session)]
