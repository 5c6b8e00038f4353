"""`reviewer-app check`: is every stored file whole, and do the database and store agree?

On a team database the files are checked where they are kept, in the database (every
chunk there, in order, hashing to the file's name), and then this laptop's cached
copies; a file not cached yet is not a problem. A damaged cached copy of a file whose
database copy is whole is removed, and said so: the cache is only a copy, and the next
reading fetches the file again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage import team_blobs
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Blob, EvidenceItem
from reviewer_app.wording import translate


@dataclass(frozen=True)
class Problem:
    kind: str  # "damaged", "missing", "unreferenced", "database", "decision"
    subject: str  # a hash, a file path or a table
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "subject": self.subject, "message": self.message}


def check_folder(
    folder: DataFolder,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    more: Callable[[Session], Iterable[Problem]] | None = None,
) -> list[Problem]:
    """Every stored file against its hash, and the database against the store. `more`
    adds the features' own findings, read in the same transaction (the audit trail's:
    reviewer_app.audit.folder_check)."""
    problems: list[Problem] = []
    with folder.read_sessions() as session:
        if folder.engine.dialect.name == "sqlite":
            for (row,) in session.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(Problem("database", "integrity_check", row))
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(
                    Problem(
                        "database",
                        row[0],
                        translate("DataFolder", "row {row} refers to a missing {table} row").format(
                            row=row[1], table=row[2]
                        ),
                    )
                )
        if more is not None:
            problems.extend(more(session))
        blobs = {sha: size for sha, size in session.execute(select(Blob.sha256, Blob.size))}
        users: dict[str, str] = {}
        named = translate("DataFolder", "{name} (submission row {row})")
        for sha, name, sid in session.execute(
            select(EvidenceItem.blob_sha256, EvidenceItem.path, EvidenceItem.submission_id).where(
                EvidenceItem.blob_sha256.is_not(None)
            )
        ):
            users.setdefault(sha or "", named.format(name=name, row=sid))
    total = sum(blobs.values())
    done = 0
    team = folder.store.source is not None
    for n, (sha, size) in enumerate(sorted(blobs.items())):
        if cancel is not None:
            cancel.check()
        user = users.get(sha)
        if team:
            problems.extend(_team_file(folder, sha, size, user))
        else:
            problems.extend(_local_file(folder, sha, size, user))
        done += size
        if progress is not None:
            doing = translate("DataFolder", "checking stored files")
            progress(ProgressReport(n + 1, len(blobs), done, total, doing))
    for sha, stray in folder.store.iter_hashes():
        if sha not in blobs:
            problems.append(
                Problem(
                    "unreferenced",
                    str(stray),
                    translate("DataFolder", "a file in the store that no record refers to"),
                )
            )
    return problems


def _local_file(folder: DataFolder, sha: str, size: int, user: str | None) -> list[Problem]:
    """A data folder's file: there, of its size, hashing to its name."""
    problems: list[Problem] = []
    path = folder.store.path_for(sha)
    if not path.is_file():
        if user is None:
            missing = translate("DataFolder", "the stored file is missing")
        else:
            missing = translate("DataFolder", "the stored file used by {user} is missing")
        return [Problem("missing", sha, missing.format(user=user))]
    actual = folder.store.hash_file(path)
    if actual != sha:
        if user is None:
            damaged = translate(
                "DataFolder",
                "the stored file no longer matches its hash (it now hashes to {found})",
            )
        else:
            damaged = translate(
                "DataFolder",
                "the stored file used by {user} no longer matches its hash "
                "(it now hashes to {found})",
            )
        problems.append(Problem("damaged", sha, damaged.format(user=user, found=actual)))
    elif path.stat().st_size != size:
        if user is None:
            resized = translate("DataFolder", "the stored file changed size")
        else:
            resized = translate("DataFolder", "the stored file used by {user} changed size")
        problems.append(Problem("damaged", sha, resized.format(user=user)))
    return problems


def _team_file(folder: DataFolder, sha: str, size: int, user: str | None) -> list[Problem]:
    """A team database's file: its chunks there, then the copy cached here, if any."""
    with folder.read_engine.connect() as conn:
        problem = team_blobs.verify(conn, sha, size)
    if problem is not None:
        if user is None:
            message = translate("DataFolder", "the stored file: {problem}")
        else:
            message = translate("DataFolder", "the stored file used by {user}: {problem}")
        return [Problem("damaged", sha, message.format(user=user, problem=problem))]
    path = folder.store.path_for(sha)
    if not path.is_file():
        return []  # not read on this computer yet
    found = folder.store.hash_file(path)
    if found == sha and path.stat().st_size == size:
        return []
    folder.store.remove(sha)  # fetched again, whole, when next read
    if user is None:
        message = translate(
            "DataFolder",
            "the copy of the stored file cached on this computer was damaged (it hashed to "
            "{found}); it was removed and will be fetched again from the team database",
        )
    else:
        message = translate(
            "DataFolder",
            "the copy of the stored file used by {user} cached on this computer was damaged "
            "(it hashed to {found}); it was removed and will be fetched again from the team "
            "database",
        )
    return [Problem("damaged", sha, message.format(user=user, found=found))]
