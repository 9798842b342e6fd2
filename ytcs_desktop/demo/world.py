"""What every part of the demo shares: the seeded generator, the clock, the actors and the ids made
so far (centre, departments, stations, staff, items)."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

from ytcs_desktop.demo.clock import DemoClock
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database

SPAN = "demo_span"  # meta key of the demo station's database: its first and last simulated day, "first/last"


@dataclass
class DemoItem:
    id: str
    code: str
    name: str
    category: str
    unit: str
    monthly_use: int
    pack_factor: int = 1
    doses_per_vial: int | None = None
    freeze_sensitive: bool = False
    short_dated: bool = False  # some lots of this item arrive close to expiry (alerts, disposals)


@dataclass
class World:
    db: Database
    rng: random.Random
    clock: DemoClock
    start: dt.date
    end: dt.date
    station: Actor
    centre: Actor
    station_id: str = ""
    centre_id: str = ""
    departments: dict[str, str] = field(default_factory=dict)  # code -> id
    stations: dict[str, str] = field(default_factory=dict)  # code -> id
    staff: list[tuple[str, str, str]] = field(default_factory=list)  # station staff (id, name, title)
    centre_staff: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, name, title, dept code)
    village_workers: list[str] = field(default_factory=list)
    items: list[DemoItem] = field(default_factory=list)
    fridges: list[str] = field(default_factory=list)
    breaches: dict[tuple[dt.date, str, str], str] = field(default_factory=dict)  # (day, fridge, slot) -> cause
    counts: dict[str, int] = field(default_factory=dict)
    tag: str = ""  # the acting station's code in the seeds of its own random streams; "" for the demo station

    def tally(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def months(self) -> list[tuple[dt.date, dt.date]]:
        """(first, last) day of each simulated month, the last one ending at `end`."""
        out = []
        day = self.start
        while day <= self.end:
            last = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
            out.append((day, min(last, self.end)))
            day = last + dt.timedelta(days=1)
        return out

    def staff_name(self) -> str:
        return self.rng.choice(self.staff)[1]

    def as_person(self, actor: Actor, name: str) -> Actor:
        return Actor(name=name, role=actor.role, station_id=actor.station_id)


def month_start(day: dt.date, months_back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def workdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days
