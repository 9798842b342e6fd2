"""Centre, departments, station profiles and staff (DOMAIN.md "Organisation").

Each station profile field has one owner (SYNC.md): the station keeps its contact fields, the centre
its administrative ones. A write to a field the actor's side does not own is refused here, before it
can reach the outbox, and again on the server.

One exception, for a station that has no centre yet (made with `ytcs init`, never signed in to a
centre server, never synced, not registered by a centre): its own staff may also write the
administrative fields its printed forms need (`BEFORE_CENTRE`: name, commune, parent organisation,
licence), or every form would be headed with a placeholder. Once the station is bound to a centre
those fields are the centre's again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import parse_code, person_sort_key
from ytcs_desktop.domain.scope import parse_scope
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.domain.validation import parse_date, required_text
from ytcs_desktop.messages import PerLanguage, msg, pick, plain
from ytcs_desktop.store.base import SyncMixin
from ytcs_desktop.store.models import Centre, Department, Staff, Station, SyncMeta

T = TypeVar("T", bound=SyncMixin)

# ----- helpers shared by the other domain modules of this area --------------------------------


def get_row(s: Session, model: type[T], row_id: str | None, what: PerLanguage, field: str = "id") -> T:
    """The live (not tombstoned) row with this id, or NotFoundError naming what was looked for."""
    row = s.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise NotFoundError("not_found", msg("not_found.get_row", what=what, row_id=row_id), field=field)
    return row


def as_date(value: object, field: str) -> dt.date:
    """A date from a date or text (YYYY-MM-DD or DD/MM/YYYY)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value or ""), field)


def optional_date(value: object, field: str) -> dt.date | None:
    return None if value is None or value == "" else as_date(value, field)


def check_range(date_from: dt.date, date_to: dt.date, field: str = "date_to") -> None:
    if date_from > date_to:
        raise ValidationError(
            "bad_range",
            msg("bad_range.check_range", date_to=pick(day_text, date_to), date_from=pick(day_text, date_from)),
            field=field,
        )


def require_centre(actor: Actor, action: PerLanguage) -> None:
    if actor.role != "centre":
        raise PermissionDenied("centre_only", msg("centre_only.require_centre", action=action))


def require_station(actor: Actor, action: PerLanguage) -> str:
    """The acting station's id; refuses a centre actor or a station actor without a station."""
    if actor.role != "station" or not actor.station_id:
        raise PermissionDenied("station_only", msg("station_only.require_station", action=action))
    return actor.station_id


def check_own_station(actor: Actor, station_id: str | None) -> None:
    """A station actor may touch only its own station's records; the centre may touch any."""
    if actor.role == "station" and station_id != actor.station_id:
        raise PermissionDenied(
            "other_station",
            msg("other_station.check_own_station"),
        )


_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")


def normalise_phone(value: str | None, field: str = "phone") -> str | None:
    """A Vietnamese phone number as digits: mobile 0xxxxxxxxx (10 digits) or landline 02xxxxxxxxx
    (11 digits with area code); +84/84 becomes 0. Empty stays empty."""
    if value is None or not str(value).strip():
        return None
    digits = _PHONE_SEPARATORS.sub("", str(value).strip())
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return digits
    raise ValidationError(
        "bad_phone",
        msg("bad_phone", value=value),
        field=field,
    )


