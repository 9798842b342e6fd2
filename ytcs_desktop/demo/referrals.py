"""A month of referrals and supervision visits.

Referrals are the acting station's own (only a station's own PC may send its referrals: the demo
station's here, its neighbours' in siblings.py); the centre acknowledges, follows and closes them. Supervision
visits go to all five stations in turn, with findings and corrective actions; the demo station reports
progress on its own actions and the centre closes those that are done, on evidence.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import World, workdays
from ytcs_desktop.domain import referrals, supervision

# reason, ICD-10, where to, urgency, the centre's judgement (needed?)
REFERRALS = [
    ("Đau bụng hố chậu phải, sốt 38,5 °C, phản ứng thành bụng: nghi viêm ruột thừa cấp", "K35.8",
     "Bệnh viện Đa khoa tỉnh – Khoa Ngoại tổng hợp", "emergency", True),
    ("Khó thở, SpO2 90%, ran nổ hai đáy phổi: viêm phổi nặng", "J18.9", "Bệnh viện Đa khoa tỉnh – Khoa Hô hấp",
     "urgent", True),
    ("Tăng huyết áp 180/110 mmHg không đáp ứng điều trị tại trạm", "I10", "Trung tâm Y tế khu vực – Khoa Nội",
     "urgent", True),
    ("Thai 36 tuần, phù, huyết áp 150/100 mmHg: tiền sản giật", "O14.9", "Bệnh viện Phụ sản tỉnh", "emergency",
     True),
    ("Trẻ 2 tuổi sốt cao co giật lần đầu", "R56.0", "Bệnh viện Nhi tỉnh", "emergency", True),
    ("Đái tháo đường týp 2, đường huyết đói 14 mmol/l, cần điều chỉnh phác đồ", "E11.9",
     "Trung tâm Y tế khu vực – Khoa Nội", "normal", False),
    ("Vết thương phần mềm cẳng tay dài 3 cm, sạch", "S51.8", "Trung tâm Y tế khu vực – Khoa Khám bệnh", "normal",
     False),
    ("Gãy kín xương cẳng tay sau ngã", "S52.5", "Bệnh viện Chấn thương Chỉnh hình", "urgent", True),
    ("Ho kéo dài 3 tuần, sút cân: nghi lao phổi", "A15.0", "Bệnh viện Phổi tỉnh", "normal", True),
    ("Viêm họng cấp, sốt nhẹ", "J02.9", "Trung tâm Y tế khu vực – Khoa Khám bệnh", "normal", False),
]
OUTCOMES = ["Điều trị nội trú 5 ngày, ra viện ổn định.", "Phẫu thuật nội soi, hậu phẫu ổn định, ra viện ngày thứ 3.",
            "Điều chỉnh phác đồ, chuyển về trạm quản lý ngoại trú.", "Khám, cấp thuốc điều trị ngoại trú."]
ADVICE_NEEDED = ["Chuyển tuyến kịp thời, đúng tuyến.", "Trạm tiếp tục theo dõi sau ra viện, tái khám sau 1 tuần."]
ADVICE_NOT_NEEDED = ["Trường hợp này trạm có thể điều trị theo phác đồ đã tập huấn.",
                     "Đề nghị trạm hội chẩn trực tuyến với Trung tâm trước khi chuyển."]

FINDINGS = {  # area -> (finding, corrective action)
    "nursing_practice": ("Hồ sơ chăm sóc ghi chưa đủ diễn biến", "Ghi đủ theo mẫu, trưởng trạm kiểm tra hằng tuần"),
    "infection_control": ("Dụng cụ sau tiệt khuẩn không ghi ngày", "Ghi ngày tiệt khuẩn trên từng gói dụng cụ"),
    "hand_hygiene": ("Thiếu dung dịch sát khuẩn tay nhanh tại buồng tiêm", "Bổ sung bình sát khuẩn ở mọi buồng"),
    "medical_waste": ("Hộp đựng vật sắc nhọn đầy quá 3/4", "Thay hộp mới, tập huấn lại phân loại chất thải"),
    "injection_safety": ("Hộp chống sốc thiếu adrenalin", "Bổ sung đủ thuốc trong hộp chống sốc, kiểm tra hằng tháng"),
    "drug_storage": ("Kho thuốc chưa có ẩm kế", "Trang bị ẩm kế, ghi sổ theo dõi độ ẩm hằng ngày"),
    "village_health_workers": ("Túi y tế thôn thiếu dụng cụ", "Cấp bổ sung dụng cụ cho nhân viên y tế ấp"),
}


def referrals_for_month(s: Session, world: World, first: dt.date, last: dt.date) -> None:
    days = workdays(first, last)
    officer = world.as_person(world.centre, world.centre_staff[0][1])
    # Recorded in the order they happen, so the numbers follow the dates.
    for day in sorted(world.rng.choice(days) for _ in range(world.rng.choice((2, 3, 3, 4)))):
        reason, icd, where, urgency, needed = REFERRALS[world.rng.randrange(len(REFERRALS))]
        world.clock.set(day, world.rng.randint(8, 16), world.rng.randint(0, 59))
        nurse = world.as_person(world.station, world.staff_name())
        rid = referrals.record_referral(s, nurse, patient_ref=f"BN-{world.rng.randrange(10000, 99999)}",
                                        reason=reason, icd10=icd, destination=where, urgency=urgency,
                                        referred_on=day, today=day).id
        world.tally("referrals")
        seen = day + dt.timedelta(days=world.rng.randint(0, 2))
        if seen > world.end:
            continue
        world.clock.set(seen, 9, 30)
        arrived = world.rng.random() < 0.88
        if world.rng.random() < 0.7:
            referrals.acknowledge(s, officer, rid)
        referrals.record_arrival(s, officer, rid, arrived=arrived, arrived_on=seen, today=seen,
                                 note=None if arrived else "Gọi điện: người bệnh đã đến cơ sở y tế tư nhân")
        closed = seen + dt.timedelta(days=world.rng.randint(4, 12))
        if closed > world.end:
            continue
        world.clock.set(closed, 15, 0)
        advice = world.rng.choice(ADVICE_NEEDED if needed else ADVICE_NOT_NEEDED) if arrived else None
        outcome = world.rng.choice(OUTCOMES) if arrived else "Không theo dõi được tại tuyến trên."
        referrals.close_referral(s, officer, rid, needed=needed, advice=advice, outcome=outcome)


def supervision_for_month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    """Two stations a month in turn, so each of the five is supervised about every ten weeks."""
    codes = sorted(world.stations)
    days = workdays(first, last)
    team_lead = next((c for c in world.centre_staff if c[3] == "DD"), world.centre_staff[0])
    supervisor = world.as_person(world.centre, team_lead[1])
    for n in range(2):
        code = codes[(2 * index + n) % len(codes)]
        day = days[min(len(days) - 1, 5 + 8 * n)]
        if day > world.end:
            continue
        world.clock.set(day, 14, 0)
        areas = world.rng.sample(list(supervision.AREAS), 3)
        items = supervision.checklist(s, areas)
        scores = {i.id: world.rng.choice((2, 2, 2, 1, 1, 0, None)) for i in items}
        visit = supervision.record_visit(
            s, supervisor, station_id=world.stations[code], visit_date=day, areas=areas, scores=scores,
            team=f"{team_lead[1]} (Phòng Điều dưỡng); {world.centre_staff[0][1]} (Phòng Kế hoạch – Nghiệp vụ)",
            department_id=world.departments.get("DD"), today=day,
            summary="Trạm thực hiện cơ bản đúng quy trình; một số tồn tại cần khắc phục như dưới đây.")
        world.tally("supervision_visits")
        weak = [a for a in areas if any(scores[i.id] in (0, 1) for i in items if i.area == a)]
        for area in weak[:2]:
            finding, action = FINDINGS[area]
            row = supervision.add_finding(s, supervisor, visit.id, area=area, finding=finding, action=action,
                                          owner="Trưởng trạm", due_date=day + dt.timedelta(days=30))
            world.tally("supervision_findings")
            _follow(s, world, row.id, day, world.stations[code] == world.station_id)


def _follow(s: Session, world: World, finding_id: str, day: dt.date, home: bool) -> None:
    """The demo station says how far it got; the centre closes what is done once it has checked."""
    progress = day + dt.timedelta(days=world.rng.randint(7, 20))
    if home and progress <= world.end:
        world.clock.set(progress, 10, 0)
        nurse = world.as_person(world.station, world.staff[0][1])
        supervision.record_progress(s, nurse, finding_id, note="Đã thực hiện phần lớn, chờ Trung tâm kiểm tra lại")
    closed = day + dt.timedelta(days=world.rng.randint(25, 50))
    if closed <= world.end and world.rng.random() < 0.75:
        world.clock.set(closed, 16, 0)
        officer = world.as_person(world.centre, world.centre_staff[0][1])
        supervision.close_action(s, officer, finding_id, closed_on=closed, today=closed,
                                 evidence_note="Kiểm tra lại tại trạm: đã khắc phục, có ảnh chụp và sổ theo dõi")
        world.tally("supervision_actions_closed")


def month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    referrals_for_month(s, world, first, last)
    supervision_for_month(s, world, first, last, index)
