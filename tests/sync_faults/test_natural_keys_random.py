"""Two PCs of one station keep giving the same lot numbers and the same fridge slots offline, in random
order, over the faulty link, with clocks a few seconds or a year apart. After settling (guarantee 2)
every replica passes `ytcs check`, the exports are equal, every acknowledged row is present once and
every lot's SUM equals the model's: the row born twice converges whoever syncs first.

`YTCS_NK_RUNS` sets the number of seeded runs (default 3 on SQLite, 1 on PostgreSQL).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.sync_faults.conftest import CENTRE_USER
from tests.sync_faults.harness import CentreServer, diff_exports, export_of
from tests.sync_faults.proxy import FaultProxy, Faults
from tests.sync_faults.world import YEAR_MS, World

pytest.importorskip("ytcs_desktop.sync.client")

LINK = Faults(cut_request=0.08, cut_response=0.08, drop_response=0.08, duplicate=0.08, rtt_ms=5)


def _run(server: CentreServer, root: Path, seed: int, rounds: int = 8, steps: int = 6) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    w = World(server, root, random.Random(seed), CENTRE_USER)
    pc1, pc2 = w.add_station("K", 2)
    w.add_centre()
    w.login_all(server.url)
    w.create_items(2)
    w.reading(pc1, 4.0)  # the fridge, known to both PCs before they go offline
    w.settle(server.url)
    pc2.slot = pc1.slot
    try:
        with FaultProxy(server.port, LINK, seed=seed) as proxy:
            for r in range(rounds):  # each round brings new lot numbers and days, so keys keep colliding
                for _ in range(steps):
                    pc = rng.choice((pc1, pc2))
                    move = rng.random()
                    if move < 0.35:
                        w.receive(pc, rng.randrange(2), r, rng.randint(1, 40), lot_prefix="AB")
                    elif move < 0.6:
                        pc.days_back = 2 * r  # one day and slot per round: the same reading at both PCs
                        w.reading(pc, rng.choice((3.5, 4.0, 5.5, 9.0)))
                    elif move < 0.7 and pc.issuer:
                        w.issue(pc, rng.randrange(2), rng.randint(1, 5))
                    elif move < 0.78:
                        pc.set_skew(rng.choice((0, 3_000, -3_000, YEAR_MS, -YEAR_MS)))
                    else:
                        w.sync(pc, rng.choice((server.url, proxy.url, proxy.url)))
        for pc in (pc1, pc2):
            pc.set_skew(0)
        w.settle(server.url)
        problems = diff_exports(export_of(pc1.db), export_of(pc2.db))
        assert not problems, f"seed {seed}:\n" + "\n".join(problems)
        w.check()
        assert _second_births(server, str(pc1.station_id)) > 0, f"seed {seed}: no row was born twice"
    finally:
        w.close()


def _second_births(server: CentreServer, station_id: str) -> int:
    from sqlalchemy import func, select

    from ytcs_desktop.sync.server import schema as t
    from ytcs_desktop.sync.server.store import ServerStore

    store = ServerStore(server.database_url)
    try:
        c = t.applied_mutations.c
        with store.read() as conn:
            return int(conn.scalar(select(func.count()).where(c.station_key == station_id,
                                                              c.mutation_id.like("birth-%"))) or 0)
    finally:
        store.dispose()


def _runs(default: int) -> list[int]:
    return list(range(int(os.environ.get("YTCS_NK_RUNS", default))))


@pytest.mark.parametrize("seed", _runs(3))
def test_same_keys_at_two_pcs_converge_on_sqlite(sqlite_centre: CentreServer, tmp_path: Path, seed: int) -> None:
    _run(sqlite_centre, tmp_path / "w", seed)


@pytest.mark.postgres
@pytest.mark.parametrize("seed", _runs(1))
def test_same_keys_at_two_pcs_converge_on_postgres(postgres_centre: CentreServer, tmp_path: Path,
                                                   seed: int) -> None:
    _run(postgres_centre, tmp_path / "w", 100 + seed)
