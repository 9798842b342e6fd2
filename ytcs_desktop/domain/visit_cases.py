"""Danh mục ca bệnh/nhu cầu cần hỗ trợ: the cases and needs a station prepares for a rotation visit.

The station writes its list (its own rows, linked to the visit) until the visit is done or cancelled;
the visiting team records what it did for each case. Patient references only, no patient record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.domain.labels import label_in_sentence, parse_code
from ytcs_desktop.domain.stations import check_own_station, get_row, require_centre, require_station
from ytcs_desktop.domain.support import normalise_icd10
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.models import RotationVisit, VisitCase


def _open_visit(s: Session, actor: Actor, visit_id: str) -> RotationVisit:
    station_id = require_station(actor, msg("domain.visit_cases"))
    visit = get_row(s, RotationVisit, visit_id, msg("word.rotation_visit"), "visit_id")
    check_own_station(actor, visit.station_id)
    if visit.station_id != station_id or visit.status != "planned":
        raise RuleError(
            "visit_closed",
            msg("visit_closed.case_list", status=pick(label_in_sentence, "visit_status", visit.status)),
            field="visit_id",
        )
    return visit


def add_case(
    s: Session, actor: Actor, *, visit_id: str, description: str, kind: str = "case",
    patient_ref: str | None = None, icd10: str | None = None,
) -> VisitCase:
    """One case (a patient reference, ICD-10) or need (what the station wants help with) on the list."""
    visit = _open_visit(s, actor, visit_id)
    code = parse_code("case_kind", kind or "case", "kind")
    text = required_text(description, "description", msg("domain.visit_cases.add_case"),
                         2000)
    ref = (patient_ref or "").strip()[:80] or None
    row = VisitCase(station_id=visit.station_id, visit_id=visit.id, kind=code, patient_ref=ref,
                    icd10=normalise_icd10(icd10), description=text)
    s.add(row)
    s.flush()
    return row


def remove_case(s: Session, actor: Actor, case_id: str) -> VisitCase:
    case = get_row(s, VisitCase, case_id, msg("word.case_on_the_list"), "case_id")
    _open_visit(s, actor, case.visit_id)
    case.deleted = True
    s.flush()
    return case


def record_case_outcome(s: Session, actor: Actor, case_id: str, *, outcome: str) -> VisitCase:
    """What the visiting team did for one case (the centre's field)."""
    require_centre(actor, msg("domain.visit_cases.record_case_outcome"))
    case = get_row(s, VisitCase, case_id, msg("word.case_on_the_list"), "case_id")
    case.outcome = required_text(outcome, "outcome", msg("word.outcome"), 2000)
    s.flush()
    return case


def list_cases(s: Session, visit_id: str) -> list[VisitCase]:
    query = select(VisitCase).where(VisitCase.visit_id == visit_id, VisitCase.deleted.is_(False))
    return list(s.scalars(query.order_by(VisitCase.id)))


def case_counts(s: Session, visit_ids: Sequence[str]) -> dict[str, int]:
    if not visit_ids:
        return {}
    query = (select(VisitCase.visit_id, func.count()).where(VisitCase.visit_id.in_(list(visit_ids)),
                                                            VisitCase.deleted.is_(False))
             .group_by(VisitCase.visit_id))
    return {vid: int(n) for vid, n in s.execute(query)}


@dataclass(frozen=True)
class CaseLine:
    visit_id: str
    kind: str
    patient_ref: str
    icd10: str
    description: str
    outcome: str


def case_lines(s: Session, visit_ids: Sequence[str]) -> list[CaseLine]:
    """Every case of these visits, visit by visit, for the printed list."""
    if not visit_ids:
        return []
    query = (select(VisitCase).where(VisitCase.visit_id.in_(list(visit_ids)), VisitCase.deleted.is_(False))
             .order_by(VisitCase.visit_id, VisitCase.id))
    return [CaseLine(c.visit_id, c.kind, c.patient_ref or "", c.icd10 or "", c.description, c.outcome or "")
            for c in s.scalars(query)]
