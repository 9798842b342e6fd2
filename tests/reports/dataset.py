"""Data sets for the form tests, written through the ORM (the ledger is insert-only rows).

`realistic` is a month of a commune station's work; `edge` adds an item with 500 lots, names with
every Vietnamese diacritic and very long item names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ytcs_desktop.store.base import new_id, utc_now
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import (
    Centre,
    Department,
    Fridge,
    Item,
    Lot,
    Requisition,
    RequisitionLine,
    RotationVisit,
    Staff,
    Station,
    StockCount,
    StockCountLine,
    StockTransaction,
    SupportRequest,
    TemperatureReading,
    TrainingAttendance,
    TrainingSession,
    VialOpening,
)

D = dt.date
FROM, TO = D(2026, 1, 1), D(2026, 1, 31)
PEOPLE = ["Nguyễn Thị Ánh Tuyết", "Phạm Đức Hưởng", "Lê Ỷ Lan", "Trần Quốc Toản"]
# Every vowel with every tone mark, lower and upper case, and đ/Đ.
DIACRITICS = (
    "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ "
    "ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ Đ"
)
LONG_NAME = ("Dung dịch tiêm truyền tĩnh mạch Natri clorid 0,9% kết hợp Glucose 5% và Kali clorid "
             "dùng cho người lớn và trẻ em trên mười hai tuổi, chai nhựa mềm không PVC 500 ml có nắp "
             "cao su hai cổng, bảo quản dưới 30 °C, tránh ánh sáng trực tiếp – " + DIACRITICS)


@dataclass
class Built:
    station_id: str
    items: dict[str, Item] = field(default_factory=dict)
    lots: dict[str, Lot] = field(default_factory=dict)
    fridge: str = ""


class Writer:
    def __init__(self, s: Session, station_id: str) -> None:
        self.s, self.sid, self.n = s, station_id, 0

    def add(self, obj):  # type: ignore[no-untyped-def]
        obj.station_id = self.sid
        self.s.add(obj)
        return obj

    def txn(self, lot: Lot, day: dt.date, kind: str, qty: int, **kw: object) -> StockTransaction:
        self.n += 1
        t = StockTransaction(id=new_id(), item_id=lot.item_id, lot_id=lot.id, txn_date=day, kind=kind, quantity=qty,
                             doc_no=kw.pop("doc_no", f"PX{self.n:05d}"), created_at=utc_now(), **kw)
        return self.add(t)


def station(s: Session, station_id: str) -> None:
    centre = Centre(id=new_id(), code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An")
    s.add(centre)
    st = s.get(Station, station_id)
    assert st is not None
    st.centre_id = centre.id
    st.parent_org = "UBND phường An Phú"
    st.commune = "An Phú"
    st.head_name = "Nguyễn Thị Ánh Tuyết"
    s.add(Department(id=new_id(), centre_id=centre.id, code="KD", name="Khoa Dược – Vật tư, thiết bị y tế",
                     kind="pharmacy"))


CATALOGUE = [
    ("40.17", "Paracetamol 500 mg", "viên", "drug", None),
    ("40.62", "Amoxicilin 500 mg", "viên", "drug", None),
    ("40.311", "Oresol 245", "gói", "drug", None),
    ("40.500", "Vitamin A 200.000 IU", "viên", "drug", None),
    ("VT.01", "Bơm tiêm 5 ml", "cái", "supply", None),
    ("VT.02", "Găng tay khám", "đôi", "supply", None),
    ("VT.03", "Bông y tế thấm nước", "gói", "supply", None),
    ("VX.BCG", "Vắc xin BCG", "liều", "vaccine", 20),
    ("VX.OPV", "Vắc xin bOPV", "liều", "vaccine", 20),
    ("VX.DPT", "Vắc xin DPT-VGB-Hib (5 trong 1)", "liều", "vaccine", 1),
    ("VX.MR", "Vắc xin Sởi – Rubella (MR)", "liều", "vaccine", 10),
]


def realistic(db: Database) -> Built:
    sid = db.station_id
    assert sid is not None
    b = Built(sid)
    with db.transaction() as s:
        station(s, sid)
        w = Writer(s, sid)
        fridge = w.add(Fridge(id=new_id(), name="Tủ lạnh TCMR 1", model="Vestfrost MKS 144", location="Phòng tiêm"))
        b.fridge = fridge.name
        for n, (code, name, unit, cat, dpv) in enumerate(CATALOGUE):
            item = Item(id=new_id(), code=code, name=name, base_unit=unit, category=cat, doses_per_vial=dpv,
                        min_stock=50, max_stock=2000, station_id=None)
            s.add(item)
            b.items[code] = item
            for k in range(2):
                lot = w.add(Lot(id=new_id(), item_id=item.id, lot_no=f"L{n:02d}{k}-{code[-3:]}",
                                expiry=D(2026, 3 + k * 9, 15) if n % 4 else D(2026, 1, 20),
                                vvm_stage=1 if cat == "vaccine" else None,
                                fridge_id=fridge.id if cat == "vaccine" else None))
                b.lots[lot.lot_no] = lot
                w.txn(lot, D(2025, 12, 5), "receipt", 400 + 20 * n, source="centre", counterparty="Khoa Dược TTYT")
                w.txn(lot, D(2025, 12, 20), "issue", -30)
                w.txn(lot, D(2026, 1, 6), "receipt", 200, source="centre", doc_no=f"PN{n:03d}{k}",
                      counterparty="Khoa Dược TTYT")
                w.txn(lot, D(2026, 1, 9), "receipt", 10, source="other", counterparty="Tài trợ UNICEF")
                iss = w.txn(lot, D(2026, 1, 12), "issue", -(40 + n), reason="Cấp phát cho phòng khám")
                w.txn(lot, D(2026, 1, 14), "issue", -15)
                if k == 1:  # an issue reversed: nets to zero in "issued"
                    w.txn(lot, D(2026, 1, 15), "reversal", -iss.quantity, reverses_id=iss.id,
                          reason="Đảo phiếu xuất nhầm")
                w.txn(lot, D(2026, 1, 18), "transfer_out", -12, counterparty="TYT Bình Hòa")
                w.txn(lot, D(2026, 1, 19), "transfer_in", 6, counterparty="TYT Lái Thiêu")
                w.txn(lot, D(2026, 1, 25), "disposal", -3, reason="Hết hạn sử dụng" if k else "Vỡ, hỏng",
                      reason_code="expired" if k else "damaged")
                w.txn(lot, D(2026, 1, 28), "adjustment", 2, reason="Điều chỉnh sai sót nhập liệu")
                w.txn(lot, D(2026, 1, 30), "count", -1, reason="Kiểm kê thiếu")
                w.txn(lot, D(2026, 2, 3), "issue", -7)  # after the period: must not appear
        _people_and_registers(s, w, b)
        _coldchain(s, w, fridge)
        _documents(s, w, b)
        _vials(s, w, b)
    return b


def _people_and_registers(s: Session, w: Writer, b: Built) -> None:
    dept = Department(id=new_id(), code="KN", name="Khoa Nội tổng hợp", kind="clinical")
    s.add(dept)
    staff = []
    for i, name in enumerate(PEOPLE):
        st = Staff(id=new_id(), full_name=name, title=["Bác sĩ", "Y sĩ", "Điều dưỡng", "Hộ sinh"][i],
                   department_id=dept.id if i % 2 else None, station_id=None if i % 2 else w.sid)
        s.add(st)
        staff.append(st)
    kinds = ["rotation", "consultation", "teleconsultation", "technique_transfer", "training_need",
             "supply_support", "other"]
    for i, kind in enumerate(kinds):
        w.add(SupportRequest(id=new_id(), number=f"YC-{i + 1:03d}", kind=kind,
                             title=f"Yêu cầu {kind} số {i + 1}: hỗ trợ khám bệnh nhân tăng huyết áp",
                             description="Bệnh nhân nam 62 tuổi, huyết áp 170/100 mmHg", icd10="I10" if i % 2 else None,
                             status=["submitted", "accepted", "scheduled", "in_progress", "done", "rated",
                                     "rejected"][i],
                             support_format="online" if i % 2 else "in_person", assigned_department_id=dept.id,
                             outcome="Đã hướng dẫn điều trị" if i >= 4 else None,
                             created_at=dt.datetime(2026, 1, 3 + i * 3, 8, 0, tzinfo=dt.UTC),
                             created_by=PEOPLE[0]))
    for i, st in enumerate(staff[1::2]):
        w.add(RotationVisit(id=new_id(), staff_id=st.id, date_from=D(2026, 1, 5 + 7 * i),
                            date_to=D(2026, 1, 9 + 7 * i), patients_seen=35 + i,
                            purpose="Khám, điều trị và chuyển giao kỹ thuật tiêm an toàn",
                            status="done" if i else "planned"))
    sessions = []
    for i, prog in enumerate(["epi", "ncd", "nutrition"]):
        sess = TrainingSession(id=new_id(), organiser_kind="centre", organiser="Phòng Kế hoạch – Nghiệp vụ",
                               topic=f"Tập huấn chuyên đề {i + 1}: cập nhật hướng dẫn {prog}", programme=prog,
                               date_from=D(2026, 1, 8 + i * 7), date_to=D(2026, 1, 9 + i * 7), periods=8 + 4 * i,
                               format="online" if i == 1 else "in_person", place="Hội trường TTYT",
                               audience="Nhân viên y tế trạm", status="held" if i < 2 else "planned")
        s.add(sess)
        sessions.append(sess)
        for st in staff:
            w.add(TrainingAttendance(id=new_id(), session_id=sess.id, staff_id=st.id, result="passed"))
    w.add(TrainingAttendance(id=new_id(), session_id=sessions[0].id, person_name="Đỗ Văn Hùng (NVYT thôn)",
                             result="attended"))
    old = TrainingSession(id=new_id(), organiser_kind="centre", organiser="TTYT", topic="Khóa cũ 2019",
                          programme="other", date_from=D(2019, 5, 1), date_to=D(2019, 5, 5), periods=40,
                          status="held")
    s.add(old)
    w.add(TrainingAttendance(id=new_id(), session_id=old.id, staff_id=staff[0].id, result="passed"))


def _coldchain(s: Session, w: Writer, fridge: Fridge) -> None:
    for d in range(1, 32):
        for slot in ("morning", "afternoon"):
            if d == 10 and slot == "afternoon":
                continue  # a missing reading
            c = 4.0 + (d % 5) * 0.5 + (0.3 if slot == "afternoon" else 0)
            if d == 14 and slot == "morning":
                c = 9.5
            if d == 21 and slot == "afternoon":
                c = -0.5
            w.add(TemperatureReading(id=new_id(), fridge_id=fridge.id, reading_date=D(2026, 1, d), slot=slot,
                                     celsius=c, freeze_alarm=c < 0, recorded_by=PEOPLE[2],
                                     recorded_at=dt.datetime(2026, 1, d, 8 if slot == "morning" else 15,
                                                             tzinfo=dt.UTC)))


def _documents(s: Session, w: Writer, b: Built) -> None:
    count = w.add(StockCount(id=new_id(), number="KK-01/2026", count_date=D(2026, 1, 30),
                             started_at=dt.datetime(2026, 1, 30, 1, 0, tzinfo=dt.UTC), status="approved",
                             team="\n".join(f"{p} – thành viên" for p in PEOPLE[:3]),
                             proposals="Đề nghị bổ sung tủ bảo quản thuốc.", approved_by=PEOPLE[0],
                             approved_at=dt.datetime(2026, 1, 30, 9, 0, tzinfo=dt.UTC)))
    for i, lot in enumerate(b.lots.values()):
        w.add(StockCountLine(id=new_id(), count_id=count.id, item_id=lot.item_id, lot_id=lot.id, book_qty=300 + i,
                             physical_qty=300 + i - (1 if i % 3 == 0 else 0),
                             reason="Thiếu do hư hỏng" if i % 3 == 0 else None))
    req = w.add(Requisition(id=new_id(), number="DT-01/2026", period_from=D(2026, 2, 1), period_to=D(2026, 2, 28),
                            status="approved", created_at=dt.datetime(2026, 1, 27, 2, 0, tzinfo=dt.UTC)))
    for i, item in enumerate(b.items.values()):
        w.add(RequisitionLine(id=new_id(), requisition_id=req.id, item_id=item.id, on_hand=500 + i,
                              avg_monthly_use=120.5 + i, requested_qty=300 + 10 * i, approved_qty=280 + 10 * i))


def _vials(s: Session, w: Writer, b: Built) -> None:
    for code in ("VX.BCG", "VX.MR"):
        item = b.items[code]
        lot = next(x for x in b.lots.values() if x.item_id == item.id)
        dpv = item.doses_per_vial or 1
        for d in (7, 14, 21):
            t = w.txn(lot, D(2026, 1, d), "issue", -dpv, reason="Mở lọ buổi tiêm chủng")
            w.add(VialOpening(id=new_id(), lot_id=lot.id, opened_at=dt.datetime(2026, 1, d, 1, tzinfo=dt.UTC),
                              expires_at=dt.datetime(2026, 1, d, 7, tzinfo=dt.UTC), doses_given=dpv - 3,
                              doses_wasted=3, closed_at=dt.datetime(2026, 1, d, 7, tzinfo=dt.UTC),
                              issue_txn_id=t.id))


def edge(db: Database) -> Built:
    """500 lots of one item, a long-named item, diacritic names; the period Mar 2026 has no movement."""
    sid = db.station_id
    assert sid is not None
    b = Built(sid)
    with db.transaction() as s:
        station(s, sid)
        w = Writer(s, sid)
        many = Item(id=new_id(), code="40.999", name="Cồn 70° – " + DIACRITICS, base_unit="chai", category="supply")
        longi = Item(id=new_id(), code="VT.LONG", name=LONG_NAME, base_unit="chai", category="drug")
        s.add_all([many, longi])
        b.items = {"40.999": many, "VT.LONG": longi}
        for k in range(500):
            lot = w.add(Lot(id=new_id(), item_id=many.id, lot_no=f"LOT{k:04d}", expiry=D(2027, 1 + k % 12, 1)))
            b.lots[lot.lot_no] = lot
            w.txn(lot, D(2026, 1, 2 + k % 25), "receipt", 10 + k, source="centre")
            if k % 7:
                w.txn(lot, D(2026, 1, 27), "issue", -(k % 7))
        lot = w.add(Lot(id=new_id(), item_id=longi.id, lot_no="LONG-LOT-ĐẶC-BIỆT-0001", expiry=D(2026, 2, 1)))
        b.lots[lot.lot_no] = lot
        w.txn(lot, D(2026, 1, 3), "receipt", 77, source="centre", counterparty=PEOPLE[3])
        w.txn(lot, D(2026, 1, 20), "disposal", -5, reason="Hỏng do " + DIACRITICS, reason_code="damaged")
        staff = [Staff(id=new_id(), full_name=p + " " + DIACRITICS[:20], title="Điều dưỡng", station_id=sid)
                 for p in PEOPLE]
        s.add_all(staff)
    return b
