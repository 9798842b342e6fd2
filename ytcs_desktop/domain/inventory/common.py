"""What every inventory module shares: who may act, loading items and lots of the actor's station, the
per-lot balance read from the ledger (never a stored balance), settings and the ledger row writer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Item, Lot, Setting, StockTransaction

KINDS = ("receipt", "issue", "transfer_out", "transfer_in", "adjustment", "count", "disposal", "reversal")

KIND_VI = {
    "receipt": "Nhập kho",
    "issue": "Xuất sử dụng",
    "transfer_out": "Điều chuyển đi",
    "transfer_in": "Điều chuyển đến",
    "adjustment": "Điều chỉnh",
    "count": "Điều chỉnh kiểm kê",
    "disposal": "Hủy",
    "reversal": "Đảo bút toán",
}


def station_of(actor: Actor) -> str:
    """The station whose own stock a station-role actor moves; the centre moves no station's stock."""
    if actor.role != "station" or not actor.station_id:
        raise PermissionDenied(
            "station_only",
            msg("station_only"),
        )
    return actor.station_id


def centre_only(actor: Actor, action: PerLanguage) -> None:
    if actor.role != "centre":
        raise PermissionDenied("centre_only", msg("centre_only.centre_only", action=action))


def as_date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(
            "bad_date",
            msg("bad_date"),
            field=field,
        )
    return value


MAX_QUANTITY = 10_000_000  # base units in one movement: beyond this it is a typing mistake


def thousands(number: int, lang: str = "vi") -> str:
    """A whole number with its thousands grouped as the language writes them (10.000.000, 10,000,000)."""
    text = f"{number:,}"
    return text if lang.startswith("en") else text.replace(",", ".")


def as_int(value: object, field: str, *, allow_zero: bool = False, allow_negative: bool = False,
           what: PerLanguage | None = None) -> int:
    """A whole number of base units; zero and negatives only where the caller allows them. `what` names
    the number in the message (Quantity unless told), as the form the user typed it in names it."""
    qty: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        qty = value
    elif isinstance(value, str):
        try:
            qty = int(value.strip())
        except ValueError:
            qty = None
    name = what or msg("word.quantity")
    if qty is None or (qty == 0 and not allow_zero) or (qty < 0 and not allow_negative):
        if allow_negative:
            wanted = msg("word.whole_number.nonzero")
        elif allow_zero:
            wanted = msg("word.whole_number.zero_or_more")
        else:
            wanted = msg("word.whole_number.positive")
        raise ValidationError(
            "bad_quantity",
            msg("bad_quantity.as_int", what=name, value=value, wanted=wanted),
            field=field,
        )
    if abs(qty) > MAX_QUANTITY:
        raise ValidationError(
            "quantity_too_large",
            msg("quantity_too_large", what=name, value=value, limit=pick(thousands, MAX_QUANTITY)),
            field=field,
        )
    return qty


def text_or_none(value: str | None, max_len: int = 300) -> str | None:
    text = (value or "").strip()
    return text[:max_len] or None


def require_reason(value: str | None, field: str = "reason") -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(
            "reason_required",
            msg("reason_required"),
            field=field,
        )
    return text


def load_item(s: Session, item_id: str, station_id: str, field: str = "item_id") -> Item:
    if not item_id:
        raise ValidationError(
            "item_missing",
            msg("item_missing"),
            field=field,
        )
    item = s.get(Item, item_id)
    if item is None or item.deleted or item.station_id not in (None, station_id):
        raise NotFoundError(
            "item_not_found",
            msg("item_not_found", item_id=item_id),
            field=field,
        )
    return item


def load_lot(s: Session, lot_id: str, station_id: str, field: str = "lot_id") -> Lot:
    lot = s.get(Lot, lot_id) if lot_id else None
    if lot is None or lot.deleted or lot.station_id != station_id:
        raise NotFoundError(
            "lot_not_found",
            msg("lot_not_found.load_lot", lot_id=lot_id),
            field=field,
        )
    return lot


def lot_label(s: Session, lot: Lot) -> str:
    item = s.get(Item, lot.item_id)
    return f"{item.name if item else lot.item_id} – lô {lot.lot_no}"


def lot_balance(s: Session, lot_id: str, as_of: dt.date | None = None) -> int:
    q = select(func.coalesce(func.sum(StockTransaction.quantity), 0)).where(StockTransaction.lot_id == lot_id)
    if as_of is not None:
        q = q.where(StockTransaction.txn_date <= as_of)
    return int(s.scalar(q) or 0)


def available_from(s: Session, lot_id: str, on: dt.date) -> int:
    """What may leave the lot on `on` without making its balance negative on that day or any later day
    (a back-dated issue must not uncover a later one)."""
    rows = s.execute(
        select(StockTransaction.txn_date, func.sum(StockTransaction.quantity))
        .where(StockTransaction.lot_id == lot_id)
        .group_by(StockTransaction.txn_date)
        .order_by(StockTransaction.txn_date)
    ).all()
    balance = sum(int(q) for d, q in rows if d <= on)
    lowest = balance
    running = balance
    for d, q in rows:
        if d > on:
            running += int(q)
            lowest = min(lowest, running)
    return max(0, lowest)


def over_issue(s: Session, lot: Lot, wanted: int, available: int, field: str = "quantity") -> RuleError:
    label = lot_label(s, lot)
    return RuleError(
        "over_issue",
        msg("over_issue", label=label, available=available, wanted=wanted),
        field=field,
    )


def setting_int(s: Session, key: str, default: int) -> int:
    value = s.scalar(select(Setting.value).where(Setting.key == key))
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def write_txn(
    s: Session,
    actor: Actor,
    *,
    station_id: str,
    lot: Lot,
    kind: str,
    quantity: int,
    txn_date: dt.date,
    doc_no: str | None = None,
    source: str | None = None,
    counterparty: str | None = None,
    reason: str | None = None,
    reason_code: str | None = None,
    reverses_id: str | None = None,
    ref_table: str | None = None,
    ref_id: str | None = None,
    txn_id: str | None = None,
) -> StockTransaction:
    """One ledger row. `txn_id` is given only for a movement that can happen once (the receipt of a
    shipment line, the reversal of a movement): two PCs posting it offline then post one row."""
    txn = StockTransaction(
        station_id=station_id,
        item_id=lot.item_id,
        lot_id=lot.id,
        txn_date=txn_date,
        kind=kind,
        quantity=quantity,
        doc_no=text_or_none(doc_no, 64),
        source=source,
        counterparty=text_or_none(counterparty),
        reason=text_or_none(reason, 2000),
        reason_code=reason_code,
        reverses_id=reverses_id,
        ref_table=ref_table,
        ref_id=ref_id,
        actor=actor.name,
        actor_user=actor.username,
        created_at=utc_now(),
    )
    if txn_id is not None:
        txn.id = txn_id
    s.add(txn)
    s.flush()
    return txn
