"""Sổ theo dõi chuyển tuyến and Biên bản giám sát: printed forms and their workbook sheets."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.domain.reportdata.common import label
from ytcs_desktop.domain.reportdata.referrals import ReferralRegister, SupervisionReport, VisitReport
from ytcs_desktop.reports.document import Block, Column, Document, PageBreak, Row, Signature, Signatures, Table, Text
from ytcs_desktop.reports.excel import Sheet, XColumn
from ytcs_desktop.reports.forms.common import day, num, station_signatures

T, N, F, D = "text", "int", "float", "date"

REFERRAL_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Ngày", 7.5, "center"),
    Column("Số phiếu", 7.5),
    Column("Người bệnh", 7),
    Column("Lý do chuyển tuyến", 18),
    Column("ICD-10", 5, "center"),
    Column("Nơi chuyển đến", 13),
    Column("Mức độ", 6),
    Column("Ngày đến", 7.5, "center"),
    Column("Kết quả, hướng dẫn của tuyến trên", 18),
    Column("Cần thiết", 5.5, "center"),
    Column("Trạng thái", 8),
]
COUNT_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Trạm y tế", 24),
    Column("Số ca chuyển tuyến", 9, "right"),
    Column("Đã đánh giá", 9, "right"),
    Column("Không cần thiết", 9, "right"),
    Column("Tỷ lệ không cần thiết (%)", 10, "right"),
    Column("Đang theo dõi", 9, "right"),
]


def _percent(share: float | None) -> str:
    return "" if share is None else num(round(100 * share, 1))


def referral_document(r: ReferralRegister) -> Document:
    columns = list(REFERRAL_COLUMNS)
    if r.by_station:
        columns[4] = Column("Lý do chuyển tuyến", 13)
        columns.insert(2, Column("Trạm", 11))
    rows = []
    for i, x in enumerate(r.rows, start=1):
        follow = x.outcome + (f" – Hướng dẫn: {x.advice}" if x.advice else "")
        cells = [str(i), day(x.date), x.number, x.patient_ref, x.reason, x.icd10, x.destination, x.urgency,
                 day(x.arrived_on), follow, x.needed, x.status]
        if r.by_station:
            cells.insert(2, x.station)
        rows.append(Row(cells))
    if r.rows:
        rows.append(Row([f"Tổng cộng: {len(r.rows)} ca chuyển tuyến"], bold=True, span=len(columns)))
    counts = [Row([str(i), c.station, num(c.referred), num(c.judged), num(c.unnecessary),
                   _percent(c.unnecessary_share), num(c.open)]) for i, c in enumerate(r.counts, start=1)]
    blocks: list[Block] = [
        Table(columns, rows, size=10),
        Text("TỶ LỆ CHUYỂN TUYẾN KHÔNG CẦN THIẾT THEO TRẠM", bold=True, align="center", before=8,
             keep_with_next=True),
        Table(COUNT_COLUMNS, counts, size=10.5, empty_text="Không có ca chuyển tuyến nào trong kỳ."),
        station_signatures(maker="NGƯỜI LẬP SỔ"),
    ]
    return Document(r.header, blocks, landscape=True)


def referral_sheets(r: ReferralRegister) -> list[Sheet]:
    columns = [XColumn(t, k) for t, k in (  # type: ignore[arg-type]
        ("Ngày", D), ("Số phiếu", T), ("Trạm", T), ("Người bệnh", T), ("Lý do chuyển tuyến", T), ("ICD-10", T),
        ("Nơi chuyển đến", T), ("Mức độ", T), ("Trạng thái", T), ("Ngày đến", D), ("Kết quả", T),
        ("Hướng dẫn của tuyến trên", T), ("Cần thiết", T))]
    rows: list[tuple[Any, ...]] = [
        (x.date, x.number, x.station, x.patient_ref, x.reason, x.icd10, x.destination, x.urgency, x.status,
         x.arrived_on, x.outcome, x.advice, x.needed) for x in r.rows]
    count_columns = [XColumn(t, k) for t, k in (  # type: ignore[arg-type]
        ("Trạm y tế", T), ("Số ca chuyển tuyến", N), ("Đã đánh giá", N), ("Không cần thiết", N),
        ("Tỷ lệ không cần thiết (%)", F), ("Đang theo dõi", N))]
    counts = [(c.station, c.referred, c.judged, c.unnecessary,
               None if c.unnecessary_share is None else round(100 * c.unnecessary_share, 1), c.open)
              for c in r.counts]
    return [Sheet("Chuyển tuyến", columns, rows, (f"Tổng cộng: {len(r.rows)}",) + (None,) * 12),
            Sheet("Tỷ lệ theo trạm", count_columns, counts)]


AREA_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Lĩnh vực giám sát", 26),
    Column("Số mục chấm", 9, "right"),
    Column("Điểm đạt", 8, "right"),
    Column("Điểm tối đa", 8, "right"),
    Column("Tỷ lệ (%)", 8, "right"),
]
ITEM_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Lĩnh vực", 12),
    Column("Nội dung kiểm tra", 44),
    Column("Điểm", 6, "center"),
]
FINDING_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Lĩnh vực", 9),
    Column("Tồn tại, phát hiện", 18),
    Column("Biện pháp khắc phục", 18),
    Column("Người chịu trách nhiệm", 10),
    Column("Hạn", 7.5, "center"),
    Column("Tình trạng", 8),
    Column("Tiến độ, minh chứng", 16),
]


def _visit_blocks(v: VisitReport) -> list[Block]:
    areas = [Row([str(i), a_label, num(a.scored), num(a.points), num(a.max_points),
                  "" if a.percent is None else num(round(a.percent, 1))])
             for i, (a, a_label) in enumerate(((a, _area(a.area)) for a in v.areas), start=1)]
    items = [Row([str(i), x.area, x.text, "KAD" if x.score is None else f"{x.score}/{x.max_score}"])
             for i, x in enumerate(v.items, start=1)]
    findings = [Row([str(i), f.area, f.finding, f.action, f.owner, day(f.due_date), f.status,
                     "; ".join(t for t in (f.progress, f.evidence and f"Minh chứng: {f.evidence}",
                                           f.closed_on and f"Xác nhận ngày {day(f.closed_on)}") if t)])
                for i, f in enumerate(v.findings, start=1)]
    return [
        Text(f"Đợt giám sát số {v.number} tại {v.station}, ngày {day(v.visit_date)}", bold=True, before=4,
             keep_with_next=True),
        Text(f"Thành phần đoàn giám sát: {v.team}", indent=12, keep_with_next=True),
        Text("1. Kết quả chấm điểm theo lĩnh vực", bold=True, before=4, keep_with_next=True),
        Table(AREA_COLUMNS, areas, size=10.5),
        Text("2. Chi tiết từng nội dung kiểm tra (2: đạt; 1: đạt một phần; 0: không đạt; KAD: không áp dụng)",
             bold=True, before=4, keep_with_next=True),
        Table(ITEM_COLUMNS, items, size=10),
        Text("3. Tồn tại và biện pháp khắc phục", bold=True, before=4, keep_with_next=True),
        Table(FINDING_COLUMNS, findings, size=10, empty_text="Không có tồn tại cần khắc phục."),
        Text(f"4. Nhận xét chung: {v.summary or 'Không.'}", bold=False, before=4, align="justify"),
    ]


def _area(code: str) -> str:
    return label("supervision_area", code)


def supervision_document(r: SupervisionReport) -> Document:
    blocks: list[Block] = []
    for n, v in enumerate(r.visits):
        if n:
            blocks.append(PageBreak())
        blocks += _visit_blocks(v)
        blocks.append(Signatures([Signature("ĐẠI DIỆN TRẠM Y TẾ"), Signature("TRƯỞNG ĐOÀN GIÁM SÁT")]))
    if not r.visits:
        blocks += [Text("Không có đợt giám sát nào trong kỳ.", align="center", before=8),
                   Signatures([Signature("ĐẠI DIỆN TRẠM Y TẾ"), Signature("TRƯỞNG ĐOÀN GIÁM SÁT")])]
    return Document(r.header, blocks, landscape=True)


def supervision_sheets(r: SupervisionReport) -> list[Sheet]:
    area_cols = [XColumn(t, k) for t, k in (  # type: ignore[arg-type]
        ("Số biên bản", T), ("Trạm", T), ("Ngày giám sát", D), ("Lĩnh vực", T), ("Số mục chấm", N),
        ("Điểm đạt", N), ("Điểm tối đa", N), ("Tỷ lệ (%)", F))]
    area_rows = [(v.number, v.station, v.visit_date, _area(a.area), a.scored, a.points, a.max_points,
                  None if a.percent is None else round(a.percent, 1)) for v in r.visits for a in v.areas]
    item_cols = [XColumn(t, k) for t, k in (  # type: ignore[arg-type]
        ("Số biên bản", T), ("Lĩnh vực", T), ("Nội dung kiểm tra", T), ("Điểm", N), ("Điểm tối đa", N))]
    item_rows = [(v.number, x.area, x.text, x.score, x.max_score) for v in r.visits for x in v.items]
    finding_cols = [XColumn(t, k) for t, k in (  # type: ignore[arg-type]
        ("Số biên bản", T), ("Trạm", T), ("Lĩnh vực", T), ("Tồn tại, phát hiện", T), ("Biện pháp khắc phục", T),
        ("Người chịu trách nhiệm", T), ("Hạn", D), ("Tình trạng", T), ("Tiến độ", T), ("Minh chứng", T),
        ("Ngày xác nhận", D))]
    finding_rows = [(v.number, v.station, f.area, f.finding, f.action, f.owner, f.due_date, f.status, f.progress,
                     f.evidence, f.closed_on) for v in r.visits for f in v.findings]
    return [Sheet("Điểm theo lĩnh vực", area_cols, area_rows), Sheet("Chi tiết chấm điểm", item_cols, item_rows),
            Sheet("Tồn tại, khắc phục", finding_cols, finding_rows)]
