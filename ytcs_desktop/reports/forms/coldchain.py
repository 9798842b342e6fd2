"""Phiếu theo dõi nhiệt độ tủ lạnh, with the chart under the table."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ytcs_desktop.domain.coldchain import Cell
from ytcs_desktop.domain.reportdata.coldchain import FridgeSheet
from ytcs_desktop.reports import chart, fonts
from ytcs_desktop.reports.document import (
    Block,
    Column,
    Document,
    PageBreak,
    Picture,
    Row,
    Signature,
    Signatures,
    Table,
    Text,
)
from ytcs_desktop.reports.forms.common import day

COLUMNS = [
    Column("Ngày", 10, "center"),
    Column("Nhiệt độ (°C)", 9, "right", "Buổi sáng"),
    Column("Người ghi", 20, group="Buổi sáng"),
    Column("Nhiệt độ (°C)", 9, "right", "Buổi chiều"),
    Column("Người ghi", 20, group="Buổi chiều"),
    Column("Ghi chú", 13),
]


def cell_text(c: Cell | None) -> str:
    if c is None:
        return "–"
    text = f"{c.celsius:.1f}".replace(".", ",")
    return f"{text}*" if c.breach else text


def _note(m: Cell | None, a: Cell | None) -> str:
    notes = []
    for label, c in (("sáng", m), ("chiều", a)):
        if c is None:
            notes.append(f"Thiếu số đo {label}")
        elif c.freeze_alarm:
            notes.append(f"Báo động đông băng ({label})")
        elif c.breach:
            notes.append(f"Ngoài +2…+8 °C ({label})")
        if c is not None and c.note:
            notes.append(c.note)
    return "; ".join(notes)


def _draw(sheet: FridgeSheet, painter: QPainter, rect: QRectF) -> None:
    chart.draw_chart(sheet.sheet, painter, rect, fonts.load().font(11))


def fridge_document(sheets: list[FridgeSheet]) -> Document:
    blocks: list[Block] = []
    for n, f in enumerate(sheets):
        if n:
            blocks += [PageBreak(), Text(f.header.title.upper(), size=14, bold=True, align="center"),
                       Text(f.header.subtitle or "", italic=True, align="center")]
        info = f"Tủ lạnh: {f.fridge_name}"
        if f.model:
            info += f" – Model: {f.model}"
        if f.location:
            info += f" – Vị trí: {f.location}"
        blocks.append(Text(info, before=2))
        rows = [Row([day(d.day), cell_text(d.morning), d.morning.recorded_by or "" if d.morning else "",
                     cell_text(d.afternoon), d.afternoon.recorded_by or "" if d.afternoon else "",
                     _note(d.morning, d.afternoon)],
                    bold=any(c is not None and c.breach for c in (d.morning, d.afternoon)))
                for d in f.sheet.days]
        extremes = f.sheet.extremes()
        low_high = (f"thấp nhất {extremes[0]:.1f} °C, cao nhất {extremes[1]:.1f} °C".replace(".", ",")
                    if extremes else "không có số đo")
        rows.append(Row([f"Tổng hợp: {f.sheet.recorded} lần đo, thiếu {f.missing}, ngoài ngưỡng {f.sheet.breaches}; "
                         f"{low_high}."], bold=True, span=6))
        blocks.append(Table(COLUMNS, rows, size=10.5, number_row=False))
        blocks.append(Text("* Nhiệt độ ngoài khoảng +2…+8 °C hoặc có báo động đông băng.", size=11, italic=True))
        texts = [*chart.LEGEND, "-0123456789,"]
        blocks.append(Picture(partial(_draw, f), 85, texts))
        blocks.append(Signatures([Signature("NGƯỜI THEO DÕI"), Signature("TRƯỞNG TRẠM")], before=4, space=55))
    return Document(sheets[0].header, blocks)
