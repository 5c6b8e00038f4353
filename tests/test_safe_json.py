"""The one reader of JSON from outside refuses, in words, what would break later code."""

from __future__ import annotations

import pytest

from reviewer_app import safe_json
from reviewer_app.credentials.verify import verify_bytes
from reviewer_app.safe_json import JsonProblem


def _refused(raw: bytes | str, *words: str) -> str:
    with pytest.raises(JsonProblem) as e:
        safe_json.loads(raw)
    message = str(e.value)
    for w in words:
        assert w in message, message
    return message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    _refused(b"[" * 5000 + b"]" * 5000, "nests more than 64 levels")
    _refused('{"a":' * 200 + "1" + "}" * 200, "nests more than 64 levels")
    assert safe_json.loads("[" * 64 + "]" * 64) is not None


def test_duplicate_keys_are_refused_with_the_key() -> None:
    _refused(b'{"submission_id": "A", "submission_id": "B"}', '"submission_id"', "twice")


def test_lone_surrogates_are_refused() -> None:
    _refused(b'{"name": "Ana \\ud800"}', "lone surrogate")
    _refused(b'{"\\udfff": 1}', "lone surrogate")
    assert safe_json.loads(b'{"name": "\\ud83d\\ude00"}') == {"name": "\U0001f600"}


def test_integers_are_bounded() -> None:
    _refused(b'{"attempt": 1000000000000000000000000000000}', "larger than this program")
    _refused(b'{"attempt": ' + b"9" * 5000 + b"}", "5,000 digits")
    _refused(b"[1e400]", "not a number JSON allows")
    _refused(b"[NaN]", "NaN")
    assert safe_json.loads(b"[-9223372036854775807, 1.5]") == [-(2**63) + 1, 1.5]


def test_syntax_and_encoding_problems_say_where() -> None:
    _refused(b'{"a": }', "line 1, column 7")
    _refused(b'{"a": "\xff"}', "not UTF-8")
    assert safe_json.loads(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


def test_verify_of_a_deeply_nested_json_says_so() -> None:
    result = verify_bytes(b'{"a":' * 5000 + b"1" + b"}" * 5000, "deep.json", lambda url: None)
    assert not result.valid
    assert result.error is not None and "nests more than" in result.error, result
