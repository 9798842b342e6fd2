"""The centre overview's glance benchmark (a script, not a test):
`.venv/bin/python -m bench.bench_centre_glance [--stations 30] [--months 12] [--demo FILE] [--keep DIR] [--runs N]`.

The demo world is built and its station's partition copied to every other station (as the programme
report's benchmark does: each station as busy as the demo's), then the centre's overview is read two ways:
`glance` (one fixed set of grouped queries for every station) and `per_station_glance` below (the rows as
they were read before: one set of queries per station). Prints the median wall-clock and CPU time of each,
per station, and the SQL statements each runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from bench.bench_programme_report import build
from bench.bench_reports import timed
from ytcs_desktop.domain.centre_overview import StationGlance, glance
from ytcs_desktop.domain.coldchain import active_quarantines, missing_readings
from ytcs_desktop.domain.inventory import on_hand_by_item
from ytcs_desktop.domain.inventory.stock import is_below_minimum
from ytcs_desktop.domain.reporting.overdue import reporting_glance
from ytcs_desktop.domain.support import OPEN_STATUSES, list_requests
from ytcs_desktop.store.models import Station, StockTransaction


def per_station_glance(s: Session, today: dt.date | None = None) -> list[StationGlance]:
    """The overview as it was read before the grouped queries: every station's figures by its own queries
    (kept as the reference the grouped reading must equal, and as the 'before' of this benchmark)."""
    day = today or dt.date.today()
    reports = reporting_glance(s, today)
    out = []
    stations = s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.name))
    for st in sorted(stations, key=lambda x: x.status != "active"):
        items = on_hand_by_item(s, st.id)
        last = s.scalar(select(StockTransaction.txn_date).where(StockTransaction.station_id == st.id)
                        .order_by(StockTransaction.txn_date.desc()).limit(1))
        r = reports.get(st.id)
        out.append(StationGlance(
            st.id, st.code, st.name, st.status, last,
            sum(1 for x in list_requests(s, st.id) if x.status in OPEN_STATUSES),
            sum(1 for b in items if b.quantity <= 0),
            sum(1 for b in items if is_below_minimum(b)),
            len(missing_readings(s, st.id, day)), len(active_quarantines(s, st.id)),
            r.missing if r else None, r.late if r else None,
        ))
    return out


@contextmanager
def counting(s: Session) -> Iterator[list[str]]:
    """The SQL statements run on the session's connection while inside."""
    seen: list[str] = []
    engine = s.get_bind()

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--demo", type=Path, help="copy this demo station database instead of building one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for p in folder.glob("bench-programme.sqlite3*"):
            p.unlink()
        db, _start, _end = build(folder, args.stations, args.months, args.demo)
        try:
            results: dict[str, list[StationGlance]] = {}
            for name, fn in (("per station (before)", per_station_glance), ("grouped (glance)", glance)):
                def run(fn: Callable[[Session], list[StationGlance]] = fn) -> list[StationGlance]:
                    with db.read() as s:
                        return fn(s)

                wall, cpu, rows = timed(run, args.runs)
                with db.read() as s, counting(s) as statements:
                    fn(s)
                assert isinstance(rows, list)
                results[name] = rows
                n = len(rows)
                print(f"{name}, {n} stations: {wall * 1000:.0f} ms (cpu {cpu * 1000:.0f} ms, "
                      f"{cpu * 1000 / n:.1f} ms per station), {len(statements)} SQL statements")
            before, after = results.values()
            assert before == after, "the grouped glance differs from the per-station one"
            print(f"same rows both ways: {len(after)} stations, open requests {sum(r.open_requests for r in after)}, "
                  f"stock-outs {sum(r.stock_outs for r in after)}, below minimum {sum(r.below_minimum for r in after)}")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