def _population(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        number = -1
    if number < 0:
        raise ValidationError(
            "bad_population",
            msg("bad_population", value=value),
            field="population",
        )
    return number


def _licence_date(value: object, today: dt.date | None = None) -> dt.date | None:
    day = optional_date(value, "licence_date")
    if day is not None and day > (today or dt.date.today()):
        raise ValidationError("future_licence_date", msg("future_licence_date.station", day=pick(day_text, day)),
                              field="licence_date")
    return day


_TEXT_LIMITS = {"code": 32, "name": 300, "commune": 200, "address": 300, "contact_name": 200, "licence_no": 80,
                "licence_issuer": 200, "parent_org": 300, "head_name": 200, "satellite_posts": 4000}
SATELLITE_POST_LIMIT = 200  # one điểm trạm's name and place

# What each profile field is called on screen, in messages and in `ytcs station profile`.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "code": ("Mã trạm", "Station code"),
    "name": ("Tên trạm", "Station name"),
    "commune": ("Xã/phường", "Commune/ward"),
    "address": ("Địa chỉ", "Address"),
    "phone": ("Điện thoại", "Phone"),
    "contact_name": ("Người đầu mối", "Contact person"),
    "contact_phone": ("Điện thoại đầu mối", "Contact phone"),
    "head_name": ("Trưởng trạm", "Head of station"),
    "population": ("Dân số phụ trách", "Population served"),
    "satellite_posts": ("Điểm trạm", "Satellite posts"),
    "parent_org": ("Cơ quan chủ quản", "Parent organisation"),
    "licence_no": ("Số giấy phép hoạt động", "Operating licence number"),
    "licence_date": ("Ngày cấp giấy phép", "Licence date"),
    "licence_issuer": ("Cơ quan cấp giấy phép", "Licence issued by"),
    "status": ("Tình trạng hoạt động", "Status"),
    "centre_id": ("Trung tâm quản lý", "Managing centre"),
}


def field_label(name: str, lang: str = "vi") -> str:
    """What a station profile field is called (its own name when it has no label)."""
    vi, en = FIELD_LABELS.get(name, (name, name))
    return en if lang.startswith("en") else vi


# Administrative fields a station with no centre yet writes itself (see the module docstring).
BEFORE_CENTRE = frozenset({"name", "commune", "parent_org", "licence_no", "licence_date", "licence_issuer"})
# The sync meta keys that show this database has met a centre (written by the sync layer).
_BOUND_KEYS = ("sync_server_url", "sync_push_cursor", "sync_pull_cursor")


def split_posts(value: object) -> list[str]:
    """Satellite posts (điểm trạm) from text: one per line, or separated by semicolons."""
    if value is None:
        return []
    parts = [str(v) for v in value] if isinstance(value, (list, tuple)) else re.split(r"[;\n]", str(value))
    return [p.strip() for p in parts if p.strip()]


def _satellite_posts(value: object) -> str | None:
    posts = split_posts(value)
    for post in posts:
        if len(post) > SATELLITE_POST_LIMIT:
            raise ValidationError(
                "too_long",
                msg("too_long.satellite_posts.2", post=post[:40], satellite_post_limit=SATELLITE_POST_LIMIT),
                field="satellite_posts",
            )
    text = "\n".join(posts)
    if len(text) > _TEXT_LIMITS["satellite_posts"]:
        limit = _TEXT_LIMITS["satellite_posts"]
        raise ValidationError("too_long", msg("too_long.satellite_posts", limit=limit),
                              field="satellite_posts")
    return text or None


