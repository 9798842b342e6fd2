"""Real processes for the fault tests: the centre server, station databases, logins and syncs.

The server runs as `ytcs centre serve` in its own process (so it can be killed with SIGKILL); the
replicas are real SQLite files. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

from ytcs_desktop.store.db import Database
from ytcs_desktop.sync.protocol import API, PROTOCOL_HEADER, PROTOCOL_VERSION

REPO = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def long_log(line: str) -> None:
    """A long run's progress: printed (seen with `-s`), and appended to YTCS_LONG_LOG if set, which is
    where it can be read while `-n 2` runs the long tests in workers whose output is not shown."""
    print(line, flush=True)
    path = os.environ.get("YTCS_LONG_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{time.strftime('%H:%M:%S')} {line}\n")


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO),
        YTCS_LANG="en",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra)
    return env


def ytcs(*args: str, input: str | None = None, timeout: float = 120, env: dict[str, str] | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the `ytcs` command in a child process."""
    done = subprocess.run(
        [sys.executable, "-m", "ytcs_desktop", *args],
        input=input, capture_output=True, text=True, timeout=timeout, env=env or child_env(), cwd=REPO,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"ytcs {' '.join(args)} -> {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ----- PostgreSQL: one fresh database per server -------------------------------------------------
def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:
        return False


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    import psycopg

    name = f"ytcs_faults_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ----- the centre server -------------------------------------------------------------------------
class CentreServer:
    """`ytcs centre serve` in a child process, with the administration commands beside it."""

    def __init__(self, database_url: str, workdir: Path) -> None:
        self.database_url = database_url
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = workdir / "server.log"
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def admin(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        return ytcs("centre", *args, "--database", self.database_url, input=input,
                    env=child_env(YTCS_DATA_DIR=str(self.workdir)))

    def add_station(self, code: str, name: str) -> None:
        self.admin("add-station", code, name)

    def add_user(self, username: str, password: str, role: str, station: str | None = None) -> None:
        extra = ["--station", station] if station else []
        self.admin("add-user", username, "--role", role, *extra, "--password-stdin", input=password + "\n")

    def start(self, timeout: float = 60) -> None:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.starts += 1
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--database", self.database_url,
                 "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=child_env(YTCS_DATA_DIR=str(self.workdir)), cwd=REPO,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/openapi.json", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise AssertionError(f"server did not start:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, whatever statement the server was in."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)
        self.proc = None

    def restart_after_kill(self) -> None:
        self.kill()
        self.proc = None
        self.start()


# ----- replicas ----------------------------------------------------------------------------------
def login(server_url: str, username: str, password: str, db: Database, device_name: str = "test") -> dict[str, Any]:
    """The login exchange of the wire (the same POST `ytcs login` makes); returns the JSON answer."""
    r = requests.post(
        server_url + API + "/auth/login",
        json={"username": username, "password": password, "device_name": device_name,
              "station_id": db.station_id, "replica_id": db.replica_id},
        headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=30,
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def export_of(db: Database) -> dict[str, list[dict[str, Any]]]:
    from ytcs_desktop.store.export import export_data

    with db.read() as s:
        return dict(export_data(s)["tables"])


def visible_to(export: dict[str, list[dict[str, Any]]], station_id: str | None) -> dict[str, list[dict[str, Any]]]:
    """The part of a (centre) export a station may see: its own partition and the reference rows."""
    if station_id is None:
        return export
    return {t: [r for r in rows if r.get("station_id") in (None, station_id)] for t, rows in export.items()}


def diff_exports(a: dict[str, list[dict[str, Any]]], b: dict[str, list[dict[str, Any]]], limit: int = 5) -> list[str]:
    """Human-readable differences (first few) between two exports."""
    out: list[str] = []
    for table in sorted(set(a) | set(b)):
        ra = {r["id"]: r for r in a.get(table, [])}
        rb = {r["id"]: r for r in b.get(table, [])}
        for rid in sorted(set(ra) | set(rb)):
            if ra.get(rid) != rb.get(rid):
                if rid not in ra or rid not in rb:
                    out.append(f"{table}/{rid}: only in {'first' if rid in ra else 'second'}")
                else:
                    fields = sorted(k for k in ra[rid] if ra[rid].get(k) != rb[rid].get(k))
                    out.append(f"{table}/{rid}: " + ", ".join(
                        f"{k}={ra[rid].get(k)!r} vs {rb[rid].get(k)!r}" for k in fields))
                if len(out) >= limit:
                    return out
    return out


def write_token_file(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data))
