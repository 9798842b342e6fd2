"""Database files only their owner can read: they hold people's records, password hashes and token digests.

SQLite creates a file with the mode 0644 less the umask; its -wal and -shm files take the main file's
mode. So the main file is made empty with mode 0600 before SQLite opens it (SQLite treats an empty file
as a new database), and a file made by an earlier version is narrowed to 0600 when it is opened.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def private_database(path: Path) -> None:
    """Make `path` (if missing) as an empty file readable by its owner only, or narrow an existing one
    and its -wal/-shm to that. Does nothing on Windows (ACLs there follow the user's profile folder)."""
    if os.name != "posix":
        return
    path = Path(path)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE)
    except FileExistsError:
        pass
    except OSError as exc:  # a read-only folder: SQLite's own error says it better
        log.debug("could not create %s: %s", path, exc)
        return
    else:
        os.close(fd)
        return
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(OSError):  # not there, or not ours to change
            side = Path(f"{path}{suffix}")
            mode = side.stat().st_mode
            if stat.S_ISREG(mode) and mode & 0o077:
                os.chmod(side, PRIVATE)


def remove_database(path: Path) -> None:
    """Delete a database file with its -wal, -shm and -journal (a half-made one, or one being replaced)."""
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
