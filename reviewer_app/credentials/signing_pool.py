"""Signing many awards on every core of the machine.

Canonicalizing a credential (RDFC-1.0 in pyld, pure Python) is nearly all of an
export's time and one core does it at a time, so a large batch is signed in worker
processes, each with its own copy of the issuer's opened keys, handed over a pipe from
the exporting process (never written anywhere). Signatures are deterministic: a
document signed in a worker is byte for byte the one signed in-process, so a resumed
export writes the same files whichever way its awards were signed. Small batches, and
machines with one core, sign in-process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.model import IssuerInfo
from reviewer_app.progress import CancelToken
from reviewer_app.vocabulary import CredentialFormat, Proof

if TYPE_CHECKING:
    from reviewer_app.credentials.awards import PendingAward
    from reviewer_app.credentials.schemas import BatchChecker

# Below this many signatures a worker's start (importing pyld and the schemas, about
# half a second) costs more than sharing the work saves.
PARALLEL_FROM = 40
MAX_WORKERS = 8


@dataclass(frozen=True)
class _KeysForWorker:
    """What a worker needs to sign: the issuer's public facts and its opened keys as
    raw bytes (the key objects themselves do not cross a process boundary)."""

    issuer_id: int
    info: IssuerInfo
    verification_method: str
    rsa_key_id: str
    ed25519_on_record: str
    rsa_on_record: str
    ed25519: bytes = field(repr=False)
    rsa: bytes = field(repr=False)

    @classmethod
    def of(cls, unlocked: UnlockedIssuer) -> _KeysForWorker:
        raw = serialization.Encoding.Raw
        return cls(
            issuer_id=unlocked.issuer_id,
            info=unlocked.info,
            verification_method=unlocked.verification_method,
            rsa_key_id=unlocked.rsa_key_id,
            ed25519_on_record=unlocked.ed25519_on_record,
            rsa_on_record=unlocked.rsa_on_record,
            ed25519=unlocked.ed25519.private_bytes(
                raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            ),
            rsa=unlocked.rsa.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
        )

    def unlocked(self) -> UnlockedIssuer:
        rsa = serialization.load_der_private_key(self.rsa, password=None)
        assert isinstance(rsa, RSAPrivateKey)
        return UnlockedIssuer(
            issuer_id=self.issuer_id,
            info=self.info,
            verification_method=self.verification_method,
            rsa_key_id=self.rsa_key_id,
            ed25519=Ed25519PrivateKey.from_private_bytes(self.ed25519),
            rsa=rsa,
            ed25519_on_record=self.ed25519_on_record,
            rsa_on_record=self.rsa_on_record,
        )


# The worker process's state, set once by `_start_worker`.
_issuer: UnlockedIssuer | None = None
_checker: BatchChecker | None = None


def _end_with_parent() -> None:
    """A worker whose export is killed ends too, instead of waiting for work forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(keys: _KeysForWorker) -> None:
    global _issuer, _checker
    from reviewer_app.credentials.schemas import BatchChecker

    _end_with_parent()
    _issuer = keys.unlocked()
    _checker = BatchChecker()


def _sign_in_worker(
    pending: PendingAward, fmt: CredentialFormat, proof: Proof, index: int | None
) -> str:
    from reviewer_app.credentials.formats import sign_award

    assert _issuer is not None, "worker not started"
    return sign_award(_issuer, pending, fmt, proof, index, _checker)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def planned_workers(expected: int) -> int:
    """How many processes sign `expected` awards: every usable core (at most
    MAX_WORKERS) for a large batch, or what REVIEWER_APP_SIGNING_WORKERS says (1: sign
    in-process, for a machine whose cores are needed elsewhere)."""
    chosen = os.environ.get("REVIEWER_APP_SIGNING_WORKERS", "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return min(int(chosen), MAX_WORKERS)
    return min(usable_cores(), MAX_WORKERS) if expected >= PARALLEL_FROM else 1


class Signer:
    """Signs awards for one export: in worker processes when there are enough of them
    and more than one core, else here. Use as a context manager."""

    def __init__(
        self,
        unlocked: UnlockedIssuer,
        fmt: CredentialFormat,
        proof: Proof,
        expected: int,
        checker: BatchChecker,
        *,
        workers: int | None = None,
    ) -> None:
        self.unlocked, self.fmt, self.proof, self.checker = unlocked, fmt, proof, checker
        if workers is None:
            workers = planned_workers(expected)
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            # spawn, not fork: the exporting process may run Qt and other threads, and
            # a forked copy of those is unsafe; spawn is also what Windows and macOS do.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(_KeysForWorker.of(unlocked),),
            )
        self.workers = workers

    def __enter__(self) -> Signer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def sign(
        self, jobs: Sequence[tuple[PendingAward, int | None]], cancel: CancelToken
    ) -> Iterator[str]:
        """The signed text of each job, in order. A cancel stops the work not yet
        started and raises at the next result."""
        from reviewer_app.credentials.formats import sign_award

        if self._pool is None:
            for pending, index in jobs:
                cancel.check()
                yield sign_award(self.unlocked, pending, self.fmt, self.proof, index, self.checker)
            return
        futures: list[Future[str]] = [
            self._pool.submit(_sign_in_worker, pending, self.fmt, self.proof, index)
            for pending, index in jobs
        ]
        try:
            for future in futures:
                cancel.check()
                yield future.result()
        finally:
            for future in futures:
                future.cancel()
