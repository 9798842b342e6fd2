"""Kế hoạch hỗ trợ chuyên môn with progress, Lịch hội chẩn, Phụ lục II (training plan), Phụ lục I
(documents rolled out), the ratings summary: printed documents and their workbook sheets."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.domain.reportdata.common import label
from ytcs_desktop.domain.reportdata.programme import (
    ROMAN,
    ConsultationCalendar,
    DocumentsAnnex,
    RatingsReport,
    SupportPlanReport,
    TrainingPlanAnnex,
    kind_label,
    progress_words,
)
from ytcs_desktop.reports.document import Block, Column, Document, PageBreak, Row, Table, Text
from ytcs_desktop.reports.excel import Sheet, XColumn
from ytcs_desktop.reports.forms.common import day, num, station_signatures

T, N, F, D = "text", "int", "float", "date"
EMPTY_PLAN = "Chưa có kế hoạch hỗ trợ chuyên môn nào cho năm này."


def _cols(*spec: tuple[str, str]) -> list[XColumn]:
    return [XColumn(title, kind) for title, kind in spec]  # type: ignore[arg-type]


def _percent(done: int | None, target: int) -> str:
    if done is None:
        return "Chưa ghi nhận"
    if target == 0:
        return ""
    return f"{num(round(100 * done / target, 1))}%"


# ----- the support plan ---------------------------------------------------------------------------
ACTIVITY_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Loại hoạt động", 10),
    Column("Nội dung hoạt động", 24),
    *(Column(f"Quý {ROMAN[q]}", 4.5, "right", group="Chỉ tiêu") for q in ROMAN),
    Column("Cả năm", 5, "right", group="Chỉ tiêu"),
    Column("Đi lại", 8, "right", group="Dự trù kinh phí (đồng)"),
    Column("Công tác phí", 8, "right", group="Dự trù kinh phí (đồng)"),
    Column("Vật tư", 8, "right", group="Dự trù kinh phí (đồng)"),
    Column("Cộng", 9, "right", group="Dự trù kinh phí (đồng)"),
]
INDICATOR_COLUMNS = [Column("STT", 3.6, "center"), Column("Chỉ số chuyên môn", 22),
                     Column("Phương thức đánh giá", 30), Column("Mục tiêu", 10)]
PROGRESS_COLUMNS = [Column("STT", 3.6, "center"), Column("Loại hoạt động", 14), Column("Chỉ tiêu", 7, "right"),
                    Column("Đã thực hiện", 8, "right"), Column("Tỷ lệ", 8, "right"),
                    Column("Dự trù kinh phí (đồng)", 12, "right")]


def support_plan_document(r: SupportPlanReport) -> Document:
    blocks: list[Block] = []
    if not r.plans:
        blocks.append(Text(EMPTY_PLAN, italic=True))
    for n, p in enumerate(r.plans):
        if n:
            blocks.append(PageBreak())
        blocks.append(Text(p.station.upper(), bold=True, size=12, before=4, keep_with_next=True))
        blocks.append(Text("1. Mục tiêu", bold=True, size=12, keep_with_next=True))
        blocks += [Text(f"– {o}", size=11.5, indent=12) for o in p.objectives]
        blocks.append(Text("2. Hoạt động, chỉ tiêu và dự trù kinh phí", bold=True, size=12, before=4,
                           keep_with_next=True))
        rows = [Row([str(i), a.kind, a.content, *(num(t) for t in a.targets), num(a.total), num(a.cost_travel),
                     num(a.cost_per_diem), num(a.cost_materials), num(a.cost)])
                for i, a in enumerate(p.activities, start=1)]
        if p.activities:
            rows.append(Row(["Tổng cộng", num(p.total_cost)], bold=True, span=len(ACTIVITY_COLUMNS) - 1))
        blocks.append(Table(ACTIVITY_COLUMNS, rows, size=10))
        blocks.append(Text("3. Chỉ số chuyên môn theo dõi", bold=True, size=12, keep_with_next=True))
        blocks.append(Table(INDICATOR_COLUMNS, [Row([str(i), *x]) for i, x in enumerate(p.indicators, start=1)],
                            size=10))
        blocks.append(Text(f"4. Tiến độ thực hiện {progress_words(r.year, r.quarter)}, tính từ số liệu đã "
                           "ghi nhận", bold=True, size=12, keep_with_next=True))
        blocks.append(Table(PROGRESS_COLUMNS, [
            Row([str(i), label("activity_kind", x.kind), num(x.target),
                 "" if x.done is None else num(x.done), _percent(x.done, x.target), num(x.cost)])
            for i, x in enumerate(p.progress, start=1)], size=10))
    blocks.append(station_signatures(maker="NGƯỜI LẬP KẾ HOẠCH"))
    return Document(r.header, blocks, landscape=True)


def support_plan_sheets(r: SupportPlanReport) -> list[Sheet]:
    plan_cols = _cols(("Trạm", T), ("Loại hoạt động", T), ("Nội dung", T), ("Quý I", N), ("Quý II", N),
                      ("Quý III", N), ("Quý IV", N), ("Cả năm", N), ("Đi lại", N), ("Công tác phí", N),
                      ("Vật tư", N), ("Cộng", N))
    plan_rows: list[tuple[Any, ...]] = [(p.station, a.kind, a.content, *a.targets, a.total, a.cost_travel,
                                         a.cost_per_diem, a.cost_materials, a.cost)
                                        for p in r.plans for a in p.activities]
    total = sum(p.total_cost for p in r.plans)
    progress_cols = _cols(("Trạm", T), ("Loại hoạt động", T), ("Chỉ tiêu", N), ("Đã thực hiện", N),
                          ("Tỷ lệ (%)", F))
    progress_rows = [(p.station, label("activity_kind", x.kind), x.target, x.done,
                      None if x.share is None else round(100 * x.share, 1)) for p in r.plans for x in p.progress]
    indicator_cols = _cols(("Trạm", T), ("Chỉ số chuyên môn", T), ("Phương thức đánh giá", T), ("Mục tiêu", T))
    indicator_rows = [(p.station, *x) for p in r.plans for x in p.indicators]
    return [Sheet("Kế hoạch", plan_cols, plan_rows, ("Tổng cộng", *([None] * 10), total)),
            Sheet("Tiến độ", progress_cols, progress_rows),
            Sheet("Chỉ số chuyên môn", indicator_cols, indicator_rows)]


# ----- the consultation calendar -------------------------------------------------------------------
CALENDAR_COLUMNS = [
    Column("STT", 3.6, "center"), Column("Ngày", 7.5, "center"), Column("Giờ", 4.5, "center"),
    Column("Hình thức", 7), Column("Địa điểm / đường dẫn", 14), Column("Chủ đề", 13), Column("Chuyên gia", 13),
    Column("Trạm", 10), Column("Ca bệnh và kết luận", 22), Column("Trạng thái", 7),
]


def calendar_document(r: ConsultationCalendar) -> Document:
    rows = [Row([str(i), day(x.day), x.time, x.format, x.where, x.topic, x.experts, x.station, x.cases, x.status])
            for i, x in enumerate(r.rows, start=1)]
    if r.rows:
        rows.append(Row([f"Tổng cộng: {len(r.rows)} buổi hội chẩn, {r.cases} ca bệnh"], bold=True,
                        span=len(CALENDAR_COLUMNS)))
    return Document(r.header, [Table(CALENDAR_COLUMNS, rows, size=10),
                               station_signatures(maker="NGƯỜI LẬP LỊCH")], landscape=True)


def calendar_sheets(r: ConsultationCalendar) -> list[Sheet]:
    columns = _cols(("Ngày", D), ("Giờ", T), ("Hình thức", T), ("Địa điểm / đường dẫn", T), ("Chủ đề", T),
                    ("Chuyên gia", T), ("Trạm", T), ("Ca bệnh và kết luận", T), ("Trạng thái", T))
    rows = [(x.day, x.time, x.format, x.where, x.topic, x.experts, x.station, x.cases, x.status) for x in r.rows]
    return [Sheet("Lịch hội chẩn", columns, rows)]


# ----- Phụ lục II ---------------------------------------------------------------------------------
TRAINING_PLAN_COLUMNS = [
    Column("STT", 3.6, "center"), Column("Khoa, phòng", 12), Column("Nội dung đề xuất tập huấn", 21),
    Column("Thời gian dự kiến", 9), Column("Hình thức", 11), Column("Đối tượng", 14),
    Column("Số lượng người tập huấn", 7, "right"), Column("Số buổi đã tổ chức", 6, "right"),
    Column("Số người đã tập huấn", 6, "right"), Column("Tỷ lệ", 6, "right"),
]


def _when(quarter: int | None, expected: str) -> str:
    return expected or (f"Quý {ROMAN[quarter]}" if quarter else "")


def training_plan_document(r: TrainingPlanAnnex) -> Document:
    rows = [Row([str(i), x.department, x.content, _when(x.quarter, x.expected_time),
                 label("plan_training_format", x.format), x.audience, num(x.head_count), num(x.sessions_held),
                 num(x.trained), _percent(x.trained, x.head_count)]) for i, x in enumerate(r.rows, start=1)]
    if r.rows:
        rows.append(Row(["Tổng cộng", num(r.planned), "", num(r.trained), _percent(r.trained, r.planned)],
                        bold=True, span=6))
    return Document(r.header, [Table(TRAINING_PLAN_COLUMNS, rows, size=10),
                               station_signatures(maker="NGƯỜI LẬP BIỂU")], landscape=True)


def training_plan_sheets(r: TrainingPlanAnnex) -> list[Sheet]:
    columns = _cols(("Khoa, phòng", T), ("Nội dung đề xuất tập huấn", T), ("Thời gian dự kiến", T),
                    ("Hình thức", T), ("Đối tượng", T), ("Số lượng người tập huấn", N), ("Số buổi đã tổ chức", N),
                    ("Số người đã tập huấn", N))
    rows = [(x.department, x.content, _when(x.quarter, x.expected_time), label("plan_training_format", x.format),
             x.audience, x.head_count, x.sessions_held, x.trained) for x in r.rows]
    return [Sheet("Phụ lục II", columns, rows, ("Tổng cộng", None, None, None, None, r.planned, None, r.trained))]


# ----- Phụ lục I ----------------------------------------------------------------------------------
DOCUMENT_COLUMNS = [
    Column("STT", 3.6, "center"), Column("Khoa/phòng", 14),
    Column("Số", 9, group="Văn bản đã triển khai"), Column("Ngày", 8, "center", group="Văn bản đã triển khai"),
    Column("Trích yếu", 30, group="Văn bản đã triển khai"), Column("Số biểu mẫu đã hướng dẫn", 8, "right"),
]


def documents_document(r: DocumentsAnnex) -> Document:
    rows = [Row([str(i), x.department, x.doc_number, day(x.doc_date), x.summary, num(x.forms_guided)])
            for i, x in enumerate(r.rows, start=1)]
    if r.rows:
        rows.append(Row(["Tổng cộng", num(r.forms)], bold=True, span=len(DOCUMENT_COLUMNS) - 1))
    return Document(r.header, [Table(DOCUMENT_COLUMNS, rows, size=10.5),
                               station_signatures(maker="NGƯỜI LẬP BIỂU")])


def documents_sheets(r: DocumentsAnnex) -> list[Sheet]:
    columns = _cols(("Khoa/phòng", T), ("Số văn bản", T), ("Ngày văn bản", D), ("Trích yếu", T),
                    ("Số biểu mẫu đã hướng dẫn", N))
    rows = [(x.department, x.doc_number, x.doc_date, x.summary, x.forms_guided) for x in r.rows]
    return [Sheet("Phụ lục I", columns, rows, ("Tổng cộng", None, None, None, r.forms))]


# ----- ratings ------------------------------------------------------------------------------------
RATING_COLUMNS = [Column("STT", 3.6, "center"), Column("Trạm", 14), Column("Quý", 5, "center"),
                  Column("Loại hỗ trợ", 12), Column("Số lượt đánh giá", 7, "right"),
                  Column("Điểm trung bình (1–5)", 8, "right"), Column("Ý kiến của trạm", 30)]


def ratings_document(r: RatingsReport) -> Document:
    rows = [Row([str(i), x.station, ROMAN[x.quarter], kind_label(x.kind), num(x.count), num(round(x.average, 1)),
                 "; ".join(x.comments)]) for i, x in enumerate(r.rows, start=1)]
    return Document(r.header, [Table(RATING_COLUMNS, rows, size=10.5), station_signatures(maker="NGƯỜI TỔNG HỢP")])


def ratings_sheets(r: RatingsReport) -> list[Sheet]:
    columns = _cols(("Trạm", T), ("Quý", N), ("Loại hỗ trợ", T), ("Số lượt đánh giá", N), ("Điểm trung bình", F),
                    ("Ý kiến của trạm", T))
    rows = [(x.station, x.quarter, kind_label(x.kind), x.count, round(x.average, 2), "; ".join(x.comments))
            for x in r.rows]
    return [Sheet("Đánh giá", columns, rows)]
