"""The demo's other four stations, as their own PCs would have sent their work to the centre.

Only a station's own PC may send its referrals, reports, ratings, village health workers and the
techniques it performs (SYNC.md), so the demo station's database cannot carry them for its neighbours.
Each neighbour gets a short-lived database of its own: it pulls what the centre holds for it (through
the server's own pull, in process), records a year of its own work through the domain functions on the
demo's clock (its staff and their scopes, techniques, village health workers, referrals with the
centre's follow-up, its reports with the centre's review, its trips to the centre and its ratings of
what it received), and its outbox is replayed to the centre like the demo station's. The database is
then thrown away: the centre keeps what it received, as it would from a real PC.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ytcs_desktop.demo import outreach, programme, referrals, reporting
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.demo.people import CENTRE, NameMaker
from ytcs_desktop.demo.world import SPAN, World
from ytcs_desktop.domain import stations, techniques, village_workers
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Department, Staff, Station
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.store import ServerStore

# A neighbour's team: smaller than the demo station's, enough for referrals, reports and trips.
TEAM = [("doctor", 1), ("assistant_doctor", 1), ("nurse", 2), ("midwife", 1)]
OWN_TECHNIQUES = 3
WORKERS = 4
PULL_PAGE = 5000

Replayer = Callable[[Database, Device], int]  # replays a database's outbox as (the station, the centre)


def span_of(db: Database) -> tuple[dt.date, dt.date] | None:
    value = db.meta(SPAN)
    if not value:
        return None
    first, last = value.split("/")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def pull_all(store: ServerStore, conn: Connection, device: Device, db: Database) -> int:
    """What the centre holds for this station, written into its database as a first sync would."""
    from ytcs_desktop.sync.server.pull import pull

    cursor, rows = 0, 0
    while True:
        page = pull(store, conn, device, cursor, PULL_PAGE, own=True)
        count, _top = a.apply_pull_page(db, page, None)
        rows += count
        cursor = int(page["cursor"])
        if not page["has_more"]:
            return rows


def neighbour_world(db: Database, code: str, span: tuple[dt.date, dt.date], seed: int) -> World:
    """The pulled organisation as the demo's parts expect it, with this station as the acting one."""
    with db.read() as s:
        own = s.scalar(select(Station).where(Station.code == code))
        assert own is not None, f"the centre sent no profile for {code}"
        departments = {d.code: d.id for d in s.scalars(select(Department))}
        by_id = {v: k for k, v in departments.items()}
        registered = {st.code: st.id for st in s.scalars(select(Station))}
        centre_staff = [(x.id, x.full_name, x.title, by_id.get(x.department_id or "", ""))
                        for x in s.scalars(select(Staff).where(Staff.station_id.is_(None)).order_by(Staff.hlc))]
        station = Actor(own.name, "station", own.id)
    return World(db=db, rng=random.Random(f"{seed}-{code}"), clock=DemoClock(), start=span[0], end=span[1],
                 station=station, centre=Actor(CENTRE["name"], "centre", None), station_id=station.station_id or "",
                 departments=departments, stations=registered, centre_staff=centre_staff, tag=code)


def _setup(s: Session, world: World) -> None:
    names = NameMaker(random.Random(f"names-{world.tag}"))
    world.clock.set(world.start - dt.timedelta(days=2), 8, 0)
    for title, n in TEAM:
        for _ in range(n):
            name = names.person()
            staff = stations.add_staff(s, world.station, full_name=name, title=title, phone=names.phone(),
                                       licence_no=f"00{world.rng.randrange(4000, 9999)}/HCM-CCHN",
                                       birth_year=world.rng.randint(1970, 1999),
                                       scope_of_practice=outreach.SCOPES.get(title))
            world.staff.append((staff.id, name, title))
            world.tally("staff")
    head = world.as_person(world.station, world.staff[0][1])
    for name, area in world.rng.sample(outreach.OWN_TECHNIQUES, OWN_TECHNIQUES):
        techniques.add_technique(s, head, name=name, specialty=area, performing=True, on=world.start)
        world.tally("techniques")
    for n in range(WORKERS):
        village_workers.add_worker(s, head, full_name=names.person(), hamlet=outreach.HAMLETS[n],
                                   phone=names.phone(), birth_year=world.rng.randint(1965, 1992),
                                   since=dt.date(world.rng.randint(2008, 2020), world.rng.randint(1, 12), 1))
        world.tally("village_workers")


def _month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    referrals.referrals_for_month(s, world, first, last)
    reporting.month(s, world, first, last, index)
    if index % 4 == 2:
        outreach.to_centre(s, world, first, last, index)
    programme.rate(s, world, random.Random(f"{first}-{world.tag}"), first, last)


def build_neighbour(store: ServerStore, conn: Connection, code: str, span: tuple[dt.date, dt.date], seed: int,
                    login: Callable[[Database], Device], replay: Replayer) -> dict[str, int]:
    """One neighbour's year, sent to the centre; returns what it made."""
    with tempfile.TemporaryDirectory(prefix="ytcs-demo-") as folder:
        db = Database.create(Path(folder) / "station.sqlite3", station_id=_station_id(code), role="station")
        try:
            device = login(db)
            pull_all(store, conn, device, db)
            world = neighbour_world(db, code, span, seed)
            with simulated(world.clock):
                with db.transaction() as s:
                    _setup(s, world)
                for index, (first, last) in enumerate(world.months()):
                    with db.transaction() as s:
                        _month(s, world, first, last, index)
            world.tally("changes_sent", replay(db, device))
            return world.counts
        finally:
            db.close()


def _station_id(code: str) -> str:
    from ytcs_desktop.domain.station_ids import station_id_for

    return station_id_for(code)

