"""Stock models: on hand by item and by lot (with expiry colours), the stock card, near-expiry lots."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.inventory import on_hand_by_item, on_hand_by_lot, stock_card
from ytcs_desktop.domain.inventory.stock import (
    DEFAULT_NEAR_EXPIRY_DAYS,
    ItemBalance,
    LotBalance,
    expiry_state,
    is_below_minimum,
    near_expiry_days,
)
from ytcs_desktop.domain.labels import label
from ytcs_desktop.store import sync_states
from ytcs_desktop.store.session import Session
from ytcs_desktop.store.sync_states import SyncState
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date, fmt_number
from ytcs_desktop.ui.operations import STOCK, Operations

EXPIRED = QColor("#f8d0cd")
NEAR_EXPIRY = QColor("#fff0c2")
QUARANTINED = QColor("#e6dcf5")
BELOW_MIN = QColor("#fde2e1")


class _StationModel(RecordTableModel):
    areas: ClassVar[frozenset[str]] = frozenset({STOCK})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        self.station_id = station_id or ""
        self.lang = lang
        self.today = dt.date.today()
        self.near_days = DEFAULT_NEAR_EXPIRY_DAYS  # the station's own, read with each fetch
        super().__init__(ops, parent)


def _ledger_scan(model: _StationModel, session: Session) -> sync_states.LedgerScan:
    """One read of the ledger per change, whichever of the lot and item lists asks first."""
    station = model.station_id
    if model.ops is None:
        return sync_states.ledger_scan(session, station)
    return model.ops.memo(("ledger_scan", station), lambda: sync_states.ledger_scan(session, station))


class ItemStockModel(_StationModel):
    """Stock on hand per item: the ledger summed, with min/max and the nearest expiry. Sync shows the
    worst state among the item's lots, their movements and its min/max levels."""

    sync_key = "item_id"
    tint_refused_row = False
    columns = (
        Column("code", QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Item")),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("quantity", QT_TRANSLATE_NOOP("Columns", "On hand"), numeric=True),
        Column("min_stock", QT_TRANSLATE_NOOP("Columns", "Minimum"), numeric=True),
        Column("max_stock", QT_TRANSLATE_NOOP("Columns", "Maximum"), numeric=True,
               fmt=lambda v: fmt_number(v) if v else "—"),  # 0: no maximum (two months of use are asked for)
        Column("nearest_expiry", QT_TRANSLATE_NOOP("Columns", "Nearest expiry"), fmt=fmt_date),
        SYNC_COLUMN,
    )

    def fetch(self, session: Session) -> list[Any]:
        self.today = dt.date.today()
        self.near_days = near_expiry_days(session)
        return on_hand_by_item(session, self.station_id)

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        return sync_states.item_states(session, self.station_id, _ledger_scan(self, session))

    def background(self, row: ItemBalance, column: Column) -> QColor | None:
        if column.key == "quantity" and is_below_minimum(row):
            return BELOW_MIN
        if column.key == "nearest_expiry":
            state = expiry_state(row.nearest_expiry, self.today, self.near_days)
            return {"expired": EXPIRED, "near": NEAR_EXPIRY}.get(state)
        return None

    def tooltip(self, row: ItemBalance, column: Column) -> str | None:
        if column.key == "quantity" and is_below_minimum(row):
            return QCoreApplication.translate("StockModels", "Below the minimum stock")
        return None


class LotStockModel(_StationModel):
    """Stock on hand per lot, coloured by expiry: expired, expiring within the station's near-expiry days,
    quarantined. Sync
    shows the worst state among the lot record and its movements."""

    sync_key = "lot_id"
    tint_refused_row = False
    columns = (
        Column("item_code", QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("item_name", QT_TRANSLATE_NOOP("Columns", "Item")),
        Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
        Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), fmt=fmt_date),
        Column("quantity", QT_TRANSLATE_NOOP("Columns", "On hand"), numeric=True),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("state", QT_TRANSLATE_NOOP("Columns", "State")),
        SYNC_COLUMN,
    )

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, station_id, lang, parent)
        self.columns = tuple(  # type: ignore[assignment]
            Column(c.key, c.title, getter=lambda r: lot_state_text(r, self.today, self.near_days))
            if c.key == "state" else c for c in type(self).columns)

    def fetch(self, session: Session) -> list[Any]:
        self.today = dt.date.today()
        self.near_days = near_expiry_days(session)
        return on_hand_by_lot(session, self.station_id)

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        return sync_states.lot_states(session, self.station_id, _ledger_scan(self, session))

    def background(self, row: LotBalance, column: Column) -> QColor | None:
        state = expiry_state(row.expiry, self.today, self.near_days, row.quarantined)
        return {"expired": EXPIRED, "near": NEAR_EXPIRY, "quarantined": QUARANTINED}.get(state)


