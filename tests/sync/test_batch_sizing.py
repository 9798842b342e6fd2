"""Push batches follow the link (SYNC.md "Wire"): they grow while exchanges go through, on a slow line
too, up to the body bound, and shrink after a cut."""

from __future__ import annotations

import contextlib

import pytest

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_item, add_ledger
from tests.sync_faults.proxy import FaultProxy, Faults
from ytcs_desktop.sync.client import NetworkError, SyncClient, _Adaptive

ROW_BYTES = 18  # a ledger row on the wire, compressed


def _exchange_s(rows: int, kbps: float, rtt_s: float) -> float:
    return rtt_s + rows * ROW_BYTES * 8 / (kbps * 1000)


def test_a_slow_line_grows_batches_up_to_the_body_bound() -> None:
    """256 kbit/s, 500 ms: only the first two exchanges are "fast" (under 1.5 s), yet the batch reaches
    the body bound on the fourth."""
    size = _Adaptive(200, 1, 20_000)
    size.row_bytes = ROW_BYTES
    seen = []
    for _ in range(8):
        seconds = _exchange_s(size.limit(), 256, 0.5)
        seen.append((size.limit(), seconds))
        size.success(size.limit(), seconds)
    rows = [n for n, _ in seen]
    bound = int(0.95 * 128 * 1024 / ROW_BYTES)
    assert rows[:3] == [200, 800, 3200] and rows[3:] == [bound] * 5
    assert all(seconds > 1.5 for _, seconds in seen[2:])
    assert bound * ROW_BYTES <= 128 * 1024


def test_growth_stops_where_an_exchange_would_overrun_the_budget() -> None:
    size = _Adaptive(1_000, 1, 20_000, budget_s=10.0)
    for _ in range(20):
        size.success(size.size, _exchange_s(size.size, 32, 0.5))  # 32 kbit/s: 4 KB a second
    assert 1_000 < size.size < 20_000
    assert 8.0 < _exchange_s(size.size, 32, 0.5) <= 10.0 * 1.01


def test_a_cut_halves_the_batch_and_a_slower_line_shrinks_it() -> None:
    size = _Adaptive(4_000, 10, 20_000)
    size.failure()
    assert size.size == 2_000
    for _ in range(12):
        size.failure()
    assert size.size == 10
    size = _Adaptive(4_000, 10, 20_000, budget_s=10.0)
    size.success(4_000, 40.0)  # a full batch took four budgets: half, no less than what fits
    assert size.size == 2_000
    size.success(2_000, 11.0)
    assert size.size == 1_818
    size.success(5, 30.0)  # the short last batch of the outbox says nothing about the line
    assert size.size == 1_818


def _station_with_ledger(centre: Centre, rows: int) -> Replica:
    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    (st,) = centre.station("Đường chậm")
    st.sync()
    add_ledger(st.db, item, rows)
    return st


def _push(st: Replica, client: SyncClient, proxy: FaultProxy) -> list[int]:
    """Sync through the proxy; the sizes of the batches the centre acknowledged."""
    done: list[int] = []
    client.progress = lambda phase, n, _total: done.append(n) if phase == "push" and n else None
    with contextlib.suppress(NetworkError):
        client.sync()
    return [b - a for a, b in zip([0, *done], done, strict=False)]


def _port(centre: Centre) -> int:
    return int(centre.url.rsplit(":", 1)[1])


def test_batches_grow_past_slow_exchanges_on_a_throttled_link(centre: Centre) -> None:
    if not centre.db_url.startswith("sqlite"):
        pytest.skip("the link, not the database, is under test")
    st = _station_with_ledger(centre, 3_000)
    # 64 kbit/s, 200 ms: an 800-row batch takes about 2 s; the old rule ("fast" under 1.5 s) stopped
    # growing before it. The budget is scaled down so that the test stays short.
    with FaultProxy(_port(centre), Faults(rtt_ms=200, bandwidth_bps=64_000)) as proxy:
        client = SyncClient(st.db, proxy.url, st.token, push_batch=100)
        client.push_size.budget_s = 4.0
        try:
            batches = _push(st, client, proxy)
        finally:
            client.close()
    assert sum(batches) == 3_001  # the ledger and its lot
    # 100 outbox rows: 50 records, each with the audit row that travels beside it
    assert batches[0] == 50 and batches == sorted(batches[:-1]) + batches[-1:]
    assert 2 * max(batches) > 1_000  # outbox rows: the old rule stopped growing before 800


def test_each_lost_answer_halves_the_batch(centre: Centre) -> None:
    if not centre.db_url.startswith("sqlite"):
        pytest.skip("the link, not the database, is under test")
    st = _station_with_ledger(centre, 300)
    faults = Faults(drop_response=1.0, only_paths=("/api/v1/sync/push",))
    with FaultProxy(_port(centre), faults) as proxy:
        client = SyncClient(st.db, proxy.url, st.token, push_batch=256, max_retries=0)
        try:
            for _ in range(3):  # each run gives up at its first failure, the size is kept
                assert _push(st, client, proxy) == []
        finally:
            client.close()
        assert proxy.stats.dropped_responses == 3
    assert client.push_size.size == 256 // 2**3
    client = SyncClient(st.db, centre.url, st.token)
    try:
        assert client.sync().complete
    finally:
        client.close()
