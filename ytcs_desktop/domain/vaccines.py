"""Vaccine vials: opening (which issues the vial's doses from the ledger), closing with the doses given,
the expiry of an opened vial, and open-vial versus closed-vial wastage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import moment_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import as_int, load_lot, setting_int, station_of, text_or_none
from ytcs_desktop.domain.inventory.ledger import issue, reverse
from ytcs_desktop.domain.inventory.movements import movement_summary
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.models import Item, Lot, StockTransaction, VialOpening

DEFAULT_OPEN_VIAL_HOURS = 6


def _moment(value: object, field: str) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValidationError(
            "bad_datetime",
            msg("bad_datetime"),
            field=field,
        )
    return value


def open_vial_hours(s: Session, item: Item) -> int:
    """Hours an opened vial stays usable: the item's own policy (e.g. 672 h = 28 days for liquid
    vaccines where allowed), else the station setting 'open_vial_hours', else 6."""
    if item.open_vial_hours:
        return int(item.open_vial_hours)
    return setting_int(s, "open_vial_hours", DEFAULT_OPEN_VIAL_HOURS)


def open_vial(
    s: Session,
    actor: Actor,
    *,
    lot_id: str,
    opened_at: dt.datetime,
    session_label: str | None = None,
    session_end: dt.datetime | None = None,
) -> VialOpening:
    """Record an opened vial and issue its doses from the lot, dated on the local day of `opened_at`
    (pass the station's local time with its offset). It expires after the policy hours or at the end of
    the session, whichever comes first."""
    station_id = station_of(actor)
    opened = _moment(opened_at, "opened_at")
    lot = load_lot(s, lot_id, station_id)
    item = s.get(Item, lot.item_id)
    if item is None or item.category != "vaccine" or not item.doses_per_vial:
        raise RuleError(
            "not_a_vaccine_vial",
            msg("not_a_vaccine_vial", lot_no=lot.lot_no),
            field="lot_id",
        )
    expires = opened + dt.timedelta(hours=open_vial_hours(s, item))
    if session_end is not None:
        end = _moment(session_end, "session_end")
        if end <= opened:
            raise ValidationError(
                "bad_session_end",
                msg("bad_session_end"),
                field="session_end",
            )
        expires = min(expires, end)
    vial = VialOpening(
        id=new_id(),
        station_id=station_id,
        lot_id=lot.id,
        opened_at=opened,
        session_label=text_or_none(session_label, 200),
        session_end=session_end,
        expires_at=expires,
        recorded_by=actor.name,
    )
    (txn,) = issue(
        s, actor, item_id=item.id, quantity=item.doses_per_vial, txn_date=opened.date(), lot_id=lot.id,
        reason=f"Mở lọ vắc xin{': ' + vial.session_label if vial.session_label else ''}",
        ref_table="vial_openings", ref_id=vial.id, fefo_check=False,
    )
    vial.issue_txn_id = txn.id
    s.add(vial)
    s.flush()
    return vial


def _doses_in(s: Session, vial: VialOpening) -> int:
    qty = s.scalar(select(StockTransaction.quantity).where(StockTransaction.id == vial.issue_txn_id))
    return -int(qty or 0)


def cancel_vial(s: Session, actor: Actor, *, vial_id: str, txn_date: dt.date, reason: str) -> VialOpening:
    """A vial opening recorded by mistake: its issue is reversed and the record tombstoned."""
    station_id = station_of(actor)
    vial = _load_vial(s, station_id, vial_id)
    if vial.closed_at is not None:
        raise RuleError(
            "vial_closed",
            msg("vial_closed"),
            field="vial_id",
        )
    if vial.issue_txn_id:
        reverse(s, actor, txn_id=vial.issue_txn_id, txn_date=txn_date, reason=reason, _from_vial=True)
    vial.deleted = True
    s.flush()
    return vial


def _load_vial(s: Session, station_id: str, vial_id: str) -> VialOpening:
    vial = s.get(VialOpening, vial_id) if vial_id else None
    if vial is None or vial.deleted or vial.station_id != station_id:
        raise NotFoundError(
            "vial_not_found",
            msg("vial_not_found"),
            field="vial_id",
        )
    return vial


def close_vial(s: Session, actor: Actor, *, vial_id: str, doses_given: int, closed_at: dt.datetime) -> VialOpening:
    """Close an opened vial: doses given to children, the rest of the vial is open-vial wastage."""
    station_id = station_of(actor)
    vial = _load_vial(s, station_id, vial_id)
    if vial.closed_at is not None:
        raise RuleError(
            "vial_closed",
            msg("vial_closed.close_vial", closed_at=pick(moment_text, vial.closed_at)),
            field="vial_id",
        )
    closed = _moment(closed_at, "closed_at")
    if closed < vial.opened_at:
        raise ValidationError(
            "bad_closed_at",
            msg("bad_closed_at"),
            field="closed_at",
        )
    doses = _doses_in(s, vial)
    given = as_int(doses_given, "doses_given", allow_zero=True, what=msg("word.doses_given"))
    if given > doses:
        raise ValidationError(
            "too_many_doses",
            msg("too_many_doses", doses=doses, given=given),
            field="doses_given",
        )
    vial.doses_given = given
    vial.doses_wasted = doses - given
    vial.closed_at = closed
    s.flush()
    return vial


@dataclass(frozen=True)
class OpenVial:
    vial_id: str
    lot_id: str
    item_name: str
    lot_no: str
    opened_at: dt.datetime
    expires_at: dt.datetime
    session_label: str | None
    doses: int
    expired: bool  # past its open-vial time: discard and close it


def open_vials(s: Session, station_id: str, now: dt.datetime) -> list[OpenVial]:
    """Vials opened and not yet closed, soonest expiry first."""
    now = _moment(now, "now")
    rows = s.execute(
        select(VialOpening, Item.name, Lot.lot_no, StockTransaction.quantity)
        .join(Lot, Lot.id == VialOpening.lot_id)
        .join(Item, Item.id == Lot.item_id)
        .outerjoin(StockTransaction, StockTransaction.id == VialOpening.issue_txn_id)
        .where(VialOpening.station_id == station_id, VialOpening.closed_at.is_(None),
               VialOpening.deleted.is_(False))
        .order_by(VialOpening.expires_at)
    ).all()
    return [
        OpenVial(v.id, v.lot_id, name, lot_no, v.opened_at, v.expires_at, v.session_label, -int(qty or 0),
                 v.expires_at <= now)
        for v, name, lot_no, qty in rows
    ]


@dataclass(frozen=True)
class WastageLine:
    """One vaccine lot over a period (vaccine use report). Doses throughout."""

    item_id: str
    item_name: str
    lot_id: str
    lot_no: str
    expiry: dt.date
    doses_per_vial: int
    opening: int
    received: int
    vials_opened: int
    doses_opened: int
    doses_given: int
    wasted_opened: int  # open-vial wastage: the rest of closed vials
    wasted_expired: int  # closed-vial wastage, by disposal reason
    wasted_vvm: int
    wasted_frozen: int
    wasted_damaged: int  # broken vials and other disposals
    closing: int

    @property
    def wasted_closed(self) -> int:
        return self.wasted_expired + self.wasted_vvm + self.wasted_frozen + self.wasted_damaged

    @property
    def wastage_pct(self) -> float:
        """Doses wasted as a share of doses used (opened or disposed)."""
        used = self.doses_opened + self.wasted_closed
        return round(100.0 * (self.wasted_opened + self.wasted_closed) / used, 1) if used else 0.0


def wastage(s: Session, station_id: str, date_from: dt.date, date_to: dt.date) -> list[WastageLine]:
    moves = [m for m in movement_summary(s, station_id, date_from, date_to) if m.category == "vaccine"]
    if not moves:
        return []
    lot_ids = [m.lot_id for m in moves]
    in_period = (StockTransaction.txn_date >= date_from) & (StockTransaction.txn_date <= date_to)
    vials: dict[str, tuple[int, int, int, int]] = {}
    for lot_id, n, opened, given, wasted in s.execute(
        select(VialOpening.lot_id, func.count(), -func.sum(StockTransaction.quantity),
               func.sum(VialOpening.doses_given), func.sum(VialOpening.doses_wasted))
        .join(StockTransaction, StockTransaction.id == VialOpening.issue_txn_id)
        .where(VialOpening.station_id == station_id, VialOpening.deleted.is_(False), in_period,
               VialOpening.lot_id.in_(lot_ids))
        .group_by(VialOpening.lot_id)
    ):
        vials[lot_id] = (int(n), int(opened or 0), int(given or 0), int(wasted or 0))
    # disposals net of their reversals (a reversal carries the disposal's reason code)
    disposed: dict[tuple[str, str | None], int] = {}
    for lot_id, code, qty in s.execute(
        select(StockTransaction.lot_id, StockTransaction.reason_code, -func.sum(StockTransaction.quantity))
        .where(StockTransaction.station_id == station_id, in_period, StockTransaction.lot_id.in_(lot_ids),
               StockTransaction.kind.in_(("disposal", "reversal")), StockTransaction.reason_code.is_not(None))
        .group_by(StockTransaction.lot_id, StockTransaction.reason_code)
    ):
        disposed[(lot_id, code)] = int(qty or 0)
    per_vial = dict(s.execute(select(Item.id, Item.doses_per_vial).where(Item.category == "vaccine")).all())
    out = []
    for m in moves:
        n, opened, given, wasted = vials.get(m.lot_id, (0, 0, 0, 0))
        out.append(
            WastageLine(
                item_id=m.item_id, item_name=m.item_name, lot_id=m.lot_id, lot_no=m.lot_no, expiry=m.expiry,
                doses_per_vial=int(per_vial.get(m.item_id) or 1), opening=m.opening,
                received=m.received_centre + m.received_other, vials_opened=n, doses_opened=opened,
                doses_given=given, wasted_opened=wasted,
                wasted_expired=disposed.get((m.lot_id, "expired"), 0),
                wasted_vvm=disposed.get((m.lot_id, "vvm"), 0),
                wasted_frozen=disposed.get((m.lot_id, "frozen"), 0),
                wasted_damaged=disposed.get((m.lot_id, "damaged"), 0) + disposed.get((m.lot_id, "other"), 0),
                closing=m.closing,
            )
        )
    return out
