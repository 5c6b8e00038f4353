"""What the installer tests share: one build of the Linux archive per test run, the
stderr allow-list, and unpacking.

REVIEWER_APP_BUNDLE, when set, names an archive or an unpacked bundle folder (holding
`reviewer-app`) to test instead of building one.

The build goes to a temporary folder removed at exit, never into the checkout; what is
worth keeping between runs (the build venv, downloaded packages) goes to the user's
cache folder, keyed by what it was made from.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFINITIONS = ROOT / "resources" / "demo" / "definitions"
# Qt lines that are harmless: the offscreen platform cannot pass window size hints on.
ALLOWED_STDERR = [re.compile(p) for p in (r"propagateSizeHints",)]


def unexpected(stderr: str, allowed: list[re.Pattern[str]] = ALLOWED_STDERR) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.search(line) for p in allowed)
    ]


def cache_folder() -> Path:
    """Kept between test runs, outside the checkout (XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "portfolio-reviewer-tests"


@functools.cache
def archive() -> Path:
    """The archive to test: REVIEWER_APP_BUNDLE's, or built once by build_installer.py."""
    given = os.environ.get("REVIEWER_APP_BUNDLE")
    if given and not Path(given).is_dir():
        return Path(given)
    out = Path(tempfile.mkdtemp(prefix="reviewer-installer-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_installer.py"),
            "--build-dir",
            str(out / "build"),
            "--dist-dir",
            str(out / "dist"),
            "--venv",
            str(cache_folder() / "installer-venv"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-5000:]
    print(done.stdout)
    found = re.search(r"^installer: (\S+\.tar\.gz)", done.stdout, re.MULTILINE)
    assert found, done.stdout
    return Path(found.group(1))


def given_folder() -> Path | None:
    """REVIEWER_APP_BUNDLE when it names an unpacked bundle folder."""
    given = os.environ.get("REVIEWER_APP_BUNDLE")
    if not given or not Path(given).is_dir():
        return None
    assert (Path(given) / "reviewer-app").is_file(), f"REVIEWER_APP_BUNDLE={given}: no reviewer-app"
    return Path(given)


def unpack(into: Path) -> Path:
    """The archive's top folder unpacked under `into`."""
    with tarfile.open(archive()) as tar:
        tar.extractall(into, filter="tar")
    (top,) = into.iterdir()
    return top


def copy_bundle(to: Path) -> Path:
    """The bundle folder (`reviewer-app` and `_internal/`) copied to `to`."""
    folder = given_folder()
    if folder is None:
        folder = unpack(to.parent / f"{to.name}.unpacked") / "portfolio-reviewer"
        folder.rename(to)
        shutil.rmtree(to.parent / f"{to.name}.unpacked")
    else:
        shutil.copytree(folder, to, symlinks=True)
    return to


def top_levels(credential_id: str) -> list[str]:
    """`--level CRITERION=LEVEL` for every criterion of that demo definition, at its top
    level (which passes), for `reviewer-app score`."""
    for path in DEFINITIONS.glob("*.json"):
        definition = json.loads(path.read_text(encoding="utf-8"))
        if definition["achievement"]["id"] == credential_id:
            rubric = definition["rubric"]
            top = max(rubric["levels"], key=lambda level: level["points"])["id"]
            return [
                arg
                for part in rubric["parts"]
                for criterion in part["criteria"]
                for arg in ("--level", f"{criterion['id']}={top}")
            ]
    raise LookupError(credential_id)
