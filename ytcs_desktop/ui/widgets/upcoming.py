"""The station overview's line of upcoming consultations (lịch hội chẩn of the next 30 days)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.programme.calendar import SessionLine, upcoming
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.operations import REQUESTS

SHOWN = 3


class UpcomingConsultations(QFrame):
    """Hidden while nothing is coming. Signals: `open_page(str)` (the station's support plan page)."""

    open_page = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("upcoming_consultations")
        self.setStyleSheet("QFrame#upcoming_consultations { background: #e8f0fe; border: 1px solid #aecbfa;"
                           " border-radius: 6px; }")
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Calendar…"))
        self.open_button.clicked.connect(lambda: self.open_page.emit("StationProgrammePage"))
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        self.sessions: list[SessionLine] = []
        self.hide()
        ctx.ops.changed.connect(lambda areas: self.refresh() if REQUESTS in areas else None)

    def refresh(self) -> None:
        station_id = self.ctx.actor.station_id
        if station_id:
            self.ctx.ops.query(lambda s: upcoming(s, station_id), self.show_sessions, priority=-1)

    def show_sessions(self, sessions: list[SessionLine]) -> None:
        self.sessions = sessions
        if not sessions:
            self.hide()
            return
        lines = [self.tr("Upcoming consultations: %1").replace("%1", str(len(sessions)))]
        for x in sessions[:SHOWN]:
            how = label("support_format", x.mode, self.ctx.lang)
            lines.append(f"{fmt_date(x.day)} {x.start_time} — {x.topic} ({how}: {x.where()})")
        self.text.setText("\n".join(lines))
        self.show()
