"""The NĐ 30/2020 text pieces: the header strings, the number and the date line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ytcs_desktop.domain.reportdata.common import Header

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def date_line(place: str, day: dt.date) -> str:
    """"An Phú, ngày 05 tháng 01 năm 2026" (leading zeros, as NĐ 30 prints day and month)."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def number_line(number: str | None) -> str | None:
    return None if number is None else f"Số: {number}"


def header_texts(h: Header) -> Iterator[str]:
    yield h.parent_org.upper()
    yield h.station_name.upper()
    yield NATION
    yield MOTTO
    yield date_line(h.place, h.date)
    yield number_line(h.number) or ""
    yield h.title.upper()
    yield h.subtitle or ""
    yield "Trang"
