"""Validation of the JSON formats we read, with problems told in plain words.

The schemas in `resources/schemas/` are the machine-readable contract; this module turns
jsonschema's findings into sentences that name the field ("evidence[2].sha256 must be 64
lowercase hexadecimal characters"), not a dump of the schema.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from jsonschema import Draft202012Validator, ValidationError

from reviewer_app import safe_json
from reviewer_app.resources import resource
from reviewer_app.safe_json import JsonProblem
from reviewer_app.wording import translate

# The schemas' pattern for ids that are shown and typed: no C0 or C1 controls, no bidi
# overrides or isolates.
NO_CONTROLS = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]+$"

__all__ = ["JsonProblem", "Problem", "field_path", "parse_json", "problems", "validator"]


def parse_json(raw: bytes) -> Any:
    """Strict JSON from UTF-8 bytes: see `reviewer_app.safe_json`, the one reader of JSON
    from outside; raises JsonProblem saying what is wrong."""
    return safe_json.loads(raw)


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@cache
def validator(schema_name: str) -> Draft202012Validator:
    schema = json.loads(resource("schemas", schema_name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def field_path(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _type_words(value: Any) -> str:
    """'must be <type>' in words; built at call time, in the person's language."""
    sentences = {
        "string": translate("FileFormat", "must be text"),
        "integer": translate("FileFormat", "must be a whole number"),
        "number": translate("FileFormat", "must be a number"),
        "object": translate("FileFormat", "must be an object"),
        "array": translate("FileFormat", "must be a list"),
        "boolean": translate("FileFormat", "must be true or false"),
    }
    sentence = sentences.get(str(value))
    if sentence is not None:
        return sentence
    return translate("FileFormat", "must be {kind}").format(kind=value)


def _pattern_words(value: Any) -> str:
    """'must be <pattern>' in words where the pattern has a name, else the pattern."""
    sentences = {
        "^[0-9a-f]{64}$": translate(
            "FileFormat", "must be 64 lowercase hexadecimal characters (a SHA-256)"
        ),
        "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$": translate(
            "FileFormat", "must be a URI such as https://example.org/badges/1"
        ),
        NO_CONTROLS: translate(
            "FileFormat",
            "must not hold control characters (such as NUL, a line break or an escape) "
            "or right-to-left overrides",
        ),
    }
    sentence = sentences.get(str(value))
    if sentence is not None:
        return sentence
    return translate("FileFormat", "must be of the form {pattern}").format(pattern=value)


def _words(error: ValidationError) -> Problem:
    where = field_path(list(error.absolute_path))
    kind = error.validator
    value: Any = error.validator_value
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(value)
        return Problem(
            where,
            translate("FileFormat", "the required field {field} is missing").format(
                field=repr(missing)
            ),
        )
    if kind == "type":
        return Problem(where, _type_words(value))
    if kind == "const":
        return Problem(
            where,
            translate("FileFormat", "must be exactly {expected}, not {found}").format(
                expected=json.dumps(value), found=json.dumps(error.instance)
            ),
        )
    if kind == "enum":
        options = ", ".join(json.dumps(v) for v in value)
        return Problem(
            where, translate("FileFormat", "must be one of {options}").format(options=options)
        )
    if kind == "minLength":
        if value == 1:
            return Problem(where, translate("FileFormat", "must not be empty"))
        return Problem(
            where,
            translate("FileFormat", "needs at least {count} characters").format(count=value),
        )
    if kind == "maxLength":
        return Problem(
            where, translate("FileFormat", "is longer than {count} characters").format(count=value)
        )
    if kind == "minimum":
        return Problem(
            where, translate("FileFormat", "must be at least {value}").format(value=value)
        )
    if kind == "maximum":
        return Problem(
            where, translate("FileFormat", "must be at most {value}").format(value=value)
        )
    if kind == "exclusiveMinimum":
        return Problem(
            where, translate("FileFormat", "must be more than {value}").format(value=value)
        )
    if kind == "minItems":
        if value == 1:
            return Problem(where, translate("FileFormat", "needs at least 1 entry"))
        return Problem(
            where, translate("FileFormat", "needs at least {count} entries").format(count=value)
        )
    if kind == "uniqueItems":
        return Problem(where, translate("FileFormat", "lists the same entry more than once"))
    if kind == "pattern":
        return Problem(where, _pattern_words(value))
    if kind == "additionalProperties":
        known = cast(dict[str, Any], error.schema).get("properties", {})
        extra = ", ".join(sorted(set(cast(dict[str, Any], error.instance)) - set(known)))
        return Problem(
            where,
            translate("FileFormat", "has fields this format does not know: {fields}").format(
                fields=extra
            ),
        )
    if kind == "minProperties":
        return Problem(where, translate("FileFormat", "must not be empty"))
    return Problem(where, error.message)  # jsonschema's own words: English


def problems(instance: Any, schema_name: str) -> list[Problem]:
    """Every problem, the outermost field first."""
    errors = sorted(
        validator(schema_name).iter_errors(instance),
        key=lambda e: (
            len(e.absolute_path),
            [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path],
        ),
    )
    return [_words(e) for e in errors]
