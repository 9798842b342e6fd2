"""Editing a station profile: each field by the side that owns it (domain/stations.py).

The dialog shows every field; the ones the user may change are inputs, the others their value with
the owner's name beside it ("do Trung tâm quản lý"). Only the fields changed are sent, so saving
never rewrites a value the user did not touch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.domain.stations import StationProfile, field_owner, update_profile
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo

# The profile's fields in the order the page and the dialog show them: the administrative ones first.
ADMIN_FIELDS = ("code", "name", "commune", "parent_org", "licence_no", "licence_date", "licence_issuer", "status")
CONTACT_FIELDS = ("head_name", "contact_name", "contact_phone", "address", "phone", "population", "satellite_posts")
NOT_IN_DIALOG = frozenset({"code"})  # the station's identity at the centre: shown, never edited here


def field_caption(name: str) -> str:
    """The caption of a profile field, in the window's language."""
    captions = {
        "code": QCoreApplication.translate("StationProfile", "Station code"),
        "name": QCoreApplication.translate("StationProfile", "Station name"),
        "commune": QCoreApplication.translate("StationProfile", "Commune/ward"),
        "parent_org": QCoreApplication.translate("StationProfile", "Parent organisation"),
        "licence_no": QCoreApplication.translate("StationProfile", "Operating licence no."),
        "licence_date": QCoreApplication.translate("StationProfile", "Licence date"),
        "licence_issuer": QCoreApplication.translate("StationProfile", "Licence issued by"),
        "status": QCoreApplication.translate("StationProfile", "Status"),
        "head_name": QCoreApplication.translate("StationProfile", "Head of station"),
        "contact_name": QCoreApplication.translate("StationProfile", "Contact person"),
        "contact_phone": QCoreApplication.translate("StationProfile", "Contact phone"),
        "address": QCoreApplication.translate("StationProfile", "Address"),
        "phone": QCoreApplication.translate("StationProfile", "Phone"),
        "population": QCoreApplication.translate("StationProfile", "Population served"),
        "satellite_posts": QCoreApplication.translate("StationProfile", "Satellite posts"),
    }
    return captions[name]


def owner_note(name: str) -> str:
    """Who keeps a field the user may not change: "do Trung tâm quản lý" / "set by the centre"."""
    if field_owner(name) == "centre":
        return QCoreApplication.translate("StationProfile", "set by the centre")
    return QCoreApplication.translate("StationProfile", "set by the station")


def field_text(profile: StationProfile, name: str, lang: str) -> str:
    """A field's value as the page shows it (and as the dialog's input starts)."""
    station = profile.station
    if name == "licence_date":
        return day_text(station.licence_date, lang)  # the date field's own dd/mm/yyyy
    if name == "status":
        return label("station_status", station.status, lang)
    if name == "satellite_posts":
        return "\n".join(profile.satellite_posts)
    value = getattr(station, name)
    return "" if value is None else str(value)


class StationProfileDialog(OperationDialog):
    def __init__(self, ctx: AppContext, profile: StationProfile, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Station profile – %1").replace("%1", profile.station.name), parent)
        self.profile = profile
        self.setMinimumWidth(560)
        self.editors: dict[str, QWidget] = {}
        self.start: dict[str, str] = {}
        if not profile.bound and ctx.actor.role == "station":
            note = QLabel(self.tr("This station is not yet bound to a centre: it fills in its own parent "
                                  "organisation, commune and licence. Once it syncs with its centre, the centre "
                                  "keeps them."))
            note.setWordWrap(True)
            self.form.add_row(note)
        for name in (*ADMIN_FIELDS, *CONTACT_FIELDS):
            if name == CONTACT_FIELDS[0]:
                self.form.new_column()  # the contacts beside the administrative fields: fits a laptop screen
            text = field_text(profile, name, ctx.lang)
            if name in profile.editable and name not in NOT_IN_DIALOG:
                widget = self._input(name, text)
                self.editors[name] = widget
                self.start[name] = self._value(name)
                self.form.add(name, field_caption(name), widget)
            else:
                shown = QLabel(f"<b>{_escape(text) or '—'}</b> <span style='color:#666'>"
                               f"({_escape(owner_note(name))})</span>")
                shown.setObjectName(f"owner_{name}")
                shown.setWordWrap(True)
                self.form.add(name, field_caption(name), shown)

    def _input(self, name: str, text: str) -> QWidget:
        if name == "status":
            return combo(choices("station_status", self.ctx.lang), self.profile.station.status)
        if name == "satellite_posts":
            box = QPlainTextEdit(text)
            box.setPlaceholderText(self.tr("One satellite post per line"))
            box.setTabChangesFocus(True)
            box.setFixedHeight(80)
            return box
        edit = QLineEdit(text)
        if name == "licence_date":
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        return edit

    def _value(self, name: str) -> str:
        widget = self.editors[name]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def changed_values(self) -> dict[str, Any]:
        return {name: self._value(name) for name in self.editors if self._value(name) != self.start[name]}

    def operation(self) -> Op:
        station_id, values = self.profile.station.id, self.changed_values()
        return ("update_profile", lambda s, a: update_profile(s, a, station_id, **values).id,
                frozenset({PROFILE}))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
