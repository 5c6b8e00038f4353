"""A real PostgreSQL server for the team tests: the distribution's own binaries, a
cluster made in a temporary folder, run as an unprivileged user (PostgreSQL refuses to
run as root), listening on 127.0.0.1 at a free port with password (SCRAM) logins, and
stopped and removed when the tests end.

Where the binaries are: `initdb` on PATH, else the newest /usr/lib/postgresql/*/bin
(Debian's layout). `scripts/bootstrap.sh` installs the `postgresql` package for the
test profile; when it is missing outside CI the team tests are skipped with a reason,
and under CI (`CI` set) they fail instead, so that they can never silently not run.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, create_engine, text

SUPERUSER = "reviewer_admin"
UNPRIVILEGED = "nobody"  # the server's operating-system user when the tests run as root


def find_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found is not None:
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    password: str  # the superuser's
    folder: Path

    def url(
        self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None
    ) -> URL:
        return URL.create(
            "postgresql+pg8000",
            username=user,
            password=self.password if password is None and user == SUPERUSER else password,
            host=self.host,
            port=self.port,
            database=database,
        )

    def create_database(self, name: str) -> URL:
        """A new, empty database (dropped first if a test left one of that name)."""
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        """Stops the server (its data stays in `folder`): as a network that goes away."""
        _run(self.folder, "pg_ctl", "-D", self.folder / "data", "-m", "fast", "-w", "stop")

    def crash(self) -> None:
        """Stops the server as a crash would (`immediate`: no checkpoint, and what its
        log held in memory, unwritten, is gone); `start` then recovers from the log."""
        _run(self.folder, "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "-w", "stop")

    def start(self) -> None:
        """Starts it again on the same data, host and port."""
        folder = self.folder
        options = (
            f"-p {self.port} -k {folder / 'sockets'} -c listen_addresses={self.host} "
            "-c max_connections=200"
        )
        _run(folder, "pg_ctl", "-D", folder / "data", "-o", options, "-l", folder / "server.log",
             "-w", "-t", "60", "start")  # fmt: skip


def _server_user() -> pwd.struct_passwd | None:
    return pwd.getpwnam(UNPRIVILEGED) if os.geteuid() == 0 else None


def _run(folder: Path, program: str, *args: str | Path) -> None:
    """One of PostgreSQL's programs, as the server's user, in `folder`."""
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL's initdb (package postgresql) is not installed")
    user = _server_user()
    subprocess.run(
        [str(bindir / program), *map(str, args)],
        check=True,
        capture_output=True,
        cwd=folder,
        env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        timeout=120,
        user=user.pw_uid if user is not None else None,
        group=user.pw_gid if user is not None else None,
    )


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    if find_bindir() is None:
        raise FileNotFoundError("PostgreSQL's initdb (package postgresql) is not installed")
    folder = Path(tempfile.mkdtemp(prefix="reviewer-pg-"))
    user = _server_user()
    password = secrets.token_urlsafe(18)
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    pwfile = folder / "pw"
    pwfile.write_text(password + "\n", encoding="utf-8")
    if user is not None:
        for path in (folder, sockets, pwfile):
            os.chown(path, user.pw_uid, user.pw_gid)
    server = PgServer("127.0.0.1", free_port(), password, folder)
    try:
        _run(
            folder, "initdb", "-D", data, "-U", SUPERUSER, f"--pwfile={pwfile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        pwfile.unlink()
        server.start()
        try:
            yield server
        finally:
            with contextlib.suppress(subprocess.SubprocessError):
                server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
