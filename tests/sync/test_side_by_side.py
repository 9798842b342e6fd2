"""Pushes of different stations merge, write and commit side by side (push.py, store.py): through two
workers, with pullers pulling all along, every puller ends with every row exactly once (a puller reads
only below the commit-order watermark); and two pushes that read the same row before either writes both
land, neither undoing the other (the second finds the row changed once it holds it, and is applied
again). PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from typing import Any

import psycopg
import pytest

from tests.sync.conftest import pg_schema, start_server, stop_server
from tests.sync.server_helpers import Device, centre_device, ledger_batch, pull_all, station_device
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.store import ServerStore

STATIONS, PUSHES, ROWS = 6, 8, 10
# the test's own transaction gives birth to a row (station_key, table_name, row_id), uncommitted: a push
# that writes the same row waits at its key until that transaction ends
BEING_BORN = ("INSERT INTO ytcs_rows (station_key, table_name, row_id, fields, field_hlcs, base_hlc, deleted, "
              "server_seq, updated_ms) VALUES (%s, %s, %s, '{}', '{}', '', false, 0, 0)")


def _pull_page(device: Device, cursor: int, table: str) -> tuple[int, bool, list[str]]:
    r = device.get("/sync/pull", params={"cursor": cursor, "limit": 37})  # small pages: many cursor steps
    assert r.status_code == 200, r.text[:300]
    page = r.json()
    ids = [str(row["id"]) for group in page["tables"] if group["t"] == table
           for row in p.from_columns(group["cols"], group["data"])]
    return int(page["cursor"]), bool(page["has_more"]), ids


@pytest.mark.postgres
def test_pullers_get_every_row_once_while_stations_push_through_two_workers() -> None:
    with pg_schema("ytcs_side") as url:
        store = ServerStore(url)
        store.create_schema()
        proc, server = start_server(url, extra=("--workers", "2"))
        try:
            stations = [station_device(store, server) for _ in range(STATIONS)]
            pullers = [centre_device(store, server) for _ in range(2)]
            sent: list[str] = []
            failures: list[str] = []
            pushing = threading.Event()
            pushing.set()
            held: dict[int, list[str]] = {n: [] for n in range(len(pullers))}

            def push(device: Device) -> None:
                for n in range(PUSHES):
                    body, ids = ledger_batch(device, ROWS, first_q=1 + ROWS * n)
                    r = device.post("/sync/push", body)
                    if r.status_code != 200 or r.json()["results"] != "a" * ROWS:
                        failures.append(f"{r.status_code} {r.text[:200]}")
                    sent.extend(ids)

            def pull(n: int) -> None:
                cursor = 0
                while True:  # pulling all along; once every push has answered, to the end
                    last_round = not pushing.is_set()
                    cursor, more, ids = _pull_page(pullers[n], cursor, "stock_transactions")
                    held[n].extend(ids)
                    if last_round and not more:
                        return
                    if not more:
                        time.sleep(0.02)  # caught up: a station's PC would wait minutes

            threads = [threading.Thread(target=push, args=(d,)) for d in stations]
            readers = [threading.Thread(target=pull, args=(n,)) for n in range(len(pullers))]
            for thread in readers + threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=180)
            assert not any(thread.is_alive() for thread in threads), "pushes still running"
            pushing.clear()
            for thread in readers:
                thread.join(timeout=180)
            assert not any(thread.is_alive() for thread in readers), "pullers still pulling"
            assert failures == []
        finally:
            stop_server(proc)
            store.dispose()
    assert len(sent) == STATIONS * PUSHES * ROWS
    for n, ids in held.items():
        missing, doubled = set(sent) - set(ids), [i for i, k in Counter(ids).items() if k > 1]
        assert Counter(ids) == Counter(sent), f"puller {n}: {len(missing)} rows missing, {len(doubled)} doubled"


@pytest.mark.postgres
def test_a_push_that_commits_after_later_ones_is_pulled_all_the_same() -> None:
    """A push held up after it has taken its sequence numbers (here at the unique key of a row the test's
    own transaction is giving birth to) commits after pushes that took theirs later. A puller that pulled
    meanwhile still gets its rows (reading up to the highest number committed, it lost them all)."""
    with pg_schema("ytcs_late") as url:
        store = ServerStore(url)
        store.create_schema()
        proc, server = start_server(url, extra=("--workers", "2"))
        try:
            late, *others = [station_device(store, server) for _ in range(3)]
            puller = centre_device(store, server)
            body, late_ids = ledger_batch(late, ROWS)
            answers: list[int] = []
            sent: list[str] = list(late_ids)
            cursor, held = 0, []
            with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as holder:
                holder.execute(BEING_BORN, (late.station_id, "stock_transactions", late_ids[0]))
                thread = threading.Thread(target=lambda: answers.append(late.post("/sync/push", body).status_code))
                thread.start()
                time.sleep(1.5)  # it has taken its numbers and waits at the row's key
                for n, station in enumerate(others * 3):
                    more, ids = ledger_batch(station, ROWS, first_q=1 + ROWS * (n // len(others)))
                    assert station.post("/sync/push", more).json()["results"] == "a" * ROWS
                    sent.extend(ids)
                while True:  # a puller pulling meanwhile
                    cursor, has_more, ids = _pull_page(puller, cursor, "stock_transactions")
                    held.extend(ids)
                    if not has_more:
                        break
                assert not answers
                holder.rollback()
            thread.join(timeout=60)
            assert answers == [200]
            while True:
                cursor, has_more, ids = _pull_page(puller, cursor, "stock_transactions")
                held.extend(ids)
                if not has_more:
                    break
        finally:
            stop_server(proc)
            store.dispose()
    assert Counter(held) == Counter(sent), f"{len(set(late_ids) - set(held))} of the late push's rows missing"


@pytest.mark.postgres
def test_an_open_transaction_of_another_program_holds_no_puller_back() -> None:
    """Only the server's own writers hold the watermark: a transaction of another program in the same
    database, open with a transaction id, does not hide a push from the pull after it."""
    with pg_schema("ytcs_other") as url:
        store = ServerStore(url)
        store.create_schema()
        proc, server = start_server(url)
        try:
            station, puller = station_device(store, server), centre_device(store, server)
            with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test") as other:
                other.execute("SELECT pg_current_xact_id()")  # it holds an id until it ends
                body, ids = ledger_batch(station, ROWS)
                assert station.post("/sync/push", body).json()["results"] == "a" * ROWS
                assert sorted(pull_all(puller, "stock_transactions")) == sorted(ids)
                other.rollback()
        finally:
            stop_server(proc)
            store.dispose()


def _profile(station: Device, fields: dict[str, Any], stamp: str, q: int, mutation: str) -> dict[str, Any]:
    assert station.station_id is not None
    return {"last_seq": q, "changes": [{"m": mutation, "q": q, "t": "stations", "id": station.station_id,
                                        "op": "update", "h": stamp, "s": station.station_id, "f": fields}]}


def _held_back(url: str, statement: str, params: tuple[Any, ...],
               pushes: dict[str, tuple[Device, dict[str, Any]]]) -> dict[str, Any]:
    """The test's own transaction runs `statement` (it locks or is about to insert the row the pushes
    touch) while each push is sent: every push reads its rows and then waits for the test's transaction,
    which is then rolled back. The answers, by name."""
    answers: dict[str, Any] = {}

    def send(name: str, device: Device, body: dict[str, Any]) -> None:
        answers[name] = device.post("/sync/push", body)

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as holder:
        holder.execute(statement, params)
        threads = [threading.Thread(target=send, args=(name, device, body))
                   for name, (device, body) in pushes.items()]
        for thread in threads:
            thread.start()
        time.sleep(1.5)  # each has read its rows and waits to write
        assert not answers
        holder.rollback()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def _birth(station: Device, name: str, phone: str, stamp: str) -> dict[str, Any]:
    """A push that gives birth to the station's own profile row, as its first sync would."""
    sid = station.station_id
    return {"last_seq": 1, "inserts": [{
        "t": "stations", "cols": ["code", "deleted", "hlc", "id", "name", "origin", "phone", "station_id"],
        "q": p.encode_column([1]),
        "data": [p.encode_column([v]) for v in (station.code, 0, stamp, sid, name, stamp[-12:], phone, sid)]}]}


