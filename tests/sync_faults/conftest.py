"""Fixtures of the fault tests: a real centre server process (SQLite or PostgreSQL) and a proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync_faults.harness import CentreServer, postgres_available, postgres_database
from tests.sync_faults.proxy import FaultProxy

PASSWORD = "mat-khau-2026"
CENTRE_USER = "trungtam"


def _started(url: str, workdir: Path) -> CentreServer:
    server = CentreServer(url, workdir)
    server.add_user(CENTRE_USER, PASSWORD, "centre")
    server.start()
    return server


@pytest.fixture(scope="module")
def sqlite_centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentreServer]:
    """One server per test module (SQLite): tests make their own stations, so they do not meet."""
    root = tmp_path_factory.mktemp("centre")
    server = _started(f"sqlite:///{root / 'centre.sqlite3'}", root / "centre")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def postgres_centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentreServer]:
    if not postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    with postgres_database() as url:
        server = _started(url, tmp_path_factory.mktemp("centre"))
        yield server
        server.stop()


@pytest.fixture
def proxy_to(request: pytest.FixtureRequest) -> Iterator[type[FaultProxy]]:
    """`proxy_to(server.port, faults, seed)`: a started proxy, stopped after the test."""
    started: list[FaultProxy] = []

    class Started(FaultProxy):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.start()
            started.append(self)

    yield Started
    for proxy in started:
        proxy.stop()
