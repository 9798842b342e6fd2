"""Every enumerated code has a Vietnamese and an English label; typed labels parse back to codes."""

from __future__ import annotations

import pytest

from ytcs_desktop.domain import labels
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.support import STATUSES, TRANSITIONS

REQUIRED_KINDS = {
    "request_kind": {"rotation", "consultation", "teleconsultation", "technique_transfer", "training_need",
                     "supply_support", "other"},
    "request_status": {"draft", "submitted", "accepted", "scheduled", "in_progress", "done", "rated", "rejected",
                       "cancelled"},
    "urgency": {"normal", "urgent", "emergency"},
    "programme": {"epi", "epidemic", "nutrition", "reproductive_health", "ncd", "school_health", "other"},
    "training_format": {"in_person", "online"},
    "slot": {"morning", "afternoon"},
    "staff_title": {"doctor", "assistant_doctor", "nurse", "midwife", "pharmacist", "technician"},
}

ALL = [(kind, code) for kind in labels.kinds() for code in labels.codes(kind)]


def test_required_enumerations_are_complete() -> None:
    for kind, wanted in REQUIRED_KINDS.items():
        assert wanted <= set(labels.codes(kind)), kind


@pytest.mark.parametrize(("kind", "code"), ALL)
def test_every_code_has_both_languages(kind: str, code: str) -> None:
    vi, en = labels.label(kind, code, "vi"), labels.label(kind, code, "en")
    assert vi and en and vi != code
    assert en.isascii() or "°" in en, en
    assert labels.label(kind, code) == vi  # Vietnamese is the default
    assert labels.parse_code(kind, vi) == code
    assert labels.parse_code(kind, en.upper()) == code
    assert labels.parse_code(kind, code) == code


def test_vietnamese_labels_carry_diacritics() -> None:
    assert labels.label("request_kind", "consultation") == "Hội chẩn"
    assert labels.label("request_status", "cancelled") == "Đã hủy"
    assert labels.label("programme", "epi") == "Tiêm chủng mở rộng"
    assert labels.label("slot", "afternoon", "en") == "Afternoon"
    non_ascii = [labels.label(k, c) for k, c in ALL if not labels.label(k, c).isascii()]
    assert len(non_ascii) > len(ALL) * 0.8


def test_status_codes_match_the_state_machine() -> None:
    used = {s for pair in TRANSITIONS for s in pair}
    assert used == set(STATUSES)


def test_unknown_value_is_shown_as_is_and_refused_on_input() -> None:
    assert labels.label("urgency", "whenever") == "whenever"
    assert labels.label("urgency", None) == ""
    with pytest.raises(ValidationError) as info:
        labels.parse_code("urgency", "whenever", "urgency")
    assert info.value.field == "urgency"
    assert "mức độ khẩn" in info.value.vi and "emergency" in info.value.en
    with pytest.raises(KeyError):
        labels.label("no_such_kind", "x")


def test_choices_keep_display_order() -> None:
    assert labels.choices("slot", "vi") == [("morning", "Sáng"), ("afternoon", "Chiều")]


def test_inventory_codes_have_labels() -> None:
    from ytcs_desktop.domain.inventory.common import KINDS
    from ytcs_desktop.domain.inventory.ledger import DISPOSAL_CODES, SOURCES

    assert set(KINDS) == set(labels.codes("txn_kind"))
    assert set(DISPOSAL_CODES) == set(labels.codes("disposal_reason"))
    assert set(SOURCES) == set(labels.codes("receipt_source"))


def test_people_sort_by_given_name_in_vietnamese_order() -> None:
    names = ["Đặng Minh Tuấn", "Võ Thị Hồng", "Trần Thị Ân", "Nguyễn Văn An", "Phạm Đức", "Lê Văn Dũng",
             "Ngô Thị Anh", "Lý Hạ", "Lê Hà", "Bùi Hà", "Hồ Ánh"]
    assert sorted(names, key=labels.person_sort_key) == [
        "Nguyễn Văn An", "Ngô Thị Anh", "Hồ Ánh", "Trần Thị Ân", "Lê Văn Dũng", "Phạm Đức", "Bùi Hà", "Lê Hà",
        "Lý Hạ", "Võ Thị Hồng", "Đặng Minh Tuấn"]
    assert labels.person_sort_key("") < labels.person_sort_key("An")
