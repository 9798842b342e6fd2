"""Báo cáo xuất – nhập – tồn and Thẻ kho."""

from __future__ import annotations

from ytcs_desktop.domain.reportdata.stock import MovementReport, StockCard
from ytcs_desktop.reports.document import Block, Column, Document, PageBreak, Row, Table, Text
from ytcs_desktop.reports.forms.common import day, num, station_signatures

MOVEMENT_COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Mã", 6.5),
    Column("Tên thuốc, vật tư", 19),
    Column("ĐVT", 4.5, "center"),
    Column("Số lô", 8),
    Column("Hạn dùng", 8.5, "center"),
    Column("Tồn đầu kỳ", 6.5, "right"),
    Column("Từ TTYT", 6, "right", "Nhập trong kỳ"),
    Column("Khác", 5.5, "right", "Nhập trong kỳ"),
    Column("Sử dụng", 6, "right", "Xuất trong kỳ"),
    Column("Điều chuyển", 6.5, "right", "Xuất trong kỳ"),
    Column("Hủy", 5, "right", "Xuất trong kỳ"),
    Column("Điều chỉnh (±)", 6.5, "right"),
    Column("Tồn cuối kỳ", 6.5, "right"),
    Column("Ghi chú", 7.5),
]


def movement_document(r: MovementReport) -> Document:
    rows = [
        Row([str(i), x.code, x.name, x.unit, x.lot_no, day(x.expiry), num(x.opening), num(x.received_centre),
             num(x.received_other), num(x.issued_use), num(x.issued_transfer), num(x.issued_disposal),
             num(x.adjusted, signed=True), num(x.closing), x.note])
        for i, x in enumerate(r.rows, start=1)
    ]
    t = r.totals
    if r.rows:
        rows.append(Row(["Tổng cộng", num(t["opening"]), num(t["received_centre"]), num(t["received_other"]),
                         num(t["issued_use"]), num(t["issued_transfer"]), num(t["issued_disposal"]),
                         num(t["adjusted"], signed=True), num(t["closing"]), ""], bold=True, span=6))
    blocks: list[Block] = [
        Text(f"Số dòng: {len(r.rows)} (theo từng lô). Số lượng tính theo đơn vị cơ bản.", size=12, italic=True),
        Table(MOVEMENT_COLUMNS, rows, size=10.5),
        station_signatures(maker="NGƯỜI LẬP BÁO CÁO", recipients=["Khoa Dược – TTYT khu vực", "Lưu: TYT"]),
    ]
    return Document(r.header, blocks, landscape=True)


CARD_COLUMNS = [
    Column("Ngày", 9, "center"),
    Column("Nhập", 9, group="Số chứng từ"),
    Column("Xuất", 9, group="Số chứng từ"),
    Column("Số lô", 11),
    Column("Hạn dùng", 9, "center"),
    Column("Diễn giải", 30),
    Column("Nhập", 7, "right", "Số lượng"),
    Column("Xuất", 7, "right", "Số lượng"),
    Column("Tồn", 8, "right", "Số lượng"),
    Column("Ghi chú", 16),
]


def stock_card_document(cards: list[StockCard]) -> Document:
    blocks: list[Block] = []
    for n, c in enumerate(cards):
        if n:
            blocks.append(PageBreak())
            blocks.append(Text(f"THẺ KHO – {c.name}", size=14, bold=True, align="center"))
        blocks.append(Text(f"Tên thuốc, vật tư: {c.name}", bold=True))
        blocks.append(Text(f"Mã: {c.code}    Đơn vị tính: {c.unit}"
                           + (f"    Hàm lượng, dạng bào chế: {c.strength}" if c.strength else "")))
        rows = [Row(["Tồn đầu kỳ", "", "", num(c.opening), ""], span=6, italic=True)]
        rows += [Row([day(x.date), x.doc_in, x.doc_out, x.lot_no, day(x.expiry), x.description,
                      num(x.quantity_in) if x.quantity_in else "", num(x.quantity_out) if x.quantity_out else "",
                      num(x.balance), x.note]) for x in c.entries]
        rows.append(Row(["Cộng phát sinh trong kỳ", num(c.total_in), num(c.total_out), "", ""], bold=True, span=6))
        rows.append(Row(["Tồn cuối kỳ", "", "", num(c.closing), ""], bold=True, span=6))
        blocks.append(Table(CARD_COLUMNS, rows, size=10.5))
        blocks.append(station_signatures(head_title="TRƯỞNG TRẠM", maker="NGƯỜI GHI THẺ"))
    head = cards[0].header
    return Document(head, blocks, landscape=True)
