"""A realistic demo station database: Trạm Y tế phường An Phú of the Thuận An centre, with a
catalogue of ~200 items and months of receipts, issues, counts, requests, trainings and cold chain.

Everything is written through the domain functions (the rules hold and the outbox captures every
row), one transaction per simulated month, from a seeded generator: the same seed and end date
give the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.demo import activity, outreach, programme, referrals, reporting, stock
from ytcs_desktop.demo.catalogue_data import CONTROLLED, VACCINES, drugs, supplies
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.demo.people import (
    CENTRE,
    CENTRE_TEAM,
    DEPARTMENTS,
    HOME,
    STATION_TEAM,
    STATIONS,
    VILLAGE_WORKERS,
    NameMaker,
)
from ytcs_desktop.demo.world import SPAN, DemoItem, World, month_start
from ytcs_desktop.domain import stations
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Staff, SupportRequest

__all__ = ["DemoCancelled", "build_demo"]

Progress = Callable[[int, int], None]  # (steps done, steps in all)


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


class DemoCancelled(Exception):
    """The cancel flag was set: the build stopped between two steps (the file is left half-made: the
    caller builds beside the target and removes it, as `ytcs demo` does)."""


def build_demo(path: Path, months: int = 12, seed: int = 2026, today: dt.date | None = None,
               progress: Progress | None = None, cancel: CancelFlag | None = None) -> dict[str, int]:
    """Create the demo database at `path` (which must not exist); returns counts of what was made.

    `progress(done, total)` is called after each step (the set-up, each simulated month, the last
    touches); `cancel` (anything with `is_set()`, e.g. a threading.Event) is looked at between steps
    and inside each month, and stops the build with DemoCancelled."""

    def check() -> None:
        if cancel is not None and cancel.is_set():
            raise DemoCancelled()

    check()
    if Path(path).exists():
        raise FileExistsError(f"{path} exists: the demo is built only into a new database file")
    end = today or dt.date.today()
    # Early in a month the current month holds almost nothing: simulate one more, so `months` full
    # months of work are there to look at and print.
    months_back = months if end.day < 15 else months - 1
    station_id = station_id_for(HOME)  # the id the centre's register gives its code
    db = Database.create(Path(path), station_id=station_id, role="station")
    try:
        world = World(
            db=db, rng=random.Random(seed), clock=DemoClock(), start=month_start(end, months_back), end=end,
            station=Actor(name="Trạm Y tế phường An Phú", role="station", station_id=station_id),
            centre=Actor(name="Trung tâm Y tế khu vực Thuận An", role="centre", station_id=None), station_id=station_id,
        )
        total = len(world.months()) + 2
        with simulated(world.clock):
            world.clock.set(world.start - dt.timedelta(days=3), 8, 0)
            with db.transaction() as s:
                _organisation(s, world)
                _catalogue(s, world)
                _extras_setup(s, world)
            if progress is not None:
                progress(1, total)
            for index, (first, last) in enumerate(world.months()):
                check()
                with db.transaction() as s:
                    _month(s, world, index, first, last, check)
                if progress is not None:
                    progress(index + 2, total)
            check()
            with db.transaction() as s:
                stock.pending_requisition(s, world)
                db.set_meta(s, SPAN, f"{world.start.isoformat()}/{world.end.isoformat()}")  # for the neighbours
        with db.read() as s:
            world.counts["ledger_rows"] = stock.ledger_rows(s)
            world.counts["request_statuses"] = int(
                s.scalar(select(func.count(func.distinct(SupportRequest.status)))) or 0)
        if progress is not None:
            progress(total, total)
        return dict(sorted(world.counts.items()))
    finally:
        db.close()


def _organisation(s: Session, world: World) -> None:
    names = NameMaker(world.rng)
    centre = stations.create_centre(s, actor=world.centre, **CENTRE)
    world.centre_id = centre.id
    for code, name, kind in DEPARTMENTS:
        world.departments[code] = stations.create_department(s, centre_id=centre.id, code=code, name=name,
                                                             kind=kind, actor=world.centre).id
    for code, name, commune, population in STATIONS:
        head = names.person()
        ward = commune.replace("Phường", "phường")  # "phường An Phú" inside a sentence
        station = stations.create_station(
            s, code=code, name=name, centre_id=centre.id, actor=world.centre,
            station_id=station_id_for(code), commune=commune,
            address=f"Khu phố {world.rng.randint(1, 9)}, {ward}, Thành phố Hồ Chí Minh",
            parent_org=f"Ủy ban nhân dân {ward}", population=population, head_name=head,
            contact_name=head, contact_phone=names.phone(), licence_no=f"{world.rng.randrange(100, 999)}/SYT-GPHĐ",
            licence_date=dt.date(2019 + world.rng.randrange(5), world.rng.randint(1, 12), world.rng.randint(1, 28)))
        world.stations[code] = station.id
        world.tally("stations")
    licence = 3000
    for dept, title, n in CENTRE_TEAM:
        for _ in range(n):
            licence += world.rng.randint(1, 40)
            name = names.person()
            staff = stations.add_staff(s, world.centre, full_name=name, title=title, phone=names.phone(),
                                       licence_no=f"00{licence}/HCM-CCHN", birth_year=world.rng.randint(1968, 1996),
                                       department_id=world.departments[dept])
            world.centre_staff.append((staff.id, name, title, dept))
            world.tally("staff")
    for title, n in STATION_TEAM:
        for _ in range(n):
            licence += world.rng.randint(1, 40)
            name = names.person()
            staff = stations.add_staff(s, world.station, full_name=name, title=title, phone=names.phone(),
                                       licence_no=f"00{licence}/HCM-CCHN", birth_year=world.rng.randint(1970, 1999))
            world.staff.append((staff.id, name, title))
            world.tally("staff")
    # The head of the demo station is its doctor, who is also its contact point.
    head_id, head_name, _title = world.staff[0]
    head_phone = s.get(Staff, head_id).phone  # type: ignore[union-attr]
    stations.update_profile(s, world.station, world.station_id, head_name=head_name, contact_name=head_name,
                            contact_phone=head_phone)
    world.village_workers = [names.person() for _ in range(VILLAGE_WORKERS)]


def _catalogue(s: Session, world: World) -> None:
    """The centre's catalogue: EPI vaccines, drugs and supplies, with min/max per station."""
    for v in VACCINES:
        fields = {"code": v.code, "name": v.name, "base_unit": "liều", "category": "vaccine",
                  "doses_per_vial": v.doses_per_vial, "vaccine_form": v.form, "freeze_sensitive": v.freeze_sensitive,
                  "min_stock": v.monthly_doses, "max_stock": v.monthly_doses * 3, "pack_unit": "lọ",
                  "pack_factor": v.doses_per_vial}
        item, _ = upsert_item(s, world.centre, fields)
        world.items.append(DemoItem(item.id, v.code, v.name, "vaccine", "liều", v.monthly_doses, v.doses_per_vial,
                                    v.doses_per_vial, freeze_sensitive=v.freeze_sensitive))
    for category, rows in (("drug", drugs()), ("supply", supplies())):
        for code, p in rows:
            fields = {"code": code, "name": p.name, "active_ingredient": p.ingredient, "strength": p.strength,
                      "dosage_form": p.form, "base_unit": p.unit, "category": category,
                      "controlled": CONTROLLED.get(p.name), "min_stock": p.monthly_use,
                      "max_stock": p.monthly_use * 3, "pack_unit": p.pack if (p.factor or 0) > 1 else None,
                      "pack_factor": p.factor if (p.factor or 0) > 1 else None}
            item, _ = upsert_item(s, world.centre, fields)
            world.items.append(DemoItem(item.id, code, p.name, category, p.unit, p.monthly_use, p.factor or 1,
                                        short_dated=world.rng.random() < 0.06))
    world.tally("items", len(world.items))


def _extras_setup(s: Session, world: World) -> None:
    """Cold chain set-up, when that part of the domain is present."""
    from ytcs_desktop.demo import coldchain

    coldchain.setup(s, world)


def _month(s: Session, world: World, index: int, first: dt.date, last: dt.date,
           check: Callable[[], None] = lambda: None) -> None:
    from ytcs_desktop.demo import coldchain

    receipt_day = first + dt.timedelta(days=4)
    stock.restock(s, world, first + dt.timedelta(days=2), first=index == 0)
    check()  # a month takes seconds: a cancel need not wait for its end
    stock.issues(s, world, first, last, receipt_day)
    check()
    coldchain.month(s, world, first, last, receipt_day)
    check()
    if last.day >= 28:
        stock.dispose_expired(s, world, last)
    if index == len(world.months()) // 2 and last.day >= 28:
        stock.stock_count(s, world, last)
    activity.requests_for_month(s, world, first, last, index)
    activity.rotation_for_month(s, world, first, last)
    activity.training_for_month(s, world, first, last, index)
    outreach.month(s, world, first, last, index)
    programme.month(s, world, first, last, index)
    referrals.month(s, world, first, last, index)
    reporting.month(s, world, first, last, index)
