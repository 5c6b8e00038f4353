"""The Linux bundle on a system that holds only what docs/installing.md lists.

Builds a root file system from Debian packages: `libc6` and `libc-bin` (the C library,
the dynamic loader, ldconfig and the C.UTF-8 locale: the base anything needs, part of
every Debian and Ubuntu system) and the packages of the "Debian/Ubuntu package" column
of the table in docs/installing.md's "System libraries needed on Linux", with what they
depend on, as `apt-get install --no-install-recommends` would install them on an empty
system (Depends and Pre-Depends, no Recommends). The packages are unpacked with
`dpkg-deb -x` (no maintainer scripts; ldconfig is run, as dpkg's trigger would). The .deb
files come from the test cache's chroot-debs, then /var/cache/apt/archives, then `apt-get download`
(into that cache).

The bundle is copied into the root's /opt, and run there with `chroot`, as an unprivileged
user (65534), in a private mount namespace with /proc, /dev/null, /dev/zero,
/dev/urandom, /dev/random and a /dev/shm of its own:

- every ELF file of the bundle is resolved by the root's own dynamic loader (`ld.so
  --list`): nothing may be missing (this covers the X11 and Wayland plugins too);
- `--version`, the bundle's selftest, the demo import into a throw-away data folder;
- the main window for 1.5 s on the offscreen platform, and on X11 (`xcb`) against an Xvfb
  server of the host when there is one;
- an export whose signing runs in two worker processes (spawned from the bundle).

Needs root, apt-get and dpkg-deb (Debian or Ubuntu), and the packages (apt's lists, and
the network or the local cache); skips, saying why, otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer_app import version as app_version
from tests.installer_fixtures import ROOT, cache_folder, copy_bundle, top_levels, unexpected

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="packs for Linux only"),
]

DOCS = ROOT / "docs" / "installing.md"
DEB_CACHE = cache_folder() / "chroot-debs"
APT_ARCHIVES = Path("/var/cache/apt/archives")
BASE = ["libc6", "libc-bin"]
USER = "65534:65534"  # not root (the root has no /etc/passwd: numeric ids)
APP = "/opt/portfolio-reviewer/reviewer-app"
INTERNAL = "/opt/portfolio-reviewer/_internal"
# Mesa on a virtual X server without DRI3 says so; harmless (it draws in software).
ALLOWED_X11_STDERR = [
    re.compile(p) for p in (r"propagateSizeHints", r"^libEGL warning:", r"^MESA-LOADER:")
]
MOUNT_AND_CHROOT = r"""
set -e
root=$1; user=$2; shift 2
mount -t proc proc "$root/proc"
for d in null zero random urandom; do mount --bind "/dev/$d" "$root/dev/$d"; done
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
if [ -n "${X11_SOCKETS:-}" ]; then mount --bind "$X11_SOCKETS" "$root/tmp/.X11-unix"; fi
unset X11_SOCKETS
if [ "$user" = root ]; then exec chroot "$root" "$@"; fi
exec chroot --userspec="$user" "$root" "$@"
"""


def documented_packages() -> list[str]:
    """The Debian packages named in the docs' table of system libraries."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## System libraries needed on Linux", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|")
    ]
    column = next(i for i, cell in enumerate(rows[0]) if cell.startswith("Debian"))
    packages = []
    for row in rows[2:]:  # after the header and its |---| line
        packages += [p.strip("` ") for p in row[column].split(",") if p.strip("` ")]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", p) for p in packages), packages
    return packages


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found is None:
        pytest.skip(f"needs {name}")
    return found


def closure(packages: list[str]) -> list[tuple[str, str, str]]:
    """(name, version, architecture) of what apt would install on an empty system."""
    done = subprocess.run(
        [tool("apt-get"), "install", "--simulate", "--no-install-recommends", "-q",
         "-o", "Dir::State::Status=/dev/null", "-o", "Debug::NoLocking=1", *packages],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"apt cannot resolve the packages (no package lists?): {done.stderr[-500:]}")
    found = re.findall(r"^Inst (\S+) \((\S+) .*\[(\S+)\]\)", done.stdout, re.MULTILINE)
    assert found, done.stdout
    return found


