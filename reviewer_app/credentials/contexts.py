"""JSON-LD contexts served from the files in `resources/standards/`, never the network.

Signing and verifying a credential needs the JSON-LD contexts it names. Fetching them
would make the result depend on a web server (and leak which credentials are checked),
so pyld gets `load_document`, which only answers from a fixed table of shipped files,
each pinned by its SHA-256: a changed file is refused rather than silently trusted.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from pyld import jsonld

from reviewer_app.errors import UserError
from reviewer_app.resources import resource
from reviewer_app.wording import translate


@dataclass(frozen=True)
class ContextFile:
    """A shipped context: its path under resources/standards and its pinned SHA-256."""

    path: tuple[str, ...]
    sha256: str


_OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/"

CONTEXT_FILES: Final[Mapping[str, ContextFile]] = MappingProxyType(
    {
        "https://www.w3.org/ns/credentials/v2": ContextFile(
            ("w3c", "credentials-v2.jsonld"),
            "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
        ),
        "https://www.w3.org/2018/credentials/v1": ContextFile(
            ("w3c", "credentials-v1.jsonld"),
            "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc",
        ),
        "https://www.w3.org/ns/credentials/examples/v2": ContextFile(
            ("w3c", "credentials-examples-v2.jsonld"),
            "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
        ),
        # Only v1: the data-integrity/v2 terms are inside the VC v2 context, but we have
        # no copy of the standalone v2 file, so that URL stays unknown.
        "https://w3id.org/security/data-integrity/v1": ContextFile(
            ("w3c", "data-integrity-v1.jsonld"),
            "c6e5073f4bd4bf6d08f245736e6f32c29b012860b18583644b2d71e1de862669",
        ),
        # Defines Multikey and publicKeyMultibase, which DID v1 does not: without it a
        # DID document's keys vanish under JSON-LD processing.
        "https://w3id.org/security/multikey/v1": ContextFile(
            ("w3c", "multikey-v1.jsonld"),
            "9ae9f9e8c8078caa4018d3491d69b175744334f60536339cc7ab365ba7d789a8",
        ),
        "https://www.w3.org/ns/did/v1": ContextFile(
            ("w3c", "did-v1.jsonld"),
            "adefa50311393eb1bd788a38ac9fe2696c65367928f6996812cd54577394f4da",
        ),
        _OB3 + "context-3.0.1.json": ContextFile(
            ("ob3", "context", "context-3.0.1.json"),
            "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355",
        ),
        _OB3 + "context-3.0.2.json": ContextFile(
            ("ob3", "context", "context-3.0.2.json"),
            "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53",
        ),
        _OB3 + "context-3.0.3.json": ContextFile(
            ("ob3", "context", "context-3.0.3.json"),
            "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
        ),
        # The unversioned URL serves the original 3.0.0 context, not the latest one.
        _OB3 + "context.json": ContextFile(
            ("ob3", "context", "context.json"),
            "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10",
        ),
        _OB3 + "extensions.json": ContextFile(
            ("ob3", "context", "extensions.json"),
            "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3",
        ),
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": ContextFile(
            ("clr2", "context", "clr-v2p0-2.0.1.json"),
            "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6",
        ),
        "https://w3id.org/openbadges/v2": ContextFile(
            ("ob2", "context", "v2-context.json"),
            "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d",
        ),
        # Imports https://w3id.org/openbadges/legacy-v1, which we do not have: expanding
        # a 1.x assertion therefore fails with that URL named, rather than half-working.
        "https://w3id.org/openbadges/v1": ContextFile(
            ("ob2", "context", "v1-context.json"),
            "406ec07d0e758a41e84bac6361d29e391188492eb25f7efc51bfa19d8b2db810",
        ),
    }
)

CONTEXT_ROOT: Final = ("standards",)


class ContextFileError(UserError):
    """A shipped context file is missing or its bytes are not the pinned ones."""


_parsed: dict[str, Any] = {}
_lock = threading.Lock()


def _read_verified(url: str, entry: ContextFile) -> Any:
    path = resource(*CONTEXT_ROOT, *entry.path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContextFileError(
            translate(
                "JsonLdContexts",
                "The JSON-LD context for {url} cannot be read from {path}: {reason}. "
                "The installation is incomplete; reinstall Portfolio Reviewer.",
            ).format(url=url, path=path, reason=error.strerror)
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.sha256:
        raise ContextFileError(
            translate(
                "JsonLdContexts",
                "The JSON-LD context file {path} (for {url}) has been changed: its SHA-256 is "
                "{digest}, not {expected}. It is not used; reinstall Portfolio Reviewer.",
            ).format(path=path, url=url, digest=digest, expected=entry.sha256)
        )
    return json.loads(data)


def context_document(url: str) -> Any:
    """The parsed context for `url` (a private copy). Raises pyld's JsonLdError for a
    URL we have no file for, ContextFileError for a missing or changed file."""
    entry = CONTEXT_FILES.get(url)
    if entry is None:
        raise jsonld.JsonLdError(
            f"Loading document failed: no local copy of the JSON-LD context {url}; "
            "contexts are never fetched from the network.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    with _lock:
        document = _parsed.get(url)
        if document is None:
            document = _read_verified(url, entry)
            _parsed[url] = document
    # pyld rewrites nested @context URLs in place; a copy keeps the cache pristine.
    return copy.deepcopy(document)


def load_document(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader (`documentLoader(url, options)`) over the shipped files."""
    return {
        "contextUrl": None,
        "documentUrl": url,
        "contentType": "application/ld+json",
        "document": context_document(url),
        # "static" lets pyld keep the processed context across calls instead of asking
        # again and re-processing it for every credential of a batch.
        "tag": "static",
    }


def clear_cache() -> None:
    """Forget the parsed files (tests that swap files use it)."""
    with _lock:
        _parsed.clear()


# Defence in depth: pyld's own default loader would use the network for any call that
# forgets to pass ours.
jsonld.set_document_loader(load_document)
