"""Demo time: the domain stamps records with `utc_now()`; a year of history needs those stamps to
fall on the simulated days, not on the day the demo is built."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ytcs_desktop.store import base

VN = dt.timezone(dt.timedelta(hours=7))


class DemoClock:
    def __init__(self) -> None:
        self.moment = base.utc_now()

    def set(self, day: dt.date, hour: int = 8, minute: int = 0) -> dt.datetime:
        """The simulated moment, given as local time in Việt Nam (UTC+7)."""
        local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN)
        self.moment = local.astimezone(dt.UTC)
        return self.moment

    def now(self) -> dt.datetime:
        return self.moment


@contextmanager
def simulated(clock: DemoClock) -> Iterator[DemoClock]:
    """Point every loaded domain module's `utc_now` at the demo clock for the duration."""
    patched = []
    for name, module in list(sys.modules.items()):
        if name.startswith("ytcs_desktop.domain") and getattr(module, "utc_now", None) is base.utc_now:
            module.utc_now = clock.now  # type: ignore[attr-defined]
            patched.append(module)
    try:
        yield clock
    finally:
        for module in patched:
            module.utc_now = base.utc_now  # type: ignore[attr-defined]
