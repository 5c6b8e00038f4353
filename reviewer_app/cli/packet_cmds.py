"""`packet ...`: review packets for assessors who score offline in a data folder of their
own, and the returns that bring their reviews back (see docs/packets.md).

In the lead's folder: `export`, `import-return`, `conflicts`, `resolve`. In the
assessor's folder: `import`, `return`. `list` works in both.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, print_json
from reviewer_app.errors import DataFolderError, UserError


def register(commands: Any) -> None:
    packet = commands.add_parser(
        "packet", help="review packets for assessors on other computers, and their returns"
    ).add_subparsers(dest="packet_command", metavar="ACTION", required=True)

    p = packet.add_parser(
        "export", help="write a packet: submissions, their definitions, and who scores them"
    )
    p.add_argument("--reviewer", required=True, help="the assessor who scores the submissions")
    p.add_argument(
        "--submission", required=True, nargs="+", action="extend", metavar="ID", dest="submissions"
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    blind = p.add_mutually_exclusive_group()
    blind.add_argument(
        "--blind",
        action="store_true",
        default=None,
        help="submission codes only, no earner names, emails or file names "
        "(the default when this folder reviews blind)",
    )
    blind.add_argument(
        "--not-blind",
        action="store_false",
        dest="blind",
        default=None,
        help="earners' names and emails as they are, though this folder reviews blind",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_export))

    p = packet.add_parser("import", help="import a packet into this (the assessor's) folder")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--no-extract",
        action="store_true",
        help="skip text extraction and thumbnails now (they are made on a later import)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_import))

    p = packet.add_parser("return", help="write the submitted reviews of a packet, for the lead")
    p.add_argument("--packet", required=True, metavar="PACKET_ID")
    p.add_argument("--reviewer", required=True)
    p.add_argument(
        "--submission",
        nargs="+",
        action="extend",
        metavar="ID",
        dest="submissions",
        help="only these of the packet's submissions (default: all submitted)",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_return))

    p = packet.add_parser("import-return", help="import an assessor's return (the lead's folder)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_import_return))

    p = packet.add_parser("conflicts", help="returned reviews that differ from those held here")
    p.add_argument("--all", action="store_true", help="also those already resolved")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_conflicts))

    p = packet.add_parser("resolve", help="a lead keeps the existing or the incoming review")
    p.add_argument("conflict_id", type=int, metavar="CONFLICT_ID")
    p.add_argument("--keep", choices=["existing", "incoming"], required=True)
    p.add_argument("--lead", required=True)
    p.add_argument("--rationale", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_resolve))

    p = packet.add_parser("list", help="the packets this folder issued or received")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_guarded(run_list))


def _guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """With --json a refusal is a JSON document too (exit 1); an unusable data folder
    is still left to the caller (exit 2)."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except DataFolderError:
            raise
        except UserError as e:
            if not args.json:
                raise
            print(f"reviewer-app: {e}", file=sys.stderr)
            print_json({"ok": False, "error": str(e)})
            return 1

    return guarded


def _actor() -> str:
    from reviewer_app.cli.review_cmds import _actor as actor

    return actor()


