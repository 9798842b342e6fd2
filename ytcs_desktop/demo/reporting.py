"""The demo station's reports to the centre: its weekly report every Friday afternoon, the monthly and
quarterly ones a few days after their period, the annual one before 15/11; a couple sent late (the
Monday after) and a couple never sent, one returned by the centre with a comment and corrected. The
centre acknowledges the rest. The centre's schedule (the plans' four kinds) is set up first.

It draws from its own random generator, so the rest of the demo world is the same with or without it."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import World
from ytcs_desktop.domain.reporting.schedule import list_kinds, periods_due_between, seed_schedule
from ytcs_desktop.domain.reporting.submissions import review, submit
from ytcs_desktop.store.models import ReportKind

DIFFICULTIES = [
    "Thiếu nhân lực trực đêm do 01 điều dưỡng nghỉ thai sản",
    "Tủ lạnh bảo quản vắc xin số 1 cũ, nhiệt độ dao động vào buổi chiều",
    "Máy đo đường huyết hỏng, chưa được thay",
    "Một số thuốc điều trị tăng huyết áp về chậm so với dự trù",
    "Đường truyền internet chập chờn, đồng bộ dữ liệu phải thực hiện nhiều lần",
    "Người dân chưa quen đặt lịch tư vấn khám chữa bệnh từ xa",
]
PROPOSALS = [
    "Đề nghị TTYT khu vực cử bác sĩ luân phiên hỗ trợ khám bệnh không lây nhiễm",
    "Đề nghị hỗ trợ thay tủ lạnh bảo quản vắc xin",
    "Đề nghị tổ chức tập huấn cấp cứu ban đầu cho nhân viên y tế ấp",
    "Đề nghị cấp bổ sung que thử đường huyết",
]
RETURN_COMMENT = "Số lượt luân phiên chưa khớp với lịch của Trung tâm: đề nghị trạm kiểm tra và gửi lại."
LATE, MISSING = 2, 2  # weekly reports sent late, and never sent, over the demo's span


def _plan(world: World, weekly: ReportKind) -> dict[dt.date, str]:
    """The weeks (by deadline) that go late, missing, or returned and corrected: chosen once, not at the
    very start or the last week (the last weeks show what a careful station does)."""
    fridays = [p.deadline for p in periods_due_between(weekly, world.start + dt.timedelta(days=7),
                                                       world.end - dt.timedelta(days=14))]
    plan: dict[dt.date, str] = {}
    if len(fridays) > 2:  # one recent week missing, so the centre's overview has something to chase
        plan[fridays.pop()] = "missing"
    rng = random.Random(f"demo-reports-{world.start}{world.tag}")
    picked = rng.sample(fridays, min(len(fridays), LATE + MISSING - len(plan) + 1))
    fates = ["late"] * LATE + ["missing"] * (MISSING - len(plan)) + ["returned"]
    rng.shuffle(fates)
    plan.update(zip(picked, fates, strict=False))
    return plan


def month(s: Session, world: World, first: dt.date, last: dt.date, index: int) -> None:
    if index == 0 and not list_kinds(s):  # a neighbour pulled the schedule the centre set up
        seed_schedule(s, world.centre)
    kinds = {k.code: k for k in list_kinds(s)}
    plan = _plan(world, kinds["weekly"])  # the same each month: drawn from the span, not the month
    rng = random.Random(f"demo-reports-{first}{world.tag}")
    nurse = world.as_person(world.station, world.staff[0][1] if world.staff else "Nguyễn Thị Lan")
    planner = world.as_person(world.centre, "Phòng Kế hoạch – Nghiệp vụ")
    for kind in kinds.values():
        for period in periods_due_between(kind, first, last):
            fate = plan.get(period.deadline, "on_time") if kind.code == "weekly" else "on_time"
            if fate == "missing":
                continue
            if kind.code == "weekly":
                day = period.deadline + dt.timedelta(days=3 if fate == "late" else 0)
            else:
                day = period.deadline - dt.timedelta(days=2)
            if day > world.end:
                continue
            world.clock.set(day, 16 if kind.code == "weekly" else 9, rng.randint(0, 59))
            sent = submit(s, nurse, kind=kind.code, day=period.date_to,
                          difficulties=rng.sample(DIFFICULTIES, rng.choice((0, 1, 1, 2))),
                          proposals=rng.sample(PROPOSALS, rng.choice((0, 1))))
            world.tally(f"reports_{fate}")
            reviewed = day + dt.timedelta(days=1)
            if reviewed > world.end:
                continue
            world.clock.set(reviewed, 10, rng.randint(0, 59))
            if fate != "returned":
                review(s, planner, sent.id, "acknowledged")
                continue
            review(s, planner, sent.id, "returned", RETURN_COMMENT)
            world.clock.set(reviewed, 15, rng.randint(0, 59))
            fixed = submit(s, nurse, kind=kind.code, day=period.date_to, corrects=True,
                           correction_note="Đã đối chiếu lịch luân phiên của Trung tâm, sửa số lượt",
                           difficulties=["; ".join(rng.sample(DIFFICULTIES, 1))])
            review(s, planner, fixed.id, "acknowledged")
            world.tally("reports_corrected")
