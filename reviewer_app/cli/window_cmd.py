"""Opening the main window; the only command-line path that imports Qt."""

from __future__ import annotations

import argparse
import sys


def open_window(args: argparse.Namespace) -> int:
    print(
        "reviewer-app: the main window is not part of this version yet. "
        "Use a command (try 'reviewer-app --help'), or 'reviewer-app demo' to see "
        "demo submissions.",
        file=sys.stderr,
    )
    return 2
