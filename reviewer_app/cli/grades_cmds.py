"""`grades export`: a platform's grade worksheet filled with the decisions made here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, echo, print_json


def register(commands: Any) -> None:
    grades = commands.add_parser(
        "grades", help="grades back to a learning platform"
    ).add_subparsers(dest="grades_command", metavar="ACTION", required=True)
    p = grades.add_parser(
        "export",
        help="fill a Moodle grading worksheet or a Canvas gradebook export with the decisions",
    )
    p.add_argument("--to", required=True, choices=["moodle-worksheet", "canvas-gradebook"])
    p.add_argument("--worksheet", required=True, type=Path, metavar="FILE.csv")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.csv")
    p.add_argument("--pass-grade", metavar="VALUE", help="a scale word or points (default: max)")
    p.add_argument("--not-yet-grade", metavar="VALUE", help="a scale word or points (default: 0)")
    p.add_argument("--assignment", metavar="TITLE (ID)", help="Canvas: the assignment's column")
    p.add_argument(
        "--columns",
        action="append",
        default=[],
        metavar="ROLE=COLUMN,...",
        help="Moodle: id=, grade=, feedback= column names or numbers (feedback=none: grades only)",
    )
    p.add_argument("--prefix", metavar="TEXT", help="only submissions whose id starts with TEXT")
    p.add_argument("--encoding", metavar="NAME", help="the worksheet's encoding (default UTF-8)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from reviewer_app.errors import UserError
    from reviewer_app.lms.moodle_worksheet import parse_columns
    from reviewer_app.lms.worksheets import CANVAS, ExportRequest, plan_export, write_export

    if args.to == CANVAS and not args.assignment:
        raise UserError('canvas-gradebook needs --assignment "TITLE (ID)", the column to fill')
    if args.to == CANVAS and args.columns:
        raise UserError("--columns is for Moodle worksheets; Canvas takes --assignment")
    request = ExportRequest(
        target=args.to,
        worksheet=args.worksheet,
        pass_grade=args.pass_grade,
        not_yet_grade=args.not_yet_grade,
        columns=parse_columns(args.columns),
        assignment=args.assignment,
        encoding=args.encoding,
        prefix=args.prefix,
    )
    with open_folder(args) as folder:
        export = plan_export(folder, request)
    write_export(export, args.out)
    if args.json:
        print_json({**export.to_json(), "out": str(args.out)})
        return 0
    echo(f"wrote {args.out}: {counted(len(export.changed), 'row')} filled", err=True)
    for row in export.changed:
        echo(f"  row {row.row}: {row.submission_id} {row.decision}")
    for title, listed in (
        ("left as they were (no decision yet)", export.undecided),
        ("left as they were", export.skipped),
        ("students with no submission here", export.unmatched_rows),
    ):
        if listed:
            echo(f"{title}:")
            for item in listed:
                why = f": {item.reason}" if item.reason else ""
                echo(f"  row {item.row}: {item.name or item.platform_id}{why}")
    if export.submissions_without_row:
        echo("submissions here with no row in the worksheet:")
        for submission in export.submissions_without_row:
            echo(f"  {submission.submission_id}: {submission.reason}")
    return 0
