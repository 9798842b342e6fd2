"""Support requests: numbering, validation, the whole transition matrix per role, comments, timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.domain.conftest import Refuse, make_refuse, outbox_count, write
from ytcs_desktop.domain import stations, support
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import RequestTransition, SupportRequest

CENTRE = Actor("BS. Trần Văn Hùng", "centre", None)

# Fields each target status needs for an allowed move.
MOVE_ARGS: dict[str, dict[str, Any]] = {
    "submitted": {},
    "cancelled": {"note": "Bệnh nhân đã chuyển tuyến"},
    "accepted": {},
    "rejected": {"reason": "Ngoài phạm vi chuyên môn của Trung tâm"},
    "scheduled": {"scheduled_from": "2026-03-02", "scheduled_to": "2026-03-06", "support_format": "in_person"},
    "in_progress": {},
    "done": {"outcome": "Đã hướng dẫn quy trình tiêm an toàn"},
    "rated": {"rating": 5, "feedback": "Hỗ trợ kịp thời"},
}

# How to bring a new draft to each status: (role, target) steps.
PATHS: dict[str, list[str]] = {
    "draft": [],
    "submitted": ["submitted"],
    "accepted": ["submitted", "accepted"],
    "scheduled": ["submitted", "accepted", "scheduled"],
    "in_progress": ["submitted", "accepted", "scheduled", "in_progress"],
    "done": ["submitted", "accepted", "scheduled", "in_progress", "done"],
    "rated": ["submitted", "accepted", "scheduled", "in_progress", "done", "rated"],
    "rejected": ["submitted", "rejected"],
    "cancelled": ["cancelled"],
}


@pytest.fixture(scope="module")
def world(shared_db: Database) -> Iterator[tuple[Database, Actor, str]]:
    """The shared station database, its station actor and a centre doctor to assign."""
    station = Actor("Nguyễn Thị Lan", "station", shared_db.station_id)

    def build(s):  # type: ignore[no-untyped-def]
        return stations.add_staff(s, CENTRE, full_name="BS. Huỳnh Văn Bảy", title="doctor").id

    yield shared_db, station, write(shared_db, build)


def new_request(db: Database, station: Actor, **kw: Any) -> str:
    args = {"kind": "technique_transfer", "title": "Hướng dẫn tiêm an toàn", **kw}
    return str(write(db, lambda s: support.create_request(s, station, **args).id))


def bring_to(db: Database, station: Actor, staff_id: str, status: str) -> str:
    request_id = new_request(db, station)
    for target in PATHS[status]:
        actor = station if support.TRANSITIONS[(_status(db, request_id), target)] == "station" else CENTRE
        args = dict(MOVE_ARGS[target])
        if target == "scheduled":
            args["assigned_staff_id"] = staff_id
        write(db, support.move, actor, request_id, target, **args)
    assert _status(db, request_id) == status
    return request_id


def _status(db: Database, request_id: str) -> str:
    with db.read() as s:
        request = s.get(SupportRequest, request_id)
        assert request is not None
        return request.status


def _transitions(db: Database, request_id: str) -> list[tuple[str | None, str, str]]:
    with db.read() as s:
        rows = s.scalars(select(RequestTransition).where(RequestTransition.request_id == request_id)
                         .order_by(RequestTransition.id))
        return [(r.from_status, r.to_status, r.role) for r in rows]


MATRIX = [(role, frm, to) for role in ("station", "centre") for frm in support.STATUSES for to in support.STATUSES]


@pytest.mark.parametrize(("role", "frm", "to"), MATRIX)
def test_transition_matrix(world: tuple[Database, Actor, str], role: str, frm: str, to: str) -> None:
    db, station, staff_id = world
    request_id = bring_to(db, station, staff_id, frm)
    actor = station if role == "station" else CENTRE
    args = dict(MOVE_ARGS.get(to, {}))
    if to == "scheduled":
        args["assigned_staff_id"] = staff_id
    owner = support.TRANSITIONS.get((frm, to))
    history = _transitions(db, request_id)
    if owner == role:
        write(db, support.move, actor, request_id, to, **args)
        assert _status(db, request_id) == to
        assert _transitions(db, request_id) == [*history, (frm, to, role)]
        with db.read() as s:
            request = s.get(SupportRequest, request_id)
            assert request is not None
            assert to not in support.allowed_moves(request, role)
        return
    expected = PermissionDenied if owner is not None else RuleError
    err = make_refuse(db)(expected, support.move, actor, request_id, to, **args)
    assert _status(db, request_id) == frm
    assert _transitions(db, request_id) == history
    if owner is not None:  # names who may
        other = "Trung tâm Y tế" if owner == "centre" else "Trạm Y tế"
        assert other in err.vi and ("centre" if owner == "centre" else "station") in err.en
    else:  # says what is possible
        with db.read() as s:
            request = s.get(SupportRequest, request_id)
            assert request is not None
            possible = support.allowed_moves(request, role)
        for target in possible:
            assert support.label("request_status", target) in err.vi


def test_allowed_moves_per_role() -> None:
    def moves(status: str, role: str) -> list[str]:
        return support.allowed_moves(SupportRequest(status=status), role)

    assert moves("draft", "station") == ["submitted", "cancelled"]
    assert moves("draft", "centre") == []
    assert moves("submitted", "station") == ["cancelled"]
    assert moves("submitted", "centre") == ["accepted", "rejected"]
    assert moves("accepted", "centre") == ["rejected", "scheduled"]
    assert moves("accepted", "station") == ["cancelled"]
    assert moves("scheduled", "station") == [] and moves("scheduled", "centre") == ["in_progress"]
    assert moves("in_progress", "centre") == ["done"]
    assert moves("done", "station") == ["rated"] and moves("done", "centre") == []
    assert moves("rated", "centre") == [] and moves("rejected", "station") == []


def test_numbering_per_station_and_year(station_db: Database, station_actor: Actor) -> None:
    first = write(station_db, lambda s: support.create_request(s, station_actor, kind="hội chẩn",
                                                               title="Hội chẩn ca sốt kéo dài").number)
    second = write(station_db, lambda s: support.create_request(s, station_actor, kind="other", title="B").number)
    year = dt.datetime.now(dt.UTC).year
    assert (first, second) == (f"YC-{year}-0001", f"YC-{year}-0002")
    other_station = write(station_db, lambda s: stations.create_station(s, code="TYT-TG", name="Thuận Giao").id)
    other = Actor("Lê Văn Tám", "station", other_station)
    assert write(station_db, lambda s: support.create_request(s, other, kind="other", title="C").number) == \
        f"YC-{year}-0001"


def test_create_request_stores_and_normalises(station_db: Database, station_actor: Actor) -> None:
    def build(s):  # type: ignore[no-untyped-def]
        r = support.create_request(
            s, station_actor, kind="consultation", title="  Hội chẩn viêm phổi trẻ em ", urgency="Khẩn",
            wanted_from="05/03/2026", wanted_to=dt.date(2026, 3, 7), patient_ref="BN-0042", icd10="j189",
            attachments=["C:\\Users\\tram\\x-quang.jpg", "/home/a/kq-xet-nghiem.pdf"])
        return (r.status, r.title, r.urgency, r.wanted_from, r.icd10, support.attachment_names(r), r.station_id,
                r.created_by)

    status, title, urgency, wanted_from, icd10, files, station_id, by = write(station_db, build)
    assert (status, title, urgency, icd10) == ("draft", "Hội chẩn viêm phổi trẻ em", "urgent", "J18.9")
    assert wanted_from == dt.date(2026, 3, 5)
    assert files == ["x-quang.jpg", "kq-xet-nghiem.pdf"]
    assert station_id == station_db.station_id and by == "Nguyễn Thị Lan"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"title": "  "}, "title"),
    ({"kind": "gossip"}, "kind"),
    ({"urgency": "asap"}, "urgency"),
    ({"icd10": "pneumonia"}, "icd10"),
    ({"icd10": "123"}, "icd10"),
    ({"wanted_from": "2026-03-10", "wanted_to": "2026-03-01"}, "wanted_to"),
    ({"wanted_from": "31/02/2026"}, "wanted_from"),
])
def test_create_request_refusals(station_actor: Actor, refuse: Refuse, kwargs: dict[str, Any], field: str) -> None:
    args = {"kind": "consultation", "title": "Hội chẩn", **kwargs}
    assert refuse(ValidationError, support.create_request, station_actor, **args).field == field


def test_centre_cannot_create_requests(refuse: Refuse, centre_actor: Actor) -> None:
    refuse(PermissionDenied, support.create_request, centre_actor, kind="other", title="X")


def test_update_only_while_draft(station_db: Database, station_actor: Actor, centre_actor: Actor,
                                 refuse: Refuse) -> None:
    rid = new_request(station_db, station_actor)
    write(station_db, support.update_request, station_actor, rid, title="Tiêu đề mới", icd10="A09", urgency="urgent")
    refuse(ValidationError, support.update_request, station_actor, rid, wanted_from="2026-05-02",
           wanted_to="2026-05-01")
    refuse(ValidationError, support.update_request, station_actor, rid, outcome="x")
    refuse(PermissionDenied, support.update_request, centre_actor, rid, title="Y")
    write(station_db, support.move, station_actor, rid, "submitted")
    err = refuse(RuleError, support.update_request, station_actor, rid, title="Z")
    assert "bản nháp" in err.vi
    with station_db.read() as s:
        r = s.get(SupportRequest, rid)
        assert r is not None and (r.title, r.icd10, r.urgency) == ("Tiêu đề mới", "A09", "urgent")


def test_move_refusals(station_db: Database, station_actor: Actor, centre_actor: Actor, refuse: Refuse) -> None:
    staff_id = write(station_db, lambda s: stations.add_staff(s, centre_actor, full_name="BS. Bảy",
                                                              title="doctor").id)
    rid = new_request(station_db, station_actor)
    refuse(NotFoundError, support.move, station_actor, "no-such-id", "submitted")
    refuse(PermissionDenied, support.move, Actor("X", "station", "another"), rid, "submitted")
    refuse(ValidationError, support.move, station_actor, rid, "finished")
    write(station_db, support.move, station_actor, rid, "submitted", note="Gửi Trung tâm")
    assert refuse(ValidationError, support.move, centre_actor, rid, "rejected").field == "reason"
    refuse(ValidationError, support.move, centre_actor, rid, "accepted", rating=3)
    write(station_db, support.move, centre_actor, rid, "accepted")
    assert refuse(ValidationError, support.move, centre_actor, rid, "scheduled",
                  scheduled_from="2026-03-02").field == "assigned_staff_id"
    assert refuse(ValidationError, support.move, centre_actor, rid, "scheduled",
                  assigned_staff_id=staff_id).field == "scheduled_from"
    assert refuse(ValidationError, support.move, centre_actor, rid, "scheduled", assigned_staff_id=staff_id,
                  scheduled_from="2026-03-05", scheduled_to="2026-03-01").field == "scheduled_to"
    refuse(NotFoundError, support.move, centre_actor, rid, "scheduled", assigned_staff_id="ghost",
           scheduled_from="2026-03-05")
    write(station_db, support.move, centre_actor, rid, "scheduled", assigned_staff_id=staff_id,
          scheduled_from="2026-03-05")
    err = refuse(RuleError, support.move, station_actor, rid, "cancelled")
    assert "Đã lên lịch" in err.vi
    write(station_db, support.move, centre_actor, rid, "in_progress")
    assert refuse(ValidationError, support.move, centre_actor, rid, "done", outcome=" ").field == "outcome"
    write(station_db, support.move, centre_actor, rid, "done", outcome="Đã chuyển giao kỹ thuật")
    for bad in (0, 6, "năm", None):
        assert refuse(ValidationError, support.rate, station_actor, rid, rating=bad).field == "rating"  # type: ignore[arg-type]
    refuse(PermissionDenied, support.rate, centre_actor, rid, rating=4)
    write(station_db, support.rate, station_actor, rid, rating=4, feedback="Bác sĩ nhiệt tình")
    with station_db.read() as s:
        r = s.get(SupportRequest, rid)
        assert r is not None
        assert (r.status, r.rating, r.feedback, r.scheduled_to) == ("rated", 4, "Bác sĩ nhiệt tình",
                                                                    dt.date(2026, 3, 5))


def test_reject_keeps_the_reason(station_db: Database, station_actor: Actor, centre_actor: Actor) -> None:
    rid = new_request(station_db, station_actor)
    write(station_db, support.move, station_actor, rid, "submitted")
    write(station_db, support.move, centre_actor, rid, "rejected", note="Đề nghị chuyển lên tuyến tỉnh")
    with station_db.read() as s:
        r = s.get(SupportRequest, rid)
        assert r is not None and r.reject_reason == "Đề nghị chuyển lên tuyến tỉnh"


def test_comments_and_timeline(station_db: Database, station_actor: Actor, centre_actor: Actor,
                               refuse: Refuse) -> None:
    rid = new_request(station_db, station_actor)
    write(station_db, support.add_comment, station_actor, rid, "Xin hỗ trợ sớm")
    write(station_db, support.move, station_actor, rid, "submitted", note="Gửi")
    write(station_db, support.add_comment, centre_actor, rid, "Đã nhận, sẽ phản hồi")
    write(station_db, support.move, centre_actor, rid, "accepted")
    refuse(ValidationError, support.add_comment, station_actor, rid, "   ")
    refuse(PermissionDenied, support.add_comment, Actor("X", "station", "another"), rid, "hi")
    refuse(NotFoundError, support.timeline, "missing")
    with station_db.read() as s:
        entries = support.timeline(s, rid)
    assert [(e.kind, e.role, e.text, e.to_status) for e in entries] == [
        ("comment", "station", "Xin hỗ trợ sớm", None),
        ("transition", "station", "Gửi", "submitted"),
        ("comment", "centre", "Đã nhận, sẽ phản hồi", None),
        ("transition", "centre", None, "accepted"),
    ]
    assert entries[1].actor == "Nguyễn Thị Lan" and entries[3].actor == "Trần Văn Hùng"


def test_list_requests_filters(station_db: Database, station_actor: Actor) -> None:
    a = new_request(station_db, station_actor, kind="consultation")
    b = new_request(station_db, station_actor, kind="training_need")
    write(station_db, support.move, station_actor, b, "submitted")
    with station_db.read() as s:
        assert [r.id for r in support.list_requests(s)] == [a, b]
        assert [r.id for r in support.list_requests(s, status="submitted")] == [b]
        assert [r.id for r in support.list_requests(s, kind="Hội chẩn")] == [a]
        assert [r.id for r in support.list_requests(s, station_id="another")] == []
        mine = support.list_requests(s, station_id=station_db.station_id, status="draft", kind="consultation")
        assert [r.id for r in mine] == [a]


def test_every_write_is_captured(station_db: Database, station_actor: Actor) -> None:
    before = outbox_count(station_db)
    rid = new_request(station_db, station_actor)
    write(station_db, support.move, station_actor, rid, "submitted")
    # insert request; update request + insert transition
    assert outbox_count(station_db) == before + 3
    with station_db.read() as s:
        assert s.scalar(select(func.count()).select_from(RequestTransition)) == 1
