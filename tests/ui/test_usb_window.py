"""Sync by USB drive in the window, both ends, with a real centre server: the station writes its file, the
centre's window answers it through the server, the station reads the answer back; nothing pending after,
the centre holds the station's receipt once, a file that is not a sync file is refused in plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSWORD, add_station_account
from tests.ui.helpers import seed_items
from ytcs_desktop.domain.accounts import create_account, get_account
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import keystore
from ytcs_desktop.sync.apply import pending_count
from ytcs_desktop.sync.client import login
from ytcs_desktop.sync.join import remember_centre
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.store import ServerStore
from ytcs_desktop.ui.dialogs.usb_sync import UsbSyncDialog
from ytcs_desktop.ui.workspace import build_window


def _signed_in(db: Database, base: str, user: str) -> None:
    answer = login(base, user, PASSWORD, device_name="pc", station_id=db.station_id, replica_id=db.replica_id)
    remember_centre(db, base, answer.device_id, user)
    keystore.save_token(base, answer.device_id, answer.token, db.path.parent, to_file=True)


def _run(qtbot: QtBot, dialog: UsbSyncDialog, step: object) -> str:
    step()  # type: ignore[operator]
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled() and dialog.outcome.text() != "", timeout=30_000)
    return dialog.outcome.text()


def test_a_station_syncs_by_usb_through_the_centres_window(make_ctx, server: tuple[str, str],  # type: ignore[no-untyped-def]
                                                          tmp_path: Path, qtbot: QtBot) -> None:
    base, db_url = server
    station_id, code = add_station_account(db_url, "lan")
    store = ServerStore(db_url)
    try:
        with store.write() as conn:
            admin.add_user(conn, "kehoach", PASSWORD, "centre", None)
    finally:
        store.dispose()
    st = Database.create(tmp_path / "station" / "ytcs.sqlite3", station_id=station_id, role="station")
    hub = Database.create(tmp_path / "centre" / "ytcs.sqlite3", role="centre")
    try:
        with st.transaction() as s:
            create_station(s, code=code, name="Trạm Y tế xã Cần Giờ", station_id=station_id)
        ids = seed_items(st)
        with st.transaction() as s:
            receive(s, Actor("Lê Thị Hoa", "station", station_id), item_id=ids["PARA500"], lot_no="USB1",
                    expiry=dt.date.today() + dt.timedelta(days=400), quantity=120, txn_date=dt.date.today())
        with st.transaction() as s:  # the head of station makes a colleague's account, offline
            create_account(s, Actor("Lê Thị Hoa", "station", station_id), username="mai", full_name="Trần Thị Mai",
                           password="dieu duong mai 2026", duties=["lam_sang"])
        _signed_in(st, base, "lan")
        _signed_in(hub, base, "kehoach")

        station = build_window(make_ctx(st))
        qtbot.addWidget(station)
        dialog = station.usb_sync()
        assert isinstance(dialog, UsbSyncDialog) and dialog.read_button is not None
        request = tmp_path / "usb" / "can-gio.ytcs-sync"
        request.parent.mkdir()
        written = _run(qtbot, dialog, lambda: dialog.write(request))
        assert "mang tệp này tới Trung tâm" in written and str(request) in written
        assert request.exists() and pending_count(st) > 0

        centre = build_window(make_ctx(hub, user="Phòng Kế hoạch"))
        qtbot.addWidget(centre)
        answering = centre.usb_sync()
        assert isinstance(answering, UsbSyncDialog) and answering.read_button is None
        text = _run(qtbot, answering, lambda: answering.answer(request))
        answer = request.with_name("can-gio-tra-loi.ytcs-sync")
        assert answer.exists(), text

        text = _run(qtbot, dialog, lambda: dialog.read(answer))
        assert "0 bị từ chối" in text or "(0" in text, text
        assert "Tài khoản đăng nhập: 1 được Trung tâm xác nhận, 0 bị từ chối" in text, text
        assert pending_count(st) == 0
        with st.read() as s:
            mai = get_account(s, "mai")
            assert mai is not None and not mai.awaits_confirmation

        bad = tmp_path / "usb" / "ghi-chu.ytcs-sync"
        bad.write_bytes(b"not a sync file")
        text = _run(qtbot, dialog, lambda: dialog.read(bad))
        assert "Traceback" not in text and text and dialog.outcome.styleSheet()
        station.close()
        centre.close()
    finally:
        st.close()
        hub.close()
    store = ServerStore(db_url)
    try:
        with store.read() as conn:
            held = conn.exec_driver_sql("SELECT count(*) FROM ytcs_rows WHERE table_name = 'stock_transactions' "
                                        "AND station_key = ?", (station_id,)).scalar()
    finally:
        store.dispose()
    assert held == 1
