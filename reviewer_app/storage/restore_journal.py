"""A note, kept in the data folder while a restore changes it, that lets the next
opening finish what a killed restore left.

A restore copies the backup's evidence into the store, swaps the database, then moves
aside the evidence the restored database does not know. Killed between those steps, the
store holds files no record refers to. The note is written before the first step and
removed after the last; while it is there, opening the folder moves every file the
database in place does not refer to into `store.before-restore-<stamp>/` (nothing is
deleted), so the folder is whole again whichever database the kill left in place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Container
from pathlib import Path

from reviewer_app.storage.atomic import fsync_dir, write_atomically

JOURNAL = "restore-pending.json"


def begin(data_dir: Path, stamp: str) -> None:
    write_atomically(data_dir / JOURNAL, json.dumps({"stamp": stamp}).encode(), mode=0o600)


def end(data_dir: Path) -> None:
    (data_dir / JOURNAL).unlink(missing_ok=True)
    fsync_dir(data_dir)


def pending_stamp(data_dir: Path) -> str | None:
    """The stamp of an interrupted restore, or None when none was interrupted."""
    try:
        stamp = json.loads((data_dir / JOURNAL).read_text(encoding="utf-8"))["stamp"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return "interrupted"  # a note cut short still means a restore was under way
    return stamp if isinstance(stamp, str) and stamp.isalnum() else "interrupted"


def move_unreferenced(objects: Path, aside: Path, referenced: Container[str]) -> Path | None:
    """Moves every evidence file whose hash is not in `referenced` under `aside`."""
    moved = False
    if not objects.is_dir():
        return None
    for bucket in objects.iterdir():
        if not bucket.is_dir():
            continue
        for entry in bucket.iterdir():
            if entry.name in referenced:
                continue
            dest = aside / "objects" / bucket.name
            dest.mkdir(parents=True, exist_ok=True)
            os.replace(entry, dest / entry.name)
            moved = True
    return aside if moved else None
