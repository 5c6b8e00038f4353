"""Opening the main window; the only command-line path that imports Qt."""

from __future__ import annotations

import argparse


def open_window(args: argparse.Namespace) -> int:
    from reviewer_app.paths import default_data_dir
    from reviewer_app.ui.app import run

    return run(
        args.data_dir or default_data_dir(),
        quit_after_ms=args.quit_after,
        database=args.database,
        password_file=args.password_file,
    )
