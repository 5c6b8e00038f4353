"""Runs the IMS Open Badges 2.0 validator (openbadges 1.1.2) on one badge, offline.

Run with the validator's own environment (scripts/ob2_validator.sh makes it):

    .venv-ob2/bin/python tests/ob2_validator/run_validator.py INPUT \
        --hosting DIR --base-url URL [--recipient-email EMAIL | --recipient-url URL]

INPUT is a baked PNG or SVG, or a file holding a compact JWS. Every HTTP request the
validator makes is answered here: URLs under --base-url from the files under --hosting,
the Open Badges JSON-LD contexts from resources/standards/ob2/context/; anything else is
refused, and so is any socket connection, so nothing reaches the network. Prints the
validator's report, with what was served and refused, as JSON; exits 0 when the badge is
valid with no errors and nothing was refused, 1 otherwise, 2 on bad arguments.

Not a test module (pytest never imports it): the app's tests run it as a subprocess.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import socket
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import requests
import requests.adapters
from requests.structures import CaseInsensitiveDict

REPO = Path(__file__).resolve().parents[2]
CONTEXT_DIR = REPO / "resources" / "standards" / "ob2" / "context"
# The context URLs the validator (and badges) name, and the shipped copy of each.
CONTEXTS = {
    "https://w3id.org/openbadges/v2": "v2-context.json",
    "http://w3id.org/openbadges/v2": "v2-context.json",
    "https://openbadgespec.org/v2/context.json": "v2-context.json",
    "https://w3id.org/openbadges/v1": "v1-context.json",
    "http://w3id.org/openbadges/v1": "v1-context.json",
}
CONTENT_TYPES = {
    ".json": "application/ld+json",
    ".jsonld": "application/ld+json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


class Refused(requests.ConnectionError):
    """A request for something this run does not serve (the validator reports a
    ConnectionError as a failed fetch, which is what this is)."""


class OfflineWeb:
    """Answers URLs from the hosting folder and the shipped contexts, and records them."""

    def __init__(self, hosting: Path, base_url: str) -> None:
        self.hosting = hosting.resolve()
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.served: list[str] = []
        self.missing: list[str] = []
        self.refused: list[str] = []

    def answer(self, url: str) -> tuple[int, bytes, str]:
        """(status, body, content type) for `url`; raises Refused for the outside world."""
        plain = url.split("#", 1)[0]
        if plain in CONTEXTS:
            self.served.append(url)
            return 200, (CONTEXT_DIR / CONTEXTS[plain]).read_bytes(), "application/ld+json"
        if plain.startswith(self.base_url):
            relative = unquote(urlsplit(plain).path).removeprefix(
                unquote(urlsplit(self.base_url).path)
            )
            path = (self.hosting / relative).resolve()
            if path.is_relative_to(self.hosting) and path.is_file():
                self.served.append(url)
                kind = CONTENT_TYPES.get(path.suffix.lower()) or (
                    mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                )
                return 200, path.read_bytes(), kind
            self.missing.append(url)
            return 404, b"Not Found", "text/plain"
        self.refused.append(url)
        raise Refused(f"offline run: refused to fetch {url} (not under the hosting URL)")


class OfflineAdapter(requests.adapters.BaseAdapter):
    """A requests transport that never opens a connection."""

    def __init__(self, web: OfflineWeb) -> None:
        super().__init__()
        self.web = web

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        url = request.url or ""
        status, body, kind = self.web.answer(url)
        response = requests.Response()
        response.status_code = status
        response.reason = "OK" if status == 200 else "Not Found"
        response.headers = CaseInsensitiveDict({"Content-Type": kind})
        response._content = body
        response.encoding = "utf-8"
        response.url = url
        response.request = request
        return response

    def close(self) -> None:
        pass


def go_offline(web: OfflineWeb) -> None:
    """Mounts the offline transport on every requests Session (requests_cache's
    CachedSession is one), points PyLD's default loader at it, and refuses sockets."""
    adapter = OfflineAdapter(web)
    original_init = requests.Session.__init__

    def init(self: requests.Session, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    requests.Session.__init__ = init  # type: ignore[method-assign]

    from pyld import jsonld

    def load_document(url: str) -> dict[str, Any]:
        try:
            _, body, _ = web.answer(url)
        except Refused as refused:
            raise jsonld.JsonLdError(
                str(refused), "jsonld.LoadDocumentError", code="loading document failed"
            ) from None
        return {"contextUrl": None, "documentUrl": url, "document": body.decode("utf-8")}

    jsonld.set_document_loader(load_document)

    def no_connection(*args: Any, **kwargs: Any) -> None:
        raise OSError("offline run: network connections are refused")

    socket.create_connection = no_connection  # type: ignore[assignment]
    socket.socket.connect = no_connection  # type: ignore[method-assign,assignment]


def _json_default(value: object) -> object:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (set, tuple)):
        return list(value)
    return repr(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("input", type=Path, help="a baked PNG/SVG, or a file holding a JWS")
    parser.add_argument("--hosting", type=Path, required=True, help="the hosting folder")
    parser.add_argument("--base-url", required=True, help="the URL the folder is served at")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--recipient-email", help="check the badge was awarded to this email")
    who.add_argument("--recipient-url", help="check the badge was awarded to this URL")
    args = parser.parse_args(argv)
    if not args.hosting.is_dir():
        parser.error(f"--hosting {args.hosting} is not a folder")
    if not (CONTEXT_DIR / "v2-context.json").is_file():
        parser.error(f"the Open Badges contexts are missing from {CONTEXT_DIR}")

    web = OfflineWeb(args.hosting, args.base_url)
    go_offline(web)

    recipient: dict[str, str] | None = None
    if args.recipient_email:
        recipient = {"email": args.recipient_email}
    elif args.recipient_url:
        recipient = {"url": args.recipient_url}

    data = args.input.read_bytes()
    if data.startswith(b"\x89PNG\r\n\x1a\n") or b"<svg" in data[:1024]:
        with args.input.open("rb") as image:  # the validator unbakes file objects
            result, tasks = verify(image, recipient)
    else:
        result, tasks = verify(data.decode("utf-8").strip(), recipient)

    # A task whose prerequisites never completed is not reported by the validator at
    # all: list them, since such a check (say, the signature's) did not happen.
    incomplete = [t["name"] for t in tasks if not t["complete"]]
    result["tasks"] = tasks
    result["incompleteTasks"] = incomplete
    result["offline"] = {"served": web.served, "missing": web.missing, "refused": web.refused}
    json.dump(result, sys.stdout, indent=2, sort_keys=True, default=_json_default)
    sys.stdout.write("\n")
    report = result.get("report", {})
    ok = report.get("valid") is True and report.get("errorCount") == 0
    return 0 if ok and not incomplete and not web.refused else 1


def verify(badge_input: object, recipient: dict[str, str] | None) -> tuple[dict[str, Any], list]:
    """What `openbadges.verify(badge_input, recipient)` does, step by step, keeping the
    task list it discards: (its report, every task's name, outcome and message)."""
    from openbadges.verifier.verifier import _get_options, generate_report, verification_store

    options = _get_options({})  # the validator's defaults: in-memory requests_cache
    store = verification_store(badge_input, recipient, options=options)
    tasks = [
        {
            "name": t.get("name"),
            "complete": bool(t.get("complete")),
            "success": t.get("success"),
            "result": t.get("result", ""),
        }
        for t in store.get_state()["tasks"]
    ]
    return generate_report(store, options=options), tasks


if __name__ == "__main__":
    sys.exit(main())
