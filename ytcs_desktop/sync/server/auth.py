"""Accounts and devices: argon2 password hashes, random device tokens stored as SHA-256 digests.

A token is 256 random bits, so a fast digest is enough to store it; passwords are argon2id.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, select, update

from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync.server import errors, register
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.store import ServerStore, now_ms

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Device:
    """The authenticated caller of a request."""

    id: str
    username: str
    role: str  # station|centre
    station_id: str | None  # the station a station device writes for; None for the centre
    station_key: str
    acked_seq: int
    acked_mutation: str | None
    clock_suspect: bool


def _login_failed() -> ApiError:
    return ApiError(401, "login_failed", "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")


def login(store: ServerStore, conn: Connection, username: str, password: str, device_name: str,
          station_id: str | None, replica_id: str | None, *,
          db_code: str | None = None) -> tuple[str, Device, str | None]:
    """A new device token for this account. Binds an unbound station to the database's station id; a
    registration no PC has claimed yet takes the id of the station database that signs in with its code
    (`db_code`), so a station that worked alone keeps its records' id."""
    user = conn.execute(select(t.users).where(t.users.c.username == username)).mappings().first()
    if user is None or not user["active"] or not check_password(user["password_hash"], password):
        raise _login_failed()
    station_code: str | None = user["station_code"]
    bound_id: str | None = None
    if user["role"] == "station":
        station = conn.execute(select(t.stations).where(t.stations.c.code == station_code)).mappings().first()
        if station is None:
            raise ApiError(409, "station_unknown", f"Trung tâm chưa đăng ký trạm {station_code}.",
                           f"The centre has not registered station {station_code}.")
        bound_id = station["id"]
        if bound_id is None:  # registered before stations had an id at once: the first PC binds it
            bound_id = station_id or station_id_for(station_code or "")
            conn.execute(update(t.stations).where(t.stations.c.code == station_code).values(id=bound_id))
        elif station_id and station_id != bound_id:
            # The database says which station it is: an account of another station never takes it over.
            if register.claimed(conn, bound_id) or (db_code is not None and db_code != station_code):
                mine = db_code or f"id {station_id}"
                raise ApiError(409, "station_mismatch",
                               f"Dữ liệu trên máy này là của trạm {mine}, không phải trạm {station_code} của tài khoản "
                               f"{username}. Hãy đăng nhập bằng tài khoản của trạm {mine}.",
                               f"The data on this computer is station {mine}'s, not station {station_code} of account "
                               f"{username}. Sign in with an account of station {mine}.")
            register.rebind(store, conn, station_code or "", bound_id, station_id)
            bound_id = station_id
    token = secrets.token_urlsafe(32)
    device_id = new_id()
    station_key = bound_id or t.REFERENCE
    conn.execute(t.devices.insert().values(
        station_key=station_key, id=device_id, username=username, name=device_name, replica_id=replica_id,
        token_hash=token_digest(token), revoked=False, created_ms=now_ms(), clock_suspect=False, acked_seq=0))
    device = Device(device_id, username, user["role"], bound_id, station_key, 0, None, False)
    return token, device, station_code


def authenticate(conn: Connection, authorization: str | None) -> Device:
    """The device behind a `Bearer` token, or the 401 that says why not."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise errors.auth_required()
    token = authorization[7:].strip()
    row = conn.execute(
        select(t.devices, t.users.c.role, t.users.c.active)
        .join(t.users, t.users.c.username == t.devices.c.username)
        .where(t.devices.c.token_hash == token_digest(token))
    ).mappings().first()
    if row is None:
        raise errors.token_invalid()
    if row["revoked"] or not row["active"]:
        raise errors.device_revoked()
    station_id = row["station_key"] or None
    return Device(row["id"], row["username"], row["role"], station_id, row["station_key"],
                  int(row["acked_seq"] or 0), row["acked_mutation"], bool(row["clock_suspect"]))
