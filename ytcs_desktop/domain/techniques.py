"""Danh mục kỹ thuật: the techniques each station performs, and each technique transfer (chuyển giao
kỹ thuật) as stages: planned → trained → supervised practice → performed independently.

A technique is born planned (a transfer the centre plans, or one the station asks for) or, for a
technique the station already performs, independent. Each later stage is the centre's step and names
the training session or rotation visit that moved it; the steps are kept (insert-only) so the
roadmap shows when and by what each stage was reached. The server imports TRANSITIONS and BIRTHS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import label, parse_code
from ytcs_desktop.domain.stations import as_date, get_row, optional_date, require_centre
from ytcs_desktop.domain.text import fold
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import (
    Department,
    RotationVisit,
    Station,
    StationTechnique,
    TechniqueStep,
    TrainingSession,
)

Role = Literal["station", "centre"]
STAGES = ("planned", "trained", "supervised", "independent")

# (from, to) -> the side that owns the step. Only forward, one stage at a time, by the centre.
TRANSITIONS: dict[tuple[str, str], Role] = {
    ("planned", "trained"): "centre",
    ("trained", "supervised"): "centre",
    ("supervised", "independent"): "centre",
}
# The stages a technique may be born in, and who may write such a birth.
BIRTHS: Mapping[str, frozenset[str]] = {
    "planned": frozenset({"station", "centre"}),
    "independent": frozenset({"station", "centre"}),
}


def _station_for(s: Session, actor: Actor, station_id: str | None) -> Station:
    if actor.role == "station":
        if not actor.station_id or (station_id and station_id != actor.station_id):
            raise PermissionDenied("other_station", msg("other_station.station_for"), field="station_id")
        station_id = actor.station_id
    return get_row(s, Station, station_id, msg("word.station.station_for"), "station_id")


def _step(s: Session, actor: Actor, tech: StationTechnique, old: str | None, new: str, on: dt.date,
          training_id: str | None = None, visit_id: str | None = None, note: str | None = None) -> TechniqueStep:
    step = TechniqueStep(station_id=tech.station_id, technique_id=tech.id, from_status=old, to_status=new,
                         on_date=on, training_id=training_id, visit_id=visit_id, actor=actor.name,
                         note=(note or "").strip() or None, at=utc_now())
    s.add(step)
    return step


def add_technique(
    s: Session, actor: Actor, *, name: str, specialty: str, station_id: str | None = None,
    performing: bool = False, department_id: str | None = None, target_date: object = None,
    note: str | None = None, on: object = None,
) -> StationTechnique:
    """A technique on a station's list: planned for transfer, or (`performing`) already performed
    independently. The department that transfers it and the target date are the centre's to set."""
    station = _station_for(s, actor, station_id)
    text = required_text(name, "name", msg("word.technique_name"), 300)
    area = parse_code("practice_scope", specialty, "specialty")
    if actor.role == "station" and (department_id or target_date):
        raise PermissionDenied("field_owner",
                               msg("field_owner.add_technique"), field="department_id")
    if department_id:
        get_row(s, Department, department_id, msg("word.department"), "department_id")
    key = fold(" ".join(text.split()))
    for other in s.scalars(select(StationTechnique).where(StationTechnique.station_id == station.id,
                                                         StationTechnique.deleted.is_(False))):
        if fold(" ".join(other.name.split())) == key:
            raise RuleError(
                "duplicate_technique",
                msg("duplicate_technique",
                    name=other.name,
                    station_name=station.name,
                    status=pick(label, 'technique_status', other.status)),
                field="name")
    status = "independent" if performing else "planned"
    tech = StationTechnique(
        station_id=station.id, name=text, specialty=area, status=status,
        department_id=department_id or None, target_date=optional_date(target_date, "target_date"),
        station_note=(note or "").strip() or None if actor.role == "station" else None,
        centre_note=(note or "").strip() or None if actor.role == "centre" else None)
    s.add(tech)
    s.flush()
    _step(s, actor, tech, None, status, optional_date(on, "on") or dt.date.today())
    s.flush()
    return tech


