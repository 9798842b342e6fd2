"""The centre's view of every station at a glance: one row per station with what needs a call today.

Every count is the number of records `overview_records` lists for it (the window opens that list from a
figure), and every station is read with one fixed set of grouped queries, however many stations there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.coldchain import active_quarantines_by_station, missing_readings_by_station
from ytcs_desktop.domain.figures import FigureRecord, Records, add, figure, joined, local_day, records_of
from ytcs_desktop.domain.inventory.stock import is_below_minimum, is_stock_out, on_hand_by_station
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.support import OPEN_STATUSES
from ytcs_desktop.messages import Message, msg
from ytcs_desktop.store.models import Station, StockTransaction, SupportRequest

# The figures of a station's row, key -> its title: each opens the records it counts.
FIGURES: dict[str, Message] = {
    "open_requests": msg("overview.open_requests"),
    "stock_outs": msg("overview.stock_outs"),
    "below_minimum": msg("overview.below_minimum"),
    "missing_readings": msg("overview.missing_readings"),
    "quarantined": msg("overview.quarantined"),
    "reports_missing": msg("overview.reports_missing"),
    "reports_late": msg("overview.reports_late"),
}
REPORT_FIGURES = ("reports_missing", "reports_late")  # asked of active stations only


def figure_title(key: str, lang: str = "vi") -> str:
    title = FIGURES.get(key)
    return title.text(lang) if title is not None else key


@dataclass(frozen=True)
class StationGlance:
    id: str
    code: str
    name: str
    status: str
    last_activity: dt.date | None
    open_requests: int
    stock_outs: int
    below_minimum: int
    missing_readings: int
    quarantined: int
    reports_missing: int | None = None  # None: not an active station, no report is asked of it
    reports_late: int | None = None


def _requests(s: Session, out: Records, ids: list[str], lang: str) -> None:
    rows = s.execute(select(SupportRequest.station_id, SupportRequest.created_at, SupportRequest.number,
                            SupportRequest.title, SupportRequest.status, SupportRequest.created_by).where(
        SupportRequest.deleted.is_(False), SupportRequest.status.in_(OPEN_STATUSES),
        SupportRequest.station_id.in_(ids)).order_by(SupportRequest.created_at, SupportRequest.id))
    for sid, at, number, title, status, by in rows:
        what = joined(number, title, label("request_status", status, lang))
        add(out, "open_requests", FigureRecord(local_day(at), sid or "", what, by or ""))


def _stock(s: Session, out: Records, ids: list[str], day: dt.date) -> None:
    for sid, items in on_hand_by_station(s, ids).items():
        for b in items:
            if is_stock_out(b):
                add(out, "stock_outs", FigureRecord(day, sid, joined(b.code, b.name)))
            if is_below_minimum(b):
                add(out, "below_minimum", FigureRecord(day, sid, f"{joined(b.code, b.name)}: {b.quantity} < "
                                                                 f"{b.min_stock} {b.unit}"))


def _cold_chain(s: Session, out: Records, ids: list[str], day: dt.date, lang: str) -> None:
    for sid, missing in missing_readings_by_station(s, ids, day).items():
        for m in missing:
            add(out, "missing_readings", FigureRecord(m.reading_date, sid, joined(m.fridge_name,
                                                                                   label("slot", m.slot, lang))))
    for sid, held in active_quarantines_by_station(s, ids).items():
        for q in held:
            what = joined(f"{q.item_name} {q.lot_no}", q.fridge_name, q.reason)
            add(out, "quarantined", FigureRecord(local_day(q.started_at), sid, what))


def _reports(s: Session, out: Records, ids: list[str], today: dt.date | None, lang: str) -> None:
    wanted = set(ids)
    for line in overdue.centre_lines(s, today or overdue.reporting_today()):
        if line.station_id in wanted and line.state in ("missing", "late"):
            p = line.period
            what = f"{line.kind_name} {day_text(p.date_from, lang)}–{day_text(p.date_to, lang)}"
            add(out, f"reports_{line.state}", FigureRecord(p.deadline, line.station_id, what))


def overview_records(s: Session, station_ids: Sequence[str], today: dt.date | None = None,
                     lang: str = "vi") -> Records:
    """Per (station, figure key of FIGURES) the records the centre's overview counts. `today` is the day of
    the cold chain's last seven days and of the reports' deadlines (default: today in Việt Nam)."""
    ids = list(station_ids)
    out: Records = {}
    if not ids:
        return out
    day = today or dt.date.today()
    _requests(s, out, ids, lang)
    _stock(s, out, ids, day)
    _cold_chain(s, out, ids, day, lang)
    _reports(s, out, ids, today, lang)
    return out


def station_figure_records(s: Session, station_id: str, key: str, today: dt.date | None = None,
                           lang: str = "vi") -> list[FigureRecord]:
    """What one figure of one station's row counts (the window's list behind a figure)."""
    return records_of(overview_records(s, [station_id], today, lang), key)


def glance(s: Session, today: dt.date | None = None) -> list[StationGlance]:
    """Every station the centre holds, active ones first, each with its counts."""
    stations = list(s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.name)))
    ids = [st.id for st in stations]
    records = overview_records(s, ids, today)
    last = dict(s.execute(select(StockTransaction.station_id, func.max(StockTransaction.txn_date))
                          .where(StockTransaction.station_id.in_(ids)).group_by(StockTransaction.station_id)).all())
    active = {st.id for st in stations if st.status == "active"}  # those centre_lines asks reports of
    out = []
    for st in sorted(stations, key=lambda x: x.status != "active"):
        def n(key: str, sid: str = st.id) -> int:
            return figure(records, sid, key)

        reports = (n("reports_missing"), n("reports_late")) if st.id in active else (None, None)
        out.append(StationGlance(st.id, st.code, st.name, st.status, last.get(st.id), n("open_requests"),
                                 n("stock_outs"), n("below_minimum"), n("missing_readings"), n("quarantined"),
                                 *reports))
    return out
