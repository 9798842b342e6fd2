"""What every form shares: the NĐ 30 header information, the period, and code labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.errors import NotFoundError, ValidationError
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.models import Centre, Station, SyncMeta

# Whose rows a form lists: one station's id, several ids (at the centre), or None for every station.
Stations = str | Sequence[str] | None


@dataclass(frozen=True)
class Header:
    """Top of an NĐ 30 document: who issues it, where and when, its number and title."""

    parent_org: str
    station_name: str
    place: str
    date: dt.date
    title: str
    number: str | None = None  # e.g. "…/BB-TYT"; None when the form carries no number
    subtitle: str | None = None  # period line under the title
    issuer: Literal["station", "centre"] = "station"  # who signs: the station's head or the centre's director


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValidationError(
                "period_reversed",
                msg("period_reversed", end=pick(day_text, self.date_to), start=pick(day_text, self.date_from)),
                field="date_to",
            )

    def line(self) -> str:
        return f"Từ ngày {vi_date(self.date_from)} đến ngày {vi_date(self.date_to)}"


def vi_date(d: dt.date | None) -> str:
    return day_text(d)


def station_row(s: Session, station_id: Stations) -> Station:
    """The station a form is about: the one named (the first of several), else the first by code."""
    ids = station_ids(station_id)
    q = select(Station).where(Station.deleted.is_(False))
    if ids:
        q = q.where(Station.id.in_(ids))
    station = s.scalars(q.order_by(Station.code)).first()
    if station is None:
        raise NotFoundError(
            "station_not_found",
            msg("station_not_found.station_row"),
        )
    return station


def station_ids(stations: Stations) -> list[str] | None:
    """The ids a `Stations` value names, or None for every station."""
    if stations is None:
        return None
    return [stations] if isinstance(stations, str) else list(stations)


def only(q: Any, column: Any, stations: Stations) -> Any:
    """The query narrowed to the rows of the stations named (all rows when None)."""
    ids = station_ids(stations)
    if ids is None:
        return q
    return q.where(column == ids[0]) if len(ids) == 1 else q.where(column.in_(ids))


def printed_at_centre(s: Session) -> bool:
    """Whether this database is the centre's (role "centre", every station's rows): its forms are the
    centre's, headed with its name and signed by its director."""
    return s.scalar(select(SyncMeta.value).where(SyncMeta.key == "role")) == "centre"


def centre_row(s: Session) -> Centre | None:
    return s.scalars(select(Centre).where(Centre.deleted.is_(False)).order_by(Centre.code)).first()


def centre_parent(centre: Centre | None) -> str:
    """The body above a regional centre: the provincial health department (Sở Y tế) of its province."""
    province = (centre.province or "").strip() if centre else ""
    if not province:
        return "Sở Y tế"
    if province.lower().startswith(("tỉnh ", "thành phố ")):
        return f"Sở Y tế {province}"
    return f"Sở Y tế tỉnh {province}"


