"""Every screen at 200%, in a process of its own (Qt reads the scale before its
application exists). Run by tests/ui/test_scaling.py as

    python -m tests.ui.scaled_screens DATA_FOLDER LANGUAGE REPORT.json [--shots]

with the environment from `scaled_environment()`: a 2560x1600 screen at 200%, so the
window has the 1280x800 logical pixels a person at 200% has. It opens the main window
on DATA_FOLDER (a copy: it imports into it) in LANGUAGE ("en" or "es"), with a
submission's PDF beside the rubric, then every screen the window opens, and writes
{screen: [clipped text]} and what the scale was as JSON. With --shots, it saves the
main screens into docs/screenshots/ as scale200-<screen>.png.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

SCALE = 2
LOGICAL = (1280, 800)  # what a 2560x1600 screen is to a person at 200%
TIMEOUT = 60.0


def scaled_environment(folder: Path) -> dict[str, str]:
    """The environment for this script: offscreen, one 2560x1600 screen, at 200%."""
    config = folder / "screen.json"
    width, height = (n * SCALE for n in LOGICAL)
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "Scaled",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(SCALE),
        QT_ENABLE_HIGHDPI_SCALING="1",
        LANG="C.UTF-8",
    )
    # The system's language is LANG's alone: LC_ALL, LC_MESSAGES or LANGUAGE from the
    # shell that runs the tests would otherwise name it (and format dates and numbers).
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
    return env


# PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a method
# that returns nothing (1,000 calls of setObjectName: None's count falls by 1,000), and
# somewhere to True or False too; a long run of the whole window ends in "Fatal Python
# error: none_dealloc" (or bool_dealloc). References held here keep this walk clear of
# it (None, True and False are immortal from Python 3.12 on).
_BALLAST = [None, True, False] * 1_000_000


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui import gc_guard, i18n
    from reviewer_app.ui.theme import LIGHT, apply_theme
    from tests import craft
    from tests.ui.clipping import clipped_text
    from tests.ui.screens import screen_openers
    from tests.ui.shots import save_shot

    data, language, out = Path(argv[0]), argv[1], Path(argv[2])
    save_shots = "--shots" in argv  # the English walk's only: one picture, one walk
    app = QApplication(["scaled-screens"])
    gc_guard.install(app)
    app.setCursorFlashTime(0)  # a blinking caret is drawn or not by the moment of a shot
    apply_theme(app, LIGHT)
    if language != "en":
        i18n.install(app, language, QLocale("es_ES" if language == "es" else language))
    screen = app.primaryScreen()
    result: dict[str, object] = {
        "device_pixel_ratio": screen.devicePixelRatio(),
        "logical_screen": [screen.geometry().width(), screen.geometry().height()],
        "clipped": {},
        "too_big": {},
        "seen": [],
        "shots": [],
    }

    def settle(until: Callable[[], bool] = lambda: True, at_least: float = 0.05) -> None:
        start = time.monotonic()
        while True:
            app.processEvents()
            elapsed = time.monotonic() - start
            if elapsed >= at_least and until():
                return
            if elapsed > TIMEOUT:
                raise TimeoutError("the screen did not get ready")
            time.sleep(0.01)

    clipped: dict[str, list[str]] = result["clipped"]  # type: ignore[assignment]
    too_big: dict[str, list[int]] = result["too_big"]  # type: ignore[assignment]
    taken: list[str] = result["shots"]  # type: ignore[assignment]
    seen: list[str] = result["seen"]  # type: ignore[assignment]

    def check(name: str, widget: QWidget, shot: str | None = None) -> None:
        settle(at_least=0.2)
        seen.append(name)
        found = clipped_text(widget)
        if found:
            clipped[name] = found
        size = widget.size().expandedTo(widget.minimumSizeHint())
        if size.width() > LOGICAL[0] or size.height() > LOGICAL[1]:
            too_big[name] = [size.width(), size.height()]
        if shot and save_shots:
            save_shot(widget, f"scale200-{shot}")
            taken.append(f"scale200-{shot}.png")

    from reviewer_app.ui.main_window import MainWindow

    folder = DataFolder.open(data)
    settings = QSettings(str(data.parent / f"window-{language}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, "Ana Ruiz", settings)
    window.resize(*LOGICAL)
    window.show()
    settle(lambda: window.model.rowCount() > 0)
    check("queue", window, "queue")

    # A submission open (the first that can be reviewed and has a PDF), then its PDF
    # beside the rubric.
    pdf = None
    for row in range(window.model.rowCount()):
        window.table.selectRow(row)
        settle(lambda r=row: window.current_pk == window.model.pk_at(r))  # type: ignore[misc]
        if window.review is None:
            continue
        pdf = next(
            (i for i in window.evidence.items_in_order() if i.media_type == "application/pdf"),
            None,
        )
        if pdf is not None:
            break
    assert window.review is not None and pdf is not None, "no submission with a PDF to open"
    check("main window", window, "main-window")
    window.evidence.show_item(pdf.id)
    settle(at_least=0.4)  # QtPdf paints asynchronously
    check("PDF beside the rubric", window, "pdf-beside-rubric")

    # The import summary, after importing one good bundle and one that is refused.
    bundles = data.parent / f"bundles-{language}"
    bundles.mkdir(exist_ok=True)
    good = craft.bundle_zip(
        bundles / "good.zip", {"plan.pdf": craft.text_pdf()}, submission_id=f"SCALE-{language}"
    )
    bad = craft.bundle_zip(
        bundles / "broken.zip",
        {"plan.pdf": b"GIF89a not a pdf"},
        submission_id=f"SCALE-{language}-2",
        media_types={"plan.pdf": "application/pdf"},
    )
    # Named from their folder, as a file dialog opened there would: the summary then
    # shows no run's temporary path.
    os.chdir(bundles)
    window.import_paths([Path(good.name), Path(bad.name)])
    settle(lambda: getattr(window, "import_summary", None) is not None)
    check("import summary", window.import_summary, "import-summary")
    window.import_summary.close()

    shot_names = {
        "export": "export",
        "calibration dashboard": "calibration-dashboard",
        "settings": "settings",
    }
    opened: list[QDialog] = []
    for name, (open_screen, attribute) in screen_openers(window).items():
        open_screen()
        dialog = getattr(window, attribute, None)
        if dialog is None:
            continue
        opened.append(dialog)
        if name == "calibration dashboard":
            settle(lambda d=dialog: d.report is not None and not d.computing)  # type: ignore[misc]
        check(name, dialog, shot_names.get(name))
        dialog.close()
    settle(at_least=0.2)
    dashboard = window.calibration_dashboard
    if dashboard is not None:
        settle(lambda: not dashboard.computing)
    window.close()
    settle(at_least=0.1)
    folder.close()
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(code)  # the report is written; Qt's teardown adds nothing to it
