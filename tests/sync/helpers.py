"""Writes and comparisons shared by the sync tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.export import export_data
from ytcs_desktop.store.models import Fridge, Item, Lot, StockTransaction, SupportRequest

NOW = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def add_item(db: Database, code: str = "PARA500") -> str:
    item_id = new_id()
    with db.transaction() as s:
        s.add(Item(id=item_id, station_id=None, code=f"{code}-{item_id[-6:]}", name="Paracetamol 500 mg",
                   base_unit="viên", category="drug"))
    return item_id


def add_fridge(db: Database, name: str = "Tủ lạnh TCW 2000") -> str:
    fridge_id = new_id()
    with db.transaction() as s:
        s.add(Fridge(id=fridge_id, station_id=db.station_id, name=name))
    return fridge_id


def add_ledger(db: Database, item_id: str, n: int, qty: int = 10) -> str:
    lot_id = new_id()
    with db.transaction() as s:
        s.add(Lot(id=lot_id, station_id=db.station_id, item_id=item_id, lot_no=f"L{lot_id[-5:]}",
                  expiry=dt.date(2028, 1, 31)))
        for i in range(n):
            s.add(StockTransaction(station_id=db.station_id, item_id=item_id, lot_id=lot_id,
                                   txn_date=dt.date(2026, 10, 1 + i % 28), kind="receipt", quantity=qty,
                                   doc_no=f"PN-{i:05d}", source="centre", actor="Nguyễn Thị Lan", created_at=NOW))
    return lot_id


def add_request(db: Database, title: str = "Hỗ trợ đỡ đẻ khó") -> str:
    req_id = new_id()
    with db.transaction() as s:
        s.add(SupportRequest(id=req_id, station_id=db.station_id, kind="clinical", title=title, status="submitted",
                             created_at=NOW, created_by="Nguyễn Thị Lan"))
    return req_id


def visible(export: dict[str, Any], station_id: str | None) -> dict[str, list[dict[str, Any]]]:
    """The rows a station may see: its own partition and the reference rows."""
    return {name: [r for r in rows if r.get("station_id") in (station_id, None)]
            for name, rows in export["tables"].items()}


def exported(db: Database, station_id: str | None = None, everything: bool = False) -> dict[str, Any]:
    with db.read() as s:
        data = export_data(s)
    return data["tables"] if everything else visible(data, station_id)


def row_state(db: Database, table: str, row_id: str) -> tuple[str, str | None]:
    with db.read() as s:
        found = s.execute(text(f'SELECT sync_state, sync_reason FROM "{table}" WHERE id = :i'), {"i": row_id}).one()
    return found[0], found[1]


def count(db: Database, table: str, where: str = "1=1", **params: Any) -> int:
    with db.read() as s:
        return int(s.scalar(text(f'SELECT count(*) FROM "{table}" WHERE {where}'), params))