def _clean_profile(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validated values for station profile fields; unknown names are refused."""
    known = Station.__station_fields__ | Station.__centre_fields__
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in known or name == "deleted":
            raise ValidationError(
                "unknown_field",
                msg("unknown_field.clean_profile", name=name),
                field=name,
            )
        if name in ("phone", "contact_phone"):
            out[name] = normalise_phone(value, name)
        elif name == "population":
            out[name] = _population(value)
        elif name == "licence_date":
            out[name] = _licence_date(value)
        elif name == "status":
            out[name] = parse_code("station_status", value, "status")
        elif name in ("code", "name"):
            what = msg("word.station_code") if name == "code" else msg("word.station_name")
            out[name] = required_text(value, name, what, _TEXT_LIMITS[name])
        elif name == "centre_id":
            out[name] = value or None
        elif name == "satellite_posts":
            out[name] = _satellite_posts(value)
        else:
            text = (str(value).strip() if value is not None else "") or None
            limit = _TEXT_LIMITS.get(name, 300)
            if text and len(text) > limit:
                raise ValidationError("too_long", msg("too_long.station", what=pick(field_label, name), limit=limit),
                                      field=name)
            out[name] = text
    return out


# ----- centre and departments ------------------------------------------------------------------


def create_centre(
    s: Session, *, code: str, name: str, address: str | None = None, phone: str | None = None,
    province: str | None = None, actor: Actor | None = None,
) -> Centre:
    if actor is not None:
        require_centre(actor, msg("word.create_a_centre"))
    code = required_text(code, "code", msg("word.centre_code"), 32)
    if s.scalar(select(Centre.id).where(Centre.code == code)):
        raise RuleError("duplicate_code", msg("duplicate_code", code=code),
                        field="code")
    centre = Centre(code=code, name=required_text(name, "name", msg("word.centre_name")),
                    address=(address or "").strip() or None, phone=normalise_phone(phone),
                    province=(province or "").strip() or None)
    s.add(centre)
    s.flush()
    return centre


def create_department(
    s: Session, *, centre_id: str, code: str, name: str, kind: str = "admin", actor: Actor | None = None
) -> Department:
    if actor is not None:
        require_centre(actor, msg("word.create_a_department"))
    get_row(s, Centre, centre_id, msg("word.centre.create_department"), "centre_id")
    dept = Department(centre_id=centre_id, code=required_text(code, "code", msg("word.department_code"), 32),
                      name=required_text(name, "name", msg("word.department_name")),
                      kind=parse_code("department_kind", kind, "kind"))
    s.add(dept)
    s.flush()
    return dept


# ----- station profile -------------------------------------------------------------------------


def create_station(
    s: Session, *, code: str, name: str, centre_id: str | None = None, station_id: str | None = None,
    actor: Actor | None = None, **profile: Any,
) -> Station:
    """A station row; its id is its own partition key (station_id == id)."""
    if actor is not None:
        require_centre(actor, msg("word.create_a_station"))
    values = _clean_profile({"code": code, "name": name, **profile})
    if centre_id:
        get_row(s, Centre, centre_id, msg("word.centre.create_station"), "centre_id")
    if s.scalar(select(Station.id).where(Station.code == values["code"])):
        raise RuleError(
            "duplicate_code",
            msg("duplicate_code.create_station", code=values['code']),
            field="code",
        )
    sid = station_id or station_id_for(values["code"])  # the id the station gets from its code
    station = Station(id=sid, station_id=sid, centre_id=centre_id, **values)
    s.add(station)
    s.flush()
    return station


def station_by_code(s: Session, code: str) -> Station:
    """The live station with this code (as staff type it: case and spaces ignored at the ends)."""
    wanted = (code or "").strip()
    station = s.scalar(select(Station).where(Station.code == wanted, Station.deleted.is_(False)))
    if station is None:
        station = s.scalar(select(Station).where(Station.code.ilike(wanted), Station.deleted.is_(False)))
    if station is None:
        known = ", ".join(s.scalars(select(Station.code).where(Station.deleted.is_(False)).order_by(Station.code)))
        stations = plain(known) if known else msg("word.none_yet")
        raise NotFoundError("station_not_found", msg("station_not_found.by_code", code=wanted, known=stations),
                            field="station")
    return station


def list_stations(s: Session) -> list[Station]:
    """Every live station, by code (the centre's choice of stations)."""
    return list(s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.code)))


def centre_bound(s: Session, station: Station | None = None) -> bool:
    """Whether this database has met a centre: signed in to a centre server, synced (over the network
    or by USB bundle), or holding a station registered by a centre. A centre's own database is bound."""
    values = s.scalars(select(SyncMeta.value).where(SyncMeta.key.in_(_BOUND_KEYS))).all()
    if any(v and v != "0" for v in values):
        return True
    return station is not None and station.centre_id is not None


def field_owner(name: str) -> Literal["station", "centre"]:
    """The side that owns a station profile field once the station is bound to a centre."""
    return "station" if name in Station.__station_fields__ else "centre"


