"""Kế hoạch hỗ trợ at a station: its own plan and progress (read only: the centre writes it), its
consultation calendar, and the visits and sessions it received, which it rates 1–5."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

from ytcs_desktop.domain.programme.ratings import Received
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.programme import RatingDialog
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.programme import (
    ActivitiesModel,
    CalendarModel,
    IndicatorsModel,
    ProgressModel,
    ReceivedModel,
)
from ytcs_desktop.ui.pages.base import Page, toolbar_row
from ytcs_desktop.ui.pages.centre_programme import period_pickers, tab, table


class StationProgrammePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station_id = ctx.actor.station_id or ""
        self.year, self.quarter = period_pickers(self)
        self.layout_.addLayout(toolbar_row(QLabel(self.tr("Period")), self.year, self.quarter, stretch_at=3))
        note = QLabel(self.tr("The centre writes this plan; progress is counted from what was recorded."))
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)
        self.progress = ProgressModel(ctx.ops, ctx.lang, station_id, self)
        self.activities = ActivitiesModel(ctx.ops, ctx.lang, station_id, self)
        self.indicators = IndicatorsModel(ctx.ops, ctx.lang, station_id, self)
        self.tabs.addTab(tab(table(self.progress), QLabel(self.tr("Activities, targets and cost estimates")),
                             table(self.activities), QLabel(self.tr("Indicators")), table(self.indicators)),
                         self.tr("Plan and progress"))
        self.calendar = CalendarModel(ctx.ops, ctx.lang, station_id, parent=self)
        self.tabs.addTab(tab(table(self.calendar)), self.tr("Consultation calendar"))
        self.received = ReceivedModel(ctx.ops, ctx.lang, station_id, self)
        self.rate_button = QPushButton(self.tr("&Rate…"))
        self.received_table = table(self.received)
        self.tabs.addTab(tab(toolbar_row(self.rate_button), self.received_table), self.tr("Support received"))
        self.rate_button.clicked.connect(self.rate)
        self.year.valueChanged.connect(self._period_changed)
        self.quarter.currentIndexChanged.connect(self._period_changed)

    def title(self) -> str:
        return self.tr("Support plan")

    def first_load(self) -> None:
        self._period_changed()
        self.calendar.refresh()
        self.received.refresh()

    def _period_changed(self) -> None:
        for model in (self.progress, self.activities, self.indicators):
            model.set_period(self.year.value(), self.quarter.currentData())

    def rate(self) -> RatingDialog | None:
        index = self.received_table.currentIndex()
        row = self.received.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, Received):
            return None
        dialog = RatingDialog(self.ctx, row, self)
        dialog.open()
        return dialog
