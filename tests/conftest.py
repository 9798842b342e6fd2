"""Shared fixtures: real SQLite files in tmp dirs; Qt offscreen; long runs behind --long."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
# The log file of every `ytcs` run in the tests, in-process or not: never the tester's own log folder.
os.environ.setdefault("YTCS_LOG_DIR", tempfile.mkdtemp(prefix="ytcs-test-logs-"))

from collections.abc import Iterator
from pathlib import Path

import pytest

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", help="run the long fault-injection and property runs")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--long"):
        for item in items:  # long runs take their time: the per-test timeout guards the fast profile only
            if "slow" in item.keywords:
                item.add_marker(pytest.mark.timeout(0))
        return
    skip = pytest.mark.skip(reason="long run: pass --long")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
    for item in items:
        if "/ui/" in str(item.fspath):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def station_db(tmp_path: Path) -> Iterator[Database]:
    """A new station database file with one station row (An Phú), as `ytcs init` makes it."""
    station_id = new_id()
    db = Database.create(tmp_path / "station.sqlite3", station_id=station_id, role="station")
    with db.transaction() as s:
        s.add(Station(id=station_id, station_id=station_id, code="TYT-AP", name="Trạm Y tế phường An Phú"))
    yield db
    db.close()
