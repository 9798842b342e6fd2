"""Every figure traceable: on the demo world, each figure of the programme report and of the centre's overview
equals the number (or the sum) of the records listed for it, and a direct count over the tables written here;
the overview reads every station with the same number of SQL statements, 3 stations or 30, and gives the
rows the per-station reading gave."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from bench.bench_centre_glance import counting, per_station_glance
from bench.bench_programme_report import clone_partition
from tests.reports.test_support_programme import direct, last_full_quarter, q
from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.centre_overview import FIGURES, glance, overview_records, station_figure_records
from ytcs_desktop.domain.figures import figure, records_of
from ytcs_desktop.domain.figures.programme import REQUEST_KINDS, figure_keys
from ytcs_desktop.domain.reportdata.support_programme import figure_value, programme_report
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.domain.techniques import STAGES
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station

AMOUNTS = {"rotation_days_to_station", "rotation_days_to_centre", "cme_periods", "rating_sum"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Four months of the demo world, read as the centre."""
    path = tmp_path_factory.mktemp("figures") / "ytcs.sqlite3"
    build_demo(path, months=4, seed=14)
    db = Database.open(path)
    with db.transaction() as s:
        db.set_meta(s, "role", "centre")
    yield db
    db.close()


def expected(d: dict[str, Any], key: str) -> int | None:
    """The direct count of a figure (tests/reports/test_support_programme.py `direct`), None for those it
    does not count (the reports, counted against the schedule)."""
    if key.startswith("requests:"):
        return int(d["requests"].get(key.split(":", 1)[1], 0))
    if key.startswith("techniques:"):
        return int(d["techniques"].get(key.split(":", 1)[1], 0))
    simple = {"rotations_to_station": d["to_station"][0], "rotation_days_to_station": d["to_station"][1],
              "rotations_to_centre": d["to_centre"][0], "rotation_days_to_centre": d["to_centre"][1],
              "consultations": d["consultations"], "consultation_cases": d["cases"], "trainings": d["trainings"],
              "participants": d["participants"], "cme_periods": d["cme"], "ratings": d["ratings"][0],
              "rating_sum": d["ratings"][1], "stock_outs": d["stock_outs"], "breaches": d["breaches"],
              "referrals": d["referrals"][0], "referrals_judged": d["referrals"][1],
              "referrals_unnecessary": d["referrals"][2], "findings_opened": d["findings_opened"],
              "findings_closed": d["findings_closed"]}
    return None if key not in simple else int(simple[key])


def test_every_programme_figure_is_its_records_and_a_direct_count(world: Database) -> None:
    start, end = last_full_quarter(world)
    with world.read() as s:
        r = programme_report(s, None, start, end)
    keys = figure_keys()
    assert keys[:len(REQUEST_KINDS)] == [f"requests:{k}" for k in REQUEST_KINDS]
    assert {f"techniques:{k}" for k in STAGES} <= set(keys) and len(keys) == len(set(keys))
    compared = listed = 0
    for x in r.stations:
        d = direct(world, x.station_id, start, end)
        for key in keys:
            records = records_of(r.records, key, [x.station_id])
            value = figure_value(x, key)
            assert all(rec.station_id == x.station_id for rec in records)
            assert value == figure(r.records, x.station_id, key) == sum(rec.amount for rec in records), (x.code, key)
            if key not in AMOUNTS:
                assert value == len(records) and all(rec.amount == 1 for rec in records), (x.code, key)
            want = expected(d, key)
            if want is not None:
                assert value == want, (x.code, key)
                compared += 1
            listed += len(records)
    assert compared >= len(r.stations) * 20 and listed > 50  # the quarter is not empty: something was compared
    for key in keys:  # the total line lists every station's records
        assert figure_value(r.total, key) == sum(rec.amount for rec in records_of(r.records, key)), key
    # the reports: every report due in the quarter is one record of on time, late or missing
    home = next(x for x in r.stations if x.code == "TYT-AP")
    reports = [rec for k in ("reports_on_time", "reports_late", "reports_missing")
               for rec in records_of(r.records, k, [home.station_id])]
    assert len(reports) == home.reports_on_time + home.reports_late + home.reports_missing > 0
    assert all(start <= rec.day <= end for rec in reports if rec.day is not None)


