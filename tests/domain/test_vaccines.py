"""Vaccine vials: opening issues the doses, expiry of an opened vial, closing, open/closed-vial wastage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from sqlalchemy import select

from tests.domain.inventory.conftest import Inv, make_inv, refusal_checker
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.inventory import dispose, on_hand_by_lot, receive, reverse
from ytcs_desktop.domain.vaccines import cancel_vial, close_vial, open_vial, open_vials, wastage
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Quarantine, Setting, StockTransaction, VialOpening

D = dt.date
VN = dt.timezone(dt.timedelta(hours=7))
MORNING = dt.datetime(2026, 3, 15, 7, 30, tzinfo=VN)


@pytest.fixture
def inv(station_db: Database) -> Inv:
    return make_inv(station_db)


@pytest.fixture
def refused(inv: Inv) -> Callable[..., AbstractContextManager[None]]:
    return refusal_checker(inv)


def _lots(inv: Inv) -> tuple[str, str]:
    with inv.db.transaction() as s:
        bcg = receive(s, inv.nurse, item_id=inv.bcg, lot_no="BCG-1", expiry=D(2027, 1, 1), quantity=100,
                      txn_date=D(2026, 3, 1), source="centre")[0].lot_id
        hepb = receive(s, inv.nurse, item_id=inv.hepb, lot_no="HB-1", expiry=D(2027, 1, 1), quantity=20,
                       txn_date=D(2026, 3, 1), source="centre")[0].lot_id
    return bcg, hepb


def test_open_vial_issues_doses_and_expires_by_policy_or_session(inv: Inv) -> None:
    bcg, hepb = _lots(inv)
    with inv.db.transaction() as s:
        v1 = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING, session_label="Tiêm chủng ngày 15")
        v2 = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING, session_end=MORNING + dt.timedelta(hours=4))
        v3 = open_vial(s, inv.nurse, lot_id=hepb, opened_at=MORNING)
        assert v1.expires_at == MORNING + dt.timedelta(hours=6)
        assert v2.expires_at == MORNING + dt.timedelta(hours=4)  # the session ends first
        assert v3.expires_at == MORNING + dt.timedelta(days=28)  # liquid vaccine, 672 h policy
        txn = s.get(StockTransaction, v1.issue_txn_id)
        assert txn is not None and (txn.kind, txn.quantity, txn.txn_date) == ("issue", -10, D(2026, 3, 15))
        assert txn.ref_id == v1.id
    with inv.db.read() as s:
        assert {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)} == {"BCG-1": 80, "HB-1": 19}
        listed = open_vials(s, inv.station_id, MORNING + dt.timedelta(hours=5))
        assert [(v.lot_no, v.doses, v.expired) for v in listed] == [
            ("BCG-1", 10, True), ("BCG-1", 10, False), ("HB-1", 1, False)]
    with inv.db.transaction() as s:
        s.add(Setting(key="open_vial_hours", value="8"))
    with inv.db.transaction() as s:
        v4 = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING)
        assert v4.expires_at == MORNING + dt.timedelta(hours=8)


def test_open_vial_refusals(inv: Inv, refused) -> None:
    bcg, _ = _lots(inv)
    with inv.db.transaction() as s:
        para = receive(s, inv.nurse, item_id=inv.para, lot_no="P", expiry=D(2027, 1, 1), quantity=10,
                       txn_date=D(2026, 3, 1))[0].lot_id
        s.add(Quarantine(station_id=inv.station_id, lot_id=bcg, reason="Đông băng", started_at=utc_now()))
    with refused("not_a_vaccine_vial"), inv.db.transaction() as s:
        open_vial(s, inv.nurse, lot_id=para, opened_at=MORNING)
    with refused("bad_datetime"), inv.db.transaction() as s:
        open_vial(s, inv.nurse, lot_id=bcg, opened_at=dt.datetime(2026, 3, 15, 7, 30))
    with refused("lot_quarantined"), inv.db.transaction() as s:
        open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING)
    with refused("lot_not_found"), inv.db.transaction() as s:
        open_vial(s, inv.nurse, lot_id="nope", opened_at=MORNING)


def test_close_vial_and_wastage(inv: Inv, refused) -> None:
    bcg, hepb = _lots(inv)
    with inv.db.transaction() as s:
        v1 = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING).id
        v2 = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING).id
    with refused("too_many_doses"), inv.db.transaction() as s:
        close_vial(s, inv.nurse, vial_id=v1, doses_given=11, closed_at=MORNING + dt.timedelta(hours=3))
    with pytest.raises(ValidationError) as bad, inv.db.transaction() as s:
        close_vial(s, inv.nurse, vial_id=v1, doses_given="tám", closed_at=MORNING + dt.timedelta(hours=3))
    assert bad.value.field == "doses_given" and bad.value.vi.startswith("Số liều đã tiêm “tám”"), bad.value.vi
    with refused("bad_closed_at"), inv.db.transaction() as s:
        close_vial(s, inv.nurse, vial_id=v1, doses_given=5, closed_at=MORNING - dt.timedelta(hours=3))
    with inv.db.transaction() as s:
        closed = close_vial(s, inv.nurse, vial_id=v1, doses_given=8, closed_at=MORNING + dt.timedelta(hours=3))
        assert (closed.doses_given, closed.doses_wasted) == (8, 2)
        close_vial(s, inv.nurse, vial_id=v2, doses_given=6, closed_at=MORNING + dt.timedelta(hours=6))
    with refused("vial_closed"), inv.db.transaction() as s:
        close_vial(s, inv.nurse, vial_id=v1, doses_given=8, closed_at=MORNING + dt.timedelta(hours=4))
    with inv.db.transaction() as s:
        dispose(s, inv.nurse, lot_id=bcg, quantity=10, txn_date=D(2026, 3, 20), reason_code="frozen")
        (wrong,) = dispose(s, inv.nurse, lot_id=bcg, quantity=10, txn_date=D(2026, 3, 20), reason_code="vvm")
        reverse(s, inv.nurse, txn_id=wrong.id, txn_date=D(2026, 3, 20), reason="Ghi nhầm lô")
        dispose(s, inv.nurse, lot_id=hepb, quantity=2, txn_date=D(2026, 3, 21), reason_code="expired")
    with inv.db.read() as s:
        lines = {w.lot_no: w for w in wastage(s, inv.station_id, D(2026, 3, 1), D(2026, 3, 31))}
        assert open_vials(s, inv.station_id, MORNING) == []
        assert s.scalars(select(VialOpening)).all()
    b = lines["BCG-1"]
    assert (b.opening, b.received, b.vials_opened, b.doses_opened, b.doses_given, b.wasted_opened) == (
        0, 100, 2, 20, 14, 6)
    assert (b.wasted_frozen, b.wasted_vvm, b.wasted_expired, b.wasted_closed, b.closing) == (10, 0, 0, 10, 70)
    assert b.wastage_pct == round(100 * 16 / 30, 1)
    h = lines["HB-1"]
    assert (h.vials_opened, h.wasted_expired, h.wastage_pct, h.closing) == (0, 2, 100.0, 18)


def test_cancel_vial_reverses_its_issue(inv: Inv, refused) -> None:
    bcg, _ = _lots(inv)
    with inv.db.transaction() as s:
        vial = open_vial(s, inv.nurse, lot_id=bcg, opened_at=MORNING)
        vial_id, txn_id = vial.id, vial.issue_txn_id
    with refused("reverse_vial"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=txn_id or "", txn_date=D(2026, 3, 15), reason="Ghi nhầm")
    with inv.db.transaction() as s:
        cancel_vial(s, inv.nurse, vial_id=vial_id, txn_date=D(2026, 3, 15), reason="Ghi nhầm lô")
    with inv.db.read() as s:
        assert {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)}["BCG-1"] == 100
        assert open_vials(s, inv.station_id, MORNING) == []
        assert [w.vials_opened for w in wastage(s, inv.station_id, D(2026, 3, 1), D(2026, 3, 31))] == [0, 0]
    with refused("vial_not_found"), inv.db.transaction() as s:
        cancel_vial(s, inv.nurse, vial_id=vial_id, txn_date=D(2026, 3, 15), reason="lại")
