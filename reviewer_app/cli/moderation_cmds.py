"""`reviewers add`, `definitions require-reviews`, `calibration anchor` and
`adjudicate`: several reviewers, double marking and its settlement."""

from __future__ import annotations

import argparse
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, print_json
from reviewer_app.vocabulary import Outcome


def register(commands: Any) -> None:
    reviewers = commands.add_parser("reviewers", help="reviewer profiles").add_subparsers(
        dest="reviewers_command", metavar="ACTION", required=True
    )
    p = reviewers.add_parser("add", help="add a reviewer profile")
    p.add_argument("name")
    p.add_argument("--role", choices=["assessor", "lead"], required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_reviewers_add)
    p = reviewers.add_parser("list", help="list the reviewer profiles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_reviewers_list)

    calibration = commands.add_parser(
        "calibration", help="anchors and agreement statistics"
    ).add_subparsers(dest="calibration_command", metavar="ACTION", required=True)
    p = calibration.add_parser(
        "anchor", help="mark a submission as an anchor; its reference is a lead's review"
    )
    p.add_argument("submission_id", metavar="SUBMISSION_ID")
    p.add_argument(
        "--reviewer", required=True, help="the lead whose submitted review is the reference"
    )
    p.add_argument("--rationale", help="why the reference scores are what they are")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_anchor)
    register_report(calibration)
    register_sets(calibration)

    p = commands.add_parser(
        "adjudicate", help="a lead's final decision on a submission whose reviews disagree"
    )
    p.add_argument("submission_id", metavar="SUBMISSION_ID")
    p.add_argument("--lead", required=True)
    p.add_argument("--decision", choices=list(Outcome), required=True)
    p.add_argument("--rationale", required=True)
    p.add_argument("--feedback-from", metavar="REVIEWER", help="whose feedback the earner receives")
    p.add_argument("--feedback", help="or the lead's own feedback to the earner")
    p.add_argument(
        "--annotation",
        metavar="ID",
        type=int,
        action="append",
        dest="annotations",
        help="an annotation (its id, as 'annotations' lists it) the earner receives; "
        "repeat for several (default: those of the review the feedback comes from)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_adjudicate)


def register_report(calibration: Any) -> None:
    """`calibration report` (the statistics live in reviewer_app.calibration)."""
    p = calibration.add_parser("report", help="agreement statistics")
    p.add_argument("--credential", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_report)


def register_sets(calibration: Any) -> None:
    sets = calibration.add_parser(
        "set", help="calibration sets of anchors: practice or qualifying"
    ).add_subparsers(dest="set_command", metavar="ACTION", required=True)
    p = sets.add_parser("create", help="a set of anchors of one micro-credential")
    p.add_argument("name")
    p.add_argument("--mode", choices=["practice", "qualifying"], required=True)
    p.add_argument("--anchor", action="append", required=True, metavar="SUBMISSION_ID")
    p.add_argument("--lead", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_set_create)
    p = sets.add_parser("assign", help="give a set to a reviewer")
    p.add_argument("name")
    p.add_argument("--reviewer", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_set_assign)
    p = sets.add_parser(
        "status", help="a reviewer's progress, feedback (practice) or result (qualifying)"
    )
    p.add_argument("name")
    p.add_argument("--reviewer", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_set_status)


def run_set_create(args: argparse.Namespace) -> int:
    from reviewer_app.calibration.sets import create_set

    with open_folder(args) as folder:
        set_id = create_set(folder, args.name, args.mode, args.anchor, args.lead)
    if args.json:
        print_json({"id": set_id, "name": args.name, "mode": args.mode, "anchors": args.anchor})
    else:
        print(f"{args.name}: {args.mode} set of {counted(len(args.anchor), 'anchor')}")
    return 0


def run_set_assign(args: argparse.Namespace) -> int:
    from reviewer_app.calibration.sets import assign

    with open_folder(args) as folder:
        assign(folder, args.name, args.reviewer, _actor())
    if args.json:
        print_json({"set": args.name, "reviewer": args.reviewer})
    else:
        print(f"{args.name} assigned to {args.reviewer}")
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    from reviewer_app.calibration.sets import status

    with open_folder(args) as folder, folder.read_sessions() as session:
        result = status(session, args.name, args.reviewer)
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"{result.name} ({result.mode}): {len(result.done)} done, {len(result.to_do)} to do")
    for item in result.feedback:
        print(
            f"  {item.submission_id}: yours {item.your_decision}, reference "
            f"{item.reference_decision}"
        )
        for c in item.criteria:
            apart = c.steps_apart
            if apart is None:  # one side left the criterion unscored
                mark = "n/a"
            elif apart == 0:
                mark = "same"
            else:
                mark = f"{apart:+d} " + ("step" if abs(apart) == 1 else "steps")
            print(f"    {c.title}: yours {c.yours}, reference {c.reference} ({mark})")
    if result.qualified is not None:
        print(("Qualified: " if result.qualified else "Not qualified: ") + "; ".join(result.why))
    return 0


