"""A change the centre refuses is shown with the centre's reason: in the overview, on the sync page and
in the status bar. (A station that has a centre may not change its licence: the centre keeps it.)"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import registered_station, sign_in
from ytcs_desktop.store.models import Station
from ytcs_desktop.ui.pages.overview import OverviewPage
from ytcs_desktop.ui.pages.sync_log import SyncLogPage
from ytcs_desktop.ui.widgets.sync_status import SyncStatusWidget
from ytcs_desktop.ui.workspace import build_window


def test_refused_change_shows_with_reason(make_ctx, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                          qtbot: QtBot, monkeypatch) -> None:
    base, db_url = server
    db, station_id = registered_station(db_url, tmp_path / "station")
    try:
        sign_in(db, base, monkeypatch)
        ctx = make_ctx(db)
        window = build_window(ctx)
        qtbot.addWidget(window)
        assert ctx.sync is not None
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as first:
            ctx.sync.sync_now()
        assert first.args[0] is not None and first.args[0].rejected == 0
        with db.transaction() as s:  # written behind the domain's back, as an older program might
            row = s.get(Station, station_id)
            assert row is not None
            row.licence_no = "123/GP-SYT"
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as done:
            ctx.sync.sync_now()
        report = done.args[0]
        assert report is not None and report.rejected >= 1
        qtbot.waitUntil(lambda: ctx.sync is not None and ctx.sync.status.rejected >= 1, timeout=5000)

        overview = window.open(OverviewPage)
        assert isinstance(overview, OverviewPage)
        qtbot.waitUntil(lambda: overview.cards["refused"].count.text() not in ("…", "0"), timeout=5000)
        sync_page = window.open(SyncLogPage)
        assert isinstance(sync_page, SyncLogPage)
        qtbot.waitUntil(lambda: sync_page.refused.rowCount() >= 1, timeout=5000)
        row = sync_page.refused.row_at(0)
        assert row.table == "stations" and row.code == "field_not_owned"
        model = sync_page.refused
        shown = " | ".join(str(model.index(0, c).data()) for c in range(model.columnCount()))
        # In the user's words: the record as they know it, the centre's decision, what to do; no table or
        # column name, no raw value, no row id.
        assert "Hồ sơ trạm" in shown and "Trạm Y tế phường An Phú" in shown and "Trung tâm quản lý" in shown
        assert "Không cần làm gì" in shown
        for technical in ("stations", "licence_no", "field_not_owned", station_id, station_id[:8], "[", "/ The"):
            assert technical not in shown, (technical, shown)
        widget = window.findChild(SyncStatusWidget)
        assert widget is not None and "bị từ chối" in widget.detail_label.text()
        window.close()
    finally:
        db.close()
