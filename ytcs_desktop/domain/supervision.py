"""Supervision visits (giám sát): the centre scores a station against the checklist of each area it
checks, writes down its findings and the corrective action each needs (owner, due date), and follows
them until each is closed with an evidence note.

Ownership (SYNC.md): the visit, its scores and findings are the centre's. The station records how far
it has got on an action (a progress note, which moves an open action to "in progress"): the people
doing the work say where it stands without waiting for the next visit, but only the supervisor who saw
the problem may declare it solved, on evidence. The server imports TRANSITIONS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import codes, label, parse_code
from ytcs_desktop.domain.stations import (
    as_date,
    check_own_station,
    get_row,
    optional_date,
    require_centre,
    require_station,
)
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import (
    Department,
    Station,
    SupervisionFinding,
    SupervisionItem,
    SupervisionScore,
    SupervisionVisit,
)

AREAS = tuple(codes("supervision_area"))
INITIAL_STATUS = "open"
OPEN_STATUSES = ("open", "in_progress")

# (from, to) -> the one role that may make that move of a corrective action.
TRANSITIONS: dict[tuple[str, str], Role] = {
    ("open", "in_progress"): "station",
    ("open", "closed"): "centre",
    ("in_progress", "closed"): "centre",
}


# ----- the checklist ------------------------------------------------------------------------------


def checklist(s: Session, areas: Iterable[str] | None = None) -> list[SupervisionItem]:
    """Active checklist items, area by area in the areas' order, each area by position."""
    wanted = list(areas) if areas is not None else list(AREAS)
    rows = s.scalars(select(SupervisionItem).where(SupervisionItem.deleted.is_(False),
                                                   SupervisionItem.active.is_(True),
                                                   SupervisionItem.area.in_(wanted)))
    order = {a: n for n, a in enumerate(AREAS)}
    return sorted(rows, key=lambda i: (order.get(i.area, len(order)), i.position, i.id))


def _areas(value: Iterable[str] | str) -> list[str]:
    raw = [value] if isinstance(value, str) else list(value)
    parts = [p.strip() for v in raw for p in str(v).split(",") if p.strip()]
    if not parts:
        raise ValidationError("required", msg("required.areas"), field="areas")
    out: list[str] = []
    for p in parts:
        code = parse_code("supervision_area", p, "areas")
        if code not in out:
            out.append(code)
    return out


def _score(value: object, item: SupervisionItem) -> int | None:
    if value is None or value == "":
        return None  # not applicable at this station
    try:
        score = int(str(value)) if not isinstance(value, bool) else -1
    except ValueError:
        score = -1
    if not 0 <= score <= item.max_score:
        raise ValidationError(
            "bad_score",
            msg("bad_score", value=value, text=item.text, max_score=item.max_score),
            field="scores",
        )
    return score


