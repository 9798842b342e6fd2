"""Balances carried at closed periods: stock on hand reads only the rows since the last close, and every
figure stays what the whole ledger says, however the ledger is written afterwards."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from tests.domain.inventory.conftest import TODAY, Inv
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.domain.inventory import (
    close_period,
    issue,
    on_hand_by_item,
    on_hand_by_lot,
    receive,
)
from ytcs_desktop.domain.inventory.stock import on_hand_by_station
from ytcs_desktop.store.migrate import alembic_config

D = dt.date


def _carried(inv: Inv) -> dict[str, tuple[str, int]]:
    with inv.db.read() as s:
        return {r[0]: (r[1], r[2]) for r in s.execute(text(
            "SELECT lot_id, through, quantity FROM lot_carried_balances"))}


def _ledger_sums(inv: Inv, as_of: dt.date | None = None) -> dict[str, int]:
    with inv.db.read() as s:
        return {r[0]: r[1] for r in s.execute(text(
            "SELECT lot_id, SUM(quantity) FROM stock_transactions WHERE station_id = :st "
            "AND (:day IS NULL OR txn_date <= :day) GROUP BY lot_id"),
            {"st": inv.station_id, "day": as_of.isoformat() if as_of else None})}


def _on_hand(inv: Inv, as_of: dt.date | None = None) -> dict[str, int]:
    with inv.db.read() as s:
        return {b.lot_id: b.quantity for b in on_hand_by_lot(s, inv.station_id, as_of)}


def _history(inv: Inv) -> list[str]:
    lots = []
    with inv.db.transaction() as s:
        for n, item in enumerate((inv.para, inv.amox, inv.gloves)):
            lots.append(receive(s, inv.nurse, item_id=item, lot_no=f"L{n}", expiry=D(2028, 1, 1), quantity=500,
                                txn_date=D(2026, 1, 5), source="other", doc_no=f"PN-{n}")[0].lot_id)
        for month in (1, 2, 3):
            issue(s, inv.nurse, item_id=inv.para, quantity=40, txn_date=D(2026, month, 10 if month < 3 else 12))
            issue(s, inv.nurse, item_id=inv.amox, quantity=7, txn_date=D(2026, month, 11 if month < 3 else 13))
    return lots


def _close(inv: Inv, through: dt.date) -> None:
    with inv.db.transaction() as s:
        close_period(s, inv.nurse, closed_through=through, today=TODAY)


def test_closing_carries_each_lot_and_changes_no_figure(inv: Inv) -> None:
    lots = _history(inv)
    before = _on_hand(inv)
    with inv.db.read() as s:
        items_before = on_hand_by_item(s, inv.station_id)
    assert _carried(inv) == {}

    _close(inv, D(2026, 1, 31))
    carried = _carried(inv)
    assert set(carried) == set(lots)
    january = _ledger_sums(inv, D(2026, 1, 31))
    assert {lot: q for lot, (_, q) in carried.items()} == {lot: january.get(lot, 0) for lot in lots}
    assert carried[lots[0]] == ("2026-01-31", 460)
    assert _on_hand(inv) == before == _ledger_sums(inv)
    with inv.db.read() as s:
        assert on_hand_by_item(s, inv.station_id) == items_before

    _close(inv, D(2026, 2, 28))  # carried forward from January's balance, not summed again from the start
    assert _carried(inv)[lots[0]] == ("2026-02-28", 420)
    assert _on_hand(inv) == before


def test_as_of_before_the_carried_day_reads_the_ledger_itself(inv: Inv) -> None:
    _history(inv)
    _close(inv, D(2026, 2, 28))
    for day in (D(2026, 1, 5), D(2026, 1, 10), D(2026, 2, 27), D(2026, 2, 28), D(2026, 3, 12), TODAY):
        assert _on_hand(inv, day) == {k: v for k, v in _ledger_sums(inv, day).items() if v}, day


def test_a_row_written_into_a_closed_period_drops_the_carried_balance(inv: Inv) -> None:
    """The domain refuses back-dating into a closed period, but a row can still arrive there (sync from a
    PC that had not seen the close, plain SQL): the lot's figure stays the ledger's."""
    lots = _history(inv)
    _close(inv, D(2026, 2, 28))
    with inv.db.transaction() as s:
        s.execute(text(
            "INSERT INTO stock_transactions (id, station_id, hlc, origin, deleted, sync_state, item_id, lot_id, "
            "txn_date, kind, quantity, actor, created_at) VALUES ('late-row', :st, '', '', 0, 'synced', :item, "
            ":lot, '2026-02-01', 'issue', -13, 'khác', '2026-03-01 08:00:00')"),
            {"st": inv.station_id, "item": inv.para, "lot": lots[0]})
    assert lots[0] not in _carried(inv)
    assert lots[1] in _carried(inv)  # the other lots keep theirs
    assert _on_hand(inv)[lots[0]] == 500 - 120 - 13 == _ledger_sums(inv)[lots[0]]
    _close(inv, D(2026, 3, 10))  # the next close carries it again, from the whole ledger
    assert _carried(inv)[lots[0]] == ("2026-03-10", 500 - 80 - 13)
    assert _on_hand(inv) == _ledger_sums(inv)


def test_a_close_arriving_by_sync_carries_the_lots(inv: Inv) -> None:
    lots = _history(inv)
    with inv.db.transaction() as s:  # as sync applies it: capture paused, plain insert
        s.execute(text("INSERT INTO sync_capture_pause (token) VALUES (1)"))
        s.execute(text(
            "INSERT INTO closed_periods (id, station_id, hlc, origin, deleted, sync_state, closed_through, "
            "closed_by, closed_at) VALUES ('p1', :st, '', '', 0, 'synced', '2026-01-31', 'Lan', "
            "'2026-02-01 08:00:00')"), {"st": inv.station_id})
        s.execute(text("DELETE FROM sync_capture_pause"))
    assert {lot: q for lot, (_, q) in _carried(inv).items()} == {
        lot: _ledger_sums(inv, D(2026, 1, 31)).get(lot, 0) for lot in lots}


def test_check_finds_a_carried_balance_that_differs_from_the_ledger(inv: Inv) -> None:
    lots = _history(inv)
    _close(inv, D(2026, 1, 31))
    with inv.db.read() as s:
        assert [f for f in check_database(s, file_checked=True) if f.check == "carried_balance"] == []
    with inv.db.transaction() as s:
        s.execute(text("UPDATE lot_carried_balances SET quantity = quantity + 5 WHERE lot_id = :lot"),
                  {"lot": lots[0]})
    with inv.db.read() as s:
        findings = [f for f in check_database(s, file_checked=True) if f.check == "carried_balance"]
    assert len(findings) == 1
    assert "L0" in findings[0].vi and "31/01/2026" in findings[0].vi and "465" in findings[0].vi


def test_an_upgrade_carries_the_periods_already_closed(inv: Inv) -> None:
    """A file closed before carried balances existed gets them when it is upgraded."""
    lots = _history(inv)
    _close(inv, D(2026, 2, 28))
    command.downgrade(alembic_config(inv.db.engine), "0007")
    inv.db.migrate()
    assert set(_carried(inv)) == set(lots)
    assert _on_hand(inv) == _ledger_sums(inv)


def _plain_sums(inv: Inv, station_id: str, as_of: dt.date | None = None) -> dict[str, int]:
    """Each lot's SUM over the whole ledger (through `as_of`), its zero balances left out."""
    with inv.db.read() as s:
        return {r[0]: r[1] for r in s.execute(text(
            "SELECT t.lot_id, SUM(t.quantity) FROM stock_transactions t JOIN lots l ON l.id = t.lot_id "
            "WHERE l.station_id = :st AND (:day IS NULL OR t.txn_date <= :day) GROUP BY t.lot_id "
            "HAVING SUM(t.quantity) <> 0"),
            {"st": station_id, "day": as_of.isoformat() if as_of else None})}


