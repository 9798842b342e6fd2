"""Programme report benchmark (a script, not a test):
`.venv/bin/python -m bench.bench_programme_report [--stations 30] [--months 12] [--demo FILE] [--keep DIR]
[--runs N]`.

The annual report on the support programme (`ytcs report support-programme`) for 30 stations over a year
of the demo world's activity: the demo is built (its station's year of records: requests, rotations,
trainings, readings, ledger, referrals, supervision, reports), then that station's whole partition is
copied to every other station of the centre (new ids, each station its own rows), so every added station has
a year as busy as the demo's (the demo's four other stations keep the centre's records of them: visits,
supervision, plans). Prints the median wall-clock and CPU time of the report's data (SQL), the
PDF, and the workbook. Target (issue 14): ≤ 3 s for the PDF and ≤ 3 s for the Excel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select, text

from bench.bench_reports import timed
from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.reportdata.support_programme import ProgrammeReport, programme_report
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.reports.excel import write_xlsx
from ytcs_desktop.reports.forms.support_programme import programme_document, programme_sheets
from ytcs_desktop.reports.output import ensure_gui_app, write_pdf
from ytcs_desktop.store.base import Base
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station


def clone_partition(db: Database, source: str, targets: list[str]) -> int:
    """Copy every row of `source`'s partition to each target station in SQL (INSERT … SELECT): each copy's id
    is the original's with its first 8 characters replaced by the target's tag, and so is every reference
    to a row of the partition, so the copies point at each other."""
    tables = [t for t in Base.metadata.sorted_tables if "station_id" in t.c and t.name != "stations"]
    made = 0
    with db.applying_remote() as s:  # not captured: a benchmark's copy, not changes to send
        for n, target in enumerate(targets, start=1):
            tag = f"{n:08x}"
            for t in tables:
                values = []
                for c in t.c:
                    if c.name == "id":
                        values.append(":tag || substr(id, 9)")
                    elif c.name == "station_id":
                        values.append(":target")
                    elif c.foreign_keys and "station_id" in next(iter(c.foreign_keys)).column.table.c:
                        ref = next(iter(c.foreign_keys)).column.table.name
                        values.append(f"CASE WHEN {c.name} IN (SELECT id FROM {ref} WHERE station_id = :source) "
                                      f"THEN :tag || substr({c.name}, 9) ELSE {c.name} END")
                    else:
                        values.append(c.name)
                columns = ", ".join(c.name for c in t.c)
                done = s.execute(text(f"INSERT OR IGNORE INTO {t.name} ({columns}) SELECT {', '.join(values)} "
                                      f"FROM {t.name} WHERE station_id = :source"),
                                 {"tag": tag, "target": target, "source": source})
                made += done.rowcount or 0  # type: ignore[attr-defined]
    return made


def build(folder: Path, stations: int, months: int, demo: Path | None) -> tuple[Database, dt.date, dt.date]:
    path = folder / "bench-programme.sqlite3"
    t0 = time.perf_counter()
    if demo is not None:  # a demo station database made before (`ytcs demo`), copied
        shutil.copyfile(demo, path)
    else:
        build_demo(path, months=months, seed=2026)
    print(f"demo world, {months} months: {time.perf_counter() - t0:.1f} s", flush=True)
    db = Database.open(path)
    home = db.station_id or ""
    with db.transaction() as s:
        have = len(list(s.scalars(select(Station.id).where(Station.deleted.is_(False)))))
        new = [create_station(s, code=f"TYT-B{n:02d}", name=f"Trạm Y tế xã Thử Nghiệm {n:02d}").id
               for n in range(have + 1, stations + 1)]
        db.set_meta(s, "role", "centre")  # printed as the centre, which holds every station
    t0 = time.perf_counter()
    made = clone_partition(db, home, new)  # the demo's other stations keep their own (centre-side) records
    print(f"{stations} stations: {made:,} rows copied from the demo station in {time.perf_counter() - t0:.1f} s")
    end = dt.date.today()
    return db, dt.date(end.year, 1, 1), dt.date(end.year, 12, 31)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", type=Path, help="copy this demo station database instead of building one")
    args = parser.parse_args(argv)
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for p in folder.glob("bench-programme.sqlite3*"):
            p.unlink()
        db, date_from, date_to = build(folder, args.stations, args.months, args.demo)
        try:
            def data() -> ProgrammeReport:
                with db.read() as s:
                    return programme_report(s, None, date_from, date_to, "Đánh giá tổng kết năm.")

            wall, cpu, report = timed(data, args.runs)
            assert isinstance(report, ProgrammeReport)
            print(f"report data, {len(report.stations)} stations, year {date_from.year}: {wall:.2f} s (cpu {cpu:.2f})")
            pdf = folder / "bench-programme.pdf"
            wall_pdf, cpu_pdf, pages = timed(lambda: write_pdf(programme_document(report), pdf), args.runs)
            print(f"PDF layout + writing, {pages} pages: {wall_pdf:.2f} s (cpu {cpu_pdf:.2f})")
            xlsx = folder / "bench-programme.xlsx"
            wall_x, cpu_x, _ = timed(lambda: write_xlsx(programme_sheets(report), xlsx, "Báo cáo"), args.runs)
            print(f"workbook writing: {wall_x:.2f} s (cpu {cpu_x:.2f})")
            print(f"annual report, data + PDF: {wall + wall_pdf:.2f} s; data + Excel: {wall + wall_x:.2f} s "
                  f"(target ≤ 3 s each); requests in total {report.total.requests_total}, "
                  f"trainings {report.total.trainings}, rotations {report.total.rotations_to_station}")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