def _next_number(s: Session, station_id: str, year: int) -> str:
    prefix = f"GS-{year}-"
    numbers = s.scalars(select(SupervisionVisit.number).where(SupervisionVisit.station_id == station_id,
                                                              SupervisionVisit.number.like(f"{prefix}%")))
    last = max((int(n[len(prefix):]) for n in numbers if n and n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


# ----- the visit ----------------------------------------------------------------------------------


def record_visit(
    s: Session, actor: Actor, *, station_id: str, visit_date: object, areas: Iterable[str] | str, team: str,
    scores: Mapping[str, object] | None = None, summary: str | None = None, department_id: str | None = None,
    today: object = None,
) -> SupervisionVisit:
    """A visit made, with the score of each checklist item of the areas checked (item id -> score)."""
    require_centre(actor, msg("word.record_a_supervision_visit"))
    station = get_row(s, Station, station_id, msg("word.station.record_visit"), "station_id")
    day = as_date(visit_date, "visit_date")
    now = optional_date(today, "today") or dt.date.today()
    if day > now:
        raise ValidationError(
            "future_date",
            msg("future_date.record_visit", day=pick(day_text, day)),
            field="visit_date",
        )
    chosen = _areas(areas)
    who = required_text(team, "team", msg("word.supervision_team"), 300)
    if department_id:
        get_row(s, Department, department_id, msg("word.department"), "department_id")
    items = {i.id: i for i in checklist(s, chosen)}
    given = dict(scores or {})
    for item_id in given:
        if item_id not in items:
            raise ValidationError(
                "unknown_item",
                msg("unknown_item.record_visit"),
                field="scores",
            )
    values = {item_id: _score(given.get(item_id), item) for item_id, item in items.items()}
    visit = SupervisionVisit(
        station_id=station.id, number=_next_number(s, station.id, day.year), visit_date=day,
        areas=",".join(chosen), team=who, department_id=department_id or None,
        summary=(summary or "").strip() or None, status="done", created_at=utc_now(), created_by=actor.name)
    s.add(visit)
    s.flush()
    for item_id, value in values.items():
        s.add(SupervisionScore(station_id=station.id, visit_id=visit.id, item_id=item_id, score=value))
    s.flush()
    return visit


def visit_areas(visit: SupervisionVisit) -> list[str]:
    return [a for a in visit.areas.split(",") if a]


@dataclass(frozen=True)
class AreaScore:
    area: str
    points: int
    max_points: int
    scored: int  # items scored (not "not applicable")

    @property
    def percent(self) -> float | None:
        return 100 * self.points / self.max_points if self.max_points else None


def area_scores(s: Session, visit_id: str) -> list[AreaScore]:
    """Per area checked: points over the maximum of the items that applied."""
    visit = get_row(s, SupervisionVisit, visit_id, msg("word.supervision_visit"), "visit_id")
    rows = s.execute(select(SupervisionScore, SupervisionItem)
                     .join(SupervisionItem, SupervisionItem.id == SupervisionScore.item_id)
                     .where(SupervisionScore.visit_id == visit.id, SupervisionScore.deleted.is_(False)))
    sums: dict[str, list[int]] = {a: [0, 0, 0] for a in visit_areas(visit)}
    for score, item in rows:
        if score.score is None:
            continue
        entry = sums.setdefault(item.area, [0, 0, 0])
        entry[0] += score.score
        entry[1] += item.max_score
        entry[2] += 1
    return [AreaScore(a, p, m, n) for a, (p, m, n) in sums.items()]


def visit_scores(s: Session, visit_id: str) -> list[tuple[SupervisionItem, int | None]]:
    """Each checklist item of the visit with its score, in checklist order."""
    rows = dict(s.execute(select(SupervisionScore.item_id, SupervisionScore.score)
                          .where(SupervisionScore.visit_id == visit_id, SupervisionScore.deleted.is_(False))).all())
    items = [i for i in checklist(s) if i.id in rows]
    return [(i, rows[i.id]) for i in items]


def list_visits(s: Session, station_id: str | None = None, date_from: object = None,
                date_to: object = None) -> list[SupervisionVisit]:
    query = select(SupervisionVisit).where(SupervisionVisit.deleted.is_(False))
    if station_id:
        query = query.where(SupervisionVisit.station_id == station_id)
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        query = query.where(SupervisionVisit.visit_date >= start)
    if end:
        query = query.where(SupervisionVisit.visit_date <= end)
    return list(s.scalars(query.order_by(SupervisionVisit.visit_date, SupervisionVisit.number)))


# ----- findings and their corrective actions --------------------------------------------------------


def add_finding(s: Session, actor: Actor, visit_id: str, *, area: str, finding: str, action: str, owner: str,
                due_date: object) -> SupervisionFinding:
    """A finding of the visit and the corrective action it asks for, with who does it and by when."""
    require_centre(actor, msg("word.record_a_supervision_finding"))
    visit = get_row(s, SupervisionVisit, visit_id, msg("word.supervision_visit"), "visit_id")
    code = parse_code("supervision_area", area, "area")
    what = required_text(finding, "finding", msg("word.finding"), 2000)
    todo = required_text(action, "action", msg("word.corrective_action"), 2000)
    who = required_text(owner, "owner", msg("word.person_responsible"), 200)
    due = as_date(due_date, "due_date")
    if due < visit.visit_date:
        raise ValidationError(
            "due_before_visit",
            msg("due_before_visit", due=pick(day_text, due), visit_date=pick(day_text, visit.visit_date)),
            field="due_date",
        )
    row = SupervisionFinding(station_id=visit.station_id, visit_id=visit.id, area=code, finding=what, action=todo,
                             owner=who, due_date=due, status=INITIAL_STATUS, created_at=utc_now())
    s.add(row)
    s.flush()
    return row


def _action(s: Session, actor: Actor, finding_id: str) -> SupervisionFinding:
    row = get_row(s, SupervisionFinding, finding_id, msg("word.corrective_action"), "finding_id")
    check_own_station(actor, row.station_id)
    return row


def _closed(row: SupervisionFinding) -> RuleError:
    return RuleError(
        "action_closed",
        msg("action_closed", closed_on=pick(day_text, row.closed_on)),
        field="status",
    )


def record_progress(s: Session, actor: Actor, finding_id: str, *, note: str) -> SupervisionFinding:
    """The station says how far it has got on an action; an open action becomes "in progress"."""
    require_station(actor, msg("domain.supervision"))
    row = _action(s, actor, finding_id)
    if row.status == "closed":
        raise _closed(row)
    row.progress_note = required_text(note, "progress_note", msg("domain.supervision.record_progress"), 2000)
    row.progress_at, row.progress_by = utc_now(), actor.name
    if row.status == "open":
        row.status = "in_progress"
    s.flush()
    return row


def close_action(s: Session, actor: Actor, finding_id: str, *, evidence_note: str, closed_on: object = None,
                 today: object = None) -> SupervisionFinding:
    """The centre confirms the action is done, on evidence (what was seen or received)."""
    if actor.role != "centre":
        raise PermissionDenied(
            "centre_only",
            msg("centre_only"),
            field="status",
        )
    row = _action(s, actor, finding_id)
    if row.status == "closed":
        raise _closed(row)
    evidence = required_text(evidence_note, "evidence_note",
                             msg("domain.supervision.close_action"), 2000)
    now = optional_date(today, "today") or dt.date.today()
    day = as_date(closed_on, "closed_on") if closed_on not in (None, "") else now
    visit = s.get(SupervisionVisit, row.visit_id)
    if day > now or (visit is not None and day < visit.visit_date):
        raise ValidationError(
            "bad_close_date",
            msg("bad_close_date", day=pick(day_text, day)),
            field="closed_on",
        )
    row.evidence_note, row.closed_on, row.closed_by = evidence, day, actor.name
    row.status = "closed"
    s.flush()
    return row


def list_findings(s: Session, station_id: str | None = None, visit_id: str | None = None,
                  open_only: bool = False) -> list[SupervisionFinding]:
    query = select(SupervisionFinding).where(SupervisionFinding.deleted.is_(False))
    if station_id:
        query = query.where(SupervisionFinding.station_id == station_id)
    if visit_id:
        query = query.where(SupervisionFinding.visit_id == visit_id)
    if open_only:
        query = query.where(SupervisionFinding.status.in_(OPEN_STATUSES))
    return list(s.scalars(query.order_by(SupervisionFinding.due_date, SupervisionFinding.created_at,
                                         SupervisionFinding.id)))


@dataclass(frozen=True)
class OpenAction:
    """A corrective action still open, as the station's overview lists it."""

    id: str
    area: str
    finding: str
    action: str
    owner: str
    due_date: dt.date
    status: str
    progress_note: str | None
    visit_date: dt.date
    overdue: bool


def open_actions(s: Session, station_id: str | None, today: dt.date | None = None) -> list[OpenAction]:
    """The actions of a station (every station when None) not yet closed, soonest due first."""
    day = today or dt.date.today()
    visits = {v.id: v.visit_date for v in list_visits(s, station_id)}
    return [OpenAction(f.id, f.area, f.finding, f.action, f.owner, f.due_date, f.status, f.progress_note,
                       visits.get(f.visit_id, f.due_date), f.due_date < day)
            for f in list_findings(s, station_id, open_only=True)]


@dataclass(frozen=True)
class FindingCounts:
    """One station's supervision findings in a period: the figures the quarterly report carries."""

    station_id: str
    station: str
    visits: int  # visits made in the period
    opened: int  # findings of those visits
    closed: int  # actions closed in the period (whatever visit they came from)
    open_at_end: int  # actions of any earlier visit still open at the period's end
    overdue_at_end: int  # of those, past their due date


@dataclass(frozen=True)
class PeriodFindings:
    """The findings a period's figures count: those of visits up to its end, with their visits."""

    start: dt.date
    end: dt.date
    visits: dict[str, SupervisionVisit]
    findings: list[SupervisionFinding]

    def opened(self, f: SupervisionFinding) -> bool:
        """Found on a visit made in the period."""
        return self.start <= self.visits[f.visit_id].visit_date <= self.end

    def closed(self, f: SupervisionFinding) -> bool:
        """Its action closed in the period (whatever visit it came from)."""
        return f.closed_on is not None and self.start <= f.closed_on <= self.end


def period_findings(s: Session, date_from: object, date_to: object,
                    station_id: str | None = None) -> PeriodFindings:
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    visits = {v.id: v for v in list_visits(s, station_id, None, end)}
    return PeriodFindings(start, end, visits, [f for f in list_findings(s, station_id) if f.visit_id in visits])


def finding_counts(s: Session, date_from: object, date_to: object,
                   station_id: str | None = None) -> list[FindingCounts]:
    """Per station (every active station, by code): findings opened and closed in [date_from, date_to]."""
    p = period_findings(s, date_from, date_to, station_id)
    start, end = p.start, p.end
    out = []
    for st in s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.code)):
        if station_id and st.id != station_id:
            continue
        mine = [f for f in p.findings if f.station_id == st.id]
        in_period = [v for v in p.visits.values() if v.station_id == st.id and start <= v.visit_date <= end]
        still = [f for f in mine if f.closed_on is None or f.closed_on > end]
        out.append(FindingCounts(st.id, st.name, len(in_period), sum(1 for f in mine if p.opened(f)),
                                 sum(1 for f in mine if p.closed(f)), len(still),
                                 sum(1 for f in still if f.due_date < end)))
    return out


def area_label(code: str, lang: str = "vi") -> str:
    return label("supervision_area", code, lang)


def check_pushed_finding(fields: Mapping[str, Any]) -> None:
    """A finding's values as they arrive by sync (the server runs this on what a device pushes): an action
    closed carries its evidence note, as `close_action` writes them in one change."""
    if fields.get("status") == "closed":
        required_text(fields.get("evidence_note"), "evidence_note",
                      msg("domain.supervision.check_pushed_finding"), 2000)

