"""Two stations and a centre replica converge; re-sent batches are duplicates; delete-then-recreate
replicates; a refused change comes back with a reason on its record; same-side conflicts are logged."""

from __future__ import annotations

import time

from sqlalchemy import text

from tests.sync.conftest import Centre
from tests.sync.helpers import add_fridge, add_item, add_ledger, add_request, count, exported, row_state
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Station, SupportRequest
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import protocol as p


def test_two_stations_and_centre_converge(centre: Centre) -> None:
    (an,) = centre.station("An Phú")
    (binh,) = centre.station("Bình Hoà")
    hub = centre.centre_replica()
    item = add_item(hub.db)
    assert hub.sync().complete
    for st in (an, binh):
        report = st.sync()
        assert report.complete and report.rejected == 0
        assert count(st.db, "items", "id = :i", i=item) == 1
        add_fridge(st.db)
        add_ledger(st.db, item, 25)
        add_request(st.db)
    for _ in range(2):
        for r in (an, binh, hub):
            report = r.sync()
            assert report.complete and report.rejected == 0, report
    everything = exported(hub.db, everything=True)
    for st in (an, binh):
        mine = exported(st.db, st.station_id)
        theirs = {name: [r for r in rows if r.get("station_id") in (st.station_id, None)]
                  for name, rows in everything.items()}
        assert mine == theirs
        assert len(mine["stock_transactions"]) == 25
    # the other station's rows never reach a station
    assert count(an.db, "stock_transactions", "station_id = :s", s=binh.station_id) == 0
    assert count(hub.db, "stock_transactions", "station_id IN (:a, :b)", a=an.station_id, b=binh.station_id) == 50


def test_resent_batch_is_answered_duplicate(centre: Centre) -> None:
    (st,) = centre.station("Tân Lập")
    fridge = add_fridge(st.db)
    with st.db.transaction() as s:
        f = s.get(Fridge, fridge)
        assert f is not None
        f.location = "Phòng tiêm chủng"
    batch = a.read_outbox(st.db, 0, 100)
    body = p.gzip_bytes(p.dumps(a.build_push(batch, batch.last_seq)))
    client = st.client()
    try:
        first = client.request("POST", "/api/v1/sync/push", body=body)
        again = client.request("POST", "/api/v1/sync/push", body=body)
    finally:
        client.close()
    assert set(first["results"]) == {"a"}
    assert again["results"] == "d" * len(batch.rows)
    hub = centre.centre_replica()
    hub.sync()
    assert count(hub.db, "fridges", "id = :i AND location = 'Phòng tiêm chủng'", i=fridge) == 1


def test_delete_then_recreate_replicates(centre: Centre) -> None:
    pc1, pc2 = centre.station("Hoà Bình", pcs=2)
    first = add_fridge(pc1.db, "Tủ A")
    pc1.sync()
    pc2.sync()
    assert count(pc2.db, "fridges", "id = :i AND deleted = 0", i=first) == 1
    with pc1.db.transaction() as s:
        f = s.get(Fridge, first)
        assert f is not None
        f.deleted = True
    second = add_fridge(pc1.db, "Tủ A")  # same name, new id: never a reused id
    pc1.sync()
    pc2.sync()
    assert count(pc2.db, "fridges", "id = :i AND deleted = 1", i=first) == 1
    assert count(pc2.db, "fridges", "id = :i AND deleted = 0", i=second) == 1
    assert exported(pc1.db, pc1.station_id) == exported(pc2.db, pc2.station_id)


def test_refused_change_shows_on_the_record(centre: Centre) -> None:
    (st,) = centre.station("Phú Mỹ")
    st.sync()
    with st.db.transaction() as s:
        station = s.get(Station, st.station_id)
        assert station is not None
        station.licence_no = "123/GP-SYT"  # a centre field
    report = st.sync()
    assert report.complete and report.rejected == 1
    state, reason = row_state(st.db, "stations", st.station_id or "")
    assert state == "rejected"
    assert reason is not None and "field_not_owned" in reason and "licence_no" in reason
    # the local row is put back to the centre's value; the refused value is kept for the user
    assert count(st.db, "stations", "id = :i AND licence_no IS NULL", i=st.station_id) == 1
    with st.db.read() as s:
        kept = s.execute(text("SELECT field, losing_value FROM sync_conflicts")).all()
    assert ("licence_no", '"123/GP-SYT"') in [tuple(k) for k in kept]
    # nothing stays queued: the refusal was the answer
    assert a.pending_count(st.db) == 0


def test_station_cannot_make_a_centre_transition(centre: Centre) -> None:
    (st,) = centre.station("Long Hải")
    req = add_request(st.db)
    assert st.sync().rejected == 0
    with st.db.transaction() as s:
        r = s.get(SupportRequest, req)
        assert r is not None
        r.status = "accepted"  # the centre's move
    report = st.sync()
    assert report.rejected == 1
    state, reason = row_state(st.db, "support_requests", req)
    assert state == "rejected" and reason is not None and "transition" in reason
    assert count(st.db, "support_requests", "id = :i AND status = 'submitted'", i=req) == 1