def _check_link(s: Session, tech: StationTechnique, on: dt.date, training_id: str | None,
                visit_id: str | None) -> None:
    if not training_id and not visit_id:
        raise ValidationError(
            "step_needs_link",
            msg("step_needs_link"),
            field="training_id")
    if training_id:
        session = get_row(s, TrainingSession, training_id, msg("word.training_session"), "training_id")
        if session.status != "held":
            raise RuleError(
                "training_not_held",
                msg("training_not_held", topic=session.topic),
                field="training_id")
        if session.station_id not in (None, tech.station_id):
            raise RuleError("training_other_station", msg("training_other_station"), field="training_id")
        if session.date_from > on:
            raise RuleError(
                "step_before_link",
                msg("step_before_link", date_from=pick(day_text, session.date_from), on=pick(day_text, on)), field="on")
    if visit_id:
        visit = get_row(s, RotationVisit, visit_id, msg("word.rotation_visit.check_link"), "visit_id")
        if visit.station_id != tech.station_id:
            raise RuleError("visit_other_station", msg("visit_other_station"),
                            field="visit_id")
        if visit.status != "done":
            raise RuleError(
                "visit_not_done",
                msg("visit_not_done"), field="visit_id")
        if visit.date_from > on:
            raise RuleError(
                "step_before_link",
                msg("step_before_link.check_link",
                    date_from=pick(day_text, visit.date_from), on=pick(day_text, on)), field="on")


def advance(
    s: Session, actor: Actor, technique_id: str, *, to_status: str, on: object = None,
    training_id: str | None = None, visit_id: str | None = None, note: str | None = None,
    today: object = None,
) -> StationTechnique:
    """The next stage, reached on `on` thanks to a training session or a rotation visit (or both)."""
    tech = get_row(s, StationTechnique, technique_id, msg("word.technique"), "technique_id")
    new = parse_code("technique_status", to_status, "to_status")
    owner = TRANSITIONS.get((tech.status, new))
    if owner is None:
        nxt = next((b for (a, b) in TRANSITIONS if a == tech.status), None)
        hint = msg("bad_stage.next", stage=pick(label, "technique_status", nxt)) if nxt \
            else msg("bad_stage.last")
        raise RuleError("bad_stage", msg("bad_stage", name=tech.name, frm=pick(label, "technique_status", tech.status),
                                         to=pick(label, "technique_status", new), hint=hint), field="to_status")
    if owner == "centre":
        require_centre(actor, msg("domain.techniques"))
    day = optional_date(on, "on") or dt.date.today()
    now = optional_date(today, "today") or dt.date.today()
    if day > now:
        raise ValidationError("date_in_future",
                              msg("date_in_future", day=pick(day_text, day)),
                              field="on")
    last = s.scalar(select(TechniqueStep.on_date).where(TechniqueStep.technique_id == tech.id)
                    .order_by(TechniqueStep.on_date.desc()).limit(1))
    if last is not None and day < last:
        raise ValidationError(
            "date_before_last",
            msg("date_before_last", day=pick(day_text, day), last=pick(day_text, last)), field="on")
    _check_link(s, tech, day, training_id, visit_id)
    _step(s, actor, tech, tech.status, new, day, training_id or None, visit_id or None, note)
    tech.status = new
    s.flush()
    return tech


def list_techniques(s: Session, station_id: str | None = None, status: str | None = None) -> list[StationTechnique]:
    query = select(StationTechnique).where(StationTechnique.deleted.is_(False))
    if station_id:
        query = query.where(StationTechnique.station_id == station_id)
    if status:
        query = query.where(StationTechnique.status == parse_code("technique_status", status, "status"))
    return list(s.scalars(query.order_by(StationTechnique.station_id, StationTechnique.name)))


def steps(s: Session, technique_id: str) -> list[TechniqueStep]:
    query = select(TechniqueStep).where(TechniqueStep.technique_id == technique_id)
    return list(s.scalars(query.order_by(TechniqueStep.on_date, TechniqueStep.at, TechniqueStep.id)))


@dataclass
class TechniqueView:
    """A technique with names resolved and the date and source of each stage reached."""

    technique: StationTechnique
    station: str
    department: str
    reached: dict[str, dt.date] = field(default_factory=dict)  # stage -> date
    sources: list[str] = field(default_factory=list)  # the trainings and visits that moved it

    @property
    def sync_state(self) -> str:
        return self.technique.sync_state

    @property
    def sync_reason(self) -> str | None:
        return self.technique.sync_reason

    @property
    def next_stage(self) -> str | None:
        return next((b for (a, b) in TRANSITIONS if a == self.technique.status), None)


