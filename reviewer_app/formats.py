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

from reviewer_app.resources import resource

_PATTERN_WORDS = {
    "^[0-9a-f]{64}$": "64 lowercase hexadecimal characters (a SHA-256)",
    "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$": "a URI such as https://example.org/badges/1",
}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
}


class JsonProblem(ValueError):
    """A file is not UTF-8 JSON; the message completes "<file> ..." in plain words."""


def _not_json(name: str) -> None:
    raise JsonProblem(f"is not valid JSON: {name} is not a number JSON allows")


def parse_json(raw: bytes) -> Any:
    """Strict JSON from UTF-8 bytes (a byte-order mark allowed; NaN and Infinity, which
    Python's json accepts, refused); raises JsonProblem saying where it goes wrong."""
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_not_json)
    except UnicodeDecodeError as e:
        raise JsonProblem(f"is not UTF-8 (byte {e.start:,} is not valid)") from None
    except json.JSONDecodeError as e:
        raise JsonProblem(
            f"is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
        ) from None


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


def _words(error: ValidationError) -> Problem:
    where = field_path(list(error.absolute_path))
    kind = error.validator
    value: Any = error.validator_value
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(value)
        return Problem(where, f"the required field {missing!r} is missing")
    if kind == "type":
        return Problem(where, f"must be {_TYPE_WORDS.get(str(value), value)}")
    if kind == "const":
        return Problem(
            where, f"must be exactly {json.dumps(value)}, not {json.dumps(error.instance)}"
        )
    if kind == "enum":
        options = ", ".join(json.dumps(v) for v in value)
        return Problem(where, f"must be one of {options}")
    if kind == "minLength":
        return Problem(
            where, "must not be empty" if value == 1 else f"needs at least {value} characters"
        )
    if kind == "maxLength":
        return Problem(where, f"is longer than {value} characters")
    if kind in ("minimum", "exclusiveMinimum"):
        return Problem(
            where,
            f"must be at least {value}" if kind == "minimum" else f"must be more than {value}",
        )
    if kind == "minItems":
        return Problem(where, f"needs at least {value} entr{'y' if value == 1 else 'ies'}")
    if kind == "uniqueItems":
        return Problem(where, "lists the same entry more than once")
    if kind == "pattern":
        return Problem(where, f"must be {_PATTERN_WORDS.get(str(value), f'of the form {value}')}")
    if kind == "additionalProperties":
        known = cast(dict[str, Any], error.schema).get("properties", {})
        extra = ", ".join(sorted(set(cast(dict[str, Any], error.instance)) - set(known)))
        return Problem(where, f"has fields this format does not know: {extra}")
    if kind == "minProperties":
        return Problem(where, "must not be empty")
    return Problem(where, error.message)


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
