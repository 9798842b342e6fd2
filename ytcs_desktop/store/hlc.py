"""Hybrid logical clock (SYNC.md "Clock"): (wall ms, counter, replica id) as a sortable string.

It lives in the store because every captured write is stamped with it; the sync engine uses the same
clock to merge remote stamps and to apply the offset learned from the centre's `hello`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS = 15
COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    replica: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.replica}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        try:
            wall, counter, replica = text.split("-", 2)
            return cls(int(wall), int(counter), replica)
        except ValueError as exc:
            raise ValueError(f"not a clock stamp: {text!r}") from exc


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Monotonic stamps for one replica. Thread-safe: the GUI's writer thread and sync share it."""

    def __init__(
        self,
        replica: str,
        last: str | None = None,
        offset_ms: int = 0,
        wall: Callable[[], int] = wall_clock_ms,
    ) -> None:
        self.replica = replica
        self.offset_ms = offset_ms
        self._wall = wall
        self._lock = threading.Lock()
        parsed = Stamp.parse(last) if last else None
        self._last = (parsed.wall_ms, parsed.counter) if parsed else (0, 0)
        self._observed = (0, 0)  # the latest remote stamp merged (kept apart, see `settle`)

    def physical_ms(self) -> int:
        return self._wall() + self.offset_ms

    def wall_ms(self) -> int:
        """This PC's own wall clock, without the offset learned from the centre."""
        return self._wall()

    def now(self) -> str:
        with self._lock:
            wall = self.physical_ms()
            last_wall, last_counter = self._last
            if wall > last_wall:
                self._last = (wall, 0)
            else:
                self._last = (last_wall, last_counter + 1)
            return str(Stamp(self._last[0], self._last[1], self.replica))

    def observe(self, remote: str, max_future_ms: int | None = None) -> None:
        """Merge a stamp seen from another replica so later local stamps sort after it.

        `max_future_ms` bounds how far a remote stamp may pull this clock ahead of its physical time;
        a station's clock never moves the centre's clock forward (the centre passes 0).
        """
        stamp = Stamp.parse(remote)
        with self._lock:
            wall = stamp.wall_ms
            if max_future_ms is not None:
                wall = min(wall, self.physical_ms() + max_future_ms)
            self._observed = max(self._observed, (wall, stamp.counter))
            if (wall, stamp.counter) > self._last:
                self._last = (wall, stamp.counter)

    def ahead_by_more_than(self, limit_ms: int) -> bool:
        """Whether the last stamp is further than `limit_ms` ahead of physical time."""
        with self._lock:
            return self._last[0] > self.physical_ms() + limit_ms

    def settle(self, limit_ms: int, floor: str | None = None) -> bool:
        """Forget a last stamp further than `limit_ms` ahead of physical time (left by a wall clock that
        was set wrong): the next stamp follows physical time again. True when it was forgotten.

        This gives up monotonicity against the forgotten stamps only: later stamps never sort before
        `floor` (the highest stamp the caller knows was kept as written) nor before a merged remote
        stamp within the limit. The caller must know every change stamped beyond the limit has been
        re-stamped elsewhere (the centre does, on push), so nothing still compares against them.
        """
        with self._lock:
            horizon = self.physical_ms() + limit_ms
            if self._last[0] <= horizon:
                return False
            base = (self.physical_ms(), 0)
            kept = [self._observed]
            if floor:
                parsed = Stamp.parse(floor)
                kept.append((parsed.wall_ms, parsed.counter))
            self._last = max([base, *(k for k in kept if k[0] <= horizon)])
            return True

    @property
    def last(self) -> str:
        with self._lock:
            return str(Stamp(self._last[0], self._last[1], self.replica))
