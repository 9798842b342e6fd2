"""Reference lists for pickers (items, fridges, stations, staff) as (id, label) pairs.

Plain reads of reference data; they belong in the domain's catalogue/stations modules once those
offer list functions, and move there then.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.store.models import Fridge, Item, Staff, Station


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    extra: str = ""  # unit, category… shown beside the label


def items(s: Session, category: str | None = None) -> list[Choice]:
    stmt = select(Item.id, Item.code, Item.name, Item.base_unit, Item.category).where(
        Item.deleted.is_(False), Item.active.is_(True)
    )
    if category:
        stmt = stmt.where(Item.category == category)
    return [Choice(r[0], f"{r[2]} ({r[1]})", r[3]) for r in s.execute(stmt.order_by(Item.name))]


def fridges(s: Session, station_id: str | None) -> list[Choice]:
    stmt = select(Fridge.id, Fridge.name).where(Fridge.deleted.is_(False), Fridge.active.is_(True))
    if station_id:
        stmt = stmt.where(Fridge.station_id == station_id)
    return [Choice(r[0], r[1]) for r in s.execute(stmt.order_by(Fridge.name))]


def stations(s: Session, except_id: str | None = None) -> list[Choice]:
    stmt = select(Station.id, Station.name, Station.code).where(Station.deleted.is_(False))
    return [Choice(r[0], r[1], r[2]) for r in s.execute(stmt.order_by(Station.name)) if r[0] != except_id]


def staff(s: Session, station_id: str | None) -> list[Choice]:
    stmt = select(Staff.id, Staff.full_name, Staff.title).where(Staff.deleted.is_(False), Staff.active.is_(True))
    stmt = stmt.where(Staff.station_id == station_id) if station_id else stmt.where(Staff.station_id.is_(None))
    return [Choice(r[0], r[1], r[2]) for r in s.execute(stmt.order_by(Staff.full_name))]
