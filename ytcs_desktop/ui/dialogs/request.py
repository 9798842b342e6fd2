"""A new support request, and the moves that need more than a click (schedule, reject, done, rate)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class NewRequestDialog(OperationDialog):
    """Yêu cầu hỗ trợ mới (saved as a draft; 'Send now' also submits it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New support request"), parent)
        self.setMinimumWidth(620)
        self.kind = combo(choices("request_kind", ctx.lang))
        self.form.add("kind", self.tr("Kind of support"), self.kind)
        self.title_edit = QLineEdit()
        self.form.add("title", self.tr("Title"), self.title_edit)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.form.add("description", self.tr("Description"), self.description)
        self.urgency = combo(choices("urgency", ctx.lang), "normal")
        self.form.add("urgency", self.tr("Urgency"), self.urgency)
        self.wanted_from = date_edit(dt.date.today() + dt.timedelta(days=7))
        self.form.add("wanted_from", self.tr("Wanted from"), self.wanted_from)
        self.wanted_to = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.form.add("wanted_to", self.tr("Wanted until"), self.wanted_to)
        self.patient_ref = QLineEdit()
        self.patient_ref.setPlaceholderText(self.tr("Only a reference, never the patient's record"))
        self.form.add("patient_ref", self.tr("Patient reference"), self.patient_ref)
        self.icd10 = QLineEdit()
        self.icd10.setPlaceholderText("J18.9")
        self.form.add("icd10", self.tr("ICD-10 code"), self.icd10)
        self.send_now = QCheckBox(self.tr("Send to the centre now"))
        self.send_now.setChecked(True)
        self.form.add_row(self.send_now)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "kind": self.kind.currentData(), "title": self.title_edit.text(),
            "description": self.description.toPlainText(), "urgency": self.urgency.currentData(),
            "wanted_from": date_of(self.wanted_from), "wanted_to": date_of(self.wanted_to),
            "patient_ref": self.patient_ref.text().strip() or None, "icd10": self.icd10.text().strip() or None,
        }
        send = self.send_now.isChecked()

        def write(s: Any, a: Any) -> str:
            request = create_request(s, a, **values)
            if send:
                move(s, a, request.id, "submitted")
            return request.id

        return "create_request", write, frozenset({REQUESTS})


class MoveDialog(OperationDialog):
    """One transition with the fields it needs and a note."""

    def __init__(self, ctx: AppContext, request_id: str, to_status: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, label("request_status", to_status, ctx.lang), parent)
        self.request_id = request_id
        self.to_status = to_status
        self.fields: dict[str, QWidget] = {}
        if to_status == "rejected":
            self.fields["reason"] = self.form.add("reason", self.tr("Reason for rejecting"), QLineEdit())
        elif to_status == "scheduled":
            self.fields["scheduled_from"] = self.form.add("scheduled_from", self.tr("From"), date_edit())
            self.fields["scheduled_to"] = self.form.add("scheduled_to", self.tr("To"),
                                                        date_edit(dt.date.today() + dt.timedelta(days=2)))
            staff = ChoicePicker(self.tr("Centre staff member"))
            self.fields["assigned_staff_id"] = self.form.add("assigned_staff_id", self.tr("Assigned to"), staff)
            staff.load(ctx.ops, lambda s: lookups.staff(s, None))
            self.fields["support_format"] = self.form.add("support_format", self.tr("Format"),
                                                          combo(choices("support_format", ctx.lang)))
        elif to_status == "done":
            self.fields["outcome"] = self.form.add("outcome", self.tr("Outcome (what was done)"), QLineEdit())
        elif to_status == "rated":
            rating = QSpinBox()
            rating.setRange(1, 5)
            rating.setValue(5)
            rating.setSuffix(" / 5")
            self.fields["rating"] = self.form.add("rating", self.tr("Quality of the support"), rating)
            self.fields["feedback"] = self.form.add("feedback", self.tr("Comment"), QLineEdit())
        self.note = QLineEdit()
        self.form.add("note", self.tr("Note"), self.note)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, ChoicePicker):
                out[name] = widget.current_id()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
            else:
                out[name] = date_of(widget)  # type: ignore[arg-type]
        return out

    def operation(self) -> Op:
        fields, note = self.values(), self.note.text().strip() or None
        request_id, target = self.request_id, self.to_status
        return ("move_request", lambda s, a: move(s, a, request_id, target, note=note, **fields),
                frozenset({REQUESTS}))
