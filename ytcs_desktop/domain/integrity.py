"""`ytcs check`: is the file sound, and does the ledger add up?

The checks read only. Each problem is a Finding with a message in Vietnamese and English; an empty
list means the database is ok.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.messages import Message, PerLanguage, Worded, msg, pick
from ytcs_desktop.store.capture import syncable_tables

SYNC_STATES = ("pending", "synced", "rejected")
OUTBOX_OPS = ("insert", "update", "delete")
_LIMIT = 20  # findings listed per check: enough to act on, never a flood


@dataclass(frozen=True)
class Finding(Worded):
    check: str
    text: PerLanguage


def check_database(s: Session, file_checked: bool = False) -> list[Finding]:
    """Every check, in order: file structure (unless `file_checked`: the caller ran SQLite's
    integrity_check already), foreign keys, ledger, sync bookkeeping."""
    findings = [] if file_checked else sqlite_integrity(s)
    if findings:  # a damaged file: the other checks would only repeat the damage
        return findings
    findings += foreign_keys(s)
    findings += ledger(s)
    findings += sync_bookkeeping(s)
    return findings


def sqlite_integrity(s: Session) -> list[Finding]:
    results = [r[0] for r in s.execute(text("PRAGMA integrity_check"))]
    if results == ["ok"]:
        return []
    return [Finding("integrity", msg("domain.integrity", problem=r))
            for r in results[:_LIMIT]]


def foreign_keys(s: Session) -> list[Finding]:
    rows = s.execute(text("PRAGMA foreign_key_check")).fetchall()
    return [
        Finding("foreign_key",
                msg("domain.integrity.foreign_keys", table=r[0], rowid=r[1], parent=r[2]))
        for r in rows[:_LIMIT]
    ]


def ledger(s: Session) -> list[Finding]:
    out: list[Finding] = []
    for lot_id, lot_no, code, on_hand in s.execute(text(
        "SELECT l.id, l.lot_no, i.code, SUM(t.quantity) FROM stock_transactions t "
        "JOIN lots l ON l.id = t.lot_id LEFT JOIN items i ON i.id = l.item_id "
        "GROUP BY l.id HAVING SUM(t.quantity) < 0 ORDER BY i.code, l.lot_no LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("negative_stock", msg("negative_stock.integrity", lot_no=lot_no, code=code,
                                                   on_hand=on_hand, lot_id=lot_id)))
    for txn_id, lot_id, txn_item, lot_item in s.execute(text(
        "SELECT t.id, t.lot_id, t.item_id, l.item_id FROM stock_transactions t JOIN lots l ON l.id = t.lot_id "
        "WHERE t.item_id IS NOT l.item_id ORDER BY t.id LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("item_mismatch", msg("item_mismatch.integrity", txn_id=txn_id, lot_id=lot_id,
                                                  txn_item=txn_item, lot_item=lot_item)))
    for txn_id, target in s.execute(text(
        "SELECT t.id, t.reverses_id FROM stock_transactions t LEFT JOIN stock_transactions o "
        "ON o.id = t.reverses_id WHERE t.reverses_id IS NOT NULL AND o.id IS NULL ORDER BY t.id LIMIT :n"),
            {"n": _LIMIT}):
        out.append(Finding("reversal_orphan",
                           msg("domain.integrity.ledger", txn_id=txn_id, target=target)))
    for txn_id, target, qty, orig_qty, same_lot in s.execute(text(
        "SELECT t.id, o.id, t.quantity, o.quantity, t.lot_id = o.lot_id FROM stock_transactions t "
        "JOIN stock_transactions o ON o.id = t.reverses_id "
        "WHERE t.lot_id IS NOT o.lot_id OR t.quantity <> -o.quantity ORDER BY t.id LIMIT :n"), {"n": _LIMIT}):
        if not same_lot:
            out.append(Finding("reversal_lot",
                               msg("domain.integrity.ledger.4", txn_id=txn_id, target=target)))
        else:
            out.append(Finding("reversal_quantity",
                               msg("domain.integrity.ledger.5", txn_id=txn_id, qty=qty, expected=-orig_qty)))
    for target, times in s.execute(text(
        "SELECT reverses_id, COUNT(*) FROM stock_transactions WHERE reverses_id IS NOT NULL "
        "GROUP BY reverses_id HAVING COUNT(*) > 1 ORDER BY reverses_id LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("reversed_twice",
                           msg("domain.integrity.ledger.2", target=target, times=times)))
    for txn_id in s.execute(text(
        "SELECT t.id FROM stock_transactions t JOIN stock_transactions o ON o.id = t.reverses_id "
        "WHERE o.reverses_id IS NOT NULL ORDER BY t.id LIMIT :n"), {"n": _LIMIT}).scalars():
        out.append(Finding("reversal_of_reversal",
                           msg("domain.integrity.ledger.3", txn_id=txn_id)))
    return out + carried_balances(s)


def carried_balances(s: Session) -> list[Finding]:
    """Each lot's carried balance equals its ledger through the carried day: store/carried.py's triggers keep
    it so, and this proves it (only a hand edit of the file could make them differ)."""
    out: list[Finding] = []
    for lot_no, code, through, carried, ledger_sum in s.execute(text(
        "SELECT l.lot_no, i.code, c.through, c.quantity, COALESCE((SELECT SUM(t.quantity) FROM stock_transactions t "
        "WHERE t.lot_id = c.lot_id AND t.txn_date <= c.through), 0) AS ledger_sum FROM lot_carried_balances c "
        "LEFT JOIN lots l ON l.id = c.lot_id LEFT JOIN items i ON i.id = l.item_id "
        "WHERE c.quantity <> ledger_sum ORDER BY i.code, l.lot_no LIMIT :n"), {"n": _LIMIT}):
        day = dt.date.fromisoformat(str(through))
        out.append(Finding("carried_balance",
                           msg("domain.integrity.carried_balances",
                               lot_no=lot_no,
                               code=code,
                               day=pick(day_text, day),
                               carried=carried,
                               ledger_sum=ledger_sum)))
    return out


def sync_bookkeeping(s: Session) -> list[Finding]:
    out: list[Finding] = []
    tables = {t.name for t in syncable_tables()}
    meta: dict[str, str] = {r[0]: r[1] for r in s.execute(text("SELECT key, value FROM sync_meta"))}
    if not meta.get("replica_id"):
        out.append(Finding("meta", msg("domain.integrity.sync_bookkeeping")))
    if meta.get("role", "station") == "station" and not meta.get("station_id"):
        out.append(Finding("meta", msg("domain.integrity.sync_bookkeeping.2")))
    if s.execute(text("SELECT COUNT(*) FROM sync_capture_pause")).scalar_one():
        out.append(Finding("capture_paused",
                           msg("domain.integrity.sync_bookkeeping.3")))
    names = ", ".join(f"'{t}'" for t in sorted(tables))
    suspects = s.execute(text(  # only rows that may be wrong reach Python: the outbox can be long
        "SELECT seq, table_name, op, hlc, fields FROM sync_outbox WHERE table_name NOT IN (" + names + ") "
        "OR op NOT IN ('insert', 'update', 'delete') OR hlc NOT LIKE '%-%-%' OR NOT json_valid(fields) "
        "OR json_extract(fields, '$.id') IS NULL ORDER BY seq LIMIT :n"), {"n": _LIMIT})
    for seq, table, op, hlc, fields in suspects:
        problem = _outbox_problem(table, op, hlc, fields, tables)
        if problem:
            out.append(Finding("outbox", msg("outbox.integrity", seq=seq, problem=problem)))
            if len(out) >= _LIMIT:
                break
    for table in sorted(tables):
        bad = s.execute(text(
            f'SELECT id, sync_state, sync_reason, hlc FROM "{table}" WHERE sync_state NOT IN '
            f"('pending', 'synced', 'rejected') OR (sync_state = 'rejected' AND COALESCE(sync_reason, '') = '') "
            f"OR COALESCE(hlc, '') = '' ORDER BY id LIMIT :n"), {"n": _LIMIT}).fetchall()
        for row_id, state, _reason, hlc in bad:
            if not hlc:
                out.append(Finding("row_hlc", msg("domain.integrity.sync_bookkeeping.4",
                                                  row_id=row_id, table=table)))
            elif state == "rejected":
                out.append(Finding("row_state", msg("domain.integrity.sync_bookkeeping.5",
                                                    row_id=row_id, table=table)))
            else:
                out.append(Finding("row_state", msg("domain.integrity.sync_bookkeeping.6",
                                                    row_id=row_id, table=table, state=state)))
    return out


def _outbox_problem(table: str, op: str, hlc: str, fields: str, tables: set[str]) -> Message | None:
    if table not in tables:
        return msg("outbox.integrity.table", table=table)
    if op not in OUTBOX_OPS:
        return msg("outbox.integrity.op", op=op)
    if not hlc or hlc.count("-") < 2:
        return msg("outbox.integrity.hlc")
    try:
        image = json.loads(fields)
    except (TypeError, ValueError):
        return msg("outbox.integrity.json")
    if not isinstance(image, dict) or not image.get("id"):
        return msg("outbox.integrity.id")
    return None
