"""Nhân viên y tế thôn/ấp: the station's register of village and hamlet health workers (hamlet,
contact, the trainings each attended). Kept by the station; they can be recorded as attendees of a
training session (domain/training.py record_attendance, `village_worker_id`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import person_sort_key
from ytcs_desktop.domain.stations import (
    check_own_station,
    get_row,
    normalise_phone,
    optional_date,
    require_station,
)
from ytcs_desktop.domain.text import fold
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg
from ytcs_desktop.store.models import Station, TrainingAttendance, TrainingSession, VillageHealthWorker

_FIELDS = frozenset({"full_name", "hamlet", "phone", "birth_year", "since", "note"})


def _year(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = 0
    if not 1930 <= year <= dt.date.today().year - 15:
        raise ValidationError("bad_birth_year",
                              msg("bad_birth_year.year", value=value), field="birth_year")
    return year


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _FIELDS:
            raise ValidationError("unknown_field", msg("unknown_field.clean", name=name), field=name)
        if name == "full_name":
            out[name] = required_text(value, name, msg("word.full_name"), 200)
        elif name == "hamlet":
            out[name] = required_text(value, name, msg("word.hamlet"), 200)
        elif name == "phone":
            out[name] = normalise_phone(value, name)
        elif name == "birth_year":
            out[name] = _year(value)
        elif name == "since":
            out[name] = optional_date(value, name)
        else:
            out[name] = (str(value or "")).strip() or None
    return out


def _check_unique(s: Session, station_id: str, full_name: str, hamlet: str, except_id: str | None = None) -> None:
    query = select(VillageHealthWorker).where(VillageHealthWorker.station_id == station_id,
                                              VillageHealthWorker.deleted.is_(False))
    for other in s.scalars(query):
        if other.id != except_id and fold(other.full_name) == fold(full_name) and fold(other.hamlet) == fold(hamlet):
            raise RuleError("duplicate_worker",
                            msg("duplicate_worker", full_name=other.full_name, hamlet=other.hamlet),
                            field="full_name")


def add_worker(
    s: Session, actor: Actor, *, full_name: str, hamlet: str, phone: str | None = None,
    birth_year: object = None, since: object = None, note: str | None = None,
) -> VillageHealthWorker:
    station_id = require_station(actor, msg("domain.village_workers"))
    values = _clean({"full_name": full_name, "hamlet": hamlet, "phone": phone, "birth_year": birth_year,
                     "since": since, "note": note})
    _check_unique(s, station_id, values["full_name"], values["hamlet"])
    worker = VillageHealthWorker(station_id=station_id, active=True, **values)
    s.add(worker)
    s.flush()
    return worker


def _own(s: Session, actor: Actor, worker_id: str) -> VillageHealthWorker:
    require_station(actor, msg("domain.village_workers.own"))
    worker = get_row(s, VillageHealthWorker, worker_id, msg("word.village_health_worker"),
                     "worker_id")
    check_own_station(actor, worker.station_id)
    return worker


def update_worker(s: Session, actor: Actor, worker_id: str, **fields: Any) -> VillageHealthWorker:
    worker = _own(s, actor, worker_id)
    values = _clean(fields)
    _check_unique(s, worker.station_id or "", values.get("full_name", worker.full_name),
                  values.get("hamlet", worker.hamlet), worker.id)
    for name, value in values.items():
        setattr(worker, name, value)
    s.flush()
    return worker


def deactivate_worker(s: Session, actor: Actor, worker_id: str) -> VillageHealthWorker:
    """One who stops stays in the trainings recorded, and leaves the list."""
    worker = _own(s, actor, worker_id)
    if not worker.active:
        raise RuleError("already_inactive", msg("already_inactive.deactivate_worker",
                                                full_name=worker.full_name))
    worker.active = False
    s.flush()
    return worker


def list_workers(s: Session, station_id: str | None = None,
                 include_inactive: bool = False) -> list[VillageHealthWorker]:
    query = select(VillageHealthWorker).where(VillageHealthWorker.deleted.is_(False))
    if station_id:
        query = query.where(VillageHealthWorker.station_id == station_id)
    if not include_inactive:
        query = query.where(VillageHealthWorker.active.is_(True))
    return sorted(s.scalars(query), key=lambda w: (w.station_id or "", fold(w.hamlet), person_sort_key(w.full_name)))


@dataclass
class WorkerView:
    """A worker with the trainings attended (sessions held, not cancelled)."""

    worker: VillageHealthWorker
    trainings: list[tuple[dt.date, str, int]]  # (start date, topic, periods)
    station: str = ""  # the station's name (the centre lists every station's workers)

    @property
    def periods(self) -> int:
        return sum(p for _d, _t, p in self.trainings)

    @property
    def sync_state(self) -> str:
        return self.worker.sync_state

    @property
    def sync_reason(self) -> str | None:
        return self.worker.sync_reason


def worker_views(s: Session, station_id: str | None = None, include_inactive: bool = False) -> list[WorkerView]:
    workers = list_workers(s, station_id, include_inactive)
    attended: dict[str, list[tuple[dt.date, str, int]]] = {}
    if workers:
        query = (select(TrainingAttendance, TrainingSession)
                 .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                 .where(TrainingAttendance.village_worker_id.in_([w.id for w in workers]),
                        TrainingAttendance.deleted.is_(False), TrainingSession.deleted.is_(False),
                        TrainingSession.status != "cancelled",
                        or_(TrainingAttendance.result.is_(None), TrainingAttendance.result != "absent"))
                 .order_by(TrainingSession.date_from))
        for a, t in s.execute(query):
            attended.setdefault(a.village_worker_id or "", []).append((t.date_from, t.topic, a.periods or t.periods))
    names = {x.id: x.name for x in s.scalars(select(Station))}
    return [WorkerView(w, attended.get(w.id, []), names.get(w.station_id or "", "")) for w in workers]
