"""The person's settings: declared once here, with type, default and allowed values.

Kept in `settings.json` in the platform's configuration folder. A file that is not
valid JSON, or of a format this version does not know, is kept aside under another
name with a message saying so, never silently reset; a value of the wrong type is
ignored (the default applies) and reported; settings this version does not know are
kept as they are when the file is written again. (The window's own layout, a Qt
matter, stays in Qt's settings.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.wording import translate

FORMAT = "reviewer-app-settings/1"
FILE_NAME = "settings.json"
T = TypeVar("T")


class SettingsError(UserError):
    pass


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type[T]
    default: T
    description: str
    choices: tuple[T, ...] | None = None

    def check(self, value: object) -> T:
        if not isinstance(value, self.kind) or isinstance(value, bool) != (self.kind is bool):
            raise SettingsError(
                translate("Settings", "The setting {key} must be {kind}, not {value}.").format(
                    key=self.key, kind=self.kind.__name__, value=repr(value)
                )
            )
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(map(str, self.choices))
            raise SettingsError(
                translate("Settings", "The setting {key} is one of {allowed}, not {value}.").format(
                    key=self.key, allowed=allowed, value=repr(value)
                )
            )
        return value

    def from_text(self, text: str) -> T:
        """The value a person typed (on the command line), checked: a yes/no setting
        takes true or false (also yes/no, on/off, 1/0)."""
        if self.kind is bool:
            word = text.strip().lower()
            if word in _TRUE or word in _FALSE:
                return self.check(word in _TRUE)
            raise SettingsError(
                translate("Settings", "The setting {key} is true or false, not {value}.").format(
                    key=self.key, value=repr(text)
                )
            )
        return self.check(text)


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")

REVIEWER_NAME = Setting(
    "reviewer.name", str, "", "Who is working (empty: asked when the window starts)"
)
COLOR_SCHEME = Setting(
    "appearance.scheme",
    str,
    "system",
    "Light or dark, or as the system is",
    ("system", "light", "dark"),
)
LANGUAGE = Setting("language", str, "system", "The language of the window", ("system", "en", "es"))
CONFIRM_NOT_YET = Setting(
    "confirm.not_yet", bool, True, "Ask for confirmation before submitting a Not Yet"
)
# The team database the window connected to last (File > Connect to team database…),
# without its password; empty: the data folder's own.
TEAM_DATABASE = Setting(
    "team.database", str, "", "The team database the window opens on (empty: the data folder)"
)
ALL: tuple[Setting[Any], ...] = (
    REVIEWER_NAME,
    COLOR_SCHEME,
    LANGUAGE,
    CONFIRM_NOT_YET,
    TEAM_DATABASE,
)


def config_dir() -> Path:
    override = os.environ.get("REVIEWER_APP_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # here, as in paths.py: the window starts sooner

    return Path(user_config_dir(APP_NAME, appauthor=False))


def language_in(path: Path | None = None) -> str:
    """The language the settings file asks for, read without touching the file (no
    setting aside): the window's language is installed before the settings are loaded,
    so that what loading has to say is said in it."""
    try:
        document = json.loads((path or config_dir() / FILE_NAME).read_text(encoding="utf-8"))
        return LANGUAGE.check(document["values"][LANGUAGE.key])
    except (OSError, ValueError, KeyError, TypeError, SettingsError):
        return LANGUAGE.default


class Settings:
    def __init__(self, path: Path, values: dict[str, Any], problems: list[str]) -> None:
        self.path = path
        self._values = values
        self.problems = problems  # sentences for the person, from loading

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / FILE_NAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, {}, [])
        except OSError as e:
            return cls(
                path,
                {},
                [
                    translate(
                        "Settings",
                        "The settings file {path} cannot be read ({problem}); the defaults apply.",
                    ).format(path=path, problem=e.strerror)
                ],
            )
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            why = translate("Settings", "is damaged (not valid JSON)")
            return cls(path, {}, [cls._set_aside(path, why)])
        if (
            not isinstance(document, dict)
            or document.get("format") != FORMAT
            or not isinstance(document.get("values"), dict)
        ):
            why = translate("Settings", "is of a format this version does not know")
            return cls(path, {}, [cls._set_aside(path, why)])
        values: dict[str, Any] = dict(document["values"])
        problems = []
        known = {s.key: s for s in ALL}
        for key, value in values.items():
            setting = known.get(key)
            if setting is None:
                problems.append(
                    translate(
                        "Settings", "The setting {key} is not known to this version; it is kept."
                    ).format(key=repr(key))
                )
                continue
            try:
                setting.check(value)
            except SettingsError as e:
                problems.append(
                    translate("Settings", "{problem} The default ({default}) applies.").format(
                        problem=e, default=repr(setting.default)
                    )
                )
        return cls(path, values, problems)

    @staticmethod
    def _set_aside(path: Path, why: str) -> str:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.set-aside-{stamp}")
        try:
            path.replace(aside)
        except OSError:
            return translate(
                "Settings", "The settings file {path} {problem}; the defaults apply for now."
            ).format(path=path, problem=why)
        return translate(
            "Settings",
            "The settings file {path} {problem}; it is kept as {name} and the defaults apply.",
        ).format(path=path, problem=why, name=aside.name)

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.key, setting.default)
        try:
            return setting.check(value)
        except SettingsError:
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        """Stores `value` at once (atomically), keeping settings it does not know."""
        self._values[setting.key] = setting.check(value)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = {"format": FORMAT, "values": self._values}
        write_atomically(
            self.path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
        )
