"""Reports benchmark (a script, not a test): `.venv/bin/python -m bench.bench_reports [--keep DIR] [--runs N]`.

The 12-month stock movement report over 100,000 ledger rows and 2,000 items (6,000 lots, the
database of bench_inventory), as a PDF and as an XLSX. Prints the median wall-clock and CPU time of
each step: report data (SQL SUMs), layout + PDF writing, workbook writing. Target (ISSUE 5): the PDF
in ≤ 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_inventory import START, TODAY, build
from ytcs_desktop.domain.reportdata.stock import MovementReport, movement_report
from ytcs_desktop.reports.excel import write_xlsx
from ytcs_desktop.reports.forms.stock import movement_document
from ytcs_desktop.reports.output import ensure_gui_app, write_pdf
from ytcs_desktop.reports.sheets import movement_sheets
from ytcs_desktop.store.db import Database


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    wall, cpu, result = [], [], None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "bench-reports.sqlite3"
        for p in folder.glob("bench-reports.sqlite3*"):
            p.unlink()
        t0 = time.perf_counter()
        db, _actor, _items = build(db_path)
        print(f"built 2,000 items / 100,000 ledger rows in {time.perf_counter() - t0:.1f} s")
        date_from, date_to = START, TODAY
        try:
            report = _bench(db, date_from, date_to, folder, args.runs)
        finally:
            db.close()
        print(f"rows (lots) in the report: {len(report.rows)}; closing total {report.totals['closing']}")
    return 0


def _bench(db: Database, date_from: dt.date, date_to: dt.date, folder: Path, runs: int) -> MovementReport:
    def data() -> MovementReport:
        with db.read() as s:
            return movement_report(s, db.station_id, date_from, date_to)

    wall, cpu, report = timed(data, runs)
    assert isinstance(report, MovementReport)
    print(f"report data (SQL):         {wall:6.2f} s wall, {cpu:6.2f} s CPU")
    pdf = folder / "stock-movement-12m.pdf"
    wall_p, cpu_p, pages = timed(lambda: write_pdf(movement_document(report), pdf), runs)
    print(f"PDF layout + write:        {wall_p:6.2f} s wall, {cpu_p:6.2f} s CPU, {pages} pages, "
          f"{pdf.stat().st_size / 1e6:.1f} MB")
    xlsx = folder / "stock-movement-12m.xlsx"
    wall_x, cpu_x, _ = timed(lambda: write_xlsx(movement_sheets(report), xlsx, "Xuất nhập tồn"), runs)
    print(f"XLSX write:                {wall_x:6.2f} s wall, {cpu_x:6.2f} s CPU, {xlsx.stat().st_size / 1e6:.1f} MB")
    print(f"PDF end to end:            {wall + wall_p:6.2f} s wall, {cpu + cpu_p:6.2f} s CPU (target ≤ 3 s)")
    print(f"XLSX end to end:           {wall + wall_x:6.2f} s wall, {cpu + cpu_x:6.2f} s CPU")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    missing = sum(1 for r in report.rows if r.lot_no not in text)
    print(f"lots missing from the PDF text: {missing}")
    return report


if __name__ == "__main__":
    sys.exit(main())
