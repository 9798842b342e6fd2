"""Supervision visits: the seeded checklist, scores per area, findings with corrective actions that
the station reports on and the centre closes on evidence; the counts the quarterly report uses."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import integrity, supervision
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import SupervisionFinding

TODAY = dt.date(2026, 6, 15)


def visit(db: Database, actor: Actor, areas: list[str] | None = None, **kw: object) -> str:
    with db.read() as s:
        items = supervision.checklist(s, areas or ["hand_hygiene", "medical_waste"])
        scores = {i.id: n % 3 for n, i in enumerate(items)}
    values: dict[str, object] = {"station_id": str(db.station_id), "visit_date": "2026-06-12",
                                 "areas": areas or ["hand_hygiene", "medical_waste"],
                                 "team": "ĐD. Phạm Thu Trang, Phòng Điều dưỡng", "scores": scores, "today": TODAY}
    values.update(kw)
    return str(write(db, lambda s: supervision.record_visit(s, actor, **values).id))  # type: ignore[arg-type]


def finding(db: Database, actor: Actor, visit_id: str, due: str = "2026-06-30") -> str:
    return str(write(db, lambda s: supervision.add_finding(
        s, actor, visit_id, area="medical_waste", finding="Hộp đựng vật sắc nhọn đầy quá 3/4",
        action="Thay hộp mới, tập huấn lại cách phân loại", owner="ĐD. Lê Thị Mai", due_date=due).id))


def test_the_checklist_is_seeded_for_every_area(station_db: Database) -> None:
    with station_db.read() as s:
        items = supervision.checklist(s)
    assert {i.area for i in items} == set(supervision.AREAS)
    assert all(not i.text.isascii() and i.max_score == 2 for i in items)
    assert len(items) >= 4 * len(supervision.AREAS)


def test_a_new_database_with_the_seeded_checklist_checks_clean(station_db: Database, centre_actor: Actor) -> None:
    """The seeded rows carry a clock stamp (`ytcs check` asks every row for one), and a visit adds no
    finding to the check either."""
    visit(station_db, centre_actor)
    with station_db.read() as s:
        assert integrity.check_database(s) == []


def test_a_visit_scores_each_area(station_db: Database, centre_actor: Actor) -> None:
    vid = visit(station_db, centre_actor)
    with station_db.read() as s:
        scores = {a.area: a for a in supervision.area_scores(s, vid)}
        listed = supervision.visit_scores(s, vid)
        (v,) = supervision.list_visits(s, station_db.station_id)
    assert v.number == "GS-2026-0001" and v.station_id == station_db.station_id
    assert set(scores) == {"hand_hygiene", "medical_waste"}
    hand = scores["hand_hygiene"]
    assert (hand.points, hand.max_points, hand.scored) == (0 + 1 + 2 + 0, 8, 4) and hand.percent == 37.5
    assert len(listed) == 8


@pytest.mark.parametrize(("field", "values"), [
    ("areas", {"areas": []}),
    ("areas", {"areas": ["kitchen"]}),
    ("team", {"team": " "}),
    ("visit_date", {"visit_date": "2026-06-20"}),
])
def test_bad_visits_are_refused(station_db: Database, centre_actor: Actor, refuse: Refuse, field: str,
                                values: dict[str, object]) -> None:
    given: dict[str, object] = {"station_id": str(station_db.station_id), "visit_date": "2026-06-12",
                                "areas": ["hand_hygiene"], "team": "Đoàn giám sát", "today": TODAY, **values}
    assert refuse(ValidationError, supervision.record_visit, centre_actor, **given).field == field


def test_a_score_outside_the_scale_is_refused(station_db: Database, centre_actor: Actor, refuse: Refuse) -> None:
    with station_db.read() as s:
        item = supervision.checklist(s, ["drug_storage"])[0]
    err = refuse(ValidationError, supervision.record_visit, centre_actor, station_id=str(station_db.station_id),
                 visit_date="2026-06-12", areas=["drug_storage"], team="Đoàn", scores={item.id: 5}, today=TODAY)
    assert err.field == "scores" and item.text in err.vi


def test_only_the_centre_supervises(station_db: Database, station_actor: Actor, refuse: Refuse) -> None:
    refuse(PermissionDenied, supervision.record_visit, station_actor, station_id=str(station_db.station_id),
           visit_date="2026-06-12", areas=["hand_hygiene"], team="Tự kiểm tra", today=TODAY)


def test_an_action_followed_until_closed_on_evidence(station_db: Database, station_actor: Actor,
                                                     centre_actor: Actor, refuse: Refuse) -> None:
    vid = visit(station_db, centre_actor)
    fid = finding(station_db, centre_actor, vid)
    assert refuse(ValidationError, supervision.add_finding, centre_actor, vid, area="medical_waste", finding="x",
                  action="y", owner="z", due_date="2026-06-01").field == "due_date"
    with station_db.read() as s:
        (open_one,) = supervision.open_actions(s, station_db.station_id, today=dt.date(2026, 7, 1))
        assert open_one.overdue and open_one.status == "open"
    refuse(PermissionDenied, supervision.close_action, station_actor, fid, evidence_note="Đã thay hộp")
    assert refuse(ValidationError, supervision.record_progress, station_actor, fid, note="").field == "progress_note"
    write(station_db, lambda s: supervision.record_progress(s, station_actor, fid, note="Đã thay hộp, chờ tập huấn"))
    err = refuse(ValidationError, supervision.close_action, centre_actor, fid, evidence_note=" ", today=TODAY)
    assert err.field == "evidence_note" and "minh chứng" in err.vi
    write(station_db, lambda s: supervision.close_action(s, centre_actor, fid, today=TODAY,
                                                         evidence_note="Kiểm tra ảnh chụp hộp mới và biên bản"))
    with station_db.read() as s:
        row = s.get(SupervisionFinding, fid)
        assert row is not None and row.status == "closed" and row.progress_by == "Nguyễn Thị Lan"
        assert supervision.open_actions(s, station_db.station_id) == []
    refuse(RuleError, supervision.record_progress, station_actor, fid, note="Thêm")


def test_finding_counts_per_period(station_db: Database, centre_actor: Actor) -> None:
    first = visit(station_db, centre_actor, visit_date="2026-03-10")
    second = visit(station_db, centre_actor, visit_date="2026-05-20")
    a, b = finding(station_db, centre_actor, first, "2026-04-10"), finding(station_db, centre_actor, second)
    finding(station_db, centre_actor, second, "2026-06-10")
    write(station_db, lambda s: supervision.close_action(s, centre_actor, a, evidence_note="Đã kiểm tra",
                                                         closed_on="2026-04-05", today=TODAY))
    write(station_db, lambda s: supervision.close_action(s, centre_actor, b, evidence_note="Đã kiểm tra",
                                                         closed_on="2026-06-14", today=TODAY))
    with station_db.read() as s:
        (q2,) = supervision.finding_counts(s, "2026-04-01", "2026-06-30")
        (q1,) = supervision.finding_counts(s, "2026-01-01", "2026-03-31")
    assert (q2.visits, q2.opened, q2.closed, q2.open_at_end, q2.overdue_at_end) == (1, 2, 2, 1, 1)
    assert (q1.visits, q1.opened, q1.closed, q1.open_at_end, q1.overdue_at_end) == (1, 1, 0, 1, 0)
