"""Sign-in over a real `ytcs centre serve` of its own (SQLite): an unknown user name costs as long as a
wrong password for a real account (the medians of 20 tries each differ by less than 10 %), and a lock
from failed sign-ins from one address is kept in the database, so it holds after the server restarts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.sync.conftest import start_server, stop_server
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.store import ServerStore

HEADERS = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)}
TRIES = 20


def made_store(url: str) -> ServerStore:
    store = ServerStore(url)
    store.create_schema()
    return store


def try_sign_in(base: str, username: str, password: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    r = requests.post(base + p.API + "/auth/login", json={"username": username, "password": password},
                      headers=HEADERS, timeout=60)
    return r.status_code, time.perf_counter() - t0


@pytest.fixture
def untimed_server(tmp_path: Path) -> Iterator[tuple[str, ServerStore]]:
    """A server whose throttle neither delays nor locks, so what is timed is the password check alone."""
    url = f"sqlite:///{tmp_path / 'centre.sqlite3'}"
    store = made_store(url)
    proc, base = start_server(url, env={"YTCS_SIGN_IN_USER_LIMIT": "1000", "YTCS_SIGN_IN_ADDRESS_LIMIT": "1000",
                                        "YTCS_SIGN_IN_DELAY": "0"})
    try:
        yield base, store
    finally:
        stop_server(proc)
        store.dispose()


def test_an_unknown_user_name_costs_as_long_as_a_wrong_password(untimed_server: tuple[str, ServerStore]) -> None:
    base, store = untimed_server
    with store.write() as conn:  # the server's own hash parameters, as `ytcs centre add-user` makes it
        admin.add_user(conn, "ketoan", "một-mật-khẩu-dài", "centre", None)
    try_sign_in(base, "ketoan", "khởi-động")  # the first request warms the worker
    known, unknown = [], []
    for n in range(TRIES):  # interleaved, so a busy moment of the machine falls on both alike
        status, seconds = try_sign_in(base, "ketoan", f"sai-{n}")
        assert status == 401
        known.append(seconds)
        status, seconds = try_sign_in(base, f"khong-co-{n}", f"sai-{n}")
        assert status == 401
        unknown.append(seconds)
    a, b = statistics.median(known), statistics.median(unknown)
    print(f"median wrong password {a * 1000:.1f} ms, unknown user name {b * 1000:.1f} ms")
    assert a > 0.02  # a real argon2 check ran (tens of milliseconds at least)
    assert abs(a - b) / max(a, b) < 0.10


def test_an_address_lock_holds_across_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'centre.sqlite3'}"
    store = made_store(url)
    env = {"YTCS_SIGN_IN_ADDRESS_LIMIT": "4", "YTCS_SIGN_IN_DELAY": "0.01"}
    proc, base = start_server(url, env=env)
    try:
        # a guesser trying one password on many names: each name fails once, the address four times
        answers = [try_sign_in(base, f"ten-{n}", "mat-khau-doan")[0] for n in range(4)]
        assert answers == [401, 401, 401, 429]
    finally:
        stop_server(proc)
    proc, base = start_server(url, env=env)
    try:
        r = requests.post(base + p.API + "/auth/login", json={"username": "ten-moi", "password": "x"},
                          headers=HEADERS, timeout=30)
        assert r.status_code == 429 and r.json()["code"] == "too_many_attempts"
        assert int(r.headers["Retry-After"]) > 800
    finally:
        stop_server(proc)
        store.dispose()
