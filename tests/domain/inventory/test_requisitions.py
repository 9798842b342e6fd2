"""Dự trù → duyệt → cấp hàng → nhập kho tại trạm, with the role of each step enforced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.domain.inventory.conftest import TODAY, Inv
from ytcs_desktop.domain.inventory import (
    approve,
    confirm_receipt,
    create_requisition,
    issue,
    lines_of,
    lot_blockers,
    on_hand_by_lot,
    pending_receipts,
    receive,
    reject,
    set_requested,
    ship,
    submit,
)
from ytcs_desktop.store.models import Lot, Requisition, ShipmentLine, StockLevel, StockTransaction

D = dt.date


def _history(inv: Inv) -> None:
    with inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 1, 1), quantity=400,
                txn_date=D(2025, 12, 1))
        receive(s, inv.nurse, item_id=inv.amox, lot_no="X", expiry=D(2027, 1, 1), quantity=100,
                txn_date=D(2025, 12, 1))
        for day in (D(2026, 1, 5), D(2026, 2, 5), D(2026, 3, 5)):
            issue(s, inv.nurse, item_id=inv.para, quantity=50, txn_date=day)
            issue(s, inv.nurse, item_id=inv.amox, quantity=20, txn_date=day)
        s.add(StockLevel(station_id=inv.station_id, item_id=inv.gloves, min_stock=50, max_stock=200))


def test_requisition_flow_by_roles(inv: Inv, refused) -> None:
    _history(inv)
    with inv.db.transaction() as s:
        req = create_requisition(s, inv.nurse, period_from=D(2026, 4, 1), period_to=D(2026, 6, 30), today=TODAY)
        req_id = req.id
        lines = {ln.item_id: ln for ln in lines_of(s, req.id)}
        para, amox, gloves = lines[inv.para], lines[inv.amox], lines[inv.gloves]
        # paracetamol has max 1000: suggest 1000 − 250; amoxicillin has none: 2 × 20 avg − 40 on hand = 0
        assert (para.on_hand, para.avg_monthly_use, para.requested_qty) == (250, 50.0, 750)
        assert (amox.on_hand, amox.avg_monthly_use, amox.requested_qty) == (40, 20.0, 0)
        assert (gloves.on_hand, gloves.requested_qty) == (0, 200)
        ids = {k: v.id for k, v in lines.items()}
    with inv.db.transaction() as s:
        set_requested(s, inv.nurse, line_id=ids[inv.amox], requested_qty=60)
    with refused("centre_only"), inv.db.transaction() as s:
        approve(s, inv.nurse, requisition_id=req_id, approved={})
    with refused("requisition_status"), inv.db.transaction() as s:
        approve(s, inv.centre, requisition_id=req_id, approved={})  # still a draft
    with inv.db.transaction() as s:
        submit(s, inv.nurse, requisition_id=req_id)
    with refused("requisition_status"), inv.db.transaction() as s:
        set_requested(s, inv.nurse, line_id=ids[inv.amox], requested_qty=70)
    with refused("bad_quantity"), inv.db.transaction() as s:
        approve(s, inv.centre, requisition_id=req_id, approved={ids[inv.para]: -1})
    with inv.db.transaction() as s:
        approve(s, inv.centre, requisition_id=req_id, approved={ids[inv.para]: 500})
        got = {ln.item_id: ln.approved_qty for ln in lines_of(s, req_id)}
        assert got == {inv.para: 500, inv.amox: 60, inv.gloves: 200}
    with refused("centre_only"), inv.db.transaction() as s:
        ship(s, inv.nurse, requisition_id=req_id, station_id=inv.station_id, doc_no="PX-TT-01",
             shipped_date=D(2026, 4, 2), lines=[(inv.para, "C", D(2027, 6, 1), 500, "DHG")])
    with refused("ship_expired"), inv.db.transaction() as s:
        ship(s, inv.centre, requisition_id=req_id, station_id=inv.station_id, doc_no="PX-TT-01",
             shipped_date=D(2026, 4, 2), lines=[(inv.para, "C", D(2026, 4, 1), 500, "DHG")])
    with inv.db.transaction() as s:
        shipped = ship(s, inv.centre, requisition_id=req_id, station_id=inv.station_id, doc_no="PX-TT-01",
                       shipped_date=D(2026, 4, 2),
                       lines=[(inv.para, "C", D(2027, 6, 1), 500, "DHG"), (inv.gloves, "G9", D(2029, 1, 1), 200)])
        assert s.get(Requisition, req_id).status == "shipped"  # type: ignore[union-attr]
        assert [ln.status for ln in shipped] == ["pending", "pending"]
    with inv.db.read() as s:
        pending = pending_receipts(s, inv.station_id)
        assert [(p.lot_no, p.quantity) for p in pending] == [("C", 500), ("G9", 200)]
        c_line, g_line = pending[0].id, pending[1].id
    # the station confirms lot by lot; a shortfall needs a discrepancy note
    with refused("discrepancy_required"), inv.db.transaction() as s:
        confirm_receipt(s, inv.nurse, shipment_line_id=g_line, received_qty=190, txn_date=D(2026, 4, 3))
    with refused("station_only"), inv.db.transaction() as s:
        confirm_receipt(s, inv.centre, shipment_line_id=c_line, received_qty=500, txn_date=D(2026, 4, 3))
    with inv.db.transaction() as s:
        (rec,) = confirm_receipt(s, inv.nurse, shipment_line_id=c_line, received_qty=500, txn_date=D(2026, 4, 3))
        assert (rec.kind, rec.source, rec.quantity, rec.doc_no) == ("receipt", "centre", 500, "PX-TT-01")
        confirm_receipt(s, inv.nurse, shipment_line_id=g_line, received_qty=190, txn_date=D(2026, 4, 3),
                        discrepancy="Thiếu 1 hộp 10 cái")
    with refused("shipment_confirmed"), inv.db.transaction() as s:
        confirm_receipt(s, inv.nurse, shipment_line_id=c_line, received_qty=500, txn_date=D(2026, 4, 3))
    with inv.db.read() as s:
        assert pending_receipts(s, inv.station_id) == []
        g = s.get(ShipmentLine, g_line)
        assert g is not None and (g.status, g.received_qty, g.discrepancy) == ("confirmed", 190, "Thiếu 1 hộp 10 cái")
        assert {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)} == {
            "A": 250, "C": 500, "X": 40, "G9": 190}


def test_reject_and_empty_submit(inv: Inv, refused) -> None:
    with inv.db.transaction() as s:
        req_id = create_requisition(s, inv.nurse, period_from=D(2026, 4, 1), period_to=D(2026, 4, 30),
                                    item_ids=[inv.amox], today=TODAY).id
    with refused("requisition_empty"), inv.db.transaction() as s:
        submit(s, inv.nurse, requisition_id=req_id)
    with inv.db.transaction() as s:
        (line,) = lines_of(s, req_id)
        set_requested(s, inv.nurse, line_id=line.id, requested_qty=100)
        submit(s, inv.nurse, requisition_id=req_id)
    with refused("centre_only"), inv.db.transaction() as s:
        reject(s, inv.nurse, requisition_id=req_id, reason="Không")
    with refused("reason_required"), inv.db.transaction() as s:
        reject(s, inv.centre, requisition_id=req_id, reason="")
    with inv.db.transaction() as s:
        reject(s, inv.centre, requisition_id=req_id, reason="Kho Trung tâm hết hàng, dự trù lại tháng sau")
    with refused("requisition_status"), inv.db.transaction() as s:
        ship(s, inv.centre, requisition_id=req_id, station_id=inv.station_id, doc_no="PX", shipped_date=TODAY,
             lines=[(inv.amox, "Z", D(2027, 1, 1), 100)])
    with refused("bad_period"), inv.db.transaction() as s:
        create_requisition(s, inv.nurse, period_from=D(2026, 4, 30), period_to=D(2026, 4, 1))


def test_vaccine_received_at_vvm_3_is_recorded_and_blocked(inv: Inv) -> None:
    with inv.db.transaction() as s:
        (line,) = ship(s, inv.centre, requisition_id=None, station_id=inv.station_id, doc_no="PX-VX",
                       shipped_date=TODAY, lines=[(inv.bcg, "BCG-7", D(2027, 1, 1), 200, "IVAC")])
        line_id = line.id
    with inv.db.transaction() as s:
        confirm_receipt(s, inv.nurse, shipment_line_id=line_id, received_qty=200, txn_date=TODAY,
                        vvm_stage=3, temperature=5.5)
    with inv.db.read() as s:
        lot = s.scalars(select(Lot).where(Lot.lot_no == "BCG-7")).one()
        assert lot.vvm_stage == 3
        assert [e.code for e in lot_blockers(s, lot, TODAY)] == ["lot_vvm"]
        shipped = s.get(ShipmentLine, line_id)
        assert shipped is not None and (shipped.vvm_stage, shipped.temperature) == (3, 5.5)
        assert s.scalars(select(StockTransaction)).one().quantity == 200
