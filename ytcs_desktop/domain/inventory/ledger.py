"""The ledger: every stock movement is an immutable row, quantity signed in base units. Never edited,
never deleted: a mistake is corrected by a reversal row."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError, NotFoundError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import (
    as_date,
    as_int,
    available_from,
    load_item,
    load_lot,
    lot_label,
    over_issue,
    require_reason,
    station_of,
    write_txn,
)
from ytcs_desktop.domain.inventory.lots import find_or_create_lot, lot_blockers
from ytcs_desktop.domain.inventory.periods import assert_open
from ytcs_desktop.domain.inventory.stock import fefo_suggestion, issuable_lots
from ytcs_desktop.domain.permissions import require
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import natural_id, utc_now
from ytcs_desktop.store.models import Lot, Station, StockTransaction

SOURCES = ("centre", "other")
DISPOSAL_CODES = ("expired", "damaged", "vvm", "frozen", "other")


def _check_source(source: str) -> str:
    if source not in SOURCES:
        raise ValidationError(
            "bad_source",
            msg("bad_source", source=source),
            field="source",
        )
    return source


RECEIPT_DAYS_AHEAD = 1  # tomorrow at most: a delivery note written the evening before, a midnight entry


def station_today(s: Session) -> dt.date:
    """Today at the station: the later of this PC's date and the date by the clock corrected with the
    offset learned from the centre, so a PC whose clock runs years behind does not block a receipt."""
    today = utc_now().astimezone().date()
    db = s.info.get("db")
    if db is not None and db.clock.offset_ms:
        corrected = dt.datetime.fromtimestamp(db.clock.physical_ms() / 1000, dt.UTC).astimezone().date()
        today = max(today, corrected)
    return today


def required_expiry(value: object) -> dt.date:
    """A lot's expiry as printed on the pack: never guessed, so a receipt without one is refused."""
    if value is None or not str(value).strip(" /-_."):
        raise ValidationError(
            "expiry_missing",
            msg("expiry_missing"),
            field="expiry",
        )
    if isinstance(value, dt.date):
        return as_date(value, "expiry")
    return parse_date(str(value), "expiry")  # typed: dd/mm/yyyy or yyyy-mm-dd


def check_receipt(s: Session, lot_no: str, expiry: dt.date, day: dt.date, today: dt.date | None = None) -> None:
    """Stock comes in on a real day, not a mistyped one years ahead, and not already expired: a lot may
    be received up to its expiry date (it is usable through that day). Back-dating is left to the
    closed-period rule. `today`: `station_today(s)`, passed in by a caller checking many lines."""
    today = today or station_today(s)
    latest = today + dt.timedelta(days=RECEIPT_DAYS_AHEAD)
    if day > latest:
        raise ValidationError(
            "future_date",
            msg("future_date",
                day=pick(day_text, day), latest=pick(day_text, latest), today=pick(day_text, today)),
            field="txn_date",
        )
    if expiry < day:
        lot = (lot_no or "").strip()
        raise RuleError(
            "expired_on_receipt",
            msg("expired_on_receipt", lot=lot, expiry=pick(day_text, expiry), day=pick(day_text, day)),
            field="expiry",
        )


def reversal_id_for(original_id: str) -> str:
    """A movement is reversed at most once: its reversal's id comes from it, so two PCs reversing the
    same movement offline post one reversal, not two (SYNC.md guarantee 2)."""
    return natural_id("stock_transactions", "reversal", original_id)


def receive(
    s: Session,
    actor: Actor,
    *,
    item_id: str,
    lot_no: str,
    expiry: dt.date | str | None,
    quantity: int,
    txn_date: dt.date,
    doc_no: str | None = None,
    source: str = "other",
    counterparty: str | None = None,
    manufacturer: str | None = None,
    vvm_stage: int | None = None,
    fridge_id: str | None = None,
    ref_table: str | None = None,
    ref_id: str | None = None,
    txn_id: str | None = None,
) -> list[StockTransaction]:
    """Nhập kho: a receipt into the lot (created on first receipt)."""
    station_id = station_of(actor)
    qty = as_int(quantity, "quantity")
    day = as_date(txn_date, "txn_date")
    _check_source(source)
    load_item(s, item_id, station_id)
    assert_open(s, station_id, day)
    expiry = required_expiry(expiry)
    check_receipt(s, lot_no, expiry, day)
    lot = find_or_create_lot(
        s, actor, item_id=item_id, lot_no=lot_no, expiry=expiry, manufacturer=manufacturer,
        vvm_stage=vvm_stage, fridge_id=fridge_id,
    )
    return [
        write_txn(
            s, actor, station_id=station_id, lot=lot, kind="receipt", quantity=qty, txn_date=day, doc_no=doc_no,
            source=source, counterparty=counterparty, ref_table=ref_table, ref_id=ref_id, txn_id=txn_id,
        )
    ]


