"""Inventory fixtures: a station database with a small catalogue (made with the ORM) and its actors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, text

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Item, Station, StockTransaction

TODAY = dt.date(2026, 3, 15)


@dataclass
class Inv:
    db: Database
    station_id: str
    other_station_id: str
    nurse: Actor
    centre: Actor
    para: str  # Paracetamol 500 mg, viên
    amox: str  # Amoxicillin 500 mg, viên
    gloves: str  # găng tay, cái (a supply)
    bcg: str  # BCG, lyophilised, 10 doses per vial
    hepb: str  # Viêm gan B, liquid, 1 dose per vial, open-vial 672 h


def counts(db: Database) -> tuple[int, int]:
    """Rows in the ledger and changes of records in the outbox (not the audit rows that travel beside them):
    a refused call must leave both unchanged."""
    with db.read() as s:
        ledger = s.scalar(select(func.count()).select_from(StockTransaction)) or 0
        outbox = s.scalar(text("SELECT count(*) FROM sync_outbox WHERE table_name <> 'audit_log'")) or 0
    return int(ledger), int(outbox)


@pytest.fixture
def inv(station_db: Database) -> Inv:
    return make_inv(station_db)


def make_inv(db: Database) -> Inv:
    """A second station and five catalogue items in `db` (also used by tests/domain/test_vaccines.py)."""
    station_id = db.station_id
    assert station_id
    other = new_id()
    ids = {k: new_id() for k in ("para", "amox", "gloves", "bcg", "hepb")}
    with db.transaction() as s:
        s.add(Station(id=other, station_id=other, code="TYT-BH", name="Trạm Y tế phường Bình Hòa"))
        s.add_all(
            [
                Item(id=ids["para"], code="TH001", name="Paracetamol 500 mg", base_unit="viên", category="drug",
                     min_stock=100, max_stock=1000),
                Item(id=ids["amox"], code="TH002", name="Amoxicillin 500 mg", base_unit="viên", category="drug"),
                Item(id=ids["gloves"], code="VT001", name="Găng tay khám", base_unit="cái", category="supply",
                     min_stock=50, max_stock=500),
                Item(id=ids["bcg"], code="VX001", name="Vắc xin BCG", base_unit="liều", category="vaccine",
                     doses_per_vial=10, vaccine_form="lyophilised"),
                Item(id=ids["hepb"], code="VX002", name="Vắc xin Viêm gan B", base_unit="liều", category="vaccine",
                     doses_per_vial=1, vaccine_form="liquid", freeze_sensitive=True, open_vial_hours=672),
            ]
        )
    return Inv(
        db=db,
        station_id=station_id,
        other_station_id=other,
        nurse=Actor("Nguyễn Thị Lan", "station", station_id),
        centre=Actor("Trần Văn Minh", "centre", None),
        **ids,
    )


@pytest.fixture
def refused(inv: Inv) -> Callable[..., AbstractContextManager[None]]:
    return refusal_checker(inv)


def refusal_checker(inv: Inv) -> Callable[..., AbstractContextManager[None]]:
    """`with refused(code): call()` asserts the call raised that DomainError and wrote nothing."""
    @contextmanager
    def check(code: str | None = None) -> Iterator[None]:
        before = counts(inv.db)
        with pytest.raises(DomainError) as info:
            yield
        if code is not None:
            assert info.value.code == code, (info.value.code, info.value.en)
        assert info.value.en and any(ord(c) > 127 for c in info.value.vi)  # Vietnamese with diacritics
        assert counts(inv.db) == before

    return check
