"""One place for how a day reads: no module of the package but ytcs_desktop/dates.py writes a day pattern
("%d/%m…") by hand; the window goes through QLocale (ui/models/base.py), the rest through dates.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import ytcs_desktop
from ytcs_desktop.dates import day_month_text, form_moment_text, parse_typed_day, span_text

PACKAGE = Path(ytcs_desktop.__file__).parent
# A day then its month, as a hand-made strftime/format pattern writes them ("%d/%m", "%d-%m-%Y"). (ISO
# "%Y-%m-%d" in a file name or a log line is not a day as people read it and stays allowed.)
HAND_WRITTEN = re.compile(r"%d\s*[/.\-]\s*%m")


def hand_written_days(text: str) -> list[int]:
    return [text.count("\n", 0, m.start()) + 1 for m in HAND_WRITTEN.finditer(text)]


def test_the_check_sees_the_patterns_it_forbids() -> None:
    assert hand_written_days('x = f"{day:%d/%m}"\ny = d.strftime("%H:%M %d-%m-%Y")\nz = f"{d:%Y-%m-%d}"\n') == [1, 2]


def test_no_day_pattern_outside_dates_py() -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name != "dates.py" or path.parent != PACKAGE
             for line in hand_written_days(path.read_text(encoding="utf-8"))]
    assert found == [], "write days through ytcs_desktop/dates.py or ui/models/base.py fmt_date: " + ", ".join(found)


def test_the_helpers_write_and_read_days() -> None:
    assert day_month_text(dt.date(2026, 3, 7)) == "07/03"
    assert span_text(dt.date(2026, 10, 1), dt.date(2026, 12, 31)) == "01/10–31/12/2026"
    assert span_text(dt.date(2025, 12, 15), dt.date(2026, 1, 14)) == "15/12/2025–14/01/2026"
    assert form_moment_text(dt.datetime(2026, 12, 7, 14, 5)) == "14 giờ 05, ngày 07/12/2026"
    assert [parse_typed_day(t) for t in ("2026-01-05", "05/01/2026", " 05-01-2026 ", "5 tháng 1", "")] == [
        dt.date(2026, 1, 5), dt.date(2026, 1, 5), dt.date(2026, 1, 5), None, None]