def register_require_reviews(definitions: Any) -> None:
    p = definitions.add_parser(
        "require-reviews", help="how many independent reviews a credential's submissions need"
    )
    p.add_argument("credential_id", metavar="CREDENTIAL_ID")
    p.add_argument("count", type=int, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_require_reviews)


def _actor() -> str:
    from reviewer_app.cli.review_cmds import _actor as actor

    return actor()


def run_reviewers_add(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.reviewers import profile_name, set_profile

    name = profile_name(args.name)  # refused before the data folder is opened
    with open_folder(args) as folder:
        set_profile(folder, name, args.role, _actor())
    if args.json:
        print_json({"name": name, "role": args.role})
    else:
        print(f"{name}: {args.role}")
    return 0


def run_reviewers_list(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.reviewers import profiles

    with open_folder(args) as folder, folder.read_sessions() as session:
        rows = [{"name": p.name, "role": p.role} for p in profiles(session)]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['name']}: {row['role']}")
    return 0


def run_require_reviews(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.moderation import set_required_reviews
    from reviewer_app.rubrics.short_ids import resolve_credential

    with open_folder(args) as folder:
        with folder.read_sessions() as session:
            credential = resolve_credential(session, args.credential_id)
        set_required_reviews(folder, credential, args.count, _actor())
    if args.json:
        print_json({"credential_id": credential, "required_reviews": args.count})
    else:
        print(f"{credential}: {counted(args.count, 'independent review')} per submission")
    return 0


def run_anchor(args: argparse.Namespace) -> int:
    from reviewer_app.calibration.anchors import mark_anchor

    with open_folder(args) as folder:
        anchor_id = mark_anchor(folder, args.submission_id, args.reviewer, rationale=args.rationale)
    if args.json:
        print_json({"anchor": anchor_id, "submission_id": args.submission_id})
    else:
        print(f"{args.submission_id} is an anchor; reference: {args.reviewer}'s review")
    return 0


def run_adjudicate(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.moderation import adjudicate

    with open_folder(args) as folder:
        adjudicate(
            folder,
            args.submission_id,
            args.lead,
            Outcome(args.decision),
            args.rationale,
            feedback_from=args.feedback_from,
            feedback=args.feedback,
            annotations=args.annotations,
        )
    if args.json:
        done: dict[str, object] = {"submission_id": args.submission_id, "decision": args.decision}
        if args.annotations is not None:
            done["annotations"] = sorted(set(args.annotations))
        print_json(done)
    else:
        print(f"{args.submission_id}: {args.decision} (adjudicated by {args.lead})")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from reviewer_app.calibration.report import calibration_report
    from reviewer_app.rubrics.short_ids import resolve_credential

    with open_folder(args) as folder, folder.read_sessions() as session:
        credential = (
            None if args.credential is None else resolve_credential(session, args.credential)
        )
        report = calibration_report(session, credential=credential)
    if args.json:
        print_json(report.to_json())
        return 0
    print("Reviewers against anchors:")
    for r in report.reviewers:
        if r.anchor_scores:
            print(
                f"  {r.reviewer}: {counted(r.anchor_scores, 'anchor score')}, exact "
                f"{r.exact_agreement or 0:.0%}, adjacent {r.adjacent_agreement or 0:.0%}, "
                f"severity {r.severity or 0:+.2f}; "
                + ("qualified" if r.qualified else "not qualified: " + "; ".join(r.why))
            )
        else:
            print(f"  {r.reviewer}: has scored no anchors")
    print("Criteria across reviewers:")
    for c in report.criteria:
        alpha = c.krippendorff_alpha_ordinal
        shown = "n/a" if alpha is None else f"{alpha:.2f}"
        print(f"  {c.criterion}: {counted(c.units, 'submission')}, alpha {shown}")
    overall = report.overall
    agreement = overall.decision_agreement
    print(
        f"Overall: {counted(overall.units, 'unit')}; decision agreement "
        + ("n/a" if agreement is None else f"{agreement:.0%}")
    )
    return 0
