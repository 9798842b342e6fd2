"""Audit triggers: SQLite triggers, generated from the model metadata like the change-capture triggers
(store/capture.py), that write one `audit_log` row per insert, update and delete of every syncable table,
in the same transaction as the write: who (the `audit_person` row store/db.py sets when the transaction
begins), when, on which PC, and the values: a new or removed row's as {column: value}, an update's changed
fields as {column: [before, after]}.

Generated, so a table added later is audited without anyone writing a line for it; triggers, so plain-SQL
and bulk writes are audited too. Rows applied by sync (capture paused) are not audited again: they were
audited where they were written and their audit rows arrive by sync too. The trail itself is not audited.
An audit row belongs to the writer's partition: a station's PC writes its own station's, the centre's
desktop the partition of the record it changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, text

from ytcs_desktop.store.base import LOCAL_ONLY_COLUMNS
from ytcs_desktop.store.capture import insert_only_tables, syncable_tables

TRIGGER_PREFIX = "ytcs_audit_"
AUDIT_TABLE = "audit_log"
_NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM sync_capture_pause)"
# Not "fields" of a record to a person: identity and sync bookkeeping.
_UNAUDITED = frozenset({"id", "station_id", "hlc", "origin"}) | LOCAL_ONLY_COLUMNS
_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
_FALLBACK_HLC = (f"printf('%015d-%06d-%s', {_NOW_MS}, 0, "
                 "COALESCE((SELECT value FROM sync_meta WHERE key = 'replica_id'), 'unknown'))")
# A UUIDv7 made in SQL (time-ordered, like new_id()): 48 bits of milliseconds, version 7, variant 10.
_UUID7 = (f"(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-' || "
          f"substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12) "
          f"FROM (SELECT printf('%012x', {_NOW_MS}) AS h, lower(hex(randomblob(10))) AS r))")


def audited_tables() -> list[Table]:
    return [t for t in syncable_tables() if t.name != AUDIT_TABLE]


def audited_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in _UNAUDITED]


def _image(table: Table, row: str) -> str:
    """JSON {column: value} of a whole row (a new one or a removed one): one call, empty values included."""
    return "json_object(" + ", ".join(f"'{c}', {row}.\"{c}\"" for c in audited_columns(table)) + ")"


def _pairs(table: Table) -> str:
    """JSON {column: [before, after]} of the columns an update changed."""
    rows = " UNION ALL ".join(f"SELECT '{c}' AS k, OLD.\"{c}\" AS o, NEW.\"{c}\" AS n" for c in audited_columns(table))
    return f"(SELECT json_group_object(k, json_array(o, n)) FROM ({rows}) WHERE o IS NOT n)"


def _insert(t: str, op: str, row: str, hlc: str, changes: str) -> str:
    # The partition is the writer's: a station's own (also for a catalogue row it offers, which has none),
    # and at the centre the record's (a station's record, or the reference data).
    return f"""INSERT INTO {AUDIT_TABLE} (id, station_id, hlc, origin, deleted, sync_state, table_name, row_id, op,
    person, computer, replica_id, at, changes)
  SELECT {_UUID7}, COALESCE(st.value, {row}.station_id), {hlc}, COALESCE(m.value, ''), 0, 'pending', '{t}', {row}.id,
    {op}, p.person, p.computer, m.value, strftime('%Y-%m-%d %H:%M:%f', 'now'), {changes}
  FROM (SELECT 1) LEFT JOIN audit_person p ON p.id = 1 LEFT JOIN sync_meta m ON m.key = 'replica_id'
    LEFT JOIN sync_meta st ON st.key = 'station_id';"""


def audit_trigger_sql(table: Table, insert_only: bool) -> list[str]:
    t = table.name
    new_hlc = f"CASE WHEN NEW.hlc <> '' THEN NEW.hlc ELSE {_FALLBACK_HLC} END"
    # A row of an insert-only table (the ledger, readings) never changes: the row itself is what was
    # written, so its audit row names who, when and where, and copies no values (half the cost of a
    # delivery note of thousands of lines). A new row of any other table keeps its first values.
    first = "NULL" if insert_only else _image(table, "NEW")
    stmts = [
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_insert AFTER INSERT ON "{t}" WHEN {_NOT_PAUSED}
BEGIN
  {_insert(t, "'insert'", "NEW", new_hlc, first)}
END"""
    ]
    if insert_only:  # updates and deletes are refused by the capture triggers
        return stmts
    cols = audited_columns(table)
    changed_any = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in cols)
    # A tombstone is how the program deletes: it is shown as a delete.
    op = "CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' ELSE 'update' END"
    update_of = ", ".join(f'"{c}"' for c in cols)
    stmts.append(
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_update AFTER UPDATE OF {update_of} ON "{t}"
WHEN {_NOT_PAUSED} AND ({changed_any})
BEGIN
  {_insert(t, op, "NEW", f"CASE WHEN NEW.hlc IS NOT OLD.hlc AND NEW.hlc <> '' THEN NEW.hlc ELSE {_FALLBACK_HLC} END",
           _pairs(table))}
END"""
    )
    stmts.append(
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_delete AFTER DELETE ON "{t}" WHEN {_NOT_PAUSED}
BEGIN
  {_insert(t, "'delete'", "OLD", _FALLBACK_HLC, _image(table, "OLD"))}
END"""
    )
    return stmts


def all_audit_trigger_sql() -> list[str]:
    insert_only = insert_only_tables()
    return [stmt for table in audited_tables() for stmt in audit_trigger_sql(table, table.name in insert_only)]


def drop_audit_triggers(conn: Connection) -> None:
    names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
                         {"p": f"{TRIGGER_PREFIX}%"}).scalars()
    for name in list(names):
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def install_audit_triggers(conn: Connection) -> None:
    drop_audit_triggers(conn)
    for stmt in all_audit_trigger_sql():
        conn.exec_driver_sql(stmt)
