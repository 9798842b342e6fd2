"""CME: 120 periods in the 5 years ending on the day asked, from held sessions the trainee passed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.conftest import write
from ytcs_desktop.domain import cme, stations, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database


@pytest.mark.parametrize(("as_of", "window_from"), [
    (dt.date(2026, 6, 30), dt.date(2021, 7, 1)),
    (dt.date(2026, 1, 1), dt.date(2021, 1, 2)),
    (dt.date(2028, 2, 29), dt.date(2023, 3, 1)),
    (dt.date(2025, 3, 1), dt.date(2020, 3, 2)),
])
def test_window_is_five_years_inclusive(as_of: dt.date, window_from: dt.date) -> None:
    assert cme.cme_window(as_of) == (window_from, as_of)


@given(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_window_spans_exactly_five_years(as_of: dt.date) -> None:
    window_from, window_to = cme.cme_window(as_of)
    days = (window_to - window_from).days + 1
    assert days in (5 * 365 + 1, 5 * 365 + 2)  # one or two 29 Februaries in any 5 years
    assert window_from.year == as_of.year - 5 or (window_from.month, window_from.day) == (1, 1)
    # The day before the window is the same calendar day five years earlier (28 Feb for 29 Feb).
    before = window_from - dt.timedelta(days=1)
    assert (before.month, before.day) == (as_of.month, as_of.day) or (as_of.month, as_of.day) == (2, 29)


def session(db: Database, actor: Actor, day: dt.date, periods: int, held: bool = True) -> str:
    def build(s: Any) -> str:
        sess = training.create_session(s, actor, organiser="Trung tâm Y tế khu vực Thuận An", topic="Tập huấn",
                                       programme="ncd", date_from=day - dt.timedelta(days=1), date_to=day,
                                       periods=periods)
        if held:
            training.mark_held(s, actor, sess.id, today=day)
        return sess.id

    return str(write(db, build))


def attend(db: Database, actor: Actor, session_id: str, staff_id: str, **kw: Any) -> None:
    write(db, lambda s: training.record_attendance(s, actor, session_id=session_id, staff_id=staff_id, **kw))


def test_progress_counts_only_what_counts(station_db: Database, centre_actor: Actor, station_actor: Actor) -> None:
    lan, binh, gone = (
        write(station_db, lambda s, n=n: stations.add_staff(s, station_actor, full_name=n, title="nurse").id)
        for n in ("Nguyễn Thị Lan", "Trần Văn Bình", "Đã Nghỉ")
    )
    write(station_db, stations.deactivate_staff, station_actor, gone)
    as_of = dt.date(2026, 6, 30)
    inside = session(station_db, centre_actor, dt.date(2024, 5, 10), 40)
    first_day = session(station_db, centre_actor, dt.date(2021, 7, 1), 24)  # window start: counts
    too_old = session(station_db, centre_actor, dt.date(2021, 6, 30), 30)  # a day before: does not
    after = session(station_db, centre_actor, dt.date(2026, 7, 1), 16)  # after as_of: does not
    planned = session(station_db, centre_actor, dt.date(2026, 6, 1), 8, held=False)
    station_run = session(station_db, station_actor, dt.date(2025, 9, 9), 6)
    attend(station_db, station_actor, inside, lan, result="passed")
    attend(station_db, station_actor, first_day, lan, periods=20)  # partial credit
    attend(station_db, station_actor, too_old, lan)
    attend(station_db, station_actor, after, lan)
    attend(station_db, station_actor, planned, lan)
    attend(station_db, station_actor, station_run, lan, result="attended")
    attend(station_db, station_actor, inside, binh, result="absent")
    attend(station_db, station_actor, first_day, binh, result="failed")
    attend(station_db, station_actor, station_run, binh)
    with station_db.read() as s:
        rows = {p.name: p for p in cme.cme_progress(s, station_db.station_id, as_of)}
    assert set(rows) == {"Nguyễn Thị Lan", "Trần Văn Bình"}
    lan_row = rows["Nguyễn Thị Lan"]
    assert (lan_row.periods_in_window, lan_row.shortfall, lan_row.required) == (40 + 20 + 6, 54, 120)
    assert (lan_row.window_from, lan_row.window_to) == (dt.date(2021, 7, 1), as_of)
    assert (lan_row.title, lan_row.staff_id) == ("nurse", lan)
    assert (rows["Trần Văn Bình"].periods_in_window, rows["Trần Văn Bình"].shortfall) == (6, 114)
    with station_db.read() as s:
        later = {p.name: p for p in cme.cme_progress(s, station_db.station_id, dt.date(2026, 7, 1))}
        assert later["Nguyễn Thị Lan"].periods_in_window == 40 + 6 + 16  # the 2021-07-01 session left the window
        with_gone = cme.cme_progress(s, station_db.station_id, as_of, include_inactive=True)
        assert len(with_gone) == 3


def test_requirement_met(station_db: Database, centre_actor: Actor, station_actor: Actor) -> None:
    lan = write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Lan", title="midwife").id)
    for year in (2022, 2023, 2024):
        attend(station_db, station_actor, session(station_db, centre_actor, dt.date(year, 5, 5), 40), lan)
    with station_db.read() as s:
        (row,) = cme.cme_progress(s, station_db.station_id, dt.date(2026, 1, 1))
        assert (row.periods_in_window, row.shortfall, row.met) == (120, 0, True)
        assert cme.cme_progress(s, None, dt.date(2026, 1, 1)) == []
