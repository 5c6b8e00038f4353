"""`reviewer-app demo`: fill the data folder with realistic demo submissions."""

from __future__ import annotations

import argparse
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder, print_submissions, submission_rows
from reviewer_app.cli.output import StderrProgress


def register(commands: Any) -> None:
    p = commands.add_parser(
        "demo", help="generate demo bundles into the data folder and import them"
    )
    p.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from reviewer_app.demo.bundles import generate_demo_bundles
    from reviewer_app.evidence.derive import derive_pending
    from reviewer_app.evidence.importer import Importer
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files

    with open_folder(args) as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        added = add_files(folder, definitions, actor="demo")
        for rejection in added.rejected:  # our own files: a rejection is a bug to see
            print(f"reviewer-app: demo definition refused: {rejection['error']}")
        bundles_dir = folder.root / "demo-bundles"
        if not bundles_dir.exists():
            generate_demo_bundles(bundles_dir)
        paths = sorted(bundles_dir.iterdir())
        progress = StderrProgress()
        report = Importer(folder, progress=progress).import_paths(paths)
        derive_pending(folder, progress=progress)
        progress.finish()
        print(
            f"Demo data in {folder.root}: {len(report.imported)} imported, "
            f"{len(report.skipped)} already there, {len(report.rejected)} rejected."
        )
        print_submissions(submission_rows(folder))
    return 0
