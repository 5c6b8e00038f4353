"""The three shapes of the bundle format: manifest bundle, loose bundle, and batch.

`open_bundles()` turns a path the person chose into the bundles it holds, each to be
imported or rejected on its own: a batch yields one candidate per inner bundle, and a
broken inner bundle does not stop its siblings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.sources import BundleRejected, DirSource, Source, ZipSource
from reviewer_app.wording import translate

MANIFEST = "manifest.json"


@dataclass
class Candidate:
    source: Source
    shape: Literal["manifest", "loose"]

    def close(self) -> None:
        self.source.close()


def open_source(path: Path, limits: ImportLimits) -> Source:
    label = str(path)
    if path.is_symlink():
        path = path.resolve()  # the person chose it; only links inside bundles are refused
    if path.is_dir():
        return DirSource(path, label, path.name, limits)
    if not path.exists():
        raise BundleRejected(label, translate("BundleImport", "does not exist"))
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise BundleRejected(label, translate("BundleImport", "is not a zip file or a folder"))
    stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return ZipSource.open_path(path, label, stem, limits)


def _shape_of(source: Source) -> Literal["manifest", "loose"]:
    files, _folders = source.top_level()
    return "manifest" if MANIFEST in files else "loose"


def _is_batch(files: list[str], folders: list[str]) -> bool:
    if MANIFEST in files:
        return False
    return bool(files or folders) and all(f.lower().endswith(".zip") for f in files)


def _unwrap(source: Source) -> Source:
    """A zip made by compressing a folder holds that one folder: look inside it."""
    files, folders = source.top_level()
    if not files and len(folders) == 1:
        return source.sub(folders[0])
    return source


def open_bundles(
    path: Path, limits: ImportLimits, scratch: Path
) -> Iterator[Candidate | BundleRejected]:
    """Every bundle at `path`; the caller closes each candidate after use.

    `scratch` is a folder for nested zips extracted from a batch zip.
    """
    try:
        source = open_source(path, limits)
        files, folders = source.top_level()
    except BundleRejected as e:
        yield e
        return
    except OSError as e:
        why = translate("BundleImport", "cannot be read ({problem})").format(problem=e.strerror)
        yield BundleRejected(str(path), why)
        return
    if not files and not folders:
        source.close()
        yield BundleRejected(source.label, translate("BundleImport", "is empty"))
        return
    if not _is_batch(files, folders):
        yield Candidate(source, _shape_of(source))
        return
    try:
        for folder in folders:
            try:
                inner = source.sub(folder)
                yield Candidate(inner, _shape_of(inner))
            except BundleRejected as e:
                yield e
        for name in files:
            try:
                nested = source.nested_zip(name, scratch)
                owned = nested if nested.parent == scratch else None
                label = f"{source.label} > {name}"
                inner_zip = ZipSource.open_path(nested, label, name[:-4], limits, owned)
            except BundleRejected as e:
                yield e
                continue
            inner = _unwrap(inner_zip)
            yield Candidate(inner, _shape_of(inner))
            inner_zip.close()
    finally:
        source.close()
