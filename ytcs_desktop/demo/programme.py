"""The demo's support programme: for every year the demo covers, a plan for each of the five stations
(objectives, activities with quarterly targets and costs, indicators), the training plan (Phụ lục II) and
the documents rolled out (Phụ lục I); each month a consultation for the home station with its open
consultation requests on the agenda and an online one open to every station, conclusions, the station's
ratings of what it received; and the next weeks' sessions, so the overview has something coming."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import World, workdays
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.store.models import ConsultationSession, RotationVisit, SupportRequest, TrainingSession

OBJECTIVES = ("Nâng cao năng lực khám chữa bệnh ban đầu và quản lý bệnh không lây nhiễm tại trạm\n"
              "Giảm chuyển tuyến không cần thiết nhờ hội chẩn và tư vấn từ xa\n"
              "Chuẩn hóa thực hành điều dưỡng, kiểm soát nhiễm khuẩn và quản lý chất thải y tế")
# kind, content, department code, targets per quarter, travel, per diem, materials (VND)
ACTIVITIES = [
    ("rotation", "Bác sĩ Trung tâm luân phiên khám chữa bệnh tại trạm", "KB", (2, 2, 2, 2), 1_200_000, 2_400_000, 0),
    ("consultation", "Hội chẩn ca bệnh khó với các khoa lâm sàng", "NOI", (3, 3, 3, 3), 0, 0, 0),
    ("teleconsultation", "Tư vấn khám chữa bệnh từ xa qua điện thoại, phần mềm", "KB", (2, 2, 2, 2), 0, 0, 300_000),
    ("technique_transfer", "Chuyển giao kỹ thuật đo điện tim, xét nghiệm đường huyết mao mạch", "NOI", (0, 1, 1, 0),
     600_000, 1_200_000, 2_500_000),
    ("training", "Tập huấn cập nhật phác đồ, tiêm chủng an toàn", "KSBT", (3, 3, 3, 3), 400_000, 800_000, 1_500_000),
    ("supervision", "Giám sát thực hành điều dưỡng, vệ sinh tay, chất thải y tế", "DD", (1, 0, 1, 0), 300_000,
     600_000, 0),
]
INDICATORS = [
    ("Tỷ lệ tuân thủ vệ sinh tay", "Quan sát 20 cơ hội vệ sinh tay mỗi quý theo bảng kiểm của Bộ Y tế", "≥ 80%"),
    ("Tỷ lệ người bệnh tăng huyết áp được quản lý đạt huyết áp mục tiêu",
     "Rà soát sổ quản lý bệnh không lây nhiễm cuối mỗi quý", "≥ 60%"),
    ("Tỷ lệ chuyển tuyến được đánh giá là cần thiết", "Đối chiếu phản hồi của Trung tâm về các ca chuyển tuyến",
     "≥ 90%"),
]
# department, content, quarter, format, audience, head count
TRAINING_PLAN = [
    ("DD", "Thực hành vệ sinh tay thường quy và kiểm soát nhiễm khuẩn", 1, "hands_on", "Điều dưỡng, hộ sinh trạm", 25),
    ("KSBT", "Cập nhật hướng dẫn tiêm chủng mở rộng và xử trí phản ứng sau tiêm", 1, "in_person",
     "Nhân viên tiêm chủng các trạm", 30),
    ("NOI", "Quản lý tăng huyết áp, đái tháo đường tại tuyến cơ sở", 2, "online", "Bác sĩ, y sĩ trạm", 20),
    ("SAN", "Chăm sóc thai nghén và phát hiện sớm dấu hiệu nguy hiểm", 2, "hands_on", "Hộ sinh trạm", 10),
    ("DUOC", "Quản lý thuốc gây nghiện, hướng thần và tiền chất tại trạm", 3, "in_person", "Dược sĩ, thủ kho trạm", 10),
    ("DDATTP", "Tư vấn dinh dưỡng cho trẻ dưới 5 tuổi", 3, "online", "Nhân viên y tế thôn, ấp", 40),
    ("KB", "Đọc điện tim cơ bản và xử trí cấp cứu ban đầu", 4, "hands_on", "Bác sĩ, y sĩ trạm", 15),
]
DOCUMENTS = [
    ("DD", "Hướng dẫn quy trình vệ sinh tay và sử dụng phương tiện phòng hộ tại trạm y tế", 3),
    ("KSBT", "Kế hoạch triển khai tiêm chủng mở rộng và biểu mẫu báo cáo tháng", 4),
    ("DUOC", "Hướng dẫn dự trù, cấp phát và báo cáo sử dụng thuốc tại trạm", 5),
    ("KHNV", "Kế hoạch luân phiên cán bộ và lịch hội chẩn của Trung tâm", 2),
    ("NOI", "Phác đồ quản lý tăng huyết áp, đái tháo đường tuyến cơ sở", 1),
    ("KB", "Quy trình chuyển tuyến và phiếu phản hồi chuyển tuyến", 2),
]
CONSULT_TOPICS = ["Hội chẩn ca tăng huyết áp khó kiểm soát", "Hội chẩn ca đái tháo đường có biến chứng",
                  "Hội chẩn ca sốt kéo dài chưa rõ nguyên nhân", "Hội chẩn ca thai nghén nguy cơ cao",
                  "Hội chẩn ca viêm phổi ở trẻ em", "Hội chẩn ca rối loạn lipid máu"]
CONCLUSIONS = ["Điều chỉnh phác đồ, tái khám sau 2 tuần tại trạm", "Chuyển tuyến trên để làm thêm xét nghiệm",
               "Tiếp tục theo dõi tại trạm, hẹn tư vấn từ xa sau 1 tuần",
               "Bổ sung thuốc, hướng dẫn chế độ ăn và vận động"]
COMMENTS = ("Cán bộ Trung tâm hướng dẫn tận tình", "Kết luận rõ, trạm áp dụng được ngay", "", "Thời gian hơi ngắn")
UPCOMING_DAYS = (6, 17)  # sessions scheduled after the demo's last day


def _experts(world: World, rng: random.Random) -> str:
    doctors = [c[1] for c in world.centre_staff if c[2] == "doctor"] or [world.centre_staff[0][1]]
    return "\n".join(rng.sample(doctors, min(2, len(doctors))))


def year_plans(s: Session, world: World, year: int, first: dt.date, rng: random.Random) -> None:
    """The year's plans for every station, the training plan and its first documents."""
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    world.clock.set(first, 8, 30)
    for code, station_id in world.stations.items():
        p = plan.create_plan(s, planner, station_id=station_id, year=year, objectives=OBJECTIVES,
                             notes=f"Kế hoạch hỗ trợ chuyên môn năm {year} cho trạm {code}")
        for kind, content, dept, targets, travel, per_diem, materials in ACTIVITIES:
            extra = rng.choice((0, 0, 1)) if kind in ("rotation", "teleconsultation") else 0
            plan.add_activity(s, planner, p.id, kind=kind, content=content, department_id=world.departments.get(dept),
                              **{f"target_q{q}": t + (extra if q == 2 else 0) for q, t in enumerate(targets, 1)},
                              cost_travel=travel, cost_per_diem=per_diem, cost_materials=materials)
        for name, measure, target in INDICATORS:
            plan.add_indicator(s, planner, p.id, name=name, measure=measure, target=target)
        world.tally("support_plans")
    for dept, content, quarter, fmt, audience, count in TRAINING_PLAN:
        training_plan.add_plan_item(s, planner, year=year, department_id=world.departments.get(dept), content=content,
                                    head_count=count, format=fmt, quarter=quarter,
                                    expected_time=f"Quý {('I', 'II', 'III', 'IV')[quarter - 1]}/{year}",
                                    audience=audience)
        world.tally("training_plan_items")


