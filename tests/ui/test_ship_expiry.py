"""The centre's ship dialog proposes no expiry (it is copied from the pack, as in Nhập kho): a line
saved without one is refused with a message naming the item, the lot and the expiry, the dialog keeps
what was typed, and the expiry typed with real keys is the one shipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import seed_items
from tests.ui.test_dialog_input import build_centre, settle
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.requisitions import ship
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import ShipmentLine
from ytcs_desktop.ui.models.documents import RequisitionRow
from ytcs_desktop.ui.pages.centre_supply import ShipDialog


def test_ship_has_no_expiry_until_one_is_typed(tmp_path: Path, make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    station_id = new_id()
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=station_id)
    ids = seed_items(db)
    try:
        window = build_centre(make_ctx(db, user="DS. Trần Văn Minh"), qtbot)
        ctx = window.ctx
        line = RequisitionRow(new_id(), "PARA500", "Paracetamol 500 mg", "viên", 50, 30.0, 200, 150, ids["PARA500"])
        dialog = ShipDialog(ctx, {"id": None, "station": "Trạm Y tế phường An Phú", "station_id": station_id},
                            [line], window)
        dialog.open()
        qtbot.waitExposed(dialog)
        settle(qtbot, ctx)
        _line, lot, expiry, qty = dialog.rows[0]
        assert expiry.value() is None and qty.value() == 150  # nothing guessed, the approved quantity kept
        lot.setFocus()
        qtbot.keyClicks(lot, "P-2027")
        qtbot.keyClick(lot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.form.error_text() != "", timeout=5000)
        assert "Chưa nhập hạn dùng của Paracetamol 500 mg, lô P-2027" in dialog.form.error_text()
        assert dialog.isVisible() and lot.text() == "P-2027" and dialog.save_button.isDefault()
        expiry.setFocus()
        expiry.setCursorPosition(0)
        qtbot.keyClicks(expiry, "31122027")
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            qtbot.keyClick(expiry, Qt.Key.Key_Return)
        with db.read() as s:
            shipped = s.scalars(select(ShipmentLine)).one()
            assert (shipped.lot_no, shipped.expiry, shipped.quantity) == ("P-2027", dt.date(2027, 12, 31), 150)
    finally:
        db.close()


def test_the_domain_refuses_a_shipment_line_without_expiry(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    station_id = new_id()
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=station_id)
    ids = seed_items(db)
    centre = Actor("DS. Trần Văn Minh", "centre")
    try:
        for missing in (None, "", "__/__/____"):
            try:
                with db.transaction() as s:
                    ship(s, centre, requisition_id=None, station_id=station_id, doc_no=None,
                         shipped_date=dt.date.today(), lines=[(ids["BCG"], "B-9", missing, 20)])
            except DomainError as err:
                assert (err.code, err.field) == ("expiry_missing", "expiry")
                assert "Vắc xin BCG, lô B-9" in err.vi and "copy the expiry printed on the box" in err.en
            else:
                raise AssertionError(f"a line with expiry {missing!r} was shipped")
    finally:
        db.close()
