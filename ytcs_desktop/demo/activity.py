"""Support requests with their transitions and comments, rotation visits, and trainings with
attendance — a month at a time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import World, workdays
from ytcs_desktop.domain import rotations, support, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError

# kind, title, description, ICD-10
REQUESTS = [
    ("consultation", "Hội chẩn ca sốt kéo dài không rõ nguyên nhân",
     "Bệnh nhân nam 54 tuổi sốt 10 ngày, đã điều trị kháng sinh 5 ngày không đỡ. Đề nghị hội chẩn trực tuyến.",
     "R50.9"),
    ("consultation", "Hội chẩn thai phụ tăng huyết áp thai kỳ",
     "Thai 32 tuần, huyết áp 150/95 mmHg, phù nhẹ hai chi dưới. Xin ý kiến chuyển tuyến.", "O13"),
    ("teleconsultation", "Tư vấn từ xa trẻ tiêu chảy mất nước",
     "Trẻ 18 tháng tiêu chảy 3 ngày, mất nước mức độ vừa. Xin tư vấn phác đồ bù dịch.", "A09"),
    ("teleconsultation", "Tư vấn điều chỉnh thuốc đái tháo đường týp 2",
     "Người bệnh đường huyết đói 11 mmol/l dù dùng Metformin 1000mg/ngày.", "E11.9"),
    ("rotation", "Đề nghị bác sĩ luân phiên khám bệnh không lây nhiễm",
     "Trạm cần bác sĩ nội khoa hỗ trợ khám, quản lý tăng huyết áp và đái tháo đường 2 ngày/tuần.", None),
    ("rotation", "Đề nghị hộ sinh luân phiên hỗ trợ khám thai", "Số thai phụ quản lý tăng, trạm thiếu hộ sinh.",
     None),
    ("technique_transfer", "Chuyển giao kỹ thuật khâu vết thương phần mềm",
     "Đề nghị Khoa Khám bệnh hướng dẫn kỹ thuật khâu và chăm sóc vết thương.", None),
    ("technique_transfer", "Chuyển giao kỹ thuật đặt vòng tránh thai", "Hỗ trợ kỹ thuật đặt và tháo dụng cụ tử cung.",
     None),
    ("training_need", "Nhu cầu tập huấn cấp cứu phản vệ",
     "Cập nhật phác đồ xử trí phản vệ theo Thông tư 51/2017/TT-BYT cho toàn bộ nhân viên trạm.", None),
    ("training_need", "Nhu cầu tập huấn phần mềm tiêm chủng quốc gia", "Nhân viên mới chưa sử dụng thành thạo.",
     None),
    ("supply_support", "Đề nghị hỗ trợ vắc xin sởi - rubella đợt tiêm bù",
     "Chiến dịch tiêm bù cho trẻ 1–5 tuổi, cần thêm 200 liều MR.", None),
    ("supply_support", "Đề nghị hỗ trợ test nhanh sốt xuất huyết",
     "Số ca nghi sốt xuất huyết tăng, trạm hết test nhanh NS1.", None),
    ("other", "Đề nghị sửa chữa tủ lạnh bảo quản vắc xin", "Tủ lạnh TCW 2000 báo lỗi nhiệt độ, cần kiểm tra.",
     None),
]
COMMENTS_STATION = ["Trạm đã gửi kèm kết quả xét nghiệm.", "Xin Trung tâm phản hồi sớm giúp trạm.",
                    "Trạm đã chuẩn bị phòng và danh sách người bệnh."]
COMMENTS_CENTRE = ["Khoa đã nhận thông tin, sẽ liên hệ lại trong ngày.", "Đề nghị trạm bổ sung hồ sơ bệnh án.",
                   "Đã phân công cán bộ phụ trách."]
OUTCOMES = ["Đã hội chẩn, thống nhất phác đồ điều trị tại trạm.", "Đã hỗ trợ khám 42 lượt người bệnh.",
            "Đã chuyển giao kỹ thuật, nhân viên trạm thực hiện được độc lập.", "Đã cấp bổ sung theo đề nghị."]
# The path a request walks; it stops where its age allows (recent requests are still under way).
PATH = ["submitted", "accepted", "scheduled", "in_progress", "done", "rated"]

TRAININGS = [  # programme, topic, periods, format, organiser_kind
    ("epi", "Tập huấn tiêm chủng an toàn và xử trí phản ứng sau tiêm", 16, "in_person", "centre"),
    ("epidemic", "Giám sát, phòng chống sốt xuất huyết Dengue", 8, "in_person", "centre"),
    ("ncd", "Quản lý tăng huyết áp và đái tháo đường tại tuyến cơ sở", 24, "in_person", "centre"),
    ("nutrition", "Chăm sóc dinh dưỡng 1.000 ngày đầu đời", 8, "online", "centre"),
    ("reproductive_health", "Cập nhật chăm sóc trước sinh và sau sinh", 12, "in_person", "centre"),
    ("school_health", "Y tế trường học: sơ cứu ban đầu", 4, "in_person", "station"),
    ("epidemic", "Phòng chống bệnh tay chân miệng cho nhân viên y tế khu phố", 4, "in_person", "station"),
    ("other", "Cấp cứu phản vệ theo Thông tư 51/2017/TT-BYT", 8, "in_person", "centre"),
    ("epi", "Bảo quản vắc xin và dây chuyền lạnh", 8, "online", "centre"),
    ("ncd", "Khám sàng lọc bệnh phổi tắc nghẽn mạn tính", 8, "online", "centre"),
    ("other", "Ứng dụng hồ sơ sức khỏe điện tử", 4, "online", "centre"),
    ("nutrition", "Bổ sung vitamin A và theo dõi tăng trưởng trẻ em", 4, "in_person", "station"),
]


def requests_for_month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    days = workdays(first, last)
    for _ in range(world.rng.choice((2, 3, 3, 4))):
        kind, title, description, icd = REQUESTS[world.rng.randrange(len(REQUESTS))]
        day = world.rng.choice(days)
        world.clock.set(day, world.rng.randint(7, 10), world.rng.randint(0, 59))
        nurse = world.as_person(world.station, world.staff_name())
        req = support.create_request(s, nurse, kind=kind, title=title, description=description,
                                     urgency=world.rng.choice(["normal", "normal", "urgent"]), icd10=icd,
                                     wanted_from=day + dt.timedelta(days=7), wanted_to=day + dt.timedelta(days=21),
                                     patient_ref=f"BN-{world.rng.randrange(10000, 99999)}" if icd else None)
        world.tally("requests")
        age_days = (world.end - day).days
        if age_days < 3 and world.rng.random() < 0.6:
            continue  # still a draft
        _walk(s, world, req.id, day, min(len(PATH), 1 + age_days // 6))


def _walk(s: Session, world: World, request_id: str, day: dt.date, steps: int) -> None:
    nurse = world.as_person(world.station, world.staff_name())
    centre_staff = world.rng.choice(world.centre_staff)
    officer = world.as_person(world.centre, centre_staff[1])
    roll = world.rng.random()
    for n, status in enumerate(PATH[:steps]):
        day = min(day + dt.timedelta(days=world.rng.randint(0, 3)), world.end)
        world.clock.set(day, 8 + n, world.rng.randint(0, 59))
        if status == "submitted":
            support.move(s, nurse, request_id, status, note="Kính gửi Trung tâm xem xét.")
        elif status == "accepted":
            if roll < 0.08:
                support.move(s, officer, request_id, "rejected",
                             note="Nội dung thuộc thẩm quyền tuyến tỉnh, đề nghị trạm chuyển người bệnh.")
                return
            if roll < 0.14:
                support.move(s, nurse, request_id, "cancelled", note="Người bệnh đã tự chuyển tuyến.")
                return
            support.move(s, officer, request_id, status, note="Đã tiếp nhận yêu cầu.")
            if world.rng.random() < 0.6:
                support.add_comment(s, officer, request_id, world.rng.choice(COMMENTS_CENTRE))
                support.add_comment(s, nurse, request_id, world.rng.choice(COMMENTS_STATION))
        elif status == "scheduled":
            start = day + dt.timedelta(days=world.rng.randint(2, 6))
            end = start + dt.timedelta(days=world.rng.randint(0, 2))
            request = support.move(s, officer, request_id, status, note="Đã xếp lịch hỗ trợ.", scheduled_from=start,
                                   scheduled_to=end, assigned_staff_id=centre_staff[0],
                                   assigned_department_id=world.departments[centre_staff[3]],
                                   support_format=world.rng.choice(["in_person", "online"]))
            if request.kind == "rotation":
                _visit_for(s, world, officer, request_id, centre_staff[0], start, end)
        elif status == "in_progress":
            support.move(s, officer, request_id, status)
        elif status == "done":
            support.move(s, officer, request_id, status, outcome=world.rng.choice(OUTCOMES))
        elif status == "rated":
            support.move(s, nurse, request_id, status, rating=world.rng.choice([4, 5, 5, 3]),
                         feedback="Cán bộ Trung tâm hỗ trợ nhiệt tình, đúng hẹn.")
        world.tally("transitions")


def _visit_for(s: Session, world: World, officer: Actor, request_id: str, staff_id: str, start: dt.date,
               end: dt.date) -> None:
    """A rotation request, once scheduled, becomes the visit on the rotation schedule."""
    try:
        visit = rotations.plan_visit(s, officer, staff_id=staff_id, station_id=world.station_id, date_from=start,
                                     date_to=end, purpose="Luân phiên theo yêu cầu của trạm", request_id=request_id)
    except DomainError:  # that person is already on another visit then: the schedule stays as it is
        return
    world.tally("rotation_visits")
    if end <= world.end:
        rotations.record_visit_outcome(s, officer, visit.id, patients_seen=world.rng.randint(20, 60),
                                       techniques="Khám, điều trị và quản lý bệnh không lây nhiễm", today=end)


def rotation_for_month(s: Session, world: World, first: dt.date, last: dt.date) -> None:
    """Every other month a centre doctor spends a few days at the station."""
    if first.month % 2:
        return
    who = world.rng.choice([c for c in world.centre_staff if c[2] in ("doctor", "midwife")])
    start = world.rng.choice(workdays(first, last)[:-3] or [first])
    planner = world.as_person(world.centre, world.centre_staff[0][1])
    world.clock.set(first, 9, 0)
    visit = rotations.plan_visit(s, planner, staff_id=who[0], station_id=world.station_id, date_from=start,
                                 date_to=start + dt.timedelta(days=2),
                                 purpose="Luân phiên hỗ trợ khám chữa bệnh và chuyển giao kỹ thuật")
    if start + dt.timedelta(days=2) <= world.end:
        world.clock.set(start + dt.timedelta(days=2), 16, 0)
        rotations.record_visit_outcome(s, planner, visit.id, patients_seen=world.rng.randint(25, 70),
                                       techniques="Khám, tư vấn bệnh không lây nhiễm; đọc điện tim cơ bản",
                                       today=start + dt.timedelta(days=2))
    world.tally("rotation_visits")


def training_for_month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    programme, topic, periods, fmt, organiser = TRAININGS[index % len(TRAININGS)]
    days = workdays(first, last)
    start = world.rng.choice(days[:-3] or days)
    end = start + dt.timedelta(days=max(0, periods // 8 - 1))
    world.clock.set(first, 10, 0)
    if organiser == "centre":
        actor = world.as_person(world.centre, world.centre_staff[0][1])
        name, place = "Trung tâm Y tế khu vực Thuận An", "Hội trường Trung tâm Y tế khu vực Thuận An"
    else:
        actor = world.as_person(world.station, world.staff[0][1])
        name, place = "Trạm Y tế phường An Phú", "Phòng họp Trạm Y tế phường An Phú"
    session = training.create_session(
        s, actor, organiser=name, topic=topic, programme=programme, date_from=start, date_to=end,
        periods=periods, format=fmt, place=place if fmt == "in_person" else "Trực tuyến qua Zoom",
        audience="Nhân viên y tế tuyến xã, phường", trainers=world.rng.choice(world.centre_staff)[1])
    world.tally("trainings")
    if end > world.end:
        return  # planned, not held yet
    world.clock.set(end, 17, 0)
    training.mark_held(s, actor, session.id, today=end)
    nurse = world.as_person(world.station, world.staff[0][1])
    for staff_id, _name, _title in world.staff:
        if world.rng.random() < 0.75:
            training.record_attendance(s, nurse, session_id=session.id, staff_id=staff_id,
                                       result=world.rng.choice(["passed", "passed", "attended"]),
                                       certificate_no=f"CN-{end:%Y}-{world.rng.randrange(1000, 9999)}")
            world.tally("attendance")
    # The station's village health workers attend from its register (demo/outreach.py).