def lot_state_text(row: LotBalance, today: dt.date, near_days: int = DEFAULT_NEAR_EXPIRY_DAYS) -> str:
    state = expiry_state(row.expiry, today, near_days, row.quarantined)
    texts = {
        "quarantined": QCoreApplication.translate("StockModels", "Quarantined"),
        "expired": QCoreApplication.translate("StockModels", "Expired"),
        "near": QCoreApplication.translate("StockModels", "Expires within %1 days").replace("%1", str(near_days)),
    }
    parts = [texts.get(state, "")]
    if row.vvm_stage:
        parts.append(f"VVM {row.vvm_stage}")
    return " · ".join(p for p in parts if p)


class StockCardModel(_StationModel):
    """Thẻ kho: every movement of one item in a date range with the running balance, each with the
    sync state of its ledger row."""

    sync_key = "txn_id"
    columns = (
        Column("date", QT_TRANSLATE_NOOP("Columns", "Date"), fmt=fmt_date),
        Column("doc_no", QT_TRANSLATE_NOOP("Columns", "Document")),
        Column("kind", QT_TRANSLATE_NOOP("Columns", "Movement")),  # replaced per language in __init__
        Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
        Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), fmt=fmt_date),
        Column("description", QT_TRANSLATE_NOOP("Columns", "Description")),
        Column("qty_in", QT_TRANSLATE_NOOP("Columns", "In"), numeric=True),
        Column("qty_out", QT_TRANSLATE_NOOP("Columns", "Out"), numeric=True),
        Column("balance", QT_TRANSLATE_NOOP("Columns", "Balance"), numeric=True),
        SYNC_COLUMN,
    )

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, station_id, lang, parent)
        self.columns = tuple(  # type: ignore[assignment]
            Column("kind", c.title, getter=lambda r: kind_label(r.kind, lang)) if c.key == "kind" else c
            for c in type(self).columns
        )
        self.item_id: str | None = None
        today = dt.date.today()
        self.date_from = today.replace(day=1) - dt.timedelta(days=365)
        self.date_to = today
        self.opening = 0
        self.closing = 0

    def show_item(self, item_id: str | None, date_from: dt.date, date_to: dt.date) -> None:
        self.item_id, self.date_from, self.date_to = item_id, date_from, date_to
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        if not self.item_id:
            self.opening = self.closing = 0
            return []
        card = stock_card(session, self.station_id, self.item_id, self.date_from, self.date_to)
        self.opening, self.closing = card.opening, card.closing
        return card.lines

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        if not self.item_id or not rows:
            return {}
        return sync_states.ledger_line_states(session, self.station_id, self.item_id, self.date_from, self.date_to)


def kind_label(kind: str, lang: str) -> str:
    texts = {
        "receipt": ("Nhập kho", "Receipt"), "issue": ("Xuất sử dụng", "Issue"),
        "transfer_out": ("Điều chuyển đi", "Transfer out"), "transfer_in": ("Điều chuyển đến", "Transfer in"),
        "adjustment": ("Điều chỉnh", "Adjustment"), "count": ("Điều chỉnh kiểm kê", "Count correction"),
        "disposal": ("Hủy", "Disposal"), "reversal": ("Đảo bút toán", "Reversal"),
    }
    vi, en = texts.get(kind, (kind, kind))
    return en if lang.startswith("en") else vi


def category_text(category: str, lang: str) -> str:
    return label("item_category", category, lang)
