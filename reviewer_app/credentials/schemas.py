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
