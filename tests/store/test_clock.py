"""The hybrid clock after a wall clock that was set far ahead: it settles back to physical time only
when told the far-ahead stamps are no longer compared against, never below what it must sort after."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.hlc import HybridClock, Stamp, wall_clock_ms
from ytcs_desktop.store.models import Fridge

YEAR_MS = 365 * 86_400_000
LIMIT_MS = 60_000


def _wall(stamp: str) -> int:
    return Stamp.parse(stamp).wall_ms


def test_settle_drops_only_a_far_ahead_stamp() -> None:
    now = [1_800_000_000_000]
    clock = HybridClock("r", last=f"{now[0] + 30_000:015d}-000004-r", wall=lambda: now[0])
    assert not clock.ahead_by_more_than(LIMIT_MS)
    assert not clock.settle(LIMIT_MS)  # 30 s ahead is within the limit: kept
    assert _wall(clock.now()) == now[0] + 30_000
    ahead = HybridClock("r", last=f"{now[0] + YEAR_MS:015d}-000000-r", wall=lambda: now[0])
    assert ahead.ahead_by_more_than(LIMIT_MS)
    assert _wall(ahead.now()) == now[0] + YEAR_MS  # monotonic until settled
    assert ahead.settle(LIMIT_MS)
    assert _wall(ahead.now()) == now[0]
    assert not ahead.settle(LIMIT_MS)


def test_settle_never_goes_below_a_kept_or_merged_stamp() -> None:
    now = 1_800_000_000_000
    clock = HybridClock("r", last=f"{now + YEAR_MS:015d}-000000-r", wall=lambda: now)
    clock.observe(f"{now + 20_000:015d}-000002-centre", max_future_ms=LIMIT_MS)
    assert clock.settle(LIMIT_MS, floor=f"{now + 10_000:015d}-000007-r")
    assert clock.now() > f"{now + 20_000:015d}-000002"  # after the merged remote stamp
    other = HybridClock("r", last=f"{now + YEAR_MS:015d}-000000-r", wall=lambda: now)
    assert other.settle(LIMIT_MS, floor=f"{now + 40_000:015d}-000007-r")
    assert clock.now() < other.now() and _wall(other.now()) == now + 40_000
    beyond = HybridClock("r", last=f"{now + YEAR_MS:015d}-000000-r", wall=lambda: now)
    assert beyond.settle(LIMIT_MS, floor=f"{now + 2 * LIMIT_MS:015d}-000000-r")  # itself far ahead: ignored
    assert _wall(beyond.now()) == now


def _add_fridge(db: Database) -> str:
    fridge_id = new_id()
    with db.transaction() as s:
        s.add(Fridge(id=fridge_id, station_id=db.station_id, name="Tủ lạnh"))
    return fridge_id


def _top_seq(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(text("SELECT max(seq) FROM sync_outbox")) or 0)


def test_settled_clock_survives_a_restart_and_waits_for_acknowledgement(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    db = Database.create(path, station_id=new_id())
    db._clock = HybridClock(db.replica_id, wall=lambda: wall_clock_ms() + 3 * YEAR_MS)
    _add_fridge(db)
    _add_fridge(db)
    db.clock.offset_ms = -3 * YEAR_MS  # learned from the centre
    assert not db.settle_clock(_top_seq(db) - 1, LIMIT_MS)  # the second change is not acknowledged
    assert db.clock.ahead_by_more_than(LIMIT_MS)
    assert db.settle_clock(_top_seq(db), LIMIT_MS)
    assert abs(_wall(db.clock.now()) - wall_clock_ms()) < LIMIT_MS
    db.close()
    reopened = Database.open(path)  # the wall clock was set right meanwhile (offset 0)
    try:
        with reopened.transaction() as s:
            reopened.set_meta(s, "clock_offset_ms", "0")
        reopened._clock = None
        assert not reopened.clock.ahead_by_more_than(LIMIT_MS)
        fridge = _add_fridge(reopened)
        with reopened.read() as s:
            stamp = s.scalar(text("SELECT hlc FROM fridges WHERE id = :i"), {"i": fridge})
        assert abs(_wall(stamp) - wall_clock_ms()) < LIMIT_MS
    finally:
        reopened.close()
