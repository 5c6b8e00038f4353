"""`reviewer-app check`: is every stored file whole, and do the database and store agree?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Blob, EvidenceItem


@dataclass(frozen=True)
class Problem:
    kind: str  # "damaged", "missing", "unreferenced", "database"
    subject: str  # a hash, a file path or a table
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "subject": self.subject, "message": self.message}


def check_folder(
    folder: DataFolder, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    with folder.sessions() as session:
        if folder.engine.dialect.name == "sqlite":
            for (row,) in session.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(Problem("database", "integrity_check", row))
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(
                    Problem("database", row[0], f"row {row[1]} refers to a missing {row[2]} row")
                )
        blobs = {sha: size for sha, size in session.execute(select(Blob.sha256, Blob.size))}
        users: dict[str, str] = {}
        for sha, name, sid in session.execute(
            select(EvidenceItem.blob_sha256, EvidenceItem.path, EvidenceItem.submission_id).where(
                EvidenceItem.blob_sha256.is_not(None)
            )
        ):
            users.setdefault(sha or "", f"{name} (submission row {sid})")
    total = sum(blobs.values())
    done = 0
    for n, (sha, size) in enumerate(sorted(blobs.items())):
        if cancel is not None:
            cancel.check()
        used_by = f" used by {users[sha]}" if sha in users else ""
        path = folder.store.path_for(sha)
        if not path.is_file():
            problems.append(Problem("missing", sha, f"the stored file{used_by} is missing"))
            continue
        actual = folder.store.hash_file(path)
        if actual != sha:
            problems.append(
                Problem(
                    "damaged",
                    sha,
                    f"the stored file{used_by} no longer matches its hash "
                    f"(it now hashes to {actual})",
                )
            )
        elif path.stat().st_size != size:
            problems.append(Problem("damaged", sha, f"the stored file{used_by} changed size"))
        done += size
        if progress is not None:
            progress(ProgressReport(n + 1, len(blobs), done, total, "checking stored files"))
    for sha, stray in folder.store.iter_hashes():
        if sha not in blobs:
            problems.append(
                Problem("unreferenced", str(stray), "a file in the store that no record refers to")
            )
    return problems
