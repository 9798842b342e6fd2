"""Referrals (chuyển tuyến): the station records who it sent where and why; the centre acknowledges,
follows the patient (arrived or not), sends its advice back and judges whether the referral was needed.

Each move of the state machine belongs to one side (SYNC.md); the server imports TRANSITIONS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import ROLE_NAMES, Actor, Role
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import label, parse_code, quoted_labels
from ytcs_desktop.domain.stations import as_date, check_own_station, get_row, optional_date, require_station
from ytcs_desktop.domain.support import normalise_icd10
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Referral, Station

INITIAL_STATUS = "sent"
# Referrals the centre still has to follow up.
OPEN_STATUSES = ("sent", "acknowledged", "arrived", "not_arrived")

# (from, to) -> the one role that may make that move.
TRANSITIONS: dict[tuple[str, str], Role] = {
    ("sent", "cancelled"): "station",  # recorded in error, before the centre took it up
    ("sent", "acknowledged"): "centre",
    ("sent", "arrived"): "centre",  # the patient came before the centre read the referral
    ("acknowledged", "arrived"): "centre",
    ("acknowledged", "not_arrived"): "centre",
    ("sent", "not_arrived"): "centre",
    ("arrived", "closed"): "centre",
    ("not_arrived", "closed"): "centre",
}

def allowed_moves(referral: Referral, role: str) -> list[str]:
    return [to for (frm, to), who in TRANSITIONS.items() if frm == referral.status and who == role]


def _next_number(s: Session, station_id: str, year: int) -> str:
    prefix = f"CT-{year}-"
    numbers = s.scalars(select(Referral.number).where(Referral.station_id == station_id,
                                                      Referral.number.like(f"{prefix}%")))
    last = max((int(n[len(prefix):]) for n in numbers if n and n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


def _not_future(day: dt.date, today: dt.date, field: str, what: PerLanguage) -> None:
    if day > today:
        raise ValidationError("future_date", msg("future_date.referral", what=what, day=pick(day_text, day),
                                                 today=pick(day_text, today)), field=field)


def record_referral(
    s: Session, actor: Actor, *, patient_ref: str, reason: str, destination: str, icd10: str | None = None,
    urgency: str = "normal", referred_on: object = None, today: object = None,
) -> Referral:
    """A referral the station made, numbered CT-<year>-NNNN per station; it starts as sent."""
    station_id = require_station(actor, msg("word.record_a_referral"))
    now = optional_date(today, "today") or dt.date.today()
    patient = required_text(patient_ref, "patient_ref", msg("word.patient_reference"), 80)
    why = required_text(reason, "reason", msg("word.reason_for_the_referral"), 2000)
    where = required_text(destination, "destination", msg("domain.referrals"), 300)
    day = as_date(referred_on, "referred_on") if referred_on not in (None, "") else now
    _not_future(day, now, "referred_on", msg("word.referral_date"))
    referral = Referral(
        station_id=station_id, number=_next_number(s, station_id, day.year), patient_ref=patient, reason=why,
        destination=where, icd10=normalise_icd10(icd10), urgency=parse_code("urgency", urgency or "normal", "urgency"),
        referred_on=day, referred_by=actor.name, created_at=utc_now(), status=INITIAL_STATUS)
    s.add(referral)
    s.flush()
    return referral


def get_referral(s: Session, actor: Actor, referral_id: str) -> Referral:
    referral = get_row(s, Referral, referral_id, msg("word.referral"), "referral_id")
    check_own_station(actor, referral.station_id)
    return referral


def find_referral(s: Session, actor: Actor, key: str) -> str:
    """The id of the referral named by its id or by its number (the number is unique within a station,
    so at the centre only where one station's referral carries it)."""
    if s.get(Referral, key) is not None:
        return key
    query = select(Referral.id).where(Referral.number == key.strip(), Referral.deleted.is_(False))
    if actor.station_id:
        query = query.where(Referral.station_id == actor.station_id)
    found = list(s.scalars(query.limit(2)))
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError("referral_not_found", msg("referral_not_found", key=key), field="referral_id")
    raise ValidationError("referral_number_ambiguous", msg("referral_number_ambiguous", key=key), field="referral_id")


def _move(s: Session, actor: Actor, referral_id: str, to_status: str) -> Referral:
    referral = get_referral(s, actor, referral_id)
    if TRANSITIONS.get((referral.status, to_status)) == actor.role:
        return referral
    frm, to = pick(label, "referral_status", referral.status), pick(label, "referral_status", to_status)
    owner = TRANSITIONS.get((referral.status, to_status))
    if owner is not None:
        raise PermissionDenied("transition_role", msg("transition_role.referral", role=ROLE_NAMES[owner],
                                                      number=referral.number, frm=frm, to=to), field="status")
    mine = allowed_moves(referral, actor.role)
    hint = msg("bad_transition.can_move", moves=pick(quoted_labels, "referral_status", mine)) if mine \
        else msg("bad_transition.no_move")
    raise RuleError("bad_transition", msg("bad_transition.referral", number=referral.number, frm=frm, to=to,
                                          hint=hint), field="status")


def acknowledge(s: Session, actor: Actor, referral_id: str) -> Referral:
    """The centre has read the referral and follows the patient."""
    referral = _move(s, actor, referral_id, "acknowledged")
    referral.acknowledged_at, referral.acknowledged_by = utc_now(), actor.name
    referral.status = "acknowledged"
    s.flush()
    return referral


def record_arrival(s: Session, actor: Actor, referral_id: str, *, arrived: bool, arrived_on: object = None,
                   note: str | None = None, today: object = None) -> Referral:
    """Whether the patient reached the place referred to (and when), or did not."""
    target = "arrived" if arrived else "not_arrived"
    referral = _move(s, actor, referral_id, target)
    now = optional_date(today, "today") or dt.date.today()
    if arrived:
        day = as_date(arrived_on, "arrived_on") if arrived_on not in (None, "") else now
        _not_future(day, now, "arrived_on", msg("word.arrival_date"))
        if day < referral.referred_on:
            raise ValidationError(
                "arrived_before_referral",
                msg("arrived_before_referral",
                    day=pick(day_text, day), referred_on=pick(day_text, referral.referred_on)),
                field="arrived_on",
            )
        referral.arrived_on = day
    else:
        referral.follow_up_note = required_text(note, "follow_up_note",
                                                msg("domain.referrals.record_arrival"), 2000)
    if referral.acknowledged_at is None:
        referral.acknowledged_at, referral.acknowledged_by = utc_now(), actor.name
    referral.status = target
    s.flush()
    return referral


def _needed(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().casefold()
    if text in ("yes", "y", "true", "1", "có", "cần", "cần thiết"):
        return True
    if text in ("no", "n", "false", "0", "không", "không cần", "không cần thiết"):
        return False
    raise ValidationError(
        "needed_required",
        msg("needed_required"),
        field="needed",
    )


def close_referral(s: Session, actor: Actor, referral_id: str, *, outcome: str, needed: object,
                   advice: str | None = None) -> Referral:
    """The end of the follow-up: the outcome, the advice back to the station, and whether it was needed."""
    referral = _move(s, actor, referral_id, "closed")
    result = required_text(outcome, "outcome", msg("word.outcome_of_the_referral"),
                           4000)
    referral.needed, referral.outcome = _needed(needed), result
    referral.advice = (advice or "").strip() or None
    referral.closed_at, referral.closed_by = utc_now(), actor.name
    referral.status = "closed"
    s.flush()
    return referral


def cancel_referral(s: Session, actor: Actor, referral_id: str) -> Referral:
    """A referral recorded in error, withdrawn by the station before the centre took it up."""
    referral = _move(s, actor, referral_id, "cancelled")
    referral.status = "cancelled"
    s.flush()
    return referral


def list_referrals(s: Session, station_id: str | None = None, date_from: object = None, date_to: object = None,
                   status: str | None = None, open_only: bool = False) -> list[Referral]:
    query = select(Referral).where(Referral.deleted.is_(False))
    if station_id:
        query = query.where(Referral.station_id == station_id)
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        query = query.where(Referral.referred_on >= start)
    if end:
        query = query.where(Referral.referred_on <= end)
    if status:
        query = query.where(Referral.status == parse_code("referral_status", status, "status"))
    if open_only:
        query = query.where(Referral.status.in_(OPEN_STATUSES))
    return list(s.scalars(query.order_by(Referral.referred_on, Referral.number, Referral.id)))


@dataclass(frozen=True)
class ReferralCounts:
    """One station's referrals in a period: the figures the quarterly report carries."""

    station_id: str
    station: str
    referred: int  # recorded in the period, cancelled ones left out
    judged: int  # of those, the ones the centre has judged (closed with needed yes/no)
    unnecessary: int  # judged not needed
    open: int  # still followed up

    @property
    def unnecessary_share(self) -> float | None:
        """Share of the judged referrals that were not needed (None while none is judged)."""
        return self.unnecessary / self.judged if self.judged else None


def counted_referrals(s: Session, date_from: object, date_to: object,
                      station_id: str | None = None) -> list[Referral]:
    """The referrals a period's figures count: recorded in [date_from, date_to], cancelled ones left out."""
    return [r for r in list_referrals(s, station_id, date_from, date_to) if r.status != "cancelled"]


def is_judged(r: Referral) -> bool:
    """Closed by the centre with a yes or no to "was it needed"."""
    return r.status == "closed" and r.needed is not None


def is_unnecessary(r: Referral) -> bool:
    return is_judged(r) and not r.needed


def referral_counts(s: Session, date_from: object, date_to: object,
                    station_id: str | None = None) -> list[ReferralCounts]:
    """Per station (every active station, by code): referrals in [date_from, date_to] and the share the
    centre judged unnecessary."""
    rows = counted_referrals(s, date_from, date_to, station_id)
    stations = s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.code))
    out = []
    for st in stations:
        if station_id and st.id != station_id:
            continue
        mine = [r for r in rows if r.station_id == st.id]
        out.append(ReferralCounts(st.id, st.name, len(mine), sum(1 for r in mine if is_judged(r)),
                                  sum(1 for r in mine if is_unnecessary(r)),
                                  sum(1 for r in mine if r.status in OPEN_STATUSES)))
    return out


def referral_json(r: Referral) -> dict[str, Any]:
    return {"id": r.id, "number": r.number, "station_id": r.station_id, "patient_ref": r.patient_ref,
            "reason": r.reason, "icd10": r.icd10, "destination": r.destination, "urgency": r.urgency,
            "referred_on": r.referred_on.isoformat(), "status": r.status,
            "arrived_on": r.arrived_on.isoformat() if r.arrived_on else None, "outcome": r.outcome,
            "advice": r.advice, "needed": r.needed}


def check_pushed(fields: Mapping[str, Any]) -> None:
    """A referral's values as they arrive by sync (the server runs this on what a device pushes): a reason
    and a destination are required as they are in `record_referral`, and a closing carries its outcome
    and whether the referral was needed, as `close_referral` writes them in one change."""
    for name, what, size in (("reason", msg("word.reason_for_the_referral"), 2000),
                             ("destination", msg("word.destination"), 300),
                             ("patient_ref", msg("word.patient_reference"), 80)):
        if name in fields:
            required_text(fields[name], name, what, size)
    if fields.get("status") == "closed":
        required_text(fields.get("outcome"), "outcome", msg("word.outcome_of_the_referral"), 4000)
        if fields.get("needed") is None:
            _needed(None)