def test_same_side_concurrent_edits_keep_the_later_and_log_the_loser(centre: Centre) -> None:
    pc1, pc2 = centre.station("Phước Hưng", pcs=2)
    fridge = add_fridge(pc1.db)
    pc1.sync()
    pc2.sync()
    for db, place in ((pc1.db, "Kho"), (pc2.db, "Phòng tiêm")):
        with db.transaction() as s:
            f = s.get(Fridge, fridge)
            assert f is not None
            f.location = place
        time.sleep(0.01)  # distinct milliseconds: in one millisecond the replica id, not the order, decides
    # pc2 wrote last: its value wins everywhere; pc1's value is logged where it lost
    pc2.sync()
    report = pc1.sync()
    assert report.conflicts == 1
    pc2.sync()
    for db in (pc1.db, pc2.db):
        assert count(db, "fridges", "id = :i AND location = 'Phòng tiêm'", i=fridge) == 1
    with pc1.db.read() as s:
        logged = s.execute(text("SELECT field, losing_value, winning_value FROM sync_conflicts")).all()
    assert [tuple(x) for x in logged] == [("location", '"Kho"', '"Phòng tiêm"')]
    # The log as the window shows it: the record as people know it, the field's name, the values as words
    from ytcs_desktop.domain.sync_status import conflict_lines

    with pc1.db.read() as s:
        (line,) = conflict_lines(s, "vi")
        (english,) = conflict_lines(s, "en")
    with pc1.db.read() as s:
        name = s.get(Fridge, fridge).name  # type: ignore[union-attr]
    assert (line.kind, line.record, line.not_kept, line.kept) == ("Tủ lạnh", name, "Kho", "Phòng tiêm")
    assert "location" not in (line.field + english.field) and english.kind == "Fridge"
    # the user sees it on the record and undoes it: the losing value comes back and wins everywhere
    from ytcs_desktop.sync import conflicts

    (entry,) = conflicts.list_conflicts(pc1.db, row_id=fridge)
    assert (entry.losing_value, entry.winning_value) == ("Kho", "Phòng tiêm")
    conflicts.undo(pc1.db, entry.id)
    assert conflicts.list_conflicts(pc1.db) == []
    assert pc1.sync().complete
    pc2.sync()
    for db in (pc1.db, pc2.db):
        assert count(db, "fridges", "id = :i AND location = 'Kho'", i=fridge) == 1


def test_a_lost_edit_followed_by_a_winning_one_in_the_same_push_leaves_the_winner(centre: Centre) -> None:
    """Found by the long state-machine run. pc1 edits a row, pc2 edits it later and syncs first, then
    pc1 edits it once more and pushes both of its edits in one batch: the first loses to pc2's, the
    second wins. The centre holds pc1's last value; so must pc1 (the answer to its lost edit carries
    the row as the whole push left it, and the client does not lay an answer's row over a later edit
    of the same batch), and the centre's echo suppression must not hide anything from it."""
    pc1, pc2 = centre.station("Tân Định", pcs=2)
    fridge = add_fridge(pc1.db)
    pc1.sync()
    pc2.sync()

    def move(db: Database, place: str) -> None:
        with db.transaction() as s:
            f = s.get(Fridge, fridge)
            assert f is not None
            f.location = place
        time.sleep(0.01)  # distinct milliseconds (see above)

    move(pc1.db, "Kho")
    move(pc2.db, "Phòng tiêm")
    pc2.sync()
    move(pc1.db, "Phòng khám")
    report = pc1.sync()
    assert report.complete and report.conflicts == 1  # "Kho" lost to "Phòng tiêm"
    for _ in range(2):
        pc2.sync()
        pc1.sync()
    for db in (pc1.db, pc2.db):
        assert count(db, "fridges", "id = :i AND location = 'Phòng khám'", i=fridge) == 1
    assert exported(pc1.db, pc1.station_id) == exported(pc2.db, pc2.station_id)


def test_a_pulled_row_breaking_a_local_unique_rule_does_not_block_the_pull(centre: Centre) -> None:
    import datetime as dt

    from ytcs_desktop.store.models import Lot

    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    pc1, pc2 = centre.station("Bàu Lâm", pcs=2)
    pc1.sync()
    pc2.sync()
    for db in (pc1.db, pc2.db):  # the same lot number typed at two PCs while offline
        with db.transaction() as s:
            s.add(Lot(station_id=db.station_id, item_id=item, lot_no="AB123", expiry=dt.date(2028, 1, 1)))
    other = add_fridge(pc1.db)
    assert pc1.sync().complete
    report = pc2.sync()
    assert report.complete
    assert count(pc2.db, "fridges", "id = :i", i=other) == 1
    with pc2.db.read() as s:
        kept = s.execute(text("SELECT table_name, field, winning_value FROM sync_conflicts")).all()
    assert [(k[0], k[1]) for k in kept] == [("lots", "*")] and "UNIQUE" in kept[0][2]


def test_centre_moves_a_request_and_the_station_sees_it(centre: Centre) -> None:
    (st,) = centre.station("Tam Phước")
    hub = centre.centre_replica()
    req = add_request(st.db)
    assert st.sync().complete
    hub.sync()
    with hub.db.transaction() as s:
        r = s.get(SupportRequest, req)
        assert r is not None
        r.status = "accepted"  # the centre's move, with a centre field
        r.support_format = "online"
    report = hub.sync()
    assert report.complete and report.rejected == 0
    st.sync()
    assert count(st.db, "support_requests", "id = :i AND status = 'accepted' AND support_format = 'online'",
                 i=req) == 1
    assert exported(st.db, st.station_id) == exported(hub.db, st.station_id)
