"""The hard cases of SYNC.md: tombstone horizon (410), restore from backup, protocol window, clocks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_fridge, add_item, add_ledger, count, exported
from ytcs_desktop import __version__
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.hlc import HybridClock, Stamp, wall_clock_ms
from ytcs_desktop.store.models import Fridge
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import ProtocolTooOld, SyncClient
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server import schema as t

FIVE_YEARS_MS = 5 * 365 * 86_400_000


def test_cursor_older_than_tombstone_horizon_re_downloads(centre: Centre) -> None:
    pc1, pc2 = centre.station("Vĩnh Hảo", pcs=2)
    gone = add_fridge(pc1.db, "Tủ cũ")
    pc1.sync()
    pc2.sync()
    with pc1.db.transaction() as s:
        f = s.get(Fridge, gone)
        assert f is not None
        f.deleted = True
    kept = add_fridge(pc1.db, "Tủ mới")
    pc1.sync()
    purged, horizon = centre.admin(lambda c: admin.purge_tombstones(centre.store, c, 0))
    assert purged >= 1 and horizon > 0
    report = pc2.sync()
    assert report.complete and report.resnapshot
    assert count(pc2.db, "fridges", "id = :i AND deleted = 1", i=gone) == 1
    assert count(pc2.db, "fridges", "id = :i AND deleted = 0", i=kept) == 1
    again = pc2.sync()
    assert again.complete and not again.resnapshot


def _backup(db: Database, dest: Path) -> None:
    with closing(sqlite3.connect(db.path)) as src, closing(sqlite3.connect(dest)) as out:
        src.backup(out)


def _restore(replica: Replica, backup: Path) -> None:
    path = replica.db.path
    replica.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(backup.read_bytes())
    replica.db = Database.open(path)


def test_restored_backup_resends_what_the_centre_lacks_and_doubles_nothing(centre: Centre, tmp_path: Path) -> None:
    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    (st,) = centre.station("Phước Tỉnh")
    first = add_fridge(st.db, "Tủ 1")
    assert st.sync().complete
    backup = tmp_path / "backup.sqlite3"
    _backup(st.db, backup)
    lost = add_fridge(st.db, "Tủ 2")  # synced after the backup, then lost by the restore
    add_ledger(st.db, item, 7)
    assert st.sync().complete
    unsent = add_fridge(st.db, "Tủ 3")  # in the backup's future: lost for good with the disk
    _restore(st, backup)
    try:
        fresh = add_fridge(st.db, "Tủ 4")  # written after the restore
        report = st.sync()
        assert report.complete and report.restored and report.redownload and report.rejected == 0
        for fridge in (first, lost, fresh):
            assert count(st.db, "fridges", "id = :i", i=fridge) == 1
        assert count(st.db, "fridges", "id = :i", i=unsent) == 0
        assert count(st.db, "stock_transactions") == 7
        server_rows = centre.admin(lambda c: c.scalar(
            select(func.count()).select_from(t.rows).where(t.rows.c.station_key == st.station_id,
                                                           t.rows.c.table_name == "stock_transactions")))
        assert server_rows == 7
        again = st.sync()
        assert again.complete and not again.restored and again.pulled == 0
        hub.sync()
        assert exported(st.db, st.station_id) == exported(hub.db, st.station_id)
    finally:
        st.db.close()


def test_protocol_window(centre: Centre) -> None:
    (st,) = centre.station("Láng Dài")
    add_fridge(st.db)
    with pytest.raises(ProtocolTooOld) as refused:
        st.sync(protocol_version=p.PROTOCOL_MIN - 1)
    assert refused.value.code == "protocol_unsupported"
    assert f"YTCS Desktop {__version__} or newer" in refused.value.en and "Hãy cài" in refused.value.vi
    with pytest.raises(ProtocolTooOld) as newer:  # a device newer than the centre: the centre upgrades
        st.sync(protocol_version=p.PROTOCOL_MAX + 1)
    assert newer.value.code == "centre_outdated"
    assert "centre's server must be upgraded" in newer.value.en and "nâng cấp máy chủ Trung tâm" in newer.value.vi
    # Only versions that exist: 3 was the first released, and the window keeps up to two behind the newest.
    assert (p.PROTOCOL_MIN, p.PROTOCOL_MAX) == (3, p.PROTOCOL_VERSION)
    assert p.PROTOCOL_MAX - p.PROTOCOL_MIN <= 2
    report = st.sync(protocol_version=p.PROTOCOL_MIN)
    assert report.complete and report.pushed == 2  # the station and the fridge (their audit rows travel along)
    assert st.db.meta("centre_recommended_client") == __version__  # hello names the recommended version


def test_clock_years_ahead_is_restamped_and_flagged(centre: Centre) -> None:
    (st,) = centre.station("Suối Nghệ")
    st.db._clock = HybridClock(st.db.replica_id, wall=lambda: wall_clock_ms() + FIVE_YEARS_MS)
    fridge = add_fridge(st.db)
    report = st.sync()
    assert report.complete and report.rejected == 0 and report.clock_suspect
    assert abs(st.db.clock.offset_ms + FIVE_YEARS_MS) < 60_000  # learned from hello
    with st.db.read() as s:
        stamp = s.scalar(select(Fridge.hlc).where(Fridge.id == fridge))
    assert stamp is not None and abs(Stamp.parse(stamp).wall_ms - wall_clock_ms()) < 60_000  # centre's stamp
    devices = centre.admin(admin.list_devices)
    assert [d.clock_suspect for d in devices if d.id == st.device_id] == [True]
    hub = centre.centre_replica()
    hub.sync()
    assert exported(hub.db, st.station_id) == exported(st.db, st.station_id)
    # a later edit from the same station is never blocked and lands
    with st.db.transaction() as s:
        f = s.get(Fridge, fridge)
        assert f is not None
        f.location = "Phòng tiêm"
    assert st.sync().complete
    hub.sync()
    assert count(hub.db, "fridges", "id = :i AND location = 'Phòng tiêm'", i=fridge) == 1


def test_clock_years_behind_loses_no_update(centre: Centre) -> None:
    pc1, pc2 = centre.station("Bông Trang", pcs=2)
    fridge = add_fridge(pc1.db)
    pc1.sync()
    pc2.db._clock = HybridClock(pc2.db.replica_id, wall=lambda: wall_clock_ms() - FIVE_YEARS_MS)
    pc2.sync()
    with pc2.db.transaction() as s:
        f = s.get(Fridge, fridge)
        assert f is not None
        f.location = "Kho dược"
    assert pc2.sync().complete
    pc1.sync()
    assert count(pc1.db, "fridges", "id = :i AND location = 'Kho dược'", i=fridge) == 1


def test_cancel_stops_between_batches_and_loses_nothing(centre: Centre) -> None:
    import threading

    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    (st,) = centre.station("Hắc Dịch")
    st.sync()
    add_ledger(st.db, item, 300)
    cancel = threading.Event()
    seen: list[tuple[str, int, int | None]] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        seen.append((phase, done, total))
        if phase == "push" and done > 0:
            cancel.set()

    client = SyncClient(st.db, st.url, st.token, progress=progress, cancel=cancel, push_batch=50)
    try:
        report = client.sync()
    finally:
        client.close()
    assert not report.complete and 0 < report.pushed < 301
    assert st.sync().complete
    assert count(st.db, "stock_transactions", "sync_state = 'synced'") == 300
    assert ("push", 0, 301) in seen  # 300 movements and their lot


def test_offline_for_ninety_days_needs_no_re_download(centre: Centre) -> None:
    from sqlalchemy import update

    pc1, pc2 = centre.station("Xuân Sơn", pcs=2)
    old = add_fridge(pc1.db, "Tủ cũ")
    pc1.sync()
    pc2.sync()  # then pc2 stays offline
    with pc1.db.transaction() as s:
        f = s.get(Fridge, old)
        assert f is not None
        f.deleted = True
    pc1.sync()
    day = 86_400_000
    centre.admin(lambda c: c.execute(update(t.rows).where(t.rows.c.row_id == old).values(
        updated_ms=t.rows.c.updated_ms - 90 * day)))  # the tombstone is 90 days old
    purged, _ = centre.admin(lambda c: admin.purge_tombstones(centre.store, c, admin.DEFAULT_TOMBSTONE_DAYS))
    assert purged == 0
    report = pc2.sync()
    assert report.complete and not report.resnapshot
    assert count(pc2.db, "fridges", "id = :i AND deleted = 1", i=old) == 1


def test_clock_suspect_clears_once_the_clock_is_right(centre: Centre) -> None:
    (st,) = centre.station("Đồng hồ")
    st.db._clock = HybridClock(st.db.replica_id, wall=lambda: wall_clock_ms() + FIVE_YEARS_MS)
    add_fridge(st.db)
    assert st.sync().clock_suspect
    st.db._clock = HybridClock(st.db.replica_id)  # the nurse set the date right
    report = st.sync()
    assert report.complete and not report.clock_suspect
    assert [d.clock_suspect for d in centre.admin(admin.list_devices) if d.id == st.device_id] == [False]


def test_a_lost_push_answer_is_not_taken_for_a_restore(centre: Centre) -> None:
    from ytcs_desktop.sync import apply as a

    (st,) = centre.station("Mất trả lời")
    assert st.sync().complete
    add_fridge(st.db)
    batch = a.read_outbox(st.db, a.get_int(st.db, a.PUSH_CURSOR), 100)
    client = st.client()
    try:  # the centre applies it, and the answer never reaches the station
        client.request("POST", "/api/v1/sync/push", body=p.gzip_bytes(p.dumps(a.build_push(batch, batch.last_seq))))
    finally:
        client.close()
    report = st.sync()
    # The fridge (and its audit row): the centre answers "duplicate", nothing is applied twice.
    assert report.complete and not report.redownload and report.pushed == 1 and report.pulled == 0
    assert count(st.db, "fridges", "sync_state = 'synced'") == 1


def test_a_usb_bundle_carries_the_push_and_the_pull(centre: Centre) -> None:
    from ytcs_desktop.sync import bundle
    from ytcs_desktop.sync.server.bundle_answer import answer_bundle

    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    (st,) = centre.station("Côn Đảo")
    fridge = add_fridge(st.db)
    request = bundle.request_bundle(st.db, st.device_id, st.token)
    answer = answer_bundle(centre.store, request)
    again = answer_bundle(centre.store, request)  # the stick carried twice: nothing doubles
    assert bundle.apply_answer(st.db, st.device_id, st.token, answer)["pushed"] == 2
    bundle.apply_answer(st.db, st.device_id, st.token, again)
    assert count(st.db, "items", "id = :i", i=item) == 1
    assert count(st.db, "fridges", "id = :i AND sync_state = 'synced'", i=fridge) == 1
    with pytest.raises(bundle.BundleError) as cut:
        answer_bundle(centre.store, request[:-8])
    assert cut.value.code == "bundle_bad"
    import gzip as gz

    altered = gz.compress(gz.decompress(request).replace(b"TCW 2000", b"TCW 9999", 1))
    with pytest.raises(bundle.BundleError) as forged:
        answer_bundle(centre.store, altered)
    assert forged.value.code == "bundle_signature"
    report = st.sync()
    assert report.complete and report.pushed == 0 and not report.restored
    hub.sync()
    assert exported(hub.db, st.station_id) == exported(st.db, st.station_id)
