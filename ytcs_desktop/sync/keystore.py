"""Where the device token lives: the OS keyring; else this process only; a file only on request.

The password is never stored. With no keyring backend (keyring.errors.NoKeyringError, e.g. a Linux
PC without a desktop keyring) the token is kept in memory for this session and the user must log in
again next time, unless they opted in to a token file (`--store-token-in-file`: mode 0600 in the
data folder, in plain text, their choice).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "ytcs-desktop"
TOKEN_FILE = "sync-token"
_session: dict[str, str] = {}


@dataclass(frozen=True)
class Saved:
    where: str  # keyring | session | file


def _key(server_url: str, device_id: str) -> str:
    return f"{server_url.rstrip('/')}#{device_id}"


def save_token(server_url: str, device_id: str, token: str, data_dir: Path, *, to_file: bool = False) -> Saved:
    key = _key(server_url, device_id)
    _session[key] = token
    if to_file:
        path = data_dir / TOKEN_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if hasattr(os, "fchmod"):  # a file left by an older version may be wider: narrow it before writing
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(f"{key}\n{token}\n")
        os.chmod(path, 0o600)
        return Saved("file")
    try:
        keyring.set_password(SERVICE, key, token)
    except KeyringError:
        return Saved("session")
    return Saved("keyring")


def load_token(server_url: str, device_id: str, data_dir: Path) -> str | None:
    key = _key(server_url, device_id)
    if key in _session:
        return _session[key]
    try:
        found = keyring.get_password(SERVICE, key)
    except KeyringError:
        found = None
    if found:
        return found
    path = data_dir / TOKEN_FILE
    if path.exists():
        lines = path.read_text().splitlines()
        if len(lines) >= 2 and lines[0] == key:
            return lines[1]
    return None


def forget_token(server_url: str, device_id: str, data_dir: Path) -> None:
    key = _key(server_url, device_id)
    _session.pop(key, None)
    with contextlib.suppress(KeyringError, PasswordDeleteError):
        keyring.delete_password(SERVICE, key)
    (data_dir / TOKEN_FILE).unlink(missing_ok=True)
