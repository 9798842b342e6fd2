"""Parsing and checking of raw input shared by the CLI, the UI and imports (one message everywhere)."""

from __future__ import annotations

import datetime as dt

from ytcs_desktop.dates import parse_typed_day
from ytcs_desktop.domain.errors import ValidationError


def parse_date(text: str, field: str = "date") -> dt.date:
    value = (text or "").strip()
    day = parse_typed_day(value)
    if day is not None:
        return day
    raise ValidationError(
        "bad_date",
        f"Ngày “{value}” không hợp lệ: hãy nhập theo dạng NNNN-TT-NN (ví dụ 2026-01-05) hoặc NN/TT/NNNN.",
        f"“{value}” is not a valid date: use YYYY-MM-DD (e.g. 2026-01-05) or DD/MM/YYYY.",
        field,
    )


def positive_quantity(value: object, field: str = "quantity") -> int:
    try:
        qty = int(str(value).strip()) if not isinstance(value, int) else value
        if isinstance(value, float) and value != int(value):
            raise ValueError
    except ValueError:
        qty = None
    if qty is None or qty <= 0:
        raise ValidationError(
            "bad_quantity",
            f"Số lượng “{value}” không hợp lệ: hãy nhập một số nguyên lớn hơn 0.",
            f"Quantity “{value}” is not valid: enter a whole number greater than 0.",
            field,
        )
    return qty


def required_text(value: str | None, field: str, vi_label: str, en_label: str, max_len: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(
            "required", f"Vui lòng nhập {vi_label}.", f"Please enter the {en_label}.", field
        )
    if len(text) > max_len:
        raise ValidationError(
            "too_long",
            f"{vi_label.capitalize()} dài quá {max_len} ký tự.",
            f"The {en_label} is longer than {max_len} characters.",
            field,
        )
    return text
