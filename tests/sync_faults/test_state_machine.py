"""SYNC.md guarantees 1–3 as a property: random writes everywhere, random syncs over a bad link,
clocks jumping by years; after settling, every replica holds the same rows and nothing acknowledged
is lost or doubled.

Three stations (A has two PCs) and the centre's desktop write through the domain; each sync goes
through the fault proxy (cut requests and answers, answers lost after the server committed,
duplicated requests). Settling is SYNC.md's own definition: every replica syncs twice on a clean link
with no writes in between. The server (one process) outlives the examples; each example gets fresh
stations and replicas.

Default: a few short examples. `--long` runs YTCS_SM_EXAMPLES (default 10,000) of them, in
YTCS_SM_SHARDS tests (default 2) that `pytest -n 2` runs side by side.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

from tests.sync_faults.conftest import CENTRE_USER, _started
from tests.sync_faults.harness import CentreServer, long_log
from tests.sync_faults.proxy import FaultProxy, Faults
from tests.sync_faults.world import YEAR_MS, World

pytest.importorskip("ytcs_desktop.sync.client")

LINK = Faults(cut_request=0.08, cut_response=0.08, drop_response=0.08, duplicate=0.08)
STATION_MOVES = ("submitted", "cancelled", "rated")
CENTRE_MOVES = ("accepted", "rejected", "scheduled", "in_progress", "done")


@dataclass
class Context:
    server: CentreServer
    proxy: FaultProxy
    root: Path
    started: float = 0.0
    examples: int = 0  # examples settled and checked so far
    label: str = ""  # the shard, in a long run's progress lines


PROGRESS_EVERY = 100  # a long run prints its figures this often, so a stopped run still has them
SERVER_EXAMPLES = 200


class SyncMachine(RuleBasedStateMachine):
    ctx: Context

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(dir=self.ctx.root))
        self.world = World(self.ctx.server, self.dir, random.Random(0), CENTRE_USER)
        self.ready = False

    @initialize(seed=st.integers(0, 2**31))
    def build(self, seed: int) -> None:
        w = self.world
        self.ctx.proxy.seed = seed
        w.add_station("A", 2)
        w.add_station("B", 1)
        w.add_station("C", 1)
        w.add_centre()
        w.login_all(self.ctx.server.url)
        w.create_items(2)
        # The catalogue reaches every station before the work starts: the centre's desktop pushes it,
        # each PC pulls it (one sync each; the full settle is for the end of the example).
        for replica in [w.centre, *(r for r in w.replicas if r is not w.centre)]:
            w.sync(replica, self.ctx.server.url, must_complete=True)  # type: ignore[arg-type]
        self.ready = True

    def _station(self, i: int) -> object:
        stations = [r for r in self.world.replicas if r.station_id]
        return stations[i % len(stations)]

    def _any(self, i: int) -> object:
        return self.world.replicas[i % len(self.world.replicas)]

    @rule(who=st.integers(0, 9), item=st.integers(0, 1), lot=st.integers(0, 2), qty=st.integers(1, 60))
    def receive(self, who: int, item: int, lot: int, qty: int) -> None:
        self.world.receive(self._station(who), item, lot, qty)  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), item=st.integers(0, 1), qty=st.integers(1, 40))
    def issue(self, who: int, item: int, qty: int) -> None:
        issuers = [r for r in self.world.replicas if r.issuer]
        self.world.issue(issuers[who % len(issuers)], item, qty)

    @rule(who=st.integers(0, 9), celsius=st.floats(2.5, 7.5))
    def reading(self, who: int, celsius: float) -> None:
        self.world.reading(self._station(who), round(celsius, 1))  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), title=st.text("abcđêôơư ", min_size=1, max_size=12))
    def new_request(self, who: int, title: str) -> None:
        self.world.new_request(self._station(who), "Hỗ trợ " + title)  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), pick=st.integers(0, 20), move=st.integers(0, 9))
    def move_request(self, who: int, pick: int, move: int) -> None:
        replica = self._any(who)
        moves = CENTRE_MOVES if replica.station_id is None else STATION_MOVES  # type: ignore[attr-defined]
        self.world.move_request(replica, pick, moves[move % len(moves)])  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), pick=st.integers(0, 20), body=st.text("xyzàảạ ", min_size=1, max_size=10))
    def comment(self, who: int, pick: int, body: str) -> None:
        self.world.comment(self._any(who), pick, "Ý kiến " + body)  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), pick=st.integers(0, 20), number=st.integers(0, 999_999))
    def staff_edit(self, who: int, pick: int, number: int) -> None:
        self.world.staff_edit(self._any(who), pick, f"0912{number:06d}")  # type: ignore[arg-type]

    @rule(who=st.integers(0, 9), years=st.sampled_from([-5, -1, 0, 0, 1, 5]))
    def clock_jump(self, who: int, years: int) -> None:
        self._any(who).set_skew(years * YEAR_MS)  # type: ignore[attr-defined]

    @rule(who=st.integers(0, 9))
    def sync_over_bad_link(self, who: int) -> None:
        # Short pauses between retries: what is checked here is what arrives, not how long it waited.
        self.world.sync(self._any(who), self.ctx.proxy.url, backoff_s=0.02)  # type: ignore[arg-type]

    @precondition(lambda self: self.ready)
    @rule(who=st.integers(0, 9))
    def sync_direct(self, who: int) -> None:
        self.world.sync(self._any(who), self.ctx.server.url)  # type: ignore[arg-type]

    def teardown(self) -> None:
        try:
            if self.ready:
                self.world.settle(self.ctx.server.url)
                self.world.check()
                self.ctx.examples += 1
                if self.ctx.examples % PROGRESS_EVERY == 0:
                    stats = self.ctx.proxy.stats
                    long_log(f"  {self.ctx.label}{self.ctx.examples} examples checked in "
                             f"{time.monotonic() - self.ctx.started:.0f} s; "
                             f"this round's link: {stats.exchanges} exchanges, {stats.faults} faults")
        finally:
            self.world.close()
            shutil.rmtree(self.dir, ignore_errors=True)


def _run(server: CentreServer, root: Path, examples: int, steps: int, *, before: int = 0,
         started: float | None = None, label: str = "", fixed: bool = True) -> int:
    """`examples` examples against `server`; the number checked (counted on from `before`). `fixed`:
    the same examples every time (the default profile); a long run draws new ones in every shard."""
    started = time.monotonic() if started is None else started
    with FaultProxy(server.port, LINK, idle_timeout=20) as proxy:
        SyncMachine.ctx = Context(server, proxy, root, started, before, label)
        run_state_machine_as_test(
            SyncMachine,
            settings=settings(max_examples=examples, stateful_step_count=steps, deadline=None,
                              suppress_health_check=list(HealthCheck), derandomize=fixed,
                              print_blob=True, database=None),
        )
        stats = proxy.stats
    long_log(f"state machine: {label}{SyncMachine.ctx.examples - before} of {examples} examples × ≤{steps} steps "
             f"checked; {time.monotonic() - started:.0f} s in all; link: {stats.exchanges} exchanges, "
             f"{stats.faults} faults")
    return SyncMachine.ctx.examples


def test_replicas_converge_and_keep_every_acknowledged_write(sqlite_centre: CentreServer, tmp_path: Path) -> None:
    _run(sqlite_centre, tmp_path, examples=int(os.environ.get("YTCS_SM_QUICK", "6")), steps=20)


SHARDS = max(1, int(os.environ.get("YTCS_SM_SHARDS", "2")))


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_replicas_converge_long(tmp_path: Path, shard: int) -> None:
    """YTCS_SM_EXAMPLES split over YTCS_SM_SHARDS tests (default 2), so `-n 2` runs them on both cores;
    each draws its own examples. Within a shard, rounds of SERVER_EXAMPLES, each against a fresh
    server: every example's new centre desktop pulls all the server holds, so one server for thousands
    of examples would make each example slower than the last."""
    total = int(os.environ.get("YTCS_SM_EXAMPLES", "10000"))
    wanted = total // SHARDS + (1 if shard < total % SHARDS else 0)
    if wanted == 0:
        pytest.skip("no example left for this shard")
    started = time.monotonic()
    checked = rounds = 0
    while checked < wanted:
        root = tmp_path / f"round{rounds}"
        server = _started(f"sqlite:///{root / 'centre.sqlite3'}", root / "centre")
        try:
            now = _run(server, root, min(SERVER_EXAMPLES, wanted - checked), steps=40, before=checked,
                       started=started, label=f"shard {shard + 1}/{SHARDS}: ", fixed=False)
        finally:
            server.stop()
        rounds += 1
        assert now > checked, "a round checked no example"
        checked = now
    long_log(f"state machine, long, shard {shard + 1}/{SHARDS}: {checked} examples in {rounds} rounds, "
             f"{time.monotonic() - started:.0f} s")


@pytest.mark.postgres
def test_replicas_converge_on_postgres(postgres_centre: CentreServer, tmp_path: Path) -> None:
    _run(postgres_centre, tmp_path, examples=int(os.environ.get("YTCS_SM_PG_QUICK", "2")), steps=20)
