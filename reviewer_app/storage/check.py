"""`reviewer-app check`: is every stored file whole, and do the database and store agree?"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.progress import CancelToken, Progress, ProgressReport
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
    for n, (sha, size) in enumerate(sorted(blobs.items())):
        if cancel is not None:
            cancel.check()
        user = users.get(sha)
        path = folder.store.path_for(sha)
        if not path.is_file():
            if user is None:
                missing = translate("DataFolder", "the stored file is missing")
            else:
                missing = translate("DataFolder", "the stored file used by {user} is missing")
            problems.append(Problem("missing", sha, missing.format(user=user)))
            continue
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
