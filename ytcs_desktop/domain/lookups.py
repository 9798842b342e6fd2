"""Reference lists for pickers (items, fridges, stations, staff) as (id, label) pairs, and the names the
lists of records show beside an id (a station's name, a centre staff member's name)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.inventory import on_hand_by_lot
from ytcs_desktop.store.models import Fridge, Item, Staff, Station


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    extra: str = ""  # unit, category… shown beside the label


def items(s: Session, category: str | None = None) -> list[Choice]:
    """Active catalogue items, "name (code)" with the base unit beside, by name."""
    stmt = select(Item.id, Item.code, Item.name, Item.base_unit, Item.category).where(
        Item.deleted.is_(False), Item.active.is_(True)
    )
    if category:
        stmt = stmt.where(Item.category == category)
    return [Choice(r[0], f"{r[2]} ({r[1]})", r[3]) for r in s.execute(stmt.order_by(Item.name))]


def fridges(s: Session, station_id: str | None) -> list[Choice]:
    """Fridges in use (of one station, or of all), by name."""
    stmt = select(Fridge.id, Fridge.name).where(Fridge.deleted.is_(False), Fridge.active.is_(True))
    if station_id:
        stmt = stmt.where(Fridge.station_id == station_id)
    return [Choice(r[0], r[1]) for r in s.execute(stmt.order_by(Fridge.name))]


def stations(s: Session, except_id: str | None = None) -> list[Choice]:
    """Stations not deleted, by name, with their code beside."""
    stmt = select(Station.id, Station.name, Station.code).where(Station.deleted.is_(False))
    return [Choice(r[0], r[1], r[2]) for r in s.execute(stmt.order_by(Station.name)) if r[0] != except_id]


def staff(s: Session, station_id: str | None) -> list[Choice]:
    """Active staff of a station (None: the centre's own), by name, with the job title beside."""
    stmt = select(Staff.id, Staff.full_name, Staff.title).where(Staff.deleted.is_(False), Staff.active.is_(True))
    stmt = stmt.where(Staff.station_id == station_id) if station_id else stmt.where(Staff.station_id.is_(None))
    return [Choice(r[0], r[1], r[2]) for r in s.execute(stmt.order_by(Staff.full_name))]


def vaccine_lots(s: Session, station_id: str) -> list[Choice]:
    """A station's vaccine lots with stock on hand: "item — lot (quantity unit)"."""
    return [Choice(b.lot_id, f"{b.item_name} — {b.lot_no} ({b.quantity} {b.unit})")
            for b in on_hand_by_lot(s, station_id) if b.category == "vaccine" and b.quantity > 0]


def station_names(s: Session) -> dict[str, str]:
    """Every station's name by id, deleted ones too: old records still name the station they came from."""
    return {sid: name for sid, name in s.execute(select(Station.id, Station.name))}


def centre_staff_names(s: Session) -> dict[str, str]:
    """The centre's own staff (no station) by id, those who left too: old visits still name them."""
    return {sid: name for sid, name in s.execute(select(Staff.id, Staff.full_name).where(Staff.station_id.is_(None)))}
