"""Pushes sent ahead (protocol.AFTER_SEQ_HEADER): over a slow line a station sends its next batch before the
answer to the one before it, so the line carries it while the centre applies the first. The centre applies
batches in the order they were written, whatever order they arrive in; a batch whose predecessor never
comes is refused (409 push_ahead) with nothing of it stored. The client sends ahead over a slow line, and
when the answer to a batch is lost while the one sent after it went through, nothing is lost or doubled.
A real `ytcs centre serve`, SQLite and PostgreSQL; the line is the fault proxy."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_item, add_ledger
from tests.sync_faults.proxy import FaultProxy, Faults
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import SyncClient
from ytcs_desktop.sync.server import schema as t

PUSH = f"{p.API}/sync/push"
# A slow line with a noticeable round trip: batches take long enough on it for the next to go ahead.
SLOW = Faults(rtt_ms=150, bandwidth_bps=160_000)


def _batches(replica: Replica, *sizes: int) -> list[a.PushBatch]:
    out: list[a.PushBatch] = []
    cursor = 0
    for size in sizes:
        out.append(a.read_outbox(replica.db, cursor, size))
        cursor = out[-1].last_seq
    return out


def _post(replica: Replica, batch: a.PushBatch, after: int | None = None) -> requests.Response:
    headers = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {replica.token}",
               "Content-Type": "application/json"}
    if after is not None:
        headers[p.AFTER_SEQ_HEADER] = str(after)
    return requests.post(f"{replica.url}{PUSH}", data=p.dumps(a.build_push(batch, batch.last_seq)),
                         headers=headers, timeout=60)


def _server_seqs(centre: Centre, batch: a.PushBatch) -> list[int]:
    """The centre's sequence numbers of a batch's rows (none: nothing of it is stored)."""
    ids = [r.row_id for r in batch.rows]
    with centre.store.read() as conn:
        return [int(q) for q in conn.scalars(select(t.rows.c.server_seq).where(t.rows.c.row_id.in_(ids)))]


def _acked(centre: Centre, replica: Replica) -> int:
    with centre.store.read() as conn:
        return int(conn.scalar(select(t.devices.c.acked_seq).where(t.devices.c.id == replica.device_id)) or 0)


def _ledger_held(centre: Centre, replica: Replica) -> int:
    with centre.store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.rows).where(
            t.rows.c.station_key == replica.station_id, t.rows.c.table_name == "stock_transactions")) or 0)


def _station(centre: Centre, name: str, movements: int) -> Replica:
    replica = centre.station(name)[0]
    add_ledger(replica.db, add_item(replica.db), movements)
    return replica


def test_a_batch_that_arrives_first_waits_for_the_one_it_follows(centre: Centre) -> None:
    st = _station(centre, "ahead", 30)
    first, second = _batches(st, 20, 1000)
    assert first.rows and second.rows
    with ThreadPoolExecutor(1) as pool:
        early = pool.submit(_post, st, second, first.last_seq)
        time.sleep(0.1)  # the second is at the centre first (the wait it meets is 0.5 s)
        answer = _post(st, first)
        late = early.result()
    assert answer.status_code == 200, answer.text
    assert late.status_code == 200, late.text
    assert set(late.json()["results"]) == {p.RESULT_APPLIED}
    # each answer says how long its body took to come in and how long the centre worked on it
    assert {"received_ms", "took_ms"} <= set(answer.json()) and late.json()["took_ms"] >= 0
    # applied in the order written: every row of the first batch before any of the second
    assert max(_server_seqs(centre, first)) < min(_server_seqs(centre, second))
    assert _acked(centre, st) == second.last_seq


def test_a_batch_whose_predecessor_never_comes_is_refused_and_nothing_of_it_stored(centre: Centre) -> None:
    st = _station(centre, "lost", 10)
    first, second = _batches(st, 8, 1000)
    refused = _post(st, second, first.last_seq)
    assert refused.status_code == 409
    body: dict[str, Any] = refused.json()
    assert body["code"] == "push_ahead" and body["message_vi"] and body["message_en"]
    assert _server_seqs(centre, second) == [] and _acked(centre, st) == 0
    # sent again in order, both go through at once
    assert _post(st, first).status_code == 200
    again = _post(st, second, first.last_seq)
    assert again.status_code == 200 and set(again.json()["results"]) == {p.RESULT_APPLIED}
    assert _acked(centre, st) == second.last_seq


def _sync_over(replica: Replica, proxy: FaultProxy) -> None:
    client = SyncClient(replica.db, proxy.url, replica.token, push_batch=40, max_retries=4, backoff_s=0.05)
    try:
        report = client.sync()
    finally:
        client.close()
    assert report.complete and report.rejected == 0 and report.conflicts == 0
    assert a.pending_count(replica.db) == 0  # every answer recorded


def test_over_a_slow_line_batches_go_ahead_and_each_row_lands_once(centre: Centre) -> None:
    st = _station(centre, "slow", 1500)
    port = int(centre.url.rsplit(":", 1)[1].split("/")[0])
    with FaultProxy(port, SLOW, seed=1) as proxy:
        _sync_over(st, proxy)
        assert proxy.stats.sent_ahead >= 1
    assert _ledger_held(centre, st) == 1500


def test_a_lost_answer_with_the_next_batch_through_loses_and_doubles_nothing(centre: Centre) -> None:
    """The second push's answer is lost after the centre applied it; the third, sent ahead of that answer,
    goes through. The client sends the second again alone and records both in order."""
    st = _station(centre, "dropped", 1500)
    port = int(centre.url.rsplit(":", 1)[1].split("/")[0])
    faults = Faults(rtt_ms=SLOW.rtt_ms, bandwidth_bps=SLOW.bandwidth_bps, drop_response=1.0, only_paths=(PUSH,),
                    nth=frozenset({2}))
    with FaultProxy(port, faults, seed=2) as proxy:
        _sync_over(st, proxy)
        assert proxy.stats.dropped_responses == 1 and proxy.stats.sent_ahead >= 1
    assert _ledger_held(centre, st) == 1500
    assert st.sync().pushed == 0  # nothing was left to send again


def test_to_a_centre_that_does_not_keep_pushes_in_order_batches_go_one_at_a_time(
        centre: Centre, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older centre's hello does not say `push_after`: it would apply a batch that came first."""
    older = {"server_id": "s", "server_time_ms": 1, "protocol_min": 3, "protocol_max": 3, "tombstone_horizon": 0,
             "device_id": "d", "role": "station", "station_id": None, "acked_seq": 0, "clock_suspect": False}
    assert p.HelloResponse.model_validate(older).push_after is False
    hello = SyncClient.hello

    def older_hello(self: SyncClient) -> p.HelloResponse:
        answer = hello(self)
        without = p.HelloResponse.model_validate(answer.model_dump(exclude={"push_after"}))
        self._push_after = without.push_after
        return without

    monkeypatch.setattr(SyncClient, "hello", older_hello)
    st = _station(centre, "older", 1500)
    port = int(centre.url.rsplit(":", 1)[1].split("/")[0])
    with FaultProxy(port, SLOW, seed=3) as proxy:
        _sync_over(st, proxy)
        assert proxy.stats.sent_ahead == 0 and proxy.stats.paths[PUSH] >= 3
    assert _ledger_held(centre, st) == 1500


