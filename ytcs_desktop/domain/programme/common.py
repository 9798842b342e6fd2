"""Checks the programme's modules share: whole numbers from zero up, a year, a quarter and its days."""

from __future__ import annotations

import datetime as dt
import re

from ytcs_desktop.domain.errors import ValidationError

QUARTERS = (1, 2, 3, 4)
MAX_AMOUNT = 10_000_000_000  # VND: a cost above ten billion for one activity is a typing slip
_GROUPED = re.compile(r"\d{1,3}([.,]\d{3})+")


def non_negative(value: object, field: str, vi_label: str, en_label: str, limit: int = MAX_AMOUNT) -> int:
    """A whole number from 0 up (a target, a head count, a cost): empty means 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    try:
        if isinstance(value, bool):
            raise ValueError
        text = str(value).strip().replace(" ", "")
        if _GROUPED.fullmatch(text):  # 1.500.000 or 1,500,000: thousands written with separators
            text = text.replace(".", "").replace(",", "")
        number = value if isinstance(value, int) else int(text)
    except ValueError:
        number = -1
    if number < 0 or number > limit:
        raise ValidationError(
            "bad_number",
            f"{vi_label.capitalize()} “{value}” không hợp lệ: hãy nhập số nguyên từ 0 trở lên.",
            f"{en_label.capitalize()} “{value}” is not valid: enter a whole number of 0 or more.",
            field,
        )
    return number


def year_of(value: object, field: str = "year") -> int:
    try:
        year = int(str(value).strip()) if not isinstance(value, bool) else 0
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        raise ValidationError("bad_year", f"Năm “{value}” không hợp lệ: hãy nhập năm có 4 chữ số, ví dụ 2026.",
                              f"Year “{value}” is not valid: enter a four-digit year such as 2026.", field)
    return year


def quarter_of(value: object, field: str = "quarter") -> int | None:
    """A quarter 1–4, or None when not given."""
    if value is None or value == "":
        return None
    text = str(value).strip().upper().removeprefix("Q").removeprefix("QUÝ").strip()
    if text in {"I", "II", "III", "IV"}:
        text = str(("I", "II", "III", "IV").index(text) + 1)
    try:
        quarter = int(text)
    except ValueError:
        quarter = 0
    if quarter not in QUARTERS:
        raise ValidationError("bad_quarter", f"Quý “{value}” không hợp lệ: hãy chọn quý 1, 2, 3 hoặc 4.",
                              f"Quarter “{value}” is not valid: choose quarter 1, 2, 3 or 4.", field)
    return quarter


def quarter_days(year: int, quarter: int | None) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter, or of the year when quarter is None."""
    if quarter is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first = dt.date(year, 3 * quarter - 2, 1)
    last = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, last - dt.timedelta(days=1)


def quarter_of_day(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1
