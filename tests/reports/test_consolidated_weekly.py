"""The consolidated weekly report of all stations, printed at the centre: each station's week as it
submitted it (a correction's figures, a late one marked), totals, the difficulties and proposals, and the
stations that did not report named; PDF read back with pdftotext, Excel opened with openpyxl."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.reports.conftest import flat, pdf_text
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.reporting.schedule import seed_schedule
from ytcs_desktop.domain.reporting.submissions import submit
from ytcs_desktop.domain.stations import create_centre, create_station
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.reports.excel import write_xlsx
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.reports.registry import ReportRequest, get
from ytcs_desktop.store.db import Database

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

FRIDAY = dt.date(2026, 3, 13)
STATIONS = (("TYT-AP", "Trạm Y tế phường An Phú"), ("TYT-BH", "Trạm Y tế phường Bình Hòa"),
            ("TYT-LT", "Trạm Y tế phường Lái Thiêu"))


def test_the_consolidated_week_names_the_stations_that_did_not_report(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "ytcs.sqlite3", role="centre")
    clock = DemoClock()
    try:
        with db.transaction() as s:
            ttyt = create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", province="tỉnh Bình Dương")
            ids = {code: create_station(s, code=code, name=name, centre_id=ttyt.id).id for code, name in STATIONS}
            seed_schedule(s, Actor("Phòng Kế hoạch", "centre", None))
        an_phu, binh_hoa = (Actor("Nguyễn Thị Lan", "station", ids[c]) for c in ("TYT-AP", "TYT-BH"))
        with simulated(clock):
            with db.transaction() as s:  # An Phú: two requests in the week, sent on Friday, then corrected
                clock.set(dt.date(2026, 3, 9), 9)
                for title in ("Hội chẩn ca viêm phổi", "Tập huấn tiêm chủng"):
                    move(s, an_phu, create_request(s, an_phu, kind="consultation", title=title).id, "submitted")
                clock.set(FRIDAY, 16)
                submit(s, an_phu, kind="weekly", day=FRIDAY, difficulties="Thiếu nhân lực trực đêm")
                clock.set(dt.date(2026, 3, 16), 8)
                submit(s, an_phu, kind="weekly", day=FRIDAY, corrects=True, correction_note="Bổ sung đề xuất",
                       difficulties="Thiếu nhân lực trực đêm", proposals="Đề nghị cử bác sĩ luân phiên")
            with db.transaction() as s:  # Bình Hòa: on Saturday, a day late
                clock.set(dt.date(2026, 3, 14), 10)
                submit(s, binh_hoa, kind="weekly", day=FRIDAY, difficulties="Tủ lạnh số 2 hỏng")
        spec = get("weekly-consolidated")
        with db.read() as s:
            data = spec.data(s, ReportRequest(None, dt.date(2026, 3, 7), FRIDAY))
        assert [(x.code, x.late, x.corrected) for x in data.reported] == [("TYT-AP", False, True),
                                                                        ("TYT-BH", True, False)]
        assert data.missing == [("TYT-LT", "TYT phường Lái Thiêu")]
        assert data.totals["requests_opened"] == 2
        out = tmp_path / "tong-hop-tuan.pdf"
        write_pdf(spec.document(data), out)
        text = flat(pdf_text(out))
        for phrase in ("TRUNG TÂM Y TẾ KHU VỰC THUẬN AN", "BÁO CÁO TỔNG HỢP TIẾN ĐỘ CÔNG VIỆC TUẦN CỦA CÁC TRẠM Y TẾ",
                       "Từ ngày 07/03/2026 đến ngày 13/03/2026", "Hạn nộp báo cáo tuần: 13/03/2026",
                       "2/3 trạm y tế đã gửi báo cáo (1 trạm gửi trễ hạn)",
                       "Các trạm chưa gửi báo cáo: TYT phường Lái Thiêu",
                       "TYT phường An Phú: Thiếu nhân lực trực đêm", "TYT phường Bình Hòa: Tủ lạnh số 2 hỏng",
                       "TYT phường An Phú: Đề nghị cử bác sĩ luân phiên", "gửi trễ", "có bản sửa", "chưa gửi báo cáo",
                       "Trung tâm Kiểm soát bệnh tật tỉnh", "GIÁM ĐỐC"):
            assert phrase in text, phrase
        book = tmp_path / "tong-hop-tuan.xlsx"
        assert spec.sheets is not None
        write_xlsx(spec.sheets(data), book, spec.title.text("vi"))
        sheet = openpyxl.load_workbook(book)["Tổng hợp tuần"]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [(r[0], r[4], r[12]) for r in rows[:3]] == [
            ("TYT-AP", 2, "đúng hạn, có bản sửa"), ("TYT-BH", 0, "gửi trễ"), ("TYT-LT", None, "chưa gửi báo cáo")]
        assert rows[0][14] == "Đề nghị cử bác sĩ luân phiên"
        assert rows[3][:2] == ("Tổng cộng", "2/3 trạm") and rows[3][4] == 2
    finally:
        db.close()
