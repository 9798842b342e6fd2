"""Báo cáo tổng hợp tiến độ tuần của các trạm y tế (to the provincial CDC): PDF and Excel."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.dates import day_text, moment_text
from ytcs_desktop.domain.reportdata.consolidated import COUNTS, ConsolidatedWeekly, StationWeek
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.excel import Sheet, XColumn
from ytcs_desktop.reports.forms.common import num, station_signatures

COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Trạm y tế", 14),
    Column("Gửi lúc", 10, "center"),
    Column("Yêu cầu gửi mới", 6, "right", group="Hỗ trợ chuyên môn"),
    Column("Đã kết thúc", 6, "right", group="Hỗ trợ chuyên môn"),
    Column("Còn xử lý", 6, "right", group="Hỗ trợ chuyên môn"),
    Column("Lượt luân phiên", 6, "right"),
    Column("Lớp tập huấn", 6, "right", group="Đào tạo"),
    Column("Số tiết", 5, "right", group="Đào tạo"),
    Column("Hết / dưới tối thiểu", 7, "right", group="Thuốc, vật tư"),
    Column("Lô cận hạn", 6, "right", group="Thuốc, vật tư"),
    Column("Ghi chú", 10),
]


def note(x: StationWeek) -> str:
    parts = ["gửi trễ" if x.late else "đúng hạn"]
    if x.corrected:
        parts.append("có bản sửa")
    if x.status == "returned":
        parts.append("đã trả lại")
    return ", ".join(parts)


def _sent(x: StationWeek) -> str:
    return moment_text(x.submitted_at.astimezone())


def _lines(title: str, reported: list[StationWeek], key: str) -> list[Block]:
    blocks: list[Block] = [Text(title, bold=True, before=4, keep_with_next=True)]
    said = [(x.name, line) for x in reported for line in getattr(x, key)]
    blocks += [Text(f"- {name}: {line}", indent=12, align="justify") for name, line in said]
    return blocks if said else [*blocks, Text("Không có.", indent=12)]


def consolidated_document(r: ConsolidatedWeekly) -> Document:
    missing = ", ".join(name for _code, name in r.missing)
    late = sum(1 for x in r.reported if x.late)
    blocks: list[Block] = [
        Text(f"Hạn nộp báo cáo tuần: {day_text(r.deadline)}.", italic=True, align="center"),
        Text("I. TÌNH HÌNH GỬI BÁO CÁO", bold=True, before=4, keep_with_next=True),
        Text(f"{len(r.reported)}/{r.expected} trạm y tế đã gửi báo cáo ({late} trạm gửi trễ hạn)."
             + (f" Các trạm chưa gửi báo cáo: {missing}." if r.missing else " Tất cả các trạm đã gửi báo cáo."),
             indent=12, align="justify"),
        Text("II. KẾT QUẢ THỰC HIỆN TRONG TUẦN CỦA CÁC TRẠM", bold=True, before=4, keep_with_next=True),
    ]
    rows = [Row([str(i), x.name, _sent(x), *(num(int(x.figures.get(k) or 0)) for k in COUNTS), note(x)])
            for i, x in enumerate(r.reported, start=1)]
    if r.reported:
        rows.append(Row(["", "Tổng cộng", "", *(num(r.totals[k]) for k in COUNTS), ""], bold=True))
    rows += [Row([str(len(r.reported) + i), name, "Chưa gửi", *("" for _ in COUNTS), "chưa gửi báo cáo"], italic=True)
             for i, (_code, name) in enumerate(r.missing, start=1)]
    blocks.append(Table(COLUMNS, rows, size=10, empty_text="Không có trạm nào trong danh sách."))
    blocks += _lines("III. KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC TRẠM", r.reported, "difficulties")
    blocks += _lines("IV. ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC TRẠM", r.reported, "proposals")
    blocks.append(station_signatures(maker="NGƯỜI TỔNG HỢP", recipients=[
        "Trung tâm Kiểm soát bệnh tật tỉnh", "Ban Giám đốc TTYT khu vực", "Lưu: VT, KHNV"]))
    return Document(r.header, blocks, landscape=True)


def consolidated_sheets(r: ConsolidatedWeekly) -> list[Sheet]:
    titles = ["Yêu cầu gửi mới", "Yêu cầu đã kết thúc", "Yêu cầu còn xử lý", "Lượt luân phiên", "Lớp tập huấn",
              "Số tiết tập huấn", "Mặt hàng hết / dưới tối thiểu", "Lô cận hạn"]
    columns = [XColumn("Mã trạm"), XColumn("Trạm y tế"), XColumn("Gửi lúc"), XColumn("Người gửi"),
               *(XColumn(t, "int") for t in titles), XColumn("Ghi chú"), XColumn("Khó khăn, vướng mắc"),
               XColumn("Đề xuất, kiến nghị")]
    rows: list[tuple[Any, ...]] = [
        (x.code, x.name, _sent(x), x.submitted_by, *(int(x.figures.get(k) or 0) for k in COUNTS), note(x),
         "\n".join(x.difficulties), "\n".join(x.proposals)) for x in r.reported]
    rows += [(code, name, None, None, *(None for _ in COUNTS), "chưa gửi báo cáo", None, None)
             for code, name in r.missing]
    totals = ("Tổng cộng", f"{len(r.reported)}/{r.expected} trạm", None, None, *(r.totals[k] for k in COUNTS),
              None, None, None)
    return [Sheet("Tổng hợp tuần", columns, rows, totals,
                  heading=[r.header.title, r.period.line()])]
