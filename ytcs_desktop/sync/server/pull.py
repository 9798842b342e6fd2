"""Serving changes: every row the device may see whose server sequence is past its cursor.

A row appears once, at its latest state (tombstones included), so a station offline for months pulls
each changed row once. Rows whose current image came from the puller itself, unchanged, are skipped
(`echo_device`); after a restore from backup the client asks for them too (`own=1`).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, or_, select

from ytcs_desktop.messages import msg
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import permissions as perm
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.store import ServerStore

MAX_LIMIT = 20_000


def cursor_expired(cursor: int, horizon: int) -> ApiError:
    return ApiError(410, "cursor_expired",
                    msg("cursor_expired", cursor=cursor, horizon=horizon))


def pull(store: ServerStore, conn: Connection, device: Device, cursor: int, limit: int, own: bool) -> dict[str, Any]:
    horizon = store.tombstone_horizon(conn)
    if 0 < cursor < horizon:
        raise cursor_expired(cursor, horizon)
    limit = max(1, min(limit, MAX_LIMIT))
    top = store.committed_top(conn)  # read first: every seq <= top is committed (store.py)
    r = t.rows.c
    base = select(r.server_seq, r.table_name, r.fields).where(r.server_seq > cursor, r.server_seq <= top)
    if not own:
        base = base.where(or_(r.echo_device.is_(None), r.echo_device != device.id))
    if device.role == "centre":
        found = list(conn.execute(base.order_by(r.server_seq).limit(limit)).all())
    else:
        found = []
        for key in {device.station_key, t.REFERENCE}:
            found.extend(conn.execute(base.where(r.station_key == key).order_by(r.server_seq).limit(limit)).all())
        found.sort(key=itemgetter(0))  # by server_seq
        found = found[:limit]
    has_more = len(found) == limit
    next_cursor = found[-1].server_seq if has_more else max(top, cursor)
    names = list(map(itemgetter(1), found))
    texts = list(map(itemgetter(2), found))
    tables = []
    for name in dict.fromkeys(names):  # in the order first met
        mine = texts if names.count(name) == len(names) else \
            [text for table, text in zip(names, texts, strict=True) if table == name]
        images = list(map(from_json, mine))  # pydantic's reader: twice json's pace
        rule = perm.RULES.get(name)
        cols = sorted(rule.columns) if rule else sorted({k for img in images for k in img})
        tables.append({"t": name, "cols": cols, "data": p.to_columns(images, cols)})
    return {"cursor": next_cursor, "has_more": has_more, "tables": tables,
            "server_time_ms": store.clock.physical_ms()}
