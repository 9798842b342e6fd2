"""The month's fridge readings as a chart: the +2…+8 °C band, morning and afternoon points, breaches
in red; a reading not yet sent to the centre is ringed, one the centre refused is boxed, and pointing
at a point tells its value and sync state. Painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ytcs_desktop.domain.coldchain import Cell, MonthSheet
from ytcs_desktop.store.sync_states import SyncState
from ytcs_desktop.ui.models.base import fmt_day_month, sync_state_text

LOW, HIGH = 2.0, 8.0
Y_MIN, Y_MAX = -4.0, 14.0
NOT_SENT = QColor("#6b6b6b")
REFUSED = QColor("#8e1b1b")
SLOTS = ("morning", "afternoon")


class TemperatureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: MonthSheet | None = None
        self.states: dict[tuple[dt.date, str], SyncState] = {}
        self._points: list[tuple[QPointF, dt.date, int, Cell]] = []  # where the last paint put each reading
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def set_sheet(self, sheet: MonthSheet | None, states: dict[tuple[dt.date, str], SyncState] | None = None) -> None:
        """The month to draw, and the sync state of its readings not yet sent, by (day, slot)."""
        self.sheet = sheet
        self.states = states or {}
        self.update()

    def point_text(self, day: dt.date, slot: int, cell: Cell) -> str:
        when = self.tr("morning") if slot == 0 else self.tr("afternoon")
        text = f"{fmt_day_month(day)} {when}: {QLocale().toString(cell.celsius, 'f', 1)} °C"
        state, reason = self.states.get((day, SLOTS[slot]), ("synced", None))
        if state == "rejected":
            return text + " — " + self.tr("refused by the centre: %1").replace("%1", reason or "")
        return text + " — " + sync_state_text(state)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            near = min(self._points, key=lambda p: (p[0] - pos).manhattanLength(), default=None)
            if near is not None and (near[0] - pos).manhattanLength() <= 12:
                QToolTip.showText(event.globalPos(), self.point_text(near[1], near[2], near[3]), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

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
        legend = [(QColor("#1f6fb2"), self.tr("Morning")), (QColor("#7b4bb2"), self.tr("Afternoon")),
                  (QColor("#c62828"), self.tr("Outside +2…+8 °C"))]
        marks = {state for state, _r in self.states.values()}
        if marks - {"rejected"}:
            legend.append((NOT_SENT, self.tr("Not sent yet")))
        if "rejected" in marks:
            legend.append((REFUSED, self.tr("Refused by the centre")))
        lx = plot.left() + 8
        for colour, text in legend:
            centre = QPointF(lx + 4, plot.top() + 10)
            if colour in (NOT_SENT, REFUSED):
                self._mark(p, centre, 3.0, "rejected" if colour == REFUSED else "pending")
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawEllipse(centre, 4, 4)
            p.setPen(QColor("#333"))
            p.drawText(QPointF(lx + 12, plot.top() + 14), text)
            lx += 24 + p.fontMetrics().horizontalAdvance(text)
        self._points = []
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
                state = self.states.get((row.day, SLOTS[slot]))
                if state is not None:
                    self._mark(p, point, radius, state[0])
                self._points.append((point, row.day, slot, cell))
                previous = point
        p.end()

    @staticmethod
    def _mark(p: QPainter, point: QPointF, radius: float, state: str) -> None:
        """A ring round a reading not yet sent; a box round one the centre refused."""
        p.setBrush(Qt.BrushStyle.NoBrush)
        if state == "rejected":
            p.setPen(QPen(REFUSED, 2))
            r = radius + 3.5
            p.drawRect(QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r))
        else:
            p.setPen(QPen(NOT_SENT, 1.2))
            p.drawEllipse(point, radius + 3, radius + 3)
