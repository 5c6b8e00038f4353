"""The `eddsa-rdfc-2022` Data Integrity cryptosuite (W3C VC Data Integrity EdDSA
Cryptosuites v1.0): Ed25519 signatures over RDFC-1.0 canonical N-Quads.

A proof signs SHA-256(canonical proof configuration) || SHA-256(canonical document).
JSON-LD processing only sees what the document's contexts define, so before signing we
insist that nothing is silently dropped (`check_no_dropped_terms`): a dropped property
would be shown to people yet not covered by the signature.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, cast
from urllib.parse import urljoin

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pyld import jsonld

from reviewer_app.credentials.contexts import load_document
from reviewer_app.credentials.multibase import decode_base58btc, encode_base58btc
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

CRYPTOSUITE: Final = "eddsa-rdfc-2022"
PROOF_TYPE: Final = "DataIntegrityProof"

# Relative IRIs are resolved against this base while checking, so they can be told
# apart from real ones. ".invalid" can never be a real domain (RFC 2606).
_RELATIVE_BASE: Final = "https://relative-iri.invalid/"

# XML Schema dateTimeStamp: a dateTime with its time zone, as Data Integrity requires.
_DATE_TIME_STAMP: Final = re.compile(
    r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$"
)


class ProofError(UserError):
    """A proof cannot be made or does not hold; the message says why, plainly."""


class DroppedTerms(ProofError):
    """Properties that JSON-LD processing drops, so a signature would not cover them."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths: tuple[str, ...] = tuple(paths)
        super().__init__(
            translate(
                "DataIntegrity",
                "A signature would not cover these parts of the credential, because JSON-LD "
                "drops them (its @context does not define them, or they are not absolute "
                "IRIs): {paths}.",
            ).format(paths=", ".join(self.paths))
        )


@dataclass(frozen=True)
class HashData:
    """The intermediate values of the cryptosuite, as the W3C test vectors list them."""

    canonical_document: str
    canonical_proof_config: str
    document_hash: bytes
    proof_config_hash: bytes

    @property
    def combined(self) -> bytes:
        """What Ed25519 signs: the proof configuration's hash first."""
        return self.proof_config_hash + self.document_hash


# --- JSON-LD ----------------------------------------------------------------------------


