"""What a printed form needs from the user before it is made: the parties of the handover minutes and
the free-text sections (handover, weekly report).

The last values entered are kept in this database's local settings (not synced), so the next print of
the same form starts from them; the document number and time are asked afresh each time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QTimeEdit, QWidget

from ytcs_desktop.domain.reportdata.handover import HandoverInput
from ytcs_desktop.domain.reportdata.remembered import NOT_REMEMBERED, remember_input, remembered_input
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.widgets.dialog import OperationDialog

PARTY_KEYS = ("handing_over", "receiving", "witnesses")
HANDOVER_LISTS = ("records", "equipment")
WEEKLY_LISTS = ("difficulties", "proposals")


def needs_input(options: tuple[str, ...]) -> bool:
    return "parties" in options


def remembered(db: Database, report: str) -> dict[str, Any]:
    """The values last entered for `report` in this database ({} when none)."""
    with db.read() as s:  # one row by primary key: read where the dialog opens
        return remembered_input(s, report)


class PartyRow(QWidget):
    """Name, position and unit of one person, side by side; the focus goes to the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name"))
        self.position = QLineEdit()
        self.position.setPlaceholderText(self.tr("Position"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("Unit"))
        row.addWidget(self.name, 3)
        row.addWidget(self.position, 2)
        row.addWidget(self.unit, 2)
        self.setFocusProxy(self.name)

    def value(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "position": self.position.text().strip(),
                "unit": self.unit.text().strip()}

    def set_value(self, value: Any) -> None:
        person = value[0] if isinstance(value, list) and value else value
        if isinstance(person, dict):
            self.name.setText(str(person.get("name", "")))
            self.position.setText(str(person.get("position", "")))
            self.unit.setText(str(person.get("unit", "")))


def _lines_edit(placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _set_lines(edit: QPlainTextEdit, value: Any) -> None:
    if isinstance(value, list):
        edit.setPlainText("\n".join(str(x) for x in value))
    elif isinstance(value, str):
        edit.setPlainText(value)


class ReportInputDialog(OperationDialog):
    """The user's part of a form. Continue checks it with the domain's own reading of the input (the
    message goes under the field it names, nothing typed is lost), remembers it in the database and
    closes; `values()` is then what goes into the report request as its `parties`."""

    asks_before_discarding = False  # the reports page keeps a cancelled form's input as its next draft

    def __init__(self, ctx: AppContext, report: str, title: str, day: dt.date,
                 initial: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.report = report
        self.day = day
        self.setMinimumWidth(640)
        self.save_button.setText(self.tr("Continue"))
        self.parties: dict[str, PartyRow] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.lines: dict[str, QLineEdit] = {}
        if report == "handover":
            note = self.tr("Stock on hand by lot and the open support requests are filled in from the records "
                           "at the end of %1.").replace("%1", fmt_date(day))
            self._handover_fields()
        elif report == "support-programme":
            note = self.tr("Every figure is counted from the records; write the centre's assessment of the period "
                           "(the mid-year evaluation in the third quarter, the year-end review in the fourth).")
            self._assessment_fields()
        else:
            note = self.tr("The figures are counted from the records; write what the report cannot count.")
            self._weekly_fields()
        hint = QLabel(note)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.body.insertWidget(0, hint)
        self.set_values(initial or {})

    def _handover_fields(self) -> None:
        captions = {"handing_over": self.tr("Handing over"), "receiving": self.tr("Receiving"),
                    "witnesses": self.tr("Witness")}
        for key in PARTY_KEYS:
            self.parties[key] = PartyRow()
            self.form.add(key, captions[key], self.parties[key])
        self.lines["number"] = QLineEdit()
        self.lines["number"].setPlaceholderText(self.tr("e.g. 01/BB-TYT"))
        self.form.add("number", self.tr("Number"), self.lines["number"])
        self.time = QTimeEdit(QTime.currentTime())
        self.time.setDisplayFormat("HH:mm")
        self.time.setMaximumWidth(110)
        self.form.add("time", self.tr("Time (on %1)").replace("%1", fmt_date(self.day)), self.time)
        self.lines["place"] = QLineEdit()
        self.lines["place"].setPlaceholderText(self.tr("the station, when left empty"))
        self.form.add("place", self.tr("Place"), self.lines["place"])
        self.lines["reason"] = QLineEdit()
        self.form.add("reason", self.tr("Reason for the handover"), self.lines["reason"])
        one_per_line = self.tr("one per line")
        self.form.new_column(captions_above=True)  # the free text beside the parties: the dialog fits a laptop screen
        self.texts["records"] = _lines_edit(one_per_line)
        self.form.add("records", self.tr("Records handed over"), self.texts["records"])
        self.texts["equipment"] = _lines_edit(one_per_line)
        self.form.add("equipment", self.tr("Equipment, other notes"), self.texts["equipment"])
        self.texts["conclusion"] = _lines_edit(self.tr("the usual sentence, when left empty"))
        self.form.add("conclusion", self.tr("Conclusion"), self.texts["conclusion"])

    def _assessment_fields(self) -> None:
        self.texts["assessment"] = _lines_edit(self.tr("what went well, what did not, what comes next"), 160)
        self.form.add("assessment", self.tr("The centre's assessment"), self.texts["assessment"])

    def _weekly_fields(self) -> None:
        one_per_line = self.tr("one per line")
        self.texts["difficulties"] = _lines_edit(one_per_line, 110)
        self.form.add("difficulties", self.tr("Difficulties"), self.texts["difficulties"])
        self.texts["proposals"] = _lines_edit(one_per_line, 110)
        self.form.add("proposals", self.tr("Proposals"), self.texts["proposals"])

    # ----- values ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The input in the JSON shape `ytcs report … --parties FILE.json` reads."""
        out: dict[str, Any] = {key: [row.value()] for key, row in self.parties.items()}
        for key, line in self.lines.items():
            out[key] = line.text().strip()
        for key, edit in self.texts.items():
            out[key] = _lines(edit) if key in HANDOVER_LISTS + WEEKLY_LISTS else edit.toPlainText().strip()
        if self.report == "handover":
            moment = dt.datetime.combine(self.day, dt.time(self.time.time().hour(), self.time.time().minute()))
            out["time"] = moment.isoformat(timespec="minutes")
            out["number"] = out["number"] or None
            out["place"] = out["place"] or None
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, row in self.parties.items():
            row.set_value(values.get(key))
        for key, line in self.lines.items():
            if key not in NOT_REMEMBERED and isinstance(values.get(key), str):
                line.setText(values[key])
        for key, edit in self.texts.items():
            _set_lines(edit, values.get(key))

    def submit(self) -> None:
        super().submit()
        # A message under a field needs room: grow rather than squeeze the text boxes.
        self.body.activate()
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    def operation(self) -> Op:
        values = self.values()
        if self.report == "handover":
            HandoverInput.from_json(values)  # the domain's refusal comes back under its field
        report = self.report
        return "remember_report_input", lambda s, _a: remember_input(s, report, values), frozenset()
