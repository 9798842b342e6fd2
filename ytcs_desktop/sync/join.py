"""Joining a centre from an empty data folder: the window's first run and `ytcs login` on a new PC.

One path for a station's first PC, its second PC, a replacement PC after a disk died (the first sync
brings the station's whole history back) and the centre's desktop: sign in, then make this PC's
database from the centre's answer (its station, its role). Nothing is left behind when any step fails.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from ytcs_desktop.store.db import Database
from ytcs_desktop.store.files import remove_database
from ytcs_desktop.sync.apply import remote_write, set_meta

SERVER_URL = "sync_server_url"
DEVICE_ID = "sync_device_id"
USERNAME = "sync_username"


@dataclass(frozen=True)
class Joined:
    db: Database
    device_id: str
    token: str
    role: str
    station_code: str | None
    token_kept: str  # "keyring", "file" or "session"


def remember_centre(db: Database, server_url: str, device_id: str, username: str) -> None:
    with remote_write(db) as conn:
        set_meta(conn, SERVER_URL, server_url.rstrip("/"))
        set_meta(conn, DEVICE_ID, device_id)
        set_meta(conn, USERNAME, username)


def join_centre(path: Path, server_url: str, username: str, password: str, *, device_name: str,
                token_to_file: bool = False, ca_file: str | None = None) -> Joined:
    """Sign in and create the database at `path` (which must not exist). Raises the client's SyncError
    (wrong password, unknown station, no server, certificate) before anything is written."""
    from ytcs_desktop.sync import keystore  # the network and the keyring only when joining
    from ytcs_desktop.sync.client import CA_FILE_NAME, login, trusted_ca

    answer = login(server_url, username, password, device_name=device_name,
                   verify=ca_file or trusted_ca(path.parent))
    folder_made = not path.parent.exists()
    try:
        db = Database.create(path, station_id=answer.station_id, role=answer.role)
        try:
            if ca_file:  # later syncs trust the centre's own certificate authority too
                shutil.copyfile(ca_file, path.parent / CA_FILE_NAME)
            remember_centre(db, server_url, answer.device_id, username)
            kept = keystore.save_token(server_url, answer.device_id, answer.token, path.parent,
                                       to_file=token_to_file)
        except BaseException:
            db.close()
            raise
    except BaseException:
        _remove_joined(path)
        if folder_made:
            _remove_if_empty(path.parent)
        raise
    return Joined(db, answer.device_id, answer.token, answer.role, answer.station_code, kept.where)


def _remove_joined(path: Path) -> None:
    """What a failed join made: the database and the centre's certificate authority kept beside it."""
    from ytcs_desktop.sync.client import CA_FILE_NAME

    remove_database(path)
    (path.parent / CA_FILE_NAME).unlink(missing_ok=True)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty, or not ours to remove
        folder.rmdir()