def canonicalize(document: Mapping[str, Any]) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document (contexts from shipped files).
    Plain canonicalization: nothing is checked (see `check_no_dropped_terms`)."""
    return _normalize(dict(document), jsonld.JsonLdProcessor(), None)


def _normalize(data: Any, processor: Any, base: str | None) -> str:
    options: dict[str, Any] = {
        # RDFC-1.0 is pyld's "URDNA2015"; its default (URGNA2012) gives other bytes.
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": load_document,
    }
    if base is not None:
        options["base"] = base
    try:
        return cast(str, processor.normalize(data, options))
    except jsonld.JsonLdError as error:
        raise ProofError(_plain(error)) from error


def _canonical_checked(document: Mapping[str, Any]) -> tuple[str, list[str]]:
    """Canonical N-Quads of `document`, and the JSON paths of whatever JSON-LD lost.

    One pass does both in the usual (clean) case: pyld's expansion inside normalize
    reports dropped keys, and relative IRIs, resolved against _RELATIVE_BASE, show in
    the N-Quads. Only a suspect document is expanded again to say where the problems are.
    """
    dropped: list[str | None] = []
    processor = jsonld.JsonLdProcessor(on_property_dropped=dropped.append)
    canonical = _normalize(dict(document), processor, _RELATIVE_BASE)
    if dropped or f"<{_RELATIVE_BASE}" in canonical or _may_have_blank_properties(document):
        return canonical, _find_problems(document)
    return canonical, []


def _canonical_config(config: Mapping[str, Any]) -> tuple[str, list[str]]:
    """`_canonical_checked` of a proof configuration. Every credential of an export
    has the same one (or one of a few: the `created` times), so the result is kept."""
    try:
        text = json.dumps(config, ensure_ascii=False)
    except (TypeError, ValueError):
        return _canonical_checked(config)
    canonical, problems = _canonical_config_text(text)
    return canonical, list(problems)


@functools.lru_cache(maxsize=32)
def _canonical_config_text(text: str) -> tuple[str, tuple[str, ...]]:
    canonical, problems = _canonical_checked(json.loads(text))
    return canonical, tuple(problems)


def _may_have_blank_properties(document: Mapping[str, Any]) -> bool:
    """Whether a property could expand to a blank node, which RDF cannot hold (pyld
    drops those triples without a word). Only a "_:" key, or a "_:" string in an
    inline context, can make one: the shipped context files have none (a test checks).
    """

    def walk(node: Any, in_context: bool) -> bool:
        if isinstance(node, Mapping):
            return any(
                (isinstance(key, str) and key.startswith("_:"))
                or walk(value, in_context or key == "@context")
                for key, value in node.items()
            )
        if isinstance(node, list):
            return any(walk(item, in_context) for item in node)
        return in_context and isinstance(node, str) and node.startswith("_:")

    return walk(document, False)


def _find_problems(document: Mapping[str, Any]) -> list[str]:
    dropped: list[str | None] = []
    options = {"documentLoader": load_document, "base": _RELATIVE_BASE}
    try:
        expanded = jsonld.expand(dict(document), options, on_property_dropped=dropped.append)
    except jsonld.JsonLdError as error:
        raise ProofError(_plain(error)) from error
    problems: list[str] = []
    if dropped:
        problems += _locate_dropped(document, expanded, dropped)
    relative: set[str] = set()
    blank: set[str] = set()
    _collect_relative(expanded, relative, blank)
    if relative:
        problems += _locate_relative(document, relative)
    problems += [f"*.{key}" for key in sorted(blank)]
    return problems


def check_no_dropped_terms(document: Mapping[str, Any]) -> None:
    """Raise DroppedTerms naming every property (at any depth) that JSON-LD expansion
    drops, and every `id`/`type` that is not an absolute IRI (RDF has no place for one,
    and pyld quietly resolves it against a made-up base).

    Detection is pyld's own: its expansion reports each dropped key through
    `on_property_dropped`, and relative IRIs show up resolved against _RELATIVE_BASE.
    pyld does not say where a key was, so for a suspect document the expansion is
    compacted again with the same @context and walked side by side with the original:
    a key the round trip lost, and that pyld reported, is a dropped one. Reports that
    cannot be placed are still listed ("*.name"): the check never passes a drop.
    """
    _, problems = _canonical_checked(document)
    if problems:
        raise DroppedTerms(problems)


def _locate_dropped(
    document: Mapping[str, Any], expanded: list[Any], dropped: list[str | None]
) -> list[str]:
    names = Counter(dropped)
    found: list[tuple[str, str]] = []  # (path, key)
    try:
        compacted = jsonld.compact(
            expanded,
            {"@context": document.get("@context", {})},
            {"documentLoader": load_document, "base": _RELATIVE_BASE},
        )
    except jsonld.JsonLdError:
        compacted = None  # cannot place them; they are still reported below
    if compacted is not None:
        _diff(document, compacted, "", set(names), found)
    paths = [path for path, _ in found]
    # Whatever pyld reported but the walk could not place (an aliased or IRI-written
    # key, arrays that no longer line up) is reported by name.
    unplaced = names.copy()
    for _, key in found:
        if unplaced[key] > 0:
            unplaced[key] -= 1
        elif unplaced[None] > 0:  # pyld reports keyword look-alikes as None
            unplaced[None] -= 1
    for name, count in sorted(unplaced.items(), key=lambda item: str(item[0])):
        paths += [f"*.{name}" if name is not None else "*.(unnamed key)"] * count
    return paths


def _diff(
    original: Any,
    compacted: Any,
    path: str,
    names: set[str | None],
    found: list[tuple[str, str]],
) -> None:
    if isinstance(original, Mapping):
        if isinstance(compacted, Mapping):
            present = compacted
        else:
            # A node compacted to a bare string is a reference: the key holding that
            # string (its id, under whatever alias) survived.
            present = {key: value for key, value in original.items() if value == compacted}
        for key, value in original.items():
            if key == "@context":
                continue
            where = f"{path}.{key}" if path else key
            if key in present:
                _diff(value, present[key], where, names, found)
            elif key in names or (None in names and key not in jsonld.KEYWORDS):
                found.append((where, key))
    elif isinstance(original, list):
        # Compaction writes a one-element array as its element, and drops nulls.
        others = compacted if isinstance(compacted, list) else [compacted]
        kept = [(index, item) for index, item in enumerate(original) if item is not None]
        if len(kept) == len(others):
            for (index, item), other in zip(kept, others, strict=True):
                _diff(item, other, f"{path}[{index}]", names, found)


def _collect_relative(node: Any, found: set[str], blank: set[str]) -> None:
    """IRIs in expanded JSON-LD that were relative references (resolved against
    _RELATIVE_BASE), and blank-node properties, which RDF cannot hold either."""
    if isinstance(node, list):
        for item in node:
            _collect_relative(item, found, blank)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("_:"):
                blank.add(key)
            if key == "@value":
                continue  # a literal, even an @json one, holds no IRIs
            if key in ("@id", "@type"):
                for iri in value if isinstance(value, list) else [value]:
                    if isinstance(iri, str) and iri.startswith(_RELATIVE_BASE):
                        found.add(iri)
            else:
                _collect_relative(value, found, blank)


def _locate_relative(document: Mapping[str, Any], relative: set[str]) -> list[str]:
    found: list[str] = []
    placed: set[str] = set()

    def walk(node: Any, path: str) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key != "@context":
                    walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}[{index}]")
        elif isinstance(node, str):
            try:
                resolved = urljoin(_RELATIVE_BASE, node)
            except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 host
                return
            if resolved in relative:
                found.append(path)
                placed.add(resolved)

    walk(document, "")
    for iri in sorted(relative - placed):
        found.append("*." + iri.removeprefix(_RELATIVE_BASE))
    return found


def _plain(error: BaseException) -> str:
    """A message people can read from pyld's nested JsonLdErrors."""
    innermost: BaseException = error
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, UserError):
            return str(cause)
        details = getattr(cause, "details", None)
        if (
            isinstance(cause, jsonld.JsonLdError)
            and cause.code == "loading document failed"
            and isinstance(details, dict)
            and isinstance(details.get("url"), str)
        ):
            return translate(
                "DataIntegrity",
                "The credential uses the JSON-LD context {url}, which "
                "Portfolio Reviewer does not have (contexts are never downloaded).",
            ).format(url=details["url"])
        innermost = cause
        cause = cause.__cause__ or cause.__context__
    reason = innermost.args[0] if innermost.args else type(innermost).__name__
    return translate("DataIntegrity", "The credential is not valid JSON-LD: {reason}").format(
        reason=reason
    )


