"""Techniques a station performs and their transfer stages: births, the one-step-forward machine owned by
the centre, each step linked to a held training or a done visit, dates in order, figures by stage."""

from __future__ import annotations

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import rotations, stations, techniques, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database


@pytest.fixture
def links(station_db: Database, centre_actor: Actor) -> dict[str, str]:
    def make(s: object) -> dict[str, str]:
        held = training.create_session(s, centre_actor, organiser="TTYT", topic="Khâu vết thương phần mềm",
                                       programme="other", date_from="2026-02-02", date_to="2026-02-03", periods=8)
        training.mark_held(s, centre_actor, held.id, today="2026-02-03")
        planned = training.create_session(s, centre_actor, organiser="TTYT", topic="Đặt vòng", programme="other",
                                          date_from="2026-09-02", date_to="2026-09-03", periods=8)
        doctor = stations.add_staff(s, centre_actor, full_name="Trần Bình", title="doctor")
        visit = rotations.plan_visit(s, centre_actor, staff_id=doctor.id, station_id=station_db.station_id,
                                     date_from="2026-03-02", date_to="2026-03-04", purpose="Kèm cặp khâu vết thương")
        rotations.record_visit_outcome(s, centre_actor, visit.id, patients_seen=12, today="2026-03-04")
        return {"held": held.id, "planned": planned.id, "visit": visit.id, "doctor": doctor.id}

    return dict(write(station_db, make))


def test_transfer_walks_the_stages(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                   links: dict[str, str], refuse: Refuse) -> None:
    tech = write(station_db, lambda s: techniques.add_technique(
        s, centre_actor, station_id=station_db.station_id, name="Khâu vết thương phần mềm", specialty="surgery",
        target_date="2026-06-30", on="2026-01-10").id)
    write(station_db, techniques.advance, centre_actor, tech, to_status="trained", on="2026-02-03",
          training_id=links["held"], today="2026-07-01")
    refuse(PermissionDenied, techniques.advance, station_actor, tech, to_status="supervised", on="2026-03-04",
           visit_id=links["visit"], today="2026-07-01")
    err = refuse(RuleError, techniques.advance, centre_actor, tech, to_status="independent", on="2026-03-04",
                 visit_id=links["visit"], today="2026-07-01")
    assert err.field == "to_status" and "Thực hành có giám sát" in err.vi
    write(station_db, techniques.advance, centre_actor, tech, to_status="thực hành có giám sát", on="2026-03-04",
          visit_id=links["visit"], note="Trạm tự khâu 5 ca có giám sát", today="2026-07-01")
    write(station_db, techniques.advance, centre_actor, tech, to_status="independent", on="2026-04-20",
          visit_id=links["visit"], today="2026-07-01")
    with station_db.read() as s:
        assert [(st.from_status, st.to_status) for st in techniques.steps(s, tech)] == [
            (None, "planned"), ("planned", "trained"), ("trained", "supervised"), ("supervised", "independent")]
        view = techniques.technique_views(s)[0]
        assert list(view.reached) == ["planned", "trained", "supervised", "independent"]
        assert view.sources[0] == "Tập huấn: Khâu vết thương phần mềm"
        q1 = techniques.transfers_by_stage(s, "2026-01-01", "2026-03-31")
        assert [(c.stage, c.reached, c.at_end) for c in q1] == [("trained", 1, 0), ("supervised", 1, 1)]
        q2 = techniques.transfers_by_stage(s, "2026-04-01", "2026-06-30", station_id=station_db.station_id)
        assert [(c.stage, c.reached, c.at_end) for c in q2] == [("independent", 1, 1)]
    err = refuse(RuleError, techniques.advance, centre_actor, tech, to_status="independent", visit_id=links["visit"])
    assert "giai đoạn cuối" in err.vi


def test_step_needs_a_real_link_and_a_sound_date(station_db: Database, centre_actor: Actor, links: dict[str, str],
                                                 refuse: Refuse) -> None:
    tech = write(station_db, lambda s: techniques.add_technique(
        s, centre_actor, station_id=station_db.station_id, name="Đặt vòng tránh thai", specialty="obstetrics",
        on="2026-01-10").id)
    args = {"to_status": "trained", "today": "2026-07-01"}
    assert refuse(ValidationError, techniques.advance, centre_actor, tech, on="2026-02-03",
                  **args).field == "training_id"
    assert refuse(RuleError, techniques.advance, centre_actor, tech, on="2026-06-03", training_id=links["planned"],
                  **args).field == "training_id"
    assert refuse(RuleError, techniques.advance, centre_actor, tech, on="2026-02-01", training_id=links["held"],
                  **args).field == "on"
    assert refuse(ValidationError, techniques.advance, centre_actor, tech, on="2026-01-09",
                  visit_id=links["visit"], **args).field == "on"
    assert refuse(ValidationError, techniques.advance, centre_actor, tech, on="2026-08-01",
                  visit_id=links["visit"], **args).field == "on"
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-X", name="Trạm X").id)
    foreign = write(station_db, lambda s: rotations.plan_visit(
        s, centre_actor, staff_id=links["doctor"], station_id=other, date_from="2026-03-09", date_to="2026-03-10",
        purpose="Luân phiên").id)
    assert refuse(RuleError, techniques.advance, centre_actor, tech, on="2026-03-20", visit_id=foreign,
                  **args).field == "visit_id"


def test_station_list_births_and_duplicates(station_db: Database, station_actor: Actor, centre_actor: Actor,
                                            refuse: Refuse) -> None:
    own = write(station_db, lambda s: techniques.add_technique(
        s, station_actor, name="Tiêm bắp", specialty="nursing", performing=True).id)
    wish = write(station_db, lambda s: techniques.add_technique(
        s, station_actor, name="Đo điện tim", specialty="internal", note="Trạm đã có máy điện tim").id)
    with station_db.read() as s:
        rows = {t.id: t for t in techniques.list_techniques(s, station_db.station_id)}
        assert (rows[own].status, rows[wish].status, rows[wish].station_note) == (
            "independent", "planned", "Trạm đã có máy điện tim")
        assert [t.id for t in techniques.list_techniques(s, status="independent")] == [own]
    err = refuse(RuleError, techniques.add_technique, station_actor, name="  tiêm  BẮP ", specialty="nursing")
    assert err.field == "name" and "Thực hiện độc lập" in err.vi
    assert refuse(ValidationError, techniques.add_technique, station_actor, name="",
                  specialty="nursing").field == "name"
    assert refuse(ValidationError, techniques.add_technique, station_actor, name="X",
                  specialty="phép thuật").field == "specialty"
    assert refuse(PermissionDenied, techniques.add_technique, station_actor, name="X", specialty="nursing",
                  target_date="2026-05-01").field == "department_id"
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-Y", name="Trạm Y").id)
    refuse(PermissionDenied, techniques.add_technique, station_actor, station_id=other, name="X", specialty="nursing")


def test_server_imports_the_machine() -> None:
    from ytcs_desktop.sync.server import permissions

    assert permissions.STATUS_MACHINES["station_techniques"] is techniques.TRANSITIONS
    assert permissions.BIRTH_STATUSES["station_techniques"] is techniques.BIRTHS
