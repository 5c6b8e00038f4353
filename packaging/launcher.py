"""Entry point of the frozen bundle: the same as the `reviewer-app` console script.

With REVIEWER_APP_BUNDLE_SELFTEST=1 it instead imports every module of the app and checks
the data files, so that a smoke test catches what a run would only meet later (modules
imported on first use, such as the charts and the PDF viewer, fonts, JSON-LD contexts,
translations, the team database's driver), and that the parts of ICU's data the spec
keeps still answer.
"""

import os
import sys


def translation_problems() -> list[str]:
    """Our catalogue and Qt's own for every language the window speaks besides English,
    where reviewer_app.ui.i18n loads them from (Qt's: QLibraryInfo's TranslationsPath)."""
    from pathlib import Path

    from PySide6.QtCore import QLibraryInfo, QTranslator

    from reviewer_app.ui.i18n import LANGUAGES, QT_CATALOGUES, catalogue_path

    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    wanted = [Path(catalogue_path(lang)) for lang in LANGUAGES if lang != "en"]
    wanted += [
        qt_folder / f"{c}_{lang}.qm" for c in QT_CATALOGUES for lang in LANGUAGES if lang != "en"
    ]
    return [
        f"missing translation: {path}"
        for path in wanted
        if not path.is_file() or not QTranslator().load(str(path))
    ]


def icu_problems() -> list[str]:
    """ICU-backed Qt features, whose data the spec trims (packaging/icu_data.py)."""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    problems = []
    if QCollator(QLocale("es")).compare("ñu", "nz") <= 0:  # Spanish sorts ñ after n
        problems.append("ICU collation: no Spanish ordering")
    if not QStringDecoder("Shift_JIS").isValid():
        problems.append("ICU converters: no Shift_JIS")
    madrid = QTimeZone(b"Europe/Madrid")
    if madrid.isValid():  # needs the system's time zone files
        name = madrid.displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("es")
        )
        if "Europa" not in name:
            problems.append(f"ICU time zone names: Europe/Madrid in Spanish is {name!r}")
    return problems


def pdfium_problems() -> list[str]:
    """The earner's letter renders annotated PDF regions with pdfium: its shared library
    must have come along into the bundle, not only the Python package."""
    try:
        import pypdfium2

        page = pypdfium2.PdfDocument.new().new_page(200, 100)
        bitmap = page.render(scale=1)
        if (bitmap.width, bitmap.height) != (200, 100):
            return [f"pdfium: a 200 x 100 page rendered as {bitmap.width} x {bitmap.height}"]
    except Exception as e:
        return [f"pdfium: {type(e).__name__}: {e}"]
    return []


def driver_problems() -> list[str]:
    """Team mode's PostgreSQL driver, which SQLAlchemy imports by name only when a team
    database is opened (so nothing else in the selftest would reach it), and what it
    imports: scramp for the SCRAM login (with asn1crypto), python-dateutil."""
    try:
        from dateutil.parser import parse
        from scramp import ScramMechanism
        from sqlalchemy import create_engine
        from sqlalchemy.dialects.postgresql import pg8000 as dialect

        # Made, never connected: making the engine imports the driver.
        engine = create_engine("postgresql+pg8000://selftest@127.0.0.1:9/selftest")
        if not isinstance(engine.dialect, dialect.PGDialect_pg8000):
            return [f"PostgreSQL driver: the dialect is {type(engine.dialect).__name__}"]
        if engine.dialect.dbapi is None or not hasattr(engine.dialect.dbapi, "connect"):
            return ["PostgreSQL driver: pg8000 did not load"]
        ScramMechanism("SCRAM-SHA-256").make_auth_info("selftest", iteration_count=4096)
        parse("2026-12-07 10:00:00+00")
    except Exception as e:
        return [f"PostgreSQL driver: {type(e).__name__}: {e}"]
    return []


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
    failed += translation_problems()
    failed += icu_problems()
    failed += pdfium_problems()
    failed += driver_problems()
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
