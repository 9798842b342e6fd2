"""The support programme's quarterly report to the Sở Y tế, from the demo world: every figure equals a
direct count over the records (written here in SQL, apart from the code under test), the total line is
the sum of the stations, the plan against done is the programme's own; the PDF is headed as the centre,
read back with pdftotext; the Excel opened with openpyxl. Also the demo's reports to the centre: a couple
sent late and a couple missing."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from tests.reports.conftest import flat, pdf_text
from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.programme.common import quarter_days, quarter_of_day
from ytcs_desktop.domain.programme.progress import plan_progress
from ytcs_desktop.domain.reportdata.support_programme import REQUEST_KINDS, ProgrammeReport
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.schedule import list_kinds, period_of
from ytcs_desktop.reports.excel import write_xlsx
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.reports.registry import ReportRequest, get
from ytcs_desktop.store.db import Database

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
VN = dt.timedelta(hours=7)


@pytest.fixture(scope="module")
def centre_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Six months of the demo world. Its file holds what the centre's desktop pulls (the stations, the
    centre's decisions and the demo station's records), so with the role of the centre it prints as the
    centre does."""
    path = tmp_path_factory.mktemp("programme") / "ytcs.sqlite3"
    build_demo(path, months=6, seed=11)
    db = Database.open(path)
    with db.transaction() as s:
        db.set_meta(s, "role", "centre")
    yield db
    db.close()


def last_full_quarter(db: Database) -> tuple[dt.date, dt.date]:
    with db.read() as s:
        last = s.execute(text("SELECT max(txn_date) FROM stock_transactions")).scalar_one()
    day = dt.date.fromisoformat(str(last))
    year, quarter = day.year, quarter_of_day(day) - 1
    if quarter == 0:
        year, quarter = year - 1, 4
    return quarter_days(year, quarter)