def _raise_first(s: Session, lot_errors: list[DomainError]) -> None:
    if lot_errors:
        raise lot_errors[0]


def issue(
    s: Session,
    actor: Actor,
    *,
    item_id: str,
    quantity: int,
    txn_date: dt.date,
    lot_id: str | None = None,
    override_reason: str | None = None,
    doc_no: str | None = None,
    counterparty: str | None = None,
    reason: str | None = None,
    ref_table: str | None = None,
    ref_id: str | None = None,
    fefo_check: bool = True,
) -> list[StockTransaction]:
    """Xuất sử dụng. Without a lot the quantity is taken first-expiry-first across issuable lots; a lot
    chosen out of FEFO order needs `override_reason`."""
    station_id = station_of(actor)
    qty = as_int(quantity, "quantity")
    day = as_date(txn_date, "txn_date")
    item = load_item(s, item_id, station_id)
    assert_open(s, station_id, day)
    if lot_id is None:
        plan = fefo_suggestion(s, station_id, item_id, qty, day)
        have = sum(take for _, take in plan)
        if have < qty:
            raise RuleError(
                "over_issue",
                msg("over_issue.issue", name=item.name, have=have, base_unit=item.base_unit, qty=qty),
                field="quantity",
            )
        allocation: list[tuple[Lot, int, str | None]] = [
            (load_lot(s, bal.lot_id, station_id), take, None) for bal, take in plan
        ]
    else:
        lot = load_lot(s, lot_id, station_id)
        if lot.item_id != item_id:
            raise ValidationError(
                "lot_item_mismatch",
                msg("lot_item_mismatch", lot_no=lot.lot_no, name=item.name),
                field="lot_id",
            )
        _raise_first(s, lot_blockers(s, lot, day))
        avail = available_from(s, lot.id, day)
        if avail < qty:
            raise over_issue(s, lot, qty, avail)
        note = None
        if fefo_check:
            first = issuable_lots(s, station_id, item_id, day)
            if first and first[0][0].lot_id != lot.id and first[0][0].expiry < lot.expiry:
                if not (override_reason or "").strip():
                    raise RuleError(
                        "fefo_override",
                        msg("fefo_override",
                            lot_no=first[0][0].lot_no,
                            expiry=pick(day_text, first[0][0].expiry),
                            chosen=lot.lot_no),
                        field="override_reason",
                    )
                note = f"Không theo FEFO: {override_reason.strip()}"  # type: ignore[union-attr]
        allocation = [(lot, qty, note)]
    rows = []
    for lot, take, note in allocation:
        why = "; ".join(p for p in (reason, note) if p) or None
        rows.append(
            write_txn(
                s, actor, station_id=station_id, lot=lot, kind="issue", quantity=-take, txn_date=day,
                doc_no=doc_no, counterparty=counterparty, reason=why, ref_table=ref_table, ref_id=ref_id,
            )
        )
    return rows


def _outflow_lot(
    s: Session, actor: Actor, lot_id: str, quantity: int, txn_date: dt.date, *, blockers: bool
) -> tuple[str, Lot, int, dt.date]:
    station_id = station_of(actor)
    qty = as_int(quantity, "quantity")
    day = as_date(txn_date, "txn_date")
    lot = load_lot(s, lot_id, station_id)
    assert_open(s, station_id, day)
    if blockers:
        _raise_first(s, lot_blockers(s, lot, day))
    avail = available_from(s, lot.id, day)
    if avail < qty:
        raise over_issue(s, lot, qty, avail)
    return station_id, lot, qty, day


def transfer_out(
    s: Session,
    actor: Actor,
    *,
    lot_id: str,
    quantity: int,
    txn_date: dt.date,
    to_station_id: str,
    doc_no: str | None = None,
) -> list[StockTransaction]:
    """Điều chuyển đi: stock leaves for another station (which records a transfer_in)."""
    station_id = station_of(actor)
    target = s.get(Station, to_station_id) if to_station_id else None
    if target is None or target.deleted or target.id == station_id:
        raise NotFoundError(
            "station_not_found",
            msg("station_not_found"),
            field="to_station_id",
        )
    station_id, lot, qty, day = _outflow_lot(s, actor, lot_id, quantity, txn_date, blockers=True)
    return [
        write_txn(
            s, actor, station_id=station_id, lot=lot, kind="transfer_out", quantity=-qty, txn_date=day,
            doc_no=doc_no, counterparty=target.name, ref_table="stations", ref_id=target.id,
        )
    ]


