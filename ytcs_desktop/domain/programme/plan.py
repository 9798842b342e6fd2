"""Kế hoạch hỗ trợ chuyên môn năm: one plan per station and year, written by the centre.

A plan has objectives, activities (kind, content, a target per quarter, a cost estimate: travel, per
diem, materials) and the indicators it follows (chỉ số chuyên môn, each with how it is measured). The
rows live in the station's partition: the station reads its own plan and cannot change it (the server
refuses, sync/server/permissions.py, from the models' field owners)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import codes, parse_code
from ytcs_desktop.domain.programme.common import QUARTERS, non_negative, year_of
from ytcs_desktop.domain.stations import get_row, require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import Department, PlanActivity, PlanIndicator, Station, SupportPlan

COST_FIELDS = ("cost_travel", "cost_per_diem", "cost_materials")
TARGET_FIELDS = tuple(f"target_q{q}" for q in QUARTERS)
COST_LABELS = {"cost_travel": msg("word.travel_cost"),
               "cost_per_diem": msg("word.per_diem"),
               "cost_materials": msg("word.materials_cost")}


def plan_id_for(station_id: str, year: int) -> str:
    """One plan per station and year: two centre PCs making "the same" plan make one row."""
    return natural_id("support_plans", station_id, str(year))


def create_plan(s: Session, actor: Actor, *, station_id: str, year: object, objectives: str,
                notes: str | None = None) -> SupportPlan:
    require_centre(actor, msg("word.make_a_support_plan"))
    station = get_row(s, Station, station_id, msg("word.station.create_plan"), "station_id")
    y = year_of(year)
    text = required_text(objectives, "objectives", msg("word.plan_s_objectives"), 4000)
    plan_id = plan_id_for(station.id, y)
    old = s.get(SupportPlan, plan_id)
    if old is not None and not old.deleted:
        raise RuleError("plan_exists",
                        msg("plan_exists", name=station.name, year=y),
                        field="year")
    if old is not None:  # a removed plan made again keeps its identity
        old.deleted, old.objectives, old.notes = False, text, (notes or "").strip() or None
        s.flush()
        return old
    plan = SupportPlan(id=plan_id, station_id=station.id, year=y, objectives=text, notes=(notes or "").strip() or None)
    s.add(plan)
    s.flush()
    return plan


def update_plan(s: Session, actor: Actor, plan_id: str, *, objectives: str | None = None,
                notes: str | None = None) -> SupportPlan:
    require_centre(actor, msg("word.change_a_support_plan"))
    plan = get_row(s, SupportPlan, plan_id, msg("word.support_plan"), "plan_id")
    if objectives is not None:
        plan.objectives = required_text(objectives, "objectives", msg("word.plan_s_objectives"), 4000)
    if notes is not None:
        plan.notes = notes.strip() or None
    s.flush()
    return plan


def _targets(values: dict[str, Any]) -> dict[str, int]:
    return {f"target_q{q}": non_negative(values.get(f"target_q{q}"), f"target_q{q}", msg("word.quarter_target", q=q),
                                         100_000)
            for q in QUARTERS}


def _costs(values: dict[str, Any]) -> dict[str, int]:
    return {f: non_negative(values.get(f), f, COST_LABELS[f]) for f in COST_FIELDS}


def _activity_fields(s: Session, kind: str, content: str, department_id: str | None,
                     values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": parse_code("activity_kind", kind, "kind"),
        "content": required_text(content, "content", msg("word.activity_s_content"), 2000),
        "department_id": None,
        **_targets(values), **_costs(values),
    }
    if department_id:
        out["department_id"] = get_row(s, Department, department_id, msg("word.department"), "department_id").id
    return out


def add_activity(s: Session, actor: Actor, plan_id: str, *, kind: str, content: str,
                 department_id: str | None = None, **values: Any) -> PlanActivity:
    """An activity with `target_q1`…`target_q4` (0 or more each) and `cost_travel`, `cost_per_diem`,
    `cost_materials` in VND (0 or more)."""
    require_centre(actor, msg("word.make_a_support_plan"))
    plan = get_row(s, SupportPlan, plan_id, msg("word.support_plan"), "plan_id")
    unknown = sorted(set(values) - set(TARGET_FIELDS) - set(COST_FIELDS))
    if unknown:
        raise ValidationError("unknown_field", msg("unknown_field", name=unknown[0]), field=unknown[0])
    activity = PlanActivity(station_id=plan.station_id, plan_id=plan.id,
                            **_activity_fields(s, kind, content, department_id, values))
    s.add(activity)
    s.flush()
    return activity


def update_activity(s: Session, actor: Actor, activity_id: str, **values: Any) -> PlanActivity:
    require_centre(actor, msg("word.change_a_support_plan"))
    activity = get_row(s, PlanActivity, activity_id, msg("word.activity"), "activity_id")
    current = {f: getattr(activity, f) for f in (*TARGET_FIELDS, *COST_FIELDS)}
    fields = _activity_fields(s, values.pop("kind", activity.kind), values.pop("content", activity.content),
                              values.pop("department_id", activity.department_id), {**current, **values})
    for name, value in fields.items():
        setattr(activity, name, value)
    s.flush()
    return activity


def remove_activity(s: Session, actor: Actor, activity_id: str) -> PlanActivity:
    require_centre(actor, msg("word.change_a_support_plan"))
    activity = get_row(s, PlanActivity, activity_id, msg("word.activity"), "activity_id")
    activity.deleted = True
    s.flush()
    return activity


def add_indicator(s: Session, actor: Actor, plan_id: str, *, name: str, measure: str,
                  target: str | None = None) -> PlanIndicator:
    require_centre(actor, msg("word.make_a_support_plan"))
    plan = get_row(s, SupportPlan, plan_id, msg("word.support_plan"), "plan_id")
    row = PlanIndicator(
        station_id=plan.station_id, plan_id=plan.id,
        name=required_text(name, "name", msg("word.indicator_s_name")),
        measure=required_text(measure, "measure", msg("programme.plan.add_indicator"), 2000),
        target=(target or "").strip()[:120] or None,
    )
    s.add(row)
    s.flush()
    return row


# ----- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanView:
    """A plan with its live activities and indicators, for the window, the CLI and the printed form."""

    plan: SupportPlan
    station_name: str
    activities: list[PlanActivity]
    indicators: list[PlanIndicator]

    @property
    def total_cost(self) -> int:
        return sum(activity_cost(a) for a in self.activities)


def activity_cost(a: PlanActivity) -> int:
    return a.cost_travel + a.cost_per_diem + a.cost_materials


def activity_target(a: PlanActivity, quarter: int | None = None) -> int:
    """The target of one quarter, or of the year."""
    if quarter is None:
        return a.target_q1 + a.target_q2 + a.target_q3 + a.target_q4
    return int(getattr(a, f"target_q{quarter}"))


def list_plans(s: Session, year: int | None = None, station_id: str | None = None) -> list[SupportPlan]:
    q = select(SupportPlan).where(SupportPlan.deleted.is_(False))
    if year is not None:
        q = q.where(SupportPlan.year == year)
    if station_id:
        q = q.where(SupportPlan.station_id == station_id)
    return list(s.scalars(q.order_by(SupportPlan.year, SupportPlan.station_id)))


def plan_view(s: Session, plan: SupportPlan) -> PlanView:
    station = s.get(Station, plan.station_id) if plan.station_id else None
    order = {k: i for i, k in enumerate(codes("activity_kind"))}
    activities = sorted(s.scalars(select(PlanActivity).where(PlanActivity.plan_id == plan.id,
                                                             PlanActivity.deleted.is_(False))),
                        key=lambda a: (order.get(a.kind, len(order)), a.id))  # in the order kinds are listed
    indicators = list(s.scalars(select(PlanIndicator).where(PlanIndicator.plan_id == plan.id,
                                                            PlanIndicator.deleted.is_(False))
                                .order_by(PlanIndicator.id)))
    return PlanView(plan, station.name if station else "", activities, indicators)


def plan_views(s: Session, year: int, station_id: str | None = None) -> list[PlanView]:
    views = [plan_view(s, p) for p in list_plans(s, year, station_id)]
    return sorted(views, key=lambda v: v.station_name)


def plan_choices(s: Session, year: int | None = None) -> list[tuple[str, str]]:
    """(plan id, "station — year") for pickers, by station name."""
    views = [plan_view(s, p) for p in list_plans(s, year)]
    return [(v.plan.id, f"{v.station_name} — {v.plan.year}") for v in sorted(views, key=lambda v: (v.plan.year,
                                                                                                   v.station_name))]