def direct_done(db: Database, sid: str, kind: str, start: dt.date, end: dt.date) -> int:
    """What the plan's "done" counts, straight from the tables."""
    p = {"sid": sid, "a": start.isoformat(), "b": end.isoformat(), "kind": kind}
    sql = {
        "rotation": """SELECT count(*) FROM rotation_visits WHERE station_id = :sid AND deleted = 0
            AND status = 'done' AND date_from BETWEEN :a AND :b""",
        "consultation": """SELECT count(*) FROM consultation_sessions WHERE deleted = 0 AND status = 'held'
            AND day BETWEEN :a AND :b AND (station_id = :sid OR id IN (SELECT session_id FROM consultation_cases
            WHERE station_id = :sid AND deleted = 0))""",
        "training": """SELECT count(*) FROM training_sessions WHERE deleted = 0 AND status = 'held'
            AND date_from BETWEEN :a AND :b AND (station_id = :sid OR id IN (SELECT session_id
            FROM training_attendance WHERE station_id = :sid AND deleted = 0))""",
        "supervision": """SELECT count(*) FROM supervision_visits WHERE station_id = :sid AND deleted = 0
            AND status = 'done' AND visit_date BETWEEN :a AND :b""",
    }.get(kind, """SELECT count(*) FROM support_requests WHERE station_id = :sid AND kind = :kind AND deleted = 0
        AND status IN ('done', 'rated')
        AND coalesce(scheduled_to, scheduled_from, date(created_at)) BETWEEN :a AND :b""")
    return int(q(db, sql, **p)[0][0])


def test_the_plans_done_is_its_records_and_a_direct_count(world: Database) -> None:
    start, end = last_full_quarter(world)
    with world.read() as s:
        r = programme_report(s, None, start, end)
    assert r.progress
    done = 0
    for p in r.progress:
        listed = records_of(r.records, f"plan:{p.kind}", [p.station_id])
        if p.done is None:
            assert (p.station_id, f"plan:{p.kind}") not in r.records
            continue
        assert p.done == len(p.records) == len(listed) == direct_done(world, p.station_id, p.kind, start, end), p
        assert all(start <= x.day <= end for x in listed if x.day is not None)
        done += p.done
    assert done > 0


def test_the_records_of_a_figure_say_what_they_are(world: Database) -> None:
    start, end = last_full_quarter(world)
    with world.read() as s:
        r = programme_report(s, None, start, end, lang="en")
        home = s.scalar(select(Station.id).where(Station.code == "TYT-AP"))
    rotations = records_of(r.records, "rotation_days_to_station", [home or ""])
    visits = q(world, """SELECT date_from, date_to, purpose FROM rotation_visits WHERE station_id = :sid
        AND deleted = 0 AND status = 'done' AND direction = 'to_station' AND date_from BETWEEN :a AND :b
        ORDER BY date_from, purpose""",
               sid=home, a=start.isoformat(), b=end.isoformat())
    assert [(rec.day, rec.amount) for rec in rotations] == [
        (dt.date.fromisoformat(str(a)), (dt.date.fromisoformat(str(b)) - dt.date.fromisoformat(str(a))).days + 1)
        for a, b, _p in visits]
    assert all(rec.what.startswith(p) and rec.who for rec, (_a, _b, p) in zip(rotations, visits, strict=True))
    trainings = records_of(r.records, "participants", [home or ""])
    assert trainings and all(rec.who and rec.what for rec in trainings)