def centre_place(centre: Centre | None) -> str:
    """The centre's place in the date line: its name without "Trung tâm Y tế (khu vực)"."""
    name = centre.name if centre else ""
    for prefix in ("Trung tâm Y tế khu vực ", "Trung tâm Y tế ", "TTYT khu vực ", "TTYT "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name or "…"


def short_station_name(name: str) -> str:
    """"Trạm Y tế phường An Phú" as a register's column prints it: "TYT phường An Phú"."""
    return "TYT " + name[len("Trạm Y tế "):] if name.startswith("Trạm Y tế ") else name


def station_names(s: Session) -> dict[str, str]:
    """Station id -> short name, for the "Trạm" column of the registers printed at the centre."""
    return {sid: short_station_name(name) for sid, name in s.execute(select(Station.id, Station.name))}


def place_of(station: Station) -> str:
    """The place named in the date line: the commune/ward, else the station name without its prefix."""
    if station.commune:
        return station.commune
    name = station.name
    for prefix in ("Trạm Y tế phường ", "Trạm Y tế xã ", "Trạm Y tế thị trấn ", "Trạm Y tế "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def licence_line(station: Station) -> str | None:
    """"Giấy phép hoạt động số 125/BD-GPHĐ, cấp ngày 01/06/2019, do Sở Y tế tỉnh Bình Dương cấp" (the
    parts known), or None when the station has recorded no licence."""
    if not (station.licence_no or station.licence_date or station.licence_issuer):
        return None
    text = "Giấy phép hoạt động" + (f" số {station.licence_no}" if station.licence_no else "")
    if station.licence_date:
        text += f", cấp ngày {vi_date(station.licence_date)}"
    if station.licence_issuer:
        text += f", do {station.licence_issuer} cấp"
    return text


def header(
    s: Session,
    station_id: Stations,
    title: str,
    *,
    date: dt.date | None = None,
    number: str | None = None,
    subtitle: str | None = None,
) -> Header:
    """The NĐ 30 header: at a station, its parent organisation and its name; at the centre (its
    database holds every station), the centre's parent body and the centre's name."""
    if printed_at_centre(s):
        centre = centre_row(s)
        return Header(
            parent_org=centre_parent(centre),
            station_name=centre.name if centre else "Trung tâm Y tế",
            place=centre_place(centre),
            date=date or dt.date.today(),
            title=title,
            number=number.replace("-TYT", "-TTYT") if number else number,
            subtitle=subtitle,
            issuer="centre",
        )
    station = station_row(s, station_id)
    parent = station.parent_org
    if not parent and station.centre_id:
        centre = s.get(Centre, station.centre_id)
        parent = centre.name if centre else None
    return Header(
        parent_org=parent or "UBND xã/phường",
        station_name=station.name,
        place=place_of(station),
        date=date or dt.date.today(),
        title=title,
        number=number,
        subtitle=subtitle,
    )


_LABELS: dict[str, dict[str, str]] = {
    "request_kind": {
        "rotation": "Luân phiên",
        "consultation": "Hội chẩn",
        "teleconsultation": "Tư vấn từ xa",
        "technique_transfer": "Chuyển giao kỹ thuật",
        "training_need": "Nhu cầu tập huấn",
        "supply_support": "Hỗ trợ thuốc/vật tư",
        "other": "Khác",
    },
    "request_status": {
        "draft": "Nháp",
        "submitted": "Đã gửi",
        "accepted": "Đã tiếp nhận",
        "scheduled": "Đã lên lịch",
        "in_progress": "Đang thực hiện",
        "done": "Hoàn thành",
        "rated": "Đã đánh giá",
        "rejected": "Từ chối",
        "cancelled": "Đã hủy",
    },
    "format": {"in_person": "Trực tiếp", "online": "Trực tuyến"},
    "visit_status": {"planned": "Dự kiến", "done": "Đã thực hiện", "cancelled": "Đã hủy"},
    "session_status": {"planned": "Kế hoạch", "held": "Đã tổ chức", "cancelled": "Đã hủy"},
    "programme": {
        "epi": "Tiêm chủng mở rộng",
        "epidemic": "Phòng chống dịch",
        "nutrition": "Dinh dưỡng",
        "reproductive": "Sức khỏe sinh sản",
        "ncd": "Bệnh không lây nhiễm",
        "school": "Y tế học đường",
        "other": "Khác",
    },
}


def label(kind: str, value: str | None) -> str:
    """Vietnamese label of a code: domain.labels when present, else the forms' own table."""
    if value is None:
        return ""
    try:
        from ytcs_desktop.domain import labels  # written alongside; optional until it lands

        text = labels.label(kind, value, "vi")
        if text and text != value:
            return str(text)
    except Exception:  # a missing table or an unknown kind falls back to ours
        pass
    return _LABELS.get(kind, {}).get(value, value)
