"""One set of vocabularies: the command line's choices are the enums' values, the models
read stored words back as members (and an unknown word as it is), and a member is its
string wherever it is written."""

from __future__ import annotations

import argparse
import ast
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app import vocabulary
from reviewer_app.cli import build_parser
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.vocabulary import (
    OB3_PROOFS,
    OUTCOME_WORDS,
    STATUS_WORDS,
    CredentialFormat,
    Outcome,
    Proof,
    Status,
)


def option(command: str, flag: str) -> argparse.Action:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub = commands.choices[command]
    return next(a for a in sub._actions if flag in a.option_strings)


@pytest.mark.parametrize(
    ("command", "flag", "words"),
    [
        ("adjudicate", "--decision", list(Outcome)),
        ("export", "--format", list(CredentialFormat)),
        ("export", "--proof", list(OB3_PROOFS)),
        ("revoke", "--format", list(CredentialFormat)),
    ],
)
def test_the_command_lines_choices_are_the_vocabulary(
    command: str, flag: str, words: list[str]
) -> None:
    action = option(command, flag)
    assert list(action.choices or []) == words
    assert action.default in (None, *words)
    for word in words:  # each typed as a person types it, a plain string
        assert str(word) in (action.choices or [])


def test_every_word_has_english_words_and_reads_as_its_string() -> None:
    assert set(STATUS_WORDS) == set(Status)
    assert set(OUTCOME_WORDS) == set(Outcome)
    assert {o.status for o in Outcome} <= set(Status)
    assert set(OB3_PROOFS) < set(Proof)
    for word in [*Status, *Outcome, *CredentialFormat, *Proof]:
        assert word == word.value and str(word) == f"{word}" == word.value
        assert repr(word) == repr(word.value)
        assert json.dumps(word) == json.dumps(word.value)


def test_the_models_read_words_back_as_members(reviewed_folder: DataFolder) -> None:
    with reviewed_folder.sessions() as session:
        status = session.scalar(
            select(Submission.status).where(Submission.submission_id == "FAP-1")
        )
    assert type(status) is Status and status is Status.UNREVIEWED
    # A word this version does not know (a newer one wrote it) is read, not refused.
    con = sqlite3.connect(reviewed_folder.root / DATABASE_NAME)
    con.execute("UPDATE submissions SET status = 'on-hold' WHERE submission_id = 'FAP-1'")
    con.commit()
    con.close()
    with reviewed_folder.sessions() as session:
        row = session.scalar(select(Submission).where(Submission.submission_id == "FAP-1"))
        assert row is not None and row.status == "on-hold"


def _items(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]


def test_no_module_spells_a_word_of_the_vocabulary() -> None:
    """Compared, chosen, keyed or passed as a status, decision, format or proof, a word
    is the vocabulary's member, never a string typed again (which a renamed or misspelt
    word would leave silently wrong)."""
    words = {w.value for kind in (Status, Outcome, CredentialFormat, Proof) for w in kind}
    named = {"choices", "default", "status", "outcome", "decision", "fmt", "proof", "format"}
    root = Path(vocabulary.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            candidates: list[ast.expr] = []
            if isinstance(node, ast.Compare):
                for side in [node.left, *node.comparators]:
                    candidates += _items(side)
            elif isinstance(node, ast.keyword) and node.arg in named:
                candidates += _items(node.value)
            elif isinstance(node, ast.Dict):
                candidates += [k for k in node.keys if k is not None]
            found += [
                f"{path.relative_to(root.parent)}:{c.lineno}: {c.value!r}"
                for c in candidates
                if isinstance(c, ast.Constant) and c.value in words
            ]
    assert found == []
