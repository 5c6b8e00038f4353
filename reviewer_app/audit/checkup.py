"""`audit verify` in one read: the hash chain, the replay of the trail against the
reviews and decisions, and the anchors noted elsewhere (backups, exports, returns)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.audit.anchor import AnchorCheck, check_anchor
from reviewer_app.audit.replay import Replay, replay
from reviewer_app.audit.trail import Verdict, verify

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class Checkup:
    chain: Verdict
    replayed: Replay
    anchors: list[AnchorCheck]

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.replayed.ok and all(a.ok for a in self.anchors)


def check_trail(folder: DataFolder, noted: Sequence[tuple[str, dict[str, Any]]] = ()) -> Checkup:
    """Checks the trail; `noted` holds (where it was noted, anchor) pairs."""
    with folder.read_sessions() as session:
        return Checkup(
            chain=verify(session),
            replayed=replay(session),
            anchors=[check_anchor(session, anchor, source) for source, anchor in noted],
        )
