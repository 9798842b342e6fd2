"""One zip to hand to the centre when a PC misbehaves: the log files, versions, what `ytcs check` says,
the database's bookkeeping and the window's settings. Never a token, a password or a record's content:
the token file and the keyring are left out, and setting lines that could hold a secret are dropped."""

from __future__ import annotations

import datetime as dt
import json
import platform
import re
import sqlite3
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from ytcs_desktop import __version__
from ytcs_desktop.logs import log_dir
from ytcs_desktop.paths import DB_FILENAME

SECRET = re.compile(r"token|password|passwd|secret|mat_?khau|key", re.IGNORECASE)
# Bookkeeping kept in sync_meta that says how sync stands; nothing else of the file's content goes out.
META_KEYS = ("role", "station_id", "replica_id", "sync_server_url", "sync_device_id", "sync_username",
             "sync_push_cursor", "sync_pull_cursor", "clock_offset_ms", "sync_clock_suspect", "sync_last_report",
             "schema_written_by", "centre_recommended_client")


def default_name(now: dt.datetime | None = None) -> str:
    return f"ytcs-diagnostics-{(now or dt.datetime.now()):%Y%m%d-%H%M}.zip"


def versions() -> str:
    lines = [f"YTCS Desktop {__version__}", f"Python {sys.version.split()[0]} ({platform.platform()})",
             f"SQLite {sqlite3.sqlite_version}"]
    for package in ("PySide6-Essentials", "SQLAlchemy", "fastapi", "uvicorn", "requests", "psycopg"):
        try:
            lines.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{package} (not installed)")
    return "\n".join(lines) + "\n"


def database_report(path: Path) -> str:
    """Size, schema, bookkeeping and row counts, read-only; what is wrong with the file if it cannot be read."""
    if not path.exists():
        return f"{path}: no database file\n"
    out = [f"{path}: {path.stat().st_size:,} bytes"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            out.append(f"schema: {', '.join(revisions)}")
            placeholders = ",".join("?" * len(META_KEYS))
            for key, value in conn.execute(f"SELECT key, value FROM sync_meta WHERE key IN ({placeholders}) "
                                           "ORDER BY key", META_KEYS):
                out.append(f"{key}: {value}")
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            for table in tables:
                n = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                out.append(f"rows {table}: {n}")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        out.append(f"cannot read: {exc}")
    return "\n".join(out) + "\n"


def check_report(path: Path) -> str:
    """What `ytcs check` finds, in English (the centre's support reads it), or why it could not run."""
    if not path.exists():
        return "no database file\n"
    try:
        from ytcs_desktop.domain.integrity import check_database
        from ytcs_desktop.store.db import Database

        db = Database(path)  # not migrated: the file is read as it is
        try:
            with db.read() as s:
                findings = check_database(s)
        finally:
            db.close()
    except Exception as exc:  # a damaged or newer file: the reason is the report
        return f"check could not run: {type(exc).__name__}: {exc}\n"
    if not findings:
        return "ok\n"
    return "".join(f"[{f.check}] {f.message('en')}\n" for f in findings)


def settings_text(folder: Path) -> str:
    path = folder / "ui.ini"
    if not path.exists():
        return "(no settings file)\n"
    kept = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if not SECRET.search(line.split("=", 1)[0])]
    return "\n".join(kept) + "\n"


def build(data_dir: Path, out: Path, database: Path | None = None) -> Path:
    """Write the zip (atomically: a partial file never stays) and return its path. `database` defaults to
    the data folder's."""
    partial = out.with_name(out.name + ".part")
    database = database or data_dir / DB_FILENAME
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("versions.txt", versions())
        zf.writestr("database.txt", database_report(database))
        zf.writestr("check.txt", check_report(database))
        zf.writestr("settings.txt", settings_text(data_dir))
        zf.writestr("about.json", json.dumps({"made": dt.datetime.now().isoformat(timespec="seconds"),
                                              "data_dir": str(data_dir), "log_dir": str(log_dir())}, indent=2))
        for log in sorted(log_dir().glob("ytcs.log*")):
            zf.write(log, f"logs/{log.name}")
    partial.replace(out)
    return out
