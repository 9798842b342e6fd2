"""The name the window's title bar shows: this station's own name, or the centre's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.store.models import Centre, Station


def own_name(s: Session, station_id: str | None) -> str | None:
    """The station's name (its profile), or for a centre PC (no station) the centre's; None when the
    database holds neither yet (a first sync brings it)."""
    if station_id:
        station = s.get(Station, station_id)
        return station.name if station is not None and not station.deleted else None
    return s.scalar(select(Centre.name).where(Centre.deleted.is_(False)).order_by(Centre.code).limit(1))
