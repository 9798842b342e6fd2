"""A small deployment to sync under faults: stations (some with two PCs), the centre's desktop, and a
model of every write the users were told was saved.

Writes go through the domain layer, as the application makes them. The model keeps what must be
true after settling: every acknowledged insert-only row (ledger, readings, comments, transitions)
present exactly once at every replica that may see it, and every lot's SUM equal to the model's.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, select

from tests.sync_faults.harness import CentreServer, diff_exports, export_of, login, visible_to
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.paths import DB_FILENAME
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.hlc import HybridClock, wall_clock_ms
from ytcs_desktop.store.models import StockTransaction

PASSWORD = "mat-khau-2026"
YEAR_MS = 365 * 24 * 3600 * 1000

INSERT_ONLY = ("stock_transactions", "temperature_readings", "request_comments", "request_transitions")


# Accounts of the fault tests hash cheaply: a login per replica per example adds up (argon2 verify
# cost comes from the stored hash). The CLI path (`ytcs centre add-user`) is used once per server.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_TEMPLATE: dict[str, Path] = {}


def fresh_database(path: Path, station_id: str | None, role: str) -> Database:
    """`Database.create`, but copied from a migrated template made once per process (migrations take
    most of a create); identity rows are written exactly as `create` writes them."""
    import shutil
    import tempfile

    from ytcs_desktop.store.base import new_id

    if "file" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="ytcs-template-"))
        template = Database(folder / DB_FILENAME)
        template.migrate()
        template.close()
        _TEMPLATE["file"] = folder / DB_FILENAME
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_TEMPLATE["file"], path)
    db = Database(path)
    with db.transaction() as s:
        db.set_meta(s, "replica_id", new_id())
        db.set_meta(s, "role", role)
        if station_id:
            db.set_meta(s, "station_id", station_id)
    return db


@dataclass
class Replica:
    name: str
    db: Database
    actor: Actor
    username: str
    station_id: str | None  # None: the centre's desktop
    issuer: bool = False  # only one PC per station issues stock: two PCs could overdraw offline
    slot: str = "morning"
    token: str | None = None
    skew_ms: int = 0
    days_back: int = 0
    syncs: int = 0
    failures: int = 0

    def set_skew(self, skew_ms: int) -> None:
        """Jump this PC's wall clock (±years): the HLC reads the skewed wall from now on."""
        self.skew_ms = skew_ms
        old = self.db.clock
        self.db._clock = HybridClock(old.replica, last=old.last, offset_ms=old.offset_ms,
                                     wall=lambda: wall_clock_ms() + self.skew_ms)


@dataclass
class Model:
    """Acknowledged writes: the rows a user saw saved."""

    rows: dict[str, dict[str, str | None]] = field(default_factory=lambda: {t: {} for t in INSERT_ONLY})
    ledger: dict[str, int] = field(default_factory=dict)  # txn id -> quantity
    lot_of: dict[str, str] = field(default_factory=dict)  # txn id -> lot id
    mutable: dict[str, dict[str, str | None]] = field(default_factory=dict)  # table -> id -> station

    def insert(self, table: str, row_id: str, station_id: str | None) -> None:
        if table in self.rows:
            self.rows[table][row_id] = station_id
        else:
            self.mutable.setdefault(table, {})[row_id] = station_id


