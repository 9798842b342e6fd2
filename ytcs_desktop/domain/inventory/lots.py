"""Lots of an item held at a station, and why a lot may not be issued."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import as_date, load_item, station_of, text_or_none
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import Item, Lot, Quarantine

MAX_ISSUABLE_VVM = 2


def check_vvm(vvm_stage: int | None, field: str = "vvm_stage") -> int | None:
    if vvm_stage is None:
        return None
    if isinstance(vvm_stage, bool) or not isinstance(vvm_stage, int) or not 1 <= vvm_stage <= 4:
        raise ValidationError(
            "bad_vvm",
            msg("bad_vvm.check_vvm", vvm_stage=vvm_stage),
            field=field,
        )
    return vvm_stage


def clean_lot_no(lot_no: str | None) -> str:
    text = (lot_no or "").strip()
    if not text or len(text) > 64:
        raise ValidationError(
            "bad_lot_no",
            msg("bad_lot_no"),
            field="lot_no",
        )
    return text


def lot_id_for(station_id: str, item_id: str, lot_no: str) -> str:
    """A lot's id comes from its natural key: two PCs of a station receiving the same lot number of
    the same item offline make the same row, which sync merges (SYNC.md guarantee 2)."""
    return natural_id(Lot.__tablename__, station_id, item_id, lot_no)


def find_or_create_lot(
    s: Session,
    actor: Actor,
    *,
    item_id: str,
    lot_no: str,
    expiry: dt.date,
    manufacturer: str | None = None,
    vvm_stage: int | None = None,
    fridge_id: str | None = None,
) -> Lot:
    """The station's lot of this item with this number; a lot number seen again must carry the same
    expiry. A worse VVM stage seen at a later receipt is kept (VVM only moves forward)."""
    station_id = station_of(actor)
    load_item(s, item_id, station_id)
    lot_no = clean_lot_no(lot_no)
    expiry = as_date(expiry, "expiry")
    vvm_stage = check_vvm(vvm_stage)
    lot = s.scalar(
        select(Lot).where(Lot.station_id == station_id, Lot.item_id == item_id, Lot.lot_no == lot_no)
    )
    if lot is None:
        lot = Lot(
            id=lot_id_for(station_id, item_id, lot_no),
            station_id=station_id,
            item_id=item_id,
            lot_no=lot_no,
            expiry=expiry,
            manufacturer=text_or_none(manufacturer),
            vvm_stage=vvm_stage,
            fridge_id=fridge_id,
        )
        s.add(lot)
        s.flush()
        return lot
    if lot.expiry != expiry:
        raise RuleError(
            "lot_expiry_mismatch",
            msg("lot_expiry_mismatch.find_or_create_lot",
                lot_no=lot_no, lot_expiry=pick(day_text, lot.expiry), expiry=pick(day_text, expiry)),
            field="expiry",
        )
    if vvm_stage is not None and (lot.vvm_stage is None or vvm_stage > lot.vvm_stage):
        lot.vvm_stage = vvm_stage
    if fridge_id and lot.fridge_id != fridge_id:
        lot.fridge_id = fridge_id
    if manufacturer and not lot.manufacturer:
        lot.manufacturer = text_or_none(manufacturer)
    if lot.deleted:
        lot.deleted = False
    return lot


def is_quarantined(s: Session, lot_id: str) -> bool:
    return (
        s.scalar(
            select(Quarantine.id)
            .where(Quarantine.lot_id == lot_id, Quarantine.status == "active", Quarantine.deleted.is_(False))
            .limit(1)
        )
        is not None
    )


def lot_blockers(s: Session, lot: Lot, on: dt.date) -> list[DomainError]:
    """Every reason this lot may not be issued on `on` (empty: it may). A lot is usable through its
    expiry date and expired from the day after."""
    item = s.get(Item, lot.item_id)
    name = f"{item.name if item else lot.item_id} – lô {lot.lot_no}"
    out: list[DomainError] = []
    if on > lot.expiry:
        out.append(
            RuleError(
                "lot_expired",
                msg("lot_expired", name=name, expiry=pick(day_text, lot.expiry)),
                field="lot_id",
            )
        )
    if is_quarantined(s, lot.id):
        out.append(
            RuleError(
                "lot_quarantined",
                msg("lot_quarantined", name=name),
                field="lot_id",
            )
        )
    if item is not None and item.category == "vaccine" and (lot.vvm_stage or 0) > MAX_ISSUABLE_VVM:
        out.append(
            RuleError(
                "lot_vvm",
                msg("lot_vvm", name=name, vvm_stage=lot.vvm_stage),
                field="lot_id",
            )
        )
    return out
