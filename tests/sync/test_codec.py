"""The wire's column codec (protocol.encode_column / decode_column) is exact and stays compact."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p

HEX = "0123456789abcdef"
uuid7 = st.builds(lambda ts, a, v, b: f"{ts:012x}"[:8] + "-" + f"{ts:012x}"[8:] + f"-7{a}-{v}{b[:3]}-{b[3:]}",
                  st.integers(0, 2**48 - 1), st.text(HEX, min_size=3, max_size=3), st.sampled_from("89ab"),
                  st.text(HEX, min_size=15, max_size=15))
stamp = st.builds(lambda w, c, r: f"{w:015d}-{c:06d}-{r}", st.integers(0, 10**15 - 1), st.integers(0, 999_999),
                  st.text(min_size=1, max_size=12))
near_miss = st.sampled_from(["", "\n", "01a2352e-5c5e-7bc6-8502-b9cc9a86963\n", "01A2352E-5C5E-7BC6-8502-B9CC9A869635",
                             "01a2352e-5c5e-4bc6-8502-b9cc9a869635", "001796188560897-000000-",
                             "001796188560897-000000-r\n001796188560898-000001-r", "2025-01-01"])
value = st.one_of(uuid7, stamp, near_miss, st.integers(-2**70, 2**70), st.none(), st.booleans(), st.text(max_size=8),
                  st.floats(allow_nan=False))


def _wire(values: list[Any]) -> list[Any]:
    """Encoded, through JSON as on the wire, and decoded."""
    return p.decode_column(json.loads(p.dumps(p.encode_column(values))))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(uuid7, max_size=40), st.lists(stamp, max_size=40), st.lists(value, max_size=40),
                 st.lists(st.sampled_from(["01a2352e-5c5e-7bc6-8502-b9cc9a869635", "0" * 15 + "-000000-x",
                                           "0" * 15 + "-000000-x\n"]), max_size=40)))
def test_every_column_comes_back_exactly(values: list[Any]) -> None:
    back = _wire(values)
    assert back == values
    assert [type(v) for v in back] == [type(v) for v in values]


def test_ids_references_stamps_and_numbers_travel_compact() -> None:
    ids = [new_id() for _ in range(500)]
    refs = [ids[i % 7] for i in range(500)]
    stamps = [f"{1_796_188_560_897 + i // 3:015d}-{i % 3:06d}-{ids[0]}" for i in range(500)]
    mixed = [f"{1_796_188_560_897 + i:015d}-000000-{ids[i % 2]}" for i in range(500)]
    for column, kind in ((ids, "u"), (refs, "u"), (stamps, "h"), (mixed, "h"), (list(range(500)), "d")):
        encoded = p.encode_column(column)
        assert isinstance(encoded, dict) and kind in encoded
        assert p.decode_column(encoded) == column
    assert p.encode_column(stamps)["r"] == ids[0]  # one replica: named once
    assert p.encode_column(ids[:3]) == ids[:3]  # short columns go as they are
    plain = [*ids[:10], ids[0].upper()]
    assert p.encode_column(plain) == plain


def test_row_images_as_json_text_read_back_the_same() -> None:
    image = {"id": new_id(), "quantity": -3, "celsius": 4.5, "big": 2**70, "deleted": False, "note": None,
             "actor": "Nguyễn Thị Lan", "nested": {"a": [1, "b"]}, "tiny": 1e-300, "huge": 1e300}
    text = p.json_text(image)
    assert json.loads(text) == image
    assert "Nguyễn" in text and " " not in text.replace("Nguyễn Thị Lan", "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(value, st.sampled_from([",", '"', "\\", "a,b", '"x","y"', "],[", "\u2028", "\x00"])),
                max_size=40))
def test_a_column_of_values_is_written_as_each_value_alone(values: list[Any]) -> None:
    """The centre writes a row's JSON from its values' texts, a column at a time (push.Batch._merge_new)."""
    assert p.json_column(values) == [p.json_text(v) for v in values]
