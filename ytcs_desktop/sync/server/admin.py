"""Administration of the centre server: stations, accounts, devices, tombstone purge."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from sqlalchemy import Connection, delete, func, select, update

from ytcs_desktop.messages import msg
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server import throttle
from ytcs_desktop.sync.server.auth import checked_hash
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.register import add_station
from ytcs_desktop.sync.server.store import ServerStore, now_ms

ROLES = ("station", "centre")
__all__ = ["add_station", "add_user", "list_devices", "purge_tombstones", "reset_password", "revoke_device",
           "set_active"]

DEFAULT_TOMBSTONE_DAYS = 180  # > 90: a station offline for 90 days never needs a re-download


def add_user(conn: Connection, username: str, password: str, role: str, station_code: str | None,
             hasher: PasswordHasher | None = None) -> None:
    if role not in ROLES:
        raise ApiError(422, "bad_role", msg("bad_role"))
    if role == "station" and (not station_code or conn.scalar(
            select(t.stations.c.code).where(t.stations.c.code == station_code)) is None):
            raise ApiError(422, "station_unknown",
                           msg("station_unknown", station_code=station_code))
    digest = checked_hash(password, username, hasher)
    if conn.scalar(select(t.users.c.username).where(t.users.c.username == username)) is not None:
        raise ApiError(409, "user_exists", msg("user_exists", username=username))
    conn.execute(t.users.insert().values(username=username, password_hash=digest, role=role,
                                         station_code=station_code if role == "station" else None, active=True,
                                         created_ms=now_ms()))


def user_unknown(username: str) -> ApiError:
    return ApiError(404, "user_unknown", msg("user_unknown", username=username))


def set_active(conn: Connection, username: str, active: bool, acting: str | None = None) -> None:
    """Disable an account (its sign-in is refused and every token of its computers stops working at once)
    or enable it again (the same tokens work again; its failed sign-ins are forgotten). `acting` is the
    administrator's own account, which may not disable itself."""
    if not active and acting is not None and acting == username:
        raise ApiError(409, "own_account", msg("own_account.set_active"))
    done = conn.execute(update(t.users).where(t.users.c.username == username).values(active=active))
    if done.rowcount == 0:
        raise user_unknown(username)
    if active:
        throttle.forget_user(conn, username)


def reset_password(conn: Connection, username: str, password: str, hasher: PasswordHasher | None = None) -> None:
    """The centre's administrator sets a new password for someone who forgot theirs (the password rule
    applies); a lock from failed sign-ins is lifted. Their computers stay signed in."""
    if conn.scalar(select(t.users.c.username).where(t.users.c.username == username)) is None:
        raise user_unknown(username)
    digest = checked_hash(password, username, hasher)
    conn.execute(update(t.users).where(t.users.c.username == username).values(password_hash=digest))
    throttle.forget_user(conn, username)


def revoke_device(conn: Connection, device_id: str) -> None:
    done = conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(revoked=True))
    if done.rowcount == 0:
        raise ApiError(404, "device_unknown", msg("device_unknown", device_id=device_id))


def _iso(ms: int | None) -> str | None:
    if ms is None:
        return None
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).replace(microsecond=0).isoformat()


def list_devices(conn: Connection) -> list[p.DeviceInfo]:
    codes = dict(conn.execute(select(t.stations.c.id, t.stations.c.code).where(t.stations.c.id.is_not(None))).all())
    out = []
    for d in conn.execute(select(t.devices).order_by(t.devices.c.created_ms)).mappings():
        station = d["station_key"] or None
        out.append(p.DeviceInfo(
            id=d["id"], username=d["username"], name=d["name"] or "", station_id=station,
            station_code=codes.get(station) if station else None, revoked=bool(d["revoked"]),
            last_seen=_iso(d["last_seen_ms"]), clock_suspect=bool(d["clock_suspect"]),
            clock_offset_ms=d["clock_offset_ms"], protocol=d["protocol"], acked_seq=int(d["acked_seq"] or 0)))
    return out


def purge_tombstones(store: ServerStore, conn: Connection, older_than_days: float) -> tuple[int, int]:
    """Drop tombstones older than the limit; pull cursors below the new horizon then answer 410.

    Returns (rows purged, new horizon)."""
    cutoff = now_ms() - int(older_than_days * 86_400_000)
    r = t.rows.c
    old = (r.deleted.is_(True)) & (r.updated_ms <= cutoff)
    top = conn.scalar(select(func.max(r.server_seq)).where(old))
    if top is None:
        return 0, store.tombstone_horizon(conn)
    done = conn.execute(delete(t.rows).where(old, r.server_seq <= top))
    horizon = max(store.tombstone_horizon(conn), int(top))  # a cursor at or past it saw them all
    store.set_meta(conn, "tombstone_horizon", str(horizon))
    return done.rowcount, horizon


def list_stations(conn: Connection) -> list[dict[str, object]]:
    """The register: every station with its PCs and when one was last seen."""
    d = t.devices.c
    seen = {row.station_key: (row.pcs, row.last) for row in conn.execute(
        select(d.station_key, func.count().label("pcs"), func.max(d.last_seen_ms).label("last"))
        .where(d.revoked.is_(False)).group_by(d.station_key))}
    out: list[dict[str, object]] = []
    for row in conn.execute(select(t.stations).order_by(t.stations.c.code)).mappings():
        pcs, last = seen.get(row["id"] or "", (0, None))
        out.append({"code": row["code"], "name": row["name"], "id": row["id"], "pcs": int(pcs),
                    "last_seen": _iso(last)})
    return out


def list_users(conn: Connection) -> list[dict[str, object]]:
    """Every account; `locked_until` when failed sign-ins locked its name (a reset or enable lifts it); the full
    name and duties of an account a station's head of station made (None for one made here: every duty)."""
    u, th = t.users.c, t.sign_in_throttle.c
    now = now_ms()
    locks: dict[str, int] = {key: until for key, until in conn.execute(select(th.key, th.locked_until_ms).where(
        th.scope == throttle.USER, th.locked_until_ms > now))}
    return [{"username": r.username, "role": r.role, "station": r.station_code, "active": bool(r.active),
             "locked_until": _iso(locks.get(throttle.user_key(r.username))), "full_name": r.full_name,
             "duties": sorted(d for d in r.duties.split(",") if d) if r.duties else None}
            for r in conn.execute(select(u.username, u.role, u.station_code, u.active, u.full_name, u.duties)
                                  .order_by(u.username))]
