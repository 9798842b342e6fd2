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
from ytcs_desktop.store.capture import syncable_tables

SYNC_STATES = ("pending", "synced", "rejected")
OUTBOX_OPS = ("insert", "update", "delete")
_LIMIT = 20  # findings listed per check: enough to act on, never a flood


@dataclass(frozen=True)
class Finding:
    check: str
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.en if lang.startswith("en") else self.vi


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
    return [Finding("integrity", f"Tệp cơ sở dữ liệu bị hỏng: {r}", f"The database file is damaged: {r}")
            for r in results[:_LIMIT]]


def foreign_keys(s: Session) -> list[Finding]:
    rows = s.execute(text("PRAGMA foreign_key_check")).fetchall()
    return [
        Finding("foreign_key",
                f"Bảng {r[0]} (dòng {r[1]}) trỏ tới một bản ghi không có trong bảng {r[2]}.",
                f"Table {r[0]} (rowid {r[1]}) refers to a missing row of {r[2]}.")
        for r in rows[:_LIMIT]
    ]


def ledger(s: Session) -> list[Finding]:
    out: list[Finding] = []
    for lot_id, lot_no, code, on_hand in s.execute(text(
        "SELECT l.id, l.lot_no, i.code, SUM(t.quantity) FROM stock_transactions t "
        "JOIN lots l ON l.id = t.lot_id LEFT JOIN items i ON i.id = l.item_id "
        "GROUP BY l.id HAVING SUM(t.quantity) < 0 ORDER BY i.code, l.lot_no LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("negative_stock",
                           f"Lô {lot_no} của mặt hàng {code} có tồn kho âm ({on_hand}).",
                           f"Lot {lot_no} of item {code} has negative stock on hand ({on_hand}). [{lot_id}]"))
    for txn_id, lot_id, txn_item, lot_item in s.execute(text(
        "SELECT t.id, t.lot_id, t.item_id, l.item_id FROM stock_transactions t JOIN lots l ON l.id = t.lot_id "
        "WHERE t.item_id IS NOT l.item_id ORDER BY t.id LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("item_mismatch",
                           f"Giao dịch {txn_id} ghi mặt hàng khác với mặt hàng của lô {lot_id}.",
                           f"Transaction {txn_id} names another item ({txn_item}) than its lot ({lot_item})."))
    for txn_id, target in s.execute(text(
        "SELECT t.id, t.reverses_id FROM stock_transactions t LEFT JOIN stock_transactions o "
        "ON o.id = t.reverses_id WHERE t.reverses_id IS NOT NULL AND o.id IS NULL ORDER BY t.id LIMIT :n"),
            {"n": _LIMIT}):
        out.append(Finding("reversal_orphan",
                           f"Giao dịch đảo {txn_id} trỏ tới giao dịch {target} không tồn tại.",
                           f"Reversal {txn_id} points to transaction {target}, which does not exist."))
    for txn_id, target, qty, orig_qty, same_lot in s.execute(text(
        "SELECT t.id, o.id, t.quantity, o.quantity, t.lot_id = o.lot_id FROM stock_transactions t "
        "JOIN stock_transactions o ON o.id = t.reverses_id "
        "WHERE t.lot_id IS NOT o.lot_id OR t.quantity <> -o.quantity ORDER BY t.id LIMIT :n"), {"n": _LIMIT}):
        if not same_lot:
            out.append(Finding("reversal_lot",
                               f"Giao dịch đảo {txn_id} không cùng lô với giao dịch gốc {target}.",
                               f"Reversal {txn_id} is not on the same lot as the original {target}."))
        else:
            out.append(Finding("reversal_quantity",
                               f"Giao dịch đảo {txn_id} có số lượng {qty}, lẽ ra phải là {-orig_qty}.",
                               f"Reversal {txn_id} has quantity {qty}; it should be {-orig_qty}."))
    for target, times in s.execute(text(
        "SELECT reverses_id, COUNT(*) FROM stock_transactions WHERE reverses_id IS NOT NULL "
        "GROUP BY reverses_id HAVING COUNT(*) > 1 ORDER BY reverses_id LIMIT :n"), {"n": _LIMIT}):
        out.append(Finding("reversed_twice",
                           f"Giao dịch {target} bị đảo {times} lần.",
                           f"Transaction {target} is reversed {times} times."))
    for txn_id in s.execute(text(
        "SELECT t.id FROM stock_transactions t JOIN stock_transactions o ON o.id = t.reverses_id "
        "WHERE o.reverses_id IS NOT NULL ORDER BY t.id LIMIT :n"), {"n": _LIMIT}).scalars():
        out.append(Finding("reversal_of_reversal",
                           f"Giao dịch {txn_id} đảo một giao dịch đảo.",
                           f"Transaction {txn_id} reverses a reversal."))
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
                           f"Số dư chuyển kỳ của lô {lot_no} ({code}) đến hết ngày {day_text(day)} là {carried}, "
                           f"nhưng sổ kho cộng lại là {ledger_sum}.",
                           f"The balance carried for lot {lot_no} ({code}) through {day_text(day, 'en')} is "
                           f"{carried}, but the ledger adds up to {ledger_sum}."))
    return out