def direct_overview(db: Database, sid: str) -> dict[str, int]:
    """The overview's counts that a plain query can make, straight from the tables."""
    open_requests = q(db, """SELECT count(*) FROM support_requests WHERE station_id = :sid AND deleted = 0 AND status
        IN ('draft', 'submitted', 'accepted', 'scheduled', 'in_progress', 'done')""", sid=sid)[0][0]
    quarantined = q(db, """SELECT count(*) FROM quarantines WHERE station_id = :sid AND deleted = 0
        AND status = 'active'""", sid=sid)[0][0]
    balances = q(db, """SELECT i.id, coalesce(sum(x.quantity), 0),
        coalesce((SELECT min_stock FROM stock_levels WHERE station_id = :sid AND item_id = i.id AND deleted = 0),
                 i.min_stock, 0)
        FROM items i LEFT JOIN lots l ON l.item_id = i.id AND l.station_id = :sid
        LEFT JOIN stock_transactions x ON x.lot_id = l.id
        WHERE i.id IN (SELECT item_id FROM lots WHERE station_id = :sid)
           OR i.id IN (SELECT item_id FROM stock_levels WHERE station_id = :sid AND deleted = 0)
        GROUP BY i.id""", sid=sid)
    return {"open_requests": open_requests, "quarantined": quarantined,
            "stock_outs": sum(1 for _i, qty, _m in balances if qty <= 0),
            "below_minimum": sum(1 for _i, qty, low in balances if low > 0 and qty < low)}


def grow(db: Database, stations: int) -> None:
    """Copy the demo station's partition to new stations until the centre holds `stations`."""
    with db.transaction() as s:
        have = len(list(s.scalars(select(Station.id).where(Station.deleted.is_(False)))))
        new = [create_station(s, code=f"TYT-F{n:02d}", name=f"Trạm Y tế xã Thử Nghiệm {n:02d}").id
               for n in range(have + 1, stations + 1)]
    clone_partition(db, db.station_id or "", new)


def statements(db: Database, today: dt.date) -> tuple[int, int]:
    """SQL statements run by the grouped glance and by the per-station reading."""
    with db.read() as s, counting(s) as grouped:
        glance(s, today)
    with db.read() as s, counting(s) as per_station:
        per_station_glance(s, today)
    return len(grouped), len(per_station)


def test_the_overview_is_its_records_and_reads_any_number_of_stations_in_the_same_queries(
        tmp_path: Path, world: Database) -> None:
    path = tmp_path / "overview.sqlite3"
    with sqlite3.connect(world.path) as copy:  # a copy of the world, grown below
        copy.execute("VACUUM INTO ?", (str(path),))
    db = Database.open(path)
    try:
        today = dt.date.today()
        with db.transaction() as s:  # three stations: the demo's own and two of the centre's
            keep = [x for x in s.scalars(select(Station.id).order_by(Station.code)) if x != db.station_id][:2]
            hidden = s.execute(text("UPDATE stations SET deleted = 1 WHERE id NOT IN (:a, :b, :c)"),
                               {"a": db.station_id, "b": keep[0], "c": keep[1]})
            assert hidden.rowcount == 2  # type: ignore[attr-defined]
        three = statements(db, today)
        with db.transaction() as s:
            s.execute(text("UPDATE stations SET deleted = 0"))
        grow(db, 30)
        thirty = statements(db, today)
        assert thirty[0] == three[0] <= 15, (three, thirty)  # grouped: the same statements for 30 as for 3
        assert thirty[1] > three[1] + 100  # the per-station reading grows with the stations (the count counts)

        with db.read() as s:
            rows = glance(s, today)
            assert rows == per_station_glance(s, today)  # the same figures as station by station
            records = overview_records(s, [x.id for x in rows], today)
            busy = 0
            for row in rows:
                d = direct_overview(db, row.id)
                for key in FIGURES:
                    value = getattr(row, key)
                    listed = station_figure_records(s, row.id, key, today)
                    if value is None:
                        assert key.startswith("reports_") and row.status != "active" and not listed
                        continue
                    assert value == len(listed) == figure(records, row.id, key), (row.code, key)
                    assert listed == records_of(records, key, [row.id])
                    if key in d:
                        assert value == d[key], (row.code, key)
                    busy += value
        assert len(rows) == 30 and busy > 100
    finally:
        db.close()
