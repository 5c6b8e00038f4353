"""The architecture, enforced: only reviewer_app/ui imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reviewer_app"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _domain_modules() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1]
        and p.relative_to(PACKAGE).parts[:2] != ("cli", "window_cmd.py")
    ]


def test_domain_code_never_imports_qt() -> None:
    offenders = []
    for path in _domain_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {name}")
    assert offenders == []
    assert len(_domain_modules()) > 20  # the scan did look at the package


def test_importing_every_domain_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(("reviewer_app", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in _domain_modules()
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(k for k in sys.modules if k.split('.')[0] in {QT_MODULES!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (at the top or inside functions), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


FEATURES = ("audit", "calibration", "credentials", "evidence", "packets", "reviews", "rubrics")


def test_storage_imports_no_feature_package() -> None:
    """The store is underneath the features: a feature may use it, never the reverse."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in (PACKAGE / "storage").rglob("*.py")
        for line, name in _imports(path)
        if name.split(".")[0] == "reviewer_app" and name.split(".")[1:2] in ([f] for f in FEATURES)
    ]
    assert offenders == []


def test_the_window_and_the_command_line_ask_the_domain_not_the_database() -> None:
    """ui/ and cli/ import no models and no SQLAlchemy: each domain package owns the
    queries of its tables, so that a team database (PostgreSQL) changes one place."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for folder in ("ui", "cli")
        for path in (PACKAGE / folder).rglob("*.py")
        for line, name in _imports(path)
        if name == "reviewer_app.storage.models" or name.split(".")[0] == "sqlalchemy"
    ]
    assert offenders == []
