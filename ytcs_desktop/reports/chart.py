"""The fridge temperature chart, drawn with QPainter: days × morning/afternoon, the +2…+8 °C band
shaded, readings outside it marked in red, missing readings left as gaps."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from ytcs_desktop.domain.coldchain import MonthSheet

LOW, HIGH = 2.0, 8.0
LEGEND = ("Sáng", "Chiều", "Ngoài khoảng +2…+8 °C", "°C", "Ngày")


def _fmt(v: float) -> str:
    return f"{v:g}".replace(".", ",")


def draw_chart(sheet: MonthSheet, painter: QPainter, rect: QRectF, font: QFont) -> None:
    values = [c.celsius for d in sheet.days for c in (d.morning, d.afternoon) if c]
    lo = math.floor(min([*values, 0.0]) - 1)
    hi = math.ceil(max([*values, 10.0]) + 1)
    unit = rect.height() / 60.0  # everything scales with the picture
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.8)
    painter.setFont(small)
    fm = painter.fontMetrics()
    left = rect.left() + fm.horizontalAdvance("-10,0") + 3 * unit
    top = rect.top() + fm.height() * 1.6
    bottom = rect.bottom() - fm.height() * 2.6
    right = rect.right() - unit
    plot = QRectF(QPointF(left, top), QPointF(right, bottom))
    n = len(sheet.days)

    def y_of(c: float) -> float:
        return plot.bottom() - (c - lo) / (hi - lo) * plot.height()

    def x_of(i: int, slot: int) -> float:
        return plot.left() + (i + 0.25 + 0.5 * slot) / n * plot.width()

    thin = QPen(QColor(150, 150, 150))
    thin.setWidthF(unit * 0.15)
    painter.fillRect(QRectF(QPointF(plot.left(), y_of(HIGH)), QPointF(plot.right(), y_of(LOW))), QColor(214, 238, 214))
    painter.setPen(thin)
    step = 1 if hi - lo <= 16 else 2
    for deg in range(int(lo), int(hi) + 1, step):
        y = y_of(deg)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawText(QRectF(rect.left(), y - fm.height() / 2, left - rect.left() - unit, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), _fmt(deg))
        painter.setPen(thin)
    for i, d in enumerate(sheet.days):
        x = plot.left() + i / n * plot.width()
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawText(QRectF(x, plot.bottom() + unit * 0.5, plot.width() / n, fm.height()),
                         int(Qt.AlignmentFlag.AlignHCenter), str(d.day.day))
        painter.setPen(thin)
    band = QPen(QColor(40, 120, 40))
    band.setWidthF(unit * 0.3)
    band.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(band)
    for c in (LOW, HIGH):
        painter.drawLine(QPointF(plot.left(), y_of(c)), QPointF(plot.right(), y_of(c)))
    # the readings in time order; a missing reading breaks the line
    line = QPen(QColor(20, 60, 160))
    line.setWidthF(unit * 0.35)
    path = QPainterPath()
    pen_down = False
    points = []
    for i, d in enumerate(sheet.days):
        for slot, cell in enumerate((d.morning, d.afternoon)):
            if cell is None:
                pen_down = False
                continue
            p = QPointF(x_of(i, slot), y_of(cell.celsius))
            points.append((p, slot, cell.breach))
            if pen_down:
                path.lineTo(p)
            else:
                path.moveTo(p)
                pen_down = True
    painter.setPen(line)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    r = unit * 0.8
    for p, slot, breach in points:
        colour = QColor(200, 0, 0) if breach else QColor(20, 60, 160)
        painter.setPen(QPen(colour))
        painter.setBrush(QBrush(colour))
        if breach:
            painter.drawEllipse(p, r * 1.6, r * 1.6)
        elif slot == 0:
            painter.drawEllipse(p, r, r)
        else:
            painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
    frame = QPen(Qt.GlobalColor.black)
    frame.setWidthF(unit * 0.25)
    painter.setPen(frame)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    # legend and axis names
    painter.drawText(QRectF(rect.left(), rect.top(), left, fm.height()), int(Qt.AlignmentFlag.AlignLeft), "°C")
    painter.drawText(QRectF(plot.left(), rect.bottom() - fm.height(), plot.width(), fm.height()),
                     int(Qt.AlignmentFlag.AlignHCenter), "Ngày")
    x = plot.left() + unit * 4
    y = rect.top() + fm.height() * 0.5
    for text, colour, kind in (("Sáng", QColor(20, 60, 160), 0), ("Chiều", QColor(20, 60, 160), 1),
                               ("Ngoài khoảng +2…+8 °C", QColor(200, 0, 0), 2)):
        painter.setPen(QPen(colour))
        painter.setBrush(QBrush(colour))
        centre = QPointF(x, y)
        if kind == 1:
            painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
        else:
            painter.drawEllipse(centre, r * (1.6 if kind == 2 else 1), r * (1.6 if kind == 2 else 1))
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawText(QPointF(x + 2.5 * r, y + fm.ascent() / 2 - unit * 0.3), text)
        x += fm.horizontalAdvance(text) + 8 * unit
