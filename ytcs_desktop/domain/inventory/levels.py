"""Minimum and maximum stock of one item at one station (DOMAIN.md: "min and max stock per station").

A station's own levels override the catalogue's defaults; clearing them goes back to the defaults.
The below-minimum alert and the requisition's suggested quantity read them. A level's id comes from
its station and item (a natural id), so two PCs of a station setting levels offline set one row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.inventory.common import as_int, load_item, station_of
from ytcs_desktop.messages import msg
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import StockLevel


def stock_level_id_for(station_id: str, item_id: str) -> str:
    return natural_id(StockLevel.__tablename__, station_id, item_id)


def set_stock_level(s: Session, actor: Actor, *, item_id: str, min_stock: object,
                    max_stock: object = 0) -> StockLevel:
    """Set this station's minimum and maximum of the item (base units; a maximum of 0, or none given or
    left blank: none)."""
    station_id = station_of(actor)
    load_item(s, item_id, station_id)
    low = as_int(min_stock, "min_stock", allow_zero=True, what=msg("word.minimum"))
    blank = max_stock is None or (isinstance(max_stock, str) and not max_stock.strip())
    high = 0 if blank else as_int(max_stock, "max_stock", allow_zero=True, what=msg("word.maximum"))
    if high and high < low:
        raise ValidationError(
            "max_below_min",
            msg("max_below_min", high=high, low=low),
            field="max_stock",
        )
    level = _level(s, station_id, item_id)
    if level is None:
        level = StockLevel(id=stock_level_id_for(station_id, item_id), station_id=station_id, item_id=item_id,
                           min_stock=low, max_stock=high)
        s.add(level)
    else:  # only what differs is written: setting the same levels again queues nothing for sync
        if level.deleted:
            level.deleted = False
        if level.min_stock != low:
            level.min_stock = low
        if level.max_stock != high:
            level.max_stock = high
    s.flush()
    return level


def clear_stock_level(s: Session, actor: Actor, *, item_id: str) -> bool:
    """Back to the catalogue's defaults. True when the station had levels of its own."""
    station_id = station_of(actor)
    level = _level(s, station_id, item_id)
    if level is None or level.deleted:
        return False
    level.deleted = True
    s.flush()
    return True


def _level(s: Session, station_id: str, item_id: str) -> StockLevel | None:
    return s.scalar(select(StockLevel).where(StockLevel.station_id == station_id, StockLevel.item_id == item_id))
