"""`import ZIP --from moodle|canvas --credential ID`: a learning platform's download."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from reviewer_app.cli.evidence_cmds import _limits, _merge_warnings, _print_import, open_folder
from reviewer_app.cli.output import StderrProgress, cancel_on_interrupt, echo, print_json
from reviewer_app.errors import DataFolderError, UserError

EXIT_USAGE = 2


def run_lms_import(args: argparse.Namespace) -> int:
    from reviewer_app.evidence.derive import derive_pending
    from reviewer_app.lms.importing import import_download

    if len(args.paths) != 1 or args.credential is None:
        print(
            "reviewer-app: import --from/--credential takes one zip downloaded from Moodle or "
            "Canvas and the micro-credential it is for: "
            "reviewer-app import ZIP [--from moodle|canvas] --credential ID",
            file=sys.stderr,
        )
        return EXIT_USAGE
    limits = _limits(args)
    progress = StderrProgress()
    try:
        with open_folder(args) as folder, cancel_on_interrupt() as cancel:
            done = import_download(
                folder,
                args.paths[0],
                credential=args.credential,
                platform=args.platform,
                part=args.part,
                attempt=args.attempt,
                limits=limits,
                progress=progress,
                cancel=cancel,
            )
            report = done.report
            if not args.no_extract and not report.cancelled:
                derived = derive_pending(folder, limits=limits, progress=progress, cancel=cancel)
                _merge_warnings(report, derived.warnings)
            progress.finish()
    except DataFolderError:
        raise
    except UserError as e:
        if not args.json:
            raise
        print(f"reviewer-app: {e}", file=sys.stderr)
        print_json(
            {
                "imported": [],
                "skipped": [],
                "rejected": [{"path": str(args.paths[0]), "error": str(e)}],
                "skipped_files": [],
                "cancelled": False,
            }
        )
        return 1
    if args.json:
        print_json(
            {
                "platform": done.platform,
                "imported": [
                    {**asdict(r), **done.origin_fields(r.submission_id)} for r in report.imported
                ],
                "skipped": [
                    {**asdict(r), **done.origin_fields(r.submission_id)} for r in report.skipped
                ],
                "rejected": [asdict(r) for r in report.rejected],
                "skipped_files": [asdict(r) for r in report.skipped_files],
                "cancelled": report.cancelled,
            }
        )
    else:
        echo(f"from {done.platform.capitalize()}")
        _print_import(report)
    return 1 if report.rejected or report.cancelled else 0