class World:
    """Stations, PCs and the centre desktop, all talking to one server through `url`."""

    def __init__(self, server: CentreServer, root: Path, rng: random.Random, centre_user: str) -> None:
        self.server = server
        self.root = root
        self.rng = rng
        self.tag = uuid.uuid4().hex[:6].upper()
        self.replicas: list[Replica] = []
        self.model = Model()
        self.items: list[str] = []
        self.centre_user = centre_user
        self.centre: Replica | None = None
        self.errors: list[str] = []

    # ----- building --------------------------------------------------------------------------
    def _admin(self, work: Callable[[Any], None]) -> None:
        from ytcs_desktop.sync.server.store import ServerStore

        store = ServerStore(self.server.database_url)
        try:
            with store.write() as conn:
                work(conn)
        finally:
            store.dispose()

    def add_station(self, letter: str, pcs: int) -> list[Replica]:
        from ytcs_desktop.domain.stations import create_station
        from ytcs_desktop.sync.server import admin

        code = f"TYT-{self.tag}-{letter}"
        username = f"tram-{self.tag}-{letter}".lower()

        def register(conn: Any) -> None:
            admin.add_station(conn, code, f"Trạm Y tế {letter}")
            admin.add_user(conn, username, PASSWORD, "station", code, FAST_HASHER)

        self._admin(register)
        station_id = str(uuid.uuid4())
        out = []
        for pc in range(pcs):
            # One data folder per PC, laid out as `ytcs --data-dir` expects it.
            db = fresh_database(self.root / f"{letter}{pc + 1}" / DB_FILENAME, station_id, "station")
            if pc == 0:
                with db.transaction() as s:
                    create_station(s, code=code, name=f"Trạm Y tế {letter}", station_id=station_id)
            replica = Replica(f"{letter}{pc + 1}", db, Actor(f"Điều dưỡng {letter}{pc + 1}", "station", station_id),
                              username, station_id, issuer=pc == 0, slot=("morning", "afternoon")[pc % 2])
            out.append(replica)
        self.replicas.extend(out)
        return out

    def add_centre(self) -> Replica:
        from ytcs_desktop.sync.server import admin

        username = f"tt-{self.tag}".lower()  # this world's own centre account (cheap to log in)
        self._admin(lambda conn: admin.add_user(conn, username, PASSWORD, "centre", None, FAST_HASHER))
        db = fresh_database(self.root / "centre-desktop" / DB_FILENAME, None, "centre")
        self.centre = Replica("centre", db, Actor("Phòng Kế hoạch", "centre"), username, None)
        self.replicas.append(self.centre)
        return self.centre

    def login_all(self, url: str) -> None:
        for r in self.replicas:
            r.token = str(login(url, r.username, PASSWORD, r.db, device_name=r.name)["token"])

    def close(self) -> None:
        for r in self.replicas:
            r.db.close()

    # ----- syncing ---------------------------------------------------------------------------
    def sync(self, replica: Replica, url: str, *, must_complete: bool = False, **options: Any) -> Any:
        from ytcs_desktop.sync.client import SyncClient

        assert replica.token is not None
        replica.syncs += 1
        try:
            client = SyncClient(replica.db, url, replica.token, **options)
            try:
                report = client.sync()
            finally:
                client.close()
        except Exception as exc:
            if must_complete:
                raise
            replica.failures += 1
            self.errors.append(f"{replica.name}: {type(exc).__name__}: {exc}")
            return None
        if must_complete:
            assert report.complete, f"{replica.name}: sync incomplete on a clean link: {report}"
        return report

    def settle(self, url: str) -> None:
        """SYNC.md guarantee 2: every replica syncs twice, no new writes in between."""
        for _round in range(2):
            for r in self.replicas:
                self.sync(r, url, must_complete=True)

    # ----- writes through the domain ---------------------------------------------------------
    def attempt(self, replica: Replica, work: Callable[[Any, Actor], Any]) -> Any:
        """One user action in one transaction; a domain refusal writes nothing and is fine."""
        try:
            with replica.db.transaction() as s:
                return work(s, replica.actor)
        except DomainError:
            return None

    def create_items(self, n: int) -> None:
        from ytcs_desktop.domain.catalogue import upsert_item

        assert self.centre is not None
        for i in range(n):
            code = f"T{self.tag}{i}"

            def work(s: Any, actor: Actor, code: str = code) -> Any:
                item, _ = upsert_item(s, actor, {"code": code, "name": f"Thuốc thử {code}", "base_unit": "viên",
                                                 "category": "drug"})
                return item.id

            item_id = self.attempt(self.centre, work)
            assert item_id, "the centre could not create an item"
            self.items.append(item_id)
            self.model.insert("items", item_id, None)

    def day(self, replica: Replica) -> dt.date:
        replica.days_back += 1
        return dt.date.today() - dt.timedelta(days=replica.days_back % 300 + 1)

    def receive(self, replica: Replica, item: int, lot: int, qty: int, *, lot_prefix: str | None = None) -> None:
        """A receipt. Each PC uses its own lot numbers unless told otherwise: two PCs creating the same
        lot offline collide on the lots' natural key (see test_natural_keys.py)."""
        from ytcs_desktop.domain.inventory import ledger

        lot_prefix = f"L{replica.name}-" if lot_prefix is None else lot_prefix

        def work(s: Any, actor: Actor) -> Any:
            return ledger.receive(s, actor, item_id=self.items[item % len(self.items)], lot_no=lot_prefix + str(lot),
                                  expiry=dt.date.today() + dt.timedelta(days=400 + lot), quantity=qty,
                                  txn_date=dt.date.today() - dt.timedelta(days=5), doc_no=f"PN-{lot}")

        self._ledger(self.attempt(replica, work), replica)

    def bulk_receive(self, replica: Replica, n: int, lot: int) -> None:
        """A delivery note of `n` lines in one transaction (several push batches' worth)."""
        from ytcs_desktop.domain.inventory.bulk import receive_many

        expiry = dt.date.today() + dt.timedelta(days=500)
        day = dt.date.today() - dt.timedelta(days=5)
        lines = [{"item_id": self.items[i % len(self.items)], "lot_no": f"B{replica.name}-{lot}", "expiry": expiry,
                  "quantity": 1 + i % 9, "txn_date": day, "doc_no": f"PN-B{lot}"} for i in range(n)]
        def work(s: Any, actor: Actor) -> Any:
            ids = receive_many(s, actor, lines)
            return list(s.scalars(select(StockTransaction).where(StockTransaction.id.in_(ids))))

        self._ledger(self.attempt(replica, work), replica)

    def issue(self, replica: Replica, item: int, qty: int) -> None:
        from ytcs_desktop.domain.inventory import ledger

        def work(s: Any, actor: Actor) -> Any:
            return ledger.issue(s, actor, item_id=self.items[item % len(self.items)], quantity=qty,
                                txn_date=dt.date.today(), reason="cấp phát")

        self._ledger(self.attempt(replica, work), replica)

    def _ledger(self, rows: list[Any] | None, replica: Replica) -> None:
        for txn in rows or []:
            self.model.insert("stock_transactions", txn.id, replica.station_id)
            self.model.ledger[txn.id] = txn.quantity
            self.model.lot_of[txn.id] = txn.lot_id

    def reading(self, replica: Replica, celsius: float) -> None:
        from ytcs_desktop.domain import coldchain
        from ytcs_desktop.store.models import Fridge

        day = self.day(replica)

        def work(s: Any, actor: Actor) -> Any:
            fridge = s.scalar(select(Fridge).where(Fridge.station_id == actor.station_id).order_by(Fridge.id))
            if fridge is None:
                fridge = coldchain.add_fridge(s, actor, name=f"Tủ {replica.name}")
                self.model.insert("fridges", fridge.id, replica.station_id)
            result = coldchain.record_reading(s, actor, fridge_id=fridge.id, reading_date=day, slot=replica.slot,
                                              celsius=celsius)
            return result.reading.id

        row_id = self.attempt(replica, work)
        if row_id:
            self.model.insert("temperature_readings", row_id, replica.station_id)

    def new_request(self, replica: Replica, title: str) -> None:
        from ytcs_desktop.domain import support

        row_id = self.attempt(replica, lambda s, a: support.create_request(s, a, kind="consultation", title=title).id)
        if row_id:
            self.model.insert("support_requests", row_id, replica.station_id)

    def move_request(self, replica: Replica, pick: int, to_status: str) -> None:
        from ytcs_desktop.domain import support
        from ytcs_desktop.store.models import RequestTransition, SupportRequest

        def work(s: Any, actor: Actor) -> Any:
            ids = sorted(s.scalars(select(SupportRequest.id).where(SupportRequest.deleted.is_(False))))
            if not ids:
                return None
            request_id = ids[pick % len(ids)]
            extra: dict[str, Any] = {}
            if to_status == "rejected":
                extra["reason"] = "ngoài chuyên môn"
            if to_status == "done":
                extra["outcome"] = "đã hỗ trợ"
            if to_status == "scheduled":
                extra["scheduled_from"] = dt.date.today() + dt.timedelta(days=3)
                extra["scheduled_to"] = dt.date.today() + dt.timedelta(days=4)
                extra["support_format"] = "online"
                from ytcs_desktop.store.models import Staff

                extra["assigned_staff_id"] = s.scalar(select(Staff.id).where(Staff.station_id.is_(None))
                                                      .order_by(Staff.id))
            support.move(s, actor, request_id, to_status, **extra)
            last = s.scalar(select(RequestTransition).where(RequestTransition.request_id == request_id)
                            .order_by(RequestTransition.hlc.desc()))
            return (last.id, last.station_id) if last else None

        done = self.attempt(replica, work)
        if done:
            self.model.insert("request_transitions", done[0], done[1])

    def comment(self, replica: Replica, pick: int, body: str) -> None:
        from ytcs_desktop.domain import support
        from ytcs_desktop.store.models import SupportRequest

        def work(s: Any, actor: Actor) -> Any:
            ids = sorted(s.scalars(select(SupportRequest.id)))
            if not ids:
                return None
            c = support.add_comment(s, actor, ids[pick % len(ids)], body)
            return (c.id, c.station_id)

        done = self.attempt(replica, work)
        if done:
            self.model.insert("request_comments", done[0], done[1])

    def staff_edit(self, replica: Replica, pick: int, phone: str) -> None:
        from ytcs_desktop.domain import stations
        from ytcs_desktop.store.models import Staff

        def work(s: Any, actor: Actor) -> Any:
            query = select(Staff.id).where(Staff.deleted.is_(False))
            query = query.where(Staff.station_id.is_(None) if actor.role == "centre"
                                else Staff.station_id == actor.station_id)
            ids = sorted(s.scalars(query))
            if pick % 3 == 0 or not ids:
                member = stations.add_staff(s, actor, full_name=f"Nguyễn Văn {phone[-3:]}", title="y sĩ",
                                            phone=phone)
                return member.id
            stations.update_staff(s, actor, ids[pick % len(ids)], phone=phone)
            return None

        row_id = self.attempt(replica, work)
        if row_id:
            self.model.insert("staff", row_id, replica.station_id)

    # ----- what must hold after settling -----------------------------------------------------
    def check(self) -> None:
        from ytcs_desktop.domain.integrity import check_database

        for r in self.replicas:  # what `ytcs check` runs: file, foreign keys, ledger, sync bookkeeping
            with r.db.read() as s:
                findings = check_database(s)
            assert not findings, f"{r.name}: " + "; ".join(f"[{f.check}] {f.message('en')}" for f in findings[:5])
        exports = {r.name: export_of(r.db) for r in self.replicas}
        assert self.centre is not None
        centre_export = exports[self.centre.name]
        for r in self.replicas:
            if r is self.centre:
                continue
            mine = exports[r.name]
            theirs = visible_to(centre_export, r.station_id)
            problems = diff_exports(theirs, mine)
            assert not problems, f"{r.name} differs from the centre (centre first):\n" + "\n".join(problems)
        for r in self.replicas:
            ids_by_table = {t: {row["id"] for row in rows} for t, rows in exports[r.name].items()}
            for table, wanted in self.model.rows.items():
                expected = {i for i, st in wanted.items() if r.station_id is None or st in (None, r.station_id)}
                missing = expected - ids_by_table.get(table, set())
                assert not missing, f"{r.name}: acknowledged {table} rows missing: {sorted(missing)[:5]}"
            for table, wanted_mut in self.model.mutable.items():
                expected = {i for i, st in wanted_mut.items() if r.station_id is None or st in (None, r.station_id)}
                missing = expected - ids_by_table.get(table, set())
                assert not missing, f"{r.name}: acknowledged {table} rows missing: {sorted(missing)[:5]}"
            ours = [x.station_id for x in self.replicas if x.station_id]  # the server outlives this world
            with r.db.read() as s:
                ours_only = StockTransaction.station_id.in_(ours)
                query = (select(StockTransaction.lot_id, func.sum(StockTransaction.quantity))
                         .where(ours_only).group_by(StockTransaction.lot_id))
                sums = {lot: int(total) for lot, total in s.execute(query)}
                count = s.scalar(select(func.count()).select_from(StockTransaction).where(ours_only))
            expected_sums: dict[str, int] = {}
            expected_count = 0
            for txn_id, qty in self.model.ledger.items():
                if r.station_id is None or self.model.rows["stock_transactions"][txn_id] == r.station_id:
                    lot = self.model.lot_of[txn_id]
                    expected_sums[lot] = expected_sums.get(lot, 0) + qty
                    expected_count += 1
            assert count == expected_count, f"{r.name}: {count} ledger rows, the model has {expected_count}"
            assert sums == expected_sums, f"{r.name}: ledger sums differ from the model"


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
