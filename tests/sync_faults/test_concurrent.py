"""Every replica writing and syncing at the same time, over the faulty link: the server serialises
pushes and pulls correctly (a pull never skips a change committed late), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from tests.sync_faults.conftest import CENTRE_USER
from tests.sync_faults.harness import CentreServer
from tests.sync_faults.proxy import FaultProxy, Faults
from tests.sync_faults.world import Replica, World

pytest.importorskip("ytcs_desktop.sync.client")

LINK = Faults(cut_request=0.05, cut_response=0.05, drop_response=0.05, duplicate=0.05, rtt_ms=10)


def _busy(w: World, replica: Replica, url: str, rounds: int, seed: int, errors: list[BaseException]) -> None:
    rng = random.Random(seed)
    try:
        for n in range(rounds):
            if replica.station_id is not None:
                w.receive(replica, rng.randrange(2), rng.randrange(3), rng.randint(1, 30))
                w.reading(replica, 4.0)
                if replica.issuer:
                    w.issue(replica, rng.randrange(2), rng.randint(1, 5))
                if n % 3 == 0:
                    w.new_request(replica, "Hỗ trợ")
                    w.move_request(replica, rng.randrange(9), "submitted")
            else:
                w.move_request(replica, rng.randrange(9), rng.choice(["accepted", "rejected"]))
                w.comment(replica, rng.randrange(9), "Đã xem")
            w.staff_edit(replica, rng.randrange(9), f"0916{rng.randrange(10**6):06d}")
            w.sync(replica, url)
    except BaseException as exc:  # reported by the test
        errors.append(exc)


def _run(server: CentreServer, root: Path, rounds: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    w = World(server, root, random.Random(4), CENTRE_USER)
    w.add_station("P", 2)
    w.add_station("Q", 1)
    w.add_centre()
    w.login_all(server.url)
    w.create_items(2)
    w.settle(server.url)
    errors: list[BaseException] = []
    try:
        with FaultProxy(server.port, LINK, seed=21) as proxy:
            threads = [threading.Thread(target=_busy, args=(w, r, proxy.url, rounds, i, errors))
                       for i, r in enumerate(w.replicas)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(240)
            assert not any(t.is_alive() for t in threads), "a replica is still syncing after 4 minutes"
        assert not errors, errors
        attempts = sum(r.syncs for r in w.replicas)
        failed = sum(r.failures for r in w.replicas)
        assert failed < attempts / 2, w.errors[:5]  # the link is bad, not dead: most syncs get through
        w.settle(server.url)
        w.check()
    finally:
        w.close()


def test_everyone_syncing_at_once_on_sqlite(sqlite_centre: CentreServer, tmp_path: Path) -> None:
    _run(sqlite_centre, tmp_path / "w", rounds=3)


@pytest.mark.postgres
def test_everyone_syncing_at_once_on_postgres(postgres_centre: CentreServer, tmp_path: Path) -> None:
    _run(postgres_centre, tmp_path / "w", rounds=3)

