#!/usr/bin/env python3
"""Builds Portfolio Reviewer as a one-folder PyInstaller bundle and packs it for this OS.

    python build_installer.py [--fresh] [--venv DIR] [--build-dir DIR] [--dist-dir DIR]

Steps: a clean virtual environment (build/venv) with only the hash-pinned runtime
dependencies (requirements/runtime.lock) plus PyInstaller (requirements/build-installer.lock);
the project installed into it as a regular (non-editable) package; PyInstaller run on
packaging/portfolio-reviewer.spec; then, by platform:

- Linux:   dist/portfolio-reviewer-<version>-linux-<arch>.tar.gz (bundle, .desktop, icon,
           install.sh)
- Windows: dist/portfolio-reviewer-<version>-windows-<arch>-setup.exe (Inno Setup; needs iscc)
- macOS:   dist/portfolio-reviewer-<version>-macos-<arch>.dmg (a .app, made with hdiutil)

The venv is reused while the lock files are unchanged (--fresh rebuilds it). See
docs/installing.md.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import platform
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "portfolio-reviewer.spec"
LOCKS = [ROOT / "requirements" / "runtime.lock", ROOT / "requirements" / "build-installer.lock"]
BUNDLE_NAME = "portfolio-reviewer"  # the folder COLLECT writes, see the spec
ICON = ROOT / "resources" / "icons" / "portfolio-reviewer.png"
# Used when the tree is not a git checkout (e.g. an unpacked source archive), so that the
# archive's timestamps are still fixed: 2025-01-01T00:00:00Z.
FALLBACK_EPOCH = 1735689600


def log(message: str) -> None:
    print(f"build_installer: {message}", file=sys.stderr, flush=True)


def run(cmd: list[str | Path], **kwargs: object) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def venv_python(venv: Path) -> Path:
    if sys.platform == "win32":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def source_date_epoch() -> int:
    """The time of the last commit, so rebuilding one commit gives the same timestamps."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK_EPOCH


def make_venv(venv: Path, fresh: bool) -> Path:
    """A venv holding only the locked runtime and build dependencies, and the project."""
    python = venv_python(venv)
    digest = hashlib.sha256()
    for lock in LOCKS:
        digest.update(lock.read_bytes())
    digest.update(f"{sys.version_info[:2]}".encode())
    stamp = venv / ".build-installer-locks"
    done = stamp.read_text().strip() if stamp.exists() else ""
    if fresh or not python.exists() or done != digest.hexdigest():
        if venv.exists():
            shutil.rmtree(venv)
        log(f"creating a clean virtual environment in {venv}")
        run([sys.executable, "-m", "venv", venv])
        pip: list[str | Path] = [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
        ]
        # Two steps: build-installer.lock repeats packages of runtime.lock (setuptools),
        # which pip refuses to see twice in one --require-hashes install.
        for lock in LOCKS:
            run([*pip, "--require-hashes", "-r", lock])
        stamp.write_text(digest.hexdigest() + "\n")
    # The project itself changes between builds, so it is reinstalled every time; built
    # from a copy so that setuptools' build/ and .egg-info stay out of the source tree.
    src = BUILD / "src"
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "build", "dist", "demo-data", "bench", "tests", "docs",
            "__pycache__", "*.egg-info", ".*_cache", ".hypothesis", "resources",
        ),
    )  # fmt: skip
    run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "--no-index", "--force-reinstall", src],
        cwd=BUILD,
    )  # fmt: skip
    shutil.rmtree(src)
    return python


