"""`issuer init`, `export`, `revoke` and `verify`: signed credentials from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer_app.cli.evidence_cmds import open_folder
from reviewer_app.cli.output import StderrProgress, cancel_on_interrupt, counted, print_json
from reviewer_app.cli.review_cmds import _actor
from reviewer_app.errors import UserError
from reviewer_app.vocabulary import OB3_PROOFS, CredentialFormat, Proof

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


def register(commands: Any) -> None:
    issuer = commands.add_parser("issuer", help="issuer profiles and signing keys")
    issuer_cmds = issuer.add_subparsers(dest="issuer_command", metavar="COMMAND", required=True)
    p = issuer_cmds.add_parser("init", help="create an issuer profile and its signing keys")
    p.add_argument("--name", required=True)
    p.add_argument("--url", required=True, help="the issuer's web address (https://...)")
    p.add_argument("--email")
    p.add_argument("--description")
    p.add_argument("--image", type=Path, help="the issuer's logo, a PNG or SVG file")
    p.add_argument(
        "--hosting-url",
        help="where the export's hosting/ folder will be served (default: --url)",
    )
    p.add_argument(
        "--did",
        choices=["key", "web"],
        default="key",
        help="the issuer's identifier: did:key (default, verifiable with no network) or "
        "did:web (for an issuer with its own domain)",
    )
    p.add_argument("--passphrase-file", type=Path, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_issuer_init)

    p = commands.add_parser("export", help="sign and write credentials for passing decisions")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--format", choices=list(CredentialFormat), default=CredentialFormat.OB3)
    p.add_argument("--proof", choices=list(OB3_PROOFS), default=Proof.DATA_INTEGRITY)
    p.add_argument("--passphrase-file", type=Path, required=True)
    p.add_argument(
        "--submission",
        action="append",
        dest="submissions",
        metavar="SUBMISSION_ID",
        help="export (again) exactly these submissions; repeat for several",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_export)

    p = commands.add_parser("revoke", help="revoke an issued credential")
    p.add_argument("submission_id")
    p.add_argument("--reason", required=True)
    p.add_argument("--format", choices=list(CredentialFormat), default=CredentialFormat.OB3)
    p.add_argument(
        "--out",
        type=Path,
        help="an export folder whose hosting/ files to bring up to date at once",
    )
    p.add_argument("--passphrase-file", type=Path, help="needed with --out (to sign the list)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_revoke)


def read_passphrase(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UserError(f"Cannot read the passphrase file {path}: {e.strerror}.") from None
    except UnicodeDecodeError:
        raise UserError(f"The passphrase file {path} is not UTF-8 text.") from None
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise UserError(f"The passphrase file {path} is empty: its first line is the passphrase.")
    return passphrase


def run_issuer_init(args: argparse.Namespace) -> int:
    from reviewer_app.credentials.issuers import create_issuer

    passphrase = read_passphrase(args.passphrase_file)
    image = None
    if args.image is not None:
        try:
            image = args.image.read_bytes()
        except OSError as e:
            raise UserError(f"Cannot read the image {args.image}: {e.strerror}.") from None
    notes: list[str] = []
    with open_folder(args) as folder:
        issuer_id = create_issuer(
            folder,
            name=args.name,
            url=args.url,
            email=args.email,
            description=args.description,
            base_url=args.hosting_url,
            did_method=args.did,
            image=image,
            passphrase=passphrase,
            actor=_actor(),
            notes=notes,
        )
        from reviewer_app.credentials.queries import issuer_did_of

        did = issuer_did_of(folder, issuer_id)
    for note in notes:
        print(f"reviewer-app: note: {note}", file=sys.stderr)
    if args.json:
        print_json({"id": issuer_id, "did": did})
    else:
        print(f"issuer {issuer_id} created: {did}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from reviewer_app.credentials.export import export

    passphrase = read_passphrase(args.passphrase_file)
    progress = StderrProgress()
    with open_folder(args) as folder, cancel_on_interrupt() as cancel:
        result = export(
            folder,
            args.out,
            passphrase=passphrase,
            actor=_actor(),
            fmt=CredentialFormat(args.format),
            proof=Proof(args.proof),
            submission_ids=args.submissions,
            progress=progress,
            cancel=cancel,
        )
    progress.finish()
    if args.json:
        print_json(
            {
                "out": str(result.out),
                "exported": [
                    {
                        "submission_id": e.submission_id,
                        "credential_id": e.credential_id,
                        "files": list(e.files),
                    }
                    for e in result.exported
                ],
                "hosting": result.hosting,
            }
        )
    else:
        for e in result.exported:
            print(f"exported  {e.submission_id}  {e.files[0]}")
        print(
            f"{counted(len(result.exported), 'credential')} in {result.out}; publish hosting/ as "
            "PUBLISH.html says",
            file=sys.stderr,
        )
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from reviewer_app.credentials.revoke import revoke

    passphrase = read_passphrase(args.passphrase_file) if args.passphrase_file else None
    if args.out is not None and passphrase is None:
        raise UserError("--out needs --passphrase-file: the status list is signed again.")
    with open_folder(args) as folder:
        credential_id = revoke(
            folder,
            args.submission_id,
            args.reason,
            actor=_actor(),
            fmt=CredentialFormat(args.format),
            out=args.out,
            passphrase=passphrase,
        )
    if args.json:
        print_json({"submission_id": args.submission_id, "credential_id": credential_id})
    else:
        print(f"revoked   {args.submission_id}  {credential_id}")
    return 0


def register_verify(commands: Any) -> None:
    p = commands.add_parser(
        "verify", help="check signed credentials (JSON, JWT/JWS, baked PNG or SVG) offline"
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--hosting",
        type=Path,
        metavar="DIR",
        help="a folder laid out like an export's hosting/, for keys, DID documents and "
        "status lists published at https addresses",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_verify)


def _existing_folder(args: argparse.Namespace) -> DataFolder | None:
    """The data folder, for the issuers' keys it holds, when there is one. Verifying
    needs none (did:key and hosting files suffice), so none is ever created for it."""
    from reviewer_app.storage.datafolder import DATABASE_NAME, default_data_dir

    root = (args.data_dir or default_data_dir()).expanduser()
    if not (root / DATABASE_NAME).is_file():
        return None
    try:
        return open_folder(args)
    except UserError:
        return None


def run_verify(args: argparse.Namespace) -> int:
    from reviewer_app.credentials.verify import chain, hosting_fetcher, verify_file

    sources = []
    if args.hosting is not None:
        if not args.hosting.is_dir():
            raise UserError(f"The hosting folder {args.hosting} does not exist.")
        sources.append(hosting_fetcher(args.hosting))
    folder = _existing_folder(args)
    try:
        if folder is not None:
            from reviewer_app.credentials.local_store import store_fetcher

            sources.append(store_fetcher(folder))
        fetch = chain(*sources)
        results = [verify_file(path, fetch) for path in args.files]
    finally:
        if folder is not None:
            folder.close()
    if args.json:
        print_json(
            [
                {
                    "file": r.file,
                    "valid": r.valid,
                    "format": r.format,
                    "error": r.error,
                    "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in r.checks],
                }
                for r in results
            ]
        )
    else:
        for r in results:
            print(f"{'valid  ' if r.valid else 'INVALID'}  {r.file}  ({r.format})")
            for c in r.checks:
                mark = {True: "ok  ", False: "FAIL", None: "--  "}[c.ok]
                print(f"    {mark} {c.name}: {c.detail}")
    return 0 if all(r.valid for r in results) else 1
