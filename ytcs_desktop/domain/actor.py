"""Who is acting: recorded on every transition and checked against the role's permissions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["station", "centre"]


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role
    station_id: str | None = None  # the station a station-role actor works at
