"""Lots of an item held at a station, and why a lot may not be issued."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import as_date, load_item, station_of, text_or_none
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import Item, Lot, Quarantine

MAX_ISSUABLE_VVM = 2


def check_vvm(vvm_stage: int | None, field: str = "vvm_stage") -> int | None:
    if vvm_stage is None:
        return None
    if isinstance(vvm_stage, bool) or not isinstance(vvm_stage, int) or not 1 <= vvm_stage <= 4:
        raise ValidationError(
            "bad_vvm",
            f"Giai đoạn VVM “{vvm_stage}” không hợp lệ: hãy nhập 1, 2, 3 hoặc 4.",
            f"VVM stage “{vvm_stage}” is not valid: enter 1, 2, 3 or 4.",
            field,
        )
    return vvm_stage


def clean_lot_no(lot_no: str | None) -> str:
    text = (lot_no or "").strip()
    if not text or len(text) > 64:
        raise ValidationError(
            "bad_lot_no",
            "Vui lòng nhập số lô (tối đa 64 ký tự) như in trên bao bì.",
            "Please enter the lot number (at most 64 characters) as printed on the pack.",
            "lot_no",
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
            f"Lô {lot_no} đã có trong kho với hạn dùng {day_text(lot.expiry)}, khác với {day_text(expiry)}. "
            "Hãy kiểm tra lại số lô và hạn dùng trên bao bì.",
            f"Lot {lot_no} is already held with expiry {day_text(lot.expiry, 'en')}, not {day_text(expiry, 'en')}. "
            "Check the lot number and expiry on the pack.",
            "expiry",
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
                f"{name} đã hết hạn dùng ngày {day_text(lot.expiry)}: không được xuất sử dụng. "
                "Hãy chọn lô khác và lập biên bản hủy lô này.",
                f"{name} expired on {day_text(lot.expiry, 'en')} and may not be issued. "
                "Choose another lot and record this one's disposal.",
                "lot_id",
            )
        )
    if is_quarantined(s, lot.id):
        out.append(
            RuleError(
                "lot_quarantined",
                f"{name} đang bị cách ly do sự cố dây chuyền lạnh: không được xuất. "
                "Hãy chờ cán bộ phụ trách đánh giá và giải phóng hoặc hủy lô.",
                f"{name} is quarantined after a cold-chain breach and may not be issued. "
                "Wait until the person in charge releases or disposes of it.",
                "lot_id",
            )
        )
    if item is not None and item.category == "vaccine" and (lot.vvm_stage or 0) > MAX_ISSUABLE_VVM:
        out.append(
            RuleError(
                "lot_vvm",
                f"{name} có chỉ thị nhiệt độ lọ vắc xin (VVM) ở giai đoạn {lot.vvm_stage}: không được sử dụng. "
                "Hãy chọn lô khác và lập biên bản hủy lô này.",
                f"{name} has its vaccine vial monitor (VVM) at stage {lot.vvm_stage} and may not be used. "
                "Choose another lot and record this one's disposal.",
                "lot_id",
            )
        )
    return out