def app_version(python: Path) -> str:
    # Run outside the source tree so the installed package, not the checkout, answers.
    out = subprocess.run(
        [str(python), "-c", "import reviewer_app; print(reviewer_app.version())"],
        cwd=BUILD,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def freeze(python: Path, version: str, epoch: int) -> Path:
    env = dict(os.environ)
    env.update(
        SOURCE_DATE_EPOCH=str(epoch),
        PYTHONHASHSEED="0",  # set iteration order, for a stable module order in the archive
        REVIEWER_APP_SOURCE=str(ROOT),
        REVIEWER_APP_VERSION=version,
    )
    env.pop("PYTHONPATH", None)
    dist, work = BUILD / "pyinstaller" / "dist", BUILD / "pyinstaller" / "work"
    run(
        [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work, SPEC],
        cwd=BUILD,  # not the source root, which would shadow the installed package
        env=env,
    )  # fmt: skip
    return dist


@dataclass
class Elf:
    """What strip_binaries needs to know of a 64-bit little-endian ELF shared object."""

    sections: list[str]  # names
    loads: list[tuple[int, int, int, int]]  # PT_LOAD: offset, address, file size, align
    search_paths: list[str]  # DT_RPATH and DT_RUNPATH


def read_elf(path: Path) -> Elf | None:
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None  # not ELF, or 32-bit or big-endian: left alone
    phoff, shoff = struct.unpack_from("<QQ", data, 0x20)
    phentsize, phnum, shentsize, shnum, shstrndx = struct.unpack_from("<HHHHH", data, 0x36)
    loads: list[tuple[int, int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        kind, _, offset, address, _, filesz, _, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize
        )
        if kind == 1:  # PT_LOAD
            loads.append((offset, address, filesz, align))
        elif kind == 2:  # PT_DYNAMIC
            dynamic = (offset, filesz)
    tags: list[tuple[int, int]] = []
    if dynamic is not None:
        for at in range(dynamic[0], dynamic[0] + dynamic[1], 16):
            tags.append(struct.unpack_from("<qQ", data, at))
    strtab = next((value for tag, value in tags if tag == 5), None)  # DT_STRTAB, an address
    search_paths = []
    for offset, address, filesz, _ in loads:
        if strtab is not None and address <= strtab < address + filesz:
            at = strtab - address + offset
            for tag, value in tags:
                if tag in (15, 29):  # DT_RPATH, DT_RUNPATH
                    end = data.index(b"\0", at + value)
                    search_paths.append(data[at + value : end].decode("utf-8", "replace"))
            break
    sections = []
    if shoff and shstrndx < shnum:
        names_at = struct.unpack_from("<Q", data, shoff + shstrndx * shentsize + 0x18)[0]
        for i in range(shnum):
            name = struct.unpack_from("<I", data, shoff + i * shentsize)[0]
            end = data.index(b"\0", names_at + name)
            sections.append(data[names_at + name : end].decode("ascii", "replace"))
    return Elf(sections, loads, search_paths)


def loadable(elf: Elf, size: int) -> bool:
    """What the dynamic loader checks of each segment (a stripped library patched by
    patchelf fails here: "ELF load command address/offset not page-aligned")."""
    return all(
        offset + filesz <= size and (align <= 1 or offset % align == address % align)
        for offset, address, filesz, align in elf.loads
    )


def strip_binaries(bundle: Path) -> None:
    """Strips symbol tables and debug information from the bundle's shared libraries.

    Python built from source keeps its debug symbols (libpython alone is ~23 MB instead of
    ~6), and so do some wheels' compiled modules: SQLAlchemy's Cython modules (8 MB of
    9), cryptography's Rust module (3 MB of 14). Files that auditwheel's patchelf may have
    rewritten are left alone (vendored libraries in `*.libs/` folders, and modules and
    libraries that find those through an `$ORIGIN` path: NumPy, OpenBLAS, Pillow, also
    Qt): `strip` rewrites a patched file in a way the loader refuses (OpenBLAS: "ELF load
    command address/offset not page-aligned"). Each stripped file is also checked the way
    the loader checks it, and put back as it was if it fails.
    """
    strip = shutil.which("strip")
    if strip is None:
        log("warning: `strip` not found (binutils): the bundle keeps ~20 MB of debug symbols")
        return
    internal = bundle / "_internal"
    saved = 0
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        elf = read_elf(path)
        if elf is None or not any(
            name == ".symtab" or name.startswith(".debug") for name in elf.sections
        ):
            continue
        if any("$ORIGIN" in p for p in elf.search_paths) or any(
            part.endswith(".libs") for part in path.parts
        ):
            continue
        before = path.read_bytes()
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
        after = read_elf(path)
        if after is None or not loadable(after, path.stat().st_size):
            log(f"warning: {path.relative_to(bundle)} does not load once stripped; kept whole")
            path.write_bytes(before)
            continue
        saved += len(before) - path.stat().st_size
    log(f"stripped {saved / 1e6:.1f} MB of symbols and debug information")


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def reproducible_tar(folder: Path, out: Path, epoch: int) -> None:
    """A .tar.gz whose bytes depend only on the files: sorted, fixed owners and times."""

    def normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = epoch
        if info.isdir() or info.mode & 0o111:
            info.mode = 0o755
        elif not info.issym():
            info.mode = 0o644
        return info

    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        paths = [folder, *folder.rglob("*")]
        for path in sorted(paths, key=lambda p: p.relative_to(folder.parent).as_posix()):
            arcname = path.relative_to(folder.parent).as_posix()
            tar.add(path, arcname=arcname, recursive=False, filter=normalize)


def substitute(template: Path, **values: str) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def pack_linux(bundle: Path, version: str, epoch: int) -> Path:
    name = f"portfolio-reviewer-{version}-linux-{arch()}"
    stage = BUILD / "stage" / name
    if stage.parent.exists():
        shutil.rmtree(stage.parent)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / BUNDLE_NAME, symlinks=True)
    shutil.copy(PACKAGING / "linux" / "portfolio-reviewer.desktop", stage)
    shutil.copy(ICON, stage / "portfolio-reviewer.png")
    installer = stage / "install.sh"
    installer.write_text(substitute(PACKAGING / "linux" / "install.sh", VERSION=version))
    installer.chmod(0o755)
    DIST.mkdir(parents=True, exist_ok=True)
    out = DIST / f"{name}.tar.gz"
    reproducible_tar(stage, out, epoch)
    return out


def pack_windows(bundle: Path, version: str) -> Path:
    name = f"portfolio-reviewer-{version}-windows-{arch()}-setup"
    script = BUILD / "installer.iss"
    script.write_text(
        substitute(
            PACKAGING / "windows" / "installer.iss.in",
            VERSION=version,
            BUNDLE_DIR=str(bundle),
            OUTPUT_DIR=str(DIST),
            OUTPUT_NAME=name,
        ),
        encoding="utf-8",
    )
    candidates = [
        os.environ.get("ISCC", ""),
        shutil.which("iscc") or "",
        str(Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
            / "Inno Setup 6" / "ISCC.exe"),
    ]  # fmt: skip
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        sys.exit(
            f"build_installer: Inno Setup 6 (iscc) not found; install it or set ISCC. "
            f"The bundle is in {bundle} and the script in {script}."
        )
    DIST.mkdir(parents=True, exist_ok=True)
    run([iscc, "/Q", script])
    return DIST / f"{name}.exe"


def pack_macos(app: Path, version: str) -> Path:
    name = f"portfolio-reviewer-{version}-macos-{arch()}"
    stage = BUILD / "dmg"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(app, stage / app.name, symlinks=True)
    (stage / "Applications").symlink_to("/Applications")  # drag-to-install target
    DIST.mkdir(parents=True, exist_ok=True)
    out = DIST / f"{name}.dmg"
    run(
        ["hdiutil", "create", "-volname", f"Portfolio Reviewer {version}", "-srcfolder", stage,
         "-fs", "HFS+", "-format", "UDZO", "-ov", out],
    )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    global BUILD, DIST
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=Path, help="build venv folder (default: build/venv)")
    parser.add_argument("--fresh", action="store_true", help="recreate the build venv")
    parser.add_argument(
        "--build-dir", type=Path, default=BUILD, help="working files (default: build/)"
    )
    parser.add_argument(
        "--dist-dir", type=Path, default=DIST, help="where the installer goes (default: dist/)"
    )
    args = parser.parse_args(argv)
    # The steps below read these two: a test builds into a temporary folder, not the checkout.
    BUILD, DIST = args.build_dir.resolve(), args.dist_dir.resolve()
    venv = args.venv if args.venv is not None else BUILD / "venv"
    if sys.version_info[:2] != (3, 11):
        log(f"warning: the locks are tested with Python 3.11, this is {platform.python_version()}")

    started = time.monotonic()
    BUILD.mkdir(parents=True, exist_ok=True)
    epoch = source_date_epoch()
    python = make_venv(venv.resolve(), args.fresh)
    version = app_version(python)
    log(f"version {version}, SOURCE_DATE_EPOCH={epoch}")
    dist = freeze(python, version, epoch)
    bundle = dist / BUNDLE_NAME

    if sys.platform.startswith("linux"):
        strip_binaries(bundle)
        out = pack_linux(bundle, version, epoch)
    elif sys.platform == "win32":
        out = pack_windows(bundle, version)
    elif sys.platform == "darwin":
        out = pack_macos(dist / "Portfolio Reviewer.app", version)
    else:
        sys.exit(f"build_installer: no packaging for {sys.platform}; the bundle is in {bundle}")

    minutes, seconds = divmod(time.monotonic() - started, 60)
    print(f"bundle:    {bundle} ({tree_size(bundle) / 1e6:.1f} MB unpacked)")
    print(f"installer: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"built in {int(minutes)} min {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
