"""Checks the programme's modules share: whole numbers from zero up, a year, a quarter and its days."""

from __future__ import annotations

import datetime as dt
import re

from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.labels import label
from ytcs_desktop.messages import PerLanguage, capital, msg

QUARTERS = (1, 2, 3, 4)
MAX_AMOUNT = 10_000_000_000  # VND: a cost above ten billion for one activity is a typing slip
_GROUPED = re.compile(r"\d{1,3}([.,]\d{3})+")


def state_words(kind: str, code: str, lang: str = "vi") -> str:
    """A status as a sentence names it: the label as it is in Vietnamese, in lower case in English
    (“đã tổ chức”, “is already held”)."""
    words = label(kind, code, lang)
    return words.lower() if lang.startswith("en") else words


def non_negative(value: object, field: str, label: PerLanguage, limit: int = MAX_AMOUNT) -> int:
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
        raise ValidationError("bad_number", msg("bad_number.non_negative", label=capital(label), value=value),
                              field=field)
    return number


def year_of(value: object, field: str = "year") -> int:
    try:
        year = int(str(value).strip()) if not isinstance(value, bool) else 0
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        raise ValidationError("bad_year", msg("bad_year", value=value), field=field)
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
        raise ValidationError("bad_quarter", msg("bad_quarter", value=value), field=field)
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
