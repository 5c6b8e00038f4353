"""Entry point of the frozen bundle: the same as the `reviewer-app` console script.

With REVIEWER_APP_BUNDLE_SELFTEST=1 it instead imports every module of the app and checks
the data files, so that a smoke test catches what a run would only meet later (modules
imported on first use, such as the charts and the PDF viewer, fonts, JSON-LD contexts).
"""

import os
import sys


def selftest() -> int:
    import importlib
    import pkgutil
    from pathlib import Path

    import reviewer_app
    from reviewer_app.resources import resources_dir
    from reviewer_app.storage.schema import MIGRATIONS

    failed = []
    names = [m.name for m in pkgutil.walk_packages(reviewer_app.__path__, "reviewer_app.")]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as e:  # report them all, not just the first
            failed.append(f"import {name}: {type(e).__name__}: {e}")
    import pyld
    import reportlab

    checks = {
        "resources": resources_dir() / "schemas",
        "migrations": MIGRATIONS / "env.py",
        "first migration": MIGRATIONS / "versions" / "0001_store_schema.py",
        "reportlab fonts": Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        "pyld contexts": Path(pyld.__file__).parent / "documentloader" / "frozen",
    }
    failed += [f"missing {what}: {path}" for what, path in checks.items() if not path.exists()]
    for line in failed:
        print(line, file=sys.stderr)
    print(f"selftest: {len(names)} modules, {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    import multiprocessing

    # A large export signs in worker processes started from this same executable.
    multiprocessing.freeze_support()
    if os.environ.get("REVIEWER_APP_BUNDLE_SELFTEST") == "1":
        sys.exit(selftest())
    from reviewer_app.cli import main

    sys.exit(main())
