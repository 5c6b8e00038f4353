"""`annotate` and `annotations`: feedback pinned to the evidence, from the command line.

reviewer-app annotate SUBMISSION_ID --reviewer NAME --item ITEM --page N
    (--rect X,Y,W,H | --quote TEXT) [--criterion ID] [--tag TAG] --text TEXT [--json]
reviewer-app annotations SUBMISSION_ID [--reviewer NAME] [--json]
reviewer-app annotations delete ANNOTATION_ID --reviewer NAME
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, echo, print_json
from reviewer_app.errors import UserError


def register(commands: Any) -> None:
    p = commands.add_parser("annotate", help="pin a comment to a place in a submission's evidence")
    p.add_argument("submission_id", metavar="SUBMISSION_ID")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    p.add_argument(
        "--item", required=True, metavar="ITEM", help="the item's path or title, as listed"
    )
    p.add_argument("--page", type=int, default=1, metavar="N", help="1-based (default 1)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--rect",
        metavar="X,Y,W,H",
        help="PDF points from the page's top-left corner (an image: pixels of the upright image)",
    )
    where.add_argument("--quote", metavar="TEXT", help="anchor on the first occurrence of TEXT")
    p.add_argument("--criterion", metavar="ID", help="the criterion it speaks to")
    p.add_argument("--tag", metavar="TAG", help="a short label, such as a comment bank's")
    p.add_argument("--text", required=True, metavar="TEXT", help="the comment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_annotate)

    p = commands.add_parser(
        "annotations",
        help="list a submission's annotations; 'annotations delete ID' deletes one",
        usage="%(prog)s SUBMISSION_ID [--reviewer NAME] [--json]\n"
        "       %(prog)s delete ANNOTATION_ID --reviewer NAME",
    )
    p.add_argument("words", nargs="+", metavar="SUBMISSION_ID")
    p.add_argument("--reviewer", metavar="NAME", help="only this reviewer's")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_annotations)


def parse_rect(value: str) -> tuple[float, float, float, float]:
    parts = value.replace(" ", "").split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise UserError(
            f"--rect {value!r}: give four numbers, X,Y,W,H (for example 72,144,200,40)."
        )
    x, y, w, h = numbers
    return x, y, w, h


def run_annotate(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.annotation_reads import anchor_in
    from reviewer_app.reviews.service import ReviewSession

    rect = parse_rect(args.rect) if args.rect is not None else None
    with open_folder(args) as folder:
        review = ReviewSession.open(folder, args.submission_id, args.reviewer)
        anchor = anchor_in(
            folder, review.submission_pk, args.item, args.page, rect=rect, quote=args.quote
        )
        made = review.annotate(anchor, args.text, criterion=args.criterion, tag=args.tag)
    if args.json:
        print_json(made.as_json(review.submission_id))
    else:
        echo(f"annotation {made.id} (note {made.number}) on {made.item}, page {made.page}")
    return 0


def run_annotations(args: argparse.Namespace) -> int:
    if args.words[0] == "delete":
        return _delete(args)
    if len(args.words) != 1:
        raise UserError("annotations: give one SUBMISSION_ID (or: annotations delete ID).")
    from reviewer_app.reviews.annotation_reads import of_submission_named

    submission_id = args.words[0]
    with open_folder(args) as folder:
        found = of_submission_named(folder, submission_id, args.reviewer)
    if args.json:
        print_json([a.as_json(submission_id) for a in found])
        return 0
    for a in found:
        where = f"{a.item}, page {a.page}"
        if a.rect is not None:
            where += " at " + ",".join(f"{v:g}" for v in a.rect)
        elif a.quote is not None:
            where += f" on {a.quote!r}"
        about = f" [{a.criterion}]" if a.criterion else ""
        echo(f"{a.id:>5}  {a.reviewer}  {a.number}. {where}{about}: {a.text}")
    echo(counted(len(found), "annotation"))
    return 0


def _delete(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.annotation_reads import submission_of
    from reviewer_app.reviews.annotations import AnnotationError
    from reviewer_app.reviews.service import ReviewSession

    if len(args.words) != 2 or not args.words[1].isdigit():
        raise UserError("annotations delete: give one ANNOTATION_ID (a number, as listed).")
    if not args.reviewer:
        raise UserError("annotations delete: --reviewer NAME is required.")
    annotation_id = int(args.words[1])
    with open_folder(args) as folder:
        submission_id = submission_of(folder, annotation_id)
        if submission_id is None:
            raise AnnotationError(f"There is no annotation {annotation_id}.")
        review = ReviewSession.open(folder, submission_id, args.reviewer)
        gone = review.delete_annotation(annotation_id)
    if args.json:
        print_json(gone.as_json(submission_id))
    else:
        echo(f"deleted annotation {gone.id} (note {gone.number}) of {submission_id}")
    return 0
