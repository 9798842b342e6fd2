"""Hồ sơ trạm: the station profile (each field edited by its owner in a dialog), staff, CME progress."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.staff_directory import LicenceNotice, licence_notices
from ytcs_desktop.domain.stations import StationProfile, station_profile
from ytcs_desktop.store.models import Staff
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.history import HistoryDialog, open_history
from ytcs_desktop.ui.dialogs.staff import DepartureDialog, StaffDialog
from ytcs_desktop.ui.dialogs.station_profile import (
    ADMIN_FIELDS,
    CONTACT_FIELDS,
    StationProfileDialog,
    field_caption,
    field_text,
    owner_note,
)
from ytcs_desktop.ui.models.people import CmeModel, StaffModel
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class ProfilePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.profile: StationProfile | None = None
        self.dialog: StationProfileDialog | None = None
        top = QHBoxLayout()
        profile_box = QGroupBox(self.tr("Station profile"))
        pcol = QVBoxLayout(profile_box)
        self.admin = QLabel()
        self.contact = QLabel()
        for label in (self.admin, self.contact):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.RichText)
        pcol.addWidget(self.admin)
        pcol.addWidget(self.contact)
        self.binding = QLabel()
        self.binding.setWordWrap(True)
        self.binding.setStyleSheet("color: #555;")
        pcol.addWidget(self.binding)
        self.edit_button = QPushButton(self.tr("&Edit profile…"))
        self.edit_button.setEnabled(False)
        self.saved = QLabel()
        pcol.addLayout(toolbar_row(self.edit_button, self.saved))
        pcol.addStretch(1)
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
        self.edit_staff_button = QPushButton(self.tr("Edi&t…"))
        self.left_button = QPushButton(self.tr("Left the stati&on…"))
        self.staff_history_button = QPushButton(self.tr("&History…"))
        scol.addLayout(toolbar_row(self.add_staff_button, self.edit_staff_button, self.left_button,
                                   self.staff_history_button))
        # Licence renewals and the CME periods behind them, before they are due (domain/staff_directory.py).
        self.licence_warnings = QLabel()
        self.licence_warnings.setWordWrap(True)
        self.licence_warnings.setStyleSheet("color: #8a4b00;")
        self.licence_warnings.hide()
        scol.addWidget(self.licence_warnings)
        self.staff_table = make_table(self.staff)
        self.staff_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.staff_table.customContextMenuRequested.connect(self._staff_menu)
        self.staff_table.doubleClicked.connect(lambda _i: self.edit_staff())
        scol.addWidget(self.staff_table)
        self.layout_.addWidget(staff_box, 2)
        self.edit_button.clicked.connect(self.edit_profile)
        self.add_staff_button.clicked.connect(self.add_staff)
        self.edit_staff_button.clicked.connect(self.edit_staff)
        self.left_button.clicked.connect(self.record_departure)
        self.staff_history_button.clicked.connect(self.staff_history)
        self.staff.loaded.connect(self.load_licence_warnings)
        self.staff.loaded.connect(lambda: fit_columns(self.staff_table))
        self.cme.loaded.connect(lambda: fit_columns(self.cme_table))
        ctx.ops.changed.connect(self._changed)

    def title(self) -> str:
        return self.tr("Station profile")

    def first_load(self) -> None:
        self.load_profile()
        self.staff.refresh()
        self.cme.refresh()

    def _changed(self, areas: frozenset[str]) -> None:
        if self._activated and PROFILE in areas:
            self.load_profile()

    def load_profile(self) -> None:
        actor = self.ctx.actor
        if not actor.station_id:
            return
        self.ctx.ops.query(lambda s: station_profile(s, actor), self.show_profile)

    def _rows(self, profile: StationProfile, names: tuple[str, ...]) -> str:
        lang = self.ctx.lang
        cells = []
        for name in names:
            value = _escape(field_text(profile, name, lang)) or "—"
            note = ("" if name in profile.editable
                    else f" <span style='color:#666'>({_escape(owner_note(name))})</span>")
            cells.append(f"<tr><td style='color:#555;padding-right:12px'>{_escape(field_caption(name))}</td>"
                         f"<td><b>{value}</b>{note}</td></tr>")
        return "<table>" + "".join(cells) + "</table>"

    def show_profile(self, profile: StationProfile) -> None:
        self.profile = profile
        self.admin.setText(self._rows(profile, ADMIN_FIELDS))
        self.contact.setText(self._rows(profile, CONTACT_FIELDS))
        if profile.bound:
            self.binding.setText(self.tr("The centre keeps the administrative fields; the station keeps its "
                                         "contact details."))
        else:
            self.binding.setText(self.tr("Not yet bound to a centre: the station fills in its own parent "
                                         "organisation, commune and licence, which head its printed forms."))
        self.edit_button.setEnabled(bool(profile.editable))

    def edit_profile(self) -> StationProfileDialog | None:
        if self.profile is None:
            return None
        self.saved.clear()
        dialog = StationProfileDialog(self.ctx, self.profile, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.saved.setText(self.tr("Saved.")))
        dialog.open()
        return dialog

    def add_staff(self) -> StaffDialog:
        dialog = StaffDialog(self.ctx, self)
        dialog.open()
        return dialog

    # ----- the staff directory ----------------------------------------------------------------------
    def selected_staff(self) -> Staff | None:
        rows = self.staff_table.selectionModel().selectedRows()
        row = self.staff.row_at(rows[0].row()) if rows else None
        return row if isinstance(row, Staff) else None

    def _staff_menu(self, pos: QPoint) -> QMenu | None:
        index = self.staff_table.indexAt(pos)
        if not index.isValid():
            return None
        self.staff_table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.edit_staff)
        left = menu.addAction(self.tr("Left the station…"), self.record_departure)
        staff = self.selected_staff()
        left.setEnabled(staff is not None and staff.active)
        menu.addAction(self.tr("History…"), self.staff_history)
        menu.popup(self.staff_table.viewport().mapToGlobal(pos))
        return menu

    def edit_staff(self) -> StaffDialog | None:
        staff = self.selected_staff()
        if staff is None:
            return None
        dialog = StaffDialog(self.ctx, self, staff)
        dialog.open()
        return dialog

    def record_departure(self) -> DepartureDialog | None:
        staff = self.selected_staff()
        if staff is None:
            return None
        dialog = DepartureDialog(self.ctx, staff, self)
        dialog.open()
        return dialog

    def staff_history(self) -> HistoryDialog | None:
        staff = self.selected_staff()
        if staff is None:
            return None
        return open_history(self.ctx, "staff", staff.id, staff.full_name, self)

    def load_licence_warnings(self) -> None:
        station_id = self.ctx.actor.station_id
        if station_id is None:
            return
        self.ctx.ops.query(lambda s: licence_notices(s, station_id, dt.date.today()), self._show_warnings)

    def _show_warnings(self, notices: list[LicenceNotice]) -> None:
        self.licence_warnings.setText("\n".join("⚠ " + n.message(self.ctx.lang) for n in notices))
        self.licence_warnings.setVisible(bool(notices))
