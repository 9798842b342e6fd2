"""Phụ lục II, the training plan: what each department proposes to train, when, how (in person, online,
hands-on — cầm tay chỉ việc), for whom and how many people; plan against held, counted from the
training sessions that carried each item out and their attendance. Phụ lục I: the register of
documents each department rolled out to the stations and the number of forms it guided.
Both are the centre's reference data (every station reads them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import parse_code
from ytcs_desktop.domain.programme.common import non_negative, quarter_of, year_of
from ytcs_desktop.domain.stations import as_date, get_row, optional_date, require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import (
    Department,
    RolledOutDocument,
    TrainingAttendance,
    TrainingPlanItem,
    TrainingPlanSession,
    TrainingSession,
)


def _department(s: Session, department_id: str | None) -> str | None:
    if not department_id:
        return None
    return get_row(s, Department, department_id, msg("word.department"), "department_id").id


def add_plan_item(
    s: Session, actor: Actor, *, year: object, department_id: str | None, content: str, head_count: object,
    format: str = "in_person", quarter: object = None, expected_time: str | None = None,
    audience: str | None = None,
) -> TrainingPlanItem:
    require_centre(actor, msg("word.make_the_training_plan"))
    count = non_negative(head_count, "head_count", msg("word.planned_head_count"), 100_000)
    if count == 0:
        raise ValidationError("head_count_zero", msg("head_count_zero"), field="head_count")
    item = TrainingPlanItem(
        station_id=None, year=year_of(year), quarter=quarter_of(quarter), department_id=_department(s, department_id),
        content=required_text(content, "content", msg("word.proposed_training_content"), 2000),
        expected_time=(expected_time or "").strip()[:120] or None,
        format=parse_code("plan_training_format", format, "format"),
        audience=(audience or "").strip()[:300] or None, head_count=count)
    s.add(item)
    s.flush()
    return item


def link_session(s: Session, actor: Actor, item_id: str, session_id: str) -> TrainingPlanSession:
    """This training session carried out that planned item."""
    require_centre(actor, msg("programme.training_plan"))
    item = get_row(s, TrainingPlanItem, item_id, msg("word.training_plan_item"), "item_id")
    session = get_row(s, TrainingSession, session_id, msg("word.training_session"), "session_id")
    if session.station_id is not None:
        raise RuleError("station_session", msg("station_session"), field="session_id")
    link_id = natural_id("training_plan_sessions", item.id, session.id)
    old = s.get(TrainingPlanSession, link_id)
    if old is not None:
        old.deleted = False
        s.flush()
        return old
    link = TrainingPlanSession(id=link_id, station_id=None, item_id=item.id, session_id=session.id)
    s.add(link)
    s.flush()
    return link


@dataclass(frozen=True)
class PlanItemProgress:
    """One row of Phụ lục II with what was held against it."""

    id: str
    year: int
    quarter: int | None
    department: str
    content: str
    expected_time: str
    format: str
    audience: str
    head_count: int
    sessions_held: int
    trained: int  # attendance at the held sessions (absent not counted)

    @property
    def share(self) -> float | None:
        return self.trained / self.head_count if self.head_count else None


def training_plan(s: Session, year: int, department_id: str | None = None) -> list[PlanItemProgress]:
    q = select(TrainingPlanItem).where(TrainingPlanItem.deleted.is_(False), TrainingPlanItem.year == year)
    if department_id:
        q = q.where(TrainingPlanItem.department_id == department_id)
    items = list(s.scalars(q))
    names = {d.id: d.name for d in s.scalars(select(Department))}
    out: list[PlanItemProgress] = []
    for item in items:
        held = [sid for (sid,) in s.execute(
            select(TrainingSession.id).join(TrainingPlanSession, TrainingPlanSession.session_id == TrainingSession.id)
            .where(TrainingPlanSession.item_id == item.id, TrainingPlanSession.deleted.is_(False),
                   TrainingSession.deleted.is_(False), TrainingSession.status == "held"))]
        trained = int(s.scalar(select(func.count()).select_from(TrainingAttendance).where(
            TrainingAttendance.session_id.in_(held), TrainingAttendance.deleted.is_(False),
            (TrainingAttendance.result.is_(None)) | (TrainingAttendance.result != "absent"))) or 0) if held else 0
        out.append(PlanItemProgress(item.id, item.year, item.quarter, names.get(item.department_id or "", ""),
                                    item.content, item.expected_time or "", item.format, item.audience or "",
                                    item.head_count, len(held), trained))
    return sorted(out, key=lambda r: (r.department, r.quarter or 5, r.content))


# ----- Phụ lục I ----------------------------------------------------------------------------------
def add_document(
    s: Session, actor: Actor, *, department_id: str | None, doc_number: str, doc_date: object, summary: str,
    forms_guided: object = 0, today: object = None,
) -> RolledOutDocument:
    require_centre(actor, msg("programme.training_plan.add_document"))
    day = as_date(doc_date, "doc_date")
    now = optional_date(today, "today") or dt.date.today()
    if day > now:
        raise ValidationError("doc_in_future",
                              msg("doc_in_future", day=pick(day_text, day)),
                              field="doc_date")
    row = RolledOutDocument(
        station_id=None, department_id=_department(s, department_id),
        doc_number=required_text(doc_number, "doc_number", msg("word.document_number"), 80),
        doc_date=day, summary=required_text(summary, "summary", msg("word.document_summary"), 2000),
        forms_guided=non_negative(forms_guided, "forms_guided", msg("word.number_of_forms_guided"),
                                  10_000))
    s.add(row)
    s.flush()
    return row


@dataclass(frozen=True)
class DocumentLine:
    id: str
    department: str
    doc_number: str
    doc_date: dt.date
    summary: str
    forms_guided: int


def list_documents(s: Session, date_from: object = None, date_to: object = None) -> list[DocumentLine]:
    q = select(RolledOutDocument).where(RolledOutDocument.deleted.is_(False))
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        q = q.where(RolledOutDocument.doc_date >= start)
    if end:
        q = q.where(RolledOutDocument.doc_date <= end)
    names = {d.id: d.name for d in s.scalars(select(Department))}
    rows = [DocumentLine(d.id, names.get(d.department_id or "", ""), d.doc_number, d.doc_date, d.summary,
                         d.forms_guided) for d in s.scalars(q)]
    return sorted(rows, key=lambda r: (r.department, r.doc_date, r.doc_number))


def departments(s: Session) -> list[tuple[str, str]]:
    """(id, name) of the centre's departments, for the proposing department of a plan item or document."""
    return [(d.id, d.name) for d in s.scalars(select(Department).where(Department.deleted.is_(False))
                                              .order_by(Department.name))]


def session_choices(s: Session, year: int) -> list[tuple[str, str]]:
    """(id, "dd/mm/yyyy — topic") of the centre's training sessions of a year, to link to a plan item."""
    q = (select(TrainingSession).where(TrainingSession.deleted.is_(False), TrainingSession.station_id.is_(None),
                                       TrainingSession.status != "cancelled",
                                       TrainingSession.date_from >= dt.date(year, 1, 1),
                                       TrainingSession.date_from <= dt.date(year, 12, 31))
         .order_by(TrainingSession.date_from))
    return [(x.id, f"{day_text(x.date_from)} — {x.topic}") for x in s.scalars(q)]
