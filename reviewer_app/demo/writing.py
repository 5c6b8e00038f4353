"""Writes bundles to disk: as zips (fixed timestamps) or folders, each in one step."""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reviewer_app.demo.manifest import FileSource, manifest_entries, read_source

# Zip entries get a fixed timestamp: the wall clock would break byte-identical output.
ZIP_DATE_TIME = (2026, 10, 1, 12, 0, 0)
_JPEG_MAGIC = b"\xff\xd8\xff"


def _zip_info(name: str, data: bytes) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    # Exporters store JPEGs as they are: deflating them gains nothing.
    jpeg = data.startswith(_JPEG_MAGIC)
    info.compress_type = zipfile.ZIP_STORED if jpeg else zipfile.ZIP_DEFLATED
    return info


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield a temporary sibling of `out`, renamed to `out` only once fully written."""
    if out.exists():
        raise FileExistsError(f"{out} already exists; write demo bundles into a fresh folder")
    partial = out.with_name(f".{out.name}.partial")
    if partial.is_dir():
        shutil.rmtree(partial)
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, out)
    except BaseException:
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.unlink(missing_ok=True)
        raise


def write_zip_entries(archive: zipfile.ZipFile, entries: Mapping[str, FileSource]) -> None:
    """Add `entries` to an open archive, in order, as regular files."""
    for name, source in entries.items():
        data = read_source(source)
        archive.writestr(_zip_info(name, data), data)


def _write_folder(target: Path, entries: Mapping[str, FileSource]) -> None:
    target.mkdir(parents=True)
    for name, source in entries.items():
        destination = target.joinpath(*name.split("/"))
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(read_source(source))


def write_bundle_files(out: Path, entries: Mapping[str, FileSource], *, as_zip: bool) -> Path:
    """Write `entries` (POSIX path inside the bundle -> bytes or a file to copy) to `out`.

    With `as_zip`, `out` is a zip file (JPEGs stored, everything else deflated, fixed
    timestamps); otherwise a folder. Nothing is checked or added: use it for loose
    bundles, batches and deliberately broken bundles. Raises FileExistsError if `out`
    exists; `out` appears only once complete.
    """
    with staged(out) as partial:
        if as_zip:
            with zipfile.ZipFile(partial, "w") as archive:
                write_zip_entries(archive, entries)
        else:
            _write_folder(partial, entries)
    return out


def write_manifest_bundle(
    out: Path,
    manifest_fields: Mapping[str, Any],
    files: Mapping[str, FileSource],
    *,
    as_zip: bool,
) -> Path:
    """Write a manifest bundle to `out` (a `.zip` file or a folder) and return `out`.

    `manifest_fields` is the manifest as a dict; each file item of its `evidence` that has
    no `sha256` gets the SHA-256 of `files[item["path"]]`, computed here. An item that
    already carries a `sha256` keeps it, so a test can list a missing file or a wrong
    hash. `files` maps POSIX paths inside the bundle to bytes or to a file to copy; files
    that no item lists are written too (the importer ignores them with a warning).
    Raises KeyError for an unhashed item whose path is not in `files`.
    """
    return write_bundle_files(out, manifest_entries(manifest_fields, files), as_zip=as_zip)