def _figures_are_the_ledger_sums(inv: Inv, days: list[dt.date | None]) -> None:
    stations = [inv.station_id, inv.other_station_id]
    with inv.db.read() as s:
        for day in days:
            per_item: dict[str, dict[str, int]] = {}
            for station in stations:
                plain = _plain_sums(inv, station, day)
                assert {b.lot_id: b.quantity for b in on_hand_by_lot(s, station, day)} == plain, (station, day)
                for lot_id, qty in plain.items():
                    item = s.execute(text("SELECT item_id FROM lots WHERE id = :l"), {"l": lot_id}).scalar_one()
                    per_item.setdefault(station, {}).setdefault(item, 0)
                    per_item[station][item] += qty
            for station, balances in on_hand_by_station(s, stations, day).items():  # both stations in one query
                assert {b.item_id: b.quantity for b in balances if b.quantity} == per_item.get(station, {}), day


def test_lot_figures_are_the_ledger_sums_before_and_after_a_close(inv: Inv) -> None:
    """Each lot's figure, by lot and by item, one station or several, is its plain ledger sum: before any
    close, and after closes on different days with movements since (on the day after, a lot emptied, a
    lot received since, a lot whose carried balance a late row dropped)."""
    other = Actor("Lê Văn Hùng", "station", inv.other_station_id)
    lots = _history(inv)
    with inv.db.transaction() as s:
        theirs = receive(s, other, item_id=inv.para, lot_no="K1", expiry=D(2028, 6, 1), quantity=300,
                         txn_date=D(2026, 1, 6), source="other", doc_no="PN-K")[0].lot_id
        issue(s, other, item_id=inv.para, quantity=25, txn_date=D(2026, 1, 31))
        issue(s, other, item_id=inv.para, quantity=30, txn_date=D(2026, 2, 20))
        issue(s, inv.nurse, item_id=inv.gloves, quantity=100, txn_date=D(2026, 2, 28))  # on the closing day
    days: list[dt.date | None] = [None, D(2026, 1, 31), D(2026, 2, 27), D(2026, 2, 28), D(2026, 3, 1),
                                  D(2026, 3, 12)]
    _figures_are_the_ledger_sums(inv, days)

    _close(inv, D(2026, 2, 28))
    with inv.db.transaction() as s:
        close_period(s, other, closed_through=D(2026, 1, 31), today=TODAY)
    assert {lot for lot, (day, _) in _carried(inv).items() if day == "2026-02-28"} == set(lots)
    assert _carried(inv)[theirs] == ("2026-01-31", 275)
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=15, txn_date=D(2026, 3, 1))  # the day after the close
        issue(s, inv.nurse, item_id=inv.gloves, quantity=400, txn_date=D(2026, 3, 2))  # the lot is emptied
        fresh = receive(s, inv.nurse, item_id=inv.bcg, lot_no="B1", expiry=D(2027, 1, 1), quantity=50,
                        txn_date=D(2026, 3, 2), source="other", doc_no="PN-B")[0].lot_id
        issue(s, inv.nurse, item_id=inv.bcg, quantity=10, txn_date=D(2026, 3, 3))
        issue(s, other, item_id=inv.para, quantity=5, txn_date=D(2026, 2, 1))
        # a row reaches the closed period (sync from a PC that had not seen the close): amox is summed in full
        s.execute(text(
            "INSERT INTO stock_transactions (id, station_id, hlc, origin, deleted, sync_state, item_id, lot_id, "
            "txn_date, kind, quantity, actor, created_at) VALUES ('late-row', :st, '', '', 0, 'synced', :item, "
            ":lot, '2026-02-01', 'issue', -13, 'khác', '2026-03-01 08:00:00')"),
            {"st": inv.station_id, "item": inv.amox, "lot": lots[1]})
        issue(s, inv.nurse, item_id=inv.amox, quantity=2, txn_date=D(2026, 3, 4))
    assert lots[1] not in _carried(inv) and fresh not in _carried(inv) and lots[0] in _carried(inv)
    assert lots[2] not in _plain_sums(inv, inv.station_id)  # emptied: listed nowhere
    with inv.db.transaction() as s:  # a balance carried at an earlier day, true to the ledger: summed from there
        s.execute(text(
            "UPDATE lot_carried_balances SET through = '2026-01-31', quantity = (SELECT SUM(quantity) "
            "FROM stock_transactions WHERE lot_id = :lot AND txn_date <= '2026-01-31') WHERE lot_id = :lot"),
            {"lot": lots[0]})
    _figures_are_the_ledger_sums(inv, [*days, D(2026, 3, 2), D(2026, 3, 3)])
    with inv.db.read() as s:
        assert [f for f in check_database(s, file_checked=True)
                if f.check in ("carried_balance", "negative_stock")] == []


def test_the_centre_reads_stock_of_more_stations_than_sqlite_allows_terms(inv: Inv) -> None:
    """A province's centre asks for hundreds of stations at once (SQLite refused a compound SELECT of more
    than 500 terms): the stations with stock get their figures, the others an empty list."""
    _history(inv)
    others = [f"station-{n:04d}" for n in range(800)]
    with inv.db.read() as s:
        found = on_hand_by_station(s, [*others, inv.station_id])
        alone = on_hand_by_item(s, inv.station_id)
    assert set(found) == {inv.station_id}
    assert found[inv.station_id] == alone
