"""`ytcs referral new | list | counts` with the follow-up (`acknowledge`, `arrived`, `not-arrived`, `close`,
`cancel`), and `ytcs supervision visits | actions | checklist | progress | close`: referrals and supervision
visits, recorded and followed up as in the window."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, subcommand
from ytcs_desktop.dates import day_text
from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Referral

REFERRAL_HELP = "mã phiếu hoặc số phiếu (xem `ytcs referral list`) / the referral's id or number"


def _lang(args: argparse.Namespace) -> str:
    return "en" if language(args).startswith("en") else "vi"


def _new(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return referrals.record_referral(s, actor, patient_ref=args.patient, reason=args.reason,
                                         destination=args.to, icd10=args.icd10, urgency=args.urgency,
                                         referred_on=args.date).id

    print(in_transaction(args, work))  # the id and nothing else: scripts capture it
    return EXIT_OK


def _followed(args: argparse.Namespace, step: Callable[[Session, Actor, str], Referral]) -> int:
    """One step of the follow-up on the referral given by its id (or its number, where that is unique)."""
    lang = _lang(args)

    def work(s: Session, actor: Actor, db: Database) -> tuple[str, str]:
        referral = step(s, actor, referrals.find_referral(s, actor, args.referral))
        return referral.number or referral.id, referral.status

    number, status = in_transaction(args, work)
    print(f"{number}: {label('referral_status', status, lang)}")
    return EXIT_OK


def _acknowledge(args: argparse.Namespace) -> int:
    return _followed(args, referrals.acknowledge)


def _arrived(args: argparse.Namespace) -> int:
    return _followed(args, lambda s, a, rid: referrals.record_arrival(s, a, rid, arrived=True, arrived_on=args.date))


def _not_arrived(args: argparse.Namespace) -> int:
    return _followed(args, lambda s, a, rid: referrals.record_arrival(s, a, rid, arrived=False, note=args.note))


def _close(args: argparse.Namespace) -> int:
    return _followed(args, lambda s, a, rid: referrals.close_referral(s, a, rid, outcome=args.outcome,
                                                                      needed=args.needed, advice=args.advice))


def _cancel(args: argparse.Namespace) -> int:
    return _followed(args, referrals.cancel_referral)


def _progress(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return supervision.record_progress(s, actor, args.finding, note=args.note).status

    print(label("finding_status", in_transaction(args, work), _lang(args)))
    return EXIT_OK


def _close_action(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return supervision.close_action(s, actor, args.finding, evidence_note=args.evidence,
                                        closed_on=args.date).status

    print(label("finding_status", in_transaction(args, work), _lang(args)))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    fmt, lang = output_format(args, ("table", "json")), _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        rows = referrals.list_referrals(s, station_id, args.date_from, args.date_to, open_only=args.open)
        data = [referrals.referral_json(r) for r in rows]
    if fmt == "json":
        print_json(data)
        return EXIT_OK
    headers = (["Number", "Date", "Patient", "ICD-10", "To", "Urgency", "Status", "Needed"] if lang == "en"
               else ["Số phiếu", "Ngày", "Người bệnh", "ICD-10", "Nơi chuyển đến", "Mức độ", "Trạng thái", "Cần thiết"])
    yes_no = {True: msg("word.yes").text(lang), False: msg("word.no").text(lang), None: ""}
    print_table(headers, [[r.number or "", day_text(r.referred_on, lang), r.patient_ref, r.icd10 or "",
                           r.destination, label("urgency", r.urgency, lang), label("referral_status", r.status, lang),
                           yes_no[r.needed]] for r in rows])
    return EXIT_OK


def _counts(args: argparse.Namespace) -> int:
    fmt, lang = output_format(args, ("table", "json")), _lang(args)
    date_from, date_to = parse_date(args.date_from, "from"), parse_date(args.date_to, "to")
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        refs = referrals.referral_counts(s, date_from, date_to, station_id)
        finds = {f.station_id: f for f in supervision.finding_counts(s, date_from, date_to, station_id)}
    data: list[dict[str, Any]] = [
        {"station_id": c.station_id, "station": c.station, "referred": c.referred, "judged": c.judged,
         "unnecessary": c.unnecessary, "unnecessary_share": c.unnecessary_share,
         "supervision_visits": finds[c.station_id].visits, "findings_opened": finds[c.station_id].opened,
         "findings_closed": finds[c.station_id].closed, "findings_open_at_end": finds[c.station_id].open_at_end}
        for c in refs]
    if fmt == "json":
        print_json(data)
        return EXIT_OK
    headers = (["Station", "Referrals", "Judged", "Unnecessary", "%", "Visits", "Findings opened", "Closed",
                "Still open"] if lang == "en" else
               ["Trạm", "Chuyển tuyến", "Đã đánh giá", "Không cần thiết", "%", "Lượt giám sát", "Tồn tại phát hiện",
                "Đã khắc phục", "Còn mở"])
    print_table(headers, [[d["station"], d["referred"], d["judged"], d["unnecessary"],
                           "" if d["unnecessary_share"] is None else f"{100 * d['unnecessary_share']:.0f}",
                           d["supervision_visits"], d["findings_opened"], d["findings_closed"],
                           d["findings_open_at_end"]] for d in data])
    return EXIT_OK


def _visits(args: argparse.Namespace) -> int:
    fmt, lang = output_format(args, ("table", "json")), _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        visits = supervision.list_visits(s, station_id)
        scores = {v.id: supervision.area_scores(s, v.id) for v in visits}
    data = [{"id": v.id, "number": v.number, "station_id": v.station_id, "visit_date": v.visit_date.isoformat(),
             "team": v.team, "areas": {a.area: a.percent for a in scores[v.id]}} for v in visits]
    if fmt == "json":
        print_json(data)
        return EXIT_OK
    headers = ["Number", "Date", "Team", "Scores"] if lang == "en" else ["Số", "Ngày", "Đoàn giám sát", "Điểm"]
    print_table(headers, [[v.number or "", day_text(v.visit_date, lang), v.team,
                           "; ".join(f"{label('supervision_area', a.area, lang)} "
                                     f"{'' if a.percent is None else f'{a.percent:.0f}%'}" for a in scores[v.id])]
                          for v in visits])
    return EXIT_OK


def _actions(args: argparse.Namespace) -> int:
    fmt, lang = output_format(args, ("table", "json")), _lang(args)
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        rows = supervision.list_findings(s, station_id, open_only=args.open)
    data = [{"id": f.id, "station_id": f.station_id, "visit_id": f.visit_id, "area": f.area, "finding": f.finding,
             "action": f.action, "owner": f.owner, "due_date": f.due_date.isoformat(), "status": f.status,
             "progress_note": f.progress_note, "evidence_note": f.evidence_note} for f in rows]
    if fmt == "json":
        print_json(data)
        return EXIT_OK
    headers = (["Area", "Finding", "Action", "Owner", "Due", "Status"] if lang == "en"
               else ["Lĩnh vực", "Tồn tại", "Biện pháp khắc phục", "Người phụ trách", "Hạn", "Tình trạng"])
    print_table(headers, [[label("supervision_area", f.area, lang), f.finding, f.action, f.owner,
                           day_text(f.due_date, lang), label("finding_status", f.status, lang)] for f in rows])
    return EXIT_OK


def _checklist(args: argparse.Namespace) -> int:
    lang = _lang(args)
    with opened(args) as db, db.read() as s:
        items = supervision.checklist(s)
        print_table(["Area", "No.", "Item", "Max"] if lang == "en" else ["Lĩnh vực", "STT", "Nội dung", "Điểm tối đa"],
                    [[label("supervision_area", i.area, lang), i.position, i.text, i.max_score] for i in items])
    return EXIT_OK


def register(sub: Any) -> None:
    ref = group(sub, "referral", "chuyển tuyến người bệnh / patient referrals")
    p = subcommand(ref, "new", _new, "ghi phiếu chuyển tuyến, in ra mã / record a referral; prints its id")
    p.add_argument("--patient", required=True, help="mã hoặc tên người bệnh / patient reference")
    p.add_argument("--reason", required=True, help="lý do chuyển tuyến / reason")
    p.add_argument("--to", required=True, help="nơi chuyển đến / where to")
    p.add_argument("--icd10", help="mã ICD-10")
    p.add_argument("--urgency", default="normal", help="mức độ: " + ", ".join(codes("urgency")))
    p.add_argument("--date", help="ngày chuyển (mặc định hôm nay) / referral date (default today)")
    for name, run, text in (
            ("acknowledge", _acknowledge, "Trung tâm đã nhận phiếu / the centre has taken the referral up"),
            ("cancel", _cancel, "trạm hủy phiếu ghi nhầm / the station withdraws a referral made in error")):
        p = subcommand(ref, name, run, text)
        p.add_argument("referral", help=REFERRAL_HELP)
    p = subcommand(ref, "arrived", _arrived, "người bệnh đã đến nơi chuyển / the patient arrived")
    p.add_argument("referral", help=REFERRAL_HELP)
    p.add_argument("--date", help="ngày đến (mặc định hôm nay) / arrival date (default today)")
    p = subcommand(ref, "not-arrived", _not_arrived, "người bệnh không đến / the patient did not arrive")
    p.add_argument("referral", help=REFERRAL_HELP)
    p.add_argument("--note", required=True, help="đã liên hệ thế nào, vì sao không đến / how followed up, why not")
    p = subcommand(ref, "close", _close, "kết thúc theo dõi: kết quả, phản hồi, có cần thiết / close the follow-up")
    p.add_argument("referral", help=REFERRAL_HELP)
    p.add_argument("--outcome", required=True, help="kết quả điều trị / outcome")
    p.add_argument("--needed", required=True, help="chuyển tuyến có cần thiết: có/không / needed: yes/no")
    p.add_argument("--advice", help="hướng dẫn gửi lại trạm / advice back to the station")
    p = subcommand(ref, "list", _list, "sổ chuyển tuyến / the referral register")
    p.add_argument("--from", dest="date_from", help="từ ngày / from")
    p.add_argument("--to", dest="date_to", help="đến ngày / to")
    p.add_argument("--open", action="store_true", help="chỉ phiếu đang theo dõi / open ones only")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    p = subcommand(ref, "counts", _counts,
                   "số ca chuyển tuyến, tỷ lệ không cần thiết, tồn tại giám sát theo trạm / counts per station")
    p.add_argument("--from", dest="date_from", required=True, help="từ ngày / from")
    p.add_argument("--to", dest="date_to", required=True, help="đến ngày / to")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    sup = group(sub, "supervision", "giám sát chuyên môn tại trạm / supervision visits")
    p = subcommand(sup, "visits", _visits, "các đợt giám sát / supervision visits")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    p = subcommand(sup, "actions", _actions, "tồn tại và biện pháp khắc phục / findings and their actions")
    p.add_argument("--open", action="store_true", help="chỉ những việc chưa khắc phục xong / open ones only")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    subcommand(sup, "checklist", _checklist, "bảng kiểm theo lĩnh vực / the checklist per area")
    p = subcommand(sup, "progress", _progress, "trạm ghi tiến độ khắc phục / the station records its progress")
    p.add_argument("finding", help="mã tồn tại (xem `ytcs supervision actions --format json`) / finding id")
    p.add_argument("--note", required=True, help="đã làm được gì / what has been done")
    p = subcommand(sup, "close", _close_action, "Trung tâm xác nhận đã khắc phục / the centre closes an action")
    p.add_argument("finding", help="mã tồn tại / finding id")
    p.add_argument("--evidence", required=True, help="bằng chứng đã khắc phục / evidence seen or received")
    p.add_argument("--date", help="ngày xác nhận (mặc định hôm nay) / closed on (default today)")
