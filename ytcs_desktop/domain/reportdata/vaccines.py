"""Báo cáo sử dụng vắc xin (monthly): figures from domain.vaccines.wastage, doses throughout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ytcs_desktop.domain import vaccines
from ytcs_desktop.domain.reportdata.common import Header, Period, header, station_row

FIELDS = ("opening", "received", "doses_given", "vials_opened", "wasted_opened", "wasted_expired", "wasted_vvm",
          "wasted_frozen", "wasted_damaged", "closing")


@dataclass
class VaccineUseReport:
    header: Header
    period: Period
    rows: list[vaccines.WastageLine]
    totals: dict[str, int]
    wastage_pct: float


def vaccine_use(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date) -> VaccineUseReport:
    period = Period(date_from, date_to)
    sid = station_id or station_row(s, None).id
    rows = sorted(vaccines.wastage(s, sid, date_from, date_to), key=lambda r: (r.item_name, r.expiry, r.lot_no))
    totals = {f: sum(getattr(r, f) for r in rows) for f in FIELDS}
    opened = sum(r.doses_opened for r in rows)
    closed = sum(r.wasted_closed for r in rows)
    used = opened + closed
    pct = round(100.0 * (totals["wasted_opened"] + closed) / used, 1) if used else 0.0
    head = header(s, station_id, "BÁO CÁO SỬ DỤNG VẮC XIN", date=date_to, number="…/BC-TYT",
                  subtitle=period.line())
    return VaccineUseReport(head, period, rows, totals, pct)
