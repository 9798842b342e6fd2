"""Biên bản kiểm kê, Phiếu dự trù, Biên bản hủy."""

from __future__ import annotations

import datetime as dt

from ytcs_desktop.dates import form_moment_text
from ytcs_desktop.domain.reportdata.documents import CountMinutes, DisposalMinutes, RequisitionForm
from ytcs_desktop.reports.document import Block, Column, Document, PageBreak, Row, Signature, Signatures, Table, Text
from ytcs_desktop.reports.forms.common import day, num

VN = dt.timedelta(hours=7)


def _moment(m: dt.datetime | None) -> str:
    return "" if m is None else form_moment_text(m + VN)


COUNT_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Tên thuốc, vật tư", 26),
    Column("ĐVT", 6, "center"),
    Column("Số lô", 10),
    Column("Hạn dùng", 10, "center"),
    Column("Sổ sách", 8, "right", "Số lượng"),
    Column("Thực tế", 8, "right", "Số lượng"),
    Column("Chênh lệch (±)", 9, "right"),
    Column("Lý do", 16),
]


def count_document(counts: list[CountMinutes]) -> Document:
    blocks: list[Block] = []
    for n, c in enumerate(counts):
        if n:
            blocks += [PageBreak(), Text(c.header.title.upper(), size=14, bold=True, align="center")]
        blocks.append(Text(f"Thời gian kiểm kê: từ {_moment(c.started_at)}"
                           + (f" đến {_moment(c.finished_at)}" if c.finished_at else ""), before=4))
        blocks.append(Text("Tổ kiểm kê gồm:", bold=True, keep_with_next=True))
        blocks += [Text(f"{i}. {m}", indent=18, after=1) for i, m in enumerate(c.team, start=1)]
        blocks.append(Text("Kết quả kiểm kê như sau:", bold=True, before=4, keep_with_next=True))
        rows = [Row([str(i), r.name, r.unit, r.lot_no, day(r.expiry), num(r.book), num(r.physical),
                     num(r.variance, signed=True) if r.physical is not None else "", r.reason])
                for i, r in enumerate(c.rows, start=1)]
        if c.rows:
            rows.append(Row(["Tổng cộng", num(c.total_book), num(c.total_physical),
                             f"+{num(c.total_plus)} / -{num(c.total_minus)}", ""], bold=True, span=5))
        blocks.append(Table(COUNT_COLUMNS, rows))
        blocks.append(Text("Kiến nghị, đề xuất:", bold=True, keep_with_next=True))
        blocks.append(Text(c.proposals or "Không.", align="justify"))
        members = [Signature("THÀNH VIÊN TỔ KIỂM KÊ")] if c.team else []
        blocks.append(Signatures([*members, Signature("NGƯỜI LẬP BIÊN BẢN"), Signature("TRƯỞNG TRẠM")]))
    return Document(counts[0].header, blocks)


REQ_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Mã", 8),
    Column("Tên thuốc, vật tư", 28),
    Column("ĐVT", 6, "center"),
    Column("Tồn kho", 8, "right"),
    Column("Sử dụng bình quân tháng", 10, "right"),
    Column("Dự trù", 8, "right", "Số lượng"),
    Column("Duyệt", 8, "right", "Số lượng"),
    Column("Ghi chú", 12),
]


def requisition_document(forms: list[RequisitionForm]) -> Document:
    blocks: list[Block] = []
    for n, f in enumerate(forms):
        if n:
            blocks += [PageBreak(), Text(f.header.title.upper(), size=14, bold=True, align="center")]
        blocks.append(Text("Kính gửi: Khoa Dược – Vật tư, thiết bị y tế, Trung tâm Y tế khu vực.", before=2))
        rows = [Row([str(i), r.code, r.name, r.unit, num(r.on_hand), num(round(r.avg_monthly_use, 1)),
                     num(r.requested), num(r.approved), r.note]) for i, r in enumerate(f.rows, start=1)]
        if f.rows:
            rows.append(Row(["Tổng cộng", num(f.total_requested), num(f.total_approved), ""], bold=True, span=6))
        blocks.append(Table(REQ_COLUMNS, rows))
        if f.notes:
            blocks.append(Text(f"Ghi chú: {f.notes}", italic=True))
        blocks.append(Signatures([Signature("NGƯỜI LẬP PHIẾU"), Signature("TRƯỞNG TRẠM"),
                                  Signature("KHOA DƯỢC DUYỆT")]))
    return Document(forms[0].header, blocks)


DISPOSAL_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Tên thuốc, vật tư", 26),
    Column("Số lô", 10),
    Column("Hạn dùng", 10, "center"),
    Column("ĐVT", 6, "center"),
    Column("Số lượng", 8, "right"),
    Column("Lý do hủy", 20),
    Column("Chứng từ", 9),
]


def disposal_document(d: DisposalMinutes) -> Document:
    rows = [Row([str(i), r.name, r.lot_no, day(r.expiry), r.unit, num(r.quantity), r.reason,
                 f"{r.doc_no} {day(r.date)}".strip()]) for i, r in enumerate(d.rows, start=1)]
    if d.rows:
        rows.append(Row(["Tổng cộng", num(d.total), "", ""], bold=True, span=5))
    blocks: list[Block] = [
        Text("Hội đồng hủy thuốc, vật tư y tế của trạm đã tiến hành kiểm tra và hủy các thuốc, vật tư sau:",
             align="justify", before=2),
        Table(DISPOSAL_COLUMNS, rows),
        Text("Hình thức hủy: theo quy định về xử lý chất thải y tế.", italic=True),
        Signatures([Signature("NGƯỜI LẬP BIÊN BẢN"), Signature("THÀNH VIÊN HỘI ĐỒNG"), Signature("TRƯỞNG TRẠM")]),
    ]
    return Document(d.header, blocks)
