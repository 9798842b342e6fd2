"""Danh mục ca bệnh/nhu cầu for the rotation visits, danh mục kỹ thuật with the transfer stages, and the
register of village health workers: the printed forms and their workbook sheets."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.domain.reportdata.outreach import CaseList, TechniqueRegister, WorkerRegister
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.excel import Sheet, XColumn
from ytcs_desktop.reports.forms.common import day, num, station_signatures

T, N, D = "text", "int", "date"


def _cols(*spec: tuple[str, str]) -> list[XColumn]:
    return [XColumn(title, kind) for title, kind in spec]  # type: ignore[arg-type]


def _with_station(columns: list[Column], at: int, by_station: bool) -> list[Column]:
    """At the centre (rows of several stations) each row names its station."""
    return [*columns[:at], Column("Trạm", 12), *columns[at:]] if by_station else columns


CASE_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Đợt luân phiên (cán bộ, thời gian)", 16),
    Column("Loại", 11),
    Column("Mã người bệnh", 8),
    Column("ICD-10", 5, "center"),
    Column("Mô tả ca bệnh, nhu cầu cần hỗ trợ", 22),
    Column("Kết quả xử lý của đoàn", 18),
]


def case_list_document(r: CaseList) -> Document:
    columns = _with_station(CASE_COLUMNS, 2, r.by_station)
    rows = []
    for i, x in enumerate(r.rows, start=1):
        cells = [str(i), x.visit, x.kind, x.patient_ref, x.icd10, x.description, x.outcome]
        if r.by_station:
            cells.insert(2, x.station)
        rows.append(Row(cells))
    if r.rows:
        rows.append(Row([f"Tổng cộng: {num(len(r.rows))} ca bệnh, nhu cầu cho {num(r.visits)} đợt luân phiên"],
                        bold=True, span=len(columns)))
    blocks: list[Block] = [
        Table(columns, rows, size=10.5, empty_text="Trạm chưa lập danh mục ca bệnh, nhu cầu cho đợt luân phiên nào."),
        station_signatures(maker="NGƯỜI LẬP DANH MỤC"),
    ]
    return Document(r.header, blocks, landscape=True)


def case_list_sheets(r: CaseList) -> list[Sheet]:
    columns = _cols(("Đợt luân phiên", T), ("Trạm", T), ("Loại", T), ("Mã người bệnh", T), ("ICD-10", T),
                    ("Mô tả", T), ("Kết quả xử lý", T))
    rows = [(x.visit, x.station, x.kind, x.patient_ref, x.icd10, x.description, x.outcome) for x in r.rows]
    return [Sheet("Danh mục ca bệnh", columns, rows)]


TECHNIQUE_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Tên kỹ thuật", 18),
    Column("Chuyên khoa", 9),
    Column("Giai đoạn hiện tại", 9),
    Column("Kế hoạch", 7, "center", group="Ngày đạt từng giai đoạn"),
    Column("Đã đào tạo", 7, "center", group="Ngày đạt từng giai đoạn"),
    Column("Thực hành có giám sát", 7, "center", group="Ngày đạt từng giai đoạn"),
    Column("Thực hiện độc lập", 7, "center", group="Ngày đạt từng giai đoạn"),
    Column("Khoa chuyển giao", 10),
    Column("Căn cứ (tập huấn, luân phiên)", 16),
]


def technique_document(r: TechniqueRegister) -> Document:
    columns = _with_station(TECHNIQUE_COLUMNS, 1, r.by_station)
    rows = []
    for i, x in enumerate(r.rows, start=1):
        cells = [str(i), x.name, x.specialty, x.stage, day(x.planned), day(x.trained), day(x.supervised),
                 day(x.independent), x.department, x.sources]
        if r.by_station:
            cells.insert(1, x.station)
        rows.append(Row(cells))
    blocks: list[Block] = [Table(columns, rows, size=10, empty_text="Chưa có kỹ thuật nào trong danh mục.")]
    if r.rows:
        summary = "; ".join(f"{k}: {num(v)}" for k, v in r.by_stage.items())
        blocks.append(Text(f"Tổng số {num(len(r.rows))} kỹ thuật ({summary}).", bold=True, before=4))
    blocks.append(station_signatures(maker="NGƯỜI LẬP BIỂU"))
    return Document(r.header, blocks, landscape=True)


def technique_sheets(r: TechniqueRegister) -> list[Sheet]:
    columns = _cols(("Tên kỹ thuật", T), ("Trạm", T), ("Chuyên khoa", T), ("Giai đoạn hiện tại", T),
                    ("Kế hoạch", D), ("Đã đào tạo", D), ("Thực hành có giám sát", D), ("Thực hiện độc lập", D),
                    ("Khoa chuyển giao", T), ("Căn cứ", T))
    rows: list[tuple[Any, ...]] = [(x.name, x.station, x.specialty, x.stage, x.planned, x.trained, x.supervised,
                                    x.independent, x.department, x.sources) for x in r.rows]
    return [Sheet("Danh mục kỹ thuật", columns, rows)]


WORKER_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Họ và tên", 14),
    Column("Thôn, ấp, khu phố", 10),
    Column("Điện thoại", 9),
    Column("Năm sinh", 5, "center"),
    Column("Hoạt động từ", 7, "center"),
    Column("Các buổi tập huấn đã tham dự trong kỳ", 30),
    Column("Số tiết", 5, "right"),
]


def worker_document(r: WorkerRegister) -> Document:
    columns = _with_station(WORKER_COLUMNS, 2, r.by_station)
    rows = []
    for i, x in enumerate(r.rows, start=1):
        name = x.name if x.active else f"{x.name} (đã nghỉ)"
        cells = [str(i), name, x.hamlet, x.phone, str(x.birth_year or ""), day(x.since), x.trainings,
                 num(x.periods)]
        if r.by_station:
            cells.insert(2, x.station)
        rows.append(Row(cells))
    if r.rows:
        rows.append(Row([f"Tổng cộng: {num(len(r.rows))} người", num(r.total_periods)], bold=True,
                        span=len(columns) - 1))
    blocks: list[Block] = [
        Table(columns, rows, size=10.5, empty_text="Chưa có nhân viên y tế thôn, ấp nào trong sổ."),
        station_signatures(maker="NGƯỜI LẬP SỔ"),
    ]
    return Document(r.header, blocks, landscape=True)


def worker_sheets(r: WorkerRegister) -> list[Sheet]:
    columns = _cols(("Họ và tên", T), ("Trạm", T), ("Thôn, ấp, khu phố", T), ("Điện thoại", T), ("Năm sinh", N),
                    ("Hoạt động từ", D), ("Tập huấn đã tham dự", T), ("Số tiết", N))
    rows: list[tuple[Any, ...]] = [(x.name, x.station, x.hamlet, x.phone, x.birth_year, x.since, x.trainings,
                                    x.periods) for x in r.rows]
    return [Sheet("NVYT thôn, ấp", columns, rows, ("Tổng cộng", None, None, None, None, None, None, r.total_periods))]
