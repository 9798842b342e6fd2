"""The queries the window's lists and pickers call (the window itself runs no SQL): what each answers, on a
real station file, through the domain's own writes."""

from __future__ import annotations

import datetime as dt

from tests.ui.helpers import seed_items
from ytcs_desktop.domain import lookups
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.documents_list import requisition_list, requisition_rows, stock_counts
from ytcs_desktop.domain.inventory.requisitions import create_requisition
from ytcs_desktop.domain.stations import add_staff, create_station
from ytcs_desktop.domain.sync_status import recent_conflicts, unresolved_conflicts
from ytcs_desktop.store.db import Database


def test_pickers_list_what_is_in_use_by_name(station_db: Database, station_actor: Actor,
                                             centre_actor: Actor) -> None:
    ids = seed_items(station_db)
    station = station_db.station_id or ""
    with station_db.transaction() as s:
        other = create_station(s, code="TYT-BH", name="Trạm Y tế phường Bình Hòa").id
        nurse = add_staff(s, station_actor, full_name="Lê Thị Hoa", title="nurse").id
        doctor = add_staff(s, centre_actor, full_name="Phạm Văn Bình", title="doctor").id
    with station_db.read() as s:
        assert [(c.label, c.extra) for c in lookups.items(s)] == [
            ("Amoxicilin 500 mg (AMOX500)", "viên"), ("Gạc y tế vô trùng (GAUZE)", "gói"),
            ("Paracetamol 500 mg (PARA500)", "viên"), ("Vắc xin BCG (BCG)", "liều")]
        assert [c.id for c in lookups.items(s, "vaccine")] == [ids["BCG"]]
        assert [(c.id, c.extra) for c in lookups.stations(s)] == [(station, "TYT-AP"), (other, "TYT-BH")]
        assert [c.id for c in lookups.stations(s, except_id=station)] == [other]
        assert [c.id for c in lookups.staff(s, station)] == [nurse]
        assert [c.id for c in lookups.staff(s, None)] == [doctor]  # the centre's own
        assert lookups.station_names(s) == {station: "Trạm Y tế phường An Phú", other: "Trạm Y tế phường Bình Hòa"}
        assert lookups.centre_staff_names(s) == {doctor: "Phạm Văn Bình"}
        assert lookups.vaccine_lots(s, station) == []  # nothing received yet
        assert unresolved_conflicts(s) == 0 and recent_conflicts(s) == []


def test_requisitions_read_with_the_station_and_item_names(station_db: Database, station_actor: Actor) -> None:
    ids = seed_items(station_db)
    station = station_db.station_id or ""
    today = dt.date.today()
    with station_db.transaction() as s:
        req = create_requisition(s, station_actor, period_from=today, period_to=today + dt.timedelta(days=30),
                                 item_ids=[ids["PARA500"], ids["AMOX500"]])
    with station_db.read() as s:
        (row,) = requisition_list(s, station)
        assert (row["id"], row["station"], row["status"], row["sync_state"]) == (
            req.id, "Trạm Y tế phường An Phú", "draft", "pending")
        assert requisition_list(s, "another station") == []
        lines = requisition_rows(s, req.id)
        assert [(x.code, x.item, x.unit) for x in lines] == [
            ("AMOX500", "Amoxicilin 500 mg", "viên"), ("PARA500", "Paracetamol 500 mg", "viên")]
        assert stock_counts(s, station) == []
