"""The centre's register of stations: a station added at the centre is a station row at once (every
centre desktop shows it before the station ever syncs), and is claimed by the first station PC that
signs in: a new PC takes the registered id; a station that worked alone before keeps its own id.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select, update

from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.messages import msg
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import errors
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.store import ServerStore, now_ms

TABLE = "stations"


def next_seq(store: ServerStore, conn: Connection) -> int:
    return store.take_seqs(conn, 1)  # pullers never skip it (store.py)


def centre_stamp(store: ServerStore) -> tuple[str, str]:
    hlc = store.clock.now()
    return hlc, hlc[23:]


def register_row(store: ServerStore, conn: Connection, station_id: str, code: str, name: str) -> None:
    """The station's profile row as the centre registers it (the centre may give every field at birth)."""
    if conn.scalar(select(t.rows.c.row_id).where(t.rows.c.table_name == TABLE, t.rows.c.row_id == station_id)):
        return  # the station's own row is already here (registered with the id of a station that synced)
    from ytcs_desktop.sync.server.permissions import RULES  # permissions reads auth, which reads this

    rule = RULES[TABLE]
    fields: dict[str, Any] = {c: rule.defaults.get(c) for c in rule.columns}
    hlc, origin = centre_stamp(store)
    fields.update(id=station_id, station_id=station_id, code=code, name=name, hlc=hlc, origin=origin, deleted=0)
    conn.execute(t.rows.insert().values(
        station_key=station_id, table_name=TABLE, row_id=station_id, fields=p.json_text(fields), field_hlcs="{}",
        base_hlc=hlc, deleted=False, server_seq=next_seq(store, conn), echo_device=None, updated_ms=now_ms()))


def claimed(conn: Connection, station_id: str) -> bool:
    """Whether a station PC has ever signed in for this station (then its id is settled)."""
    return bool(conn.scalar(select(func.count()).select_from(t.devices).where(t.devices.c.station_key == station_id)))


def rebind(store: ServerStore, conn: Connection, code: str, old_id: str, new_id: str) -> None:
    """A station that worked alone before its centre registered it claims its registration with its own
    id. The registered row is retired: a tombstone whose code is freed, so centre desktops that already
    hold it drop it and then take the station's own row under the same code."""
    if conn.scalar(select(t.stations.c.code).where(t.stations.c.id == new_id, t.stations.c.code != code)) is not None:
        raise errors.station_id_taken(new_id)  # another station's database: it never takes this registration
    others = conn.scalar(select(func.count()).select_from(t.rows).where(
        t.rows.c.station_key == old_id, t.rows.c.table_name != TABLE))
    if others:
        raise ApiError(409, "station_has_records",
                       msg("station_has_records", code=code, new_id=new_id))
    row = conn.execute(select(t.rows.c.fields).where(t.rows.c.table_name == TABLE, t.rows.c.row_id == old_id)).first()
    if row is not None:
        fields = json.loads(row.fields)
        hlc, origin = centre_stamp(store)
        fields.update(code=f"{fields.get('code') or code}~{old_id[:8]}", deleted=1, hlc=hlc, origin=origin)
        conn.execute(update(t.rows).where(t.rows.c.table_name == TABLE, t.rows.c.row_id == old_id).values(
            fields=p.json_text(fields), field_hlcs="{}", base_hlc=hlc, deleted=True,
            server_seq=next_seq(store, conn), echo_device=None, updated_ms=now_ms()))
    conn.execute(update(t.stations).where(t.stations.c.code == code).values(id=new_id))


def add_station(conn: Connection, code: str, name: str, station_id: str | None = None,
                store: ServerStore | None = None) -> str:
    """Register a station; its id is the one given (an existing station database), else the one its
    code gives. With `store`, its profile row is written at once. Returns the station id."""
    if conn.scalar(select(t.stations.c.code).where(t.stations.c.code == code)) is not None:
        raise ApiError(409, "station_exists", msg("station_exists", code=code))
    sid = station_id or station_id_for(code)
    if conn.scalar(select(t.stations.c.code).where(t.stations.c.id == sid)) is not None:
        raise ApiError(409, "station_id_taken", msg("station_id_taken.add_station", sid=sid))
    conn.execute(t.stations.insert().values(code=code, name=name, id=sid, created_ms=now_ms()))
    if store is not None:
        register_row(store, conn, sid, code, name)
    return sid


def note_profiles(conn: Connection, images: list[dict[str, Any]]) -> None:
    """Station rows a centre desktop wrote (a station added or renamed in the centre's window) keep the
    register in step, so accounts can be made for a new station at once."""
    s = t.stations.c
    for image in images:
        sid, code, name = image.get("id"), image.get("code"), image.get("name")
        if not sid or not code or not name:
            continue
        held = conn.execute(select(s.code, s.name).where(s.id == sid)).first()
        if held is None:
            if conn.scalar(select(s.code).where(s.code == code)) is None:
                conn.execute(t.stations.insert().values(code=code, name=name, id=sid, created_ms=now_ms()))
        elif held.name != name:
            conn.execute(update(t.stations).where(s.id == sid).values(name=name))
