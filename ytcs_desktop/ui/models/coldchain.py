"""Cold chain: quarantined lots and open vials."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.coldchain import active_quarantines
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.vaccines import OpenVial, open_vials
from ytcs_desktop.store import sync_states
from ytcs_desktop.store.models import Quarantine, VialOpening
from ytcs_desktop.store.session import Session
from ytcs_desktop.store.sync_states import SyncState
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import COLDCHAIN, STOCK, Operations

EXPIRED = QColor("#f8d0cd")


class QuarantineModel(RecordTableModel):
    areas = frozenset({COLDCHAIN, STOCK})
    sync_key = "id"

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id or ""
        self.columns = (
            Column("item_name", QT_TRANSLATE_NOOP("Columns", "Item")),
            Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
            Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), fmt=fmt_date),
            Column("on_hand", QT_TRANSLATE_NOOP("Columns", "On hand"), numeric=True),
            Column("fridge_name", QT_TRANSLATE_NOOP("Columns", "Fridge")),
            Column("cause", QT_TRANSLATE_NOOP("Columns", "Cause"),
                   getter=lambda r: label("quarantine_cause", r.cause, lang) if r.cause else r.reason),
            Column("started_at", QT_TRANSLATE_NOOP("Columns", "Since"), fmt=fmt_date),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return active_quarantines(session, self.station_id)

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        return sync_states.by_ids(session, Quarantine, [r.id for r in rows])


class OpenVialsModel(RecordTableModel):
    areas = frozenset({COLDCHAIN, STOCK})
    sync_key = "vial_id"
    columns = (
        Column("item_name", QT_TRANSLATE_NOOP("Columns", "Vaccine")),
        Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
        Column("opened_at", QT_TRANSLATE_NOOP("Columns", "Opened"), fmt=fmt_date),
        Column("expires_at", QT_TRANSLATE_NOOP("Columns", "Discard at"), fmt=fmt_date),
        Column("session_label", QT_TRANSLATE_NOOP("Columns", "Session")),
        Column("doses", QT_TRANSLATE_NOOP("Columns", "Doses"), numeric=True),
        SYNC_COLUMN,
    )

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id or ""

    def fetch(self, session: Session) -> list[Any]:
        return open_vials(session, self.station_id, dt.datetime.now(dt.UTC))

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        return sync_states.by_ids(session, VialOpening, [r.vial_id for r in rows])

    def background(self, row: OpenVial, column: Column) -> QColor | None:
        return EXPIRED if row.expired else None
