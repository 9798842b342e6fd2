"""A station's id comes from its code, so a station set up on its own PC (`ytcs init`) and the same
code registered at the centre are one station from the first sync: no re-keying, no refusal."""

from __future__ import annotations

from ytcs_desktop.store.base import natural_id


def station_id_for(code: str) -> str:
    return natural_id("stations", code.strip())
