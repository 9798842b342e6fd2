"""A station's id comes from its code, so a station set up on its own PC (`ytcs init`) and the same
code registered at the centre are one station from the first sync: no re-keying, no refusal."""

from __future__ import annotations

from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station


def station_id_for(code: str) -> str:
    return natural_id("stations", code.strip())


def own_code(db: Database) -> str | None:
    """The code of the station this database belongs to (sent at sign-in, so a centre never hands one
    station's registration to another station's database)."""
    if not db.station_id:
        return None
    with db.read() as s:
        station = s.get(Station, db.station_id)
        return station.code if station is not None else None
