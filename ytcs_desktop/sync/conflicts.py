"""The conflict log the user sees: values that lost to a later write, or that the centre refused.

`undo` puts the losing value back as a new local write (stamped now, so it wins when pushed, if the
writer still owns the field); `dismiss` keeps what won. Both mark the entry resolved. Rows of
insert-only tables are never edited, so their entries can only be dismissed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from ytcs_desktop.store.capture import insert_only_tables
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync.apply import COLUMNS


@dataclass(frozen=True)
class ConflictEntry:
    id: int
    table: str
    row_id: str
    # "*": a whole row: an insert-only row (a reading) that lost to another PC's with the same natural
    # key, or a pulled row kept aside because it broke a local unique rule
    field: str
    losing_value: Any
    losing_hlc: str
    winning_value: Any
    winning_hlc: str
    recorded_at: str
    resolved: bool


def _value(raw: str | None) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def list_conflicts(db: Database, *, row_id: str | None = None, include_resolved: bool = False) -> list[ConflictEntry]:
    sql = ("SELECT id, table_name, row_id, field, losing_value, losing_hlc, winning_value, winning_hlc, recorded_at, "
           "resolved FROM sync_conflicts WHERE (:r IS NULL OR row_id = :r) AND (:all OR resolved = 0) ORDER BY id")
    with db.read() as s:
        found = s.execute(text(sql), {"r": row_id, "all": include_resolved}).all()
    return [ConflictEntry(r[0], r[1], r[2], r[3], _value(r[4]), r[5], _value(r[6]), r[7], str(r[8]), bool(r[9]))
            for r in found]


def dismiss(db: Database, conflict_id: int) -> None:
    with db.transaction() as s:
        s.execute(text("UPDATE sync_conflicts SET resolved = 1 WHERE id = :i"), {"i": conflict_id})


def undo(db: Database, conflict_id: int) -> None:
    """Write the losing value back on its record; the next sync pushes it like any edit."""
    entry = next((c for c in list_conflicts(db, include_resolved=True) if c.id == conflict_id), None)
    if (entry is None or entry.field == "*" or entry.field not in COLUMNS.get(entry.table, [])
            or entry.table in insert_only_tables()):  # a reading is never edited: it can only be dismissed
        raise ValueError(f"conflict {conflict_id} cannot be undone automatically")
    origin = db.replica_id
    with db.transaction() as s:
        s.connection()  # the write lock (BEGIN IMMEDIATE) before the stamp, as every local write (see settle_clock)
        s.execute(text(f'UPDATE "{entry.table}" SET "{entry.field}" = :v, hlc = :h, origin = :o, '
                       "sync_state = 'pending', sync_reason = NULL WHERE id = :i"),
                  {"v": entry.losing_value, "h": db.clock.now(), "o": origin, "i": entry.row_id})
        s.execute(text("UPDATE sync_conflicts SET resolved = 1 WHERE id = :i"), {"i": conflict_id})
