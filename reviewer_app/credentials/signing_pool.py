"""Signing many awards on every core of the machine.

Canonicalizing a credential (RDFC-1.0 in pyld, pure Python) is nearly all of an
export's time and one core does it at a time, so a large batch of Data Integrity proofs
is signed in worker processes; so are Open Badges 2.0 assertions, whose RS256 signatures
(a few milliseconds each with a 3072-bit key) are all of their work. The exporting
process builds each document and checks it; workers only sign (`proof_worker`), with
the issuer's opened key handed over a pipe with each task (never written anywhere), and
the exporting process checks each signature against the key on record.

Workers are started before the issuer's keys are opened: opening them is deliberately
slow (Argon2id, memory-hard), and the workers import pyld and load the contexts in the
meantime, so neither waits for the other. Signatures are deterministic: a document
signed in a worker is byte for byte the one signed in-process, so a resumed export
writes the same files whichever way its awards were signed. Small batches and machines
with one core sign in-process, where starting workers would cost more than it saves;
so does VC-JWT, which is not signed in bulk.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from reviewer_app.progress import CancelToken
from reviewer_app.vocabulary import CredentialFormat, Proof

if TYPE_CHECKING:
    from reviewer_app.credentials.awards import PendingAward
    from reviewer_app.credentials.issuers import UnlockedIssuer
    from reviewer_app.credentials.schemas import BatchChecker

# Below this many signatures a worker's start (Python, pyld and the contexts: about a
# third of a second of CPU) costs more than sharing the work saves.
PARALLEL_FROM = 40
MAX_WORKERS = 8


def _end_with_parent() -> None:
    """A worker whose export is killed ends too, instead of waiting for work forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(fmt: CredentialFormat) -> None:
    from reviewer_app.credentials import jws, proof_worker

    del jws  # imported for Open Badges 2.0 signatures
    _end_with_parent()
    if fmt == CredentialFormat.OB3:
        proof_worker.warm_up()


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


def in_workers(fmt: CredentialFormat, proof: Proof) -> bool:
    """Whether signing in `fmt` with `proof` may use worker processes: Data Integrity
    proofs (canonicalization is the slow part) and Open Badges 2.0 (its RS256
    signatures are all of its work); VC-JWT is signed here."""
    return fmt == CredentialFormat.OB2 or (
        fmt == CredentialFormat.OB3 and proof == Proof.DATA_INTEGRITY
    )


class Signer:
    """Signs the awards of one export: in worker processes when there are enough of
    them and more than one core, else here. Use as a context manager; create it before
    opening the keys, so that the workers start meanwhile."""

    def __init__(
        self,
        fmt: CredentialFormat,
        proof: Proof,
        expected: int,
        *,
        workers: int | None = None,
        ahead: int = 0,
    ) -> None:
        """`ahead`: how many documents the caller takes at a time before it stops to
        record and write them; the workers are given that many and more, so that they
        sign on meanwhile instead of waiting for the caller."""
        self.fmt, self.proof = fmt, proof
        if workers is None:
            workers = planned_workers(expected) if in_workers(fmt, proof) else 1
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1 and in_workers(fmt, proof):
            # spawn, not fork: the exporting process may run Qt and other threads, and
            # a forked copy of those is unsafe; spawn is also what Windows and macOS do.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(fmt,),
            )
            # Each worker starts now (it would wait for the first task otherwise).
            for _ in range(workers):
                self._pool.submit(int)
        else:
            workers = 1
        self.workers = workers
        # Tasks of a few credentials each: fewer round trips than one at a time, yet
        # small enough that every worker has work until the end.
        self._chunk = max(1, min(8, expected // (4 * workers)))
        self._in_flight = max(3 * workers, -(-2 * ahead // self._chunk))

    def __enter__(self) -> Signer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        # A refusal (a wrong passphrase, say) returns at once: the workers end by
        # themselves when they finish starting.
        self.close(wait=kind is None)

    def close(self, *, wait: bool = True) -> None:
        """Ends the workers; `wait=False` when every result is in, so that they exit
        while the export writes its last files."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            if wait:
                self._pool = None

    def sign(
        self,
        unlocked: UnlockedIssuer,
        jobs: Sequence[tuple[PendingAward, int | None]],
        checker: BatchChecker,
        cancel: CancelToken,
    ) -> Iterator[str]:
        """The signed text of each job, in order. A cancel stops the work not yet
        started and raises at the next result."""
        from reviewer_app.credentials import ob2
        from reviewer_app.credentials.formats import ob2_signed, ob3_proof, sign_award
        from reviewer_app.credentials.issuers import IssuerError
        from reviewer_app.credentials.proof_worker import (
            OpenedKey,
            RsaKey,
            SignatureMismatch,
            rs256_all,
            secure_all,
        )

        ob3 = self.fmt == CredentialFormat.OB3
        if self._pool is None:
            opened = (
                OpenedKey(unlocked.proof_key())
                if ob3 and in_workers(self.fmt, self.proof)
                else None
            )
            for pending, index in jobs:
                cancel.check()
                if opened is None:
                    yield sign_award(unlocked, pending, self.fmt, self.proof, index, checker)
                else:
                    credential, created = ob3_proof.prepared(unlocked, pending, index, checker)
                    yield ob3_proof.secure_here(opened, credential, created)
            return
        pool = self._pool
        key: Any = unlocked.proof_key() if ob3 else RsaKey.of(unlocked.rsa_key())
        task: Any = secure_all if ob3 else rs256_all
        waiting = iter(jobs)
        # Each task's future, and what the exporting process keeps to finish its results.
        queued: deque[tuple[Future[list[str]], list[Any]]] = deque()

        def submit_more() -> None:
            # Tasks ahead of the one awaited keep every worker busy, also while this
            # process records and writes a batch; building the documents here (and
            # checking them) overlaps the workers' signing.
            while len(queued) < self._in_flight:
                items: list[Any] = []
                kept: list[Any] = []
                for pending, index in waiting:
                    if ob3:
                        items.append(ob3_proof.prepared(unlocked, pending, index, checker))
                    else:
                        payload = ob2.canonical_bytes(ob2_signed.prepared(unlocked, pending, index))
                        items.append(payload)
                        kept.append(payload)
                    if len(items) == self._chunk:
                        break
                if not items:
                    return
                queued.append((pool.submit(task, key, items), kept))

        try:
            submit_more()
            while queued:
                cancel.check()
                future, kept = queued.popleft()
                submit_more()
                try:
                    done = future.result()
                except SignatureMismatch as e:
                    raise IssuerError(str(e)) from None
                if ob3:
                    yield from done
                else:
                    for payload, token in zip(kept, done, strict=True):
                        yield ob2_signed.finished(unlocked, payload, token)
        finally:
            for future, _kept in queued:
                future.cancel()
