"""The one zip policy, each check on both paths that read zips from outside: evidence
bundles (the importer) and review packets (open_archive)."""

from __future__ import annotations

import io
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer_app import zipsafety
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.packets.manifest import (
    PACKET_FORMAT,
    ArchiveLimits,
    ArchiveRejected,
    open_archive,
)
from reviewer_app.storage.datafolder import DataFolder
from tests import craft

Build = Callable[[Path], None]


def _entry(z: zipfile.ZipFile, name: str, data: bytes = b"x", mode: int | None = None) -> None:
    info = zipfile.ZipInfo("placeholder")
    info.filename = name  # ZipInfo() would clean the name; an attacker's tool does not
    info.compress_type = zipfile.ZIP_DEFLATED
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    z.writestr(info, data)


def _zip(*entries: tuple[str, bytes, int | None]) -> Build:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            _entry(z, "notes.txt", b"my reflection")
            for name, data, mode in entries:
                _entry(z, name, data, mode)

    return build


def _truncated(path: Path) -> None:
    """A zip cut short right after a stored inner zip: zipfile then reads the inner one
    as if it were the whole file, with everything before it taken as a prefix."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("notes.txt", b"not what was sent")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("notes.txt", b"my reflection " * 20)
        z.writestr("inner.zip", inner.getvalue())
    data = outer.getvalue()
    path.write_bytes(data[: data.find(inner.getvalue()) + len(inner.getvalue())])


def _empty_name(path: Path) -> None:
    """A last entry whose name is empty (zipfile will not write one): its name byte cut
    from both headers, and the central directory's offset and size mended."""
    _zip(("e", b"x", None))(path)
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    local = struct.unpack_from("<I", data, central + 42)[0]
    struct.pack_into("<H", data, central + 28, 0)
    del data[central + 46]
    struct.pack_into("<H", data, local + 26, 0)
    del data[local + 30]
    end = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end + 12)
    struct.pack_into("<II", data, end + 12, size - 1, offset - 1)
    path.write_bytes(bytes(data))


def _encrypted(path: Path) -> None:
    _zip(("secret.txt", b"hidden", None))(path)
    craft.patch_entry(path, "secret.txt", flag_bits=0x1)


def _twice(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it writes
        _zip(("notes2.txt", b"a", None), ("notes2.txt", b"b", None))(path)


CASES: dict[str, tuple[Build, str, str]] = {
    # check: (builder, evidence words, packet words)
    "truncated": (_truncated, "damaged or incomplete", "damaged or incomplete"),
    "too_many": (
        _zip(*[(f"f{n}.txt", b"x", None) for n in range(5)]),
        "entries, more than the limit of 4",
        "entries, more than the limit of 4",
    ),
    "empty": (_empty_name, "an empty name", "an empty name"),
    "backslash": (_zip(("docs\\plan.txt", b"x", None)), "backslash", "backslash"),
    "absolute": (_zip(("/etc/cron.d/job", b"x", None)), "absolute path", "absolute path"),
    "parent": (_zip(("../../.bashrc", b"x", None)), "'..' segment", "'..' segment"),
    "link": (
        _zip(("key", b"/root/.ssh/id_rsa", stat.S_IFLNK | 0o777)),
        "symbolic link",
        "symbolic link",
    ),
    "special": (
        _zip(("pipe", b"", stat.S_IFIFO | 0o644)),
        "not a regular file (a device, pipe or socket)",
        "not a regular file (a device, pipe or socket)",
    ),
    "encrypted": (_encrypted, "is encrypted", "is encrypted"),
    "twice": (_twice, "appears twice in the zip", "appears twice in the zip"),
    "ratio": (_zip(("video.mp4", bytes(5_000_000), None)), "(a zip bomb)", "(a zip bomb)"),
}


def test_every_check_is_covered() -> None:
    assert sorted(CASES) == sorted(set(zipsafety.CODES) - {"nul"})


@pytest.mark.parametrize("check", sorted(CASES))
def test_the_evidence_importer_refuses(folder: DataFolder, tmp_path: Path, check: str) -> None:
    build, words, _ = CASES[check]
    path = tmp_path / "Ana Lima.zip"
    build(path)
    report = Importer(folder, ImportLimits(max_entries=4)).import_paths([path])
    assert report.imported == [], report
    [rejection] = report.rejected
    assert words in rejection.error, rejection.error
    assert str(path) in rejection.error


@pytest.mark.parametrize("check", sorted(CASES))
def test_the_packet_reader_refuses(tmp_path: Path, check: str) -> None:
    build, _, words = CASES[check]
    path = tmp_path / "packet.zip"
    build(path)
    with (
        pytest.raises(ArchiveRejected) as e,
        open_archive(path, "packet.zip", PACKET_FORMAT, ArchiveLimits(max_entries=4)),
    ):
        pass
    assert words in str(e.value), str(e.value)


def test_a_nul_in_a_name_is_refused() -> None:
    # zipfile itself cuts names at a NUL when it reads them; the policy holds anyway.
    with pytest.raises(zipsafety.ZipProblem) as e:
        zipsafety.check_name("photo.jpg\x00.exe")
    assert e.value.code == "nul"


def test_the_ratio_says_how_much(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    _zip(("video.mp4", bytes(5_000_000), None))(path)
    with zipfile.ZipFile(path) as z, pytest.raises(zipsafety.ZipProblem) as e:
        zipsafety.check_ratio(z.getinfo("video.mp4"), 200)
    assert e.value.size == 5_000_000 and e.value.ratio > 200
