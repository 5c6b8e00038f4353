"""Commands on definitions, scoring and the audit trail:
`definitions add|list`, `score`, `feedback`, `audit verify`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, echo, print_json
from reviewer_app.errors import UserError

if TYPE_CHECKING:
    from reviewer_app.reviews.standing import Standing


def register(commands: Any) -> None:
    definitions = commands.add_parser(
        "definitions", help="micro-credential definitions (rubrics) and pathways"
    ).add_subparsers(dest="definitions_command", metavar="ACTION", required=True)
    p = definitions.add_parser("add", help="add definition or pathway files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_definitions_add)
    p = definitions.add_parser("list", help="list the current definitions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_definitions_list)
    from reviewer_app.cli import moderation_cmds

    moderation_cmds.register_require_reviews(definitions)

    p = commands.add_parser("score", help="record one reviewer's scores for a submission")
    p.add_argument("submission_id", metavar="SUBMISSION_ID")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    p.add_argument("--level", action="append", default=[], metavar="CRITERION=LEVEL")
    p.add_argument("--comment", action="append", default=[], metavar="CRITERION=TEXT")
    p.add_argument("--feedback", metavar="TEXT", help="overall feedback to the earner")
    p.add_argument("--submit", action="store_true", help="finish the review: decide")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_score)

    p = commands.add_parser(
        "feedback",
        help="write the earner's feedback letter; with --all, every decided submission's",
    )
    p.add_argument("submission_id", nargs="?", metavar="SUBMISSION_ID")
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="a .pdf, or .txt for plain text; with --all, a folder",
    )
    p.add_argument("--all", action="store_true", help="a letter per decided submission")
    p.add_argument("--text", action="store_true", help="with --all: plain text letters")
    p.set_defaults(run=run_feedback)

    p = commands.add_parser(
        "blind-review",
        help="show, or turn on or off, blind review for everyone in this folder or team",
    )
    p.add_argument("state", nargs="?", choices=["on", "off"])
    p.add_argument("--actor", default="lead", help="who changes it (recorded)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_blind_review)

    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit.add_parser(
        "verify",
        help="check the audit trail's hash chain, replay it against the reviews and "
        "decisions, and check it against anchors noted in backups, exports and returns",
    )
    p.add_argument(
        "--anchor",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a backup's, export's or return's manifest (or a bare anchor file) whose "
        "audit anchor the trail must still hold; may be given more than once",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_audit_verify)


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name on some containers
        return "command line"


def run_definitions_add(args: argparse.Namespace) -> int:
    from reviewer_app.rubrics.store import add_files

    with open_folder(args) as folder:
        report = add_files(folder, args.files, actor=_actor())
    if args.json:
        print_json(
            {
                "added": report.added,
                "skipped": report.skipped,
                "rejected": report.rejected,
                "warnings": report.warnings,
            }
        )
    else:
        for entry in report.added:
            version = f" version {entry['version']}" if entry["version"] else ""
            print(f"added     {entry['id']}{version}")
        for entry in report.skipped:
            print(f"skipped   {entry['id']} (already added)")
        for rejection in report.rejected:
            print(f"rejected  {rejection['error']}")
        for warning in report.warnings:
            print(f"warning   {warning}", file=sys.stderr)
    return 1 if report.rejected else 0


def run_definitions_list(args: argparse.Namespace) -> int:
    from reviewer_app.rubrics.listing import current_definitions
    from reviewer_app.rubrics.listing import pathways as pathway_lines
    from reviewer_app.rubrics.short_ids import short_id

    with open_folder(args) as folder:
        rows = [
            {"id": d.uri, "short_id": short_id(d.uri), "name": d.name, "version": d.version}
            for d in current_definitions(folder)
        ]
        pathways = [{"id": p.uri, "name": p.name} for p in pathway_lines(folder)]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(
                f"{row['short_id']:<28} {row['name']}  (version {row['version']})\n    {row['id']}"
            )
        for pathway in pathways:
            print(f"pathway: {pathway['name']}\n    {pathway['id']}")
    return 0


def _pairs(values: list[str], flag: str) -> list[tuple[str, str]]:
    out = []
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key:
            raise UserError(f"{flag} takes CRITERION=VALUE, not {value!r}")
        out.append((key.strip(), rest))
    return out


def run_score(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.reviews.standing import standing_of

    levels = _pairs(args.level, "--level")
    comments = _pairs(args.comment, "--comment")
    with open_folder(args) as folder:
        review = ReviewSession.open(folder, args.submission_id, args.reviewer)
        if review.submitted_at is not None and (levels or comments or args.feedback):
            raise UserError(
                f"{args.reviewer}'s review of {args.submission_id} is already submitted."
            )
        for criterion, level in levels:
            review.set_level(criterion, level.strip())
        for criterion, text in comments:
            review.set_comment(criterion, text)
        if args.feedback is not None:
            review.set_feedback(args.feedback)
        if args.submit and review.submitted_at is None:
            review.submit()
        preview = review.preview()
        standing = standing_of(folder, review.submission_pk)
    document = {
        "submission_id": review.submission_id,
        "reviewer": review.reviewer,
        # This reviewer's own outcome; the decision is the submission's, once it stands.
        "outcome": review.decision,
        "decision": standing.decision,
        "status": standing.status,
        "awaiting_reviews": standing.awaiting_reviews,
        "submitted": review.submitted_at is not None,
        "unscored": list(preview.unscored),
        "preview": preview.outcome,
    }
    if args.json:
        print_json(document)
    else:
        state = review.decision or "not submitted"
        print(f"{review.submission_id} by {review.reviewer}: {state}")
        if review.decision is not None:
            print(f"    {_standing_words(standing)}")
        if preview.unscored:
            print(f"    still to score: {', '.join(preview.unscored)}")
    return 0


def _standing_words(standing: Standing) -> str:
    if standing.decision is not None:
        return f"the submission's decision: {standing.decision}"
    if standing.awaiting_reviews:
        more = counted(standing.awaiting_reviews, "more review")
        return f"no decision yet: the submission awaits {more}"
    return f"no decision yet: the submission is {standing.status}"


def run_feedback(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.letter_files import write_every_letter, write_letter_of

    if args.all == (args.submission_id is not None):
        raise UserError("feedback takes a SUBMISSION_ID, or --all with a folder as --out")
    with open_folder(args) as folder:
        if args.all:
            written = write_every_letter(folder, args.out, text=args.text)
            print(f"wrote {counted(len(written), 'letter')} into {args.out}", file=sys.stderr)
            return 0
        path = write_letter_of(folder, args.submission_id, args.out)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def run_blind_review(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.blind import blind_review, set_blind_review

    with open_folder(args) as folder:
        changed = False
        if args.state is not None:
            changed = set_blind_review(folder, args.state == "on", args.actor)
        on = blind_review(folder)
    if args.json:
        print_json({"blind_review": on, "changed": changed})
    else:
        echo(f"blind review is {'on' if on else 'off'}")
    return 0


def run_audit_verify(args: argparse.Namespace) -> int:
    from reviewer_app.audit.anchor import read_anchors
    from reviewer_app.audit.checkup import check_trail

    # Anchor files first: a file that cannot be read is said before any work is done.
    noted = [(str(path), anchor) for path in args.anchor for anchor in read_anchors(path)]
    with open_folder(args) as folder:
        checkup = check_trail(folder, noted)
    verdict, replayed, anchors, ok = checkup.chain, checkup.replayed, checkup.anchors, checkup.ok
    if args.json:
        print_json(
            {
                **verdict.as_dict(),
                "ok": ok,
                "chain_ok": verdict.ok,
                "replay": replayed.as_dict(),
                "anchors": [a.as_dict() for a in anchors],
            }
        )
        return 0 if ok else 1
    if verdict.ok:
        print(
            f"ok: {counted(verdict.entries, 'entry', 'entries')}, the chain holds "
            f"(newest {verdict.head[:16]})"
        )
    else:
        bad = verdict.first_bad or {}
        print(
            f"broken at entry {bad.get('seq')} ({bad.get('action')} by {bad.get('actor')}, "
            f"{bad.get('at')}): {bad.get('problem')}"
        )
    if replayed.ok:
        print(
            f"ok: the trail's record of {counted(replayed.checked, 'submission')} matches "
            f"{'its' if replayed.checked == 1 else 'their'} "
            "reviews, scores, decisions and statuses"
        )
    else:
        print(
            f"differs: {counted(len(replayed.findings), 'thing')} in the database "
            f"{'is' if len(replayed.findings) == 1 else 'are'} not as the trail records them:"
        )
        for finding in replayed.findings:
            print(f"    {finding.sentence()}")
    if replayed.unchecked:
        print(
            f"note: {counted(len(replayed.unchecked), 'submission')} "
            f"{'was' if len(replayed.unchecked) == 1 else 'were'} last changed before the "
            "trail recorded states, and not compared: "
            + ", ".join(replayed.unchecked[:10])
            + (" ..." if len(replayed.unchecked) > 10 else "")
        )
    for anchor in anchors:
        if anchor.ok:
            print(f"ok: the trail still holds entry {anchor.entries} as {anchor.source} noted it")
        else:
            print(f"anchor {anchor.source}: {anchor.problem}")
    return 0 if ok else 1
