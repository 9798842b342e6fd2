"""Change capture: SQLite triggers, generated from the model metadata, that write one outbox row per
insert, update and delete of every syncable table, in the same transaction as the write.

Triggers (rather than ORM events) also catch bulk writes made with sqlite-utils or plain SQL, so no
write can reach a syncable table behind the outbox's back. They are dropped while migrations run
(capture off: a migration never re-queues rows) and re-created from the metadata afterwards.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, text

from ytcs_desktop.store.base import LOCAL_ONLY_COLUMNS, Base

TRIGGER_PREFIX = "ytcs_cap_"
_NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM sync_capture_pause)"
# Used when a writer did not stamp the row (plain SQL): wall time, counter 0, this replica.
_FALLBACK_HLC = (
    "printf('%015d-%06d-%s', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0, "
    "COALESCE((SELECT value FROM sync_meta WHERE key = 'replica_id'), 'unknown'))"
)


def syncable_tables() -> list[Table]:
    """Every table whose mapped class carries the sync columns, in dependency order."""
    names = {
        mapper.class_.__table__.name
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__syncable__", False)
    }
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def insert_only_tables() -> set[str]:
    return {
        mapper.class_.__table__.name
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__insert_only__", False)
    }


def wire_columns(table: Table) -> list[str]:
    """Columns that travel on the wire: everything but local sync bookkeeping."""
    return [c.name for c in table.columns if c.name not in LOCAL_ONLY_COLUMNS]


def _json_image(table: Table, alias: str) -> str:
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in wire_columns(table))
    return f"json_object({pairs})"


def trigger_sql(table: Table, insert_only: bool) -> list[str]:
    t = table.name
    cols = wire_columns(table)
    data_cols = [c for c in cols if c not in ("hlc", "origin")]
    outbox = "INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, hlc, fields, changed) VALUES "
    mutation_id = "lower(hex(randomblob(16)))"
    stmts = [
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_insert AFTER INSERT ON "{t}" WHEN {_NOT_PAUSED}
BEGIN
  {outbox}({mutation_id}, '{t}', NEW.id, 'insert',
    CASE WHEN NEW.hlc <> '' THEN NEW.hlc ELSE {_FALLBACK_HLC} END, {_json_image(table, "NEW")}, NULL);
END"""
    ]
    update_of = ", ".join(f'"{c}"' for c in cols)
    if insert_only:
        # Ledger-like tables are immutable outside sync: corrections are new rows (reversals).
        stmts.append(
            f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_no_update BEFORE UPDATE OF {update_of} ON "{t}"
WHEN {_NOT_PAUSED}
BEGIN SELECT RAISE(ABORT, 'insert-only table {t}: write a reversal instead'); END"""
        )
        stmts.append(
            f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_no_delete BEFORE DELETE ON "{t}" WHEN {_NOT_PAUSED}
BEGIN SELECT RAISE(ABORT, 'insert-only table {t}: write a reversal instead'); END"""
        )
        return stmts
    changed_any = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in data_cols)
    changed_list = " || ".join(f"""CASE WHEN OLD."{c}" IS NOT NEW."{c}" THEN '{c},' ELSE '' END""" for c in data_cols)
    stmts.append(
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_update AFTER UPDATE OF {update_of} ON "{t}"
WHEN {_NOT_PAUSED} AND ({changed_any})
BEGIN
  {outbox}({mutation_id}, '{t}', NEW.id, 'update',
    CASE WHEN NEW.hlc IS NOT OLD.hlc AND NEW.hlc <> '' THEN NEW.hlc ELSE {_FALLBACK_HLC} END,
    {_json_image(table, "NEW")}, rtrim({changed_list}, ','));
END"""
    )
    stmts.append(
        f"""CREATE TRIGGER {TRIGGER_PREFIX}{t}_delete AFTER DELETE ON "{t}" WHEN {_NOT_PAUSED}
BEGIN
  {outbox}({mutation_id}, '{t}', OLD.id, 'delete', {_FALLBACK_HLC},
    json_object('id', OLD.id, 'station_id', OLD.station_id, 'deleted', 1), NULL);
END"""
    )
    return stmts


def drop_capture_triggers(conn: Connection) -> None:
    names = conn.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
        {"p": f"{TRIGGER_PREFIX}%"},
    ).scalars()
    for name in list(names):
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def install_capture_triggers(conn: Connection) -> None:
    drop_capture_triggers(conn)
    insert_only = insert_only_tables()
    for table in syncable_tables():
        for stmt in trigger_sql(table, table.name in insert_only):
            conn.exec_driver_sql(stmt)
