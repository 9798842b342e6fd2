"""`ytcs rotation list`, `ytcs technique list | add | advance`, `ytcs village-worker list | add`: the rotation
schedule both ways with its warnings, the techniques a station performs with their transfer stage, and
the station's village health workers with the trainings they attended."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.dates import day_text
from ytcs_desktop.domain import rotations, techniques, village_workers
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database


def _lang(args: argparse.Namespace) -> str:
    return "en" if language(args).startswith("en") else "vi"


def _rotations(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    lang = _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        views = rotations.visit_views(s, station_id, args.date_from, args.date_to, direction=args.direction)
        rows: list[dict[str, Any]] = [
            {"id": v.visit.id, "direction": v.visit.direction, "staff": v.staff, "station": v.station,
             "department": v.department, "date_from": v.visit.date_from.isoformat(),
             "date_to": v.visit.date_to.isoformat(), "days": v.days, "purpose": v.visit.purpose,
             "status": v.visit.status, "cases": v.cases, "warnings": [n.message(lang) for n in v.notices]}
            for v in views]
    if fmt == "json":
        print_json(rows)
        return EXIT_OK
    headers = (["Direction", "Staff member", "Station", "Department", "From", "To", "Days", "Status", "Cases",
                "Warnings"] if lang == "en" else
               ["Chiều", "Cán bộ", "Trạm", "Khoa, phòng", "Từ ngày", "Đến ngày", "Số ngày", "Trạng thái",
                "Số ca", "Cảnh báo"])
    print_table(headers, [[label("visit_direction", r["direction"], lang), r["staff"], r["station"], r["department"],
                           day_text(v.visit.date_from, lang), day_text(v.visit.date_to, lang), r["days"],
                           label("visit_status", r["status"], lang), r["cases"], " | ".join(r["warnings"])]
                          for r, v in zip(rows, views, strict=True)])
    return EXIT_OK


def _techniques(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    lang = _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        views = techniques.technique_views(s, station_id)
        rows = [{"id": v.technique.id, "name": v.technique.name, "station": v.station,
                 "specialty": v.technique.specialty, "status": v.technique.status, "department": v.department,
                 "reached": {k: d.isoformat() for k, d in v.reached.items()}, "sources": v.sources} for v in views]
    if fmt == "json":
        print_json(rows)
        return EXIT_OK
    headers = (["Technique", "Station", "Specialty", "Stage", "Since", "Transferred by"] if lang == "en" else
               ["Kỹ thuật", "Trạm", "Chuyên khoa", "Giai đoạn", "Từ ngày", "Khoa chuyển giao"])
    print_table(headers, [[v.technique.name, v.station, label("practice_scope", v.technique.specialty, lang),
                           label("technique_status", v.technique.status, lang),
                           day_text(v.reached.get(v.technique.status), lang), v.department] for v in views])
    return EXIT_OK


def _add_technique(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return techniques.add_technique(s, actor, name=args.name, specialty=args.specialty,
                                        station_id=args.station, performing=args.performing, note=args.note).id

    print(in_transaction(args, work))
    return EXIT_OK


def _advance(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return techniques.advance(s, actor, args.technique, to_status=args.to, on=args.date,
                                  training_id=args.training, visit_id=args.visit, note=args.note).status

    print(label("technique_status", in_transaction(args, work), _lang(args)))
    return EXIT_OK


def _workers(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    lang = _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        views = village_workers.worker_views(s, station_id, include_inactive=args.all)
        rows: list[dict[str, Any]] = [{"id": v.worker.id, "full_name": v.worker.full_name, "hamlet": v.worker.hamlet,
                 "phone": v.worker.phone, "birth_year": v.worker.birth_year, "active": v.worker.active,
                 "trainings": [{"date": d.isoformat(), "topic": t, "periods": p} for d, t, p in v.trainings],
                 "periods": v.periods} for v in views]
    if fmt == "json":
        print_json(rows)
        return EXIT_OK
    headers = (["Full name", "Hamlet", "Phone", "Trainings", "Periods"] if lang == "en" else
               ["Họ và tên", "Thôn, ấp", "Điện thoại", "Số buổi tập huấn", "Số tiết"])
    print_table(headers, [[r["full_name"], r["hamlet"], r["phone"], len(r["trainings"]), r["periods"]]
                          for r in rows])
    return EXIT_OK


def _add_worker(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> tuple[str, str]:
        worker = village_workers.add_worker(s, actor, full_name=args.name, hamlet=args.hamlet, phone=args.phone,
                                            birth_year=args.birth_year)
        return worker.id, worker.full_name

    worker_id, name = in_transaction(args, work)
    say(args, msg("cli.outreach", name=name))
    print(worker_id)
    return EXIT_OK


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")


def register(sub: Any) -> None:
    rotation = group(sub, "rotation", "lịch luân phiên hai chiều (Phụ lục III) / rotation schedule, both ways")
    p = subcommand(rotation, "list", _rotations, "lịch luân phiên và cảnh báo / the schedule with its warnings")
    p.add_argument("--direction", help="chiều: " + ", ".join(codes("visit_direction")))
    p.add_argument("--from", dest="date_from", help="từ ngày / from (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", help="đến ngày / to (YYYY-MM-DD)")
    _format(p)
    technique = group(sub, "technique", "danh mục kỹ thuật / techniques and their transfer stages")
    p = subcommand(technique, "list", _techniques, "danh mục kỹ thuật / list techniques")
    _format(p)
    p = subcommand(technique, "add", _add_technique, "thêm kỹ thuật, in ra mã / add a technique; prints its id")
    p.add_argument("--name", required=True, help="tên kỹ thuật / technique name")
    p.add_argument("--specialty", required=True, help="chuyên khoa: " + ", ".join(codes("practice_scope")))
    p.add_argument("--performing", action="store_true",
                   help="trạm đã thực hiện độc lập / the station already performs it")
    p.add_argument("--station", help="mã trạm (Trung tâm) / station id (at the centre)")
    p.add_argument("--note", help="ghi chú / note")
    p = subcommand(technique, "advance", _advance,
                   "chuyển giao sang giai đoạn tiếp theo (Trung tâm) / move a transfer to its next stage")
    p.add_argument("technique", help="mã kỹ thuật (xem `ytcs technique list --format json`) / technique id")
    p.add_argument("--to", required=True, help="giai đoạn: " + ", ".join(codes("technique_status")))
    p.add_argument("--date", help="ngày đạt (mặc định hôm nay) / reached on (default today)")
    p.add_argument("--training", help="mã buổi tập huấn đã chuyển giao / the training session behind it")
    p.add_argument("--visit", help="mã đợt luân phiên đã chuyển giao / the rotation visit behind it")
    p.add_argument("--note", help="ghi chú / note")
    worker = group(sub, "village-worker", "nhân viên y tế thôn/ấp / village health workers")
    p = subcommand(worker, "list", _workers, "sổ nhân viên y tế thôn/ấp / the register")
    p.add_argument("--all", action="store_true", help="cả người đã nghỉ / include those who stopped")
    _format(p)
    p = subcommand(worker, "add", _add_worker, "thêm người vào sổ / add a worker")
    p.add_argument("--name", required=True, help="họ và tên / full name")
    p.add_argument("--hamlet", required=True, help="thôn, ấp, khu phố / hamlet")
    p.add_argument("--phone", help="điện thoại / phone")
    p.add_argument("--birth-year", help="năm sinh / year of birth")
