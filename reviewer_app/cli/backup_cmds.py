"""`backup`, `backup list`, `backup verify` and `restore`: copies of the data folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import counted, print_json


def register(commands: Any) -> None:
    p = commands.add_parser(
        "backup", help="back up the data folder (database and evidence) into its backups/ folder"
    )
    p.add_argument("--kind", choices=["manual", "daily"], default="manual")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_backup)
    actions = p.add_subparsers(dest="backup_command", metavar="ACTION")
    q = actions.add_parser("list", help="the data folder's backups, oldest first")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=run_list)
    q = actions.add_parser("verify", help="check a backup's database and every evidence file")
    q.add_argument("backup", metavar="BACKUP", help="a backup folder, or a name as listed")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=run_verify)

    p = commands.add_parser(
        "restore", help="replace the data folder's contents with a backup's (close the app first)"
    )
    p.add_argument("backup", metavar="BACKUP_PATH", help="a backup folder, or a name as listed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_restore)


def _data_dir(args: argparse.Namespace) -> Path:
    from reviewer_app.paths import default_data_dir

    root: Path = args.data_dir or default_data_dir()
    return root.expanduser().resolve()


def run_backup(args: argparse.Namespace) -> int:
    from reviewer_app.storage.backup import backup_folder, thin_backups

    with open_folder(args) as folder:
        made = backup_folder(folder, args.kind)
        thin_backups(folder)
    if args.json:
        print_json(made.as_dict())
    else:
        print(f"{made.path}  {_size(made.size)}, {made.blob_count} evidence files")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.storage.backup import list_backups

    # Only reads backups/: does not open (or create, or upgrade) the folder.
    rows = [b.as_dict() for b in list_backups(_data_dir(args))]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no backups yet")
    else:
        for row in rows:
            print(f"{row['name']}  {row['kind']:8} {_size(row['size']):>10}  {row['blobs']} files")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from reviewer_app.storage.backup import find_backup, verify_backup

    path = find_backup(_data_dir(args), args.backup)
    problems = verify_backup(path)
    if args.json:
        print_json({"path": str(path), "ok": not problems, "problems": problems})
    else:
        for problem in problems:
            print(f"problem: {problem}")
        print(
            f"ok: {path} is whole" if not problems else f"{counted(len(problems), 'problem')} found"
        )
    return 1 if problems else 0


def run_restore(args: argparse.Namespace) -> int:
    from reviewer_app.storage.backup import find_backup, restore

    data_dir = _data_dir(args)
    path = find_backup(data_dir, args.backup)
    result = restore(path, data_dir)
    document = {
        "restored": str(result.backup),
        "data_dir": str(data_dir),
        "database_aside": str(result.database_aside) if result.database_aside else None,
        "evidence_copied": result.blobs_copied,
        "evidence_aside": str(result.store_aside) if result.store_aside else None,
    }
    if args.json:
        print_json(document)
    else:
        print(f"restored {result.backup.name} into {data_dir}")
        if result.database_aside:
            print(f"the database it replaced is kept as {result.database_aside}")
        if result.store_aside:
            print(f"evidence the backup does not know was moved to {result.store_aside}")
    return 0


def _size(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 100_000 else f"{n:,} bytes"
