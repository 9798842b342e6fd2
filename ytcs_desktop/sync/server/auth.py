"""Accounts and devices: argon2 password hashes, random device tokens stored as SHA-256 digests.

A token is 256 random bits, so a fast digest is enough to store it; passwords are argon2id. Signing in
over the network is throttled (sync/server/throttle.py) and costs the same whether the user name exists
or not: an unknown name is checked against a dummy hash made with the same parameters.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, RowMapping, select, update

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.password_policy import check_password as password_rule
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.messages import msg
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync.server import errors, register, throttle
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
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


@functools.cache
def dummy_hash() -> str:
    """What an unknown user name is checked against: a real hash of a random secret, with the server's
    own parameters, so the answer takes as long as a wrong password for a real account."""
    return _hasher.hash(secrets.token_urlsafe(24))


def policy_refusal(exc: DomainError) -> ApiError:
    return ApiError(422, exc.code, exc.text)


def checked_hash(password: str, username: str, hasher: PasswordHasher | None = None) -> str:
    """The hash of a new password that passes the password rule (every path that sets one comes here)."""
    try:
        password_rule(password, username)
    except DomainError as exc:
        raise policy_refusal(exc) from exc
    return hasher.hash(password) if hasher else hash_password(password)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _login_failed() -> ApiError:
    return ApiError(401, "login_failed", msg("login_failed"))


def account_disabled(username: str) -> ApiError:
    return ApiError(403, "account_disabled",
                    msg("account_disabled.account_disabled", username=username))


def _account(conn: Connection, username: str) -> RowMapping | None:
    return conn.execute(select(t.users).where(t.users.c.username == username)).mappings().first()


def _right_password(user: RowMapping | None, password: str) -> bool:
    """Always one argon2 check, against the account's hash or the dummy one."""
    right = check_password(user["password_hash"] if user is not None else dummy_hash(), password)
    return right and user is not None


def sign_in(store: ServerStore, username: str, password: str, device_name: str, station_id: str | None,
            replica_id: str | None, *, address: str, db_code: str | None = None,
            limits: throttle.Limits | None = None) -> tuple[str, Device, str | None]:
    """`login` over the network: throttled per user name and client address, and the password is checked
    outside the write transaction (argon2 takes a good part of a second; other writers need not wait)."""
    limits = limits or throttle.Limits.from_env()
    with store.write() as conn:
        attempt, refused = throttle.begin(conn, limits, username, address, now_ms())
    if refused is not None or attempt is None:
        raise refused or throttle.too_many(limits.delay_cap_s)
    with store.read() as conn:
        user = _account(conn, username)
    right = _right_password(user, password)
    if not right:
        with store.write() as conn:
            delay, locked = throttle.failed(conn, limits, attempt, now_ms())
        if locked is not None:
            raise locked
        time.sleep(delay)  # outside any transaction; a guesser waits longer after each failure
        raise _login_failed()
    with store.write() as conn:
        throttle.succeeded(conn, attempt)
    with store.write() as conn:
        user = _account(conn, username)  # as it is now, in the transaction that binds the device
        if user is None or not user["active"]:
            raise account_disabled(username)
        return _bind(store, conn, user, device_name, station_id, replica_id, db_code)


def change_own_password(store: ServerStore, device: Device, current: str, new: str, *, address: str,
                        limits: throttle.Limits | None = None) -> None:
    """A person changes their own password from a signed-in computer: the current one is checked (and
    throttled like a sign-in), the new one must pass the password rule and differ from it."""
    limits = limits or throttle.Limits.from_env()
    with store.write() as conn:
        attempt, refused = throttle.begin(conn, limits, device.username, address, now_ms())
    if refused is not None or attempt is None:
        raise refused or throttle.too_many(limits.delay_cap_s)
    with store.read() as conn:
        user = _account(conn, device.username)
    if not _right_password(user, current):
        with store.write() as conn:
            delay, locked = throttle.failed(conn, limits, attempt, now_ms())
        if locked is not None:
            raise locked
        time.sleep(delay)
        raise ApiError(403, "current_password_wrong", msg("current_password_wrong"))
    with store.write() as conn:
        throttle.succeeded(conn, attempt)
    if new == current:
        raise ApiError(422, "password_unchanged", msg("password_unchanged"))
    digest = checked_hash(new, device.username)
    with store.write() as conn:
        conn.execute(update(t.users).where(t.users.c.username == device.username).values(password_hash=digest))


def login(store: ServerStore, conn: Connection, username: str, password: str, device_name: str,
          station_id: str | None, replica_id: str | None, *,
          db_code: str | None = None) -> tuple[str, Device, str | None]:
    """A new device token for this account, in the caller's transaction and not throttled (the demo, in
    process; the network goes through `sign_in`)."""
    user = _account(conn, username)
    if not _right_password(user, password):
        raise _login_failed()
    assert user is not None
    if not user["active"]:
        raise account_disabled(username)
    return _bind(store, conn, user, device_name, station_id, replica_id, db_code)


def _bind(store: ServerStore, conn: Connection, user: RowMapping, device_name: str, station_id: str | None,
          replica_id: str | None, db_code: str | None) -> tuple[str, Device, str | None]:
    """Binds an unbound station to the database's station id; a registration no PC has claimed yet takes
    the id of the station database that signs in with its code (`db_code`), so a station that worked
    alone keeps its records' id."""
    username = user["username"]
    station_code: str | None = user["station_code"]
    bound_id: str | None = None
    if user["role"] == "station":
        station = conn.execute(select(t.stations).where(t.stations.c.code == station_code)).mappings().first()
        if station is None:
            raise ApiError(409, "station_unknown", msg("station_unknown.bind", station_code=station_code))
        bound_id = station["id"]
        if bound_id is None:  # registered before stations had an id at once: the first PC binds it
            bound_id = station_id or station_id_for(station_code or "")
            conn.execute(update(t.stations).where(t.stations.c.code == station_code).values(id=bound_id))
        elif station_id and station_id != bound_id:
            # The database says which station it is: an account of another station never takes it over.
            if register.claimed(conn, bound_id) or (db_code is not None and db_code != station_code):
                mine = db_code or f"id {station_id}"
                raise ApiError(409, "station_mismatch",
                               msg("station_mismatch",
                                   mine=mine, station_code=station_code, username=username))
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
    if not row["active"]:
        raise ApiError(401, "account_disabled",
                       msg("account_disabled.authenticate", username=row['username']))
    if row["revoked"]:
        raise errors.device_revoked()
    station_id = row["station_key"] or None
    return Device(row["id"], row["username"], row["role"], station_id, row["station_key"],
                  int(row["acked_seq"] or 0), row["acked_mutation"], bool(row["clock_suspect"]))