def technique_views(s: Session, station_id: str | None = None) -> list[TechniqueView]:
    techs = list_techniques(s, station_id)
    names = {x.id: x.name for x in s.scalars(select(Station))}
    depts = {d.id: d.name for d in s.scalars(select(Department))}
    trainings = {t.id: t.topic for t in s.scalars(select(TrainingSession))}
    by_tech: dict[str, list[TechniqueStep]] = {}
    if techs:
        for step in s.scalars(select(TechniqueStep).where(TechniqueStep.technique_id.in_([t.id for t in techs]))
                              .order_by(TechniqueStep.on_date, TechniqueStep.at)):
            by_tech.setdefault(step.technique_id, []).append(step)
    out = []
    for t in techs:
        view = TechniqueView(t, names.get(t.station_id or "", ""), depts.get(t.department_id or "", ""))
        for step in by_tech.get(t.id, []):
            view.reached[step.to_status] = step.on_date
            if step.training_id:
                view.sources.append(f"Tập huấn: {trainings.get(step.training_id, '')}")
            if step.visit_id:
                visit = s.get(RotationVisit, step.visit_id)
                if visit is not None:
                    view.sources.append(f"Luân phiên {day_text(visit.date_from)}–{day_text(visit.date_to)}")
        out.append(view)
    return out


@dataclass(frozen=True)
class StageCount:
    """Per station and stage: transfers that reached the stage in the period, and techniques at that
    stage at the period's end."""

    station_id: str
    stage: str
    reached: int
    at_end: int


def transfers_by_stage(s: Session, date_from: object, date_to: object,
                       station_id: str | None = None) -> list[StageCount]:
    """Technique transfers by stage for a period (the quarterly report's figures). A technique born
    independent (already performed) is counted at its stage, not as reached by a transfer."""
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    query = select(TechniqueStep, StationTechnique.deleted).join(
        StationTechnique, StationTechnique.id == TechniqueStep.technique_id).where(TechniqueStep.on_date <= end)
    if station_id:
        query = query.where(TechniqueStep.station_id == station_id)
    reached: dict[tuple[str, str], int] = {}
    stage_at_end: dict[str, tuple[str, str]] = {}  # technique -> (station, stage)
    for step, deleted in s.execute(query.order_by(TechniqueStep.on_date, TechniqueStep.at)):
        if deleted:
            continue
        sid = step.station_id or ""
        stage_at_end[step.technique_id] = (sid, step.to_status)
        if step.on_date >= start and step.from_status is not None:
            reached[(sid, step.to_status)] = reached.get((sid, step.to_status), 0) + 1
    at_end: dict[tuple[str, str], int] = {}
    for key in stage_at_end.values():
        at_end[key] = at_end.get(key, 0) + 1
    keys = sorted(set(reached) | set(at_end), key=lambda k: (k[0], STAGES.index(k[1]) if k[1] in STAGES else 9))
    return [StageCount(sid, stage, reached.get((sid, stage), 0), at_end.get((sid, stage), 0)) for sid, stage in keys]


def link_choices(s: Session, station_id: str | None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What may move a technique of this station: held training sessions (the centre's and the
    station's own), and the station's visits that took place; (id, text), latest first."""
    trainings = s.scalars(select(TrainingSession).where(
        TrainingSession.deleted.is_(False), TrainingSession.status == "held",
        (TrainingSession.station_id.is_(None)) | (TrainingSession.station_id == station_id),
    ).order_by(TrainingSession.date_from.desc()))
    visits = s.scalars(select(RotationVisit).where(
        RotationVisit.deleted.is_(False), RotationVisit.status == "done", RotationVisit.station_id == station_id,
    ).order_by(RotationVisit.date_from.desc()))
    return ([(t.id, f"{day_text(t.date_from)} – {t.topic}") for t in trainings],
            [(v.id, f"{day_text(v.date_from)}–{day_text(v.date_to)} – {v.purpose}") for v in visits])
