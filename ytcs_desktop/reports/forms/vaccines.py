"""Báo cáo sử dụng vắc xin."""

from __future__ import annotations

from ytcs_desktop.domain.reportdata.vaccines import VaccineUseReport
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.forms.common import day, num, station_signatures

COLUMNS = [
    Column("STT", 3.6, "center"),
    Column("Tên vắc xin", 14),
    Column("Số lô", 8),
    Column("Hạn dùng", 8, "center"),
    Column("Liều/ lọ", 4.5, "right"),
    Column("Tồn đầu (liều)", 6.5, "right"),
    Column("Nhập (liều)", 6, "right"),
    Column("Số liều đã tiêm", 6.5, "right"),
    Column("Số lọ đã mở", 5.5, "right"),
    Column("Lọ đã mở", 6, "right", "Hủy (liều)"),
    Column("Hết hạn", 5.5, "right", "Hủy (liều)"),
    Column("VVM", 5, "right", "Hủy (liều)"),
    Column("Đông băng", 5.5, "right", "Hủy (liều)"),
    Column("Vỡ, khác", 5.5, "right", "Hủy (liều)"),
    Column("Tồn cuối (liều)", 6.5, "right"),
    Column("Tỷ lệ hao hụt (%)", 6.5, "right"),
]


def pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def vaccine_document(r: VaccineUseReport) -> Document:
    rows = [Row([str(i), x.item_name, x.lot_no, day(x.expiry), num(x.doses_per_vial), num(x.opening), num(x.received),
                  num(x.doses_given), num(x.vials_opened), num(x.wasted_opened), num(x.wasted_expired),
                  num(x.wasted_vvm), num(x.wasted_frozen), num(x.wasted_damaged), num(x.closing), pct(x.wastage_pct)])
            for i, x in enumerate(r.rows, start=1)]
    t = r.totals
    if r.rows:
        rows.append(Row(["Tổng cộng", num(t["opening"]), num(t["received"]), num(t["doses_given"]),
                         num(t["vials_opened"]), num(t["wasted_opened"]), num(t["wasted_expired"]),
                         num(t["wasted_vvm"]), num(t["wasted_frozen"]), num(t["wasted_damaged"]), num(t["closing"]),
                         pct(r.wastage_pct)], bold=True, span=5))
    blocks: list[Block] = [
        Text("Tỷ lệ hao hụt = số liều hủy (lọ đã mở và lọ chưa mở) / (số liều đã mở + số liều hủy lọ chưa mở) × 100.",
             size=11, italic=True),
        Table(COLUMNS, rows, size=10),
        station_signatures(maker="NGƯỜI LẬP BÁO CÁO", recipients=["Khoa Kiểm soát bệnh tật – TTYT khu vực",
                                                                    "Lưu: TYT"]),
    ]
    return Document(r.header, blocks, landscape=True)
