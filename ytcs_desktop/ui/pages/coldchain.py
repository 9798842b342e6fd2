"""Vắc xin & dây chuyền lạnh: twice-daily fridge readings with the month chart, quarantined lots,
open vials."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.coldchain import (
    ActiveQuarantine,
    MonthSheet,
    ReadingResult,
    month_readings,
    record_reading,
)
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.vaccines import OpenVial
from ytcs_desktop.store.session import Session
from ytcs_desktop.store.sync_states import SyncState, reading_states
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.coldchain import (
    CloseVialDialog,
    CorrectReadingDialog,
    FridgeDialog,
    OpenVialDialog,
    QuarantineDialog,
)
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import ROW_ROLE, fmt_month
from ytcs_desktop.ui.models.coldchain import OpenVialsModel, QuarantineModel
from ytcs_desktop.ui.operations import COLDCHAIN, STOCK
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.form import ERROR_STYLE, combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker
from ytcs_desktop.ui.widgets.temp_chart import TemperatureChart


class ColdChainPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = ctx.actor.station_id
        self.fridge = ChoicePicker(self.tr("Fridge"))
        self.add_fridge_button = QPushButton(self.tr("&Add a fridge…"))
        self.layout_.addLayout(toolbar_row(QLabel(self.tr("Fridge")), self.fridge, self.add_fridge_button))

        reading = QGroupBox(self.tr("Record a reading (morning and afternoon, every day)"))
        row = QHBoxLayout(reading)
        self.reading_date = date_edit()
        self.slot = combo(choices("slot", ctx.lang), "morning" if dt.datetime.now().hour < 12 else "afternoon")
        self.celsius = QLineEdit()
        self.celsius.setPlaceholderText("°C")
        self.celsius.setMaximumWidth(90)
        self.freeze = QCheckBox(self.tr("Freeze indicator alarm"))
        self.record_button = QPushButton(self.tr("&Record"))
        self.correct_button = QPushButton(self.tr("&Correct a reading…"))
        self.correct_button.setToolTip(self.tr("A wrong reading is corrected with the reason; the original is kept"))
        for w in (QLabel(self.tr("Date")), self.reading_date, QLabel(self.tr("Time of day")), self.slot,
                  QLabel(self.tr("Temperature")), self.celsius, self.freeze, self.record_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.correct_button)
        self.layout_.addWidget(reading)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("reading_message")
        self.layout_.addWidget(self.message)

        self.chart_title = QLabel()
        self.chart_title.setStyleSheet("font-weight: 600;")
        self.layout_.addWidget(self.chart_title)
        self.chart = TemperatureChart()
        self.layout_.addWidget(self.chart, 2)

        lower = QHBoxLayout()
        self.quarantines = QuarantineModel(ctx.ops, station, ctx.lang, self)
        self.vials = OpenVialsModel(ctx.ops, station, self)
        qbox = QGroupBox(self.tr("Quarantined lots"))
        qcol = QVBoxLayout(qbox)
        self.q_table = make_table(self.quarantines)
        self.release_button = QPushButton(self.tr("Release…"))
        self.dispose_button = QPushButton(self.tr("Dispose…"))
        qcol.addWidget(self.q_table)
        qcol.addLayout(toolbar_row(self.release_button, self.dispose_button))
        vbox = QGroupBox(self.tr("Open vials"))
        vcol = QVBoxLayout(vbox)
        self.v_table = make_table(self.vials)
        self.open_button = QPushButton(self.tr("&Open a vial…"))
        self.close_button = QPushButton(self.tr("Close the vial…"))
        vcol.addWidget(self.v_table)
        vcol.addLayout(toolbar_row(self.open_button, self.close_button))
        lower.addWidget(qbox, 3)
        lower.addWidget(vbox, 2)
        self.layout_.addLayout(lower, 2)

        self.add_fridge_button.clicked.connect(self.add_fridge)
        self.record_button.clicked.connect(self.record)
        self.correct_button.clicked.connect(self.correct)
        self.celsius.returnPressed.connect(self.record)
        self.fridge.currentIndexChanged.connect(lambda _i: self.load_chart())
        self.release_button.clicked.connect(lambda: self.decide(True))
        self.dispose_button.clicked.connect(lambda: self.decide(False))
        self.open_button.clicked.connect(self.open_vial)
        self.close_button.clicked.connect(self.close_vial)
        self.quarantines.loaded.connect(lambda: fit_columns(self.q_table, 200))
        self.vials.loaded.connect(lambda: fit_columns(self.v_table, 200))
        ctx.ops.changed.connect(self._changed)

    def title(self) -> str:
        return self.tr("Vaccines & cold chain")

    def first_load(self) -> None:
        self.load_fridges()
        self.quarantines.refresh()
        self.vials.refresh()

    def load_fridges(self) -> None:
        station = self.ctx.actor.station_id
        self.fridge.load(self.ctx.ops, lambda s: lookups.fridges(s, station))

    def _changed(self, areas: frozenset[str]) -> None:
        if COLDCHAIN in areas and self._activated:
            self.load_chart()

    def load_chart(self) -> None:
        fridge_id = self.fridge.current_id()
        if not fridge_id:
            self.chart.set_sheet(None)
            self.chart_title.setText(self.tr("No fridge yet: add one to record temperatures."))
            return
        today = dt.date.today()

        def read(s: Session) -> tuple[MonthSheet, dict[tuple[dt.date, str], SyncState]]:
            sheet = month_readings(s, fridge_id, today.year, today.month)
            return sheet, reading_states(s, fridge_id, sheet.days[0].day, sheet.days[-1].day)

        self.ctx.ops.query(read, self._show_sheet)

    def _show_sheet(self, result: tuple[MonthSheet, dict[tuple[dt.date, str], SyncState]]) -> None:
        sheet, states = result
        self.chart.set_sheet(sheet, states)
        text = self.tr("%1 — month %2: %3 readings, %4 outside +2…+8 °C")
        text = (text.replace("%1", sheet.fridge_name).replace("%2", fmt_month(sheet.year, sheet.month))
                .replace("%3", str(sheet.recorded)).replace("%4", str(sheet.breaches)))
        pending = sum(1 for state, _r in states.values() if state != "rejected")
        refused = len(states) - pending
        if pending:
            text += " · " + self.tr("%1 not sent to the centre yet").replace("%1", str(pending))
        if refused:
            text += " · " + self.tr("%1 refused by the centre (point at them for the reason)").replace(
                "%1", str(refused))
        self.chart_title.setText(text)

    # ----- actions ------------------------------------------------------------------------------
    def add_fridge(self) -> FridgeDialog:
        dialog = FridgeDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._fridge_added(dialog.result_value))
        dialog.open()
        return dialog

    def _fridge_added(self, fridge_id: str) -> None:
        self.fridge.select_id(fridge_id)
        self.load_fridges()

    def record(self) -> None:
        values = {"fridge_id": self.fridge.current_id() or "", "reading_date": date_of(self.reading_date),
                  "slot": self.slot.currentData(), "celsius": self.celsius.text(),
                  "freeze_alarm": self.freeze.isChecked(), "now": None}
        self.message.setStyleSheet("")
        self.record_button.setEnabled(False)
        self.ctx.ops.write("record_reading", lambda s, a: record_reading(s, a, **values), {COLDCHAIN, STOCK},
                           on_done=self._recorded, on_error=self._refused, parent=self,
                           on_failed=lambda: self.record_button.setEnabled(True))

    def _recorded(self, result: ReadingResult) -> None:
        self.record_button.setEnabled(True)
        self.celsius.clear()
        self.freeze.setChecked(False)
        if result.breach:
            self.message.setStyleSheet(ERROR_STYLE + " font-weight: 600;")
            self.message.setText(self.tr("Outside +2…+8 °C: %1 vaccine lot(s) put in quarantine. Do not use them "
                                         "until checked; then release or dispose of them below.")
                                 .replace("%1", str(len(result.quarantines) + len(result.already_quarantined))))
        else:
            self.message.setText(self.tr("Reading saved."))

    def _refused(self, err: DomainError) -> None:
        self.record_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(err.message(self.ctx.lang))

    def correct(self) -> CorrectReadingDialog | None:
        """Sửa số đo: for the fridge shown, the day and time of day chosen in the reading row."""
        fridge_id = self.fridge.current_id()
        if not fridge_id:
            return None
        dialog = CorrectReadingDialog(self.ctx, fridge_id, self.fridge.currentText(), date_of(self.reading_date),
                                      str(self.slot.currentData()), self)
        dialog.accepted.connect(lambda: self._corrected(dialog.result_value))
        dialog.open()
        return dialog

    def _corrected(self, result: ReadingResult) -> None:
        if result.breach:
            self._recorded(result)
            return
        if result.already_quarantined:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Reading corrected. The %1 lot(s) put in quarantine by the wrong value stay "
                                         "held: check them, then release them below.")
                                 .replace("%1", str(len(result.already_quarantined))))
        else:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Reading corrected; the original is kept in its history."))

    def decide(self, release: bool) -> QuarantineDialog | None:
        index = self.q_table.currentIndex()
        row = self.quarantines.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, ActiveQuarantine):
            return None
        dialog = QuarantineDialog(self.ctx, row, release, self)
        dialog.open()
        return dialog

    def open_vial(self) -> OpenVialDialog:
        dialog = OpenVialDialog(self.ctx, self)
        dialog.open()
        return dialog

    def close_vial(self) -> CloseVialDialog | None:
        index = self.v_table.currentIndex()
        row = self.vials.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, OpenVial):
            return None
        dialog = CloseVialDialog(self.ctx, row, self)
        dialog.open()
        return dialog
