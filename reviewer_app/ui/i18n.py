"""The window's language: our Spanish catalogue, Qt's own, and the locale for dates
and numbers.

Every string a person reads goes through Qt's translator (`self.tr` in a QObject, or
`QCoreApplication.translate("Context", "literal")` elsewhere, so that `lupdate` finds
it). Placeholders are filled with `str.format` after translation, never inside the call:
the catalogue holds the sentence with its `{names}`, and a translator may move them.
The catalogues are built by `scripts/translations.py` from `resources/i18n/*/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer_app import wording
from reviewer_app.resources import resource

SYSTEM = "system"
# The languages the window speaks, by code, each named in its own language.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
CATALOGUE = "reviewer_app"
# Qt's own catalogues that our windows use: standard buttons, dialogs, context menus.
QT_CATALOGUES = ("qtbase",)


@dataclass
class Installed:
    language: str  # "en" or "es": what the window speaks
    locale: QLocale  # dates and numbers
    translators: list[QTranslator]
    previous: QLocale  # the default locale before, put back by `uninstall`


def language_for(choice: str, system: QLocale | None = None) -> tuple[str, QLocale]:
    """What `choice` ("system", "en", "es") means here: the language and the locale.
    With "system", the system's locale formats dates and numbers and its language is
    spoken if the window knows it (English otherwise)."""
    system = system or QLocale.system()
    if choice == SYSTEM:
        code = system.name().split("_")[0]
        return (code if code in LANGUAGES else "en"), system
    if choice not in LANGUAGES:
        raise ValueError(f"unknown language {choice!r}")
    if system.name().split("_")[0] == choice:
        return choice, system  # keeps the country: es_MX dates stay Mexican
    return choice, QLocale(choice)


def catalogue_path(language: str) -> str:
    return str(resource("i18n", f"{CATALOGUE}_{language}.qm"))


def install(app: QCoreApplication, choice: str, system: QLocale | None = None) -> Installed:
    """Loads the chosen language into `app` (before any window is built: the windows
    read their strings once, as they are made)."""
    language, locale = language_for(choice, system)
    previous = QLocale()
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    if language != "en":  # the source strings are English
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(QLocale(language), name, "_", qt_folder):
                translators.append(translator)
        ours = QTranslator(app)
        if not ours.load(catalogue_path(language)):
            raise FileNotFoundError(catalogue_path(language))
        translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    # The domain's sentences too (Qt's translator is safe to call from any thread).
    wording.use(QCoreApplication.translate)
    return Installed(language, locale, translators, previous)


def uninstall(app: QCoreApplication, installed: Installed) -> None:
    for translator in installed.translators:
        app.removeTranslator(translator)
    wording.use(None)
    QLocale.setDefault(installed.previous)
