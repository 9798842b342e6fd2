"""Dates in text written outside the window (the CLI's lines, the domain's descriptions of records, the
printed forms), which has no Qt locale: one place that says how a day and a moment read in each language,
and which typed days are understood. The window formats through QLocale (ui/models/base.py fmt_date,
fmt_day_month). A test keeps hand-written day patterns out of every other module."""

from __future__ import annotations

import datetime as dt

# A day reads dd/mm/yyyy in both languages (as the printed forms and every domain message write it); a
# moment in English is ISO, so a log line or a support reply cannot misread it.
PATTERNS = {"vi": ("%d/%m/%Y", "%d/%m/%Y %H:%M"), "en": ("%d/%m/%Y", "%Y-%m-%d %H:%M")}
DAY_MONTH = "%d/%m"  # a day of a year the reader already knows (a chart's point, a period's start)
# What a person may type for a day besides ISO (the date fields' mask is dd/mm/yyyy).
TYPED = ("%d/%m/%Y", "%d-%m-%Y")
# The printed forms' moment: "14 giờ 30, ngày 07/12/2026" (the forms are Vietnamese documents).
FORM_MOMENT = "%H giờ %M, ngày %d/%m/%Y"


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "vi"


def day_text(day: dt.date | None, lang: str = "vi") -> str:
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        return moment_text(day, lang)
    return day.strftime(PATTERNS[_lang(lang)][0])


def moment_text(moment: dt.datetime | None, lang: str = "vi") -> str:
    if moment is None:
        return ""
    return moment.strftime(PATTERNS[_lang(lang)][1])


def day_month_text(day: dt.date | None, lang: str = "vi") -> str:
    """A day without its year, "07/12", in both languages (as `day_text` writes the day in both)."""
    return "" if day is None else day.strftime(DAY_MONTH)


def span_text(first: dt.date, last: dt.date, lang: str = "vi") -> str:
    """A period: "01/10–31/12/2026"; the first day's year is written too when it differs."""
    start = day_month_text(first, lang) if first.year == last.year else day_text(first, lang)
    return f"{start}–{day_text(last, lang)}"


def form_moment_text(moment: dt.datetime | None) -> str:
    """A moment as a printed Vietnamese form writes it; `moment` is already in Việt Nam's time."""
    return "" if moment is None else moment.strftime(FORM_MOMENT)


def parse_typed_day(text: str) -> dt.date | None:
    """The day a person typed (ISO, dd/mm/yyyy or dd-mm-yyyy), or None if it is not one."""
    value = (text or "").strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    for pattern in TYPED:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None
