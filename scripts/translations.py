"""Keeps the translations in step with the code.

    python scripts/translations.py update [AREA]  # lupdate: new strings into resources/i18n/es/
    python scripts/translations.py release  # lrelease: the .ts files into the .qm the app loads

Strings are gathered per area of the window, one `.ts` file each, so that a translator
(or a reviewer of a translation) works on one screen family at a time; `release` joins
them into one catalogue per language.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "reviewer_app" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)
CATALOGUE = "reviewer_app"


APP = ROOT / "reviewer_app"


def _tree(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (APP / folder).rglob("*.py"))


def areas() -> dict[str, list[Path]]:
    """Every UI module in exactly one area, and the domain modules whose sentences
    reach people through the window (see reviewer_app/wording.py)."""
    top = sorted(UI.glob("*.py"))
    team = [p for p in top if p.name.startswith("adjudication")]
    team += sorted((UI / "calibration").glob("*.py"))
    core_files = ("errors.py", "formats.py", "paths.py", "safe_json.py", "settings.py")
    core = [APP / name for name in core_files]
    return {
        "main": [p for p in top if p not in team],
        "reading": sorted((UI / "evidence").glob("*.py")) + sorted((UI / "rubric").glob("*.py")),
        "credentials": sorted((UI / "credentials").glob("*.py")),
        "team": team,
        "domain-intake": core + _tree("evidence", "storage", "rubrics", "lms"),
        "domain-credentials": _tree("credentials"),
        "domain-team": _tree("reviews", "calibration", "packets", "audit", "team"),
    }


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"pyside6-{name} is not installed next to {sys.executable}")
    return found


def ts_files(language: str) -> list[Path]:
    return [I18N / language / f"{area}.ts" for area in areas()]


def update(only: str | None = None) -> None:
    for language in LANGUAGES:
        (I18N / language).mkdir(parents=True, exist_ok=True)
        for area, files in areas().items():
            if only is not None and area != only:
                continue
            subprocess.run(
                [tool("lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
                 "-target-language", language, *map(str, files),
                 "-ts", str(I18N / language / f"{area}.ts")],
                check=True,
            )  # fmt: skip


def release(out_dir: Path = I18N) -> list[Path]:
    made = []
    for language in LANGUAGES:
        qm = out_dir / f"{CATALOGUE}_{language}.qm"
        subprocess.run(
            [tool("lrelease"), "-silent", *map(str, ts_files(language)), "-qm", str(qm)],
            check=True,
        )
        made.append(qm)
    return made


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update(sys.argv[2] if len(sys.argv) > 2 else None)
    elif command == "release":
        release()
    else:
        raise SystemExit(__doc__)