def editable_fields(s: Session, actor: Actor, station: Station) -> frozenset[str]:
    """The profile fields this actor may change on this station (none on another station's row)."""
    if actor.role == "station":
        if station.id != actor.station_id:
            return frozenset()
        own: frozenset[str] = Station.__station_fields__
        if not centre_bound(s, station):
            own = own | BEFORE_CENTRE
        return own
    return Station.__centre_fields__ - {"deleted"}


def _refuse_field(name: str) -> PermissionDenied:
    what = pick(field_label, name)
    if field_owner(name) == "centre":
        return PermissionDenied("field_owner", msg("field_owner.centre", what=what, name=name), field=name)
    return PermissionDenied("field_owner", msg("field_owner.station", what=what, name=name), field=name)


def update_profile(s: Session, actor: Actor, station_id: str, **fields: Any) -> Station:
    """Change profile fields, each only by the side that owns it (`editable_fields`).

    A station actor changes its contact fields (and, before it has a centre, `BEFORE_CENTRE`); a
    centre actor the administrative ones. A field the actor may not change is refused with a
    PermissionDenied naming it and its owner; nothing is written."""
    station = get_row(s, Station, station_id, msg("word.station.update_profile"), "station_id")
    check_own_station(actor, station.id)
    values = _clean_profile(fields)
    own = editable_fields(s, actor, station)
    for name in values:
        if name not in own:
            raise _refuse_field(name)
    if "code" in values and values["code"] != station.code and s.scalar(
        select(Station.id).where(Station.code == values["code"])
    ):
        raise RuleError("duplicate_code", msg("duplicate_code.update_profile", code=values['code']), field="code")
    if values.get("centre_id"):
        get_row(s, Centre, values["centre_id"], msg("word.centre.update_profile"), "centre_id")
    for name, value in values.items():
        setattr(station, name, value)
    s.flush()
    return station


@dataclass(frozen=True)
class StationProfile:
    """A station's profile as the profile page and `ytcs station profile` show it."""

    station: Station
    centre_name: str | None  # the managing centre, when known
    editable: frozenset[str]  # the fields the asking actor may change
    bound: bool  # whether the station has met its centre (then the centre owns the administrative fields)

    @property
    def satellite_posts(self) -> list[str]:
        return split_posts(self.station.satellite_posts)

    def as_dict(self) -> dict[str, Any]:
        st = self.station
        names = ("code", "name", "commune", "address", "phone", "contact_name", "contact_phone", "head_name",
                 "population", "parent_org", "licence_no", "licence_date", "licence_issuer", "status")
        out: dict[str, Any] = {"id": st.id, **{n: getattr(st, n) for n in names}}
        out["licence_date"] = st.licence_date.isoformat() if st.licence_date else None
        out["satellite_posts"] = self.satellite_posts
        out["centre"] = self.centre_name
        out["bound_to_centre"] = self.bound
        out["editable"] = sorted(self.editable)
        return out


def station_profile(s: Session, actor: Actor, station_id: str | None = None) -> StationProfile:
    """The profile of `station_id` (default: the actor's own station) and what the actor may change."""
    sid = station_id or actor.station_id
    station = get_row(s, Station, sid, msg("word.station.station_profile"), "station_id")
    centre = s.get(Centre, station.centre_id) if station.centre_id else None
    return StationProfile(station, centre.name if centre else None, editable_fields(s, actor, station),
                          centre_bound(s, station))


# ----- staff -----------------------------------------------------------------------------------

_STAFF_FIELDS = frozenset({"full_name", "title", "licence_no", "phone", "birth_year", "department_id",
                           "scope_of_practice"})