def transfer_in(
    s: Session,
    actor: Actor,
    *,
    item_id: str,
    lot_no: str,
    expiry: dt.date,
    quantity: int,
    txn_date: dt.date,
    from_station_id: str | None = None,
    doc_no: str | None = None,
    manufacturer: str | None = None,
    vvm_stage: int | None = None,
) -> list[StockTransaction]:
    """Điều chuyển đến: stock arriving from another station."""
    station_id = station_of(actor)
    qty = as_int(quantity, "quantity")
    day = as_date(txn_date, "txn_date")
    load_item(s, item_id, station_id)
    assert_open(s, station_id, day)
    check_receipt(s, lot_no, as_date(expiry, "expiry"), day)
    source = s.get(Station, from_station_id) if from_station_id else None
    lot = find_or_create_lot(
        s, actor, item_id=item_id, lot_no=lot_no, expiry=expiry, manufacturer=manufacturer, vvm_stage=vvm_stage
    )
    return [
        write_txn(
            s, actor, station_id=station_id, lot=lot, kind="transfer_in", quantity=qty, txn_date=day,
            doc_no=doc_no, counterparty=source.name if source else None,
            ref_table="stations" if source else None, ref_id=source.id if source else None,
        )
    ]


def adjust(
    s: Session, actor: Actor, *, lot_id: str, delta: int, txn_date: dt.date, reason: str
) -> list[StockTransaction]:
    """Điều chỉnh: a signed correction with a reason; it may not take the lot below zero."""
    station_id = station_of(actor)
    change = as_int(delta, "delta", allow_negative=True)
    day = as_date(txn_date, "txn_date")
    why = require_reason(reason)
    lot = load_lot(s, lot_id, station_id)
    assert_open(s, station_id, day)
    if change < 0:
        avail = available_from(s, lot.id, day)
        if avail < -change:
            raise over_issue(s, lot, -change, avail, "delta")
    return [
        write_txn(s, actor, station_id=station_id, lot=lot, kind="adjustment", quantity=change, txn_date=day,
                  reason=why)
    ]


def dispose(
    s: Session,
    actor: Actor,
    *,
    lot_id: str,
    quantity: int,
    txn_date: dt.date,
    reason_code: str,
    note: str | None = None,
    doc_no: str | None = None,
) -> list[StockTransaction]:
    """Hủy: expired, damaged, VVM, frozen or other. Expired and quarantined lots may be disposed of —
    that is how they leave stock."""
    station_of(actor)
    require(actor, "dispose_stock")
    if reason_code not in DISPOSAL_CODES:
        raise ValidationError(
            "bad_reason_code",
            msg("bad_reason_code", reason_code=reason_code),
            field="reason_code",
        )
    if reason_code == "other":
        require_reason(note, "note")
    station_id, lot, qty, day = _outflow_lot(s, actor, lot_id, quantity, txn_date, blockers=False)
    return [
        write_txn(s, actor, station_id=station_id, lot=lot, kind="disposal", quantity=-qty, txn_date=day,
                  doc_no=doc_no, reason=note, reason_code=reason_code)
    ]


def reverse(
    s: Session, actor: Actor, *, txn_id: str, txn_date: dt.date, reason: str, _from_vial: bool = False
) -> list[StockTransaction]:
    """Đảo: a row of opposite sign that cancels an earlier one. Each row is reversed at most once, a
    reversal is not itself reversed (record the movement again), and a lot never goes negative."""
    station_id = station_of(actor)
    day = as_date(txn_date, "txn_date")
    why = require_reason(reason)
    original = s.get(StockTransaction, txn_id) if txn_id else None
    if original is None or original.station_id != station_id:
        raise NotFoundError(
            "txn_not_found",
            msg("txn_not_found", txn_id=txn_id),
            field="txn_id",
        )
    if original.ref_table == "vial_openings" and not _from_vial:
        raise RuleError(
            "reverse_vial",
            msg("reverse_vial"),
            field="txn_id",
        )
    if original.kind == "reversal":
        raise RuleError(
            "reverse_reversal",
            msg("reverse_reversal"),
            field="txn_id",
        )
    done = s.scalar(select(StockTransaction.id).where(StockTransaction.reverses_id == original.id).limit(1))
    if done is not None:
        raise RuleError(
            "already_reversed",
            msg("already_reversed"),
            field="txn_id",
        )
    if day < original.txn_date:
        raise RuleError(
            "reverse_before_original",
            msg("reverse_before_original", txn_date=pick(day_text, original.txn_date)),
            field="txn_date",
        )
    assert_open(s, station_id, day)
    lot = load_lot(s, original.lot_id, station_id)
    if original.quantity > 0:
        avail = available_from(s, lot.id, day)
        if avail < original.quantity:
            label = lot_label(s, lot)
            raise RuleError(
                "reverse_negative",
                msg("reverse_negative", label=label, available=avail, quantity=original.quantity),
                field="txn_id",
            )
    return [
        write_txn(
            s, actor, station_id=station_id, lot=lot, kind="reversal", quantity=-original.quantity, txn_date=day,
            doc_no=original.doc_no, source=original.source, reason=why, reason_code=original.reason_code,
            reverses_id=original.id, txn_id=reversal_id_for(original.id),
        )
    ]
