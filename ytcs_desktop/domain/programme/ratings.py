"""The station rates the support it received, 1–5 with a comment, and the ratings are aggregated per
station, kind and quarter.

Support requests keep their own rating (domain/support.py `rate`, the move to "rated"); rotation
visits and consultation sessions are rated here, one rating per station and activity (rating again
replaces it). Only what has happened is rated: a visit done, a session held."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.programme.common import quarter_days, quarter_of_day
from ytcs_desktop.domain.stations import get_row, require_station
from ytcs_desktop.messages import msg
from ytcs_desktop.store.base import natural_id, utc_now
from ytcs_desktop.store.models import (
    ActivityRating,
    ConsultationCase,
    ConsultationSession,
    RotationVisit,
    Station,
    SupportRequest,
)

RATED_KINDS = ("rotation", "consultation")


def rating_value(value: object) -> int:
    try:
        rating = int(str(value).strip()) if value is not None and not isinstance(value, bool) else 0
    except ValueError:
        rating = 0
    if not 1 <= rating <= 5:
        raise ValidationError("bad_rating",
                              msg("bad_rating", value=value if value is not None else ''), field="rating")
    return rating


def _activity_day(s: Session, station_id: str, kind: str, activity_id: str) -> dt.date:
    """The day of the activity, after checking the station received it and it has happened."""
    if kind == "rotation":
        visit = get_row(s, RotationVisit, activity_id, msg("word.rotation_visit"), "activity_id")
        if visit.station_id != station_id:
            raise PermissionDenied("other_station", msg("other_station"), field="activity_id")
        if visit.status != "done":
            raise RuleError("not_done", msg("not_done"),
                            field="activity_id")
        return visit.date_from
    session = get_row(s, ConsultationSession, activity_id, msg("word.consultation_session"), "activity_id")
    has_case = s.scalar(select(ConsultationCase.id).where(ConsultationCase.session_id == session.id,
                                                          ConsultationCase.station_id == station_id,
                                                          ConsultationCase.deleted.is_(False)))
    if session.station_id not in (None, station_id) or (session.station_id is None and not has_case):
        raise PermissionDenied("not_participant", msg("not_participant"), field="activity_id")
    if session.status != "held":
        raise RuleError("not_held", msg("not_held"), field="activity_id")
    return session.day


def rate_activity(s: Session, actor: Actor, *, kind: str, activity_id: str, rating: object,
                  comment: str | None = None) -> ActivityRating:
    """The station's rating of a rotation visit or a consultation session (again: replaces the earlier)."""
    station_id = require_station(actor, msg("word.rate_the_support_received"))
    if kind not in RATED_KINDS:
        raise ValidationError("bad_kind", msg("bad_kind"), field="kind")
    _activity_day(s, station_id, kind, activity_id)
    value = rating_value(rating)
    text = (comment or "").strip()[:2000] or None
    row_id = natural_id("activity_ratings", station_id, kind, activity_id)
    row = s.get(ActivityRating, row_id)
    if row is None:
        row = ActivityRating(id=row_id, station_id=station_id, activity_kind=kind, activity_id=activity_id,
                             rating=value, comment=text, rated_at=utc_now(), rated_by=actor.name)
        s.add(row)
    else:
        row.rating, row.comment, row.rated_at, row.rated_by, row.deleted = value, text, utc_now(), actor.name, False
    s.flush()
    return row


def ratings_of(s: Session, station_id: str | None = None) -> dict[tuple[str, str], ActivityRating]:
    """(kind, activity id) → the rating, for the lists that show a rating beside each activity."""
    q = select(ActivityRating).where(ActivityRating.deleted.is_(False))
    if station_id:
        q = q.where(ActivityRating.station_id == station_id)
    return {(r.activity_kind, r.activity_id): r for r in s.scalars(q)}


@dataclass(frozen=True)
class RatingGroup:
    """Ratings of one station, kind (an activity kind or a request kind) and quarter."""

    station_id: str
    station: str
    kind: str
    year: int
    quarter: int
    count: int
    average: float
    comments: tuple[str, ...]


def rating_summary(s: Session, year: int, quarter: int | None = None,
                   station_id: str | None = None) -> list[RatingGroup]:
    """Every rating given to support done in the year (or one quarter), grouped by station, kind and
    quarter. A request counts in the quarter it was carried out (scheduled), else when it was made."""
    first, last = quarter_days(year, quarter)
    found: list[tuple[str, str, dt.date, int, str | None]] = []  # station, kind, day, rating, comment
    q = select(SupportRequest).where(SupportRequest.deleted.is_(False), SupportRequest.rating.is_not(None))
    if station_id:
        q = q.where(SupportRequest.station_id == station_id)
    for r in s.scalars(q):
        day = r.scheduled_to or r.scheduled_from or r.created_at.date()
        found.append((r.station_id or "", r.kind, day, int(r.rating or 0), r.feedback))
    visits = {v.id: v.date_from for v in s.scalars(select(RotationVisit))}
    sessions = {x.id: x.day for x in s.scalars(select(ConsultationSession))}
    for key, rating in ratings_of(s, station_id).items():
        held = (visits if key[0] == "rotation" else sessions).get(key[1])
        if held is not None:
            found.append((rating.station_id or "", key[0], held, rating.rating, rating.comment))
    names = {st.id: st.name for st in s.scalars(select(Station))}
    groups: dict[tuple[str, str, int], list[tuple[int, str | None]]] = defaultdict(list)
    for sid, kind, day, value, comment in found:
        if first <= day <= last:
            groups[(sid, kind, quarter_of_day(day))].append((value, comment))
    out = [RatingGroup(sid, names.get(sid, ""), kind, year, qtr, len(vals), sum(v for v, _ in vals) / len(vals),
                       tuple(c for _, c in vals if c))
           for (sid, kind, qtr), vals in groups.items()]
    return sorted(out, key=lambda g: (g.station, g.quarter, g.kind))


@dataclass(frozen=True)
class Received:
    """A visit done or a session held that the station received, with its rating if given."""

    kind: str  # rotation|consultation
    activity_id: str
    day: dt.date
    what: str
    rating: int | None
    comment: str


def received(s: Session, station_id: str) -> list[Received]:
    """What the station may rate, newest first."""
    given = ratings_of(s, station_id)
    out: list[Received] = []
    for v in s.scalars(select(RotationVisit).where(RotationVisit.station_id == station_id,
                                                   RotationVisit.deleted.is_(False), RotationVisit.status == "done")):
        r = given.get(("rotation", v.id))
        out.append(Received("rotation", v.id, v.date_from, v.purpose, r.rating if r else None,
                            (r.comment or "") if r else ""))
    with_case = select(ConsultationCase.session_id).where(ConsultationCase.station_id == station_id,
                                                          ConsultationCase.deleted.is_(False))
    for x in s.scalars(select(ConsultationSession).where(
            ConsultationSession.deleted.is_(False), ConsultationSession.status == "held",
            (ConsultationSession.station_id == station_id) | ConsultationSession.id.in_(with_case))):
        r = given.get(("consultation", x.id))
        out.append(Received("consultation", x.id, x.day, x.topic, r.rating if r else None,
                            (r.comment or "") if r else ""))
    return sorted(out, key=lambda x: (x.day, x.activity_id), reverse=True)