def sync_bookkeeping(s: Session) -> list[Finding]:
    out: list[Finding] = []
    tables = {t.name for t in syncable_tables()}
    meta: dict[str, str] = {r[0]: r[1] for r in s.execute(text("SELECT key, value FROM sync_meta"))}
    if not meta.get("replica_id"):
        out.append(Finding("meta", "Thiếu mã bản sao (replica_id) của cơ sở dữ liệu.",
                           "The database has no replica id."))
    if meta.get("role", "station") == "station" and not meta.get("station_id"):
        out.append(Finding("meta", "Cơ sở dữ liệu của trạm chưa ghi mã trạm.",
                           "The station database has no station id."))
    if s.execute(text("SELECT COUNT(*) FROM sync_capture_pause")).scalar_one():
        out.append(Finding("capture_paused",
                           "Ghi nhận thay đổi đang bị tạm dừng: thay đổi mới sẽ không được đồng bộ.",
                           "Change capture is paused: new changes would not be synced."))
    names = ", ".join(f"'{t}'" for t in sorted(tables))
    suspects = s.execute(text(  # only rows that may be wrong reach Python: the outbox can be long
        "SELECT seq, table_name, op, hlc, fields FROM sync_outbox WHERE table_name NOT IN (" + names + ") "
        "OR op NOT IN ('insert', 'update', 'delete') OR hlc NOT LIKE '%-%-%' OR NOT json_valid(fields) "
        "OR json_extract(fields, '$.id') IS NULL ORDER BY seq LIMIT :n"), {"n": _LIMIT})
    for seq, table, op, hlc, fields in suspects:
        problem = _outbox_problem(table, op, hlc, fields, tables)
        if problem:
            out.append(Finding("outbox", f"Hàng đợi đồng bộ, mục {seq}: {problem[0]}",
                               f"Sync queue entry {seq}: {problem[1]}"))
            if len(out) >= _LIMIT:
                break
    for table in sorted(tables):
        bad = s.execute(text(
            f'SELECT id, sync_state, sync_reason, hlc FROM "{table}" WHERE sync_state NOT IN '
            f"('pending', 'synced', 'rejected') OR (sync_state = 'rejected' AND COALESCE(sync_reason, '') = '') "
            f"OR COALESCE(hlc, '') = '' ORDER BY id LIMIT :n"), {"n": _LIMIT}).fetchall()
        for row_id, state, _reason, hlc in bad:
            if not hlc:
                out.append(Finding("row_hlc", f"Bản ghi {row_id} của bảng {table} chưa có dấu thời gian đồng bộ.",
                                   f"Row {row_id} of {table} has no sync clock stamp."))
            elif state == "rejected":
                out.append(Finding("row_state", f"Bản ghi {row_id} của bảng {table} bị từ chối mà không có lý do.",
                                   f"Row {row_id} of {table} is rejected without a reason."))
            else:
                out.append(Finding("row_state", f"Bản ghi {row_id} của bảng {table} có trạng thái lạ “{state}”.",
                                   f"Row {row_id} of {table} has an unknown sync state “{state}”."))
    return out


def _outbox_problem(table: str, op: str, hlc: str, fields: str, tables: set[str]) -> tuple[str, str] | None:
    if table not in tables:
        return f"bảng “{table}” không đồng bộ được.", f"table “{table}” is not syncable."
    if op not in OUTBOX_OPS:
        return f"thao tác lạ “{op}”.", f"unknown operation “{op}”."
    if not hlc or hlc.count("-") < 2:
        return "thiếu dấu thời gian.", "missing clock stamp."
    try:
        image = json.loads(fields)
    except (TypeError, ValueError):
        return "dữ liệu không phải JSON.", "the row image is not JSON."
    if not isinstance(image, dict) or not image.get("id"):
        return "dữ liệu không có mã bản ghi.", "the row image has no id."
    return None
