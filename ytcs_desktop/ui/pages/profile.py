"""Hồ sơ trạm: the station profile (the station's own fields editable), staff, CME progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.stations import update_profile
from ytcs_desktop.store.models import Station
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.staff import StaffDialog
from ytcs_desktop.ui.models.people import CmeModel, StaffModel
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.form import Form

EDITABLE = ("address", "phone", "contact_name", "contact_phone", "head_name", "population")


class ProfilePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        top = QHBoxLayout()
        profile_box = QGroupBox(self.tr("Station profile"))
        pcol = QVBoxLayout(profile_box)
        self.admin = QLabel()
        self.admin.setWordWrap(True)
        self.admin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pcol.addWidget(self.admin)
        self.form = Form()
        captions = {"address": self.tr("Address"), "phone": self.tr("Phone"),
                    "contact_name": self.tr("Contact person"), "contact_phone": self.tr("Contact phone"),
                    "head_name": self.tr("Head of station"), "population": self.tr("Population served")}
        self.edits: dict[str, QLineEdit] = {}
        for name in EDITABLE:
            edit = QLineEdit()
            self.form.add(name, captions[name], edit)
            self.edits[name] = edit
        pcol.addWidget(self.form)
        self.save_button = QPushButton(self.tr("&Save profile"))
        self.saved = QLabel()
        pcol.addLayout(toolbar_row(self.save_button, self.saved))
        top.addWidget(profile_box, 2)
        cme_box = QGroupBox(self.tr("Continuing education (120 periods in 5 years)"))
        ccol = QVBoxLayout(cme_box)
        self.cme = CmeModel(ctx.ops, ctx.actor.station_id, self)
        self.cme_table = make_table(self.cme)
        ccol.addWidget(self.cme_table)
        top.addWidget(cme_box, 3)
        self.layout_.addLayout(top, 3)
        staff_box = QGroupBox(self.tr("Staff"))
        scol = QVBoxLayout(staff_box)
        self.staff = StaffModel(ctx.ops, ctx.actor.station_id, ctx.lang, self)
        self.add_staff_button = QPushButton(self.tr("&Add staff member…"))
        scol.addLayout(toolbar_row(self.add_staff_button))
        self.staff_table = make_table(self.staff)
        scol.addWidget(self.staff_table)
        self.layout_.addWidget(staff_box, 2)
        self.save_button.clicked.connect(self.save)
        self.add_staff_button.clicked.connect(self.add_staff)
        self.staff.loaded.connect(lambda: fit_columns(self.staff_table))
        self.cme.loaded.connect(lambda: fit_columns(self.cme_table))

    def title(self) -> str:
        return self.tr("Station profile")

    def first_load(self) -> None:
        station_id = self.ctx.actor.station_id
        self.ctx.ops.query(lambda s: s.get(Station, station_id) if station_id else None, self.show_station)
        self.staff.refresh()
        self.cme.refresh()

    def show_station(self, station: Station | None) -> None:
        if station is None:
            return
        lang = self.ctx.lang
        licence = station.licence_no or "—"
        if station.licence_date:
            licence += f" ({station.licence_date:%d/%m/%Y})"
        rows = [(self.tr("Name"), station.name), (self.tr("Code"), station.code),
                (self.tr("Commune/ward"), station.commune or "—"), (self.tr("Parent organisation"),
                                                                    station.parent_org or "—"),
                (self.tr("Operating licence"), licence),
                (self.tr("Status"), label("station_status", station.status, lang))]
        self.admin.setText("<table>" + "".join(f"<tr><td style='color:#555;padding-right:12px'>{k}</td>"
                                               f"<td><b>{v}</b></td></tr>" for k, v in rows) + "</table>")
        for name, edit in self.edits.items():
            value = getattr(station, name)
            edit.setText("" if value is None else str(value))

    def save(self) -> None:
        station_id = self.ctx.actor.station_id or ""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        self.form.clear_errors()
        self.saved.clear()
        self.ctx.ops.write("update_profile", lambda s, a: update_profile(s, a, station_id, **values).id,
                           {PROFILE}, on_done=lambda _r: self.saved.setText(self.tr("Saved.")),
                           on_error=self._refused, parent=self)

    def _refused(self, err: DomainError) -> None:
        self.form.show_error(err, self.ctx.lang)

    def add_staff(self) -> StaffDialog:
        dialog = StaffDialog(self.ctx, self)
        dialog.open()
        return dialog
