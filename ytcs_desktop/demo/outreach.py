"""A month of two-way rotation, techniques and village health workers.

Centre-owned records cover all five stations (the centre's visits to each station, the transfers it
plans and moves on); what only a station's own PC may write (its case lists, the techniques it already
performs, its village health workers and their attendance, its staff's scope of practice) is the demo
station's own here, as in referrals.py; the four neighbours write theirs in siblings.py. Staff of the
stations also go to the centre for hands-on training."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import World, workdays
from ytcs_desktop.domain import rotations, stations, techniques, training, village_workers, visit_cases
from ytcs_desktop.domain.errors import DomainError

SCOPES = {"doctor": "general,internal,paediatrics", "assistant_doctor": "general,traditional",
          "nurse": "nursing", "midwife": "midwifery,obstetrics", "pharmacist": "pharmacy",
          "technician": "laboratory", "public_health": "preventive"}
OWN_TECHNIQUES = [("Tiêm bắp, tiêm tĩnh mạch", "nursing"), ("Đo đường huyết mao mạch", "nursing"),
                  ("Khám thai định kỳ", "midwifery"), ("Sơ cứu, băng bó vết thương", "nursing"),
                  ("Châm cứu điều trị đau lưng", "traditional")]
# name, specialty, the department that transfers it
TRANSFERS = [("Khâu vết thương phần mềm", "surgery", "KB"), ("Đo và đọc điện tim cơ bản", "internal", "NOI"),
             ("Đặt và tháo dụng cụ tử cung", "obstetrics", "SAN"),
             ("Khí dung điều trị hen, viêm tiểu phế quản ở trẻ", "paediatrics", "KB"),
             ("Test nhanh sốt xuất huyết và xử trí ban đầu", "internal", "KSBT")]
# (purpose, area) of a centre visit, by the visiting department
VISITS = {"KB": ("Khám bệnh, chuyển giao kỹ thuật khâu vết thương tại trạm", "general"),
          "NOI": ("Khám, quản lý tăng huyết áp, đái tháo đường; hướng dẫn đọc điện tim", "internal"),
          "SAN": ("Khám thai, hướng dẫn đặt dụng cụ tử cung", "obstetrics")}
CASES = [("case", "BN-{n}", "I10", "Tăng huyết áp chưa kiểm soát dù dùng 2 thuốc"),
         ("case", "BN-{n}", "E11.9", "Đái tháo đường týp 2, đường huyết đói 10–12 mmol/l"),
         ("case", "BN-{n}", "J45.9", "Trẻ 6 tuổi hen phế quản tái phát"),
         ("need", None, None, "Hướng dẫn đọc điện tim 12 chuyển đạo"),
         ("need", None, None, "Cập nhật phác đồ xử trí phản vệ")]
HAMLETS = ["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 5", "Khu phố 6"]
HANDS_ON = {"nurse": "Cầm tay chỉ việc: chăm sóc vết thương, thay băng tại Khoa Khám bệnh",
            "midwife": "Cầm tay chỉ việc: theo dõi chuyển dạ và chăm sóc sau sinh"}
HANDS_ON_OTHERS = "Cầm tay chỉ việc: cấp cứu ban đầu và xử trí phản vệ"


def _setup(s: Session, world: World, first: dt.date) -> None:
    """Scopes of practice, the station's techniques and register, the centre's planned transfers."""
    world.clock.set(first, 8, 0)
    head = world.as_person(world.station, world.staff[0][1])
    for staff_id, _name, title in world.staff:
        stations.update_staff(s, head, staff_id, scope_of_practice=SCOPES.get(title))
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    for staff_id, _name, title, _dept in world.centre_staff:
        stations.update_staff(s, planner, staff_id, scope_of_practice=SCOPES.get(title))
    for name, area in OWN_TECHNIQUES:
        techniques.add_technique(s, head, name=name, specialty=area, performing=True, on=first)
        world.tally("techniques")
    for n, person in enumerate(world.village_workers):
        village_workers.add_worker(s, head, full_name=person, hamlet=HAMLETS[n % len(HAMLETS)],
                                   phone=f"09{world.rng.randrange(10_000_000, 99_999_999)}",
                                   birth_year=world.rng.randint(1965, 1992),
                                   since=dt.date(world.rng.randint(2008, 2020), world.rng.randint(1, 12), 1))
        world.tally("village_workers")
    for k, (code, station_id) in enumerate(sorted(world.stations.items())):
        for name, area, dept in (TRANSFERS[k % len(TRANSFERS)], TRANSFERS[(k + 2) % len(TRANSFERS)]):
            techniques.add_technique(s, planner, station_id=station_id, name=name, specialty=area,
                                     department_id=world.departments.get(dept), on=first,
                                     target_date=first + dt.timedelta(days=270),
                                     note=f"Chuyển giao theo kế hoạch hỗ trợ chuyên môn cho trạm {code}")
            world.tally("techniques")


def _centre_visit(s: Session, world: World, first: dt.date, last: dt.date, code: str) -> None:
    """A centre doctor's visit to one station; at the demo station, its case list first."""
    dept = world.rng.choice(sorted(VISITS))
    who = [c for c in world.centre_staff if c[3] == dept] or world.centre_staff
    person = world.rng.choice(who)
    purpose, area = VISITS[dept]
    days = workdays(first, last)
    start = world.rng.choice(days[3:-4] or days)
    end = start + dt.timedelta(days=1)
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    station_id = world.stations[code]
    world.clock.set(first, 9, 30)
    try:
        visit = rotations.plan_visit(s, planner, staff_id=person[0], station_id=station_id, date_from=start,
                                     date_to=end, purpose=purpose, scope_area=area)
    except DomainError:  # that person is away then: the schedule stays as it is
        return
    world.tally("rotation_visits")
    if station_id == world.station_id:
        nurse = world.as_person(world.station, world.staff_name())
        world.clock.set(max(first, start - dt.timedelta(days=3)), 10, 0)
        for kind, ref, icd, text in world.rng.sample(CASES, 3):
            visit_cases.add_case(s, nurse, visit_id=visit.id, kind=kind, description=text, icd10=icd,
                                 patient_ref=ref.format(n=world.rng.randrange(10_000, 99_999)) if ref else None)
            world.tally("visit_cases")
    if end > world.end:
        return
    world.clock.set(end, 16, 30)
    if station_id == world.station_id:
        for case in visit_cases.list_cases(s, visit.id):
            visit_cases.record_case_outcome(s, planner, case.id, outcome="Đã khám, hướng dẫn phác đồ điều trị tại trạm")
    rotations.record_visit_outcome(s, planner, visit.id, patients_seen=world.rng.randint(20, 60),
                                   techniques=purpose.split(", ", 1)[-1], today=end)
    _move_on(s, world, station_id, end, visit_id=visit.id)


