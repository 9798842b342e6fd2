"""The audit trail reaches the centre through a real `ytcs centre serve`: each audit row once, in the
writer's partition (a station's own; at the centre the changed record's); rows applied by sync are not
audited again on the PC that pulls them; the centre's own changes to a station's record are audited at the
centre and reach the station."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, text

from tests.sync.conftest import Centre
from tests.sync.helpers import add_fridge, add_item, add_request
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.audit import record_history
from ytcs_desktop.domain.support import move
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge
from ytcs_desktop.sync.server import schema as t


def _trail(db: Database, row_id: str) -> list[tuple[str, str | None, str | None]]:
    with db.read() as s:
        return [(r[0], r[1], r[2]) for r in s.execute(
            text("SELECT op, person, replica_id FROM audit_log WHERE row_id = :r ORDER BY at, rowid"), {"r": row_id})]


def _at_centre(centre: Centre, row_id: str) -> list[dict[str, Any]]:
    """The audit rows the centre's server holds about one record."""
    with centre.store.read() as conn:
        images = conn.execute(select(t.rows.c.fields, t.rows.c.station_key)
                              .where(t.rows.c.table_name == "audit_log")).all()
    found = [dict(json.loads(fields), station_key=key) for fields, key in images]
    return [f for f in found if f["row_id"] == row_id]


def test_audit_rows_reach_the_centre_once(centre: Centre) -> None:
    pc1, pc2 = centre.station("Tân Phước", pcs=2)
    pc1.db.person = "Nguyễn Thị Lan"
    fridge = add_fridge(pc1.db, "Tủ lạnh TCW 2000")
    with pc1.db.transaction(person="Lê Văn Hùng") as s:
        row = s.get(Fridge, fridge)
        assert row is not None
        row.name = "Tủ lạnh chính"
    made_here = _trail(pc1.db, fridge)
    assert [(op, person) for op, person, _ in made_here] == [("insert", "Nguyễn Thị Lan"),
                                                             ("update", "Lê Văn Hùng")]

    assert pc1.sync().complete
    assert pc1.sync().complete  # again: nothing is sent twice
    held = _at_centre(centre, fridge)
    assert sorted((h["op"], h["person"]) for h in held) == [("insert", "Nguyễn Thị Lan"), ("update", "Lê Văn Hùng")]
    assert {h["station_key"] for h in held} == {pc1.station_id}
    assert {h["replica_id"] for h in held} == {pc1.db.replica_id}

    assert pc2.sync().complete  # the station's other PC pulls the fridge and its trail, and audits nothing
    assert _trail(pc2.db, fridge) == made_here
    with pc2.db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM audit_log WHERE replica_id = :r"), {"r": pc2.db.replica_id}) == 0
        assert [line.person for line in record_history(s, "fridges", fridge)] == ["Nguyễn Thị Lan", "Lê Văn Hùng"]

    hub = centre.centre_replica()
    assert hub.sync().complete
    assert _trail(hub.db, fridge) == made_here  # the centre reads the station's trail
    assert len(_at_centre(centre, fridge)) == 2


def test_the_centres_change_to_a_station_record_is_audited_at_the_centre(centre: Centre) -> None:
    (st,) = centre.station("Phước Vĩnh")
    st.db.person = "Nguyễn Thị Lan"
    request = add_request(st.db)  # submitted
    assert st.sync().complete
    hub = centre.centre_replica()
    assert hub.sync().complete
    with hub.db.transaction(person="Trần Văn Minh") as s:
        move(s, Actor("Trần Văn Minh", "centre", None), request, "accepted")
    assert hub.sync().complete
    assert st.sync().complete
    trail = _trail(st.db, request)
    assert trail[-1][:2] == ("update", "Trần Văn Minh") and trail[-1][2] == hub.db.replica_id
    held = [h for h in _at_centre(centre, request) if h["person"] == "Trần Văn Minh"]
    assert len(held) == 1 and held[0]["station_key"] == st.station_id


def test_a_catalogue_item_a_station_offers_is_audited_in_the_stations_partition(centre: Centre) -> None:
    (st,) = centre.station("Bình Chuẩn")
    st.db.person = "Nguyễn Thị Lan"
    item = add_item(st.db)  # a reference row (no partition) made at the station: offered to the centre
    report = st.sync()
    assert report.complete and report.rejected == 0
    (held,) = _at_centre(centre, item)
    assert (held["person"], held["station_key"]) == ("Nguyễn Thị Lan", st.station_id)
