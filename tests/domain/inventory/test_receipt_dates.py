"""Receipt dates: no receipt dated past tomorrow (a mistyped 2099), none of a lot already expired on
the receipt day; back-dating within open periods stays allowed. Single, bulk and transfer receipts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.errors import DomainError, RuleError, ValidationError
from ytcs_desktop.domain.inventory import close_period, ledger, on_hand_by_lot, receive, receive_many, transfer_in
from ytcs_desktop.store.hlc import HybridClock, wall_clock_ms

D = dt.date
Refused = Callable[..., AbstractContextManager[None]]
FIVE_YEARS_MS = 5 * 365 * 86_400_000


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone().date()


def _receive(inv: Inv, lot_no: str, expiry: dt.date, day: dt.date, qty: int = 10) -> None:
    with inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no=lot_no, expiry=expiry, quantity=qty, txn_date=day)


def _held(inv: Inv) -> dict[str, int]:
    with inv.db.read() as s:
        return {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id, D(2100, 1, 1))}


def test_a_receipt_dated_in_the_future_is_refused(inv: Inv, refused: Refused) -> None:
    far = D(2099, 3, 1)
    with refused("future_date"), inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="F1", expiry=D(2101, 1, 1), quantity=5, txn_date=far)
    with pytest.raises(ValidationError) as err, inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="F1", expiry=D(2101, 1, 1), quantity=5, txn_date=far)
    assert err.value.field == "txn_date"
    assert "01/03/2099" in err.value.vi and "01/03/2099" in err.value.en
    day_after = _today() + dt.timedelta(days=2)
    with refused("future_date"), inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="F2", expiry=D(2101, 1, 1), quantity=5, txn_date=day_after)
    _receive(inv, "F2", D(2101, 1, 1), _today() + dt.timedelta(days=1))  # tomorrow: a note written the day before
    _receive(inv, "F3", D(2101, 1, 1), _today())
    assert _held(inv) == {"F2": 10, "F3": 10}


def test_a_lot_already_expired_on_the_receipt_day_is_refused(inv: Inv, refused: Refused) -> None:
    with pytest.raises(RuleError) as err, inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no=" HH-01 ", expiry=D(2026, 2, 28), quantity=5,
                txn_date=D(2026, 3, 2))
    assert (err.value.code, err.value.field) == ("expired_on_receipt", "expiry")
    assert "HH-01" in err.value.vi and "28/02/2026" in err.value.vi and "28/02/2026" in err.value.en
    with refused("expired_on_receipt"), inv.db.transaction() as s:
        transfer_in(s, inv.nurse, item_id=inv.para, lot_no="HH-02", expiry=D(2026, 3, 1), quantity=5,
                    txn_date=D(2026, 3, 2))
    _receive(inv, "HH-03", D(2026, 3, 2), D(2026, 3, 2))  # usable through its expiry day
    assert _held(inv) == {"HH-03": 10}


def test_back_dating_within_open_periods_stays_allowed(inv: Inv, refused: Refused) -> None:
    _receive(inv, "B1", D(2027, 6, 30), D(2026, 1, 10))
    with inv.db.transaction() as s:
        close_period(s, inv.nurse, closed_through=D(2026, 1, 31), today=D(2026, 3, 15))
    _receive(inv, "B1", D(2027, 6, 30), D(2026, 2, 1))
    with refused("period_closed"), inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="B1", expiry=D(2027, 6, 30), quantity=1,
                txn_date=D(2026, 1, 20))
    assert _held(inv) == {"B1": 20}


def test_a_delivery_note_with_one_bad_line_is_refused_whole_naming_the_line(inv: Inv, refused: Refused) -> None:
    good = {"item_id": inv.para, "lot_no": "N1", "expiry": D(2027, 1, 1), "quantity": 5, "txn_date": D(2026, 3, 2)}
    for bad, code in (({"txn_date": D(2099, 1, 1)}, "future_date"), ({"expiry": D(2026, 3, 1)}, "expired_on_receipt")):
        with pytest.raises(DomainError) as err, inv.db.transaction() as s:
            receive_many(s, inv.nurse, [good, {**good, "lot_no": "N2", **bad}])
        assert err.value.code == code and err.value.vi.startswith("Dòng 2: ") and err.value.en.startswith("Line 2: ")
        with refused(code), inv.db.transaction() as s:
            receive_many(s, inv.nurse, [good, {**good, "lot_no": "N2", **bad}])
    with inv.db.transaction() as s:
        receive_many(s, inv.nurse, [good, {**good, "lot_no": "N2", "txn_date": _today() + dt.timedelta(days=1)}])
    assert _held(inv) == {"N1": 5, "N2": 5}


def test_a_pc_clock_years_behind_does_not_block_todays_receipt(inv: Inv, refused: Refused,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is the later of the PC's date and the date corrected by the offset learned from the centre."""
    behind = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(milliseconds=FIVE_YEARS_MS)
    monkeypatch.setattr(ledger, "utc_now", lambda: behind)
    inv.db._clock = HybridClock(inv.db.replica_id, wall=lambda: wall_clock_ms() - FIVE_YEARS_MS)
    with refused("future_date"), inv.db.transaction() as s:  # not synced yet: the PC's date is all there is
        receive(s, inv.nurse, item_id=inv.para, lot_no="T1", expiry=D(2101, 1, 1), quantity=5, txn_date=_today())
    inv.db.clock.offset_ms = FIVE_YEARS_MS  # learned at the next sync
    _receive(inv, "T1", D(2101, 1, 1), _today())
    assert _held(inv) == {"T1": 10}
