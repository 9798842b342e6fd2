"""The month's fridge readings as a chart: the +2…+8 °C band, morning and afternoon points, breaches
in red. Painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ytcs_desktop.domain.coldchain import MonthSheet

LOW, HIGH = 2.0, 8.0
Y_MIN, Y_MAX = -4.0, 14.0


class TemperatureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: MonthSheet | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def set_sheet(self, sheet: MonthSheet | None) -> None:
        self.sheet = sheet
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        left, top, right, bottom = 44, 12, 12, 28
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        days = len(self.sheet.days) if self.sheet else 31

        def y(celsius: float) -> float:
            c = min(max(celsius, Y_MIN), Y_MAX)
            return plot.bottom() - (c - Y_MIN) / (Y_MAX - Y_MIN) * plot.height()

        def x(day_index: int, slot: int) -> float:
            step = plot.width() / days
            return plot.left() + step * day_index + step * (0.3 if slot == 0 else 0.7)

        p.fillRect(QRectF(plot.left(), y(HIGH), plot.width(), y(LOW) - y(HIGH)), QColor("#e3f4e6"))
        p.setPen(QPen(QColor("#9aa5b1"), 1))
        p.drawRect(plot)
        for value in (0, 2, 4, 6, 8, 10, 12):
            p.setPen(QPen(QColor("#d0d6dc"), 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(plot.left(), y(value)), QPointF(plot.right(), y(value)))
            p.setPen(QColor("#444"))
            p.drawText(QRectF(0, y(value) - 8, left - 6, 16), int(Qt.AlignmentFlag.AlignRight), f"{value}°")
        for i in range(days):
            if (i + 1) % 5 == 0 or i == 0:
                p.drawText(QRectF(x(i, 0) - 10, plot.bottom() + 4, 24, 16), int(Qt.AlignmentFlag.AlignCenter),
                           str(i + 1))
        legend = ((QColor("#1f6fb2"), self.tr("Morning")), (QColor("#7b4bb2"), self.tr("Afternoon")),
                  (QColor("#c62828"), self.tr("Outside +2…+8 °C")))
        lx = plot.left() + 8
        for colour, text in legend:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(QPointF(lx + 4, plot.top() + 10), 4, 4)
            p.setPen(QColor("#333"))
            p.drawText(QPointF(lx + 12, plot.top() + 14), text)
            lx += 24 + p.fontMetrics().horizontalAdvance(text)
        if self.sheet is None:
            p.end()
            return
        for slot, colour in ((0, QColor("#1f6fb2")), (1, QColor("#7b4bb2"))):
            previous: QPointF | None = None
            for i, row in enumerate(self.sheet.days):
                cell = row.morning if slot == 0 else row.afternoon
                if cell is None:
                    previous = None
                    continue
                point = QPointF(x(i, slot), y(cell.celsius))
                if previous is not None:
                    p.setPen(QPen(colour, 1.5))
                    p.drawLine(previous, point)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor("#c62828") if cell.breach else colour)
                radius = 4.5 if cell.breach else 3.0
                p.drawEllipse(point, radius, radius)
                previous = point
        p.end()
