"""Station profile with per-field owners, centre and departments, station and centre staff."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.domain.conftest import Refuse, outbox_count, write
from ytcs_desktop.domain import stations
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station


def test_create_centre_department_and_station(station_db: Database) -> None:
    def build(s):  # type: ignore[no-untyped-def]
        centre = stations.create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An",
                                        phone="0274 3822 123")
        dept = stations.create_department(s, centre_id=centre.id, code="KHNV", name="Phòng Kế hoạch – Nghiệp vụ",
                                          kind="Phòng Kế hoạch – Nghiệp vụ")
        st = stations.create_station(s, code="TYT-LT", name="Trạm Y tế phường Lái Thiêu", centre_id=centre.id,
                                     population="24500", phone="+84 912 345 678", licence_date="05/01/2020")
        return centre.id, dept.kind, st.id, st.station_id, st.phone, st.population, st.licence_date

    _centre_id, kind, sid, partition, phone, population, licence_date = write(station_db, build)
    assert kind == "admin"
    assert sid == partition
    assert phone == "0912345678"
    assert population == 24500
    assert licence_date == dt.date(2020, 1, 5)
    given = "0190f000-0000-7000-8000-000000000001"
    assert write(station_db, lambda s: stations.create_station(s, code="TYT-TG", name="Thuận Giao",
                                                               station_id=given).station_id) == given


def test_create_station_refusals(station_db: Database, refuse: Refuse, station_actor: Actor) -> None:
    err = refuse(RuleError, stations.create_station, code="TYT-AP", name="Trùng mã")
    assert err.field == "code"
    assert refuse(ValidationError, stations.create_station, code=" ", name="X").field == "code"
    assert refuse(ValidationError, stations.create_station, code="A", name="X", population=-1).field == "population"
    future = dt.date.today() + dt.timedelta(days=3)
    assert refuse(ValidationError, stations.create_station, code="B", name="X",
                  licence_date=future).field == "licence_date"
    assert refuse(ValidationError, stations.create_station, code="C", name="X", colour="red").field == "colour"
    assert refuse(NotFoundError, stations.create_station, code="D", name="X", centre_id="nope").field == "centre_id"
    refuse(PermissionDenied, stations.create_station, code="E", name="X", actor=station_actor)
    refuse(PermissionDenied, stations.create_centre, code="E", name="X", actor=station_actor)


@pytest.mark.parametrize("phone", ["0912345678", "091 234 5678", "0912.345.678", "+84912345678",
                                   "84912345678", "0274 3822 123", "(0274) 3822-123", "0387654321"])
def test_vietnamese_phone_numbers_accepted(phone: str) -> None:
    assert stations.normalise_phone(phone) in ("0912345678", "02743822123", "0387654321")


@pytest.mark.parametrize("phone", ["12345", "0112345678", "091234567", "09123456789", "phone", "+1 555 0100",
                                   "0274382212"])
def test_malformed_phone_numbers_refused(phone: str) -> None:
    with pytest.raises(ValidationError) as info:
        stations.normalise_phone(phone, "contact_phone")
    assert info.value.field == "contact_phone"
    assert "Số điện thoại" in info.value.vi


def test_station_updates_its_own_contact_fields(station_db: Database, station_actor: Actor) -> None:
    sid = station_db.station_id
    write(station_db, stations.update_profile, station_actor, sid, phone="0274 3500 111",
          contact_name="Lê Thị Mai", contact_phone="0903 111 222", population=31000, head_name="BS. Phạm Văn An")
    with station_db.read() as s:
        st = s.get(Station, sid)
        assert st is not None
        assert (st.phone, st.contact_phone, st.population) == ("02743500111", "0903111222", 31000)


def bind_to_centre(db: Database) -> None:
    """What `ytcs login` leaves behind: the centre server this station syncs with."""
    with db.transaction() as s:
        db.set_meta(s, "sync_server_url", "https://ttyt-thuanan.example.vn")


@pytest.mark.parametrize("field", sorted(Station.__centre_fields__ - {"deleted"}))
def test_station_may_not_change_a_centre_field(station_db: Database, refuse: Refuse, station_actor: Actor,
                                               field: str) -> None:
    bind_to_centre(station_db)
    value = {"licence_date": "2020-01-01", "status": "active", "centre_id": None}.get(field, "X1")
    err = refuse(PermissionDenied, stations.update_profile, station_actor, station_db.station_id, **{field: value})
    assert err.field == field
    assert "do Trung tâm Y tế quản lý" in err.vi and f"({field})" in err.vi
    assert "kept by the health centre" in err.en


def test_station_without_a_centre_keeps_its_own_header(station_db: Database, station_actor: Actor,
                                                       refuse: Refuse) -> None:
    """A station made by `ytcs init` that has never met a centre writes what its forms print."""
    sid = station_db.station_id
    write(station_db, stations.update_profile, station_actor, sid, parent_org="UBND phường An Phú",
          commune="phường An Phú", licence_no="125/BD-GPHĐ", licence_date="2019-06-01",
          licence_issuer="Sở Y tế tỉnh Bình Dương", satellite_posts="Điểm trạm Bình Đức; Điểm trạm Bình Chuẩn\n")
    with station_db.read() as s:
        profile = stations.station_profile(s, station_actor)
        st = profile.station
        assert (st.parent_org, st.licence_no, st.licence_date, st.licence_issuer) == (
            "UBND phường An Phú", "125/BD-GPHĐ", dt.date(2019, 6, 1), "Sở Y tế tỉnh Bình Dương")
        assert profile.satellite_posts == ["Điểm trạm Bình Đức", "Điểm trạm Bình Chuẩn"]
        assert not profile.bound and "licence_issuer" in profile.editable and "code" not in profile.editable
    # the station's identity and status stay the centre's even before it has one
    for field, value in (("code", "TYT-X"), ("status", "active"), ("centre_id", None)):
        assert refuse(PermissionDenied, stations.update_profile, station_actor, sid, **{field: value}).field == field
    bind_to_centre(station_db)  # from now on the centre owns them
    err = refuse(PermissionDenied, stations.update_profile, station_actor, sid, licence_no="1/GP")
    assert err.field == "licence_no" and "Số giấy phép hoạt động" in err.vi
    with station_db.read() as s:
        assert stations.station_profile(s, station_actor).bound


def test_profile_values_are_checked(station_db: Database, centre_actor: Actor, refuse: Refuse) -> None:
    sid = station_db.station_id
    future = dt.date.today() + dt.timedelta(days=1)
    assert refuse(ValidationError, stations.update_profile, centre_actor, sid,
                  licence_date=future).code == "future_licence_date"
    assert refuse(ValidationError, stations.update_profile, centre_actor, sid,
                  licence_date="31/02/2020").field == "licence_date"
    err = refuse(ValidationError, stations.update_profile, centre_actor, sid, licence_issuer="S" * 201)
    assert err.field == "licence_issuer" and "Cơ quan cấp giấy phép" in err.vi
    actor = Actor("Lan", "station", sid)
    assert refuse(ValidationError, stations.update_profile, actor, sid,
                  satellite_posts="A; " + "B" * 201).field == "satellite_posts"


@pytest.mark.parametrize("field", sorted(Station.__station_fields__))
def test_centre_may_not_change_a_station_field(station_db: Database, refuse: Refuse, centre_actor: Actor,
                                               field: str) -> None:
    value = {"phone": "0912345678", "contact_phone": "0912345678", "population": 5}.get(field, "X")
    err = refuse(PermissionDenied, stations.update_profile, centre_actor, station_db.station_id, **{field: value})
    assert err.field == field
    assert "do Trạm Y tế tự cập nhật" in err.vi and "kept by the station" in err.en


def test_centre_updates_administrative_fields(station_db: Database, centre_actor: Actor, refuse: Refuse) -> None:
    sid = station_db.station_id
    write(station_db, stations.update_profile, centre_actor, sid, licence_no="123/BYT-GPHĐ",
          licence_date=dt.date(2019, 6, 1), licence_issuer="Sở Y tế tỉnh Bình Dương",
          parent_org="UBND phường An Phú", status="Tạm ngừng hoạt động")
    with station_db.read() as s:
        st = s.get(Station, sid)
        assert st is not None and st.status == "suspended" and st.parent_org == "UBND phường An Phú"
    refuse(ValidationError, stations.update_profile, centre_actor, sid, status="open-ish")
    refuse(NotFoundError, stations.update_profile, centre_actor, "missing", name="X")


def test_station_may_not_touch_another_station(station_db: Database, refuse: Refuse) -> None:
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-BH", name="Bình Hòa").id)
    actor = Actor("Lan", "station", station_db.station_id)
    refuse(PermissionDenied, stations.update_profile, actor, other, phone="0912345678")


def test_staff_lifecycle(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    staff_id = write(station_db, lambda s: stations.add_staff(
        s, station_actor, full_name="Võ Thị Hồng", title="Hộ sinh", licence_no="000123/BD-CCHN",
        phone="0912 000 111", birth_year=1988).id)
    write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Đặng Minh Tuấn", title="doctor"))
    with station_db.read() as s:
        names = [(x.full_name, x.title) for x in stations.list_staff(s, station_db.station_id)]
    assert names == [("Võ Thị Hồng", "midwife"), ("Đặng Minh Tuấn", "doctor")]  # by given name: Hồng, Tuấn
    write(station_db, stations.update_staff, station_actor, staff_id, title="nurse", phone="0987 654 321")
    write(station_db, stations.deactivate_staff, station_actor, staff_id)
    with station_db.read() as s:
        active = stations.list_staff(s, station_db.station_id)
        everyone = stations.list_staff(s, station_db.station_id, include_inactive=True)
    assert [x.full_name for x in active] == ["Đặng Minh Tuấn"]
    assert {x.title for x in everyone} == {"nurse", "doctor"}
    refuse(RuleError, stations.deactivate_staff, station_actor, staff_id)


def test_staff_refusals(station_db: Database, station_actor: Actor, centre_actor: Actor, refuse: Refuse) -> None:
    staff_id = write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Võ Thị Hồng",
                                                              title="nurse", licence_no="CC-1").id)
    refuse(RuleError, stations.add_staff, station_actor, full_name="Người khác", title="nurse", licence_no="CC-1")
    refuse(ValidationError, stations.add_staff, station_actor, full_name="", title="nurse")
    refuse(ValidationError, stations.add_staff, station_actor, full_name="A", title="phù thủy")
    refuse(ValidationError, stations.add_staff, station_actor, full_name="A", title="nurse", phone="123")
    refuse(ValidationError, stations.add_staff, station_actor, full_name="A", title="nurse", birth_year=2030)
    refuse(PermissionDenied, stations.add_staff, station_actor, full_name="A", title="nurse", department_id="d")
    refuse(PermissionDenied, stations.update_staff, centre_actor, staff_id, title="doctor")
    refuse(PermissionDenied, stations.update_staff, Actor("X", "station", "other-station"), staff_id, title="doctor")
    refuse(NotFoundError, stations.update_staff, station_actor, "nope", title="doctor")
    refuse(ValidationError, stations.update_staff, station_actor, staff_id, salary=1)


def test_centre_staff_are_kept_by_the_centre(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                             refuse: Refuse) -> None:
    def build(s):  # type: ignore[no-untyped-def]
        centre = stations.create_centre(s, code="TTYT", name="Trung tâm Y tế khu vực Thuận An")
        dept = stations.create_department(s, centre_id=centre.id, code="DD", name="Phòng Điều dưỡng",
                                          kind="nursing", actor=centre_actor)
        return stations.add_staff(s, centre_actor, full_name="BS. Huỳnh Văn Bảy", title="doctor",
                                  department_id=dept.id).id

    staff_id = write(station_db, build)
    with station_db.read() as s:
        centre_staff = stations.list_staff(s, None)
    assert [x.station_id for x in centre_staff] == [None]
    refuse(PermissionDenied, stations.update_staff, station_actor, staff_id, phone="0912345678")
    before = outbox_count(station_db)
    write(station_db, stations.update_staff, centre_actor, staff_id, phone="0912345678")
    assert outbox_count(station_db) == before + 1
