"""The window's strings are all translatable, and the Spanish catalogue is complete and
in step with the code."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

UI = ROOT / "reviewer_app" / "ui"

# Calls whose string arguments a person reads: (method or class name, argument positions).
SHOWN: dict[str, tuple[int, ...]] = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setStatusTip": (0,),
    "setWhatsThis": (0,), "setAccessibleName": (0,), "setAccessibleDescription": (0,),
    "setPlaceholderText": (0,), "setTitle": (0,), "showMessage": (0,), "setLabelText": (0,),
    "setItemText": (1,), "addItem": (0,), "addTab": (1,), "setTabText": (1,), "insertTab": (2,),
    "setSpecialValueText": (0,), "setSuffix": (0,), "setPrefix": (0,), "addAction": (0, 1),
    "addMenu": (0,), "addRow": (0,), "setHeaderLabels": (0,), "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,), "addButton": (0,), "setInformativeText": (0,),
    "setDetailedText": (0,), "setHtml": (0,), "setMarkdown": (0,), "setPlainText": (0,),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,),
    "QGroupBox": (0,), "QAction": (0, 1), "QToolButton": (0,), "QCommandLinkButton": (0, 1),
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2),
    "about": (1, 2), "QMessageBox": (1, 2), "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3), "getSaveFileName": (1, 3), "getExistingDirectory": (1,),
    "getText": (1, 2), "getItem": (1, 2), "QProgressDialog": (0, 1),
    # reviewer_app/ui/window_modal.py: the questions and pickers opened over a window
    "tell": (2, 3), "confirm": (1, 2), "pick_files": (1, 2), "pick_file": (1, 2),
    "pick_folder": (1,), "pick_save_file": (1,),
}  # fmt: skip
TRANSLATORS = {"tr", "translate"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _literal_text(node: ast.expr) -> str | None:
    """The words of a string a person would read untranslated, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        text = "".join(str(p) for p in parts)
        return text if WORDS.search(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) or _literal_text(node.right)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"  # "literal {x}".format(...)
    ):
        return _literal_text(node.func.value)
    if isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            if found := _literal_text(element):
                return found
    return None


def _name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if name in TRANSLATORS:
            # The source text is a literal for lupdate to find (or a name bound to one
            # marked with QT_TRANSLATE_NOOP); never built from values before translation:
            # no f-string, no concatenation, no format().
            texts = node.args[1:2] if name == "translate" else node.args[:1]
            if name == "translate" and node.args and not isinstance(node.args[0], ast.Constant):
                found.append(f"{where}: translate() with a context that is not a literal")
            for arg in texts:
                if isinstance(arg, ast.JoinedStr | ast.BinOp | ast.Call):
                    found.append(f"{where}: {name}() of a string built before translation")
            continue
        for position in SHOWN.get(name, ()):
            if position < len(node.args) and (text := _literal_text(node.args[position])):
                found.append(f"{where}: {name}() shows {text[:50]!r} untranslated")
    return found


def test_every_string_a_person_reads_goes_through_the_translator() -> None:
    files = sorted({p for files in translations.areas().values() for p in files})
    assert set(UI.rglob("*.py")) <= set(files)
    found = [p for path in files for p in problems_in(path)]
    assert found == []


def test_the_lint_catches_what_it_should(tmp_path: Path) -> None:
    sample = UI / "_sample_for_lint.py"
    sample.write_text(
        "w.setText('Save the review')\n"
        "w.setText(self.tr('Saved'))\n"
        "QLabel(f'{n} reviews')\n"
        "self.tr(f'{n} reviews')\n"
        "QMessageBox.warning(self, APP_NAME, 'The file is damaged')\n"
        "w.setText('\u2014')\n",
        encoding="utf-8",
    )
    try:
        found = problems_in(sample)
    finally:
        sample.unlink()
    assert [f.split(": ", 1)[1][:12] for f in found] == [
        "setText() sh",
        "QLabel() sho",
        "tr() of a st",
        "warning() sh",
    ]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("area", list(translations.areas()))
def test_the_spanish_catalogue_is_in_step_with_the_code(area: str, tmp_path: Path) -> None:
    committed = translations.I18N / "es" / f"{area}.ts"
    fresh = tmp_path / f"{area}.ts"
    subprocess.run(
        [translations.tool("lupdate"), "-silent", "-locations", "none",
         *map(str, translations.areas()[area]), "-ts", str(fresh)],
        check=True,
    )  # fmt: skip
    assert set(_messages(fresh)) == set(_messages(committed)), (
        "run: python scripts/translations.py update, then translate the new strings"
    )


PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.mark.parametrize("area", list(translations.areas()))
def test_every_string_has_a_spanish_translation_with_its_placeholders(area: str) -> None:
    untranslated, mismatched = [], []
    for (context, source), message in _messages(translations.I18N / "es" / f"{area}.ts").items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not text:
            untranslated.append(f"{context}: {source}")
        elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            mismatched.append(f"{context}: {source!r} -> {text!r}")
    assert untranslated == []
    assert mismatched == []


def test_the_shipped_catalogue_is_built_from_the_translations(tmp_path: Path) -> None:
    for built in translations.release(tmp_path):
        shipped = translations.I18N / built.name
        assert shipped.read_bytes() == built.read_bytes(), (
            "run: python scripts/translations.py release"
        )
