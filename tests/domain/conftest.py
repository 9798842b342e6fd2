"""Fixtures of the domain tests: actors of both sides and a check that a refusal wrote nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station, SyncOutbox


def outbox_count(db: Database) -> int:
    """Captured changes of records (the audit row each one writes travels beside it, not counted here)."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name != "audit_log"))
                   or 0)


Refuse = Callable[..., DomainError]


def make_refuse(db: Database) -> Refuse:
    def refuse(exc_type: type[DomainError], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> DomainError:
        """Call fn(session, *args, **kwargs) in a write transaction; it must raise exc_type and explain
        itself in Vietnamese (with diacritics) and English. The transaction is then committed anyway (as
        a caller that catches the error and carries on would): the outbox must not have grown, i.e. the
        refusal came before any write."""
        before = outbox_count(db)
        with db.transaction() as s, pytest.raises(exc_type) as info:
            fn(s, *args, **kwargs)
        assert outbox_count(db) == before, "a refused call wrote to the outbox"
        err = info.value
        assert not err.vi.isascii(), f"Vietnamese message lacks diacritics: {err.vi}"
        assert err.en.isascii() or err.en != err.vi
        return err

    return refuse


@pytest.fixture
def refuse(station_db: Database) -> Refuse:
    return make_refuse(station_db)


@pytest.fixture
def station_actor(station_db: Database) -> Actor:
    return Actor("Nguyễn Thị Lan", "station", station_db.station_id)


@pytest.fixture
def centre_actor() -> Actor:
    return Actor("Trần Văn Hùng", "centre", None)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One station database for a whole module (large parametrized matrices)."""
    path: Path = tmp_path_factory.mktemp("shared") / "station.sqlite3"
    station_id = new_id()
    db = Database.create(path, station_id=station_id, role="station")
    with db.transaction() as s:
        s.add(Station(id=station_id, station_id=station_id, code="TYT-BH", name="Trạm Y tế phường Bình Hòa"))
    yield db
    db.close()


def write(db: Database, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run fn(session, ...) in one committed transaction and return its result."""
    s: Session
    with db.transaction() as s:
        return fn(s, *args, **kwargs)