def _move_on(s: Session, world: World, station_id: str, day: dt.date, *, visit_id: str) -> None:
    """The visit moves one of the station's trained transfers a stage on (training moves them to trained)."""
    officer = world.as_person(world.centre, world.centre_staff[0][1])
    for view in techniques.technique_views(s, station_id):
        nxt = view.next_stage
        if nxt is None or nxt == "trained":
            continue
        if view.reached and max(view.reached.values()) > day:
            continue
        techniques.advance(s, officer, view.technique.id, to_status=nxt, on=day, visit_id=visit_id, today=day)
        world.tally("technique_steps")
        return


def to_centre(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    """A staff member of the acting station spends a week at a centre department, hands-on."""
    staff_id, _name, title = world.staff[(index // 3) % len(world.staff)]
    dept = "SAN" if title == "midwife" else "KB"
    area = "midwifery" if title == "midwife" else "nursing" if title == "nurse" else "general"
    days = workdays(first, last)
    start = days[min(len(days) - 1, 10)]
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    world.clock.set(first, 9, 45)
    try:
        visit = rotations.plan_visit(s, planner, staff_id=staff_id, direction="to_centre",
                                     department_id=world.departments[dept], date_from=start,
                                     date_to=start + dt.timedelta(days=4), purpose=HANDS_ON.get(title, HANDS_ON_OTHERS),
                                     scope_area=area)
    except DomainError:
        return
    world.tally("rotation_visits_to_centre")
    if start + dt.timedelta(days=4) <= world.end:
        world.clock.set(start + dt.timedelta(days=4), 16, 0)
        rotations.record_visit_outcome(s, planner, visit.id, patients_seen=0, today=start + dt.timedelta(days=4),
                                       notes="Hoàn thành thực hành có hướng dẫn tại khoa")


def _village_workers_trained(s: Session, world: World, first: dt.date, last: dt.date) -> None:
    """Sessions held this month: all the village health workers attend the station's own, two in turn
    the centre's (the station records them)."""
    nurse = world.as_person(world.station, world.staff[0][1])
    workers = village_workers.list_workers(s, world.station_id)
    for session in training.list_sessions(s, world.station_id, first, last, status="held"):
        if session.date_from < first:
            continue
        if session.station_id is None:
            start = (first.month * 2) % len(workers) if workers else 0
            chosen = (workers + workers)[start:start + 2]
        else:
            chosen = workers
        for w in chosen:
            training.record_attendance(s, nurse, session_id=session.id, village_worker_id=w.id, result="attended")
            world.tally("attendance")


def _transfer_training(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    """Every other month the centre trains one technique it plans to transfer, hands-on, for every
    station that has it planned: the session moves each of them to "trained"."""
    if index % 2:
        return
    planned = [v for v in techniques.technique_views(s) if v.technique.status == "planned"]
    if not planned:
        return
    name = planned[0].technique.name
    days = workdays(first, last)
    day = days[min(len(days) - 1, 6)]
    if day > world.end:
        return
    officer = world.as_person(world.centre, world.centre_staff[0][1])
    world.clock.set(first, 10, 30)
    session = training.create_session(
        s, officer, organiser="Trung tâm Y tế khu vực Thuận An", topic=f"Đào tạo chuyển giao kỹ thuật: {name}",
        programme="other", date_from=day, date_to=day, periods=8, format="in_person",
        place="Khoa Khám bệnh, Trung tâm Y tế khu vực Thuận An", audience="Bác sĩ, điều dưỡng các trạm y tế",
        trainers=world.rng.choice([c[1] for c in world.centre_staff if c[2] == "doctor"] or [officer.name]))
    world.clock.set(day, 17, 0)
    training.mark_held(s, officer, session.id, today=day)
    world.tally("transfer_trainings")
    for view in planned:
        if view.technique.name == name:
            techniques.advance(s, officer, view.technique.id, to_status="trained", on=day, training_id=session.id,
                               today=day)
            world.tally("technique_steps")


def month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    if index == 0:
        _setup(s, world, first)
    codes = sorted(world.stations)
    for n in range(2):
        _centre_visit(s, world, first, last, codes[(2 * index + n) % len(codes)])
    if index % 3 == 1:
        to_centre(s, world, first, last, index)
    _transfer_training(s, world, first, last, index)
    _village_workers_trained(s, world, first, last)
