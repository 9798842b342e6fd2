"""The Thuận An centre, its departments and stations, and Vietnamese staff names."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ytcs_desktop.domain.accounts import AccountView
    from ytcs_desktop.store.db import Database

CENTRE = {
    "code": "TTYT-TA",
    "name": "Trung tâm Y tế khu vực Thuận An",
    "address": "Số 1 đường Nguyễn Văn Tiết, phường Lái Thiêu, Thành phố Hồ Chí Minh",
    "phone": "0274 3755 001",
    "province": "Thành phố Hồ Chí Minh",
}

DEPARTMENTS = [  # code, name, kind
    ("KHNV", "Phòng Kế hoạch – Nghiệp vụ", "admin"),
    ("DD", "Phòng Điều dưỡng", "nursing"),
    ("DUOC", "Khoa Dược – Vật tư, thiết bị y tế", "pharmacy"),
    ("KB", "Khoa Khám bệnh", "clinical"),
    ("NOI", "Khoa Nội tổng hợp", "clinical"),
    ("SAN", "Khoa Chăm sóc sức khỏe sinh sản", "clinical"),
    ("KSBT", "Khoa Kiểm soát bệnh tật và Y tế công cộng", "preventive"),
    ("DDATTP", "Khoa Dinh dưỡng và An toàn thực phẩm", "preventive"),
]

STATIONS = [  # code, name, commune, population
    ("TYT-AP", "Trạm Y tế phường An Phú", "Phường An Phú", 78500),
    ("TYT-BH", "Trạm Y tế phường Bình Hòa", "Phường Bình Hòa", 91200),
    ("TYT-LT", "Trạm Y tế phường Lái Thiêu", "Phường Lái Thiêu", 64300),
    ("TYT-TG", "Trạm Y tế phường Thuận Giao", "Phường Thuận Giao", 102600),
    ("TYT-TA", "Trạm Y tế phường Thuận An", "Phường Thuận An", 57900),
]
HOME = "TYT-AP"  # the station whose database the demo is

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tô"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Kim", "Ngọc", "Thị Thanh", "Thị Mỹ", "Thùy", "Bảo", "Thị Hồng"]
MIDDLE_M = ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thanh", "Công", "Hoàng", "Tấn", "Gia"]
GIVEN_F = ["Lan", "Hương", "Hạnh", "Trang", "Thảo", "Nhung", "Phượng", "Hằng", "Yến", "Loan", "Diễm", "Tuyết",
           "Ngân", "Vy", "Oanh", "Trinh", "Nhàn", "Liên", "Giang", "Quyên"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Phúc", "Khoa", "Long", "Nam", "Thắng", "Hải", "Trí", "Bình", "Sơn", "Hiếu",
           "Tài", "Vinh", "Cường", "Lộc", "Nghĩa", "Quang", "Đạt"]

# Station staff: (title code, number of people)
STATION_TEAM = [("doctor", 1), ("assistant_doctor", 2), ("nurse", 2), ("midwife", 1), ("pharmacist", 1),
                ("public_health", 1)]
CENTRE_TEAM = [("KHNV", "doctor", 2), ("DD", "nurse", 2), ("DUOC", "pharmacist", 2), ("KB", "doctor", 2),
               ("NOI", "doctor", 2), ("SAN", "midwife", 1), ("SAN", "doctor", 1), ("KSBT", "doctor", 1),
               ("KSBT", "technician", 1), ("DDATTP", "public_health", 1)]
VILLAGE_WORKERS = 6  # nhân viên y tế khu phố: trainees by name only


class NameMaker:
    """Distinct Vietnamese full names from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self) -> str:
        while True:
            female = self.rng.random() < 0.65  # most station staff are women
            middle = self.rng.choice(MIDDLE_F if female else MIDDLE_M)
            given = self.rng.choice(GIVEN_F if female else GIVEN_M)
            name = f"{self.rng.choice(SURNAMES)} {middle} {given}"
            if name not in self.used:
                self.used.add(name)
                return name

    def phone(self) -> str:
        return self.rng.choice(["090", "091", "093", "097", "098", "083", "035", "038"]) + "".join(
            str(self.rng.randrange(10)) for _ in range(7))

# Sign-in accounts of the demo station's staff on its PC (README: the demo run), with the password of the
# demo's centre accounts (demo/centre.py DEMO_PASSWORD).
DEMO_PASSWORD = "ytcs-demo"
DEMO_HEAD_USERNAME = "truongtram"
DEMO_ACCOUNTS = (  # user name, duties, the staff title of the demo person it belongs to
    (DEMO_HEAD_USERNAME, ("truong_tram",), "doctor"),
    ("thukho", ("thu_kho",), "pharmacist"),
    ("dieuduong", ("lam_sang",), "nurse"),
)


def add_demo_accounts(db: Database) -> list[AccountView]:
    """The demo station's sign-in accounts, each for a person of its staff list: the doctor is the head of
    station, the pharmacist the stock keeper, a nurse clinical staff. The head's comes first (the first
    account of the PC), and makes the others."""
    from sqlalchemy import select

    from ytcs_desktop.domain.accounts import actor_of, create_account, create_first_account
    from ytcs_desktop.store.models import Staff

    made: list[AccountView] = []
    with db.transaction() as s:
        staff = s.scalars(select(Staff).where(Staff.station_id == db.station_id, Staff.deleted.is_(False),
                                              Staff.active.is_(True)).order_by(Staff.full_name)).all()
        first_of: dict[str, Staff] = {}
        for person in staff:
            first_of.setdefault(person.title, person)
        for username, duties, title in DEMO_ACCOUNTS:
            found = first_of.get(title)
            name, staff_id = (found.full_name, found.id) if found is not None else (username, None)
            if not made:
                made.append(create_first_account(s, role="station", station_id=db.station_id, username=username,
                                                 full_name=name, password=DEMO_PASSWORD, staff_id=staff_id))
            else:
                head = actor_of(made[0], "station", db.station_id)
                made.append(create_account(s, head, username=username, full_name=name, password=DEMO_PASSWORD,
                                           duties=duties, staff_id=staff_id))
    return made
