"""Danh mục ca bệnh/nhu cầu of the rotation visits, danh mục kỹ thuật with each transfer's stages, and
the register of village health workers (sổ nhân viên y tế thôn/ấp)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain import rotations, techniques, village_workers, visit_cases
from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, label, station_ids, station_names


def _in(stations: Stations, station_id: str | None) -> bool:
    ids = station_ids(stations)
    return ids is None or (station_id or "") in ids


@dataclass
class CaseRow:
    visit: str  # "Huỳnh Văn Bảy, 11/05/2026–12/05/2026"
    station: str
    kind: str
    patient_ref: str
    icd10: str
    description: str
    outcome: str


@dataclass
class CaseList:
    header: Header
    period: Period
    rows: list[CaseRow]
    visits: int

    @property
    def by_station(self) -> bool:
        return self.header.issuer == "centre"


def case_list(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date) -> CaseList:
    """The cases and needs the stations listed for the centre's visits overlapping the period."""
    period = Period(date_from, date_to)
    names = station_names(s)
    views = [v for v in rotations.visit_views(s, None, date_from, date_to, direction="to_station")
             if _in(stations, v.visit.station_id) and v.visit.status != "cancelled"]
    by_visit = {v.visit.id: v for v in views}
    rows = []
    for line in visit_cases.case_lines(s, list(by_visit)):
        v = by_visit[line.visit_id]
        rows.append(CaseRow(f"{v.staff}, {day_text(v.visit.date_from)}–{day_text(v.visit.date_to)}",
                            names.get(v.visit.station_id or "", ""), label("case_kind", line.kind), line.patient_ref,
                            line.icd10, line.description, line.outcome))
    head = header(s, stations, "DANH MỤC CA BỆNH, NHU CẦU CẦN HỖ TRỢ", date=date_to,
                  subtitle=f"(Chuẩn bị cho đoàn luân phiên) – {period.line().lower().capitalize()}")
    return CaseList(head, period, rows, len({r.visit for r in rows}))


@dataclass
class TechniqueRow:
    name: str
    station: str
    specialty: str
    stage: str
    planned: dt.date | None
    trained: dt.date | None
    supervised: dt.date | None
    independent: dt.date | None
    department: str
    sources: str


@dataclass
class TechniqueRegister:
    header: Header
    rows: list[TechniqueRow]
    by_stage: dict[str, int]

    @property
    def by_station(self) -> bool:
        return self.header.issuer == "centre"


def technique_register(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date) -> TechniqueRegister:
    """Every technique of the stations with the day each stage was reached (up to the period's end)."""
    names = station_names(s)
    rows = []
    for v in techniques.technique_views(s):
        t = v.technique
        if not _in(stations, t.station_id) or t.deleted:
            continue
        reached = {k: d for k, d in v.reached.items() if d <= date_to}
        if not reached:
            continue
        stage = max(reached, key=lambda k: techniques.STAGES.index(k) if k in techniques.STAGES else -1)
        rows.append(TechniqueRow(t.name, names.get(t.station_id or "", ""), label("practice_scope", t.specialty),
                                 label("technique_status", stage), reached.get("planned"), reached.get("trained"),
                                 reached.get("supervised"), reached.get("independent"), v.department,
                                 "; ".join(dict.fromkeys(v.sources))))
    rows.sort(key=lambda r: (r.station, r.name))
    by_stage: dict[str, int] = {}
    for r in rows:
        by_stage[r.stage] = by_stage.get(r.stage, 0) + 1
    head = header(s, stations, "DANH MỤC KỸ THUẬT VÀ TIẾN ĐỘ CHUYỂN GIAO", date=date_to,
                  subtitle=f"Tính đến ngày {day_text(date_to)}")
    return TechniqueRegister(head, rows, by_stage)


@dataclass
class WorkerRow:
    name: str
    station: str
    hamlet: str
    phone: str
    birth_year: int | None
    since: dt.date | None
    trainings: str
    periods: int
    active: bool


@dataclass
class WorkerRegister:
    header: Header
    period: Period
    rows: list[WorkerRow]
    total_periods: int

    @property
    def by_station(self) -> bool:
        return self.header.issuer == "centre"


def worker_register(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date) -> WorkerRegister:
    """Every village health worker of the stations, with the trainings attended in the period."""
    period = Period(date_from, date_to)
    names = station_names(s)
    rows = []
    for v in village_workers.worker_views(s, include_inactive=True):
        w = v.worker
        if not _in(stations, w.station_id):
            continue
        held = [(d, t, p) for d, t, p in v.trainings if date_from <= d <= date_to]
        if not w.active and not held:
            continue
        rows.append(WorkerRow(w.full_name, names.get(w.station_id or "", ""), w.hamlet, w.phone or "", w.birth_year,
                              w.since, "; ".join(f"{t} ({day_text(d)})" for d, t, _p in held),
                              sum(p for _d, _t, p in held), w.active))
    head = header(s, stations, "SỔ THEO DÕI NHÂN VIÊN Y TẾ THÔN, ẤP", date=date_to,
                  subtitle=f"Tập huấn {period.line().lower()}")
    return WorkerRegister(head, period, rows, sum(r.periods for r in rows))
