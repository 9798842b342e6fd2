"""The overview's alerts, gathered in one read from the domain's queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ytcs_desktop.domain.coldchain import ActiveQuarantine, MissingReading, active_quarantines, missing_readings
from ytcs_desktop.domain.inventory import below_minimum, near_expiry
from ytcs_desktop.domain.inventory.stock import ItemBalance, LotBalance
from ytcs_desktop.domain.reporting.overdue import DueLine, station_due
from ytcs_desktop.domain.supervision import OpenAction, open_actions
from ytcs_desktop.domain.support import OPEN_STATUSES, list_requests
from ytcs_desktop.store.models import SupportRequest
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.sync_info import RefusedChange, refused_changes


@dataclass
class Alerts:
    near_expiry: list[LotBalance] = field(default_factory=list)
    below_minimum: list[ItemBalance] = field(default_factory=list)
    missing_readings: list[MissingReading] = field(default_factory=list)
    quarantined: list[ActiveQuarantine] = field(default_factory=list)
    refused: list[RefusedChange] = field(default_factory=list)
    open_requests: list[SupportRequest] = field(default_factory=list)
    reports_due: list[DueLine] = field(default_factory=list)
    open_actions: list[OpenAction] = field(default_factory=list)


def alert_queries(station_id: str, today: dt.date | None = None,
                  lang: str = "vi") -> dict[str, Callable[[Session], list[Any]]]:
    """One query per card, so each is a short job on the read queue."""
    day = today or dt.date.today()
    return {
        "near_expiry": lambda s: near_expiry(s, station_id, day),
        "below_minimum": lambda s: below_minimum(s, station_id),
        "missing_readings": lambda s: missing_readings(s, station_id, day),
        "quarantined": lambda s: active_quarantines(s, station_id),
        "refused": lambda s: refused_changes(s, lang),
        "open_requests": lambda s: [r for r in list_requests(s, station_id) if r.status in OPEN_STATUSES],
        "reports_due": lambda s: station_due(s, station_id),  # by the reporting clock (Việt Nam's day)
        "open_actions": lambda s: open_actions(s, station_id, day),
    }


def station_alerts(s: Session, station_id: str, today: dt.date | None = None) -> Alerts:
    return Alerts(**{key: query(s) for key, query in alert_queries(station_id, today).items()})