def _session(s: Session, world: World, rng: random.Random, day: dt.date, today: dt.date, station_id: str | None,
             online: bool) -> ConsultationSession:
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    topic = rng.choice(CONSULT_TOPICS) if station_id else "Hội chẩn trực tuyến định kỳ với các trạm"
    session = calendar.schedule_session(
        s, planner, day=day, start_time=rng.choice(("08:00", "09:30", "14:00", "15:00")),
        mode="online" if online else "in_person",
        link="https://meet.ttytthuanan.vn/hoi-chan" if online else None,
        place=None if online else "Phòng họp giao ban, Trung tâm Y tế khu vực Thuận An",
        topic=topic, experts=_experts(world, rng), station_id=station_id, today=today)
    world.tally("consultation_sessions")
    return session


def month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    """One simulated month of the programme. Its own random stream: the rest of the demo draws the same
    numbers with or without it."""
    rng = random.Random(first.toordinal())
    if index == 0 or first.month == 1:
        year_plans(s, world, first.year, first, rng)
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    days = workdays(first, last)
    if index < len(DOCUMENTS) and days:
        dept, summary, forms = DOCUMENTS[index]
        day = days[0]
        world.clock.set(day, 10, 0)
        training_plan.add_document(s, planner, department_id=world.departments.get(dept),
                                   doc_number=f"{rng.randrange(10, 400)}/HD-TTYT", doc_date=day, summary=summary,
                                   forms_guided=forms, today=day)
        world.tally("documents_rolled_out")
    if len(days) > 12:
        _month_sessions(s, world, rng, days, first)
    _link_trainings(s, world, first, last)
    rate(s, world, rng, first, last)
    if last >= world.end:
        for ahead in UPCOMING_DAYS:
            day = world.end + dt.timedelta(days=ahead)
            _session(s, world, rng, day, world.end, world.station_id if ahead == UPCOMING_DAYS[0] else None,
                     online=ahead != UPCOMING_DAYS[0])


