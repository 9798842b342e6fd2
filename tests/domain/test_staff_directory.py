"""The staff directory: a record edited in full, a departure with its day, licence and CME warnings before
a renewal, and the staffing summary per station the centre reads."""

from __future__ import annotations

import datetime as dt

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import staff_directory as sd
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.audit import record_history
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.domain.training import create_session, mark_held, record_attendance
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Staff

TODAY = dt.date(2026, 6, 1)


def _add(db: Database, actor: Actor, **fields: object) -> str:
    values = {"full_name": "Lê Thị Mai", "title": "midwife", **fields}
    return str(write(db, lambda s: sd.save_staff(s, actor, None, values, today=TODAY).id))


def test_a_staff_record_is_edited_in_full(station_db: Database, station_actor: Actor) -> None:
    staff_id = _add(station_db, station_actor, licence_no="000123/BD-CCHN", licence_date="15/03/2024",
                    grade="Hộ sinh hạng IV (V.08.06.16)", grade_step="3", position="Hộ sinh")
    write(station_db, lambda s: sd.save_staff(s, station_actor, staff_id, {
        "title": "nurse", "grade_step": 4, "position": "Điều dưỡng, phụ trách tiêm chủng",
        "scope_of_practice": ["nursing", "preventive"]}, today=TODAY))
    with station_db.read() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        assert (staff.title, staff.licence_date, staff.grade, staff.grade_step, staff.position) == (
            "nurse", dt.date(2024, 3, 15), "Hộ sinh hạng IV (V.08.06.16)", 4, "Điều dưỡng, phụ trách tiêm chủng")
        assert sd.renewal_due(staff) == dt.date(2029, 3, 15)  # a 5-year licence under the 2023 law
        # Each save is one write: created once, changed once, in the audit trail.
        assert [line.op for line in record_history(s, "staff", staff_id)] == ["insert", "update"]


def test_bad_input_names_the_field(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    staff_id = _add(station_db, station_actor)
    err = refuse(ValidationError, sd.save_staff, station_actor, staff_id, {"grade_step": "13"}, today=TODAY)
    assert err.field == "grade_step" and "từ 1 đến 12" in err.vi
    err = refuse(ValidationError, sd.save_staff, station_actor, staff_id, {"licence_date": "2026-07-01"},
                 today=TODAY)
    assert err.field == "licence_date" and "01/07/2026" in err.vi
    err = refuse(ValidationError, sd.save_staff, station_actor, staff_id,
                 {"licence_date": "2025-01-01", "licence_valid_to": "2024-12-31"}, today=TODAY)
    assert err.field == "licence_valid_to"
    err = refuse(ValidationError, sd.save_staff, station_actor, None, {"full_name": "", "title": "nurse",
                                                                       "grade_step": "2"}, today=TODAY)
    assert err.field == "full_name"


def test_a_departure_is_recorded_with_its_day(station_db: Database, station_actor: Actor, refuse: Refuse,
                                              centre_actor: Actor) -> None:
    staff_id = _add(station_db, station_actor)
    err = refuse(ValidationError, sd.record_departure, station_actor, staff_id, "2026-06-02", today=TODAY)
    assert err.field == "left_on" and "chưa tới" in err.vi
    err = refuse(ValidationError, sd.record_departure, station_actor, staff_id, "", today=TODAY)
    assert err.field == "left_on"
    refuse(PermissionDenied, sd.record_departure, centre_actor, staff_id, "2026-05-31", today=TODAY)
    write(station_db, lambda s: sd.record_departure(s, station_actor, staff_id, "31/05/2026", today=TODAY))
    with station_db.read() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None and not staff.active and staff.left_on == dt.date(2026, 5, 31)
    err = refuse(RuleError, sd.record_departure, station_actor, staff_id, "2026-05-31", today=TODAY)
    assert "31/05/2026" in err.vi


def test_warnings_before_a_renewal_and_its_cme_periods(station_db: Database, station_actor: Actor) -> None:
    soon = _add(station_db, station_actor, full_name="Trần Văn An", title="doctor", licence_date="2021-09-01",
                licence_valid_to="2026-09-01")
    expired = _add(station_db, station_actor, full_name="Phạm Thị Bình", title="nurse",
                   licence_valid_to="2026-05-01")
    _add(station_db, station_actor, full_name="Võ Văn Cường", title="nurse", licence_date="2025-01-01")  # 2030
    _add(station_db, station_actor, full_name="Đỗ Thị Dung", title="nurse", licence_date="2015-01-01")  # no end

    def train(s):  # type: ignore[no-untyped-def]
        session = create_session(s, station_actor, organiser="Trạm Y tế phường An Phú", topic="Cấp cứu sản khoa",
                                 programme="other", date_from=dt.date(2025, 3, 1), date_to=dt.date(2025, 3, 5),
                                 periods=40)
        record_attendance(s, station_actor, session_id=session.id, staff_id=soon)
        mark_held(s, station_actor, session.id)

    write(station_db, train)
    with station_db.read() as s:
        notices = sd.licence_notices(s, station_db.station_id, TODAY)
    assert [(n.name, n.kind) for n in notices] == [("Trần Văn An", "renewal"), ("Trần Văn An", "cme"),
                                                   ("Phạm Thị Bình", "expired")]  # by given name
    cme = notices[1]
    assert cme.missing_periods == 80 and cme.due == dt.date(2026, 9, 1)
    assert cme.message() == ("Trần Văn An: còn thiếu 80 tiết đào tạo liên tục trước hạn gia hạn chứng chỉ "
                             "hành nghề ngày 01/09/2026.")
    assert "01/05/2026" in notices[2].message() and notices[2].staff_id == expired


def test_staffing_summary_per_station(station_db: Database, station_actor: Actor) -> None:
    other = write(station_db, lambda s: create_station(s, code="TYT-BH", name="Trạm Y tế phường Bình Hòa").id)
    _add(station_db, station_actor, full_name="Trần Văn An", title="doctor", licence_no="001")
    _add(station_db, station_actor, full_name="Phạm Thị Bình", title="nurse")
    left = _add(station_db, station_actor, full_name="Võ Văn Cường", title="doctor", licence_no="002")
    write(station_db, lambda s: sd.record_departure(s, station_actor, left, "2026-05-01", today=TODAY))
    write(station_db, lambda s: sd.save_staff(s, Actor("x", "station", other), None,
                                              {"full_name": "Lý Thị Em", "title": "midwife"}, today=TODAY))
    with station_db.read() as s:
        summary = {row.station: row for row in sd.staffing_summary(s, TODAY)}
    here, there = summary["Trạm Y tế phường An Phú"], summary["Trạm Y tế phường Bình Hòa"]
    assert (here.active, here.has_doctor, here.without_licence) == (2, True, 1)
    assert here.titles_text() == "Bác sĩ 1, Điều dưỡng 1"
    assert (there.active, there.has_doctor) == (1, False)
    assert there.missing() == ["Bác sĩ", "Y sĩ", "Điều dưỡng", "Dược sĩ"]
