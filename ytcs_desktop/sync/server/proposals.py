"""Catalogue items a station made on its own, offered to the centre: one decision per item.

A station that worked before it had a centre (or that met an item the centre's catalogue lacks) made
the item itself. Its push is not refused: the item and its pack units are kept in the station's own
partition (the centre's desktops hold them, so the station's stock movements name an item they have)
and listed here. The centre adopts the item (moved into the catalogue every station receives, under the
same id, which comes from its code) or declines it (it stays the station's own).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_, update

from ytcs_desktop.messages import msg
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.register import centre_stamp, next_seq
from ytcs_desktop.sync.server.store import ServerStore, now_ms

PROPOSABLE = frozenset({"items", "pack_units"})
ADOPTED, DECLINED = "adopted", "declined"
DETAIL_CODE = "proposed"
MESSAGE = msg("proposed")


def record(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Keep the latest offer of each row (a push sent again offers it again)."""
    if not rows:
        return
    pr = t.proposals.c
    keys = [(r["station_key"], r["table_name"], r["row_id"]) for r in rows]
    conn.execute(delete(t.proposals).where(tuple_(pr.station_key, pr.table_name, pr.row_id).in_(keys),
                                           pr.decision.is_(None)))
    decided = {tuple(r) for r in conn.execute(select(pr.station_key, pr.table_name, pr.row_id).where(
        tuple_(pr.station_key, pr.table_name, pr.row_id).in_(keys)))}
    fresh = [r for r in rows if (r["station_key"], r["table_name"], r["row_id"]) not in decided]
    if fresh:
        conn.execute(t.proposals.insert(), fresh)


@dataclass(frozen=True)
class Proposal:
    item_id: str
    code: str
    name: str
    unit: str
    stations: list[str]
    pack_units: int


def pending(conn: Connection) -> list[Proposal]:
    pr = t.proposals.c
    codes = {r.id: r.code for r in conn.execute(select(t.stations.c.id, t.stations.c.code))}
    items: dict[str, tuple[dict[str, Any], list[str]]] = {}
    packs: dict[str, set[str]] = {}
    for row in conn.execute(select(pr.station_key, pr.table_name, pr.row_id, pr.fields)
                            .where(pr.decision.is_(None)).order_by(pr.proposed_ms)):
        fields = json.loads(row.fields)
        if row.table_name == "items":
            items.setdefault(row.row_id, (fields, []))[1].append(codes.get(row.station_key, row.station_key))
        else:
            packs.setdefault(str(fields.get("item_id")), set()).add(row.row_id)
    return sorted((Proposal(item_id, str(image.get("code")), str(image.get("name")), str(image.get("base_unit") or ""),
                            sorted(set(stations)), len(packs.get(item_id, ())))
                   for item_id, (image, stations) in items.items()), key=lambda x: x.code)


def _item_rows(conn: Connection, code: str) -> list[Any]:
    pr = t.proposals.c
    found = [r for r in conn.execute(select(pr.station_key, pr.table_name, pr.row_id, pr.fields, pr.proposed_ms)
                                     .where(pr.decision.is_(None), pr.table_name == "items"))
             if json.loads(r.fields).get("code") == code]
    if not found:
        raise ApiError(404, "proposal_unknown", msg("proposal_unknown", code=code))
    return found


def adopt(store: ServerStore, conn: Connection, code: str) -> int:
    """The item and its pack units become the centre's: moved from the station's partition into the
    catalogue, re-sequenced so every station receives them. Returns rows moved."""
    offers = sorted(_item_rows(conn, code), key=lambda r: r.proposed_ms)
    item_id = offers[0].row_id
    pr = t.proposals.c
    pack_ids = [r.row_id for r in conn.execute(select(pr.row_id, pr.fields).where(
        pr.decision.is_(None), pr.table_name == "pack_units")) if json.loads(r.fields).get("item_id") == item_id]
    r = t.rows.c
    moved = 0
    for table, row_id in [("items", item_id), *(("pack_units", i) for i in pack_ids)]:
        held = conn.execute(select(r.station_key, r.fields).where(r.table_name == table, r.row_id == row_id)).first()
        if held is None or held.station_key == t.REFERENCE:
            continue  # the centre made it meanwhile: its own row stands
        fields = json.loads(held.fields)
        hlc, origin = centre_stamp(store)
        fields.update(hlc=hlc, origin=origin, station_id=None)
        conn.execute(update(t.rows).where(r.table_name == table, r.row_id == row_id).values(
            station_key=t.REFERENCE, fields=p.json_text(fields), field_hlcs="{}", base_hlc=hlc,
            server_seq=next_seq(store, conn), echo_device=None, updated_ms=now_ms()))
        moved += 1
    _decide(conn, item_id, pack_ids, ADOPTED)
    return moved


def decline(conn: Connection, code: str) -> None:
    offers = _item_rows(conn, code)
    item_id = offers[0].row_id
    pr = t.proposals.c
    packs = [r.row_id for r in conn.execute(select(pr.row_id, pr.fields).where(
        pr.decision.is_(None), pr.table_name == "pack_units")) if json.loads(r.fields).get("item_id") == item_id]
    _decide(conn, item_id, packs, DECLINED)


def _decide(conn: Connection, item_id: str, pack_ids: list[str], decision: str) -> None:
    pr = t.proposals.c
    when = now_ms()
    conn.execute(update(t.proposals).where(pr.decision.is_(None), pr.table_name == "items", pr.row_id == item_id)
                 .values(decision=decision, decided_ms=when))
    if pack_ids:
        conn.execute(update(t.proposals).where(pr.decision.is_(None), pr.table_name == "pack_units",
                                               pr.row_id.in_(pack_ids)).values(decision=decision, decided_ms=when))
