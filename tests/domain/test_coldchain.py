"""Cold chain: readings, duplicate refusal, breaches quarantining exactly the fridge's vaccine lots with
stock, missing-reading alerts, release and disposal through the ledger, the monthly sheet."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.domain.conftest import Refuse, outbox_count, write
from ytcs_desktop.domain import coldchain
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Item, Lot, Quarantine, StockTransaction, TemperatureReading

D = dt.date(2026, 3, 10)
NOON = dt.datetime(2026, 3, 10, 12, 0)  # local, naive


def fridge(db: Database, actor: Actor, name: str = "Tủ lạnh vắc xin số 1", since: object = "2026-01-01") -> str:
    return str(write(db, lambda s: coldchain.add_fridge(s, actor, name=name, model="Vestfrost MK 304",
                                                        location="Phòng tiêm chủng", in_service_from=since).id))


def reading(db: Database, actor: Actor, fridge_id: str, celsius: object, day: dt.date = D, slot: str = "morning",
            **kw: Any) -> coldchain.ReadingResult:
    return write(db, lambda s: coldchain.record_reading(s, actor, fridge_id=fridge_id, reading_date=day, slot=slot,
                                                        celsius=celsius, now=NOON, **kw))


@pytest.fixture
def stocked(station_db: Database, station_actor: Actor) -> dict[str, str]:
    """Two fridges; in fridge 1: two vaccine lots with stock, one emptied vaccine lot and a drug lot;
    in fridge 2: a vaccine lot."""
    f1, f2 = fridge(station_db, station_actor), fridge(station_db, station_actor, "Tủ lạnh vắc xin số 2")

    def build(s: Any) -> dict[str, str]:
        items = {
            "bcg": Item(code="VX001", name="Vắc xin BCG", base_unit="liều", category="vaccine", doses_per_vial=20),
            "opv": Item(code="VX003", name="Vắc xin bại liệt uống bOPV", base_unit="liều", category="vaccine"),
            "insulin": Item(code="TH050", name="Insulin người", base_unit="lọ", category="drug"),
        }
        s.add_all(items.values())
        s.flush()

        def receive(key: str, lot_no: str, qty: int, fridge_id: str) -> str:
            (txn,) = ledger.receive(s, station_actor, item_id=items[key].id, lot_no=lot_no,
                                    expiry=dt.date(2027, 6, 30), quantity=qty, txn_date=dt.date(2026, 3, 1),
                                    fridge_id=fridge_id)
            return txn.lot_id

        ids = {"f1": f1, "f2": f2, "bcg": receive("bcg", "BCG-01", 200, f1), "opv": receive("opv", "OPV-07", 100, f1),
               "empty": receive("opv", "OPV-06", 40, f1), "insulin": receive("insulin", "INS-3", 10, f1),
               "other_fridge": receive("bcg", "BCG-02", 60, f2)}
        ledger.dispose(s, station_actor, lot_id=ids["empty"], quantity=40, txn_date=dt.date(2026, 3, 2),
                       reason_code="damaged", note="Vỡ lọ")
        return ids

    return dict(write(station_db, build))


def test_normal_reading(station_db: Database, station_actor: Actor, stocked: dict[str, str]) -> None:
    before = outbox_count(station_db)
    result = reading(station_db, station_actor, stocked["f1"], "4,5")
    assert not result.breach and result.quarantines == []
    assert result.reading.celsius == 4.5 and result.reading.recorded_by == "Nguyễn Thị Lan"
    assert outbox_count(station_db) == before + 1
    for edge in (2, 8):
        assert not reading(station_db, station_actor, stocked["f1"], edge, day=D - dt.timedelta(days=edge)).breach


@pytest.mark.parametrize(("celsius", "alarm", "cause"), [(8.5, False, "heat"), (1.9, False, "freeze"),
                                                          (-3, False, "freeze"), (5.0, True, "freeze")])
def test_breach_quarantines_the_fridges_vaccine_lots_with_stock(
    station_db: Database, station_actor: Actor, stocked: dict[str, str], celsius: float, alarm: bool, cause: str
) -> None:
    result = reading(station_db, station_actor, stocked["f1"], celsius, freeze_alarm=alarm)
    assert result.breach
    assert sorted(q.lot_id for q in result.quarantines) == sorted([stocked["bcg"], stocked["opv"]])
    assert {q.cause for q in result.quarantines} == {cause}
    assert all(q.reading_id == result.reading.id and q.fridge_id == stocked["f1"] for q in result.quarantines)
    with station_db.read() as s:
        active = coldchain.active_quarantines(s, str(station_db.station_id))
        assert {(a.lot_no, a.on_hand) for a in active} == {("BCG-01", 200), ("OPV-07", 100)}
        assert all("Tủ lạnh vắc xin số 1" in a.reason for a in active)
    # The ledger now refuses to issue them; the other fridge's lot still issues.
    with pytest.raises(RuleError), station_db.transaction() as s:
        lot = s.get(Lot, stocked["bcg"])
        assert lot is not None
        ledger.issue(s, station_actor, item_id=lot.item_id, quantity=1, txn_date=D, lot_id=lot.id)
    write(station_db, lambda s: ledger.issue(s, station_actor, item_id=s.get(Lot, stocked["other_fridge"]).item_id,
                                             quantity=1, txn_date=D, lot_id=stocked["other_fridge"],
                                             override_reason="Lô trong tủ 2 còn dùng được"))


def test_second_breach_does_not_quarantine_twice(station_db: Database, station_actor: Actor,
                                                 stocked: dict[str, str]) -> None:
    first = reading(station_db, station_actor, stocked["f1"], 9.0)
    second = reading(station_db, station_actor, stocked["f1"], 10.0, slot="afternoon")
    assert len(first.quarantines) == 2 and second.quarantines == []
    assert second.already_quarantined == sorted([stocked["bcg"], stocked["opv"]])
    with station_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Quarantine)) == 2


def test_duplicate_reading_refused(station_db: Database, station_actor: Actor, stocked: dict[str, str],
                                   refuse: Refuse) -> None:
    reading(station_db, station_actor, stocked["f1"], 5)
    err = refuse(RuleError, coldchain.record_reading, station_actor, fridge_id=stocked["f1"], reading_date=D,
                 slot="Sáng", celsius=9.5, now=NOON)
    assert "đã có nhiệt độ buổi sáng" in err.vi and "5 °C" in err.vi and err.field == "slot"
    with station_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Quarantine)) == 0  # the refused breach held nothing
    reading(station_db, station_actor, stocked["f2"], 5)  # another fridge, same slot: fine


@pytest.mark.parametrize(("kwargs", "exc", "field"), [
    ({"celsius": 51}, ValidationError, "celsius"), ({"celsius": -30.5}, ValidationError, "celsius"),
    ({"celsius": "lạnh"}, ValidationError, "celsius"), ({"slot": "night"}, ValidationError, "slot"),
    ({"reading_date": "2026-03-11"}, ValidationError, "reading_date"),
    ({"reading_date": "10/13/2026"}, ValidationError, "reading_date"),
    ({"fridge_id": "missing"}, NotFoundError, "fridge_id"),
])
def test_reading_refusals(station_db: Database, station_actor: Actor, refuse: Refuse, kwargs: dict[str, Any],
                          exc: type[Exception], field: str) -> None:
    f = fridge(station_db, station_actor)
    args = {"fridge_id": f, "reading_date": D, "slot": "morning", "celsius": 5, "now": NOON, **kwargs}
    assert refuse(exc, coldchain.record_reading, station_actor, **args).field == field  # type: ignore[arg-type]


def test_only_the_owning_station_records(station_db: Database, station_actor: Actor, centre_actor: Actor,
                                         refuse: Refuse) -> None:
    f = fridge(station_db, station_actor)
    refuse(PermissionDenied, coldchain.record_reading, centre_actor, fridge_id=f, reading_date=D, slot="morning",
           celsius=5, now=NOON)
    refuse(PermissionDenied, coldchain.record_reading, Actor("X", "station", "another"), fridge_id=f,
           reading_date=D, slot="morning", celsius=5, now=NOON)
    refuse(PermissionDenied, coldchain.add_fridge, centre_actor, name="Tủ")
    refuse(RuleError, coldchain.add_fridge, station_actor, name="Tủ lạnh vắc xin số 1")
    with station_db.transaction() as s:
        row = s.get(Fridge, f)
        assert row is not None
        row.active = False
    refuse(RuleError, coldchain.record_reading, station_actor, fridge_id=f, reading_date=D, slot="morning",
           celsius=5, now=NOON)


def test_missing_readings(station_db: Database, station_actor: Actor) -> None:
    f1 = fridge(station_db, station_actor, since="2026-03-01")
    fridge(station_db, station_actor, "Tủ 2", since="2026-03-09")  # new: no backlog before it arrived
    for day in (dt.date(2026, 3, d) for d in range(4, 10)):
        reading(station_db, station_actor, f1, 5, day=day)
        reading(station_db, station_actor, f1, 5, day=day, slot="afternoon")
    reading(station_db, station_actor, f1, 5, day=dt.date(2026, 3, 10))
    with station_db.read() as s:
        def missing(now: dt.datetime, days: int = 7) -> list[tuple[str, int, str]]:
            return [(m.fridge_name, m.reading_date.day, m.slot)
                    for m in coldchain.missing_readings(s, str(station_db.station_id), D, days=days, now=now)]

        before_two = missing(dt.datetime(2026, 3, 10, 13, 59))
        assert ("Tủ lạnh vắc xin số 1", 10, "afternoon") not in before_two
        assert set(before_two) == {("Tủ 2", 9, "morning"), ("Tủ 2", 9, "afternoon"), ("Tủ 2", 10, "morning")}
        after_two = missing(dt.datetime(2026, 3, 10, 14, 0))
        assert set(after_two) == set(before_two) | {("Tủ lạnh vắc xin số 1", 10, "afternoon"),
                                                    ("Tủ 2", 10, "afternoon")}
        # An aware UTC `now` is converted to local time: 07:30 UTC is 14:30 in Việt Nam.
        assert set(missing(dt.datetime(2026, 3, 10, 7, 30, tzinfo=dt.UTC))) == set(after_two)
        # A longer window reaches back to before the readings began (but not before service began).
        wide = missing(dt.datetime(2026, 3, 10, 13, 0), days=10)
        assert {(n, d) for n, d, _ in wide if n != "Tủ 2"} == {("Tủ lạnh vắc xin số 1", 1),
                                                               ("Tủ lạnh vắc xin số 1", 2),
                                                               ("Tủ lạnh vắc xin số 1", 3)}


def test_release(station_db: Database, station_actor: Actor, stocked: dict[str, str], refuse: Refuse) -> None:
    result = reading(station_db, station_actor, stocked["f1"], -1.0)
    q = next(x for x in result.quarantines if x.lot_id == stocked["bcg"])
    assert refuse(ValidationError, coldchain.release_quarantine, station_actor, quarantine_id=q.id,
                  note=" ").field == "note"
    assert refuse(RuleError, coldchain.release_quarantine, station_actor, quarantine_id=q.id,
                  note="VVM đổi màu", vvm_stage=3).field == "vvm_stage"
    refuse(ValidationError, coldchain.release_quarantine, station_actor, quarantine_id=q.id, note="x", vvm_stage=7)
    refuse(PermissionDenied, coldchain.release_quarantine, Actor("X", "station", "another"), quarantine_id=q.id,
           note="x")
    refuse(NotFoundError, coldchain.release_quarantine, station_actor, quarantine_id="missing", note="x")
    write(station_db, lambda s: coldchain.release_quarantine(
        s, station_actor, quarantine_id=q.id, note="Nghiệm pháp lắc đạt, VVM giai đoạn 2", vvm_stage=2))
    with station_db.read() as s:
        row, lot = s.get(Quarantine, q.id), s.get(Lot, stocked["bcg"])
        assert row is not None and lot is not None
        assert (row.status, row.resolved_by, row.vvm_stage, lot.vvm_stage) == ("released", "Nguyễn Thị Lan", 2, 2)
        assert [a.lot_id for a in coldchain.active_quarantines(s, str(station_db.station_id))] == [stocked["opv"]]
    err = refuse(RuleError, coldchain.release_quarantine, station_actor, quarantine_id=q.id, note="lần nữa")
    assert "Nguyễn Thị Lan" in err.vi
    write(station_db, lambda s: ledger.issue(s, station_actor, item_id=s.get(Lot, stocked["bcg"]).item_id,
                                             quantity=20, txn_date=D, lot_id=stocked["bcg"]))


@pytest.mark.parametrize(("celsius", "reason_code"), [(-2.0, "frozen"), (12.0, "damaged")])
def test_dispose_through_the_ledger(station_db: Database, station_actor: Actor, stocked: dict[str, str],
                                    refuse: Refuse, celsius: float, reason_code: str) -> None:
    result = reading(station_db, station_actor, stocked["f1"], celsius)
    q = next(x for x in result.quarantines if x.lot_id == stocked["opv"])
    refuse(ValidationError, coldchain.dispose_quarantined, station_actor, quarantine_id=q.id, txn_date=D, note="")
    write(station_db, lambda s: coldchain.dispose_quarantined(s, station_actor, quarantine_id=q.id, txn_date=D,
                                                              note="Nghiệm pháp lắc không đạt"))
    with station_db.read() as s:
        txns = list(s.scalars(select(StockTransaction).where(StockTransaction.lot_id == stocked["opv"],
                                                             StockTransaction.kind == "disposal")))
        assert [(t.quantity, t.reason_code, t.reason) for t in txns] == [(-100, reason_code,
                                                                         "Nghiệm pháp lắc không đạt")]
        assert s.scalar(select(func.sum(StockTransaction.quantity))
                        .where(StockTransaction.lot_id == stocked["opv"])) == 0
        row = s.get(Quarantine, q.id)
        assert row is not None and row.status == "disposed"
    refuse(RuleError, coldchain.dispose_quarantined, station_actor, quarantine_id=q.id, txn_date=D, note="x")


def test_month_sheet(station_db: Database, station_actor: Actor) -> None:
    f = fridge(station_db, station_actor)
    reading(station_db, station_actor, f, 4.0, day=dt.date(2026, 2, 1))
    reading(station_db, station_actor, f, 9.1, day=dt.date(2026, 2, 1), slot="afternoon")
    reading(station_db, station_actor, f, 3.2, day=dt.date(2026, 2, 28), freeze_alarm=True)
    reading(station_db, station_actor, f, 5.0, day=dt.date(2026, 3, 1))
    with station_db.read() as s:
        sheet = coldchain.month_readings(s, f, 2026, 2)
        assert len(sheet.days) == 28 and sheet.days[0].day == dt.date(2026, 2, 1)
        first, last = sheet.days[0], sheet.days[-1]
        assert first.morning is not None and not first.morning.breach and first.morning.celsius == 4.0
        assert first.afternoon is not None and first.afternoon.breach
        assert last.morning is not None and last.morning.breach and last.morning.freeze_alarm
        assert last.afternoon is None and sheet.days[5].morning is None
        assert (sheet.breaches, sheet.recorded, sheet.extremes()) == (2, 3, (3.2, 9.1))
        assert len(coldchain.month_readings(s, f, 2028, 2).days) == 29
        assert coldchain.month_readings(s, f, 2026, 12).extremes() is None
    with pytest.raises(ValidationError), station_db.read() as s:
        coldchain.month_readings(s, f, 2026, 13)
    with station_db.read() as s:
        assert s.scalar(select(func.count()).select_from(TemperatureReading)) == 4
