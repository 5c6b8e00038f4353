"""Any single character changed in a signed credential's signed content makes `verify`
fail: a property test over many positions of a real exported credential."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer_app.credentials.export import export
from reviewer_app.credentials.verify import hosting_fetcher, verify_bytes
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE


@pytest.fixture
def exported(issuing_folder: DataFolder, tmp_path: Path) -> tuple[str, Path]:
    out = tmp_path / "export"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    path = sorted((out / "credentials").glob("*.json"))[0]
    return path.read_text(encoding="utf-8"), out / "hosting"


def string_positions(text: str) -> list[int]:
    """Positions inside JSON string values (not the proof's own fields, which are the
    signature itself): changing one there changes what was signed."""
    document = json.loads(text)
    proof_start = text.index('"proof"')
    proof_end = text.index("]", proof_start)
    positions = []
    inside = False
    escaped = False
    for n, char in enumerate(text):
        if proof_start <= n <= proof_end:
            continue
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
            elif char.isalnum():
                positions.append(n)
        elif char == '"':
            inside = True
    assert document and positions
    return positions


def test_the_untouched_credential_verifies(exported: tuple[str, Path]) -> None:
    text, hosting = exported
    assert verify_bytes(text.encode(), "c.json", hosting_fetcher(hosting)).valid


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_one_changed_character_anywhere_signed_fails(
    exported: tuple[str, Path], data: st.DataObject
) -> None:
    text, hosting = exported
    position = data.draw(st.sampled_from(string_positions(text)))
    original = text[position]
    replacement = data.draw(
        st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").filter(
            lambda c: c != original
        )
    )
    tampered = text[:position] + replacement + text[position + 1 :]
    result = verify_bytes(tampered.encode(), "c.json", hosting_fetcher(hosting))
    assert not result.valid, (position, text[max(0, position - 30) : position + 30])


def test_a_key_swapped_for_an_alias_of_the_same_term_is_still_refused(
    exported: tuple[str, Path],
) -> None:
    """ "criteria" and "Criteria" name the same IRI in the Open Badges context, so the
    proof holds over the changed JSON; the schema check refuses it all the same."""
    text, hosting = exported
    changed = text.replace('"criteria":', '"Criteria":', 1)
    assert changed != text
    result = verify_bytes(changed.encode(), "c.json", hosting_fetcher(hosting))
    assert not result.valid
    assert result.error is not None and result.error.startswith("schema")
