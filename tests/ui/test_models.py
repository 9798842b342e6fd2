"""Every table model passes qtmodeltester, loaded from a real station database with some of everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import seed_items, station_actor
from ytcs_desktop.domain.coldchain import add_fridge, record_reading
from ytcs_desktop.domain.inventory import issue, receive
from ytcs_desktop.domain.inventory.counts import start_count
from ytcs_desktop.domain.inventory.requisitions import create_requisition
from ytcs_desktop.domain.stations import add_staff
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.domain.training import create_session, record_attendance
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models import centre, coldchain, documents, people, stock, support, sync_info
from ytcs_desktop.ui.models.base import RecordTableModel, SearchProxy


@pytest.fixture
def rich_ctx(station_ctx: AppContext) -> AppContext:
    db = station_ctx.db
    ids = seed_items(db)
    actor = station_actor(db)
    today = dt.date.today()
    with db.transaction() as s:
        fridge = add_fridge(s, actor, name="Tủ 1")
        receive(s, actor, item_id=ids["PARA500"], lot_no="P1", expiry=today + dt.timedelta(days=30), quantity=50,
                txn_date=today)
        receive(s, actor, item_id=ids["BCG"], lot_no="B1", expiry=today + dt.timedelta(days=300), quantity=40,
                txn_date=today, fridge_id=fridge.id)
        issue(s, actor, item_id=ids["PARA500"], quantity=5, txn_date=today)
        staff = add_staff(s, actor, full_name="Lê Văn Bình", title="doctor")
        session = create_session(s, actor, organiser="Trạm", topic="Sơ cứu", programme="other", date_from=today,
                                 date_to=today, periods=4)
        record_attendance(s, actor, session_id=session.id, staff_id=staff.id)
        request = create_request(s, actor, kind="consultation", title="Hội chẩn", urgency="urgent")
        move(s, actor, request.id, "submitted")
        record_reading(s, actor, fridge_id=fridge.id, reading_date=today, slot="morning", celsius=9.0)
        start_count(s, actor, count_date=today)
        create_requisition(s, actor, period_from=today, period_to=today + dt.timedelta(days=30))
    return station_ctx


def _models(ctx: AppContext) -> list[tuple[RecordTableModel, Callable[[RecordTableModel], None] | None]]:
    ops, sid, lang = ctx.ops, ctx.actor.station_id, ctx.lang
    card = stock.StockCardModel(ops, sid, lang)
    lines = documents.CountLinesModel(ops)
    req_lines = documents.RequisitionLinesModel(ops, "requested_qty")
    timeline = support.TimelineModel(ops, lang)
    attendance = people.AttendanceModel(ops, lang)

    def first_id(model_cls: type[RecordTableModel], attr: str) -> Callable[[RecordTableModel], None]:
        def setup(model: RecordTableModel) -> None:
            source = model_cls(ops, sid) if model_cls is not support.RequestsModel else model_cls(ops, sid, lang)
            first = _fetch(ctx, source)[0]
            getattr(model, attr)(first["id"] if isinstance(first, dict) else first.id)
        return setup

    return [
        (stock.ItemStockModel(ops, sid, lang), None),
        (stock.LotStockModel(ops, sid, lang), None),
        (card, lambda m: card.show_item(_fetch(ctx, stock.ItemStockModel(None, sid))[0].item_id,
                                        dt.date(2000, 1, 1), dt.date.today())),
        (documents.CountsModel(ops, sid), None),
        (lines, first_id(documents.CountsModel, "show_count")),
        (documents.RequisitionsModel(ops, sid), None),
        (req_lines, first_id(documents.RequisitionsModel, "show")),
        (documents.PendingReceiptsModel(ops, sid), None),
        (support.RequestsModel(ops, sid, lang), None),
        (support.RequestsModel(ops, None, lang), None),
        (timeline, first_id(support.RequestsModel, "show")),
        (people.SessionsModel(ops, sid, lang), None),
        (attendance, first_id(people.SessionsModel, "show")),
        (people.StaffModel(ops, sid, lang), None),
        (people.CmeModel(ops, sid), None),
        (coldchain.QuarantineModel(ops, sid, lang), None),
        (coldchain.OpenVialsModel(ops, sid), None),
        (sync_info.RefusedModel(ops), None),
        (sync_info.ConflictModel(ops), None),
        (centre.StationsModel(ops), None),
        (centre.VisitsModel(ops, lang), None),
    ]


def _fetch(ctx: AppContext, model: RecordTableModel) -> list[Any]:
    with ctx.db.read() as s:
        return model.fetch(s)


def test_every_model_passes_modeltester(rich_ctx: AppContext, qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for model, setup in _models(rich_ctx):
        # Models whose sync states come in a second query are checked once those are in too: the one
        # tester follows one model at a time.
        signals = [model.loaded] + ([model.sync_loaded] if model.sync_key else [])
        with qtbot.waitSignals(signals, timeout=5000):
            if setup is None:
                model.refresh()
            else:
                setup(model)
        qtmodeltester.check(model, force_py=True)
        proxy = SearchProxy()
        proxy.setSourceModel(model)
        proxy.set_text("a")
        qtmodeltester.check(proxy, force_py=True)
        checked += 1
        assert model.headerData(0, Qt.Orientation.Horizontal) not in (None, "")
    assert checked == 21


def test_editable_models_keep_edits_aside(rich_ctx: AppContext, qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    counts = documents.CountsModel(rich_ctx.ops, rich_ctx.actor.station_id)
    counts.set_rows(_fetch(rich_ctx, counts))
    lines = documents.CountLinesModel(rich_ctx.ops)
    with qtbot.waitSignal(lines.loaded, timeout=5000):
        lines.show_count(counts.row_at(0).id)
    col = [c.key for c in lines.columns].index("physical_qty")
    assert lines.setData(lines.index(0, col), 7, Qt.ItemDataRole.EditRole)
    assert lines.data(lines.index(0, col)) == "7"
    assert not lines.setData(lines.index(0, 0), "x", Qt.ItemDataRole.EditRole)  # item name is not editable
    qtmodeltester.check(lines, force_py=True)
    # A reload (someone else's write) keeps what was typed and not yet saved.
    with qtbot.waitSignal(lines.loaded, timeout=5000):
        lines.refresh()
    assert lines.data(lines.index(0, col)) == "7"


def test_refused_record_is_marked_in_its_list(rich_ctx: AppContext, qtbot: QtBot) -> None:
    """A row whose change the centre refused (state set as the sync client records it) is coloured
    and carries the centre's reason as its tooltip."""
    from ytcs_desktop.store.models import SupportRequest
    from ytcs_desktop.ui.models.base import REJECTED_BG

    db = rich_ctx.db
    with db.applying_remote() as s:
        request = s.query(SupportRequest).one()
        request.sync_state, request.sync_reason = "rejected", "Trạm không được sửa trường này"
    model = support.RequestsModel(rich_ctx.ops, rich_ctx.actor.station_id, rich_ctx.lang)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == REJECTED_BG
    assert "Trạm không được sửa trường này" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    sync_col = [c.key for c in model.columns].index("sync_state")
    assert model.data(model.index(0, sync_col)) == "Bị từ chối"
