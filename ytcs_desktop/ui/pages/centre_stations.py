"""The centre's register of stations: every station at a glance; add a station, open its profile
(rename, administrative fields, status) from here. A figure of a station's row (double-click or Enter)
opens the records it counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.centre_overview import FIGURES, StationGlance, figure_title, station_figure_records
from ytcs_desktop.domain.figures import FigureRecord
from ytcs_desktop.domain.stations import StationProfile, create_station, station_profile
from ytcs_desktop.ui.centre_link import centre_call
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.accounts import AccountsDialog
from ytcs_desktop.ui.dialogs.figure_records import FigureRecordsDialog, open_figure_records
from ytcs_desktop.ui.dialogs.station_profile import StationProfileDialog
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import ROW_ROLE, SearchProxy
from ytcs_desktop.ui.models.centre import DeviceState, StationsModel, device_states
from ytcs_desktop.ui.models.staffing import StaffingModel
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.tasks import TaskControl
from ytcs_desktop.ui.widgets.dialog import OperationDialog


class NewStationDialog(OperationDialog):
    """Thêm trạm: the station is on every centre desktop at once; its accounts can be made after the
    next sync (`ytcs centre add-user … --station CODE`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a station"), parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("for example TYT-AP"))
        self.form.add("code", self.tr("Station code"), self.code)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("for example Trạm Y tế phường An Phú"))
        self.form.add("name", self.tr("Station name"), self.name)
        self.commune = QLineEdit()
        self.form.add("commune", self.tr("Commune/ward"), self.commune)
        self.parent_org = QLineEdit()
        self.parent_org.setPlaceholderText(self.tr("for example UBND phường An Phú"))
        self.form.add("parent_org", self.tr("Parent organisation"), self.parent_org)

    def operation(self) -> Op:
        values: dict[str, Any] = {"code": self.code.text(), "name": self.name.text(),
                                  "commune": self.commune.text().strip() or None,
                                  "parent_org": self.parent_org.text().strip() or None}
        return "add_station", lambda s, a: create_station(s, actor=a, **values).id, frozenset({PROFILE})


class StationsOverviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        note = QLabel(self.tr("Figures come from what each station has sent; the last sync and the clock come "
                              "from the centre server. Red: needs a call today. Double-click a figure (or "
                              "press Enter on it) to list the records it counts."))
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.model = StationsModel(ctx.ops, self, ctx.lang)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.add_button = QPushButton(self.tr("&Add a station…"))
        self.profile_button = QPushButton(self.tr("Station &profile…"))
        self.accounts_button = QPushButton(self.tr("A&ccounts and computers…"))
        self.layout_.addLayout(toolbar_row(search_box(self.tr("Search stations"), self.proxy), self.add_button,
                                           self.profile_button, self.accounts_button, stretch_at=1))
        self.table = make_table(self.model, self.proxy)
        self.layout_.addWidget(self.table, 1)
        self.model.loaded.connect(lambda: fit_columns(self.table))
        # Nhân lực: each station's staff by title, a doctor or not, licence renewals coming.
        staffing_box = QGroupBox(self.tr("Staffing"))
        scol = QVBoxLayout(staffing_box)
        self.staffing = StaffingModel(ctx.ops, ctx.lang, self)
        self.staffing_table = make_table(self.staffing)
        self.staffing_table.setWordWrap(True)
        scol.addWidget(self.staffing_table)
        self.layout_.addWidget(staffing_box, 1)
        self.staffing.loaded.connect(self._staffing_loaded)
        self.add_button.clicked.connect(self.add_station)
        self.profile_button.clicked.connect(self.open_profile)
        self.accounts_button.clicked.connect(self.open_accounts)
        # double-click or Enter: a figure lists its records, any other cell opens the profile
        self.table.activated.connect(self.activate_cell)
        self.dialog: OperationDialog | None = None
        self.records: FigureRecordsDialog | None = None
        self.accounts: AccountsDialog | None = None

    def title(self) -> str:
        return self.tr("Stations")

    def add_station(self) -> NewStationDialog:
        dialog = NewStationDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_accounts(self) -> AccountsDialog:
        dialog = AccountsDialog(self.ctx, self)
        self.accounts = dialog
        dialog.open()
        return dialog

    def selected(self) -> StationGlance | None:
        index = self.table.currentIndex()
        row = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, StationGlance) else None

    def activate_cell(self, index: QModelIndex) -> None:
        column = self.model.columns[index.column()].key if index.isValid() else ""
        if column in FIGURES:
            self.open_figure(column)
        else:
            self.open_profile()

    def open_figure(self, key: str) -> None:
        """The records the chosen station's figure counts, read on the worker, then listed."""
        row = self.selected()
        if row is None or (key in ("reports_missing", "reports_late") and row.status != "active"):
            return
        station_id, name, lang = row.id, row.name, self.ctx.lang

        def show(records: list[FigureRecord]) -> None:
            self.records = open_figure_records(figure_title(key, lang), name, records, {station_id: name}, self)

        self.ctx.ops.query(lambda s: station_figure_records(s, station_id, key, lang=lang), show)

    def open_profile(self) -> None:
        """The chosen station's profile, read on the worker, then its dialog (the centre's fields editable)."""
        row = self.selected()
        if row is None:
            return
        actor, station_id = self.ctx.actor, row.id
        self.ctx.ops.query(lambda s: station_profile(s, actor, station_id), self._show_profile)

    def _show_profile(self, profile: StationProfile) -> None:
        dialog = StationProfileDialog(self.ctx, profile, self)
        self.dialog = dialog
        dialog.open()

    def _staffing_loaded(self) -> None:
        fit_columns(self.staffing_table, 420)
        self.staffing_table.resizeRowsToContents()

    def first_load(self) -> None:
        self.model.refresh()
        self.staffing.refresh()
        self.load_devices()

    def load_devices(self) -> None:
        """Ask the centre server when each station last synced (network pool; offline: left blank)."""
        ctx = self.ctx

        def work(_control: TaskControl) -> dict[str, DeviceState]:
            return device_states(centre_call(ctx, "/api/v1/centre/devices") or [])

        self.ctx.tasks.network(work, self.model.set_devices, lambda _e: None)
