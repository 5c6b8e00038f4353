"""Settings declared once with type and default; a broken or unknown settings file is
kept aside with a message, never silently reset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.settings import (
    ALL,
    COLOR_SCHEME,
    FORMAT,
    LANGUAGE,
    REVIEWER_NAME,
    Settings,
    SettingsError,
)


def test_defaults_then_values_stored_at_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    assert settings.problems == []
    assert [settings.get(s) for s in ALL] == [s.default for s in ALL]
    settings.set(COLOR_SCHEME, "dark")
    settings.set(REVIEWER_NAME, "Ana Ruiz")
    again = Settings.load(path)
    assert again.get(COLOR_SCHEME) == "dark" and again.get(REVIEWER_NAME) == "Ana Ruiz"
    with pytest.raises(SettingsError, match="one of system, light, dark"):
        again.set(COLOR_SCHEME, "purple")
    with pytest.raises(SettingsError, match="must be str"):
        again.set(REVIEWER_NAME, 42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'{"format": "reviewer-app-settings/1", "values": {', "damaged"),
        (b"\xff\xfe not text", "damaged"),
        (b'{"format": "reviewer-app-settings/9", "values": {}}', "format"),
        (b"[1, 2, 3]", "format"),
    ],
)
def test_a_broken_or_unknown_file_is_kept_aside_with_a_message(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings.load(path)
    assert len(settings.problems) == 1 and why in settings.problems[0]
    kept = list(tmp_path.glob("settings.json.set-aside-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert settings.get(LANGUAGE) == "system"


def test_wrong_values_are_reported_and_unknown_settings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "values": {
                    "appearance.scheme": "purple",
                    "future.option": [1, 2],
                    "language": "es",
                },
            }
        )
    )
    settings = Settings.load(path)
    assert settings.get(COLOR_SCHEME) == "system" and settings.get(LANGUAGE) == "es"
    assert any("purple" in p for p in settings.problems)
    assert any("future.option" in p and "kept" in p for p in settings.problems)
    settings.set(LANGUAGE, "en")
    stored = json.loads(path.read_text())["values"]
    assert stored["future.option"] == [1, 2] and stored["language"] == "en"


def test_settings_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer_app.cli import main

    monkeypatch.setenv("REVIEWER_APP_CONFIG_DIR", str(tmp_path))
    assert main(["settings", "appearance.scheme", "dark", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] == "dark"
    assert main(["settings", "appearance.scheme", "purple"]) == 1
    assert "one of system, light, dark" in capsys.readouterr().err
    assert main(["settings", "no.such"]) == 1
    # A yes/no setting is typed as a word on the command line.
    assert main(["settings", "confirm.not_yet", "false", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] is False
    assert main(["settings", "confirm.not_yet", "maybe"]) == 1
    assert "true or false" in capsys.readouterr().err


def test_the_language_is_read_without_touching_the_file(tmp_path: Path) -> None:
    from reviewer_app.settings import LANGUAGE, language_in

    path = tmp_path / "settings.json"
    assert language_in(path) == "system"  # no file yet
    Settings.load(path).set(LANGUAGE, "es")
    assert language_in(path) == "es"
    path.write_text('{"format": "reviewer-app-settings/1", "values": {"language": "xx"}}')
    assert language_in(path) == "system"  # not a language we speak: the default
    path.write_text("{ not json")
    assert language_in(path) == "system"
    assert path.read_text() == "{ not json"  # left for Settings.load to set aside, and say


def test_a_yes_or_no_setting_is_typed_as_words() -> None:
    from reviewer_app.settings import CONFIRM_NOT_YET, SettingsError

    assert CONFIRM_NOT_YET.default is True
    assert CONFIRM_NOT_YET.from_text("false") is False
    assert CONFIRM_NOT_YET.from_text(" Yes ") is True
    with pytest.raises(SettingsError, match="true or false"):
        CONFIRM_NOT_YET.from_text("maybe")
    with pytest.raises(SettingsError, match="must be bool"):
        CONFIRM_NOT_YET.check("false")
