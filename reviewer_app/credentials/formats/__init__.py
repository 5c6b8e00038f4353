"""One module per credential format: how it is signed, the file it is written to and
baked as, what it adds to hosting/, and how it is verified.

- `ob3_proof`: Open Badges 3.0 (and CLR 2.0) JSON with a Data Integrity proof;
- `ob3_jwt`: Open Badges 3.0 as a VC-JWT;
- `ob2_signed`: Open Badges 2.0 signed assertions (and hosted ones, for verification).
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer_app.credentials.awards import PendingAward
from reviewer_app.credentials.formats import ob2_signed, ob3_jwt, ob3_proof
from reviewer_app.credentials.formats.common import CredentialFile
from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.schemas import BatchChecker
from reviewer_app.vocabulary import CredentialFormat, Proof

SignFunction = Callable[[UnlockedIssuer, PendingAward, "int | None", "BatchChecker | None"], str]


def _module(fmt: CredentialFormat, proof: Proof) -> tuple[SignFunction, CredentialFile]:
    if fmt == CredentialFormat.OB2:
        return ob2_signed.sign, ob2_signed.FILE
    if proof == Proof.JWT:
        return ob3_jwt.sign, ob3_jwt.FILE
    return ob3_proof.sign, ob3_proof.FILE


def credential_file(fmt: CredentialFormat, proof: Proof) -> CredentialFile:
    return _module(fmt, proof)[1]


def sign_award(
    unlocked: UnlockedIssuer,
    pending: PendingAward,
    fmt: CredentialFormat,
    proof: Proof,
    status_index: int | None,
    checker: BatchChecker | None = None,
) -> str:
    """The signed document's text for one award, in `fmt` with `proof`."""
    sign, _ = _module(fmt, proof)
    return sign(unlocked, pending, status_index, checker)
