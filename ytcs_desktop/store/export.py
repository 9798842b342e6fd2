"""A portable, deterministic image of every syncable row (`ytcs export`).

Two replicas that hold the same rows give byte-identical exports: tables sorted by name, rows by id,
keys sorted, values normalised through the column types (dates ISO, timestamps UTC ISO, booleans
true/false). Local bookkeeping (sync_state, sync_reason) is left out: it differs between replicas by
design.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ytcs_desktop.store.base import LOCAL_ONLY_COLUMNS
from ytcs_desktop.store.capture import syncable_tables

EXPORT_FORMAT = "ytcs-export"
EXPORT_VERSION = 1


def json_value(value: Any) -> Any:
    """A column value as JSON-ready data that compares equal across replicas."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def exported_columns(table: Table) -> list[str]:
    return sorted(c.name for c in table.columns if c.name not in LOCAL_ONLY_COLUMNS)


def table_rows(s: Session, table: Table) -> list[dict[str, Any]]:
    columns = exported_columns(table)
    stmt = select(*(table.c[name] for name in columns)).order_by(table.c.id)
    return [{name: json_value(value) for name, value in zip(columns, row, strict=True)}
            for row in s.execute(stmt)]


def export_data(s: Session) -> dict[str, Any]:
    """Every syncable row of every syncable table, tombstones included."""
    tables = sorted(syncable_tables(), key=lambda t: t.name)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "tables": {t.name: table_rows(s, t) for t in tables},
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_export(s: Session, out: TextIO) -> dict[str, int]:
    """Write the export as JSON; returns the row count per table."""
    data = export_data(s)
    out.write(dumps(data))
    return {name: len(rows) for name, rows in data["tables"].items()}