@pytest.mark.postgres
def test_two_pushes_that_read_one_row_before_either_writes_both_land() -> None:
    with pg_schema("ytcs_race") as url:
        store = ServerStore(url)
        store.create_schema()
        proc, server = start_server(url, extra=("--workers", "2"))
        try:
            station = station_device(store, server)
            centre = centre_device(store, server)
            r = centre.post("/sync/push", _birth(station, "Trạm Y tế cũ", "0900000000",
                                                 "001764000000000-000000-c0ffee000001"))
            assert r.status_code == 200 and r.json()["results"] == "a", r.text[:300]
            answers = _held_back(url, "SELECT 1 FROM ytcs_rows WHERE table_name = 'stations' FOR UPDATE", (), {
                "station": (station, _profile(station, {"phone": "0916555111"},
                                              "001764000000100-000000-5a11e0000001", 1, "m-phone")),
                "centre": (centre, _profile(station, {"name": "Trạm Y tế phường Mới"},
                                            "001764000000200-000000-c0ffee000001", 2, "m-name"))})
            schema_dsn = url.replace("postgresql+psycopg://", "postgresql://")
            assert {k: (v.status_code, v.json()["results"]) for k, v in answers.items()} == {
                "station": (200, "a"), "centre": (200, "a")}
            with psycopg.connect(schema_dsn) as conn:
                (fields,) = conn.execute("SELECT fields FROM ytcs_rows WHERE table_name = 'stations'").fetchone()
        finally:
            stop_server(proc)
            store.dispose()
    row = json.loads(fields)
    assert (row["phone"], row["name"]) == ("0916555111", "Trạm Y tế phường Mới")  # neither push undid the other


