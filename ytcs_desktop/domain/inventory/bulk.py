"""Many receipts at once (a delivery note with hundreds of lines, a catalogue import): every line is
checked first, then everything is written in one flush. One bad line refuses the whole batch and the
message names the line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError, RuleError
from ytcs_desktop.domain.inventory.common import as_date, as_int, load_item, station_of, text_or_none
from ytcs_desktop.domain.inventory.ledger import SOURCES, _check_source, check_receipt, station_today
from ytcs_desktop.domain.inventory.lots import check_vvm, clean_lot_no, lot_id_for
from ytcs_desktop.domain.inventory.periods import assert_open
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import new_id, utc_now
from ytcs_desktop.store.models import Item, Lot, StockTransaction

_KEYS = ("item_id", "lot_no", "expiry", "quantity", "txn_date", "doc_no", "source", "counterparty",
         "manufacturer", "vvm_stage", "fridge_id")


def _at_line(err: DomainError, n: int) -> DomainError:
    """The same refusal, naming the line (1-based) so the nurse can find it on the delivery note."""
    return type(err)(err.code, msg("line_of_delivery", n=n, text=err.text), field=f"lines[{n - 1}].{err.field or ''}")


def _insert_rows(s: Session, table: Any, const: dict[str, Any], varying: tuple[str, ...],
                 rows: list[tuple[Any, ...]]) -> None:
    """One executemany straight to the driver: `const` columns are the same on every row, `varying`
    columns come from `rows` in that order. Every value goes through its column type's bind processor
    (memoised: a batch repeats the same few dates), so rows are stored exactly as the ORM stores them."""
    conn = s.connection()
    dialect = conn.dialect

    def processor(name: str) -> Callable[[Any], Any] | None:
        proc: Callable[[Any], Any] | None = table.c[name].type._cached_bind_processor(dialect)
        return proc

    fixed = []
    for name, raw in const.items():
        proc = processor(name)
        fixed.append(proc(raw) if proc is not None and raw is not None else raw)
    procs = [processor(name) for name in varying]
    memos: list[dict[Any, Any]] = [{} for _ in varying]
    needs = [i for i, proc in enumerate(procs) if proc is not None]
    prefix = tuple(fixed)
    params = []
    for row in rows:
        if needs:
            values = list(row)
            for i in needs:
                raw = values[i]
                if raw is not None:
                    memo = memos[i]
                    if raw not in memo:
                        memo[raw] = procs[i](raw)  # type: ignore[misc]
                    values[i] = memo[raw]
            params.append(prefix + tuple(values))
        else:
            params.append(prefix + row)
    names = ", ".join(f'"{n}"' for n in (*const, *varying))
    marks = ", ".join("?" for _ in range(len(const) + len(varying)))
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', params)


def receive_many(s: Session, actor: Actor, lines: Iterable[Mapping[str, Any]]) -> list[str]:
    """Receipts for every line (keys as `receive`'s keyword arguments), all or nothing. Returns the ids
    of the ledger rows written, in line order. Rows go in with two multi-row INSERTs (the capture
    triggers still fire for each row) and are stamped with this replica's clock here, since the ORM's
    flush-time stamping is bypassed."""
    station_id = station_of(actor)
    batch = [dict(line) for line in lines]
    items = set(
        s.scalars(
            select(Item.id).where(Item.deleted.is_(False), Item.station_id.is_(None) | (Item.station_id == station_id))
        )
    )
    existing: dict[tuple[str, str], tuple[str, dt.date, int | None]] = {
        (item_id, lot_no): (lot_id, expiry, vvm)
        for lot_id, item_id, lot_no, expiry, vvm in s.execute(
            select(Lot.id, Lot.item_id, Lot.lot_no, Lot.expiry, Lot.vvm_stage).where(Lot.station_id == station_id)
        )
    }
    checked_days: set[dt.date] = set()
    today = station_today(s)
    new_lots: dict[tuple[str, str], dict[str, Any]] = {}
    worse_vvm: dict[str, int] = {}
    plan: list[tuple[str, str, dict[str, Any]]] = []
    for n, line in enumerate(batch, start=1):
        try:
            unknown = set(line) - set(_KEYS)
            if unknown:
                raise TypeError(f"unknown receipt fields: {sorted(unknown)}")
            item_id = line.get("item_id") or ""
            if item_id not in items:
                load_item(s, item_id, station_id)  # raises the catalogue's not-found message
            qty = as_int(line.get("quantity"), "quantity")
            lot_no = clean_lot_no(line.get("lot_no"))
            expiry = as_date(line.get("expiry"), "expiry")
            day = as_date(line.get("txn_date"), "txn_date")
            source = _check_source(line.get("source") or SOURCES[1])
            vvm = check_vvm(line.get("vvm_stage"))
            if day not in checked_days:
                assert_open(s, station_id, day)
                checked_days.add(day)
            check_receipt(s, lot_no, expiry, day, today)
            key = (item_id, lot_no)
            if key in existing:
                lot_id, lot_expiry, lot_vvm = existing[key]
            elif key in new_lots:
                lot_id, lot_expiry, lot_vvm = new_lots[key]["id"], new_lots[key]["expiry"], None
            else:
                lot_id, lot_expiry, lot_vvm = lot_id_for(station_id, item_id, lot_no), expiry, vvm
                new_lots[key] = {
                    "id": lot_id, "station_id": station_id, "item_id": item_id, "lot_no": lot_no, "expiry": expiry,
                    "manufacturer": text_or_none(line.get("manufacturer")), "vvm_stage": vvm,
                    "fridge_id": line.get("fridge_id"),
                }
            if lot_expiry != expiry:
                raise RuleError(
                    "lot_expiry_mismatch",
                    msg("lot_expiry_mismatch",
                        lot_no=lot_no, lot_expiry=pick(day_text, lot_expiry), expiry=pick(day_text, expiry)),
                    field="expiry",
                )
            if vvm is not None and (lot_vvm is None or vvm > lot_vvm) and key not in new_lots:
                worse_vvm[lot_id] = max(vvm, worse_vvm.get(lot_id, 0))
            elif vvm is not None and key in new_lots:
                new_lots[key]["vvm_stage"] = max(vvm, new_lots[key]["vvm_stage"] or 0)
            plan.append((lot_id, item_id, {**line, "quantity": qty, "txn_date": day, "source": source}))
        except DomainError as err:
            raise _at_line(err, n) from None
    db = s.info.get("db")
    stamp: Callable[[], str] = db.clock.now if db is not None else (lambda: "")
    sync = {"origin": db.replica_id if db is not None else "", "deleted": False, "sync_state": "pending",
            "sync_reason": None, "station_id": station_id}
    if new_lots:
        lot_cols = ("id", "hlc", "item_id", "lot_no", "expiry", "manufacturer", "vvm_stage", "fridge_id")
        _insert_rows(s, Lot.__table__, sync, lot_cols,
                     [(lot["id"], stamp(), *(lot[c] for c in lot_cols[2:])) for lot in new_lots.values()])
    for lot_id, stage in worse_vvm.items():
        lot = s.get(Lot, lot_id)
        if lot is not None:
            lot.vvm_stage = stage
    const = {**sync, "kind": "receipt", "reason": None, "reason_code": None, "reverses_id": None,
             "ref_table": None, "ref_id": None, "actor": actor.name, "created_at": utc_now()}
    cols = ("id", "hlc", "item_id", "lot_id", "txn_date", "quantity", "doc_no", "source", "counterparty")
    ids = [new_id() for _ in plan]
    rows = [
        (txn_id, stamp(), item_id, lot_id, line["txn_date"], line["quantity"], text_or_none(line.get("doc_no"), 64),
         line["source"], text_or_none(line.get("counterparty")))
        for txn_id, (lot_id, item_id, line) in zip(ids, plan, strict=True)
    ]
    if rows:
        _insert_rows(s, StockTransaction.__table__, const, cols, rows)
    s.flush()
    return ids
