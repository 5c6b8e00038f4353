"""`reviewer-app settings [KEY [VALUE]]`: the declared settings, read or changed."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewer_app.cli.output import print_json
from reviewer_app.errors import UserError


def register(commands: Any) -> None:
    p = commands.add_parser("settings", help="show or change your settings")
    p.add_argument("key", nargs="?", metavar="KEY")
    p.add_argument("value", nargs="?", metavar="VALUE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_settings)


def run_settings(args: argparse.Namespace) -> int:
    from reviewer_app.settings import ALL, Settings

    settings = Settings.load()
    for problem in settings.problems:
        print(f"reviewer-app: {problem}", file=sys.stderr)
    known = {s.key: s for s in ALL}
    if args.key is not None and args.key not in known:
        raise UserError(f"There is no setting {args.key!r}; the settings: {', '.join(known)}.")
    if args.key is not None and args.value is not None:
        setting = known[args.key]
        settings.set(setting, setting.from_text(args.value))
    chosen = [known[args.key]] if args.key else list(ALL)
    rows = [
        {
            "key": s.key,
            "value": settings.get(s),
            "default": s.default,
            "choices": list(s.choices) if s.choices else None,
            "description": s.description,
        }
        for s in chosen
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['key']} = {row['value']!r}    ({row['description']})")
    return 0