def _clean_staff(s: Session, actor: Actor, fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _STAFF_FIELDS:
            raise ValidationError("unknown_field", msg("unknown_field.clean_staff", name=name), field=name)
        if name == "full_name":
            out[name] = required_text(value, name, msg("word.full_name"), 200)
        elif name == "title":
            out[name] = parse_code("staff_title", value, "title")
        elif name == "phone":
            out[name] = normalise_phone(value, "phone")
        elif name == "birth_year":
            out[name] = _birth_year(value)
        elif name == "scope_of_practice":
            out[name] = parse_scope(value, name)
        elif name == "department_id":
            if value and actor.role != "centre":
                raise PermissionDenied("field_owner", msg("field_owner.clean_staff"), field=name)
            if value:
                get_row(s, Department, value, msg("word.department"), name)
            out[name] = value or None
        else:  # licence_no
            out[name] = (str(value).strip() if value else "") or None
    return out


def _birth_year(value: object) -> int | None:
    if value is None or value == "":
        return None
    this_year = dt.date.today().year
    try:
        year = int(str(value))
    except ValueError:
        year = 0
    if not 1930 <= year <= this_year - 16:
        raise ValidationError(
            "bad_birth_year",
            msg("bad_birth_year", value=value, this_year=this_year - 16),
            field="birth_year",
        )
    return year


def _check_licence_unique(s: Session, licence_no: str | None, except_id: str | None = None) -> None:
    if not licence_no:
        return
    query = select(Staff.full_name).where(Staff.licence_no == licence_no, Staff.deleted.is_(False))
    if except_id:
        query = query.where(Staff.id != except_id)
    holder = s.scalar(query)
    if holder:
        raise RuleError(
            "duplicate_licence",
            msg("duplicate_licence", licence_no=licence_no, holder=holder),
            field="licence_no",
        )


def _check_staff_owner(actor: Actor, staff: Staff) -> None:
    if staff.station_id is None:
        require_centre(actor, msg("domain.stations"))
    elif actor.role == "centre":
        raise PermissionDenied(
            "field_owner",
            msg("field_owner"),
        )
    else:
        check_own_station(actor, staff.station_id)


def add_staff(
    s: Session, actor: Actor, *, full_name: str, title: str, licence_no: str | None = None,
    phone: str | None = None, birth_year: int | None = None, department_id: str | None = None,
    scope_of_practice: object = None,
) -> Staff:
    """A station actor adds staff of its own station; the centre adds centre staff."""
    values = _clean_staff(s, actor, {"full_name": full_name, "title": title, "licence_no": licence_no,
                                     "phone": phone, "birth_year": birth_year, "department_id": department_id,
                                     "scope_of_practice": scope_of_practice})
    _check_licence_unique(s, values["licence_no"])
    station_id = None
    if actor.role == "station":
        station_id = require_station(actor, msg("word.add_station_staff"))
        get_row(s, Station, station_id, msg("word.station.add_staff"), "station_id")
    staff = Staff(station_id=station_id, active=True, **values)
    s.add(staff)
    s.flush()
    return staff


def update_staff(s: Session, actor: Actor, staff_id: str, **fields: Any) -> Staff:
    staff = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id")
    _check_staff_owner(actor, staff)
    values = _clean_staff(s, actor, fields)
    if "licence_no" in values:
        _check_licence_unique(s, values["licence_no"], except_id=staff.id)
    for name, value in values.items():
        setattr(staff, name, value)
    s.flush()
    return staff


def deactivate_staff(s: Session, actor: Actor, staff_id: str) -> Staff:
    """Staff who leave stay in the records (training history, transitions) but are no longer listed."""
    staff = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id")
    _check_staff_owner(actor, staff)
    if not staff.active:
        raise RuleError("already_inactive", msg("already_inactive", full_name=staff.full_name))
    staff.active = False
    s.flush()
    return staff


def list_staff(s: Session, station_id: str | None, include_inactive: bool = False) -> list[Staff]:
    """Staff of a station (station_id None: the centre's own staff), by given name as Vietnamese lists are."""
    query = select(Staff).where(Staff.deleted.is_(False))
    query = query.where(Staff.station_id.is_(None) if station_id is None else Staff.station_id == station_id)
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    return sorted(s.scalars(query.order_by(Staff.id)), key=lambda x: person_sort_key(x.full_name))
