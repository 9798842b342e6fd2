"""Closed periods: once a month is reported, nothing may be back-dated into it (corrections are dated
in the open period)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.domain.inventory.common import as_date, station_of
from ytcs_desktop.domain.permissions import require
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import ClosedPeriod


def last_closed_day(s: Session, station_id: str) -> dt.date | None:
    """The last closed day of the station, or None when no period has been closed."""
    return s.scalar(
        select(func.max(ClosedPeriod.closed_through)).where(
            ClosedPeriod.station_id == station_id, ClosedPeriod.deleted.is_(False)
        )
    )


def assert_open(s: Session, station_id: str, txn_date: dt.date, field: str = "txn_date") -> None:
    last = last_closed_day(s, station_id)
    if last is not None and txn_date <= last:
        raise RuleError(
            "period_closed",
            msg("period_closed",
                last=pick(day_text, last),
                txn_date=pick(day_text, txn_date),
                next_day=pick(day_text, last + dt.timedelta(days=1))),
            field=field,
        )


def close_period(s: Session, actor: Actor, *, closed_through: dt.date, today: dt.date | None = None) -> ClosedPeriod:
    """Close every day up to and including `closed_through`. Periods only move forward."""
    station_id = station_of(actor)
    require(actor, "close_period")
    day = as_date(closed_through, "closed_through")
    today = today or dt.date.today()
    if day >= today:
        raise RuleError(
            "close_future",
            msg("close_future", day=pick(day_text, day)),
            field="closed_through",
        )
    last = last_closed_day(s, station_id)
    if last is not None and day <= last:
        raise RuleError(
            "already_closed",
            msg("already_closed", last=pick(day_text, last)),
            field="closed_through",
        )
    row = ClosedPeriod(station_id=station_id, closed_through=day, closed_by=actor.name, closed_at=utc_now())
    s.add(row)
    s.flush()
    return row
