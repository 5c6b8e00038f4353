"""A smaller ICU data library for the Linux bundle (used by portfolio-reviewer.spec).

Qt's Linux wheels link ICU, and ICU's data (`libicudata.so.NN`, ~32 MB) is one symbol,
`icudtNN_dat`: a "common data" package, a table of contents followed by the data items
(`coll/es.res`, `brkitr/cjdict.dict`, ...). QtCore calls only ICU's collation (QCollator),
converters (QStringConverter for encodings Qt has no code for), case mapping
(QLocale::toUpper/toLower) and calendar/time-zone functions (QTimeZone's names); see
`objdump -T libQt6Core.so.6 | grep _73`. `trim` rewrites the package without the item
folders that back ICU services Qt never calls, and `build_library` wraps it in a shared
library with the same name and symbol, made with binutils' `as` and `ld`.

The package format is ICU's (source/common/ucmndata.h): a header (its size in the first
two bytes, the `CmnD` data format), then `count` and `count` pairs of (name offset, data
offset), both counted from the end of the header, the names, then the items, each at a
16-byte boundary. Names are sorted: ICU finds items by binary search.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# Item name prefixes (after the package's own `icudtNNl/`) that are left out, with the ICU
# service that reads them. None of these services is called by Qt, so no Qt feature reads
# them; ICU answers a lookup of a missing item with an error, and its callers fall back.
DROPPED = {
    "brkitr/": "break iteration and its dictionaries (Qt finds word/line breaks itself)",
    "unit/": "measurement unit names (number formatting)",
    "curr/": "currency names (number formatting)",
    "lang/": "language display names (uloc_getDisplayLanguage)",
    "region/": "country display names (uloc_getDisplayCountry)",
    "translit/": "transliteration",
    "rbnf/": "spelled-out numbers (rule-based number format)",
    "unames.icu": "character names (u_charName)",
    "confusables.cfu": "spoof checking",
    "uts46.nrm": "IDNA (Qt has its own, for QUrl)",
    ".spp": "StringPrep profiles (IDNA, SASL, LDAP, XMPP)",
}


def _dropped(name: str) -> bool:
    return any(name.startswith(p) or (p.startswith(".") and name.endswith(p)) for p in DROPPED)


def read_items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package (little-endian CmnD)")
    (count,) = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        start = header_size + name_offset
        name = data[start : data.index(b"\0", start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_offset : header_size + end]))
    return data[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package holding `items`, in the order given (sorted by name)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    first = toc_size + len(names)
    first += -(len(header) + first) % 16
    entries, name_offset, data_offset = [], toc_size, first
    for name, item in items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name) + 1
        data_offset += len(item) + (-len(item) % 16)
    out = bytearray(header)
    out += struct.pack("<I", len(items)) + b"".join(entries) + names
    out += b"\xaa" * (len(header) + first - len(out))
    for _, item in items:
        out += item + b"\xaa" * (-len(item) % 16)
    return bytes(out)


def trim(data: bytes) -> tuple[bytes, int]:
    """The package without the DROPPED items, and how many bytes that saved."""
    header, items = read_items(data)
    # Names are `icudt73l/coll/es.res`: the first folder is the package's own name.
    kept = [(n, b) for n, b in items if not _dropped(n.split("/", 1)[-1])]
    if not any(n.endswith("/coll/root.res") for n, _ in kept):
        raise ValueError("ICU package without collation data: not the one expected")
    out = write_items(header, kept)
    return out, len(data) - len(out)


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size in ICU's data library."""
    syms = subprocess.run(
        ["readelf", "-W", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = [line.split() for line in syms.splitlines() if line.rstrip().endswith("_dat")]
    if len(found) != 1:
        raise ValueError(f"{library}: expected one icudtNN_dat symbol, found {len(found)}")
    address, size, name = int(found[0][1], 16), int(found[0][2], 0), found[0][7]
    sections = subprocess.run(
        ["readelf", "-W", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, address - section_address + section_offset, size
    raise ValueError(f"{library}: no .rodata section")


def _soname(library: Path) -> str:
    dynamic = subprocess.run(
        ["readelf", "-W", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in dynamic.splitlines():
        if "(SONAME)" in line:
            return line.split("[", 1)[1].rstrip("]")
    return library.name


def build_library(original: Path, out: Path) -> int:
    """Writes to `out` ICU's data library `original` with its package trimmed; returns
    the bytes saved. Needs binutils (readelf, as, ld)."""
    name, offset, size = _symbol(original)
    with original.open("rb") as f:
        f.seek(offset)
        data = f.read(size)
    trimmed, _ = trim(data)
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise FileNotFoundError("binutils' as and ld")
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "data.bin"
        package.write_bytes(trimmed)
        source = Path(tmp) / "data.s"
        source.write_text(
            "\t.section .rodata\n"
            "\t.balign 16\n"
            f"\t.globl {name}\n"
            f'\t.type {name}, "object"\n'
            f"{name}:\n"
            f'\t.incbin "{package}"\n'
            f"\t.size {name}, . - {name}\n"
            '\t.section .note.GNU-stack,"",%progbits\n'
        )
        obj = Path(tmp) / "data.o"
        subprocess.run([assembler, "-o", str(obj), str(source)], check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [linker, "-shared", "--hash-style=both", "-soname", _soname(original),
             "-o", str(out), str(obj)],
            check=True,
        )  # fmt: skip
    return original.stat().st_size - out.stat().st_size
