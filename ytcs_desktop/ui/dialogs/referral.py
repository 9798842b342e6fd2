"""Recording a referral at the station, and the centre's follow-up of it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ytcs_desktop.domain import referrals
from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.store.models import Referral
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of


def _text_box(height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class ReferralDialog(OperationDialog):
    """Phiếu chuyển tuyến: who was sent where, why, how urgently."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record a referral"), parent)
        self.setMinimumWidth(600)
        self.patient_ref = QLineEdit()
        self.patient_ref.setPlaceholderText(self.tr("Only a reference, never the patient's record"))
        self.form.add("patient_ref", self.tr("Patient reference"), self.patient_ref)
        self.reason = _text_box()
        self.form.add("reason", self.tr("Reason for the referral"), self.reason)
        self.icd10 = QLineEdit()
        self.icd10.setPlaceholderText("K35.8")
        self.form.add("icd10", self.tr("ICD-10 code"), self.icd10)
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("Hospital and department"))
        self.form.add("destination", self.tr("Referred to"), self.destination)
        self.urgency = combo(choices("urgency", ctx.lang), "normal")
        self.form.add("urgency", self.tr("Urgency"), self.urgency)
        self.referred_on = date_edit(dt.date.today())
        self.form.add("referred_on", self.tr("Referral date"), self.referred_on)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "patient_ref": self.patient_ref.text(), "reason": self.reason.toPlainText(),
            "icd10": self.icd10.text().strip() or None, "destination": self.destination.text(),
            "urgency": self.urgency.currentData(), "referred_on": date_of(self.referred_on)}
        return "record_referral", lambda s, a: referrals.record_referral(s, a, **values).id, frozenset({REQUESTS})


class FollowUpDialog(OperationDialog):
    """The centre's next step on a referral: acknowledged, arrived or not, or closed with the outcome,
    the advice back to the station and whether the referral was needed."""

    STEPS = ("acknowledged", "arrived", "not_arrived", "closed")

    def __init__(self, ctx: AppContext, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Follow up a referral"), parent)
        self.setMinimumWidth(600)
        self.referral_id = referral.id
        summary = QLabel(f"{referral.number} — {referral.patient_ref}: {referral.reason} → {referral.destination}")
        summary.setWordWrap(True)
        self.form.add_row(summary)
        moves = referrals.allowed_moves(referral, "centre") or ["closed"]
        self.step = combo([(m, label("referral_status", m, ctx.lang)) for m in moves])
        self.form.add("status", self.tr("Next step"), self.step)
        self.arrived_on = date_edit(dt.date.today())
        self.form.add("arrived_on", self.tr("Arrived on"), self.arrived_on)
        self.note = QLineEdit()
        self.form.add("follow_up_note", self.tr("Follow-up note"), self.note)
        self.outcome = _text_box(70)
        self.form.add("outcome", self.tr("Outcome"), self.outcome)
        self.advice = _text_box(70)
        self.form.add("advice", self.tr("Advice to the station"), self.advice)
        self.needed = QComboBox()
        self.needed.addItem("", None)
        self.needed.addItem(self.tr("Yes, the referral was needed"), True)
        self.needed.addItem(self.tr("No, the station could have treated it"), False)
        self.form.add("needed", self.tr("Was the referral needed?"), self.needed)
        self.step.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self) -> None:
        step = self.step.currentData()
        for widget, shown in ((self.arrived_on, step == "arrived"), (self.note, step == "not_arrived"),
                              (self.outcome, step == "closed"), (self.advice, step == "closed"),
                              (self.needed, step == "closed")):
            widget.setEnabled(shown)

    def operation(self) -> Op:
        rid, step = self.referral_id, self.step.currentData()
        arrived_on, note = date_of(self.arrived_on), self.note.text()
        outcome, advice, needed = self.outcome.toPlainText(), self.advice.toPlainText(), self.needed.currentData()

        def write(s: Any, a: Any) -> str:
            if step == "acknowledged":
                return referrals.acknowledge(s, a, rid).id
            if step in ("arrived", "not_arrived"):
                return referrals.record_arrival(s, a, rid, arrived=step == "arrived", arrived_on=arrived_on,
                                                note=note).id
            return referrals.close_referral(s, a, rid, outcome=outcome, needed=needed, advice=advice).id

        return "follow_up_referral", write, frozenset({REQUESTS})
