"""Filling a data folder with the demo: micro-credentials, then generated submissions.

Used by `reviewer-app demo` and by the window's first-run screen, so both show the same.
"""

from __future__ import annotations

from reviewer_app.demo.bundles import generate_demo_bundles
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer, ImportReport
from reviewer_app.progress import CancelToken, Progress
from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder


def load_demo(
    folder: DataFolder, progress: Progress | None = None, cancel: CancelToken | None = None
) -> ImportReport:
    definitions = sorted(resource("demo", "definitions").glob("*.json"))
    added = add_files(folder, definitions, actor="demo")
    if added.rejected:  # our own files: a rejection is a bug, not the user's problem
        raise RuntimeError(f"demo definitions refused: {added.rejected}")
    bundles = folder.root / "demo-bundles"
    if not bundles.exists():
        partial = folder.root / "demo-bundles.partial"
        if partial.exists():
            import shutil

            shutil.rmtree(partial)
        generate_demo_bundles(partial)
        partial.rename(bundles)
    report = Importer(folder, progress=progress, cancel=cancel).import_paths(
        sorted(bundles.iterdir())
    )
    derive_pending(folder, progress=progress, cancel=cancel)
    return report