def run_export(args: argparse.Namespace) -> int:
    from reviewer_app.packets import export_packet

    with open_folder(args) as folder:
        made = export_packet(
            folder, args.reviewer, args.submissions, args.out, actor=_actor(), blind=args.blind
        )
    doc = {
        "ok": True,
        "packet_id": made.packet_id,
        "out": str(made.out),
        "reviewer": made.reviewer,
        "submissions": made.submissions,
        "definitions": made.definitions,
        "sha256": made.sha256,
        "blind": made.blind,
        "codes": made.codes,
    }
    if args.json:
        print_json(doc)
    else:
        print(
            f"packet {made.packet_id} for {made.reviewer}: "
            f"{counted(len(made.submissions), 'submission')}"
        )
        if made.blind:
            print("blind: the packet names submissions by these codes only")
            for sid, code in made.codes.items():
                print(f"  {code}  {sid}")
        print(f"written to {made.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from reviewer_app.cli.output import StderrProgress, cancel_on_interrupt
    from reviewer_app.packets import import_packet

    progress = StderrProgress()
    with open_folder(args) as folder, cancel_on_interrupt() as cancel:
        got = import_packet(folder, args.file, actor=_actor(), progress=progress, cancel=cancel)
        if not args.no_extract and got.submissions_imported:
            from reviewer_app.evidence.derive import derive_pending

            derived = derive_pending(folder, progress=progress, cancel=cancel)
            for sid, found in derived.warnings.items():
                got.warnings += [f"{sid}: {w}" for w in found]
        progress.finish()
    doc = {
        "ok": True,
        "packet_id": got.packet_id,
        "from": got.issued_by,
        "blind": got.blind,
        "already_imported": got.already_imported,
        "assignment": got.assignment,
        "definitions_added": got.definitions_added,
        "definitions_known": got.definitions_known,
        "submissions_imported": got.submissions_imported,
        "submissions_known": got.submissions_known,
        "annotations_added": got.annotations_added,
        "warnings": got.warnings,
    }
    if args.json:
        print_json(doc)
        return 0
    if got.already_imported:
        print(f"packet {got.packet_id} was imported already; nothing changed")
        return 0
    print(f"packet {got.packet_id} from {got.issued_by}" + (" (blind)" if got.blind else ""))
    for a in got.assignment:
        print(f"  {a['submission_id']:<24} for {a['reviewer']}")
    print(
        f"{counted(len(got.submissions_imported), 'submission')} imported, "
        f"{len(got.submissions_known)} already here; "
        f"{counted(len(got.definitions_added), 'definition')} added"
    )
    for sid, numbers in got.annotations_added.items():
        print(f"  {sid}: {counted(len(numbers), 'annotation')} to continue from")
    for w in got.warnings:
        print(f"    warning: {w}")
    return 0


def run_return(args: argparse.Namespace) -> int:
    from reviewer_app.packets import export_return

    with open_folder(args) as folder:
        made = export_return(
            folder,
            args.packet,
            args.reviewer,
            args.out,
            actor=_actor(),
            submissions=args.submissions,
        )
    if args.json:
        print_json(
            {
                "ok": True,
                "packet_id": made.packet_id,
                "reviewer": made.reviewer,
                "out": str(made.out),
                "submissions": made.submissions,
                "not_done": made.not_done,
                "sha256": made.sha256,
            }
        )
        return 0
    print(f"{counted(len(made.submissions), 'review')} by {made.reviewer} written to {made.out}")
    for n in made.not_done:
        print(f"  left out: {n['submission_id']} ({n['state']})")
    return 0


def run_import_return(args: argparse.Namespace) -> int:
    from reviewer_app.packets import import_return

    with open_folder(args) as folder:
        got = import_return(folder, args.file, actor=_actor())
    if args.json:
        print_json(
            {
                "ok": True,
                "packet_id": got.packet_id,
                "reviewer": got.reviewer,
                "already_imported": got.already_imported,
                "added": got.added,
                "unchanged": got.unchanged,
                "conflicts": got.conflicts,
                "statuses": got.statuses,
            }
        )
        return 0
    if got.already_imported:
        print(f"this return by {got.reviewer} was imported already; nothing changed")
        return 0
    for sid in got.added:
        print(f"added      {sid}  (now {got.statuses[sid]})")
    for sid in got.unchanged:
        print(f"unchanged  {sid}")
    for c in got.conflicts:
        print(f"conflict   {c['submission_id']}  (conflict {c['id']}; 'packet conflicts')")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from reviewer_app.packets import list_conflicts

    with open_folder(args) as folder, folder.read_sessions() as session:
        found = list_conflicts(session, include_resolved=args.all)
    if args.json:
        print_json([c.as_dict() for c in found])
        return 0
    for c in found:
        state = f"kept {c.resolution} ({c.resolved_by})" if c.resolution else "open"
        print(f"conflict {c.id}: {c.submission_id} by {c.reviewer}, packet {c.packet_id}: {state}")
        for line in c.differences:
            print(f"    {line}")
    if not found:
        print("no conflicts", file=sys.stderr)
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from reviewer_app.packets import resolve_conflict

    with open_folder(args) as folder:
        status = resolve_conflict(folder, args.conflict_id, args.keep, args.lead, args.rationale)
    if args.json:
        print_json({"ok": True, "conflict": args.conflict_id, "keep": args.keep, "status": status})
    else:
        print(f"conflict {args.conflict_id}: kept the {args.keep} review; submission {status}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.packets import list_packets

    with open_folder(args) as folder, folder.read_sessions() as session:
        found = list_packets(session)
    if args.json:
        print_json(found)
        return 0
    for p in found:
        reviewers = sorted({a["reviewer"] for a in p["assignment"]})
        print(
            f"{p['packet_id']}  {p['direction']:<8} {p['created'][:10]}  "
            f"{counted(len(p['assignment']), 'submission')} for {', '.join(reviewers)}"
        )
    return 0
