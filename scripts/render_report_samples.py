"""Render the first page of every printed form to docs/reports/<name>.png (and the fridge chart page).

    .venv/bin/python scripts/render_report_samples.py                 # builds a 3-month demo database
    .venv/bin/python scripts/render_report_samples.py --data-dir DIR  # uses DIR/ytcs.sqlite3 (e.g. `ytcs demo`)

Needs pdftoppm (poppler-utils). Pages are rendered at 60 dpi to keep the files small.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from ytcs_desktop.paths import DB_FILENAME  # noqa: E402
from ytcs_desktop.reports.output import ensure_gui_app, write_pdf  # noqa: E402
from ytcs_desktop.reports.registry import REPORTS, ReportRequest  # noqa: E402
from ytcs_desktop.store.db import Database  # noqa: E402
from ytcs_desktop.store.models import Staff, StockCount, StockTransaction  # noqa: E402

PARTIES = {
    "number": "12/BB-TYT",
    "time": "2026-10-31T15:30",
    "reason": "Thay đổi nhân sự phụ trách kho thuốc",
    "records": ["Sổ theo dõi xuất, nhập thuốc năm 2026", "Thẻ kho các mặt hàng", "Sổ tiêm chủng"],
    "equipment": ["Tủ lạnh vắc xin số 1 và số 2: hoạt động bình thường", "Nhiệt kế điện tử: 02 cái"],
    "conclusion": "Bên nhận đã kiểm tra, nhận đủ số lượng, chủng loại như trên.",
    "difficulties": ["Thiếu nhân lực trong đợt tiêm chủng bổ sung."],
    "proposals": ["Đề nghị TTYT cử bác sĩ luân phiên hỗ trợ khám bệnh không lây nhiễm."],
}


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def periods(db: Database) -> dict[str, tuple[dt.date, dt.date]]:
    with db.read() as s:
        last_txn = s.scalar(select(func.max(StockTransaction.txn_date))) or dt.date.today()
        count_day = s.scalar(select(func.max(StockCount.count_date)))
    month = month_of(last_txn.replace(day=1) - dt.timedelta(days=1))  # the last full month
    out = {name: month for name in REPORTS}
    if count_day:
        out["stock-count"] = month_of(count_day)
    out["weekly"] = (month[1] - dt.timedelta(days=6), month[1])
    out["handover"] = (month[1], month[1])
    return out


def parties(db: Database) -> dict[str, object]:
    with db.read() as s:
        names = list(s.scalars(select(Staff.full_name).where(Staff.station_id == db.station_id).limit(3)))
    names += ["Phạm Đức Hưởng", "Lê Ỷ Lan", "Trần Quốc Toản"]
    return dict(PARTIES, handing_over=[{"name": names[0], "position": "Phụ trách kho", "unit": "Trạm Y tế"}],
                receiving=[{"name": names[1], "position": "Điều dưỡng", "unit": "Trạm Y tế"}],
                witnesses=[{"name": names[2], "position": "Trưởng trạm", "unit": "Trạm Y tế"}])


def png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(stem)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="folder holding a station database (default: build a demo)")
    ap.add_argument("--months", type=int, default=3, help="months of demo data to build")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    args = ap.parse_args()
    ensure_gui_app()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.data_dir:
            path = args.data_dir / DB_FILENAME
        else:
            from ytcs_desktop.demo import build_demo

            path = Path(tmp) / DB_FILENAME
            build_demo(path, months=args.months, seed=1)
        db = Database.open(path)
        try:
            spans = periods(db)
            who = parties(db)
            for name, spec in REPORTS.items():
                date_from, date_to = spans[name]
                req = ReportRequest(db.station_id, date_from, date_to, parties=who)
                with db.read() as s:
                    try:
                        data = spec.data(s, req)
                    except Exception as exc:  # a document the data set does not hold
                        print(f"{name}: skipped ({exc})")
                        continue
                    if name == "stock-card":
                        data = data[:3]
                pdf = Path(tmp) / f"{name}.pdf"
                pages = write_pdf(spec.document(data), pdf)
                png(pdf, 1, args.out / f"{name}.png")
                if name == "fridge-temperature" and pages > 1:
                    png(pdf, 2, args.out / f"{name}-chart.png")
                print(f"{name}: {date_from}…{date_to}, {pages} page(s)")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
