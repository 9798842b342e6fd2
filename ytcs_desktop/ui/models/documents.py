"""Stock documents: counts and their lines, requisitions and their lines, pending receipts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from ytcs_desktop.domain.documents_list import (
    RequisitionRow as RequisitionRow,  # named here by the pages and dialogs that show requisition lines
)
from ytcs_desktop.domain.documents_list import (
    pending_receipt_rows,
    requisition_list,
    requisition_rows,
    stock_counts,
)
from ytcs_desktop.domain.inventory.counts import count_sheet
from ytcs_desktop.domain.text import fold
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, EditableTableModel, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import REQUISITIONS, STOCK, Operations


def _status(value: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        "draft": QT_TRANSLATE_NOOP("Columns", "Draft"), "submitted": QT_TRANSLATE_NOOP("Columns", "Submitted"),
        "approved": QT_TRANSLATE_NOOP("Columns", "Approved"), "rejected": QT_TRANSLATE_NOOP("Columns", "Rejected"),
        "shipped": QT_TRANSLATE_NOOP("Columns", "Shipped"), "cancelled": QT_TRANSLATE_NOOP("Columns", "Cancelled"),
        "received": QT_TRANSLATE_NOOP("Columns", "Received"),
    }
    text = texts.get(str(value))
    return QCoreApplication.translate("Columns", str(text)) if text else str(value or "")


class CountsModel(RecordTableModel):
    columns = (
        Column("number", QT_TRANSLATE_NOOP("Columns", "Number")),
        Column("count_date", QT_TRANSLATE_NOOP("Columns", "Count date"), fmt=fmt_date),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), fmt=_status),
        Column("team", QT_TRANSLATE_NOOP("Columns", "Team")),
        SYNC_COLUMN,
    )
    areas = frozenset({STOCK})

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        self.station_id = station_id
        super().__init__(ops, parent)

    def fetch(self, session: Session) -> list[Any]:
        return stock_counts(session, self.station_id)


class CountLinesModel(EditableTableModel):
    """The lines of one count: book quantity frozen at start; physical count and reason editable.
    The reason sits beside the count so the item's name stays in sight while it is typed."""

    columns = (
        Column("item", QT_TRANSLATE_NOOP("Columns", "Item")),
        Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
        Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), fmt=fmt_date),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("book_qty", QT_TRANSLATE_NOOP("Columns", "Book quantity"), numeric=True),
        Column("physical_qty", QT_TRANSLATE_NOOP("Columns", "Counted"), numeric=True),
        Column("variance", QT_TRANSLATE_NOOP("Columns", "Variance"), numeric=True,
               getter=lambda r: None if r.physical_qty is None else r.physical_qty - r.book_qty),
        Column("reason", QT_TRANSLATE_NOOP("Columns", "Reason for the difference")),
        Column("place", QT_TRANSLATE_NOOP("Columns", "Place")),
        SYNC_COLUMN,
    )
    editable = frozenset({"physical_qty", "reason"})
    areas = frozenset({STOCK})

    def __init__(self, ops: Operations | None, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.count_id: str | None = None

    def show_count(self, count_id: str | None) -> None:
        self.count_id = count_id
        self.edits.clear()
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        return count_sheet(session, self.count_id) if self.count_id else []

    def search_keys(self, rows: Sequence[Any]) -> list[str]:
        # what a counter reads on the shelf: the name, the code, the lot and the place
        return [fold(f"{r.item} {r.item_code} {r.lot_no} {r.place}") for r in rows]

    def data(self, index: Any, role: int = 0) -> Any:
        from PySide6.QtCore import Qt

        if (role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.row() < len(self._rows)
                and self.columns[index.column()].key == "variance"):
            counted = self.value(index.row(), "physical_qty")
            try:
                diff = int(counted) - self._rows[index.row()].book_qty
            except (TypeError, ValueError):
                return ""
            return f"{diff:+d}" if diff else "0"
        return super().data(index, role)


class RequisitionsModel(RecordTableModel):
    columns = (
        Column("number", QT_TRANSLATE_NOOP("Columns", "Number")),
        Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
        Column("period_from", QT_TRANSLATE_NOOP("Columns", "From"), fmt=fmt_date),
        Column("period_to", QT_TRANSLATE_NOOP("Columns", "To"), fmt=fmt_date),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), fmt=_status),
        Column("centre_note", QT_TRANSLATE_NOOP("Columns", "Centre note")),
        SYNC_COLUMN,
    )
    areas = frozenset({REQUISITIONS, STOCK})

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        self.station_id = station_id  # None: every station (centre)
        super().__init__(ops, parent)

    def fetch(self, session: Session) -> list[Any]:
        return list(requisition_list(session, self.station_id))


class RequisitionLinesModel(EditableTableModel):
    """The lines of a requisition; the station edits requested quantities, the centre approved ones."""

    columns = (
        Column("code", QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("item", QT_TRANSLATE_NOOP("Columns", "Item")),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("on_hand", QT_TRANSLATE_NOOP("Columns", "On hand"), numeric=True),
        Column("avg_monthly_use", QT_TRANSLATE_NOOP("Columns", "Average monthly use"), numeric=True),
        Column("requested_qty", QT_TRANSLATE_NOOP("Columns", "Requested"), numeric=True),
        Column("approved_qty", QT_TRANSLATE_NOOP("Columns", "Approved"), numeric=True),
        SYNC_COLUMN,
    )
    areas = frozenset({REQUISITIONS})

    def __init__(self, ops: Operations | None, editable_key: str, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.editable = frozenset({editable_key})
        self.requisition_id: str | None = None

    def show(self, requisition_id: str | None) -> None:
        self.requisition_id = requisition_id
        self.edits.clear()
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        if not self.requisition_id:
            return []
        return list(requisition_rows(session, self.requisition_id))


class PendingReceiptsModel(RecordTableModel):
    columns = (
        Column("doc_no", QT_TRANSLATE_NOOP("Columns", "Document")),
        Column("shipped_date", QT_TRANSLATE_NOOP("Columns", "Shipped"), fmt=fmt_date),
        Column("item", QT_TRANSLATE_NOOP("Columns", "Item")),
        Column("lot_no", QT_TRANSLATE_NOOP("Columns", "Lot")),
        Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), fmt=fmt_date),
        Column("quantity", QT_TRANSLATE_NOOP("Columns", "Quantity shipped"), numeric=True),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        SYNC_COLUMN,
    )
    areas = frozenset({STOCK, REQUISITIONS})

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        self.station_id = station_id or ""
        super().__init__(ops, parent)

    def fetch(self, session: Session) -> list[Any]:
        return list(pending_receipt_rows(session, self.station_id))
