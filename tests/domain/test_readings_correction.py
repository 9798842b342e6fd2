"""Fridge readings: a reading of a slot that has not begun is refused (with a few minutes' grace for a
PC clock behind), and a wrong reading is corrected by a correction that keeps the original; the month
sheet shows the corrected value, the slot's history both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from tests.domain.conftest import Refuse, outbox_count, write
from tests.domain.test_coldchain import NOON, D, fridge, reading, stocked  # noqa: F401  (fixture)
from ytcs_desktop.domain import coldchain
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.migrate import alembic_config
from ytcs_desktop.store.models import Quarantine, Station, TemperatureReading


# ----- no reading of a slot that has not begun -----------------------------------------------------------
@pytest.mark.parametrize(("day", "slot", "now", "field"), [
    (D + dt.timedelta(days=1), "morning", NOON, "reading_date"),  # tomorrow
    (D, "afternoon", dt.datetime(2026, 3, 10, 9, 30), "slot"),  # this afternoon, in the morning
    (D + dt.timedelta(days=1), "morning", dt.datetime(2026, 3, 10, 23, 45), "reading_date"),  # 15 min early
])
def test_a_reading_of_a_slot_not_begun_is_refused(station_db: Database, station_actor: Actor, refuse: Refuse,
                                                  day: dt.date, slot: str, now: dt.datetime, field: str) -> None:
    f = fridge(station_db, station_actor)
    err = refuse(ValidationError, coldchain.record_reading, station_actor, fridge_id=f, reading_date=day, slot=slot,
                 celsius=5, now=now)
    assert err.code == "future_reading" and err.field == field
    assert "chưa tới" in err.vi and "hãy ghi nhiệt độ sau khi đã đo" in err.vi and "đồng hồ máy" in err.vi


@pytest.mark.parametrize(("day", "slot", "now"), [
    (D + dt.timedelta(days=1), "morning", dt.datetime(2026, 3, 10, 23, 55)),  # a clock 5 minutes behind
    (D, "afternoon", dt.datetime(2026, 3, 10, 11, 52)),
    (D, "afternoon", dt.datetime(2026, 3, 10, 12, 0)),
    (D, "morning", dt.datetime(2026, 3, 10, 6, 30)),
    (D - dt.timedelta(days=3), "afternoon", NOON),  # a late entry from the paper sheet
])
def test_a_reading_just_taken_is_accepted(station_db: Database, station_actor: Actor, day: dt.date, slot: str,
                                          now: dt.datetime) -> None:
    f = fridge(station_db, station_actor)
    result = write(station_db, lambda s: coldchain.record_reading(
        s, station_actor, fridge_id=f, reading_date=day, slot=slot, celsius=5, now=now))
    assert result.reading.reading_date == day


def test_an_aware_utc_clock_is_read_in_local_time(station_db: Database, station_actor: Actor,
                                                  refuse: Refuse) -> None:
    f = fridge(station_db, station_actor)
    # 18:00 UTC on the 10th is 01:00 on the 11th in Việt Nam: the 11th's morning has begun.
    late = dt.datetime(2026, 3, 10, 18, 0, tzinfo=dt.UTC)
    write(station_db, lambda s: coldchain.record_reading(s, station_actor, fridge_id=f, reading_date=D + dt.timedelta(
        days=1), slot="morning", celsius=5, now=late))
    refuse(ValidationError, coldchain.record_reading, station_actor, fridge_id=f, reading_date=D + dt.timedelta(days=2),
           slot="morning", celsius=5, now=late)


# ----- a wrong reading is corrected, the original kept ------------------------------------------------------
def correct(db: Database, actor: Actor, reading_id: str, celsius: object, reason: str = "Gõ nhầm dấu phẩy",
            **kw: object) -> coldchain.ReadingResult:
    return write(db, lambda s: coldchain.correct_reading(s, actor, reading_id=reading_id, celsius=celsius,
                                                         reason=reason, **kw))


def sheet_cell(db: Database, fridge_id: str, day: dt.date = D, slot: str = "morning") -> coldchain.Cell | None:
    with db.read() as s:
        sheet = coldchain.month_readings(s, fridge_id, day.year, day.month)
    row = next(r for r in sheet.days if r.day == day)
    return row.morning if slot == "morning" else row.afternoon


def test_a_correction_keeps_the_original_and_the_sheet_shows_the_corrected_value(
        station_db: Database, station_actor: Actor) -> None:
    f = fridge(station_db, station_actor)
    original = reading(station_db, station_actor, f, "45").reading  # typed 45 for 4,5
    assert not reading(station_db, station_actor, f, 5, slot="afternoon").breach
    before = outbox_count(station_db)
    head = Actor("Trần Thị Mai", "station", station_actor.station_id)
    result = correct(station_db, head, original.id, "4,5", reason="Gõ nhầm 45 thay cho 4,5")
    assert outbox_count(station_db) == before + 1  # one new row, synced like a reading
    assert not result.breach and result.reading.corrects_id == original.id
    cell = sheet_cell(station_db, f)
    assert cell is not None and cell.celsius == 4.5 and not cell.breach and cell.corrected_from == 45.0
    assert cell.recorded_by == "Trần Thị Mai" and cell.note == "Gõ nhầm 45 thay cho 4,5"
    with station_db.read() as s:
        sheet = coldchain.month_readings(s, f, 2026, 3)
        assert sheet.recorded == 2 and sheet.breaches == 0 and sheet.extremes() == (4.5, 5.0)
        history = coldchain.reading_history(s, f, D, "morning")
        assert [(h.celsius, h.recorded_by, h.current) for h in history] == [
            (45.0, "Nguyễn Thị Lan", False), (4.5, "Trần Thị Mai", True)]
        assert history[1].note == "Gõ nhầm 45 thay cho 4,5" and history[1].corrects_id == original.id
        kept = s.get(TemperatureReading, original.id)
        assert kept is not None and kept.celsius == 45.0  # the original row is untouched
        # Missing readings count the slot as read, once.
        missing = coldchain.missing_readings(s, str(station_db.station_id), D, days=1, now=NOON)
        assert (f, D, "morning") not in {(m.fridge_id, m.reading_date, m.slot) for m in missing}


def test_a_correction_of_a_correction_and_a_stale_one(station_db: Database, station_actor: Actor,
                                                      refuse: Refuse) -> None:
    f = fridge(station_db, station_actor)
    original = reading(station_db, station_actor, f, 6).reading
    first = correct(station_db, station_actor, original.id, 7).reading
    err = refuse(RuleError, coldchain.correct_reading, station_actor, reading_id=original.id, celsius=3,
                 reason="Đọc lại nhiệt kế")
    assert err.code == "reading_already_corrected" and "7 °C" in err.vi
    second = correct(station_db, station_actor, first.id, 3, reason="Đọc lại nhiệt kế").reading
    cell = sheet_cell(station_db, f)
    assert cell is not None and cell.celsius == 3.0 and cell.corrected_from == 6.0
    with station_db.read() as s:
        assert [h.id for h in coldchain.reading_history(s, f, D, "morning")] == [original.id, first.id, second.id]
        assert coldchain.current_reading(s, f, D, "morning").id == second.id  # type: ignore[union-attr]
    # The slot still refuses a second original reading, naming the value in force.
    err = refuse(RuleError, coldchain.record_reading, station_actor, fridge_id=f, reading_date=D, slot="morning",
                 celsius=5, now=NOON)
    assert "3 °C" in err.vi and "Sửa số đo" in err.vi


@pytest.mark.parametrize(("kwargs", "code", "field"), [
    ({"reason": "  "}, "required", "reason"),
    ({"celsius": "60"}, "bad_temperature", "celsius"),
    ({"celsius": 6}, "correction_unchanged", "celsius"),
    ({"reading_id": "missing"}, "not_found", "reading_id"),
])
def test_correction_refusals(station_db: Database, station_actor: Actor, refuse: Refuse, kwargs: dict[str, object],
                             code: str, field: str) -> None:
    f = fridge(station_db, station_actor)
    original = reading(station_db, station_actor, f, 6).reading
    args: dict[str, object] = {"reading_id": original.id, "celsius": 4, "reason": "Gõ nhầm", **kwargs}
    err = refuse(Exception, coldchain.correct_reading, station_actor, **args)
    assert err.field == field and (code in err.code or code == "required")


def test_only_the_owning_station_corrects(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    from ytcs_desktop.domain.errors import PermissionDenied

    f = fridge(station_db, station_actor)
    original = reading(station_db, station_actor, f, 6).reading
    refuse(PermissionDenied, coldchain.correct_reading, Actor("Khoa Dược", "centre"), reading_id=original.id,
           celsius=4, reason="x")


def test_a_correction_into_a_breach_quarantines_and_out_of_one_leaves_the_lots_held(
        station_db: Database, station_actor: Actor, stocked: dict[str, str]) -> None:  # noqa: F811
    f1 = stocked["f1"]
    wrong_breach = reading(station_db, station_actor, f1, 45)  # typed 45 for 4,5: the lots were held
    assert len(wrong_breach.quarantines) == 2
    fixed = correct(station_db, station_actor, wrong_breach.reading.id, "4,5")
    assert not fixed.breach and fixed.already_quarantined == sorted([stocked["bcg"], stocked["opv"]])
    with station_db.read() as s:  # held until someone checks and releases them
        assert len(coldchain.active_quarantines(s, str(station_db.station_id))) == 2

    missed = reading(station_db, station_actor, f1, 5, slot="afternoon")
    for q in list(wrong_breach.quarantines):
        write(station_db, lambda s, q=q: coldchain.release_quarantine(s, station_actor, quarantine_id=q.id,
                                                                      note="Lắc đạt, VVM 1"))
    breach = correct(station_db, station_actor, missed.reading.id, 9.5, reason="Đọc nhầm nhiệt kế tủ 2")
    assert breach.breach and len(breach.quarantines) == 2
    assert all(q.reading_id == breach.reading.id for q in breach.quarantines)
    with station_db.read() as s:
        assert s.scalar(select(Quarantine).where(Quarantine.status == "active").limit(1)) is not None


# ----- the store: insert-only, one original per slot, the migration ---------------------------------------
def test_readings_stay_insert_only_and_one_original_per_slot(station_db: Database, station_actor: Actor) -> None:
    f = fridge(station_db, station_actor)
    original = reading(station_db, station_actor, f, 6).reading
    with pytest.raises(Exception), station_db.transaction() as s:  # noqa: B017  (the capture trigger refuses)
        s.execute(text("UPDATE temperature_readings SET celsius = 4 WHERE id = :i"), {"i": original.id})
    with pytest.raises(IntegrityError), station_db.transaction() as s:
        s.add(TemperatureReading(id=new_id(), station_id=station_db.station_id, fridge_id=f, reading_date=D,
                                 slot="morning", celsius=4.0, freeze_alarm=False,
                                 recorded_at=NOON.replace(tzinfo=dt.UTC)))


def test_the_upgrade_keeps_the_readings_and_the_capture(tmp_path: Path, station_actor: Actor) -> None:
    """A station file written before corrections: its readings are kept, and a correction is recorded
    and captured for sync after the upgrade."""
    path = tmp_path / "old.sqlite3"
    station_id = new_id()
    db = Database.create(path, station_id=station_id, role="station")
    actor = Actor("Nguyễn Thị Lan", "station", station_id)
    with db.transaction() as s:
        s.add(Station(id=station_id, station_id=station_id, code="TYT-AP", name="Trạm Y tế phường An Phú"))
    f = str(write(db, lambda s: coldchain.add_fridge(s, actor, name="Tủ 1", in_service_from="2026-01-01").id))
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(alembic_config(engine), "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO temperature_readings (id, station_id, fridge_id, reading_date, slot, celsius, "
                          "freeze_alarm, recorded_by, recorded_at) VALUES ('r1', :st, :f, '2026-03-10', 'morning', "
                          "45, 0, 'Lan', '2026-03-10 01:00:00')"), {"st": station_id, "f": f})
    engine.dispose()
    db = Database.open(path)
    try:
        assert db.at_head()
        with db.read() as s:
            assert [r.celsius for r in s.scalars(select(TemperatureReading))] == [45.0]
        before = outbox_count(db)
        result = write(db, lambda s: coldchain.correct_reading(s, actor, reading_id="r1", celsius="4,5",
                                                               reason="Gõ nhầm"))
        assert result.reading.corrects_id == "r1" and outbox_count(db) == before + 1
        with pytest.raises(Exception), db.transaction() as s:  # noqa: B017  (the capture trigger refuses)
            s.execute(text("UPDATE temperature_readings SET celsius = 4 WHERE id = 'r1'"))
    finally:
        db.close()
