"""A station's people at the centre: the accounts its head of station made on a PC (offline too) are sent
by the next sync and made here for that station, and each sync brings back whether the centre keeps the
station's accounts in use.

An account arrives with the argon2 hash made on the PC (never a password; the PC checked the password
rule when it was typed) and its duties, which must be the station's. A user name held here by anyone else
(another station, the centre, or the same name with another password) is refused, 409 `username_taken`;
the same account sent again (an answer lost on the way) is answered as made. Only a station's own
computers send its accounts, and they are made for the computer's station whatever the body says; the
account that computer is signed in to the centre with must hold a duty that makes accounts (head of
station), else 403 `duty_required` and the accounts wait on the PC until the head of station signs in to
the centre from it."""

from __future__ import annotations

from argon2 import extract_parameters
from argon2.exceptions import InvalidHashError
from sqlalchemy import Connection, RowMapping, select

from ytcs_desktop.domain.accounts import taken_at_centre
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError, PermissionDenied
from ytcs_desktop.domain.permissions import check_duties, require
from ytcs_desktop.messages import msg
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.store import now_ms


def _station_code(conn: Connection, device: Device) -> str:
    """The code of the station the calling computer belongs to; a centre desktop is refused."""
    if device.role != "station" or not device.station_id:
        raise ApiError(403, "station_only", msg("station_only.station_code"))
    code = conn.scalar(select(t.stations.c.code).where(t.stations.c.id == device.station_id))
    if code is None:
        raise ApiError(409, "station_unknown", msg("station_unknown.station_code"))
    return str(code)


def _view(row: RowMapping) -> p.StationUser:
    duties = row["duties"]
    return p.StationUser(username=row["username"], full_name=row["full_name"],
                         duties=sorted(d for d in duties.split(",") if d) if duties else None,
                         active=bool(row["active"]))


def station_users(conn: Connection, device: Device) -> list[p.StationUser]:
    """Every account of the calling computer's station, with whether it is in use."""
    code = _station_code(conn, device)
    u = t.users.c
    rows = conn.execute(select(u.username, u.full_name, u.duties, u.active)
                        .where(u.role == "station", u.station_code == code).order_by(u.username)).mappings()
    return [_view(r) for r in rows]


def _checked_hash(value: str) -> str:
    try:
        extract_parameters(value)
        argon2id = value.startswith("$argon2id$")
    except (InvalidHashError, ValueError):
        argon2id = False
    if not argon2id:
        raise ApiError(422, "bad_password_hash", msg("bad_password_hash"))
    return value


def _may_make_accounts(conn: Connection, device: Device) -> None:
    """The account the computer signed in to the centre with must be allowed to make the station's accounts,
    by its duties at the centre (domain/permissions.py; none recorded: every duty of its side, as for an
    account made with `ytcs centre add-user`)."""
    u = t.users.c
    held = conn.execute(select(u.full_name, u.duties).where(u.username == device.username)).mappings().first()
    if held is None or not held["duties"]:
        return
    duties = frozenset(d for d in held["duties"].split(",") if d)
    try:
        require(Actor(held["full_name"] or device.username, "station", device.station_id, duties, device.username),
                "manage_station_accounts")
    except PermissionDenied as exc:
        raise ApiError(403, exc.code, msg("signed_in_as", refusal=exc.text, username=device.username)) from exc


def confirm_account(conn: Connection, device: Device, body: p.StationAccount) -> p.StationUser:
    """Make the account for the calling computer's station, or say why not (4xx with a code)."""
    code = _station_code(conn, device)
    _may_make_accounts(conn, device)
    try:
        duties = check_duties("station", body.duties)
    except DomainError as exc:
        raise ApiError(422, exc.code, exc.text) from exc
    digest = _checked_hash(body.password_hash)
    name, full_name = body.username.strip(), body.full_name.strip()
    if not full_name:
        raise ApiError(422, "full_name_missing", msg("full_name_missing"))
    held = conn.execute(select(t.users).where(t.users.c.username == name)).mappings().first()
    if held is not None:
        if held["role"] == "station" and held["station_code"] == code and held["password_hash"] == digest:
            return _view(held)  # the same account sent again: its first answer was lost
        taken = taken_at_centre(name)
        raise ApiError(409, taken.code, taken.text)
    conn.execute(t.users.insert().values(username=name, password_hash=digest, role="station", station_code=code,
                                         active=True, created_ms=now_ms(), full_name=full_name,
                                         duties=",".join(sorted(duties))))
    made = conn.execute(select(t.users).where(t.users.c.username == name)).mappings().one()
    return _view(made)
