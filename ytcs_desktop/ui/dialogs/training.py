"""A new training session, and one attendee."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.training import create_session, record_attendance
from ytcs_desktop.domain.village_workers import list_workers
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.operations import PROFILE, TRAINING
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class SessionDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New training session"), parent)
        self.topic = QLineEdit()
        self.form.add("topic", self.tr("Topic"), self.topic)
        self.programme = combo(choices("programme", ctx.lang))
        self.form.add("programme", self.tr("Programme"), self.programme)
        self.organiser = QLineEdit()
        self.form.add("organiser", self.tr("Organiser"), self.organiser)
        self.date_from = date_edit()
        self.form.add("date_from", self.tr("From"), self.date_from)
        self.date_to = date_edit(dt.date.today())
        self.form.add("date_to", self.tr("To"), self.date_to)
        self.periods = QLineEdit()
        self.periods.setPlaceholderText(self.tr("number of periods (tiết)"))
        self.form.add("periods", self.tr("Periods"), self.periods)
        self.format = combo(choices("training_format", ctx.lang))
        self.form.add("format", self.tr("Format"), self.format)
        self.place = QLineEdit()
        self.form.add("place", self.tr("Place"), self.place)
        self.trainers = QLineEdit()
        self.form.add("trainers", self.tr("Trainers"), self.trainers)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "topic": self.topic.text(), "programme": self.programme.currentData(),
            "organiser": self.organiser.text(), "date_from": date_of(self.date_from),
            "date_to": date_of(self.date_to), "periods": self.periods.text(), "format": self.format.currentData(),
            "place": self.place.text() or None, "trainers": self.trainers.text() or None,
        }
        return "create_session", lambda s, a: create_session(s, a, **values).id, frozenset({TRAINING})


class AttendeeDialog(OperationDialog):
    def __init__(self, ctx: AppContext, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add an attendee"), parent)
        self.session_id = session_id
        self.staff = ChoicePicker(self.tr("A staff member…"), allow_empty=True)
        self.form.add("staff_id", self.tr("Staff member"), self.staff)
        self.village_worker = ChoicePicker(self.tr("…or a village health worker…"), allow_empty=True)
        self.form.add("village_worker_id", self.tr("Village health worker"), self.village_worker)
        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText(self.tr("…or the name of a village health worker"))
        self.form.add("person_name", self.tr("Other person"), self.person_name)
        self.result_combo = combo([("", ""), *choices("attendance_result", ctx.lang)], "attended")
        self.form.add("result", self.tr("Result"), self.result_combo)
        self.certificate = QLineEdit()
        self.form.add("certificate_no", self.tr("Certificate no."), self.certificate)
        station = None if ctx.is_centre else ctx.actor.station_id
        self.staff.load(ctx.ops, lambda s: lookups.staff(s, station))
        self.village_worker.load(ctx.ops, lambda s: [Choice(w.id, f"{w.full_name} ({w.hamlet})")
                                                     for w in list_workers(s, station)])

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "session_id": self.session_id, "staff_id": self.staff.current_id(),
            "village_worker_id": self.village_worker.current_id(),
            "person_name": self.person_name.text() or None, "result": self.result_combo.currentData() or None,
            "certificate_no": self.certificate.text() or None,
        }
        return ("record_attendance", lambda s, a: record_attendance(s, a, **values).id,
                frozenset({TRAINING, PROFILE}))
