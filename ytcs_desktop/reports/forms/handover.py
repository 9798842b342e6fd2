"""Biên bản bàn giao."""

from __future__ import annotations

from ytcs_desktop.dates import day_text, form_moment_text
from ytcs_desktop.domain.reportdata.handover import HandoverMinutes, Party
from ytcs_desktop.reports.document import Block, Column, Document, Row, Signature, Signatures, Table, Text
from ytcs_desktop.reports.forms.common import day, num

STOCK_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Tên thuốc, vật tư", 28),
    Column("ĐVT", 6, "center"),
    Column("Số lô", 10),
    Column("Hạn dùng", 10, "center"),
    Column("Số lượng", 9, "right"),
    Column("Tình trạng", 12),
]
REQUEST_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Số", 9),
    Column("Ngày", 10, "center"),
    Column("Loại", 14),
    Column("Nội dung", 30),
    Column("Trạng thái", 12),
]


def _party_lines(title: str, people: list[Party]) -> list[Block]:
    out: list[Block] = [Text(title, bold=True, keep_with_next=True, after=1)]
    for p in people:
        parts = [f"Ông/Bà: {p.name}"]
        if p.position:
            parts.append(f"Chức vụ: {p.position}")
        if p.unit:
            parts.append(f"Đơn vị: {p.unit}")
        out.append(Text(" – ".join(parts), indent=18, after=1))
    return out


def handover_document(h: HandoverMinutes) -> Document:
    d = h.input
    when = form_moment_text(d.time) if d.time else f"ngày {day_text(h.day)}"
    blocks: list[Block] = []
    if h.licence:
        blocks.append(Text(f"{h.header.station_name} – {h.licence}.", italic=True, align="justify", before=2))
    blocks.append(Text(f"Hôm nay, {when}, tại {d.place or h.header.station_name}, chúng tôi gồm:",
                       before=2, align="justify"))
    blocks += _party_lines("1. Bên giao:", d.handing_over)
    blocks += _party_lines("2. Bên nhận:", d.receiving)
    if d.witnesses:
        blocks += _party_lines("3. Người chứng kiến:", d.witnesses)
    if d.reason:
        blocks.append(Text(f"Lý do bàn giao: {d.reason}", align="justify", before=2))
    blocks.append(Text("Hai bên đã tiến hành bàn giao các nội dung sau:", before=4))
    blocks.append(Text(f"I. Thuốc, vật tư y tế, vắc xin tồn kho đến hết ngày {day(h.day)}", bold=True,
                       keep_with_next=True, before=4))
    rows = [Row([str(i), r.name, r.unit, r.lot_no, day(r.expiry), num(r.quantity), r.condition])
            for i, r in enumerate(h.stock, start=1)]
    if h.stock:
        rows.append(Row(["Tổng cộng (đơn vị cơ bản)", num(h.total_quantity), ""], bold=True, span=5))
    blocks.append(Table(STOCK_COLUMNS, rows, empty_text="Không còn thuốc, vật tư tồn kho."))
    blocks.append(Text("II. Các yêu cầu hỗ trợ chuyên môn đang xử lý", bold=True, keep_with_next=True, before=4))
    blocks.append(Table(REQUEST_COLUMNS, [Row([str(i), r.number, day(r.date), r.kind, r.title, r.status])
                                          for i, r in enumerate(h.requests, start=1)],
                        empty_text="Không có yêu cầu nào đang xử lý."))
    blocks.append(Text("III. Hồ sơ, sổ sách bàn giao", bold=True, keep_with_next=True, before=4))
    blocks += [Text(f"- {x}", indent=12, after=1) for x in d.records] or [Text("Không có.", indent=12)]
    blocks.append(Text("IV. Trang thiết bị, ghi chú khác", bold=True, keep_with_next=True, before=4))
    blocks += [Text(f"- {x}", indent=12, after=1) for x in d.equipment] or [Text("Không có.", indent=12)]
    blocks.append(Text("V. Kết luận", bold=True, keep_with_next=True, before=4))
    blocks.append(Text(d.conclusion or "Bên giao đã bàn giao đầy đủ các nội dung trên; bên nhận đã kiểm tra và "
                       "nhận đủ.", align="justify"))
    blocks.append(Text(d.copies, align="justify", italic=True))
    sigs = [Signature("BÊN GIAO", name=d.handing_over[0].name), Signature("BÊN NHẬN", name=d.receiving[0].name)]
    if d.witnesses:
        sigs.insert(1, Signature("NGƯỜI CHỨNG KIẾN", name=d.witnesses[0].name))
    blocks.append(Signatures(sigs))
    return Document(h.header, blocks)