def deb_name(name: str, version: str, arch: str) -> str:
    return f"{name}_{version.replace(':', '%3a')}_{arch}.deb"


def fetch(packages: list[tuple[str, str, str]]) -> list[Path]:
    """The .deb files: from our cache, apt's cache, else downloaded into our cache. A
    package that cannot be downloaded may be taken at another version from the caches."""
    DEB_CACHE.mkdir(parents=True, exist_ok=True)

    def cached(name: str, version: str, arch: str) -> Path | None:
        for folder in (DEB_CACHE, APT_ARCHIVES):
            if (folder / deb_name(name, version, arch)).is_file():
                return folder / deb_name(name, version, arch)
        return None

    missing = [p for p in packages if cached(*p) is None]
    if missing:
        subprocess.run(
            [tool("apt-get"), "download", "-q", "-o", "APT::Sandbox::User=root",
             *[f"{name}={version}" for name, version, _ in missing]],
            cwd=DEB_CACHE, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    debs, absent = [], []
    for name, version, arch in packages:
        deb = cached(name, version, arch)
        if deb is None:  # offline: any version of it that a cache holds
            others = sorted(DEB_CACHE.glob(f"{name}_*_{arch}.deb"))
            others += sorted(APT_ARCHIVES.glob(f"{name}_*_{arch}.deb"))
            deb = others[-1] if others else None
        if deb is None:
            absent.append(name)
        else:
            debs.append(deb)
    if absent:
        pytest.skip(f"no .deb for {' '.join(absent)} (offline, and not in the caches)")
    return debs


@pytest.fixture(scope="module")
def root_packages() -> list[tuple[str, str, str]]:
    if os.geteuid() != 0:
        pytest.skip("needs root (chroot and mount)")
    for name in ("dpkg-deb", "chroot", "unshare", "mount"):
        tool(name)
    return closure(BASE + documented_packages())


@pytest.fixture(scope="module")
def root(
    root_packages: list[tuple[str, str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    debs = fetch(root_packages)
    path = tmp_path_factory.mktemp("chroot")
    for deb in debs:
        subprocess.run([tool("dpkg-deb"), "-x", str(deb), str(path)], check=True)
    for name in ("proc", "dev/shm", "tmp/.X11-unix", "opt", "home/reviewer/runtime"):
        (path / name).mkdir(parents=True, exist_ok=True)
    for device in ("null", "zero", "random", "urandom"):
        (path / "dev" / device).touch()  # mount points for the host's devices
    (path / "tmp").chmod(0o1777)
    (path / "home" / "reviewer" / "runtime").chmod(0o700)
    subprocess.run([tool("chroot"), str(path), "/sbin/ldconfig"], check=True)
    home = path / "home" / "reviewer"
    for owned in [home, *home.rglob("*")]:
        os.chown(owned, 65534, 65534)
    copy_bundle(path / "opt" / "portfolio-reviewer")
    print(f"root: {len(debs)} packages: {' '.join(sorted(n for n, _, _ in root_packages))}")
    yield path
    # Nothing is mounted out here (the mounts live in each run's own namespace), so the
    # folder is removed like any other.
    shutil.rmtree(path, ignore_errors=True)


ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
    "HOME": "/home/reviewer",
    "USER": "reviewer",
    "LANG": "C.UTF-8",
    "XDG_RUNTIME_DIR": "/home/reviewer/runtime",
    "XDG_CONFIG_HOME": "/home/reviewer/.config",
    "XDG_DATA_HOME": "/home/reviewer/.local/share",
    "XDG_CACHE_HOME": "/home/reviewer/.cache",
    "QT_QPA_PLATFORM": "offscreen",
}


def in_root(
    root: Path,
    *args: str,
    env: dict[str, str] | None = None,
    user: str = USER,
    allowed: list[re.Pattern[str]] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Runs `args` inside the root; fails on an exit code or unexpected stderr."""
    done = subprocess.run(
        [tool("unshare"), "--mount", "--propagation", "private", "sh", "-c", MOUNT_AND_CHROOT,
         "sh", str(root), user, *args],
        env=ENV | (env or {}), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}{done.stderr}"
    if allowed is not None:
        assert not unexpected(done.stderr, allowed), f"{args}: stderr:\n{done.stderr}"
    else:
        assert not unexpected(done.stderr), f"{args}: stderr:\n{done.stderr}"
    return done


def test_every_library_resolves(root: Path) -> None:
    """The root's dynamic loader finds every library that every file of the bundle needs
    (from the bundle, else from the root), as install.sh's check does for the xcb plugin."""
    loaders = sorted(root.glob("lib*/ld-linux*.so.*"))
    assert loaders, "no dynamic loader in the root"
    loader = "/" + loaders[0].relative_to(root).as_posix()
    bundle = root / INTERNAL.lstrip("/")
    files = [root / APP.lstrip("/")] + [
        p for p in sorted(bundle.rglob("*.so*")) if p.is_file() and not p.is_symlink()
    ]
    search = f"{INTERNAL}:{INTERNAL}/PySide6/Qt/lib"
    problems = []
    for path in files:  # the root has no shell to loop in: one chroot per file
        inside = "/" + path.relative_to(root).as_posix()
        done = subprocess.run(
            [tool("chroot"), str(root), loader, "--list", inside],
            env={"LD_LIBRARY_PATH": search}, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        # A missing direct dependency stops the loader ("error while loading shared
        # libraries: X: cannot open..."); a missing indirect one is listed as not found.
        lines = (done.stdout + done.stderr).splitlines()
        bad = [line.strip() for line in lines if re.search(r"not found|error while", line)]
        if done.returncode != 0 or bad:
            problems.append(f"{inside}: exit {done.returncode}: {' | '.join(bad)}")
    assert not problems, "libraries missing in the root:\n" + "\n".join(problems)
    assert len(files) > 100


def test_version_and_selftest(root: Path) -> None:
    assert in_root(root, APP, "--version").stdout.strip() == f"reviewer-app {app_version()}"
    done = in_root(root, APP, env={"REVIEWER_APP_BUNDLE_SELFTEST": "1"})
    assert ", 0 problems" in done.stdout


@pytest.fixture(scope="module")
def demo(root: Path) -> str:
    done = in_root(root, APP, "--data-dir", "/home/reviewer/data", "demo")
    imported = re.search(r"(\d+) imported, \d+ already there, (\d+) rejected", done.stdout)
    assert imported, done.stdout
    assert int(imported.group(1)) > 0
    return "/home/reviewer/data"


def test_demo_import_and_window(root: Path, demo: str) -> None:
    in_root(root, APP, "--data-dir", demo, "--quit-after", "1500")


def test_window_on_x11(root: Path, demo: str) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("no Xvfb on this machine (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as fd:
            display = fd.readline().strip()
        assert display.isdigit(), "Xvfb did not start"
        in_root(
            root, APP, "--data-dir", demo, "--quit-after", "1500",
            env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}",
                 "X11_SOCKETS": "/tmp/.X11-unix"},
            allowed=ALLOWED_X11_STDERR,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_export_in_worker_processes(root: Path, demo: str) -> None:
    data = ["--data-dir", demo]
    listed = json.loads(in_root(root, APP, *data, "submissions", "--json").stdout)
    chosen = next(s for s in listed if s["credential_id"] and s["status"] == "unreviewed")
    in_root(root, APP, *data, "score", chosen["submission_id"], "--reviewer", "Chroot Test",
            *top_levels(chosen["credential_id"]), "--submit")  # fmt: skip
    passphrase = root / "home" / "reviewer" / "passphrase"
    passphrase.write_text("correct horse battery staple\n")
    key = ["--passphrase-file", "/home/reviewer/passphrase"]
    in_root(root, APP, *data, "issuer", "init", "--name", "Chroot Test Issuer",
            "--url", "https://issuer.example.org", *key)  # fmt: skip
    done = in_root(root, APP, *data, "export", "--out", "/home/reviewer/export", *key,
                   "--json", env={"REVIEWER_APP_SIGNING_WORKERS": "2"})  # fmt: skip
    exported = json.loads(done.stdout)["exported"]
    assert [e["submission_id"] for e in exported] == [chosen["submission_id"]]