def _month_sessions(s: Session, world: World, rng: random.Random, days: list[dt.date], first: dt.date) -> None:
    """The home station's consultation (with its open consultation requests) and an open online one."""
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    world.clock.set(first, 8, 0)
    home_day, open_day = days[8], days[12]
    home = _session(s, world, rng, home_day, first, world.station_id, online=rng.random() < 0.4)
    shared = _session(s, world, rng, open_day, first, None, online=True)
    # The station's case requests of the month before the session (by then the demo has moved most of
    # them along; a request done since was discussed at this session).
    requests = list(s.scalars(select(SupportRequest).where(
        SupportRequest.station_id == world.station_id,
        SupportRequest.kind.in_(("consultation", "teleconsultation", "technique_transfer")),
        SupportRequest.status.not_in(calendar.CLOSED_REQUESTS),
        SupportRequest.created_at >= dt.datetime.combine(first, dt.time.min, dt.UTC),
        SupportRequest.created_at <= dt.datetime.combine(home_day, dt.time.min, dt.UTC))).all())
    cases = [calendar.add_case(s, planner, home.id, r.id) for r in requests[:2]]
    world.tally("consultation_cases", len(cases))
    if home_day <= world.end:
        world.clock.set(home_day, 17, 0)
        for case in cases:
            calendar.record_conclusion(s, planner, case.id, rng.choice(CONCLUSIONS))
        calendar.mark_held(s, planner, home.id, today=home_day)
    if open_day <= world.end:
        world.clock.set(open_day, 17, 0)
        calendar.mark_held(s, planner, shared.id, today=open_day)


def _link_trainings(s: Session, world: World, first: dt.date, last: dt.date) -> None:
    """The centre's sessions of the month carried out the training plan's item of their quarter."""
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    quarter = (first.month - 1) // 3 + 1
    items = [r for r in training_plan.training_plan(s, first.year) if r.quarter == quarter]
    sessions = s.scalars(select(TrainingSession.id).where(
        TrainingSession.station_id.is_(None), TrainingSession.date_from >= first, TrainingSession.date_from <= last))
    for session_id, item in zip(sessions, items, strict=False):
        training_plan.link_session(s, planner, item.id, session_id)


def rate(s: Session, world: World, rng: random.Random, first: dt.date, last: dt.date) -> None:
    """Most of what the station received this month, it rates (4 or 5 mostly)."""
    nurse = world.as_person(world.station, world.staff[0][1])
    got = [(k, i, d) for k, i, d in (
        [("rotation", v.id, v.date_to) for v in s.scalars(select(RotationVisit).where(
            RotationVisit.station_id == world.station_id, RotationVisit.status == "done",
            RotationVisit.date_to >= first, RotationVisit.date_to <= last))]
        + [("consultation", x.id, x.day) for x in s.scalars(select(ConsultationSession).where(
            ConsultationSession.station_id == world.station_id, ConsultationSession.status == "held",
            ConsultationSession.day >= first, ConsultationSession.day <= last))])]
    for kind, activity_id, day in got:
        if rng.random() < 0.2 or day > world.end:
            continue
        world.clock.set(min(day + dt.timedelta(days=1), world.end), 11, 0)
        ratings.rate_activity(s, nurse, kind=kind, activity_id=activity_id,
                              rating=rng.choice((3, 4, 4, 5, 5, 5)), comment=rng.choice(COMMENTS))
        world.tally("ratings")
