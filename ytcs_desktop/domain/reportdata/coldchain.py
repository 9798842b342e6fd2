"""Phiếu theo dõi nhiệt độ tủ lạnh (monthly): days × morning/afternoon from domain.coldchain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain import coldchain
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.domain.reportdata.common import Header, header
from ytcs_desktop.messages import msg
from ytcs_desktop.store.models import Fridge

LOW, HIGH = 2.0, 8.0


@dataclass
class FridgeSheet:
    header: Header
    fridge_name: str
    model: str
    location: str
    sheet: coldchain.MonthSheet

    @property
    def missing(self) -> int:
        return 2 * len(self.sheet.days) - self.sheet.recorded


def fridge_sheets(s: Session, station_id: str | None, date_from: dt.date,
                  fridge_name: str | None = None) -> list[FridgeSheet]:
    """One sheet per fridge (or the one named) for the month of `date_from`."""
    q = select(Fridge).where(Fridge.deleted.is_(False))
    if station_id is not None:
        q = q.where(Fridge.station_id == station_id)
    # a fridge asked for by name is printed even when retired
    q = q.where(Fridge.name == fridge_name) if fridge_name else q.where(Fridge.active.is_(True))
    fridges = list(s.scalars(q.order_by(Fridge.name)))
    if not fridges:
        raise NotFoundError("fridge_not_found",
                            msg("fridge_not_found.named", name=fridge_name) if fridge_name
                            else msg("fridge_not_found.none"),
                            field="fridge")
    last = (date_from.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    out = []
    for f in fridges:
        sheet = coldchain.month_readings(s, f.id, date_from.year, date_from.month)
        head = header(s, station_id, "PHIẾU THEO DÕI NHIỆT ĐỘ TỦ LẠNH BẢO QUẢN VẮC XIN", date=last,
                      subtitle=f"Tháng {date_from.month:02d} năm {date_from.year} – {f.name}")
        out.append(FridgeSheet(head, f.name, f.model or "", f.location or "", sheet))
    return out
