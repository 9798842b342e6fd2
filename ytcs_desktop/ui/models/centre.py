"""Centre views: every station at a glance, rotation visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.centre_overview import StationGlance, glance
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.lookups import centre_staff_names, station_names
from ytcs_desktop.domain.rotations import list_visits
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import ALL_AREAS, Operations

ATTENTION = QColor("#fdecea")
ATTENTION_COLUMNS = ("stock_outs", "missing_readings", "quarantined", "clock_suspect", "reports_missing")


@dataclass(frozen=True)
class DeviceState:
    """What the centre server knows of a station's computers: the last sync and a suspect clock."""

    last_seen: dt.datetime | None
    clock_suspect: bool


def device_states(devices: list[dict[str, Any]]) -> dict[str, DeviceState]:
    """Per station: the latest `last_seen` of its devices, and whether any has a suspect clock."""
    out: dict[str, DeviceState] = {}
    for d in devices:
        sid = d.get("station_id")
        if not sid or d.get("revoked"):
            continue
        seen = None
        if d.get("last_seen"):
            try:
                seen = dt.datetime.fromisoformat(str(d["last_seen"]).replace("Z", "+00:00"))
            except ValueError:
                seen = None
        old = out.get(sid)
        latest = max((x for x in (seen, old.last_seen if old else None) if x is not None), default=None)
        out[sid] = DeviceState(latest, bool(d.get("clock_suspect")) or bool(old and old.clock_suspect))
    return out


class StationsModel(RecordTableModel):
    """Every station; `set_devices` adds what the centre server knows (last sync, clock)."""

    areas = ALL_AREAS
    devices: dict[str, DeviceState] = {}
    columns = (
        Column("name", QT_TRANSLATE_NOOP("Columns", "Station")),
        Column("code", QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status")),
        Column("last_sync", QT_TRANSLATE_NOOP("Columns", "Last sync"), fmt=fmt_date),
        Column("clock_suspect", QT_TRANSLATE_NOOP("Columns", "Clock suspect")),
        Column("last_activity", QT_TRANSLATE_NOOP("Columns", "Last stock movement"), fmt=fmt_date),
        Column("open_requests", QT_TRANSLATE_NOOP("Columns", "Open requests"), numeric=True),
        Column("stock_outs", QT_TRANSLATE_NOOP("Columns", "Stock-outs"), numeric=True),
        Column("below_minimum", QT_TRANSLATE_NOOP("Columns", "Below minimum"), numeric=True),
        Column("missing_readings", QT_TRANSLATE_NOOP("Columns", "Missing readings (7 days)"), numeric=True),
        Column("quarantined", QT_TRANSLATE_NOOP("Columns", "Quarantined lots"), numeric=True),
        Column("reports_missing", QT_TRANSLATE_NOOP("Columns", "Reports missing"), numeric=True),
        Column("reports_late", QT_TRANSLATE_NOOP("Columns", "Reports sent late"), numeric=True),
    )

    def __init__(self, ops: Operations | None, parent: QObject | None = None, lang: str = "vi") -> None:
        super().__init__(ops, parent)
        self.devices = {}
        self.columns = tuple(  # type: ignore[assignment]
            Column(c.key, c.title, c.numeric, c.fmt, getter=self._device_value(c.key))
            if c.key in ("last_sync", "clock_suspect") else
            Column(c.key, c.title, getter=lambda r: label("station_status", r.status, lang))
            if c.key == "status" else c
            for c in type(self).columns
        )

    def _device_value(self, key: str) -> Any:
        def get(row: StationGlance) -> Any:
            state = self.devices.get(row.id)
            if state is None:
                return None
            return state.last_seen if key == "last_sync" else state.clock_suspect
        return get

    def set_devices(self, devices: dict[str, DeviceState]) -> None:
        self.devices = devices
        self.set_rows(self._rows)

    def fetch(self, session: Session) -> list[Any]:
        return glance(session)  # the reports columns are blank for a station not active: none is asked of it

    def background(self, row: StationGlance, column: Column) -> QColor | None:
        value = column.value(row)
        if column.key in ATTENTION_COLUMNS and value:
            return ATTENTION
        return None


class VisitsModel(RecordTableModel):
    areas = frozenset({"requests"})

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.names: dict[str, str] = {}
        self.columns = (
            Column("date_from", QT_TRANSLATE_NOOP("Columns", "From"), fmt=fmt_date),
            Column("date_to", QT_TRANSLATE_NOOP("Columns", "To"), fmt=fmt_date),
            Column("staff", QT_TRANSLATE_NOOP("Columns", "Staff member"),
                   getter=lambda v: self.names.get(v.staff_id, "")),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station"),
                   getter=lambda v: self.names.get(v.station_id or "", "")),
            Column("purpose", QT_TRANSLATE_NOOP("Columns", "Purpose")),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda v: label("visit_status", v.status, lang)),
            Column("patients_seen", QT_TRANSLATE_NOOP("Columns", "Patients seen"), numeric=True),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        self.names = {**station_names(session), **centre_staff_names(session)}
        return list(reversed(list_visits(session)))
