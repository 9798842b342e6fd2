"""Carried lot balances (`lot_carried_balances`): each lot's ledger total through the last closed day, so
stock on hand adds only the rows written since instead of a lot's whole history.

Triggers keep them true to the ledger whatever writes it (the window, the CLI, plain SQL or sync, which
pauses change capture but not these): closing a period carries every lot of the station forward to its
last day, and any ledger row written, changed or removed on or before a lot's carried day drops that
lot's carried balance, so the next query sums the lot's history in full until the next close. A carried
balance is therefore never wrong, only sometimes absent; `ytcs check` still compares each with the ledger.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

TRIGGER_PREFIX = "ytcs_carry_"

_DROP_FOR = "DELETE FROM lot_carried_balances WHERE lot_id = {row}.lot_id AND through >= {row}.txn_date;"

# A close carries each lot from its previous carried day (or from the start) to the new last day.
_CARRY = """INSERT OR REPLACE INTO lot_carried_balances (lot_id, station_id, through, quantity)
    SELECT l.id, l.station_id, NEW.closed_through,
           COALESCE(c.quantity, 0) + COALESCE((SELECT SUM(t.quantity) FROM stock_transactions t
               WHERE t.lot_id = l.id AND t.txn_date > COALESCE(c.through, '') AND t.txn_date <= NEW.closed_through), 0)
    FROM lots l LEFT JOIN lot_carried_balances c ON c.lot_id = l.id
    WHERE l.station_id IS NEW.station_id AND (c.through IS NULL OR c.through < NEW.closed_through);"""


def carried_trigger_sql() -> list[str]:
    p = TRIGGER_PREFIX
    return [
        f"""CREATE TRIGGER {p}ledger_insert AFTER INSERT ON stock_transactions
BEGIN
    {_DROP_FOR.format(row="NEW")}
END""",
        f"""CREATE TRIGGER {p}ledger_update AFTER UPDATE OF lot_id, txn_date, quantity ON stock_transactions
BEGIN
    {_DROP_FOR.format(row="OLD")}
    {_DROP_FOR.format(row="NEW")}
END""",
        f"""CREATE TRIGGER {p}ledger_delete AFTER DELETE ON stock_transactions
BEGIN
    {_DROP_FOR.format(row="OLD")}
END""",
        f"""CREATE TRIGGER {p}period_closed AFTER INSERT ON closed_periods WHEN NEW.deleted = 0
BEGIN
    {_CARRY}
END""",
    ]


def drop_carried_triggers(conn: Connection) -> None:
    names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
                         {"p": f"{TRIGGER_PREFIX}%"}).scalars()
    for name in list(names):
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def install_carried_triggers(conn: Connection) -> None:
    drop_carried_triggers(conn)
    for stmt in carried_trigger_sql():
        conn.exec_driver_sql(stmt)


def carry_all(conn: Connection) -> None:
    """Carry every station's lots to its last closed day (a file upgraded with periods already closed, or a
    check that found a carried balance wrong), from the ledger in full."""
    conn.exec_driver_sql("DELETE FROM lot_carried_balances")
    conn.exec_driver_sql(
        """INSERT INTO lot_carried_balances (lot_id, station_id, through, quantity)
        SELECT l.id, l.station_id, p.last_day,
               COALESCE((SELECT SUM(t.quantity) FROM stock_transactions t
                         WHERE t.lot_id = l.id AND t.txn_date <= p.last_day), 0)
        FROM lots l JOIN (SELECT station_id, MAX(closed_through) AS last_day FROM closed_periods
                          WHERE deleted = 0 GROUP BY station_id) p ON p.station_id IS l.station_id""")