def q(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.read() as s:
        return list(s.execute(text(sql), params).all())


def utc(day: dt.date) -> str:
    """The start of a day in Việt Nam, as the database keeps moments (naive UTC)."""
    return (dt.datetime.combine(day, dt.time.min) - VN).isoformat(sep=" ")


def direct(db: Database, sid: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Each figure counted straight from the tables, for one station."""
    p = {"sid": sid, "a": start.isoformat(), "b": end.isoformat(), "ua": utc(start),
         "ub": utc(end + dt.timedelta(days=1))}
    out: dict[str, Any] = {"requests": {k: n for k, n in q(db, """
        SELECT kind, count(*) FROM support_requests WHERE station_id = :sid AND deleted = 0 AND status != 'draft'
        AND created_at >= :ua AND created_at < :ub GROUP BY kind""", **p)}}
    rotations = {d: (n, days) for d, n, days in q(db, """
        SELECT direction, count(*), sum(julianday(date_to) - julianday(date_from) + 1) FROM rotation_visits
        WHERE station_id = :sid AND deleted = 0 AND status = 'done' AND date_from BETWEEN :a AND :b
        GROUP BY direction""", **p)}
    out["to_station"] = tuple(int(x or 0) for x in rotations.get("to_station", (0, 0)))
    out["to_centre"] = tuple(int(x or 0) for x in rotations.get("to_centre", (0, 0)))
    held = "SELECT id FROM consultation_sessions WHERE deleted = 0 AND status = 'held' AND day BETWEEN :a AND :b"
    out["consultations"] = q(db, f"""SELECT count(*) FROM ({held}) h WHERE h.id IN
        (SELECT session_id FROM consultation_cases WHERE station_id = :sid AND deleted = 0)
        OR h.id IN (SELECT id FROM consultation_sessions WHERE station_id = :sid)""", **p)[0][0]
    out["cases"] = q(db, f"""SELECT count(*) FROM consultation_cases WHERE station_id = :sid AND deleted = 0
        AND session_id IN ({held})""", **p)[0][0]
    out["techniques"] = {k: n for k, n in q(db, """SELECT status, count(*) FROM station_techniques
        WHERE station_id = :sid AND deleted = 0 GROUP BY status""", **p)}
    sessions = "SELECT id FROM training_sessions WHERE deleted = 0 AND status = 'held' AND date_to BETWEEN :a AND :b"
    out["trainings"] = q(db, f"""SELECT count(DISTINCT id) FROM ({sessions}) t WHERE t.id IN (SELECT session_id
        FROM training_attendance WHERE station_id = :sid AND deleted = 0) OR t.id IN
        (SELECT id FROM training_sessions WHERE station_id = :sid)""", **p)[0][0]
    out["participants"], out["cme"] = q(db, f"""SELECT count(*), coalesce(sum(coalesce(a.periods, t.periods)), 0)
        FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id WHERE a.station_id = :sid
        AND a.deleted = 0 AND (a.result IS NULL OR a.result IN ('attended', 'passed')) AND t.id IN ({sessions})""",
        **p)[0]
    rated = q(db, """SELECT count(*), coalesce(sum(r.rating), 0) FROM support_requests r JOIN request_transitions t
        ON t.request_id = r.id WHERE r.station_id = :sid AND r.deleted = 0 AND r.rating IS NOT NULL
        AND t.to_status = 'rated' AND t.at >= :ua AND t.at < :ub""", **p)[0]
    activities = q(db, """SELECT count(*), coalesce(sum(rating), 0) FROM activity_ratings WHERE station_id = :sid
        AND deleted = 0 AND rated_at >= :ua AND rated_at < :ub""", **p)[0]
    out["ratings"] = (rated[0] + activities[0], rated[1] + activities[1])
    out["breaches"] = q(db, """SELECT count(*) FROM temperature_readings r WHERE station_id = :sid AND deleted = 0
        AND reading_date BETWEEN :a AND :b AND (celsius < 2 OR celsius > 8 OR freeze_alarm = 1)
        AND id NOT IN (SELECT corrects_id FROM temperature_readings WHERE corrects_id IS NOT NULL)""", **p)[0][0]
    out["stock_outs"] = q(db, """SELECT count(*) FROM (SELECT i.id FROM items i
        LEFT JOIN lots l ON l.item_id = i.id AND l.station_id = :sid
        LEFT JOIN stock_transactions x ON x.lot_id = l.id AND x.txn_date <= :b
        WHERE i.id IN (SELECT item_id FROM lots WHERE station_id = :sid)
           OR i.id IN (SELECT item_id FROM stock_levels WHERE station_id = :sid AND deleted = 0)
        GROUP BY i.id HAVING coalesce(sum(x.quantity), 0) <= 0)""", **p)[0][0]
    out["referrals"] = q(db, """SELECT count(*), coalesce(sum(status = 'closed' AND needed IS NOT NULL), 0),
        coalesce(sum(status = 'closed' AND needed = 0), 0) FROM referrals WHERE station_id = :sid AND deleted = 0
        AND status != 'cancelled' AND referred_on BETWEEN :a AND :b""", **p)[0]
    out["findings_opened"] = q(db, """SELECT count(*) FROM supervision_findings f JOIN supervision_visits v
        ON v.id = f.visit_id WHERE f.station_id = :sid AND f.deleted = 0 AND v.visit_date BETWEEN :a AND :b""",
        **p)[0][0]
    out["findings_closed"] = q(db, """SELECT count(*) FROM supervision_findings WHERE station_id = :sid
        AND deleted = 0 AND closed_on BETWEEN :a AND :b""", **p)[0][0]
    return out


def test_every_figure_of_the_quarter_equals_a_direct_count(centre_db: Database, tmp_path: Path) -> None:
    start, end = last_full_quarter(centre_db)
    spec = get("support-programme")
    with centre_db.read() as s:
        r: ProgrammeReport = spec.data(s, ReportRequest(None, start, end, parties={
            "assessment": "Các trạm thực hiện đạt phần lớn chỉ tiêu.\nCần tăng cường hội chẩn trực tuyến."}))
        progress = plan_progress(s, start.year, r.quarter)
    assert len(r.stations) == 5 and r.quarter is not None
    busy = 0
    for x in r.stations:
        d = direct(centre_db, x.station_id, start, end)
        assert {k: v for k, v in x.requests.items() if v} == d["requests"], x.code
        assert (x.rotations_to_station, x.rotation_days_to_station) == d["to_station"], x.code
        assert (x.rotations_to_centre, x.rotation_days_to_centre) == d["to_centre"], x.code
        assert (x.consultations, x.consultation_cases) == (d["consultations"], d["cases"]), x.code
        assert x.techniques == d["techniques"], x.code
        assert (x.trainings, x.participants, x.cme_periods) == (d["trainings"], d["participants"], d["cme"]), x.code
        assert (x.ratings, x.rating_sum) == d["ratings"], x.code
        assert (x.breaches, x.stock_outs) == (d["breaches"], d["stock_outs"]), x.code
        assert (x.referrals, x.referrals_judged, x.referrals_unnecessary) == tuple(d["referrals"]), x.code
        assert (x.findings_opened, x.findings_closed) == (d["findings_opened"], d["findings_closed"]), x.code
        busy += x.requests_total + x.rotations_to_station + x.trainings
    assert busy > 0  # the demo quarter is not empty: the comparison compared something
    for key in ("rotations_to_station", "rotation_days_to_station", "participants", "cme_periods", "breaches",
                "referrals", "findings_opened", "findings_closed", "reports_missing", "reports_late"):
        assert getattr(r.total, key) == sum(getattr(x, key) for x in r.stations), key
    assert r.total.requests_total == sum(x.requests_total for x in r.stations)
    assert [(p.station_id, p.kind, p.target, p.done) for p in r.progress] == [
        (p.station_id, p.kind, p.target, p.done) for p in progress]

    # the reports the stations sent in the quarter: every original whose deadline fell in it is on time or late
    with centre_db.read() as s:
        kinds = {k.code: k for k in list_kinds(s)}
        sent = q(centre_db, "SELECT station_id, kind, period_from, submitted_at FROM report_submissions "
                            "WHERE corrects_id IS NULL AND deleted = 0")
    in_quarter = [(sid, kind, at) for sid, kind, frm, at in sent
                  if start <= period_of(kinds[kind], dt.date.fromisoformat(str(frm))).deadline <= end]
    home = next(x for x in r.stations if x.code == "TYT-AP")
    assert home.reports_on_time + home.reports_late == len(in_quarter)

    out = tmp_path / "ho-tro-chuyen-mon.pdf"
    write_pdf(spec.document(r), out)
    page = flat(pdf_text(out))
    for phrase in ("TRUNG TÂM Y TẾ KHU VỰC THUẬN AN", "SỞ Y TẾ", "BÁO CÁO KẾT QUẢ HỖ TRỢ CHUYÊN MÔN CHO CÁC TRẠM Y TẾ",
                   f"Quý {['I', 'II', 'III', 'IV'][r.quarter - 1]} năm {start.year}", "TYT phường Bình Hòa",
                   "II. KẾT QUẢ THỰC HIỆN SO VỚI KẾ HOẠCH", "Các trạm thực hiện đạt phần lớn chỉ tiêu.",
                   "Cần tăng cường hội chẩn trực tuyến.", "GIÁM ĐỐC", "Nơi nhận"):
        assert phrase in page, phrase
    book = tmp_path / "ho-tro-chuyen-mon.xlsx"
    assert spec.sheets is not None
    write_xlsx(spec.sheets(r), book, spec.title.text("vi"))
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["Theo trạm", "Kế hoạch – thực hiện", "Khó khăn – đề xuất"]
    rows = list(wb["Theo trạm"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows[:5]] == [x.code for x in r.stations] and rows[5][0] == "Tổng cộng"
    assert list(rows[5][2:2 + len(REQUEST_KINDS)]) == [r.total.requests.get(k, 0) for k in REQUEST_KINDS]
    said = list(wb["Khó khăn – đề xuất"].iter_rows(min_row=2, values_only=True))
    assert len(said) == len(r.said) > 0


def test_the_demo_station_sends_its_reports_with_a_couple_late_and_missing(centre_db: Database) -> None:
    with centre_db.read() as s:
        kinds = {k.code for k in list_kinds(s)}
        lines = overdue.centre_lines(s, overdue.reporting_today(), lookback_days=400)
    mine = [x for x in lines if x.station_id == q(centre_db, "SELECT id FROM stations WHERE code = 'TYT-AP'")[0][0]]
    assert kinds == {"weekly", "monthly", "quarterly", "annual"}
    weekly = [x for x in mine if x.kind == "weekly"]
    assert sum(1 for x in weekly if x.state == "late") == 2
    assert sum(1 for x in weekly if x.state == "missing") >= 2
    assert sum(1 for x in weekly if x.state == "on_time") >= 15
    corrected = q(centre_db, "SELECT count(*) FROM report_submissions WHERE corrects_id IS NOT NULL")[0][0]
    returned = q(centre_db, "SELECT count(*) FROM report_submissions WHERE status = 'returned'")[0][0]
    assert corrected == returned == 1
