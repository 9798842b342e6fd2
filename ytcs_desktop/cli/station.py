"""`ytcs station profile` and `ytcs station set`: the station profile from the command line.

Each field has one owner (domain/stations.py): on a station's database the station's staff set its
contact fields, and, while the station has never met a centre (no `ytcs login`, no sync), also the
administrative fields its printed forms are headed with (parent organisation, commune, licence); once
it is bound to a centre those are the centre's. On the centre's database the centre sets the
administrative fields of the station named with `--station CODE`.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, CliError, actor_for, language, print_json
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.stations import (
    FIELD_LABELS,
    StationProfile,
    field_owner,
    station_by_code,
    station_profile,
    update_profile,
)
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.db import Database

# option name -> profile field, in the order `ytcs station set --help` lists them
OPTIONS = {
    "name": "name", "commune": "commune", "parent_org": "parent_org", "licence_no": "licence_no",
    "licence_date": "licence_date", "licence_issuer": "licence_issuer", "satellite_posts": "satellite_posts",
    "head_name": "head_name", "contact_name": "contact_name", "contact_phone": "contact_phone",
    "address": "address", "phone": "phone", "population": "population",
}
SHOWN = ("code", "name", "commune", "parent_org", "licence_no", "licence_date", "licence_issuer", "satellite_posts",
         "head_name", "contact_name", "contact_phone", "address", "phone", "population", "status")


def _station_id(s: Session, actor: Actor, db: Database, code: str | None) -> str:
    """The station acted on: this database's own station, or at the centre the one named by --station."""
    if db.role == "centre":
        if not code:
            raise CliError(msg("cli.station.station_id"))
        return station_by_code(s, code).id
    if code:
        own = station_by_code(s, code)
        if own.id != actor.station_id:
            raise CliError(msg("cli.station.station_id.2", code=code))
    if not actor.station_id:
        raise CliError(msg("cli.station"))
    return actor.station_id


def _show(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("text", "json"))
    with opened(args) as db:
        actor = actor_for(db)
        with db.read() as s:
            profile = station_profile(s, actor, _station_id(s, actor, db, args.station))
            data = profile.as_dict()
    if fmt == "json":
        print_json(data)
        return EXIT_OK
    _print_profile(profile, data, language(args).startswith("en"))
    return EXIT_OK


def _print_profile(profile: StationProfile, data: dict[str, Any], en: bool) -> None:
    lang = "en" if en else "vi"
    rows: list[tuple[str, str, str]] = []
    for name in SHOWN:
        vi, english = FIELD_LABELS[name]
        value = data[name]
        if name == "satellite_posts":
            value = "; ".join(value)
        if name == "status":
            value = label("station_status", value, lang)
        elif name == "licence_date" and value and not en:
            value = f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        text = "—" if value in (None, "") else str(value)
        if name in profile.editable:
            note = ""
        else:
            kept_by = msg("cli.station.profile.by_centre") if field_owner(name) == "centre" \
                else msg("cli.station.profile.by_station")
            note = kept_by.text(lang)
        rows.append((english if en else vi, text, note))
    width = max(len(caption) for caption, _, _ in rows)
    for caption, text, note in rows:
        print(f"{caption.ljust(width)}  {text}{'  ' + note if note else ''}")
    if not profile.bound:
        print(msg("cli.station.profile.unbound").text(lang))


def _field_names(fields: list[str], lang: str) -> str:
    """The fields' captions in a sentence ("tên trạm, địa chỉ")."""
    return ", ".join(FIELD_LABELS[f][1 if lang == "en" else 0].lower() for f in fields)


def _set(args: argparse.Namespace) -> int:
    fields = {field: getattr(args, option) for option, field in OPTIONS.items() if getattr(args, option) is not None}
    if not fields:
        options = ", ".join("--" + o.replace("_", "-") for o in OPTIONS)
        raise CliError(msg("cli.station.set", options=options))

    def work(s: Session, actor: Actor, db: Database) -> str:
        station = update_profile(s, actor, _station_id(s, actor, db, args.station), **fields)
        return f"{station.code} – {station.name}"

    who = in_transaction(args, work)
    say(args, msg("cli.station.set.done", station=who, fields=pick(_field_names, list(fields))))
    return EXIT_OK


def register(sub: Any) -> None:
    station = group(sub, "station", "hồ sơ trạm / the station profile")
    p = subcommand(station, "profile", _show, "xem hồ sơ trạm / show the station profile")
    p.add_argument("--format", default="text", help="text (mặc định) hoặc json")
    p.add_argument("--station", metavar="CODE", help="mã trạm (bắt buộc trên máy của Trung tâm)")
    p = subcommand(station, "set", _set,
                   "sửa hồ sơ trạm (mỗi trường do một bên quản lý; chuỗi rỗng \"\" để xoá) / change the station "
                   "profile (each field has one owner; \"\" clears a field)")
    p.add_argument("--station", metavar="CODE", help="mã trạm (bắt buộc trên máy của Trung tâm)")
    helps = {
        "name": "tên trạm", "commune": "xã/phường, in ở dòng địa danh, ví dụ “An Phú”",
        "parent_org": "cơ quan chủ quản, ví dụ “UBND phường An Phú”", "licence_no": "số giấy phép hoạt động",
        "licence_date": "ngày cấp giấy phép (YYYY-MM-DD hoặc DD/MM/YYYY)", "licence_issuer": "cơ quan cấp giấy phép",
        "satellite_posts": "các điểm trạm, cách nhau bằng dấu chấm phẩy: \"Điểm A; Điểm B\"",
        "head_name": "trưởng trạm", "contact_name": "người đầu mối", "contact_phone": "điện thoại đầu mối",
        "address": "địa chỉ", "phone": "điện thoại của trạm", "population": "dân số phụ trách",
    }
    for option in OPTIONS:
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar="TEXT", help=helps[option])
