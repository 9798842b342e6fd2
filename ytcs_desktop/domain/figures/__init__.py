"""Every figure traceable: the records a report figure counts, from the one definition that counts it.

A figure is the sum of its records' `amount` (1 for a count, the days of a visit, the CME periods of an
attendance, a rating's score); the report and the window's list of records read the same lists, so the
figure and the list can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

VN = dt.timedelta(hours=7)  # moments are kept in UTC; a record's day is its day in Việt Nam


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One record a figure counts: when, at which station, what it is, who did it."""

    day: dt.date | None
    station_id: str
    what: str
    who: str = ""
    amount: int = 1  # what it adds to the figure


# (station id, figure key) -> the records that figure counts
Records = dict[tuple[str, str], list[FigureRecord]]


def add(out: Records, key: str, record: FigureRecord) -> None:
    out.setdefault((record.station_id, key), []).append(record)


def figure(out: Records, station_id: str, key: str) -> int:
    """The figure: the sum of its records' amounts (0 with none)."""
    return sum(r.amount for r in out.get((station_id, key), ()))


def records_of(out: Records, key: str, station_ids: Iterable[str] | None = None) -> list[FigureRecord]:
    """The records of one figure: for the stations named (None: every station, the total line), by day."""
    wanted = None if station_ids is None else set(station_ids)
    found = [r for (sid, k), rs in out.items() if k == key and (wanted is None or sid in wanted) for r in rs]
    return sorted(found, key=lambda r: (r.day or dt.date.min, r.station_id, r.what))


def local_day(moment: dt.datetime | None) -> dt.date | None:
    """The day in Việt Nam of a moment kept in UTC (naive or aware)."""
    if moment is None:
        return None
    return ((moment.replace(tzinfo=None) if moment.tzinfo is None else
             moment.astimezone(dt.UTC).replace(tzinfo=None)) + VN).date()


def joined(*parts: str | None) -> str:
    return " – ".join(p for p in parts if p)
