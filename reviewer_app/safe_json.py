"""The one JSON reader for files that come from outside: bundles' manifests, definitions,
packets and returns, credentials to verify.

Python's `json` accepts much that would break the code after it: nesting deep enough to
exhaust the stack (here, or later in a schema validator), the same key twice (the last
silently wins, so two readers of one file can see two different documents), lone
surrogates that no UTF-8 file or database can hold, integers of any size and NaN or
Infinity. Each of these is refused here with a sentence saying which, never an exception
from deeper down.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from reviewer_app.wording import translate

# Deeper than any document we read by far (a credential nests about 8 levels).
MAX_DEPTH = 64
# SQLite's integers: anything a JSON document may give us has to fit there.
MAX_INT = 2**63 - 1
_MAX_INT_DIGITS = len(str(MAX_INT))
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """A file is not UTF-8 JSON we accept; the message completes "<file> ..." in plain
    words."""


def _not_json(name: str) -> None:
    raise JsonProblem(
        translate("FileFormat", "is not valid JSON: {name} is not a number JSON allows").format(
            name=name
        )
    )


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS or abs(value := int(text)) > MAX_INT:
        shown = text if len(text) <= 24 else f"{text[:20]}... ({len(text):,} digits)"
        raise JsonProblem(
            translate(
                "FileFormat", "holds the number {number}, larger than this program accepts"
            ).format(number=shown)
        )
    return value


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        _not_json(text)
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise JsonProblem(
                translate(
                    "FileFormat",
                    "is not accepted: the key {key} appears twice in one object, so it is "
                    "unclear which value is meant",
                ).format(key=json.dumps(key))
            )
        out[key] = value
    return out


def _too_deep() -> JsonProblem:
    return JsonProblem(
        translate("FileFormat", "is not accepted: it nests more than {limit} levels deep").format(
            limit=MAX_DEPTH
        )
    )


def _check_tree(document: Any) -> None:
    """Depth and lone surrogates, walked without recursion."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise JsonProblem(
                    translate(
                        "FileFormat",
                        "is not accepted: it holds a lone surrogate escape (such as "
                        "\\ud800), which is not a character",
                    )
                )
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise _too_deep()
            children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)


def loads(raw: bytes | str) -> Any:
    """Strict JSON from UTF-8 bytes (a byte-order mark allowed) or text; raises
    JsonProblem saying what is wrong and, for syntax, where."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise JsonProblem(
            translate("FileFormat", "is not UTF-8 (byte {position} is not valid)").format(
                position=f"{e.start:,}"
            )
        ) from None
    try:
        document = json.loads(
            text,
            parse_constant=_not_json,
            parse_int=_integer,
            parse_float=_finite,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as e:
        raise JsonProblem(
            translate(
                "FileFormat", "is not valid JSON: {problem} at line {line}, column {column}"
            ).format(problem=e.msg, line=e.lineno, column=e.colno)
        ) from None
    except RecursionError:
        raise _too_deep() from None
    except ValueError as e:  # e.g. a float with thousands of digits
        if isinstance(e, JsonProblem):
            raise
        raise JsonProblem(
            translate("FileFormat", "is not valid JSON: {problem}").format(problem=str(e)[:200])
        ) from None
    _check_tree(document)
    return document
