"""Dates in text written outside the window (the CLI's lines, the domain's descriptions of records),
which has no Qt locale: one place that says how a day and a moment read in each language.
The window formats through QLocale (ui/models/base.py fmt_date)."""

from __future__ import annotations

import datetime as dt

# A day reads dd/mm/yyyy in both languages (as the printed forms and every domain message write it); a
# moment in English is ISO, so a log line or a support reply cannot misread it.
PATTERNS = {"vi": ("%d/%m/%Y", "%d/%m/%Y %H:%M"), "en": ("%d/%m/%Y", "%Y-%m-%d %H:%M")}


def day_text(day: dt.date | None, lang: str = "vi") -> str:
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        return moment_text(day, lang)
    return day.strftime(PATTERNS["en" if lang.startswith("en") else "vi"][0])


def moment_text(moment: dt.datetime | None, lang: str = "vi") -> str:
    if moment is None:
        return ""
    return moment.strftime(PATTERNS["en" if lang.startswith("en") else "vi"][1])
