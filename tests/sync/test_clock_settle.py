"""A station whose clock was set years ahead (SYNC.md "Clock", guarantee 3): once the centre has
re-stamped what that clock stamped, the station stamps from real time again, so the centre stops
re-stamping its changes and the flag follows the clock, not the station's past."""

from __future__ import annotations

from sqlalchemy import func, select

from tests.sync.conftest import Centre
from tests.sync.helpers import add_fridge, count
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.hlc import HybridClock, Stamp, wall_clock_ms
from ytcs_desktop.store.models import Fridge
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server import schema as t

FIVE_YEARS_MS = 5 * 365 * 86_400_000


def _restamps(centre: Centre, device_id: str) -> int:
    """Re-stamped changes of records (each one's audit row, stamped alike, is re-stamped beside it)."""
    return int(centre.admin(lambda c: c.execute(
        select(func.count()).select_from(t.restamps).where(t.restamps.c.device_id == device_id,
                                                            t.restamps.c.table_name != "audit_log")).scalar()))


def _suspect(centre: Centre, device_id: str) -> bool:
    return [d.clock_suspect for d in centre.admin(admin.list_devices) if d.id == device_id] == [True]


def _move(db: Database, fridge: str, location: str) -> str:
    with db.transaction() as s:
        f = s.get(Fridge, fridge)
        assert f is not None
        f.location = location
    with db.read() as s:
        stamp = s.scalar(select(Fridge.hlc).where(Fridge.id == fridge))
    assert stamp is not None
    return stamp


def _near_now(stamp: str) -> bool:
    return abs(Stamp.parse(stamp).wall_ms - wall_clock_ms()) < 60_000


def test_after_a_far_future_clock_the_station_stamps_from_real_time_again(centre: Centre) -> None:
    (st,) = centre.station("Đồng hồ sai")
    skew = [FIVE_YEARS_MS]
    st.db._clock = HybridClock(st.db.replica_id, wall=lambda: wall_clock_ms() + skew[0])
    fridge = add_fridge(st.db)
    _move(st.db, fridge, "Kho cũ")
    report = st.sync()
    assert report.complete and report.clock_suspect
    assert _restamps(centre, st.device_id) == 2  # the insert and the edit, both from five years ahead

    # The wall clock is still wrong, but the offset learned from hello corrects it: new changes carry
    # real time, the centre keeps them as written, and the station is still told its clock is off.
    assert _near_now(_move(st.db, fridge, "Phòng tiêm"))
    report = st.sync()
    assert report.complete and report.rejected == 0 and report.conflicts == 0
    assert _restamps(centre, st.device_id) == 2
    assert report.clock_suspect and _suspect(centre, st.device_id)

    # The nurse sets the date right and the program restarts: the stamps forgotten stay forgotten,
    # and the flag clears for good.
    skew[0] = 0
    path = st.db.path
    st.db.close()
    st.db = Database.open(path)
    st.sync()  # learns the new offset
    assert _near_now(_move(st.db, fridge, "Kho dược"))
    report = st.sync()
    assert report.complete and report.conflicts == 0 and not report.clock_suspect
    assert not _suspect(centre, st.device_id)
    assert _restamps(centre, st.device_id) == 2
    hub = centre.centre_replica()
    hub.sync()
    assert count(hub.db, "fridges", "id = :i AND location = 'Kho dược'", i=fridge) == 1


def test_a_change_still_stamped_from_the_future_keeps_its_place(centre: Centre) -> None:
    """Changes stamped ahead and not yet acknowledged hold the clock: a later edit of the same field
    must not sort before them once the centre re-stamps them at push."""
    (st,) = centre.station("Chưa gửi")
    st.db._clock = HybridClock(st.db.replica_id, wall=lambda: wall_clock_ms() + FIVE_YEARS_MS)
    fridge = add_fridge(st.db)
    first = _move(st.db, fridge, "Tủ A")
    assert not _near_now(first)
    st.db.clock.offset_ms = -FIVE_YEARS_MS  # as the next hello teaches it
    assert st.db.clock.ahead_by_more_than(60_000)
    assert not st.db.settle_clock(a.get_int(st.db, a.PUSH_CURSOR), 60_000)  # not acknowledged yet
    later = _move(st.db, fridge, "Tủ B")
    assert later > first
    report = st.sync()
    assert report.complete and report.conflicts == 0
    assert _restamps(centre, st.device_id) == 3
    hub = centre.centre_replica()
    hub.sync()
    assert count(hub.db, "fridges", "id = :i AND location = 'Tủ B'", i=fridge) == 1
    assert _near_now(_move(st.db, fridge, "Tủ C"))
    assert st.sync().conflicts == 0
    assert _restamps(centre, st.device_id) == 3
    hub.sync()
    assert count(hub.db, "fridges", "id = :i AND location = 'Tủ C'", i=fridge) == 1


def test_a_usb_bundle_bounds_a_clock_set_years_ahead_and_leaves_a_right_one(centre: Centre) -> None:
    """No `hello` on a stick: the answer bounds the offset between the request's making and the
    answer's applying. A clock five years ahead is corrected to within that trip; a right clock keeps
    offset 0; after the complete push the far-future stamp is dropped, so the next change is kept as
    written."""
    from ytcs_desktop.sync import bundle
    from ytcs_desktop.sync.server.bundle_answer import answer_bundle

    (st,) = centre.station("Đồng hồ sai, không mạng")
    (right,) = centre.station("Đồng hồ đúng, không mạng")
    st.db._clock = HybridClock(st.db.replica_id, wall=lambda: wall_clock_ms() + FIVE_YEARS_MS)
    fridge = add_fridge(st.db)
    add_fridge(right.db)

    def carry(station: object) -> dict[str, int]:
        request = bundle.request_bundle(station.db, station.device_id, station.token)  # type: ignore[attr-defined]
        answer = answer_bundle(centre.store, request)
        return bundle.apply_answer(station.db, station.device_id, station.token, answer)  # type: ignore[attr-defined]

    assert carry(st)["rejected"] == 0 and carry(right)["rejected"] == 0
    assert _restamps(centre, st.device_id) == 1  # the fridge, stamped five years ahead
    assert abs(st.db.clock.offset_ms + FIVE_YEARS_MS) < 60_000
    assert st.db.meta(a.CLOCK_SUSPECT) == "1"
    assert right.db.clock.offset_ms == 0 and right.db.meta(a.CLOCK_SUSPECT) in (None, "0")

    assert _near_now(_move(st.db, fridge, "Phòng tiêm"))
    assert carry(st)["pushed"] == 1
    assert _restamps(centre, st.device_id) == 1  # kept as written
    assert count(st.db, "fridges", "id = :i AND sync_state = 'synced'", i=fridge) == 1
