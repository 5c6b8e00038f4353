"""The three shapes of the bundle format: manifest bundle, loose bundle, and batch.

`open_bundles()` turns a path the person chose into the bundles it holds, each to be
imported or rejected on its own: a batch yields one candidate per inner bundle, and a
broken inner bundle does not stop its siblings. What people leave beside the bundles of
a batch (README files, .DS_Store, Thumbs.db, desktop.ini, __MACOSX) does not make it a
loose bundle: it is skipped, and the report names it with the reason.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.report import SkippedFile
from reviewer_app.evidence.sources import BundleRejected, DirSource, Source, ZipSource
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from reviewer_app.evidence.plan import SubmissionPlan

MANIFEST = "manifest.json"


@dataclass
class Candidate:
    source: Source
    shape: Literal["manifest", "loose"]
    # Plans a submission that is not a bundle (a learning platform's download) from its
    # source; bundles are planned by `plan_bundle`.
    planner: Callable[[Source], SubmissionPlan] | None = None

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


def clutter_reason(name: str) -> str | None:
    """Why `name`, at the top of a batch, is not a bundle; None when it may be one."""
    if name == "__MACOSX":
        return translate("BundleImport", "a folder the Mac archive tool adds, not a bundle")
    if name == ".DS_Store":
        return translate("BundleImport", "a file the Mac Finder keeps, not a bundle")
    if name == "Thumbs.db":
        return translate("BundleImport", "a Windows thumbnail cache, not a bundle")
    if name == "desktop.ini":
        return translate("BundleImport", "a Windows folder setting, not a bundle")
    if name.startswith("._"):
        return translate("BundleImport", "a Mac resource fork, not a bundle")
    if name.startswith("."):
        return translate("BundleImport", "a hidden file, not a bundle")
    if _README.match(name):
        return translate("BundleImport", "a README file, not a bundle")
    return None


# README, readme.txt, Read Me.md, READ_ME.pdf: notes for whoever unpacks the batch.
_README = re.compile(r"^read[ _-]?me(\.[^.]*)?$", re.IGNORECASE)


def _is_batch(source: Source, files: list[str], folders: list[str]) -> bool:
    """A batch holds bundles only, beside clutter: bundle zips (and folders) and no other
    file. A folder holding evidence files and a README is one loose bundle; so is one
    holding sub-folders and a README, unless a sub-folder is a manifest bundle."""
    if MANIFEST in files:
        return False
    bundles = [f for f in files if clutter_reason(f) is None]
    if not (bundles or folders) or not all(f.lower().endswith(".zip") for f in bundles):
        return False
    if len(bundles) == len(files) or bundles:
        return True
    return any(_is_manifest_bundle(source, folder) for folder in folders)


def _is_manifest_bundle(source: Source, folder: str) -> bool:
    try:
        inner = source.sub(folder)
        try:
            return MANIFEST in inner.top_level()[0]
        finally:
            inner.close()
    except (BundleRejected, OSError):
        return False


def _skipped(source: Source, files: list[str]) -> list[SkippedFile]:
    """What a batch holds beside its bundles, each with why it is left."""
    out = []
    for name in sorted({*source.top_level_junk(), *files}):
        reason = clutter_reason(name)
        if reason is not None:
            out.append(SkippedFile(f"{source.label} > {name}", reason))
    return out


def _unwrap(source: Source) -> Source:
    """A zip made by compressing a folder holds that one folder: look inside it."""
    files, folders = source.top_level()
    if not files and len(folders) == 1:
        return source.sub(folders[0])
    return source


Found = Candidate | BundleRejected | SkippedFile
Opener = Callable[[Path, ImportLimits, Path], Iterator[Found]]


def open_bundles(path: Path, limits: ImportLimits, scratch: Path) -> Iterator[Found]:
    """Every bundle at `path`, and what a batch holds beside them (a README, a
    .DS_Store) as skipped; the caller closes each candidate after use.

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
    if not _is_batch(source, files, folders):
        yield Candidate(source, _shape_of(source))
        return
    try:
        yield from _skipped(source, files)
        files = [f for f in files if clutter_reason(f) is None]
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
