"""Fridges, quarantine decisions and vial openings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from ytcs_desktop.domain.coldchain import (
    ActiveQuarantine,
    HistoryEntry,
    add_fridge,
    correct_reading,
    dispose_quarantined,
    reading_history,
    release_quarantine,
)
from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.lookups import vaccine_lots
from ytcs_desktop.domain.vaccines import OpenVial, close_vial, open_vial
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.operations import COLDCHAIN, STOCK
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class FridgeDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a fridge"), parent)
        self.name = QLineEdit()
        self.form.add("name", self.tr("Name"), self.name)
        self.model_edit = QLineEdit()
        self.form.add("model", self.tr("Model"), self.model_edit)
        self.location = QLineEdit()
        self.form.add("location", self.tr("Location"), self.location)

    def operation(self) -> Op:
        values: dict[str, Any] = {"name": self.name.text(), "model": self.model_edit.text() or None,
                  "location": self.location.text() or None}
        return "add_fridge", lambda s, a: add_fridge(s, a, **values).id, frozenset({COLDCHAIN})


class QuarantineDialog(OperationDialog):
    """Release the lot (after a shake test / VVM check) or dispose of it."""

    def __init__(self, ctx: AppContext, q: ActiveQuarantine, release: bool, parent: QWidget | None = None) -> None:
        title = self.tr("Release the lot") if release else self.tr("Dispose of the lot")
        super().__init__(ctx, title, parent)
        self.q, self.release = q, release
        info = QLabel(f"{q.item_name} — {q.lot_no} — {q.on_hand}")
        info.setStyleSheet("font-weight: 600;")
        self.form.add_row(info)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Shake test result, VVM…"))
        self.form.add("note", self.tr("Reason"), self.note)
        self.vvm = QComboBox()
        self.txn_date = date_edit()
        if release:
            self.vvm.addItem(self.tr("(not checked)"), None)
            for stage in (1, 2, 3, 4):
                self.vvm.addItem(self.tr("VVM stage %1").replace("%1", str(stage)), stage)
            self.form.add("vvm_stage", self.tr("VVM now"), self.vvm)
        else:
            self.form.add("txn_date", self.tr("Date"), self.txn_date)
        self.save_button.setText(title)

    def operation(self) -> Op:
        qid, note = self.q.id, self.note.text()
        if self.release:
            vvm = self.vvm.currentData()
            return ("release_quarantine", lambda s, a: release_quarantine(s, a, quarantine_id=qid, note=note,
                                                                          vvm_stage=vvm).id,
                    frozenset({COLDCHAIN, STOCK}))
        day = date_of(self.txn_date)
        return ("dispose_quarantined", lambda s, a: dispose_quarantined(s, a, quarantine_id=qid, txn_date=day,
                                                                        note=note).id,
                frozenset({COLDCHAIN, STOCK}))


class OpenVialDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Open a vial"), parent)
        self.lot = ChoicePicker(self.tr("Vaccine lot"))
        self.form.add("lot_id", self.tr("Lot"), self.lot)
        self.session_label = QLineEdit()
        self.session_label.setPlaceholderText(self.tr("e.g. Tiêm chủng thường xuyên sáng"))
        self.form.add("session_label", self.tr("Session"), self.session_label)
        station = ctx.actor.station_id or ""
        self.lot.load(ctx.ops, lambda s: vaccine_lots(s, station))

    def operation(self) -> Op:
        values: dict[str, Any] = {"lot_id": self.lot.current_id() or "", "opened_at": _local_now(),
                                  "session_label": self.session_label.text() or None}
        return "open_vial", lambda s, a: open_vial(s, a, **values).id, frozenset({COLDCHAIN, STOCK})


class CloseVialDialog(OperationDialog):
    def __init__(self, ctx: AppContext, vial: OpenVial, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Close a vial"), parent)
        self.vial = vial
        info = QLabel(f"{vial.item_name} — {vial.lot_no} — {vial.doses}")
        self.form.add_row(info)
        self.given = QSpinBox()
        self.given.setRange(0, max(vial.doses, 0))
        self.form.add("doses_given", self.tr("Doses given"), self.given)

    def operation(self) -> Op:
        vial_id, given = self.vial.vial_id, self.given.value()
        return ("close_vial", lambda s, a: close_vial(s, a, vial_id=vial_id, doses_given=given,
                                                      closed_at=_local_now()).id,
                frozenset({COLDCHAIN, STOCK}))


class CorrectReadingDialog(OperationDialog):
    """Sửa số đo: a wrong fridge reading is corrected by a correction that names it, with the reason.
    The slot's readings are listed (the original stays in the list, the one in force marked); the
    month chart and the reports then show the corrected value."""

    def __init__(self, ctx: AppContext, fridge_id: str, fridge_name: str, day: dt.date, slot: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Correct a reading – %1").replace("%1", fridge_name), parent)
        self.setMinimumWidth(520)
        self.fridge_id = fridge_id
        self.current_id: str | None = None  # the reading in force for the day and slot shown
        self._asked: tuple[dt.date, str] | None = None  # the day and slot whose readings were asked for
        self.reading_date = date_edit(day)
        self.form.add("reading_date", self.tr("Date"), self.reading_date)
        self.slot = combo(choices("slot", ctx.lang), slot)
        self.form.add("slot", self.tr("Time of day"), self.slot)
        self.history = QLabel(self.tr("Looking up the readings…"))
        self.history.setObjectName("reading_history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.form.add("reading_id", self.tr("Recorded"), self.history)
        self.celsius = QLineEdit()
        self.celsius.setPlaceholderText(self.tr("°C, as the thermometer showed (e.g. 4,5)"))
        self.form.add("celsius", self.tr("Correct temperature"), self.celsius)
        self.freeze = QCheckBox(self.tr("Freeze indicator alarm was on"))
        self.form.add("freeze_alarm", "", self.freeze)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. typed 45 for 4,5"))
        self.form.add("reason", self.tr("Reason for the correction"), self.reason)
        self.save_button.setText(self.tr("Save the correction"))
        self.reading_date.dateChanged.connect(lambda _d: self.load_history())
        self.slot.currentIndexChanged.connect(lambda _i: self.load_history())
        self.load_history()

    def _shown(self) -> tuple[dt.date, str]:
        return date_of(self.reading_date), str(self.slot.currentData())

    def load_history(self) -> None:
        fridge_id, (day, slot) = self.fridge_id, self._shown()
        if self._asked == (day, slot):
            return  # the same day and slot (Enter in the date field re-sends its date)
        self._asked = (day, slot)
        self.current_id = None  # until the readings of this day and slot are in: nothing to correct
        self.ctx.ops.query(lambda s: (day, slot, reading_history(s, fridge_id, day, slot)), self._show_history)

    def _show_history(self, answer: tuple[dt.date, str, list[HistoryEntry]]) -> None:
        day, slot, entries = answer
        if (day, slot) != self._shown():
            return  # the user moved on to another day or slot: its own answer follows
        self.current_id = next((e.id for e in entries if e.current), None)
        if not entries:
            self.history.setText(self.tr("No reading for this time of day yet: record it on the cold chain page."))
            return
        lines = []
        reason, in_force = self.tr("reason"), self.tr("in force")
        for entry in entries:
            what = self.tr("recorded") if entry.corrects_id is None else self.tr("corrected")
            value = f"{entry.celsius:g} °C".replace(".", "," if self.ctx.lang == "vi" else ".")
            if entry.freeze_alarm:
                value += " · " + self.tr("freeze alarm")
            line = (f"<b>{value}</b> — {what}, {_escape(entry.recorded_by or '?')}, "
                    f"{fmt_date(entry.recorded_at)}")
            if entry.corrects_id is not None and entry.note:
                line += f" — {reason}: {_escape(entry.note)}"
            if entry.current:
                line += f" <span style='color:#1f6fb2'>({in_force})</span>"
            else:
                line = f"<span style='color:#666'>{line}</span>"
            lines.append(line)
        self.history.setText("<br>".join(lines))
        self.form.make_room()

    def operation(self) -> Op:
        values: dict[str, Any] = {"reading_id": self.current_id or "", "celsius": self.celsius.text(),
                                  "freeze_alarm": self.freeze.isChecked(), "reason": self.reason.text()}
        return ("correct_reading", lambda s, a: correct_reading(s, a, **values), frozenset({COLDCHAIN, STOCK}))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
