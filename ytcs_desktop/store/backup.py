"""Consistent copies of a database file, taken with SQLite's online backup API (safe while others
write: the copy is one snapshot), and putting a copy back over the file.

Copies that keep themselves: `make_backup` writes `ytcs-YYYY-MM-DD-HHMM.sqlite3` (checked) into the
backups folder beside the database or a chosen one, and `rotate` keeps the newest copy of each of the
last 7 days, 4 weeks and 12 months that have one (`to_delete`, a pure function of the names). Copies
made before a schema upgrade or before a restore have other names and are never deleted by it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ytcs_desktop.store.errors import BackupFailedError

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
PRIVATE = 0o600  # databases hold password hashes and device tokens: only their owner reads them
COPY_PREFIX = "ytcs-"
COPY_SUFFIX = ".sqlite3"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_COPY_NAME = re.compile(r"^ytcs-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d+))?\.sqlite3$")
_BEFORE_RESTORE = re.compile(r"^ytcs-before-restore-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d+))?\.sqlite3$")
_BEFORE_UPGRADE = re.compile(r"-before-upgrade-.*-(\d{8})-(\d{6})\.sqlite3$")


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` into a new file `target` and check the copy; nothing is left at `target` on failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
            os.close(fd)
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise BackupFailedError(str(target), f"quick_check: {verdict}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailedError(str(target), str(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def backup_before_migration(db_path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{Path(db_path).stem}-before-upgrade-{revision}-{stamp}.sqlite3"
    return copy_database(db_path, backup_folder(db_path) / name)


def put_back(backup: Path, db_path: Path) -> None:
    """Lay a backup's pages over the database file (the file keeps its name, mode and owner)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# ----- copies that keep themselves ------------------------------------------------------------------
def copy_name(when: dt.datetime, n: int = 0, kind: str = "") -> str:
    """`ytcs-2026-12-07-0130.sqlite3` (`-2`, `-3`… for another copy in the same minute)."""
    tail = f"-{n}" if n else ""
    return f"{COPY_PREFIX}{kind}{when:%Y-%m-%d-%H%M}{tail}{COPY_SUFFIX}"


def copy_time(name: str) -> dt.datetime | None:
    """When a regular copy was made, read from its name; None for any other file."""
    found = _COPY_NAME.match(name)
    if not found:
        return None
    year, month, day, hour, minute = (int(v) for v in found.groups()[:5])
    try:
        return dt.datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _counter(name: str) -> int:
    """The `-N` of a second copy in the same minute (0 for the first)."""
    found = _COPY_NAME.match(name) or _BEFORE_RESTORE.match(name)
    return int(found[6]) if found and found[6] else 0


def to_delete(names: Iterable[str], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
              monthly: int = KEEP_MONTHLY) -> list[str]:
    """The regular copies the rotation deletes, newest first.

    Kept: the newest copy of each of the last `daily` days that have a copy, of each of the last
    `weekly` ISO weeks, and of each of the last `monthly` months (a copy may count for all three).
    Names that are not regular copies (before-upgrade and before-restore copies, other files) are
    never in the answer.
    """
    dated = sorted(((when, _counter(name), name) for name in set(names) if (when := copy_time(name)) is not None),
                   reverse=True)
    keep: set[str] = set()
    rules: list[tuple[Callable[[dt.datetime], Hashable], int]] = [
        (lambda t: t.date(), daily), (lambda t: t.isocalendar()[:2], weekly), (lambda t: (t.year, t.month), monthly)]
    for period, count in rules:
        seen: set[Hashable] = set()
        for when, _n, name in dated:
            key = period(when)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(name)
    return [name for _, _n, name in dated if name not in keep]


@dataclass(frozen=True)
class BackupCopy:
    """A copy on disk: where, when it was made, how big, and what made it."""

    path: Path
    made: dt.datetime
    size: int
    kind: str  # regular | before_upgrade | before_restore
    seconds: float = 0.0  # how long making it took (only for a copy just made)


def free_name(folder: Path, when: dt.datetime, kind: str = "") -> Path:
    n = 0
    while (folder / copy_name(when, n, kind)).exists() or (folder / (copy_name(when, n, kind) + ".part")).exists():
        n = n + 2 if n == 0 else n + 1
    return folder / copy_name(when, n, kind)


def make_backup(db_path: Path, folder: Path | None = None, when: dt.datetime | None = None) -> BackupCopy:
    """A checked copy of the database now, in `folder` (default: the backups folder beside it)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupFailedError(str(db_path), "no database")
    target_dir = Path(folder) if folder is not None else backup_folder(db_path)
    made = (when or dt.datetime.now()).replace(second=0, microsecond=0)
    start = time.perf_counter()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailedError(str(target_dir), str(exc)) from exc
    path = copy_database(db_path, free_name(target_dir, made))
    return BackupCopy(path, made, path.stat().st_size, "regular", time.perf_counter() - start)


def safety_copy(db_path: Path, when: dt.datetime | None = None) -> BackupCopy:
    """The copy of the current data made before a restore replaces it (never rotated away)."""
    made = (when or dt.datetime.now()).replace(second=0, microsecond=0)
    start = time.perf_counter()
    path = copy_database(db_path, free_name(backup_folder(db_path), made, "before-restore-"))
    return BackupCopy(path, made, path.stat().st_size, "before_restore", time.perf_counter() - start)


def rotate(folder: Path) -> list[Path]:
    """Delete the regular copies the rotation does not keep; returns what was deleted."""
    try:
        names = [p.name for p in Path(folder).iterdir() if p.is_file()]
    except OSError:
        return []
    deleted = []
    for name in to_delete(names):
        path = Path(folder) / name
        try:
            path.unlink()
            deleted.append(path)
        except OSError as exc:  # a read-only stick, a file in use: kept, tried again next time
            log.warning("could not delete old backup %s: %s", path, exc)
    return deleted


def _kind_and_time(path: Path) -> tuple[str, dt.datetime] | None:
    when = copy_time(path.name)
    if when is not None:
        return "regular", when
    found = _BEFORE_RESTORE.match(path.name)
    if found:
        year, month, day, hour, minute = (int(v) for v in found.groups()[:5])
        return "before_restore", dt.datetime(year, month, day, hour, minute)
    found = _BEFORE_UPGRADE.search(path.name)
    if found:
        return "before_upgrade", dt.datetime.strptime(found[1] + found[2], "%Y%m%d%H%M%S")
    return None


def copy_made(path: Path) -> dt.datetime:
    """When a copy was made: from its name, else the file's modification time."""
    known = _kind_and_time(Path(path))
    if known is not None:
        return known[1]
    return dt.datetime.fromtimestamp(Path(path).stat().st_mtime).replace(microsecond=0)


def list_copies(*folders: Path) -> list[BackupCopy]:
    """Every copy in the folders (missing or unreadable folders are skipped), newest first."""
    found: list[BackupCopy] = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        try:
            paths = [p for p in folder.iterdir() if p.name.endswith(COPY_SUFFIX) and p.is_file()]
        except OSError:
            continue
        for path in paths:
            known = _kind_and_time(path)
            if known is None:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            found.append(BackupCopy(path, known[1], size, known[0]))
    return sorted(found, key=lambda c: (c.made, _counter(c.path.name), c.path.name), reverse=True)


def newest_backup(*folders: Path) -> BackupCopy | None:
    """The newest regular copy in the folders (before-upgrade and safety copies do not count)."""
    return next((c for c in list_copies(*folders) if c.kind == "regular"), None)
