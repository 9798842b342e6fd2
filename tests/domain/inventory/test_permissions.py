"""Roles with permissions: who at a station approves a count, disposes stock, closes a period and submits a
report; who at the centre approves a requisition and ships. A refusal names the role that may."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from tests.domain.conftest import write
from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied
from ytcs_desktop.domain.inventory import approve_count, count_lines, dispose, enter_physical, receive, start_count
from ytcs_desktop.domain.inventory.periods import close_period
from ytcs_desktop.domain.inventory.requisitions import approve, create_requisition, reject, ship, submit
from ytcs_desktop.domain.permissions import ACTIONS, DUTIES, check_duties, may, require
from ytcs_desktop.domain.reporting.schedule import seed_schedule
from ytcs_desktop.domain.reporting.submissions import submit as submit_report
from ytcs_desktop.store.models import ClosedPeriod, Lot, ReportSubmission

D = dt.date
TODAY = D(2026, 3, 15)


def person(actor: Actor, *duties: str) -> Actor:
    return replace(actor, duties=frozenset(duties), username="u")


def _lot(inv: Inv) -> str:
    with inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 12, 1), quantity=100,
                txn_date=D(2026, 3, 1))
        return str(s.scalar(select(Lot.id).where(Lot.lot_no == "A")))


def test_only_the_head_or_the_stock_keeper_approves_a_count(inv: Inv, refused) -> None:
    lot = _lot(inv)
    with inv.db.transaction() as s:
        count = start_count(s, person(inv.nurse, "lam_sang"), count_date=D(2026, 3, 10), team="Lan")
        line_id = count_lines(s, count.id)[0].id
    with inv.db.transaction() as s:
        enter_physical(s, person(inv.nurse, "lam_sang"), line_id=line_id, physical_qty=100)
    with refused("duty_required"), inv.db.transaction() as s:
        approve_count(s, person(inv.nurse, "lam_sang"), count_id=count.id)
    with pytest.raises(PermissionDenied) as info, inv.db.transaction() as s:
        approve_count(s, person(inv.nurse, "lam_sang"), count_id=count.id)
    assert "trạm trưởng hoặc thủ kho / dược sĩ" in info.value.vi
    assert "head of station or stock keeper / pharmacist" in info.value.en
    with inv.db.transaction() as s:
        approve_count(s, person(inv.nurse, "thu_kho"), count_id=count.id)
    with inv.db.read() as s:
        assert s.get(Lot, lot) is not None


def test_only_the_head_or_the_stock_keeper_disposes(inv: Inv, refused) -> None:
    lot = _lot(inv)
    with refused("duty_required"), inv.db.transaction() as s:
        dispose(s, person(inv.nurse, "lam_sang"), lot_id=lot, quantity=5, txn_date=TODAY, reason_code="damaged")
    with inv.db.transaction() as s:
        dispose(s, person(inv.nurse, "truong_tram"), lot_id=lot, quantity=5, txn_date=TODAY,
                reason_code="damaged")
    with inv.db.transaction() as s:
        dispose(s, person(inv.nurse, "lam_sang", "thu_kho"), lot_id=lot, quantity=5, txn_date=TODAY,
                reason_code="damaged")


def test_only_the_head_or_the_stock_keeper_closes_a_period(inv: Inv, refused) -> None:
    _lot(inv)
    with refused("duty_required"), inv.db.transaction() as s:
        close_period(s, person(inv.nurse, "lam_sang"), closed_through=D(2026, 3, 5), today=TODAY)
    with inv.db.transaction() as s:
        close_period(s, person(inv.nurse, "thu_kho"), closed_through=D(2026, 3, 5), today=TODAY)
    with inv.db.read() as s:
        assert s.scalar(select(ClosedPeriod.closed_through)) == D(2026, 3, 5)


def test_only_the_head_submits_a_report(inv: Inv, refused) -> None:
    write(inv.db, seed_schedule, inv.centre)
    friday = D(2026, 3, 13)
    for duties in (("thu_kho",), ("lam_sang",)):
        with refused("duty_required"), inv.db.transaction() as s:
            submit_report(s, person(inv.nurse, *duties), kind="weekly", day=friday, today=friday)
    sent = write(inv.db, submit_report, person(inv.nurse, "truong_tram"), kind="weekly", day=friday, today=friday)
    with inv.db.read() as s:
        assert s.get(ReportSubmission, sent.id) is not None


def test_only_centre_pharmacy_approves_rejects_and_ships(inv: Inv, refused) -> None:
    _lot(inv)
    with inv.db.transaction() as s:
        req_id = create_requisition(s, inv.nurse, period_from=D(2026, 4, 1), period_to=D(2026, 6, 30),
                                    today=TODAY).id
        submit(s, inv.nurse, requisition_id=req_id)
    for duty in ("ke_hoach", "dieu_duong", "quan_tri"):
        with refused("duty_required"), inv.db.transaction() as s:
            approve(s, person(inv.centre, duty), requisition_id=req_id, approved={})
        with refused("duty_required"), inv.db.transaction() as s:
            reject(s, person(inv.centre, duty), requisition_id=req_id, reason="Không đủ hàng")
        with refused("duty_required"), inv.db.transaction() as s:
            ship(s, person(inv.centre, duty), requisition_id=req_id, station_id=inv.station_id, doc_no="PX",
                 shipped_date=D(2026, 4, 2), lines=[(inv.para, "C", D(2027, 6, 1), 10, "DHG")])
    with pytest.raises(PermissionDenied) as info, inv.db.transaction() as s:
        approve(s, person(inv.centre, "ke_hoach"), requisition_id=req_id, approved={})
    assert "Chỉ khoa Dược mới được duyệt hoặc từ chối phiếu dự trù" in info.value.vi
    pharmacy = person(inv.centre, "duoc")
    with inv.db.transaction() as s:
        approve(s, pharmacy, requisition_id=req_id, approved={})
        ship(s, pharmacy, requisition_id=req_id, station_id=inv.station_id, doc_no="PX",
             shipped_date=D(2026, 4, 2), lines=[(inv.para, "C", D(2027, 6, 1), 10, "DHG")])


def test_a_system_actor_holds_every_duty_of_its_side_only() -> None:
    station, centre = Actor("hệ thống", "station", "s1"), Actor("hệ thống", "centre")
    for code, action in ACTIONS.items():
        sides = {DUTIES[d].side for d in action.duties}
        assert may(station, code) == ("station" in sides)
        assert may(centre, code) == ("centre" in sides)
    require(station, "approve_count")
    with pytest.raises(PermissionDenied):
        require(person(station, "lam_sang"), "approve_count")


def test_duties_given_to_an_account_are_checked_for_its_side() -> None:
    assert check_duties("station", "truong_tram, thu_kho") == {"truong_tram", "thu_kho"}
    for bad in ("duoc", "", "truong_tram,bac_si"):
        with pytest.raises(Exception) as info:
            check_duties("station", bad)
        assert info.value.field == "duties"  # type: ignore[attr-defined]
