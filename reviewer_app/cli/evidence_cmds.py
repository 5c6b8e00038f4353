"""Commands on evidence: import, search, check, submissions."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer_app.cli.output import (
    StderrProgress,
    cancel_on_interrupt,
    counted,
    echo,
    print_json,
    stream_json_table,
)
from reviewer_app.evidence.limits import ImportLimits, MiB

# Each command imports what it needs when it runs, so that `--help` and the light
# commands start fast.
if TYPE_CHECKING:
    from reviewer_app.evidence.importer import ImportReport
    from reviewer_app.storage.datafolder import DataFolder


def open_folder(args: argparse.Namespace) -> DataFolder:
    """The data folder, on the team database when one is named (--database or
    REVIEWER_APP_DATABASE)."""
    from reviewer_app.storage.datafolder import DataFolder, default_data_dir
    from reviewer_app.storage.team_url import team_url

    url = team_url(getattr(args, "database", None), getattr(args, "password_file", None))
    return DataFolder.open(args.data_dir or default_data_dir(), database_url=url)


def register(commands: Any) -> None:
    p = commands.add_parser("import", help="import evidence bundles, batches and loose bundles")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument(
        "--no-extract",
        action="store_true",
        help="skip text extraction and thumbnails now (they are made on a later import)",
    )
    defaults = ImportLimits()
    p.add_argument("--max-file-mb", type=float, default=defaults.max_file_bytes / MiB)
    p.add_argument("--max-bundle-mb", type=float, default=defaults.max_bundle_bytes / MiB)
    p.add_argument("--max-entries", type=int, default=defaults.max_entries)
    p.add_argument("--max-ratio", type=float, default=defaults.max_ratio)
    lms = p.add_argument_group("a Moodle or Canvas submissions download (one zip; see docs/lms.md)")
    lms.add_argument(
        "--from",
        dest="platform",
        choices=["moodle", "canvas"],
        help="the platform the zip was downloaded from (found from its file names if left out)",
    )
    lms.add_argument(
        "--credential", metavar="ID", help="the micro-credential every submission is for"
    )
    lms.add_argument("--part", metavar="PART", help="the rubric part the evidence answers")
    lms.add_argument("--attempt", type=int, default=1, metavar="N", help="the attempt (1)")
    p.set_defaults(run=run_import)

    p = commands.add_parser("search", help="full-text search over the text of all evidence")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_search)

    p = commands.add_parser(
        "check",
        help="verify every stored file against its hash, and the database against the store",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_check)

    p = commands.add_parser("submissions", help="list imported submissions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_submissions)
    actions = p.add_subparsers(dest="submissions_command", metavar="ACTION")
    p = actions.add_parser(
        "assign",
        help="assign a micro-credential to a submission (a loose bundle) and correct its "
        "earner's name, before anyone reviews it",
    )
    p.add_argument("submission_id", metavar="SUBMISSION_ID")
    p.add_argument(
        "--credential",
        required=True,
        metavar="ID",
        help="the micro-credential's id, or the last part of it when no other ends the same",
    )
    p.add_argument("--earner", metavar="NAME", help="the earner's name as it should be")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_assign)


def _limits(args: argparse.Namespace) -> ImportLimits:
    return ImportLimits(
        max_file_bytes=int(args.max_file_mb * MiB),
        max_bundle_bytes=int(args.max_bundle_mb * MiB),
        max_entries=args.max_entries,
        max_ratio=args.max_ratio,
    )


def run_import(args: argparse.Namespace) -> int:
    platform_options = (args.platform, args.credential, args.part)
    if any(o is not None for o in platform_options) or args.attempt != 1:
        from reviewer_app.cli.lms_cmds import run_lms_import

        return run_lms_import(args)
    from reviewer_app.evidence.derive import derive_pending
    from reviewer_app.evidence.importer import Importer

    limits = _limits(args)
    progress = StderrProgress()
    with open_folder(args) as folder, cancel_on_interrupt() as cancel:
        extract = not args.no_extract
        importer = Importer(folder, limits, progress=progress, cancel=cancel, extract=extract)
        report = importer.import_paths(args.paths)
        if extract and not report.cancelled:  # what an earlier --no-extract left
            derived = derive_pending(folder, limits=limits, progress=progress, cancel=cancel)
            _merge_warnings(report, derived.warnings)
        progress.finish()
    if args.json:
        print_json(
            {
                "imported": [asdict(r) for r in report.imported],
                "skipped": [asdict(r) for r in report.skipped],
                "rejected": [asdict(r) for r in report.rejected],
                "skipped_files": [asdict(r) for r in report.skipped_files],
                "cancelled": report.cancelled,
            }
        )
    else:
        _print_import(report)
    return 1 if report.rejected or report.cancelled else 0


def _merge_warnings(report: ImportReport, found: dict[str, list[str]]) -> None:
    for result in report.imported:
        result.warnings.extend(found.get(result.submission_id, []))


def _print_import(report: ImportReport) -> None:
    for r in report.imported:
        echo(f"imported  {r.submission_id}  ({r.earner}, {counted(r.items, 'item')})")
        for w in r.warnings:
            echo(f"    warning: {w}")
    for r in report.skipped:
        echo(f"skipped   {r.submission_id}  (already imported)")
    for rej in report.rejected:
        echo(f"rejected  {rej.error}")
    for f in report.skipped_files:
        echo(f"skipped   {f.path}  ({f.reason})")
    others = (
        f", {counted(len(report.skipped_files), 'other file')} skipped"
        if report.skipped_files
        else ""
    )
    echo(
        f"{len(report.imported)} imported, {len(report.skipped)} already imported, "
        f"{len(report.rejected)} rejected{others}" + (" (cancelled)" if report.cancelled else "")
    )


def run_search(args: argparse.Namespace) -> int:
    from reviewer_app.evidence.search import search_folder

    with open_folder(args) as folder:
        hits = search_folder(folder, args.query)
    if args.json:
        stream_json_table(
            ("submission_id", "item", "item_id", "page", "snippet"),
            ((h.submission_id, h.item, h.item_id, h.page, h.snippet) for h in hits),
        )
    else:
        for h in hits:
            page = f" p.{h.page}" if h.page else ""
            echo(f"{h.submission_id}  {h.item}{page}: {h.snippet}")
        if not hits:
            echo("no matches", err=True)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from reviewer_app.audit.folder_check import check_folder

    with open_folder(args) as folder:
        problems = check_folder(folder)
    if args.json:
        print_json({"ok": not problems, "problems": [p.as_dict() for p in problems]})
    else:
        for p in problems:
            echo(f"{p.kind}: {p.subject}: {p.message}")
        print(
            "ok: every stored file matches its hash"
            if not problems
            else f"{counted(len(problems), 'problem')} found"
        )
    return 1 if problems else 0


def submission_rows(folder: DataFolder) -> Iterator[dict[str, Any]]:
    """The submissions as the database gives them, one at a time (see
    evidence/submissions.py): read them while `folder` is open."""
    from reviewer_app.evidence.submissions import FIELDS, iter_submissions

    return (dict(zip(FIELDS, row, strict=True)) for row in iter_submissions(folder))


def run_submissions(args: argparse.Namespace) -> int:
    with open_folder(args) as folder:
        if args.json:
            from reviewer_app.evidence.submissions import FIELDS, iter_submissions

            stream_json_table(FIELDS, iter_submissions(folder))
        else:
            print_submissions(submission_rows(folder))
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from reviewer_app.cli.review_cmds import _actor
    from reviewer_app.reviews.assign import assign_credential

    with open_folder(args) as folder:
        done = assign_credential(
            folder, args.submission_id, args.credential, earner=args.earner, actor=_actor()
        )
    if args.json:
        print_json(
            {
                "submission_id": done.submission_id,
                "credential_id": done.credential_id,
                "earner": done.earner,
            }
        )
    else:
        echo(f"{done.submission_id}: {done.credential_id}, earner {done.earner}")
    return 0


def print_submissions(rows: Iterable[dict[str, Any]]) -> None:
    count = 0
    for r in rows:
        credential = (r["credential_id"] or "(no micro-credential yet)").rsplit("/", 1)[-1]
        conflict = (
            "  (earner details differ between submissions)" if r.get("earner_conflict") else ""
        )
        echo(
            f"{r['submission_id']:<24} {r['earner']:<28} {credential:<32} "
            f"attempt {r['attempt']}  {r['status']}{conflict}"
        )
        count += 1
    echo(counted(count, "submission"))
