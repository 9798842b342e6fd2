"""The staff directory kept up to date: a staff record edited in full (practising licence with its dates,
grade, step and position), a person who left the station recorded with the day, warnings before a licence
renewal or the continuing-education (CME) deadline behind it, and a staffing summary per station.

Licence rule: a practising licence (chứng chỉ hành nghề, giấy phép hành nghề) issued under the Law on
Medical Examination and Treatment 2023 (in force 1 January 2024) is valid for 5 years and is renewed only
with the CME periods of those 5 years (domain/cme.py: 120 periods); one issued before then has no end date
unless one is typed from the licence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.cme import REQUIRED_PERIODS, cme_window, credited_periods
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import codes, label, person_sort_key
from ytcs_desktop.domain.stations import (
    _check_licence_unique,
    _check_staff_owner,
    _clean_staff,
    as_date,
    get_row,
    list_stations,
    require_station,
)
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.models import Staff, Station

LICENCE_YEARS = 5
TERM_LICENCES_FROM = dt.date(2024, 1, 1)  # Luật Khám bệnh, chữa bệnh 2023 in force: 5-year licences
RENEWAL_WARNING_DAYS = 180  # warn this long before: renewal papers and missing CME periods take months
MAX_GRADE_STEP = 12
# Titles whose presence the centre checks first at a station (a doctor; someone for births; medicines).
KEY_TITLES = ("doctor", "assistant_doctor", "nurse", "midwife", "pharmacist")

_DIRECTORY_FIELDS = frozenset({"licence_date", "licence_valid_to", "grade", "grade_step", "position"})


def _optional_day(value: object, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    return as_date(value, name)


def _text(value: object, name: str, what: PerLanguage, limit: int) -> str | None:
    text = (str(value).strip() if value is not None else "") or None
    if text is not None and len(text) > limit:
        raise ValidationError("too_long", msg("too_long.staff_directory", what=what, limit=limit), field=name)
    return text


def _grade_step(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        step = int(str(value).strip())
    except ValueError:
        step = 0
    if not 1 <= step <= MAX_GRADE_STEP:
        raise ValidationError("bad_grade_step",
                              msg("bad_grade_step", value=value, max_grade_step=MAX_GRADE_STEP),
                              field="grade_step")
    return step


def _clean_directory(fields: Mapping[str, Any], today: dt.date, current: Staff | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "licence_date" in fields:
        day = _optional_day(fields["licence_date"], "licence_date")
        if day is not None and day > today:
            raise ValidationError(
                "future_licence_date",
                msg("future_licence_date", day=pick(day_text, day)),
                field="licence_date")
        out["licence_date"] = day
    if "licence_valid_to" in fields:
        out["licence_valid_to"] = _optional_day(fields["licence_valid_to"], "licence_valid_to")
    issued = out.get("licence_date", current.licence_date if current else None)
    valid_to = out.get("licence_valid_to", current.licence_valid_to if current else None)
    if issued and valid_to and valid_to <= issued:
        raise ValidationError(
            "bad_range",
            msg("bad_range.clean_directory", valid_to=pick(day_text, valid_to), issued=pick(day_text, issued)),
            field="licence_valid_to")
    if "grade" in fields:
        out["grade"] = _text(fields["grade"], "grade", msg("word.the_grade"), 120)
    if "grade_step" in fields:
        out["grade_step"] = _grade_step(fields["grade_step"])
    if "position" in fields:
        out["position"] = _text(fields["position"], "position", msg("word.the_position"), 200)
    return out


def save_staff(s: Session, actor: Actor, staff_id: str | None, fields: Mapping[str, Any],
               today: dt.date | None = None) -> Staff:
    """Add a staff member (staff_id None) or change one, every field of the directory at once."""
    today = today or dt.date.today()
    base = {k: v for k, v in fields.items() if k not in _DIRECTORY_FIELDS}
    current = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id") if staff_id else None
    if current is not None:
        _check_staff_owner(actor, current)
    directory = _clean_directory(fields, today, current)  # checked before anything is written
    # Everything is checked before anything is set, and a save is one write: one line in the history.
    if current is not None:
        values = _clean_staff(s, actor, base)
        if "licence_no" in values:
            _check_licence_unique(s, values["licence_no"], except_id=current.id)
        for name, value in {**values, **directory}.items():
            setattr(current, name, value)
        s.flush()
        return current
    values = _clean_staff(s, actor, {"full_name": None, "title": None, **base})
    _check_licence_unique(s, values.get("licence_no"))
    station_id = None
    if actor.role == "station":
        station_id = require_station(actor, msg("word.add_station_staff"))
        get_row(s, Station, station_id, msg("word.station.save_staff"), "station_id")
    staff = Staff(station_id=station_id, active=True, **values, **directory)
    s.add(staff)
    s.flush()
    return staff


def record_departure(s: Session, actor: Actor, staff_id: str, left_on: object,
                     today: dt.date | None = None) -> Staff:
    """A person who left the station: kept in the records (trainings, history), no longer listed as
    working there, with the day they left."""
    today = today or dt.date.today()
    staff = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id")
    _check_staff_owner(actor, staff)
    if left_on is None or left_on == "":
        raise ValidationError("required", msg("required.record_departure"), field="left_on")
    day = as_date(left_on, "left_on")
    if day > today:
        raise ValidationError(
            "future_left_on",
            msg("future_left_on", day=pick(day_text, day)), field="left_on")
    if not staff.active:
        text = msg("already_inactive.left_on", full_name=staff.full_name, day=pick(day_text, staff.left_on)) \
            if staff.left_on else msg("already_inactive.left", full_name=staff.full_name)
        raise RuleError("already_inactive", text, field="left_on")
    staff.active = False
    staff.left_on = day
    s.flush()
    return staff


def renewal_due(staff: Staff) -> dt.date | None:
    """The day the practising licence must be renewed by, if it has one."""
    if staff.licence_valid_to:
        return staff.licence_valid_to
    issued = staff.licence_date
    if issued is None or issued < TERM_LICENCES_FROM:
        return None
    try:
        return issued.replace(year=issued.year + LICENCE_YEARS)
    except ValueError:  # 29 February
        return issued.replace(year=issued.year + LICENCE_YEARS, day=28)


@dataclass(frozen=True)
class LicenceNotice:
    staff_id: str
    name: str
    kind: str  # expired | renewal | cme
    due: dt.date
    missing_periods: int = 0

    @property
    def text(self) -> PerLanguage:
        due = pick(day_text, self.due)
        if self.kind == "expired":
            return msg("licence_expired", name=self.name, due=due)
        if self.kind == "cme":
            return msg("licence_cme", name=self.name, due=due, missing=self.missing_periods)
        return msg("licence_renewal", name=self.name, due=due)

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)


def licence_notices(s: Session, station_id: str | None, as_of: dt.date | None = None,
                    people: list[Staff] | None = None) -> list[LicenceNotice]:
    """Warnings for the active staff of a station (None: the centre's own staff): a licence expired, one to
    renew within RENEWAL_WARNING_DAYS, and the CME periods still missing for that renewal."""
    as_of = as_of or dt.date.today()
    if people is None:
        query = select(Staff).where(Staff.deleted.is_(False), Staff.active.is_(True))
        query = query.where(Staff.station_id.is_(None) if station_id is None else Staff.station_id == station_id)
        people = list(s.scalars(query))
    out: list[LicenceNotice] = []
    for person in sorted(people, key=lambda p: person_sort_key(p.full_name)):
        due = renewal_due(person)
        if due is None or due > as_of + dt.timedelta(days=RENEWAL_WARNING_DAYS):
            continue
        if due < as_of:
            out.append(LicenceNotice(person.id, person.full_name, "expired", due))
            continue
        out.append(LicenceNotice(person.id, person.full_name, "renewal", due))
        window_from, window_to = cme_window(due)
        earned = credited_periods(s, [person.id], window_from, window_to).get(person.id, 0)
        if earned < REQUIRED_PERIODS:
            out.append(LicenceNotice(person.id, person.full_name, "cme", due, REQUIRED_PERIODS - earned))
    return out


@dataclass(frozen=True)
class StationStaffing:
    station_id: str
    station: str
    active: int
    by_title: dict[str, int] = field(default_factory=dict)
    without_licence: int = 0
    notices: tuple[LicenceNotice, ...] = ()

    @property
    def has_doctor(self) -> bool:
        return self.by_title.get("doctor", 0) > 0

    def titles_text(self, lang: str = "vi") -> str:
        """"Bác sĩ 1, Điều dưỡng 2, …" in the order of the title list."""
        return ", ".join(f"{label('staff_title', code, lang)} {n}" for code, n in self.by_title.items() if n)

    def missing(self, lang: str = "vi") -> list[str]:
        """The key titles the station has nobody for (the centre plans rotations and recruitment on it)."""
        return [label("staff_title", code, lang) for code in KEY_TITLES if not self.by_title.get(code)]


def staffing_summary(s: Session, as_of: dt.date | None = None) -> list[StationStaffing]:
    """Per station: the active staff by title, whether it has a doctor, who lacks a licence number, and
    the licence and CME warnings."""
    as_of = as_of or dt.date.today()
    staff = list(s.scalars(select(Staff).where(Staff.deleted.is_(False), Staff.active.is_(True),
                                               Staff.station_id.is_not(None))))
    by_station: dict[str, list[Staff]] = {}
    for person in staff:
        by_station.setdefault(str(person.station_id), []).append(person)
    order = codes("staff_title")
    out = []
    for station in list_stations(s):
        people = by_station.get(station.id, [])
        counts = Counter(p.title for p in people)
        titles = {code: counts[code] for code in order if counts.get(code)}
        titles.update({code: n for code, n in counts.items() if code not in titles})
        out.append(StationStaffing(
            station_id=station.id, station=station.name, active=len(people), by_title=titles,
            without_licence=sum(1 for p in people if not p.licence_no and p.title != "village_health_worker"),
            notices=tuple(licence_notices(s, station.id, as_of, people))))
    return out
