"""Sổ chuyển tuyến (the referral register with the centre's follow-up and, per station, the share judged
unnecessary) and Biên bản giám sát (each supervision visit: scores per area and item, findings and
their corrective actions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.reportdata.common import (
    Header,
    Period,
    Stations,
    header,
    label,
    only,
    station_ids,
    station_names,
)
from ytcs_desktop.store.models import Referral, SupervisionVisit


@dataclass
class ReferralRow:
    date: dt.date
    number: str
    station: str
    patient_ref: str
    reason: str
    icd10: str
    destination: str
    urgency: str
    status: str
    arrived_on: dt.date | None
    outcome: str
    advice: str
    needed: str  # "Có" / "Không" / "" (not judged yet)


@dataclass
class ReferralRegister:
    header: Header
    period: Period
    rows: list[ReferralRow]
    counts: list[referrals.ReferralCounts]

    @property
    def by_station(self) -> bool:
        return self.header.issuer == "centre"


def referral_register(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> ReferralRegister:
    """Referrals made in the period (cancelled ones left out), of one station, several or all."""
    period = Period(date_from, date_to)
    q = (select(Referral).where(Referral.deleted.is_(False), Referral.status != "cancelled",
                                Referral.referred_on >= date_from, Referral.referred_on <= date_to)
         .order_by(Referral.referred_on, Referral.number))
    q = only(q, Referral.station_id, station_id)
    names = station_names(s)
    rows = [ReferralRow(r.referred_on, r.number or "", names.get(r.station_id or "", ""), r.patient_ref, r.reason,
                        r.icd10 or "", r.destination, label("urgency", r.urgency), label("referral_status", r.status),
                        r.arrived_on, r.outcome or r.follow_up_note or "", r.advice or "",
                        "" if r.needed is None else ("Có" if r.needed else "Không"))
            for r in s.scalars(q)]
    ids = station_ids(station_id)
    counts = [c for c in referrals.referral_counts(s, date_from, date_to)
              if (ids is None or c.station_id in ids) and c.referred]
    head = header(s, station_id, "SỔ THEO DÕI CHUYỂN TUYẾN", date=date_to, subtitle=period.line())
    return ReferralRegister(head, period, rows, counts)


@dataclass
class ScoredItem:
    area: str
    text: str
    score: int | None
    max_score: int


@dataclass
class FindingRow:
    area: str
    finding: str
    action: str
    owner: str
    due_date: dt.date
    status: str
    progress: str
    evidence: str
    closed_on: dt.date | None


@dataclass
class VisitReport:
    number: str
    station: str
    visit_date: dt.date
    team: str
    summary: str
    areas: list[supervision.AreaScore]
    items: list[ScoredItem]
    findings: list[FindingRow]


@dataclass
class SupervisionReport:
    header: Header
    period: Period
    visits: list[VisitReport]


def supervision_report(s: Session, station_id: Stations, date_from: dt.date,
                       date_to: dt.date) -> SupervisionReport:
    """Every supervision visit of the period, each with its scores and its findings."""
    period = Period(date_from, date_to)
    q = (select(SupervisionVisit).where(SupervisionVisit.deleted.is_(False),
                                        SupervisionVisit.visit_date >= date_from,
                                        SupervisionVisit.visit_date <= date_to)
         .order_by(SupervisionVisit.visit_date, SupervisionVisit.number))
    q = only(q, SupervisionVisit.station_id, station_id)
    names = station_names(s)
    visits = []
    for v in s.scalars(q):
        items = [ScoredItem(label("supervision_area", i.area), i.text, score, i.max_score)
                 for i, score in supervision.visit_scores(s, v.id)]
        findings = [FindingRow(label("supervision_area", f.area), f.finding, f.action, f.owner, f.due_date,
                               label("finding_status", f.status), f.progress_note or "", f.evidence_note or "",
                               f.closed_on)
                    for f in supervision.list_findings(s, visit_id=v.id)]
        visits.append(VisitReport(v.number or "", names.get(v.station_id or "", ""), v.visit_date, v.team,
                                  v.summary or "", supervision.area_scores(s, v.id), items, findings))
    head = header(s, station_id, "BIÊN BẢN GIÁM SÁT CHUYÊN MÔN TẠI TRẠM Y TẾ", date=date_to, subtitle=period.line())
    return SupervisionReport(head, period, visits)
