"""Each fault of the link, one at a time, on a push or a pull: nothing lost, nothing doubled (SYNC.md
guarantee 1), and the client reports a failed link as a network error it retries, never as a crash.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync_faults.conftest import CENTRE_USER
from tests.sync_faults.harness import CentreServer
from tests.sync_faults.proxy import FaultProxy, Faults
from tests.sync_faults.world import World

client = pytest.importorskip("ytcs_desktop.sync.client")

PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"


@pytest.fixture
def world(sqlite_centre: CentreServer, tmp_path: Path) -> Iterator[World]:
    w = World(sqlite_centre, tmp_path / "replicas", random.Random(1), CENTRE_USER)
    (tmp_path / "replicas").mkdir()
    w.add_station("A", 2)
    w.add_centre()
    w.login_all(sqlite_centre.url)
    w.create_items(2)
    w.settle(sqlite_centre.url)
    yield w
    w.close()


def _only(fault: str, path: str) -> Faults:
    chance: dict[str, Any] = {fault: 1.0}
    return dataclasses.replace(Faults(only_paths=(path,)), **chance)


def _work(w: World, n: int) -> None:
    a1, a2 = w.replicas[0], w.replicas[1]
    for i in range(n):
        w.receive(a1, i % 2, i % 3, 10 + i)
        w.reading(a2, 4.0 + (i % 3))
    w.issue(a1, 0, 5)
    w.new_request(a2, "Hỗ trợ sản khoa")
    w.move_request(a2, 0, "submitted")
    w.staff_edit(a1, 0, "0912345678")


@pytest.mark.parametrize("fault", ["cut_request", "cut_response", "drop_response", "duplicate"])
def test_one_fault_then_a_clean_link_converges(world: World, sqlite_centre: CentreServer, fault: str) -> None:
    """The fault hits every push of the first PC, then every pull of the others (which carry its rows)."""
    _work(world, 12)
    a1, a2, hub = world.replicas
    with FaultProxy(sqlite_centre.port, _only(fault, PUSH), seed=5) as proxy:
        world.sync(a1, proxy.url, max_retries=0)
        assert proxy.stats.faults >= 1
    world.sync(a1, sqlite_centre.url, must_complete=True)
    with FaultProxy(sqlite_centre.port, _only(fault, PULL), seed=6) as proxy:
        world.sync(a2, proxy.url, max_retries=0)
        world.sync(hub, proxy.url, max_retries=0)
        assert proxy.stats.faults >= 2
    world.settle(sqlite_centre.url)
    world.check()


def test_every_push_answer_lost_many_times_doubles_nothing(world: World, sqlite_centre: CentreServer) -> None:
    """The server commits each batch and the answer never arrives, over and over, in small batches."""
    _work(world, 30)
    with FaultProxy(sqlite_centre.port, Faults(drop_response=1.0, only_paths=(PUSH,)), seed=9) as proxy:
        for _ in range(3):
            world.sync(world.replicas[0], proxy.url, max_retries=0, push_batch=4)
        assert proxy.stats.dropped_responses >= 3
    world.settle(sqlite_centre.url)
    world.check()


def test_each_retry_is_counted_once_and_the_retries_are_bounded(world: World, sqlite_centre: CentreServer) -> None:
    """Every push answer is lost: the client retries twice `max_retries` times, then gives up with a
    network error; its report counts each retry once (the proxy saw one more failed push than that)."""
    _work(world, 3)
    a1 = world.replicas[0]
    assert a1.token is not None
    with FaultProxy(sqlite_centre.port, Faults(drop_response=1.0, only_paths=(PUSH,)), seed=3) as proxy:
        sync = client.SyncClient(a1.db, proxy.url, a1.token, max_retries=2, backoff_s=0.01)
        try:
            _expect_network_error(sync)
            assert sync.report.retries == 4
            assert proxy.stats.dropped_responses == 5
        finally:
            sync.close()


def test_answer_cut_inside_its_head_is_a_network_error(world: World, sqlite_centre: CentreServer) -> None:
    """http.client accepts a truncated head: the client sees 200 with an empty body and must not crash."""
    _work(world, 2)
    faults = Faults(cut_response=1.0, cut_at=17, only_paths=(PULL,))  # after "HTTP/1.1 200 OK\r\n"
    a1 = world.replicas[0]
    assert a1.token is not None
    with FaultProxy(sqlite_centre.port, faults) as proxy:
        sync = client.SyncClient(a1.db, proxy.url, a1.token, max_retries=0)
        try:
            _expect_network_error(sync)
        finally:
            sync.close()


def test_answer_cut_inside_its_body_is_a_network_error(world: World, sqlite_centre: CentreServer) -> None:
    """urllib3 raises its own ProtocolError (IncompleteRead) for a short body: it must become a NetworkError."""
    _work(world, 2)
    faults = Faults(cut_response=1.0, cut_at=-2, only_paths=(PUSH,))
    a1 = world.replicas[0]
    assert a1.token is not None
    with FaultProxy(sqlite_centre.port, faults) as proxy:
        sync = client.SyncClient(a1.db, proxy.url, a1.token, max_retries=0)
        try:
            _expect_network_error(sync)
        finally:
            sync.close()


def _expect_network_error(sync: object) -> None:
    try:
        sync.sync()  # type: ignore[attr-defined]
    except Exception as exc:
        assert isinstance(exc, client.SyncError), f"{type(exc).__name__}: {exc}"
        return
    raise AssertionError("a sync whose every answer is cut reported success")