def test_a_cancel_while_answers_are_lost_stops_without_sending_again(centre: Centre) -> None:
    """Every push answer is lost; the person cancels after the first loss: the sync ends at once, incomplete,
    instead of sending again until its retries run out."""
    st = _station(centre, "cancel", 600)
    port = int(centre.url.rsplit(":", 1)[1].split("/")[0])
    faults = Faults(rtt_ms=SLOW.rtt_ms, bandwidth_bps=SLOW.bandwidth_bps, drop_response=1.0, only_paths=(PUSH,))
    cancel = threading.Event()
    with FaultProxy(port, faults, seed=4) as proxy:
        def cancel_on_first_loss() -> None:
            while proxy.stats.dropped_responses == 0 and not cancel.wait(0.01):
                pass
            cancel.set()

        watcher = threading.Thread(target=cancel_on_first_loss)
        watcher.start()
        client = SyncClient(st.db, proxy.url, st.token, push_batch=40, max_retries=4, backoff_s=0.05, cancel=cancel)
        try:
            report = client.sync()
        finally:
            client.close()
            cancel.set()
            watcher.join()
        assert not report.complete and report.pushed == 0
        assert proxy.stats.paths[PUSH] <= 2  # the lost one, and at most one sent ahead of its answer
    assert st.sync().complete and _ledger_held(centre, st) == 600