# --- proofs ---------------------------------------------------------------------------


def proof_configuration(
    document: Mapping[str, Any],
    verification_method: str,
    created: str,
    *,
    proof_purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """The proof options that get signed: the proof without its value, plus the
    document's @context (key order as in the W3C vectors)."""
    if "@context" not in document:
        raise ProofError(
            translate("DataIntegrity", "The credential has no @context, so it cannot be signed.")
        )
    if not isinstance(verification_method, str) or ":" not in verification_method:
        raise ValueError(f"verification_method must be an absolute IRI: {verification_method!r}")
    if not isinstance(created, str) or not _DATE_TIME_STAMP.match(created):
        raise ValueError(f"created must be an XML Schema dateTime with a time zone: {created!r}")
    return {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
        "@context": copy.deepcopy(document["@context"]),
    }


def hash_data(unsecured_document: Mapping[str, Any], proof_config: Mapping[str, Any]) -> HashData:
    """Canonical forms and hashes of a document (without proof) and a proof
    configuration. Raises DroppedTerms if either loses something to JSON-LD."""
    canonical_document, problems = _canonical_checked(unsecured_document)
    canonical_config, config_problems = _canonical_config(proof_config)
    problems += [f"proof.{path}" for path in config_problems]
    if problems:
        raise DroppedTerms(problems)
    return HashData(
        canonical_document=canonical_document,
        canonical_proof_config=canonical_config,
        document_hash=hashlib.sha256(canonical_document.encode("utf-8")).digest(),
        proof_config_hash=hashlib.sha256(canonical_config.encode("utf-8")).digest(),
    )


def sign(
    document: Mapping[str, Any],
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: str,
    *,
    proof_purpose: str = "assertionMethod",
    proof_as_array: bool = True,
    check: Callable[[bytes, bytes], None] | None = None,
) -> dict[str, Any]:
    """A copy of `document` with an eddsa-rdfc-2022 proof added.

    The proof is an array of one (Open Badges 3.0 requires an array) unless
    `proof_as_array` is false. A document that already has proofs gets one more: each
    proof of a set signs the document without any proof. Refuses (DroppedTerms) to sign
    anything JSON-LD would leave out of the signature. `check(signature, data)`, when
    given, verifies the signature over the signed data (with the key on record) and
    raises if it does not hold.
    """
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = proof_configuration(
        unsecured, verification_method, created, proof_purpose=proof_purpose
    )
    data = hash_data(unsecured, config)
    proof = {key: value for key, value in config.items() if key != "@context"}
    signature = private_key.sign(data.combined)
    if check is not None:
        check(signature, data.combined)
    proof["proofValue"] = encode_base58btc(signature)

    signed = copy.deepcopy(dict(document))
    existing = signed.get("proof")
    if existing is None:
        signed["proof"] = [proof] if proof_as_array else proof
    else:
        signed["proof"] = [*(existing if isinstance(existing, list) else [existing]), proof]
    return signed


def verify(
    document: Mapping[str, Any],
    resolve_key: Callable[[str], Ed25519PublicKey],
    *,
    proof_purpose: str | None = "assertionMethod",
) -> None:
    """Check every proof of `document`; each must be an eddsa-rdfc-2022
    DataIntegrityProof that holds. `resolve_key` maps a verification method id to its
    key (raising ValueError, LookupError, OSError or UserError when it cannot).
    `proof_purpose` is the purpose required of each proof (None: any).

    Stricter than the specification in one way: a document with properties its
    contexts do not define fails (DroppedTerms), since those are not signed.
    """
    if not isinstance(document, Mapping):
        raise ProofError(translate("DataIntegrity", "The credential is not a JSON object."))
    proofs = document.get("proof")
    if proofs is None or proofs == []:
        raise ProofError(
            translate("DataIntegrity", "The credential has no proof: it is not signed.")
        )
    proof_list = proofs if isinstance(proofs, list) else [proofs]
    for index, proof in enumerate(proof_list):
        label = (
            translate("DataIntegrity", "The proof")
            if len(proof_list) == 1
            else translate("DataIntegrity", "Proof {n}").format(n=index + 1)
        )
        _verify_proof(document, proof, label, resolve_key, proof_purpose)


def verification_hash_data(document: Mapping[str, Any], proof: Mapping[str, Any]) -> HashData:
    """The hash data a verifier recomputes for one proof of a signed document."""
    unsecured, config = _unsecured_and_config(
        document, proof, translate("DataIntegrity", "The proof")
    )
    return hash_data(unsecured, config)


def _unsecured_and_config(
    document: Mapping[str, Any], proof: Mapping[str, Any], label: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in config:
        # The proof names its own contexts: the document must begin with them, and it
        # is those that were signed.
        wanted = _as_list(config["@context"])
        have = _as_list(document.get("@context"))
        if have[: len(wanted)] != wanted:
            raise ProofError(
                translate(
                    "DataIntegrity",
                    "{proof} names JSON-LD contexts the credential does not start with.",
                ).format(proof=label)
            )
        unsecured["@context"] = config["@context"]
    else:
        if "@context" not in document:
            raise ProofError(translate("DataIntegrity", "The credential has no @context."))
        config["@context"] = document["@context"]
    return unsecured, config


def _verify_proof(
    document: Mapping[str, Any],
    proof: Any,
    label: str,
    resolve_key: Callable[[str], Ed25519PublicKey],
    proof_purpose: str | None,
) -> None:
    if not isinstance(proof, Mapping):
        raise ProofError(
            translate("DataIntegrity", "{proof} is not a JSON object.").format(proof=label)
        )
    if proof.get("type") != PROOF_TYPE:
        raise ProofError(
            translate("DataIntegrity", "{proof} has type {type}; only {known} is known.").format(
                proof=label, type=repr(proof.get("type")), known=PROOF_TYPE
            )
        )
    if proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(
            translate(
                "DataIntegrity", "{proof} uses the cryptosuite {suite}; only {known} is supported."
            ).format(proof=label, suite=repr(proof.get("cryptosuite")), known=CRYPTOSUITE)
        )
    if "previousProof" in proof:
        raise ProofError(
            translate(
                "DataIntegrity", "{proof} is part of a proof chain (previousProof): not supported."
            ).format(proof=label)
        )
    if proof_purpose is not None and proof.get("proofPurpose") != proof_purpose:
        raise ProofError(
            translate("DataIntegrity", "{proof} is for {purpose}, not {wanted}.").format(
                proof=label, purpose=repr(proof.get("proofPurpose")), wanted=repr(proof_purpose)
            )
        )
    created = proof.get("created")
    if created is not None and not (isinstance(created, str) and _DATE_TIME_STAMP.match(created)):
        raise ProofError(
            translate("DataIntegrity", "{proof} has an invalid creation time {created}.").format(
                proof=label, created=repr(created)
            )
        )
    method = proof.get("verificationMethod")
    if not isinstance(method, str) or not method:
        raise ProofError(
            translate(
                "DataIntegrity", "{proof} does not say which key made it (verificationMethod)."
            ).format(proof=label)
        )
    value = proof.get("proofValue")
    try:
        if not isinstance(value, str):
            raise ValueError(translate("DataIntegrity", "it is missing"))
        signature = decode_base58btc(value)
    except ValueError as error:
        raise ProofError(
            translate(
                "DataIntegrity", "{proof} has no usable signature (proofValue): {problem}"
            ).format(proof=label, problem=error)
        ) from error
    if len(signature) != 64:
        raise ProofError(
            translate("DataIntegrity", "{proof} signature has {n} bytes; Ed25519 has 64.").format(
                proof=label, n=len(signature)
            )
        )
    try:
        public_key = resolve_key(method)
    except (ValueError, LookupError, OSError, UserError) as error:
        raise ProofError(
            translate(
                "DataIntegrity", "The key {method} that made {proof} cannot be found: {problem}"
            ).format(method=method, proof=label.lower(), problem=error)
        ) from error
    unsecured, config = _unsecured_and_config(document, proof, label)
    data = hash_data(unsecured, config)
    try:
        public_key.verify(signature, data.combined)
    except InvalidSignature:
        raise ProofError(
            translate(
                "DataIntegrity",
                "{proof} does not match: the credential was changed after it was signed, or "
                "was not signed by {method}.",
            ).format(proof=label, method=method)
        ) from None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
