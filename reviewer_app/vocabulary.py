"""The program's fixed vocabularies, one `StrEnum` each: what the database stores, what
the command line accepts and what the window lists come from here.

A member is its stored string (`Status.PASS == "pass"`, `str(Status.PASS) == "pass"`,
JSON writes "pass", and `repr` is the string's, so messages that quote a value read as
they did), so rows written before these types, packets and audit entries read the same;
the database keeps plain strings and needs no migration. English words for each value
are here too, for the command line and the files the program writes; the window says
them through its own translations, keyed by these members (tests/ui/
test_vocabulary_words.py checks that every member has them, in Spanish too).
"""

from __future__ import annotations

from enum import StrEnum


class Word(StrEnum):
    """A word of a vocabulary: its string in every way but its type."""

    def __repr__(self) -> str:
        return repr(self.value)


class Status(Word):
    """A submission's review status, in queue order."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in-review"
    ADJUDICATION = "adjudication"
    PASS = "pass"
    NOT_YET = "not-yet"


class Outcome(Word):
    """A decision: a reviewer's on their review, or the submission's final one."""

    PASS = "pass"
    NOT_YET = "not-yet"

    @property
    def status(self) -> Status:
        """The submission's status once this is its decision."""
        return Status(self.value)


class CredentialFormat(Word):
    """The format a credential is exported in."""

    OB3 = "ob3"  # Open Badges 3.0, a Verifiable Credential
    OB2 = "ob2"  # Open Badges 2.0, a signed assertion


class Proof(Word):
    """How an exported credential is signed."""

    DATA_INTEGRITY = "data-integrity"  # Open Badges 3.0: an eddsa-rdfc-2022 proof inside
    JWT = "jwt"  # Open Badges 3.0: a VC-JWT around it
    JWS = "jws"  # Open Badges 2.0: a signed assertion (its only proof)


# The proofs a person chooses between for Open Badges 3.0 (2.0 is always JWS).
OB3_PROOFS: tuple[Proof, ...] = (Proof.DATA_INTEGRITY, Proof.JWT)

STATUS_WORDS: dict[str, str] = {
    Status.UNREVIEWED: "Not reviewed",
    Status.IN_REVIEW: "In review",
    Status.ADJUDICATION: "Needs adjudication",
    Status.PASS: "Pass",
    Status.NOT_YET: "Not Yet",
}
OUTCOME_WORDS: dict[str, str] = {Outcome.PASS: "Pass", Outcome.NOT_YET: "Not Yet"}
