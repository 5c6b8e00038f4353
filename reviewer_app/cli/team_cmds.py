"""`team setup`, `team add`, `team remove`: a team database's roles and people.

    reviewer-app team setup --database ADMIN_URL [--json]
    reviewer-app team add NAME --login LOGIN --role assessor|lead --password-file FILE
        --database ADMIN_URL [--json]
    reviewer-app team remove LOGIN --database ADMIN_URL [--json]
    reviewer-app --database URL --data-dir DIR team checkout [--submission ID...] [--json]
    reviewer-app --database URL --data-dir DIR team sync [--json]

ADMIN_URL names the database's owner; its password comes as for any --database (the
global --password-file, PGPASSWORD, the password file). In `team add`, --password-file
is the new login's password. `checkout` and `sync` run as the person's own login, with
--data-dir the laptop's data folder (see reviewer_app.team.offline).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reviewer_app.cli.output import counted, echo, print_json
from reviewer_app.errors import UserError


def register(commands: Any) -> None:
    team = commands.add_parser("team", help="a team database's roles and people").add_subparsers(
        dest="team_command", metavar="ACTION", required=True
    )
    p = team.add_parser("setup", help="create the schema, the group roles and their grants")
    _database(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_setup)

    p = team.add_parser("add", help="a login in its group, bound to a reviewer profile")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--login", required=True)
    p.add_argument("--role", required=True, choices=["assessor", "lead"])
    p.add_argument(
        "--password-file",
        dest="member_password_file",
        required=True,
        type=Path,
        metavar="FILE",
        help="the new login's password, on the file's first line (at least 12 characters)",
    )
    _database(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_add)

    p = team.add_parser(
        "assign", help="who scores what: submissions to a reviewer, or --auto spread evenly"
    )
    p.add_argument("--reviewer", metavar="LOGIN", help="a reviewer's login (or name)")
    p.add_argument("--submission", nargs="+", default=[], metavar="ID")
    p.add_argument(
        "--auto",
        action="store_true",
        help="give every undecided submission as many assessors as it requires",
    )
    _database(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_assign)

    p = team.add_parser(
        "settle",
        help="(lead) compare the reviews of submissions whose assessors could not see "
        "each other's: a decision stands, or the submission goes to adjudication",
    )
    _database(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_settle)

    p = team.add_parser("remove", help="disable a login; its work is kept")
    p.add_argument("login", metavar="LOGIN")
    _database(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_remove)

    p = team.add_parser(
        "checkout",
        help="copy your assigned submissions, their evidence and definitions into the "
        "data folder (--data-dir), to score offline",
    )
    p.add_argument(
        "--submission",
        nargs="+",
        default=[],
        metavar="ID",
        help="these submissions (default: those assigned to you and not submitted)",
    )
    p.add_argument(
        "--no-extract",
        action="store_true",
        help="skip text extraction and thumbnails now (they are made on a later import)",
    )
    _database(p, "URL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_checkout)

    p = team.add_parser(
        "sync", help="send the reviews submitted in the data folder back to the team database"
    )
    _database(p, "URL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_sync)


def _database(p: argparse.ArgumentParser, metavar: str = "ADMIN_URL") -> None:
    who = "OWNER" if metavar == "ADMIN_URL" else "LOGIN"
    p.add_argument(
        "--database",
        dest="team_database",
        metavar=metavar,
        help=f"postgresql://{who}@HOST:PORT/DBNAME (else the global --database)",
    )


def _open(args: argparse.Namespace) -> Any:
    from reviewer_app.cli.evidence_cmds import open_folder

    if args.team_database:
        args.database = args.team_database
    if not getattr(args, "database", None):
        raise UserError("team: give --database postgresql://OWNER@HOST:PORT/DBNAME.")
    return open_folder(args)


def _actor(folder: Any) -> str:
    return str(folder.engine.url.username or "owner")


def run_setup(args: argparse.Namespace) -> int:
    from reviewer_app.storage.team_url import shown
    from reviewer_app.team.members import setup_team

    with _open(args) as folder:
        groups = setup_team(folder)
        where = shown(folder.engine.url)
    if args.json:
        print_json({"database": where, "groups": groups})
    else:
        echo(f"{where}: schema up to date; groups {', '.join(groups)}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from reviewer_app.storage.team_url import read_password_file
    from reviewer_app.team.members import add_member

    password = read_password_file(args.member_password_file)
    with _open(args) as folder:
        member = add_member(
            folder, args.name, args.login, args.role, password, actor=_actor(folder)
        )
    if args.json:
        print_json({"name": member.name, "login": member.login, "role": member.role})
    else:
        echo(f"{member.name}: login {member.login}, {member.role}")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from reviewer_app.team.assign import assign, assign_auto

    if args.auto == bool(args.reviewer or args.submission):
        raise UserError(
            "team assign: give --reviewer LOGIN --submission ID..., or --auto (not both)."
        )
    if not args.auto and not (args.reviewer and args.submission):
        raise UserError("team assign: give both --reviewer LOGIN and --submission ID...")
    with _open(args) as folder:
        actor = _actor(folder)
        done = (
            assign_auto(folder, actor=actor)
            if args.auto
            else assign(folder, args.reviewer, args.submission, actor=actor)
        )
    if args.json:
        print_json(
            {
                "assigned": [
                    {"submission_id": a.submission_id, "reviewer": a.reviewer, "login": a.login}
                    for a in done
                ]
            }
        )
    else:
        for a in done:
            echo(f"{a.submission_id:<24} {a.reviewer}")
        echo(f"{len(done)} assigned")
    return 0


def run_settle(args: argparse.Namespace) -> int:
    from reviewer_app.reviews.moderation import settle_waiting

    with _open(args) as folder:
        done = settle_waiting(folder, _actor(folder))
    if args.json:
        print_json({"settled": [{"submission_id": s, "status": st} for s, st in done]})
    else:
        for submission_id, status in done:
            echo(f"{submission_id:<24} {status}")
        echo(f"{len(done)} settled")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from reviewer_app.team.members import remove_member

    with _open(args) as folder:
        member = remove_member(folder, args.login, actor=_actor(folder))
    if args.json:
        print_json({"name": member.name, "login": member.login, "disabled": True})
    else:
        echo(f"{member.login} ({member.name}) can no longer connect; their work is kept")
    return 0


def _team(args: argparse.Namespace) -> Any:
    """The team database as the person's login, said in words when it is out of reach."""
    from reviewer_app.storage.datafolder import default_data_dir
    from reviewer_app.storage.team_url import team_url
    from reviewer_app.team.offline import open_team

    url = team_url(args.team_database or args.database, args.password_file)
    if url is None:
        raise UserError("team: give --database postgresql://LOGIN@HOST:PORT/DBNAME.")
    return open_team(args.data_dir or default_data_dir(), url)


