"""A station that worked alone joins its centre: the first sync in the window takes its records across and
says so once, in plain words (what went, the items offered to the centre, nothing refused). Real server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import registered_station, sign_in
from tests.ui.helpers import seed_items
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.ui.workspace import build_window


def test_the_first_sync_says_what_the_station_brought(make_ctx, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      qtbot: QtBot, monkeypatch) -> None:
    base, db_url = server
    db, station_id = registered_station(db_url, tmp_path / "station")
    try:
        ids = seed_items(db)  # loaded from a file before the station had a centre: the centre lacks them
        actor, today = Actor("Nguyễn Thị Lan", "station", station_id), dt.date.today()
        with db.transaction() as s:
            for n, code_ in enumerate(("PARA500", "BCG")):
                receive(s, actor, item_id=ids[code_], lot_no=f"L{n}", expiry=today + dt.timedelta(days=300),
                        quantity=40, txn_date=today)
        sign_in(db, base, monkeypatch)
        ctx = make_ctx(db)
        window = build_window(ctx)
        qtbot.addWidget(window)
        assert ctx.sync is not None
        with qtbot.waitSignal(ctx.sync.enrolled, timeout=30_000):
            ctx.sync.sync_now()
        box = window.findChild(QMessageBox, "enrolment_summary")
        assert box is not None and box.isVisible()
        text = box.text() + "\n" + box.informativeText()
        assert "2 dòng sổ kho" in text and "2 lô" in text
        assert "PARA500" in text and "đề nghị thêm" in text
        assert "Không có thay đổi nào bị từ chối" in text
        assert "stock_transactions" not in text and station_id not in text  # no table names, no row ids
        box.accept()

        # Once: the next sync says nothing.
        with qtbot.assertNotEmitted(ctx.sync.enrolled), qtbot.waitSignal(ctx.sync.finished, timeout=30_000):
            ctx.sync.sync_now()
        window.close()
    finally:
        db.close()


def test_the_summary_keeps_its_words_and_groups_thousands() -> None:
    from ytcs_desktop.domain.enrolment import EnrolmentSummary
    from ytcs_desktop.messages import msg

    summary = EnrolmentSummary([(msg("enrolment.stock_transactions"), 5603)], [], 0)
    assert summary.lines("vi")[1] == "  5.603 dòng sổ kho (nhập, xuất, điều chỉnh)"
    assert summary.lines("en")[1] == "  5,603 stock ledger entries (receipts, issues, adjustments)"
