"""Referrals: recorded at the station with a reason, followed up by the centre along its own moves,
and the share the centre judged unnecessary per station."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import referrals
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Referral

TODAY = dt.date(2026, 6, 15)


def new(db: Database, actor: Actor, **kw: object) -> str:
    values: dict[str, object] = {"patient_ref": "BN-10231", "reason": "Đau bụng hố chậu phải, nghi viêm ruột thừa",
                                 "destination": "Bệnh viện Đa khoa Bình Dương – Khoa Ngoại", "icd10": "k359",
                                 "urgency": "urgent", "referred_on": "2026-06-10", "today": TODAY}
    values.update(kw)
    return str(write(db, lambda s: referrals.record_referral(s, actor, **values).id))  # type: ignore[arg-type]


def test_recorded_numbered_and_followed_to_the_end(station_db: Database, station_actor: Actor,
                                                   centre_actor: Actor) -> None:
    first, second = new(station_db, station_actor), new(station_db, station_actor, icd10=None)
    with station_db.read() as s:
        r = s.get(Referral, first)
        assert r is not None and r.number == "CT-2026-0001" and r.icd10 == "K35.9" and r.status == "sent"
        assert r.referred_by == "Nguyễn Thị Lan" and r.urgency == "urgent"
        assert s.get(Referral, second).number == "CT-2026-0002"  # type: ignore[union-attr]
    write(station_db, lambda s: referrals.acknowledge(s, centre_actor, first))
    write(station_db, lambda s: referrals.record_arrival(s, centre_actor, first, arrived=True,
                                                         arrived_on="2026-06-10", today=TODAY))
    write(station_db, lambda s: referrals.close_referral(s, centre_actor, first, outcome="Mổ nội soi, ra viện ngày 3",
                                                         needed="có", advice="Chuyển sớm như vậy là đúng"))
    write(station_db, lambda s: referrals.record_arrival(s, centre_actor, second, arrived=False,
                                                         note="Gọi điện: người bệnh tự đến phòng khám tư"))
    write(station_db, lambda s: referrals.close_referral(s, centre_actor, second, outcome="Không theo dõi được",
                                                         needed=False))
    with station_db.read() as s:
        done = s.get(Referral, first)
        assert done is not None and done.status == "closed" and done.needed is True
        assert done.acknowledged_by == "Trần Văn Hùng" and done.arrived_on == dt.date(2026, 6, 10)
        (counts,) = referrals.referral_counts(s, "2026-06-01", "2026-06-30")
        assert (counts.referred, counts.judged, counts.unnecessary, counts.open) == (2, 2, 1, 0)
        assert counts.unnecessary_share == 0.5
        assert referrals.list_referrals(s, open_only=True) == []


def test_a_referral_without_a_reason_is_refused(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    err = refuse(ValidationError, referrals.record_referral, station_actor, patient_ref="BN-1", reason="  ",
                 destination="Bệnh viện tỉnh")
    assert err.field == "reason" and "lý do chuyển tuyến" in err.vi


@pytest.mark.parametrize(("field", "values"), [
    ("patient_ref", {"patient_ref": ""}),
    ("destination", {"destination": ""}),
    ("icd10", {"icd10": "123"}),
    ("urgency", {"urgency": "ngay lập tức"}),
    ("referred_on", {"referred_on": "2026-06-16"}),
])
def test_bad_input_names_its_field(station_db: Database, station_actor: Actor, refuse: Refuse, field: str,
                                   values: dict[str, object]) -> None:
    given: dict[str, object] = {"patient_ref": "BN-1", "reason": "Sốt cao co giật", "destination": "BV Nhi",
                                "today": TODAY, **values}
    assert refuse(ValidationError, referrals.record_referral, station_actor, **given).field == field


def test_each_side_makes_only_its_own_moves(station_db: Database, station_actor: Actor, centre_actor: Actor,
                                           refuse: Refuse) -> None:
    rid = new(station_db, station_actor)
    assert refuse(PermissionDenied, referrals.acknowledge, station_actor, rid).field == "status"
    refuse(PermissionDenied, referrals.record_referral, centre_actor, patient_ref="BN", reason="x", destination="y")
    err = refuse(RuleError, referrals.close_referral, centre_actor, rid, outcome="Ổn định", needed=True)
    assert "Đã chuyển" in err.vi and "Trung tâm đã nhận tin" in err.vi  # says which moves it has
    write(station_db, lambda s: referrals.acknowledge(s, centre_actor, rid))
    refuse(RuleError, referrals.cancel_referral, station_actor, rid)  # too late: the centre took it up


def test_closing_needs_an_outcome_and_a_judgement(station_db: Database, station_actor: Actor,
                                                  centre_actor: Actor, refuse: Refuse) -> None:
    rid = new(station_db, station_actor)
    write(station_db, lambda s: referrals.record_arrival(s, centre_actor, rid, arrived=True, today=TODAY))
    assert refuse(ValidationError, referrals.close_referral, centre_actor, rid, outcome="", needed=True).field \
        == "outcome"
    assert refuse(ValidationError, referrals.close_referral, centre_actor, rid, outcome="Ổn định",
                  needed=None).field == "needed"


def test_not_arrived_needs_a_note_and_arrival_not_before_referral(station_db: Database, station_actor: Actor,
                                                                  centre_actor: Actor, refuse: Refuse) -> None:
    rid = new(station_db, station_actor)
    assert refuse(ValidationError, referrals.record_arrival, centre_actor, rid, arrived=False).field \
        == "follow_up_note"
    assert refuse(ValidationError, referrals.record_arrival, centre_actor, rid, arrived=True,
                  arrived_on="2026-06-01", today=TODAY).field == "arrived_on"


def test_the_station_sees_only_its_own(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    rid = new(station_db, station_actor)
    other = Actor("Lê Thị Hoa", "station", "another-station")
    refuse(PermissionDenied, referrals.cancel_referral, other, rid)
    write(station_db, lambda s: referrals.cancel_referral(s, station_actor, rid))
    with station_db.read() as s:
        (counts,) = referrals.referral_counts(s, "2026-01-01", "2026-12-31")
        assert counts.referred == 0 and counts.unnecessary_share is None