@pytest.mark.postgres
def test_two_pushes_that_give_birth_to_one_row_both_land() -> None:
    """Each push finds the row absent and means to insert it; the one that writes second meets the first's
    row at the unique key, is applied again from the start and merges into it (without that, it answered
    500)."""
    with pg_schema("ytcs_birth") as url:
        store = ServerStore(url)
        store.create_schema()
        proc, server = start_server(url, extra=("--workers", "2"))
        try:
            station = station_device(store, server)
            centre = centre_device(store, server)
            # the test's transaction is about to give birth to the row too: both pushes wait at its key
            answers = _held_back(url, BEING_BORN, (station.station_id, "stations", station.station_id), {
                "station": (station, _birth(station, "Trạm Y tế phường Cũ", "0916555111",
                                            "001764000000100-000000-5a11e0000001")),
                "centre": (centre, _birth(station, "Trạm Y tế phường Mới", "0900000000",
                                          "001764000000200-000000-c0ffee000001"))})
            schema_dsn = url.replace("postgresql+psycopg://", "postgresql://")
            assert {k: v.status_code for k, v in answers.items()} == {"station": 200, "centre": 200}, \
                {k: v.text[:300] for k, v in answers.items()}
            with psycopg.connect(schema_dsn) as conn:
                rows = conn.execute("SELECT fields FROM ytcs_rows WHERE table_name = 'stations'").fetchall()
        finally:
            stop_server(proc)
            store.dispose()
    assert len(rows) == 1  # one row, never two, and no 500: the second birth merged as any second birth does
    assert json.loads(rows[0][0])["name"] in ("Trạm Y tế phường Cũ", "Trạm Y tế phường Mới")
