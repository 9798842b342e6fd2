"""Display labels, Vietnamese and English, for every enumerated value the domain stores.

The database keeps short English codes (stable across languages and releases); the CLI, printed
reports and the UI show `label(kind, code)`. `parse_code` goes the other way for typed input, so a
nurse may type "hội chẩn" where a script types "consultation".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.messages import msg, pick

# kind -> code -> (Vietnamese, English). Order of codes is the order shown in pickers.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "request_kind": {
        "rotation": ("Luân phiên", "Staff rotation"),
        "consultation": ("Hội chẩn", "Case consultation"),
        "teleconsultation": ("Tư vấn khám chữa bệnh từ xa", "Teleconsultation"),
        "technique_transfer": ("Chuyển giao kỹ thuật", "Technique transfer"),
        "training_need": ("Nhu cầu tập huấn", "Training need"),
        "supply_support": ("Hỗ trợ thuốc/vật tư", "Drug/supply support"),
        "other": ("Khác", "Other"),
    },
    "request_status": {
        "draft": ("Nháp", "Draft"),
        "submitted": ("Đã gửi", "Submitted"),
        "accepted": ("Đã tiếp nhận", "Accepted"),
        "scheduled": ("Đã lên lịch", "Scheduled"),
        "in_progress": ("Đang thực hiện", "In progress"),
        "done": ("Hoàn thành", "Done"),
        "rated": ("Đã đánh giá", "Rated"),
        "rejected": ("Từ chối", "Rejected"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "urgency": {
        "normal": ("Bình thường", "Normal"),
        "urgent": ("Khẩn", "Urgent"),
        "emergency": ("Cấp cứu", "Emergency"),
    },
    "support_format": {
        "in_person": ("Trực tiếp", "In person"),
        "online": ("Trực tuyến", "Online"),
    },
    "staff_title": {
        "doctor": ("Bác sĩ", "Doctor"),
        "assistant_doctor": ("Y sĩ", "Assistant doctor"),
        "nurse": ("Điều dưỡng", "Nurse"),
        "midwife": ("Hộ sinh", "Midwife"),
        "pharmacist": ("Dược sĩ", "Pharmacist"),
        "technician": ("Kỹ thuật viên", "Technician"),
        "public_health": ("Cử nhân y tế công cộng", "Public health officer"),
        "village_health_worker": ("Nhân viên y tế thôn, bản", "Village health worker"),
        "other": ("Khác", "Other"),
    },
    "station_status": {
        "active": ("Đang hoạt động", "Active"),
        "suspended": ("Tạm ngừng hoạt động", "Suspended"),
        "closed": ("Đã giải thể", "Closed"),
    },
    "department_kind": {
        "admin": ("Phòng Kế hoạch – Nghiệp vụ", "Planning department"),
        "nursing": ("Phòng Điều dưỡng", "Nursing department"),
        "pharmacy": ("Khoa Dược – Vật tư, thiết bị y tế", "Pharmacy department"),
        "clinical": ("Khoa lâm sàng", "Clinical department"),
        "preventive": ("Khoa y tế dự phòng", "Preventive medicine department"),
    },
    "role": {
        "station": ("Trạm Y tế", "Health station"),
        "centre": ("Trung tâm Y tế", "Health centre"),
    },
    "visit_status": {
        "planned": ("Đã lên kế hoạch", "Planned"),
        "done": ("Đã thực hiện", "Done"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "programme": {
        "epi": ("Tiêm chủng mở rộng", "Expanded programme on immunisation"),
        "epidemic": ("Phòng chống dịch", "Epidemic prevention and control"),
        "nutrition": ("Dinh dưỡng", "Nutrition"),
        "reproductive_health": ("Sức khỏe sinh sản", "Reproductive health"),
        "ncd": ("Bệnh không lây nhiễm", "Non-communicable diseases"),
        "school_health": ("Y tế học đường", "School health"),
        "other": ("Khác", "Other"),
    },
    "training_format": {
        "in_person": ("Trực tiếp", "In person"),
        "online": ("Trực tuyến", "Online"),
    },
    "session_status": {
        "planned": ("Kế hoạch", "Planned"),
        "held": ("Đã tổ chức", "Held"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "organiser_kind": {
        "centre": ("Trung tâm Y tế", "Health centre"),
        "station": ("Trạm Y tế", "Health station"),
    },
    "attendance_result": {
        "attended": ("Có tham dự", "Attended"),
        "passed": ("Đạt", "Passed"),
        "failed": ("Không đạt", "Failed"),
        "absent": ("Vắng mặt", "Absent"),
    },
    "slot": {
        "morning": ("Sáng", "Morning"),
        "afternoon": ("Chiều", "Afternoon"),
    },
    "quarantine_status": {
        "active": ("Đang cách ly", "Quarantined"),
        "released": ("Đã cho sử dụng lại", "Released"),
        "disposed": ("Đã hủy", "Disposed"),
    },
    "quarantine_cause": {
        "heat": ("Nhiệt độ cao hơn +8 °C", "Above +8 °C"),
        "freeze": ("Đông băng / dưới +2 °C", "Frozen / below +2 °C"),
    },
    "item_category": {
        "drug": ("Thuốc", "Drug"),
        "supply": ("Vật tư y tế", "Medical supply"),
        "vaccine": ("Vắc xin", "Vaccine"),
    },
    "controlled": {
        "narcotic": ("Gây nghiện", "Narcotic"),
        "psychotropic": ("Hướng thần", "Psychotropic"),
        "precursor": ("Tiền chất", "Precursor"),
    },
    "vaccine_form": {
        "liquid": ("Dạng lỏng", "Liquid"),
        "lyophilised": ("Đông khô", "Lyophilised"),
    },
    "txn_kind": {
        "receipt": ("Nhập kho", "Receipt"),
        "issue": ("Xuất sử dụng", "Issue for use"),
        "transfer_out": ("Điều chuyển đi", "Transfer out"),
        "transfer_in": ("Điều chuyển đến", "Transfer in"),
        "adjustment": ("Điều chỉnh", "Adjustment"),
        "count": ("Điều chỉnh kiểm kê", "Count correction"),
        "disposal": ("Hủy", "Disposal"),
        "reversal": ("Đảo bút toán", "Reversal"),
    },
    "receipt_source": {
        "centre": ("Trung tâm cấp", "From the centre"),
        "other": ("Nguồn khác", "Other source"),
    },
    "requisition_status": {
        "draft": ("Nháp", "Draft"),
        "submitted": ("Đã gửi", "Submitted"),
        "approved": ("Đã duyệt", "Approved"),
        "rejected": ("Từ chối", "Rejected"),
        "shipped": ("Đã cấp phát", "Shipped"),
    },
    "count_status": {
        "draft": ("Đang kiểm kê", "In progress"),
        "approved": ("Đã duyệt", "Approved"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "shipment_status": {
        "pending": ("Chờ nhận", "Pending"),
        "confirmed": ("Đã nhận", "Confirmed"),
    },
    "disposal_reason": {
        "expired": ("Hết hạn sử dụng", "Expired"),
        "damaged": ("Hư hỏng", "Damaged"),
        "vvm": ("VVM quá giai đoạn 2", "VVM past stage 2"),
        "frozen": ("Bị đông băng", "Frozen"),
        "other": ("Khác", "Other"),
    },
}

# The support programme (the centre's plan, consultation calendar, training plan: domain/programme/).
LABELS["activity_kind"] = {
    "rotation": ("Luân phiên", "Staff rotation"),
    "consultation": ("Hội chẩn", "Case consultation"),
    "teleconsultation": ("Tư vấn khám chữa bệnh từ xa", "Teleconsultation"),
    "technique_transfer": ("Chuyển giao kỹ thuật", "Technique transfer"),
    "training": ("Đào tạo, tập huấn", "Training"),
    "supervision": ("Giám sát", "Supervision"),
}
LABELS["consultation_status"] = {
    "planned": ("Đã lên lịch", "Scheduled"),
    "held": ("Đã tổ chức", "Held"),
    "cancelled": ("Đã hủy", "Cancelled"),
}
LABELS["plan_training_format"] = {
    "in_person": ("Tập trung, trực tiếp", "In person"),
    "online": ("Trực tuyến", "Online"),
    "hands_on": ("Cầm tay chỉ việc", "Hands-on"),
}

# Referrals and supervision visits (domain/referrals.py, domain/supervision.py).
LABELS["referral_status"] = {
    "sent": ("Đã chuyển", "Sent"),
    "acknowledged": ("Trung tâm đã nhận tin", "Acknowledged"),
    "arrived": ("Người bệnh đã đến", "Arrived"),
    "not_arrived": ("Người bệnh không đến", "Did not arrive"),
    "closed": ("Đã kết thúc theo dõi", "Closed"),
    "cancelled": ("Đã hủy", "Cancelled"),
}
LABELS["supervision_area"] = {
    "nursing_practice": ("Thực hành điều dưỡng", "Nursing practice"),
    "infection_control": ("Kiểm soát nhiễm khuẩn", "Infection control"),
    "hand_hygiene": ("Vệ sinh tay", "Hand hygiene"),
    "medical_waste": ("Quản lý chất thải y tế", "Medical waste"),
    "injection_safety": ("An toàn tiêm chích", "Injection safety"),
    "drug_storage": ("Bảo quản thuốc", "Drug storage"),
    "village_health_workers": ("Nhân viên y tế thôn, ấp", "Village health workers"),
}
LABELS["finding_status"] = {
    "open": ("Chưa khắc phục", "Open"),
    "in_progress": ("Đang khắc phục", "In progress"),
    "closed": ("Đã khắc phục", "Closed"),
}

# Two-way rotation, scope of practice, visit case lists, techniques (domain/rotations.py, scope.py,
# visit_cases.py, techniques.py).
LABELS["visit_direction"] = {
    "to_station": ("Trung tâm về trạm", "Centre to station"),
    "to_centre": ("Trạm lên Trung tâm", "Station to centre"),
}
LABELS["practice_scope"] = {
    "general": ("Khám bệnh, chữa bệnh đa khoa", "General medicine"),
    "internal": ("Nội khoa", "Internal medicine"),
    "paediatrics": ("Nhi khoa", "Paediatrics"),
    "obstetrics": ("Sản phụ khoa", "Obstetrics and gynaecology"),
    "surgery": ("Ngoại khoa", "Surgery"),
    "traditional": ("Y học cổ truyền", "Traditional medicine"),
    "nursing": ("Điều dưỡng", "Nursing"),
    "midwifery": ("Hộ sinh", "Midwifery"),
    "pharmacy": ("Dược", "Pharmacy"),
    "laboratory": ("Xét nghiệm", "Laboratory"),
    "imaging": ("Chẩn đoán hình ảnh", "Diagnostic imaging"),
    "preventive": ("Y tế dự phòng", "Preventive medicine"),
    "rehabilitation": ("Phục hồi chức năng", "Rehabilitation"),
}
LABELS["case_kind"] = {
    "case": ("Ca bệnh", "Case"),
    "need": ("Nhu cầu hỗ trợ", "Support need"),
}
LABELS["technique_status"] = {
    "planned": ("Kế hoạch chuyển giao", "Planned"),
    "trained": ("Đã đào tạo", "Trained"),
    "supervised": ("Thực hành có giám sát", "Supervised practice"),
    "independent": ("Thực hiện độc lập", "Performed independently"),
}

# Generic "format" (support and training share the same two codes) for callers that do not say which.
LABELS["format"] = LABELS["training_format"]


def kinds() -> list[str]:
    return list(LABELS)


def codes(kind: str) -> list[str]:
    """The codes of one enumeration, in display order. An unknown kind is a programming error."""
    return list(LABELS[kind])


def label(kind: str, value: str | None, lang: str = "vi") -> str:
    """The display text of a code; an unknown code is shown as itself (data from a newer release)."""
    if value is None:
        return ""
    entry = LABELS[kind].get(value)
    if entry is None:
        return value
    return entry[1] if lang.startswith("en") else entry[0]


def label_in_sentence(kind: str, value: str | None, lang: str = "vi") -> str:
    """The label inside a sentence: English labels are capitalised as titles, so lower-cased here."""
    text = label(kind, value, lang)
    return text.lower() if lang.startswith("en") else text


def label_lower(kind: str, value: str | None, lang: str = "vi") -> str:
    """The label in lower case, in either language (a slot or a status inside a sentence)."""
    return label(kind, value, lang).lower()


def quoted_labels(kind: str, values: Iterable[str], lang: str = "vi") -> str:
    """The labels of several codes, each in quotes, comma-separated (the moves a record can make)."""
    return ", ".join(f"“{label(kind, v, lang)}”" for v in values)


def choices(kind: str, lang: str = "vi") -> list[tuple[str, str]]:
    """(code, label) pairs for a picker."""
    return [(code, label(kind, code, lang)) for code in LABELS[kind]]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


# What each enumeration is called in an error message.
_KIND_NAMES: dict[str, tuple[str, str]] = {
    "request_kind": ("loại yêu cầu", "request kind"),
    "request_status": ("trạng thái", "status"),
    "urgency": ("mức độ khẩn", "urgency"),
    "support_format": ("hình thức hỗ trợ", "support format"),
    "staff_title": ("chức danh", "title"),
    "station_status": ("tình trạng trạm", "station status"),
    "department_kind": ("loại khoa/phòng", "department kind"),
    "programme": ("chương trình", "programme"),
    "training_format": ("hình thức đào tạo", "training format"),
    "format": ("hình thức", "format"),
    "session_status": ("trạng thái buổi tập huấn", "session status"),
    "visit_status": ("trạng thái lịch luân phiên", "visit status"),
    "item_category": ("nhóm hàng", "item category"),
    "disposal_reason": ("lý do hủy", "disposal reason"),
    "txn_kind": ("loại phiếu", "movement kind"),
    "attendance_result": ("kết quả", "result"),
    "slot": ("buổi đo", "reading slot"),
    "referral_status": ("trạng thái chuyển tuyến", "referral status"),
    "supervision_area": ("lĩnh vực giám sát", "supervision area"),
    "finding_status": ("tình trạng khắc phục", "action status"),
    "activity_kind": ("loại hoạt động", "activity kind"),
    "consultation_status": ("trạng thái buổi hội chẩn", "consultation status"),
    "plan_training_format": ("hình thức tập huấn", "training format"),
}


def parse_code(kind: str, value: object, field: str | None = None) -> str:
    """A code from a code or either language's label (case-insensitive); refuses anything else
    with a message listing what is accepted."""
    text = _fold(str(value or ""))
    for code, (vi, en) in LABELS[kind].items():
        if text in (code, _fold(vi), _fold(en)):
            return code
    raise ValidationError(f"bad_{kind}", msg("bad_code", value=value, kind=pick(kind_name, kind),
                                              choices=pick(_choice_list, kind)), field=field or kind)


def kind_name(kind: str, lang: str = "vi") -> str:
    """What an enumeration is called in a message."""
    vi, en = _KIND_NAMES.get(kind, (kind, kind))
    return en if lang.startswith("en") else vi


def _choice_list(kind: str, lang: str = "vi") -> str:
    """The accepted values of an enumeration in a refusal: the codes with their Vietnamese labels in
    Vietnamese, the bare codes in English."""
    if lang.startswith("en"):
        return ", ".join(LABELS[kind])
    return ", ".join(f"{c} ({vi})" for c, (vi, _) in LABELS[kind].items())


# ----- Vietnamese ordering for lists of people and names ---------------------------------------

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: they make distinct letters
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # ngang, huyền, hỏi, ngã, sắc, nặng


WordKey = tuple[tuple[int, ...], tuple[int, ...]]


def vi_sort_key(text: str) -> WordKey:
    """Order of the Vietnamese alphabet (a ă â b … đ …), then tones: 'Ân' after 'Anh', 'Đức' after 'Dũng'."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0] + "".join(m for m in decomposed[1:] if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", base)
        tone = next((m for m in decomposed[1:] if m in _TONES), "")
        letters.append(_ALPHABET.index(letter) if letter in _ALPHABET else 100 + ord(letter))
        tones.append(_TONES[tone])
    return tuple(letters), tuple(tones)


def person_sort_key(full_name: str) -> tuple[WordKey, tuple[WordKey, ...]]:
    """Vietnamese lists sort people by given name (the last word), then by family and middle names."""
    words = full_name.split()
    if not words:
        return ((), ()), ()
    return vi_sort_key(words[-1]), tuple(vi_sort_key(w) for w in words[:-1])
