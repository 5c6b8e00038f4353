"""The official Open Badges 3.0 JSON Schemas (draft 2019-09), from our own copy.

Every credential is checked before it is signed and again when it is verified; the
problems are told field by field, like the app's other formats.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft201909Validator

from reviewer_app.formats import Problem, field_path
from reviewer_app.resources import resource

ACHIEVEMENT_CREDENTIAL = "achievementcredential.json"
PROFILE = "profile.json"
_PUBLISHED = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
# Each address a credential's credentialSchema may name, to the shipped copy it means:
# the one 1EdTech publishes, and the schema's own "$id".
SCHEMA_FILES = {
    _PUBLISHED + "ob_v3p0_achievementcredential_schema.json": ACHIEVEMENT_CREDENTIAL,
    _PUBLISHED + "ob_v3p0_achievementcredential-jsonschema1.json": ACHIEVEMENT_CREDENTIAL,
}


def shipped_schema(url: str) -> str | None:
    """The shipped schema file a credentialSchema address names, if we have it."""
    return SCHEMA_FILES.get(url)


@cache
def _validator(name: str) -> Draft201909Validator:
    schema = json.loads(resource("standards", "ob3", "schema", name).read_text(encoding="utf-8"))
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema)


def ob3_problems(document: Any, schema: str = ACHIEVEMENT_CREDENTIAL) -> list[Problem]:
    """Every way `document` breaks the official schema, the outermost field first."""
    errors = sorted(
        _validator(schema).iter_errors(document),
        key=lambda e: (len(e.absolute_path), [str(p) for p in e.absolute_path]),
    )
    return [Problem(field_path(list(e.absolute_path)), e.message) for e in errors]


@cache
def _definition_validator(name: str, definition: str) -> Draft201909Validator:
    """A validator for one `$defs` entry of a schema, its references resolved in it."""
    whole = json.loads(resource("standards", "ob3", "schema", name).read_text(encoding="utf-8"))
    keep = {k: v for k, v in whole.items() if k in ("$schema", "$id", "$defs")}
    return Draft201909Validator({**keep, "$ref": f"#/$defs/{definition}"})


class BatchChecker:
    """Checks many credentials of a few micro-credentials against the schema.

    A credential's `achievement` is the same for every award of one definition version
    (and most of the document: the rubric's result descriptions): it is checked once,
    in full, and each credential then with that part replaced by a minimal stand-in,
    so that every part of every credential is checked and none twice."""

    def __init__(self) -> None:
        self._seen: dict[str, list[Problem]] = {}

    def problems(self, document: Any) -> list[Problem]:
        try:
            achievement = document["credentialSubject"]["achievement"]
        except (KeyError, TypeError):
            return ob3_problems(document)
        key = json.dumps(achievement, sort_keys=True)
        if key not in self._seen:
            errors = _definition_validator(ACHIEVEMENT_CREDENTIAL, "Achievement").iter_errors(
                achievement
            )
            where = "credentialSubject.achievement"
            self._seen[key] = [
                Problem(field_path([where, *e.absolute_path]), e.message) for e in errors
            ]
        stand_in = {
            "id": achievement.get("id"),
            "type": ["Achievement"],
            "criteria": {},
            "description": "",
            "name": "",
        }
        slim = {
            **document,
            "credentialSubject": {**document["credentialSubject"], "achievement": stand_in},
        }
        return self._seen[key] + ob3_problems(slim)
