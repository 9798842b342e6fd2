"""A request's timeline says "sent" only once it has gone: a draft submitted here reads "Nháp → Chờ gửi"
(waiting to be sent) until a real sync takes it to the centre, then "Nháp → Đã gửi", as its status in the
list does."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import registered_station, sign_in
from ytcs_desktop.ui.pages.support import SupportPage
from ytcs_desktop.ui.workspace import build_window


def test_timeline_says_sent_only_after_the_sync(make_ctx, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                qtbot: QtBot, monkeypatch) -> None:
    base, db_url = server
    db, _station_id = registered_station(db_url, tmp_path / "station")
    try:
        sign_in(db, base, monkeypatch)
        ctx = make_ctx(db)
        window = build_window(ctx)
        qtbot.addWidget(window)
        window.show()
        page = window.open(SupportPage)
        assert isinstance(page, SupportPage) and ctx.sync is not None
        dialog = page.new_request()
        dialog.form.fields["kind"].setCurrentIndex(1)  # type: ignore[attr-defined]
        dialog.title_edit.setText("Hội chẩn ca viêm phổi nặng")
        dialog.description.setPlainText("Bệnh nhân nam 68 tuổi, sốt cao, ho, khó thở.")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: page.selected() is not None, timeout=5000)
        timeline = page.timeline
        what = next(i for i, c in enumerate(timeline.columns) if c.key == "what")

        def first_move() -> str:
            return str(timeline.index(0, what).data()) if timeline.rowCount() else ""

        qtbot.waitUntil(lambda: first_move() != "", timeout=5000)
        assert first_move() == "Nháp → Chờ gửi"

        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as done:
            ctx.sync.sync_now()
        assert done.args[0] is not None and done.args[0].rejected == 0
        qtbot.waitUntil(lambda: first_move() == "Nháp → Đã gửi", timeout=5000)
        window.close()
    finally:
        db.close()
