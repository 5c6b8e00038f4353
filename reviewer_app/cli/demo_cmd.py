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
    from reviewer_app.demo.load import load_demo

    with open_folder(args) as folder:
        progress = StderrProgress()
        report = load_demo(folder, progress=progress)
        progress.finish()
        print(
            f"Demo data in {folder.root}: {len(report.imported)} imported, "
            f"{len(report.skipped)} already there, {len(report.rejected)} rejected."
        )
        print_submissions(submission_rows(folder))
    return 0
