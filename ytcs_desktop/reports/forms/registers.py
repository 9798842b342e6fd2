"""Sổ hỗ trợ chuyên môn, Lịch luân phiên (Phụ lục III), Sổ đào tạo (Phụ lục II) and CME progress."""

from __future__ import annotations

from ytcs_desktop.domain.reportdata.common import label
from ytcs_desktop.domain.reportdata.registers import RotationSchedule, SupportRegister, TrainingRegister
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.forms.common import day, num, station_signatures

SUPPORT_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Ngày", 7.5, "center"),
    Column("Số", 6),
    Column("Loại hỗ trợ", 9),
    Column("Nội dung", 26),
    Column("ICD-10", 5, "center"),
    Column("Đơn vị hỗ trợ", 11),
    Column("Hình thức", 7),
    Column("Kết luận", 14),
    Column("Trạng thái", 8),
]


def support_document(r: SupportRegister) -> Document:
    """At the centre (rows of several stations) each row names its station in a "Trạm" column."""
    columns = list(SUPPORT_COLUMNS)
    if r.by_station:
        columns[4] = Column("Nội dung", 18)
        columns.insert(2, Column("Trạm", 14))
    rows = []
    for i, x in enumerate(r.rows, start=1):
        cells = [str(i), day(x.date), x.number, x.kind, x.content, x.icd10, x.supporting_unit, x.format,
                 x.conclusion, x.status]
        if r.by_station:
            cells.insert(2, x.station)
        rows.append(Row(cells))
    if r.rows:
        summary = "; ".join(f"{k}: {v}" for k, v in sorted(r.by_status.items()))
        rows.append(Row([f"Tổng cộng: {len(r.rows)} yêu cầu ({summary})"], bold=True, span=len(columns)))
    blocks: list[Block] = [Table(columns, rows, size=10.5), station_signatures(maker="NGƯỜI LẬP SỔ")]
    return Document(r.header, blocks, landscape=True)


ROTATION_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Họ và tên", 14),
    Column("Chức danh", 8),
    Column("Khoa, phòng", 13),
    Column("Trạm y tế", 13),
    Column("Từ ngày", 8, "center"),
    Column("Đến ngày", 8, "center"),
    Column("Số ngày", 5, "right"),
    Column("Mục đích, nội dung", 18),
    Column("Trạng thái", 8),
    Column("Chiều luân phiên", 8),
]


def rotation_document(r: RotationSchedule) -> Document:
    rows = [Row([str(i), x.staff, x.title, x.department, x.station, day(x.date_from), day(x.date_to), num(x.days),
                 x.purpose, x.status, x.direction]) for i, x in enumerate(r.rows, start=1)]
    if r.rows:
        rows.append(Row(["Tổng cộng", num(r.total_days), "", "", ""], bold=True, span=7))
    blocks: list[Block] = [Table(ROTATION_COLUMNS, rows, size=10.5),
                           station_signatures(maker="NGƯỜI LẬP BIỂU", head_title="TRƯỞNG TRẠM")]
    return Document(r.header, blocks, landscape=True)


TRAINING_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Nội dung đào tạo, tập huấn", 26),
    Column("Chương trình", 10),
    Column("Đơn vị tổ chức", 12),
    Column("Từ ngày", 8, "center"),
    Column("Đến ngày", 8, "center"),
    Column("Số tiết", 5, "right"),
    Column("Hình thức", 7),
    Column("Đối tượng", 11),
    Column("Số học viên", 6, "right"),
    Column("Trạng thái", 7),
]
CME_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Họ và tên", 20),
    Column("Chức danh", 10),
    Column("Số tiết đã tích lũy", 8, "right"),
    Column("Số tiết yêu cầu", 8, "right"),
    Column("Còn thiếu", 7, "right"),
    Column("Tỷ lệ (%)", 7, "right"),
    Column("Đánh giá", 10),
]


def training_document(r: TrainingRegister) -> Document:
    rows = [Row([str(i), x.content, x.programme, x.organiser, day(x.date_from), day(x.date_to), num(x.periods),
                 x.format, x.audience, num(x.trainees), x.status]) for i, x in enumerate(r.rows, start=1)]
    if r.rows:
        rows.append(Row(["Tổng cộng", num(r.total_periods), "", "", num(r.total_trainees), ""], bold=True, span=6))
    cme_columns = list(CME_COLUMNS)
    if r.cme_stations is not None:
        cme_columns.insert(2, Column("Trạm", 14))
    cme_rows = []
    for i, p in enumerate(r.cme, start=1):
        cells = [str(i), p.name, label("staff_title", p.title), num(p.periods_in_window), num(p.required),
                 num(p.shortfall),
                 num(min(100, round(100 * p.periods_in_window / p.required))) if p.required else "",
                 "Đạt" if p.met else "Chưa đạt"]
        if r.cme_stations is not None:
            cells.insert(2, r.cme_stations[i - 1])
        cme_rows.append(Row(cells))
    window = (f"từ {day(r.cme[0].window_from)} đến {day(r.cme[0].window_to)}" if r.cme else "")
    blocks: list[Block] = [
        Table(TRAINING_COLUMNS, rows, size=10.5),
        Text(f"TIẾN ĐỘ ĐÀO TẠO LIÊN TỤC CỦA TỪNG NGƯỜI (120 tiết/5 năm, Thông tư 32/2023/TT-BYT) {window}",
             bold=True, align="center", before=8, keep_with_next=True),
        Table(cme_columns, cme_rows, size=10.5, empty_text="Chưa có nhân viên nào trong danh sách."),
        station_signatures(maker="NGƯỜI LẬP SỔ"),
    ]
    return Document(r.header, blocks, landscape=True)