def _local(args: argparse.Namespace) -> Any:
    """The laptop's own data folder (--data-dir), on its own database."""
    from reviewer_app.storage.datafolder import DataFolder, default_data_dir

    return DataFolder.open(args.data_dir or default_data_dir())


def run_checkout(args: argparse.Namespace) -> int:
    from reviewer_app.cli.output import StderrProgress, cancel_on_interrupt
    from reviewer_app.team.offline import checkout

    progress = StderrProgress()
    with _team(args) as team, _local(args) as local, cancel_on_interrupt() as cancel:
        done = checkout(team, local, args.submission, progress=progress, cancel=cancel)
        if done.submissions and not args.no_extract:
            from reviewer_app.evidence.derive import derive_pending

            derived = derive_pending(local, progress=progress, cancel=cancel)
            for sid, found in derived.warnings.items():
                done.warnings += [f"{sid}: {w}" for w in found]
        progress.finish()
    if args.json:
        print_json(asdict(done))
        return 0
    for sid in done.submissions:
        echo(f"checked out  {sid}")
    for sid in done.already_here:
        echo(f"already here {sid}")
    for w in done.warnings:
        echo(f"    warning: {w}")
    if not done.submissions:
        echo(f"nothing new to check out for {done.reviewer} from {done.database}")
    else:
        echo(
            f"{counted(len(done.submissions), 'submission')} for {done.reviewer}; "
            "score them offline, then 'reviewer-app team sync'"
        )
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from reviewer_app.team.offline import sync

    with _team(args) as team, _local(args) as local:
        done = sync(team, local)
    if args.json:
        print_json(asdict(done))
        return 0
    for sid in done.added:
        echo(f"sent       {sid}  (now {done.statuses[sid]})")
    for sid in done.unchanged:
        echo(f"unchanged  {sid}")
    for c in done.conflicts:
        echo(
            f"conflict   {c['submission_id']}  (conflict {c['id']}, for a lead: 'packet conflicts')"
        )
    for n in done.not_done:
        echo(f"not sent   {n['submission_id']} ({n['state']})")
    if not (done.added or done.unchanged or done.conflicts):
        echo("no submitted review to send")
    return 0
