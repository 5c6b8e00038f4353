"""The offline JSON-LD document loader: shipped, pinned files only, never the network."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from reviewer_app.credentials import contexts, dataintegrity
from reviewer_app.credentials.contexts import (
    CONTEXT_FILES,
    ContextFile,
    ContextFileError,
    context_document,
    load_document,
)
from reviewer_app.resources import resource

STANDARDS = resource("standards")
VECTORS = Path(__file__).resolve().parents[1] / "data" / "vc-di-eddsa"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[None]:
    """Any socket use during these tests is a failure (the loader must never fetch)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsed(f"network access attempted: {args!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    contexts.clear_cache()
    yield
    contexts.clear_cache()


def test_every_mapped_file_exists_and_matches_its_pin() -> None:
    for url, entry in CONTEXT_FILES.items():
        data = STANDARDS.joinpath(*entry.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry.sha256, url
        assert isinstance(json.loads(data).get("@context"), dict | list), url


def test_shipped_files_are_the_published_ones() -> None:
    """SOURCES.tsv records the published files' hashes; our copies are byte-identical."""
    with (STANDARDS / "SOURCES.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    checked = 0
    for row in rows:
        for base in (STANDARDS, VECTORS.parent):
            path = base / row["file"]
            if path.is_file():
                assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == row["sha256_16"]
                checked += 1
    shipped = {p.relative_to(STANDARDS).as_posix() for p in STANDARDS.rglob("*.json*")}
    assert shipped <= {row["file"] for row in rows}
    vectors = [p for p in VECTORS.rglob("*") if p.is_file()]
    assert checked == len(shipped) + len(vectors)


def test_the_table_maps_the_urls_credentials_use() -> None:
    ob3 = "https://purl.imsglobal.org/spec/ob/v3p0/"
    expected = {
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
        "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
        "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
        "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
        "https://www.w3.org/ns/did/v1": "did-v1.jsonld",
        "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
        ob3 + "context-3.0.1.json": "context-3.0.1.json",
        ob3 + "context-3.0.2.json": "context-3.0.2.json",
        ob3 + "context-3.0.3.json": "context-3.0.3.json",
        ob3 + "context.json": "context.json",
        ob3 + "extensions.json": "extensions.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
        "https://w3id.org/openbadges/v2": "v2-context.json",
        "https://w3id.org/openbadges/v1": "v1-context.json",
    }
    assert {url: entry.path[-1] for url, entry in CONTEXT_FILES.items()} == expected
    # No file for the standalone data-integrity v2 context, so no entry for it.
    assert "https://w3id.org/security/data-integrity/v2" not in CONTEXT_FILES


def test_the_ob3_schema_only_allows_context_urls_we_have() -> None:
    schema = json.loads((STANDARDS / "ob3" / "schema" / "achievementcredential.json").read_text())
    first, second = schema["properties"]["@context"]["items"]
    assert first["enum"] == ["https://www.w3.org/ns/credentials/v2"]
    pattern = re.compile(second["pattern"])
    allowed = [url for url in CONTEXT_FILES if pattern.match(url)]
    assert len(allowed) == 4  # context.json and context-3.0.1/2/3.json


def test_context_file_contents_are_what_their_urls_say() -> None:
    v2 = context_document("https://www.w3.org/ns/credentials/v2")["@context"]
    assert (
        v2["VerifiableCredential"]["@id"]
        == "https://www.w3.org/2018/credentials#VerifiableCredential"
    )
    assert "DataIntegrityProof" in v2  # the v2 context carries the data-integrity terms
    di = context_document("https://w3id.org/security/data-integrity/v1")["@context"]
    # v1 of the data-integrity context: cryptosuite is a plain string, not cryptosuiteString
    assert (
        di["DataIntegrityProof"]["@context"]["cryptosuite"]
        == "https://w3id.org/security#cryptosuite"
    )
    ob303 = context_document("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
    assert "awardedDate" in ob303["@context"]
    ext = context_document("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json")
    assert "1EdTechJsonSchemaValidator2019" in ext["@context"]


def test_shipped_contexts_define_no_blank_node_terms() -> None:
    """dataintegrity relies on this to skip a second expansion for clean documents."""
    for entry in CONTEXT_FILES.values():
        text = STANDARDS.joinpath(*entry.path).read_text(encoding="utf-8")
        assert '"_:' not in text, entry.path


def test_loader_answers_in_pyld_shape() -> None:
    url = "https://www.w3.org/ns/credentials/v2"
    remote = load_document(url, {"headers": {}})
    assert remote["contextUrl"] is None
    assert remote["documentUrl"] == url
    assert remote["document"] == json.loads(
        STANDARDS.joinpath("w3c", "credentials-v2.jsonld").read_text()
    )


def test_loader_hands_out_copies() -> None:
    url = "https://www.w3.org/ns/credentials/examples/v2"
    first = load_document(url, {})
    first["document"]["@context"]["@vocab"] = "https://evil.example/#"
    assert load_document(url, {})["document"]["@context"]["@vocab"] == (
        "https://www.w3.org/ns/credentials/examples#"
    )


def test_unknown_url_is_refused_without_the_network() -> None:
    url = "https://example.org/contexts/unknown.jsonld"
    with pytest.raises(jsonld.JsonLdError) as caught:
        load_document(url, {})
    assert caught.value.code == "loading document failed"
    assert url in caught.value.args[0]
    assert caught.value.details == {"url": url}


def test_unknown_context_in_a_document_is_refused_by_name() -> None:
    url = "https://w3id.org/security/data-integrity/v2"
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", url], "name": "x"}
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(document, {"documentLoader": load_document})
    with pytest.raises(dataintegrity.ProofError, match="data-integrity/v2"):
        dataintegrity.canonicalize(document)


def test_pyld_default_loader_is_the_offline_one() -> None:
    # A call that forgets documentLoader still cannot reach the network.
    assert jsonld.get_document_loader() is load_document
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/other-context", "a": 1})


def test_open_badges_1_context_needs_a_context_we_do_not_have() -> None:
    """The OB 1.1 context imports legacy-v1, which is not shipped: an honest failure."""
    document = {"@context": "https://w3id.org/openbadges/v1", "uid": "abc"}
    with pytest.raises(dataintegrity.ProofError, match="legacy-v1"):
        dataintegrity.canonicalize(document)


def _tampered_tree(tmp_path: Path, relative: tuple[str, ...], change: bytes) -> Path:
    root = tmp_path / "resources"
    shutil.copytree(STANDARDS, root / "standards")
    target = root.joinpath("standards", *relative)
    target.write_bytes(target.read_bytes().replace(b"https://schema.org/name", change, 1))
    return root


def test_changed_context_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    root = _tampered_tree(tmp_path, ("w3c", "credentials-v2.jsonld"), b"https://evil.example/n")
    monkeypatch.setattr(contexts, "resource", lambda *parts: root.joinpath(*parts))
    with pytest.raises(ContextFileError, match="has been changed"):
        load_document("https://www.w3.org/ns/credentials/v2", {})
    # Untouched files still load from the same tree.
    assert load_document("https://www.w3.org/ns/did/v1", {})["document"]["@context"]


def test_changed_context_file_fails_signing_with_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    # A URL pyld has never cached, pointing at a changed copy of a real context.
    root = _tampered_tree(tmp_path, ("w3c", "credentials-v2.jsonld"), b"https://evil.example/n")
    url = "https://example.org/tests/tampered-context"
    table = dict(CONTEXT_FILES)
    table[url] = CONTEXT_FILES["https://www.w3.org/ns/credentials/v2"]
    monkeypatch.setattr(contexts, "CONTEXT_FILES", table)
    monkeypatch.setattr(contexts, "resource", lambda *parts: root.joinpath(*parts))
    with pytest.raises(dataintegrity.ProofError, match="has been changed") as caught:
        dataintegrity.check_no_dropped_terms({"@context": url, "name": "x"})
    assert not isinstance(caught.value, dataintegrity.DroppedTerms)


def test_missing_context_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    table = {"https://example.org/missing": ContextFile(("nowhere.jsonld",), "0" * 64)}
    monkeypatch.setattr(contexts, "CONTEXT_FILES", table)
    with pytest.raises(ContextFileError, match="cannot be read"):
        load_document("https://example.org/missing", {})


def test_verified_file_is_parsed_once(monkeypatch: pytest.MonkeyPatch, fresh_cache: None) -> None:
    reads: list[tuple[str, ...]] = []
    real = contexts._read_verified

    def counting(url: str, entry: ContextFile) -> Any:
        reads.append(entry.path)
        return real(url, entry)

    monkeypatch.setattr(contexts, "_read_verified", counting)
    for _ in range(3):
        load_document("https://www.w3.org/ns/credentials/v2", {})
    assert len(reads) == 1


def test_socket_guard_is_active() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443))


def test_credential_schema_is_the_address_1edtech_publishes() -> None:
    """Issue 12, item 27: verifiers fetch the schema from the published address."""
    from reviewer_app.credentials.ob3 import SCHEMA_ID
    from reviewer_app.credentials.schemas import shipped_schema

    assert SCHEMA_ID == (
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
        "ob_v3p0_achievementcredential_schema.json"
    )
    shipped = shipped_schema(SCHEMA_ID)
    assert shipped is not None
    schema = json.loads((STANDARDS / "ob3" / "schema" / shipped).read_text(encoding="utf-8"))
    assert "AchievementCredential" in schema["title"]
    assert shipped_schema(schema["$id"]) == shipped  # older credentials name the $id


def test_verify_says_when_a_credential_names_a_schema_not_shipped() -> None:
    from reviewer_app.credentials.verify_common import VerifyResult, check_schema

    result = VerifyResult(file="x")
    unknown = "https://schemas.example.org/other.json"
    check_schema({"credentialSchema": [{"id": unknown}]}, ["AchievementCredential"], result)
    assert any(c.ok is None and unknown in c.detail for c in result.checks)
