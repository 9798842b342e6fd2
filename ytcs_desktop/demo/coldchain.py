"""Vaccines at the demo station: immunisation sessions twice a month that open vials (FEFO lots) and
close them with doses given; and, when the cold-chain part of the domain is present, two fridges
with morning and afternoon readings, a couple of breaches among them."""

from __future__ import annotations

import datetime as dt
import importlib
import math
from types import ModuleType
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.demo.clock import VN
from ytcs_desktop.demo.world import World, workdays
from ytcs_desktop.domain import vaccines
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.stock import issuable_lots
from ytcs_desktop.store.models import Lot


def _coldchain() -> ModuleType | None:
    try:
        return importlib.import_module("ytcs_desktop.domain.coldchain")
    except ModuleNotFoundError:
        return None


def setup(s: Session, world: World) -> None:
    cc = _coldchain()
    if cc is None:
        return
    for name, model in (("Tủ lạnh vắc xin số 1", "Vestfrost MK 304"), ("Tủ lạnh vắc xin số 2", "Haier HBC-150")):
        fridge = cc.add_fridge(s, world.station, name=name, model=model, location="Phòng tiêm chủng")
        world.fridges.append(fridge.id)
        world.tally("fridges")
    # A couple of breaches over the period: one warm afternoon (power cut), one freezing night.
    span = max(1, (world.end - world.start).days - 10)
    for cause in ("heat", "freeze"):
        day = world.start + dt.timedelta(days=world.rng.randrange(15, max(16, span)))
        day = day.replace(day=max(day.day, 8))  # after that month's receipt: nothing dated later exists yet
        world.breaches[(day, world.rng.choice(world.fridges), "afternoon" if cause == "heat" else "morning")] = cause


def month(s: Session, world: World, first: dt.date, last: dt.date, receipt_day: dt.date) -> None:
    """Day by day, so that readings, quarantines and vial openings happen in the order of their dates."""
    days = [d for d in workdays(first, last) if d > receipt_day]
    sessions = {days[len(days) // 4], days[(3 * len(days)) // 4]} if len(days) >= 4 else set(days[:1])
    day = first
    while day <= last:
        if world.fridges:
            _readings(s, world, day)
        if day in sessions:
            _session(s, world, day)
        day += dt.timedelta(days=1)


def _session(s: Session, world: World, day: dt.date) -> None:
    """One immunisation day (buổi tiêm chủng): each vaccine's vials opened in FEFO order."""
    label = f"Tiêm chủng mở rộng ngày {day_text(day)}"
    opened_at = dt.datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN)
    end = opened_at.replace(hour=11, minute=30)
    world.clock.set(day, 7, 30)
    for item in world.items:
        if item.category != "vaccine" or not item.doses_per_vial:
            continue
        children = max(1, round(item.monthly_use / 2 * world.rng.uniform(0.7, 1.2)))
        vials = math.ceil(children / item.doses_per_vial)
        nurse = world.as_person(world.station, world.staff_name())
        # Lots in FEFO order with what each can give; tracked here rather than re-queried per vial.
        lots: list[tuple[str, list[int]]] = [
            (bal.lot_id, [avail]) for bal, avail in issuable_lots(s, world.station_id, item.id, day)]
        for n in range(vials):
            lot = next((entry for entry in lots if entry[1][0] >= item.doses_per_vial), None)
            if lot is None:
                world.tally("vaccine_stock_outs")
                break
            try:
                vial = vaccines.open_vial(s, nurse, lot_id=lot[0], opened_at=opened_at, session_label=label,
                                          session_end=end)
            except DomainError:
                world.tally("vaccine_stock_outs")
                break
            lot[1][0] -= item.doses_per_vial
            given = item.doses_per_vial if n < vials - 1 else children - item.doses_per_vial * (vials - 1)
            if item.doses_per_vial > 1 and world.rng.random() < 0.15:
                given = max(0, given - 1)  # a dose lost (spilled, child refused after drawing)
            vaccines.close_vial(s, nurse, vial_id=vial.id, doses_given=given,
                                closed_at=end - dt.timedelta(minutes=world.rng.randint(0, 40)))
            world.tally("vial_openings")


def _readings(s: Session, world: World, day: dt.date) -> None:
    cc = _coldchain()
    assert cc is not None
    for fridge in world.fridges:
        for slot, hour in (("morning", 7), ("afternoon", 16)):
            if dt.datetime.combine(day, dt.time(hour)) > dt.datetime.now():
                continue  # not taken yet: a demo built in the morning has no afternoon reading for today
            cause = world.breaches.get((day, fridge, slot))
            if cause is None and world.rng.random() < 0.01:
                continue  # a missed reading (the app raises an alert)
            celsius = round(world.rng.uniform(3.0, 7.0), 1)
            if cause == "heat":
                celsius = round(world.rng.uniform(9.0, 11.5), 1)
            elif cause == "freeze":
                celsius = round(world.rng.uniform(-1.5, 0.5), 1)
            world.clock.set(day, hour, world.rng.randint(0, 20))
            nurse = world.as_person(world.station, world.staff_name())
            result = cc.record_reading(s, nurse, fridge_id=fridge, reading_date=day, slot=slot, celsius=celsius,
                                       note="Mất điện 3 giờ, máy phát không khởi động" if cause == "heat" else
                                       "Tủ bị đông đá do hỏng bộ điều nhiệt" if cause == "freeze" else None)
            world.tally("readings")
            if result.breach:
                world.tally("breaches")
                _resolve(s, world, cc, nurse, day, result.quarantines)


def _resolve(s: Session, world: World, cc: ModuleType, nurse: Actor, day: dt.date, held: list[Any]) -> None:
    """The head of station checks each held lot: freeze-damaged freeze-sensitive vaccine is disposed
    (failed shake test); the rest is released after a VVM check."""
    head = world.as_person(world.station, world.staff[0][1])
    sensitive = {item.id for item in world.items if item.freeze_sensitive}
    world.clock.set(day, 17, 30)
    for q in held:
        lot = s.get(Lot, q.lot_id)
        if q.cause == "freeze" and lot is not None and lot.item_id in sensitive:
            cc.dispose_quarantined(s, head, quarantine_id=q.id, txn_date=day,
                                   note="Nghiệm pháp lắc không đạt, vắc xin đã bị đông băng")
            world.tally("quarantines_disposed")
        else:
            cc.release_quarantine(s, head, quarantine_id=q.id, vvm_stage=1,
                                  note="VVM giai đoạn 1, thời gian vượt ngưỡng ngắn: cho sử dụng lại")
            world.tally("quarantines_released")
