"""`ytcs report submit | submissions | review | due | schedule`: the reporting chain from the command line.

A station sends its report of a period (`submit weekly --period 2026-03-13`, difficulties and proposals
one per `--difficulty`/`--proposal`, `--corrects --note …` for a correction); both sides list the
submissions; the centre returns or acknowledges one, sees what is overdue and keeps the schedule."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, command, language, print_json, print_table
from ytcs_desktop.cli.setup import in_transaction, opened, output_format, say
from ytcs_desktop.dates import day_text, moment_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.db import Database


def register(inner: Any) -> None:
    """Add the subcommands to `ytcs report` (their names are not report names)."""
    p = command(inner, "submit", _submit, "gửi báo cáo của một kỳ lên Trung tâm / submit a period's report")
    p.add_argument("kind", help="loại báo cáo: weekly, monthly, quarterly, annual (xem `ytcs report schedule`)")
    p.add_argument("--period", required=True, help="một ngày bất kỳ trong kỳ báo cáo (YYYY-MM-DD hoặc DD/MM/YYYY)")
    p.add_argument("--difficulty", action="append", default=[], help="khó khăn, vướng mắc (lặp lại cho nhiều dòng)")
    p.add_argument("--proposal", action="append", default=[], help="đề xuất, kiến nghị (lặp lại cho nhiều dòng)")
    p.add_argument("--corrects", action="store_true", help="bản sửa của báo cáo đã gửi cho kỳ này")
    p.add_argument("--note", help="điều đã sửa so với bản trước (bắt buộc với --corrects)")
    p = command(inner, "submissions", _list, "các báo cáo đã gửi / the reports submitted")
    p.add_argument("--kind", help="chỉ một loại báo cáo")
    p.add_argument("--station", help="mã trạm (trên máy Trung tâm)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = command(inner, "review", _review, "Trung tâm trả lại hoặc xác nhận đã nhận một báo cáo / return or "
                                          "acknowledge a report")
    p.add_argument("id", help="mã báo cáo đã gửi (cột Mã của `ytcs report submissions`)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--acknowledge", action="store_true", help="xác nhận đã nhận")
    which.add_argument("--return", dest="comment", metavar="COMMENT", help="trả lại, kèm điều trạm cần sửa")
    p = command(inner, "due", _due, "báo cáo đến hạn, trễ hoặc chưa gửi / reports due, late or missing")
    p.add_argument("--on", help="tính đến ngày (mặc định: hôm nay)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = command(inner, "schedule", _schedule, "lịch báo cáo của Trung tâm / the centre's reporting schedule")
    p.add_argument("--set", dest="code", metavar="CODE", help="thêm hoặc sửa một loại báo cáo (Trung tâm)")
    p.add_argument("--name", help="tên báo cáo")
    p.add_argument("--period", choices=["week", "month", "quarter", "year"], help="kỳ báo cáo")
    p.add_argument("--deadline", help="hạn nộp: thứ trong tuần (5 = thứ Sáu), số ngày sau kỳ, hoặc NN/TT (năm)")
    p.add_argument("--inactive", action="store_true", help="ngừng yêu cầu loại báo cáo này")
    p.add_argument("--defaults", action="store_true",
                   help="đặt lịch theo kế hoạch (tuần: thứ Sáu; tháng; quý; năm: trước 15/11) cho các loại chưa có "
                        "(bước thiết lập của Trung tâm)")


def _submit(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.reporting.submissions import submit

    day = parse_date(args.period, "period")

    def work(s: Session, actor: Actor, db: Database) -> tuple[str, dt.date, dt.date, bool]:
        row = submit(s, actor, kind=args.kind, day=day, difficulties=args.difficulty, proposals=args.proposal,
                     corrects=args.corrects, correction_note=args.note)
        return row.id, row.period_from, row.period_to, row.corrects_id is not None

    row_id, start, end, correction = in_transaction(args, work)
    what = msg("cli.submissions.submit.correction") if correction else msg("cli.submissions.submit.report")
    say(args, msg("cli.submissions.submit.done", what=what, start=pick(day_text, start), end=pick(day_text, end),
                  id=row_id))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.reporting.submissions import list_submissions
    from ytcs_desktop.domain.stations import station_by_code

    fmt = output_format(args, ("table", "json"))
    lang = "en" if language(args).startswith("en") else "vi"
    with opened(args) as db, db.read() as s:
        stations = db.station_id if db.role == "station" else None
        if args.station and db.role == "centre":
            stations = station_by_code(s, args.station).id
        rows = list_submissions(s, stations, args.kind)
    if fmt == "json":
        print_json([{"id": r.id, "station": r.station_code, "kind": r.kind, "period_from": r.period_from,
                     "period_to": r.period_to, "submitted_at": r.submitted_at, "submitted_by": r.submitted_by,
                     "status": r.status, "superseded_by": r.superseded_by, "corrects": r.corrects_id,
                     "correction_note": r.correction_note, "review_comment": r.review_comment,
                     "figures": r.figures, "difficulties": r.difficulties, "proposals": r.proposals} for r in rows])
        return EXIT_OK
    headers = (["Id", "Station", "Kind", "Period", "Sent", "By", "Status"] if lang == "en"
               else ["Mã", "Trạm", "Loại", "Kỳ", "Gửi lúc", "Người gửi", "Trạng thái"])
    print_table(headers, [[r.id, r.station_code, r.kind, f"{day_text(r.period_from)}–{day_text(r.period_to)}",
                           moment_text(r.submitted_at.astimezone(), lang), r.submitted_by, r.status_text(lang)]
                          for r in rows])
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.reporting.submissions import review

    to = "acknowledged" if args.acknowledge else "returned"
    in_transaction(args, lambda s, actor, db: review(s, actor, args.id, to, args.comment))
    say(args, msg("cli.submissions.review.acknowledged") if to == "acknowledged"
        else msg("cli.submissions.review.returned"))
    return EXIT_OK


STATES = {"due": ("Đến hạn", "Due"), "missing": ("Chưa gửi, quá hạn", "Missing, overdue"),
          "late": ("Gửi trễ", "Sent late"), "on_time": ("Đúng hạn", "On time")}


def _due(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.inventory.ledger import station_today
    from ytcs_desktop.domain.reporting import overdue
    from ytcs_desktop.store.models import Station

    fmt = output_format(args, ("table", "json"))
    lang = "en" if language(args).startswith("en") else "vi"
    with opened(args) as db, db.read() as s:
        on = parse_date(args.on, "on") if args.on else station_today(s)
        lines = (overdue.overdue(s, on) if db.role == "centre"
                 else overdue.station_due(s, db.station_id or "", on))
        names = {sid: code for sid, code in s.execute(select(Station.id, Station.code))}
    rows: list[dict[str, Any]] = [
        {"station": names.get(x.station_id, ""), "kind": x.kind, "name": x.kind_name, "period_from": x.period.date_from,
         "period_to": x.period.date_to, "deadline": x.period.deadline, "state": x.state,
         "days_overdue": x.days_overdue(on)} for x in lines]
    if fmt == "json":
        print_json(rows)
        return EXIT_OK
    headers = (["Station", "Report", "Period", "Deadline", "State", "Days overdue"] if lang == "en"
               else ["Trạm", "Báo cáo", "Kỳ", "Hạn nộp", "Tình trạng", "Số ngày quá hạn"])
    print_table(headers, [[r["station"], r["name"], f"{day_text(r['period_from'])}–{day_text(r['period_to'])}",
                           day_text(r["deadline"]), STATES[r["state"]][1 if lang == "en" else 0],
                           r["days_overdue"] or ""] for r in rows])
    return EXIT_OK


def _schedule(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.reporting.schedule import (
        PERIODS,
        deadline_text,
        list_kinds,
        seed_schedule,
        set_report_kind,
    )

    lang = "en" if language(args).startswith("en") else "vi"
    if args.defaults:
        in_transaction(args, lambda s, actor, db: seed_schedule(s, actor))
    if args.code:
        in_transaction(args, lambda s, actor, db: set_report_kind(
            s, actor, code=args.code, name=args.name or args.code, period=args.period, deadline=args.deadline,
            active=not args.inactive))
    inactive = msg("cli.submissions.schedule.inactive").text(lang)
    with opened(args) as db, db.read() as s:
        kinds = list_kinds(s, include_inactive=True)
        rows = [[k.code, k.name, PERIODS[k.period].text(lang) if k.period in PERIODS else k.period,
                 deadline_text(k, lang), "" if k.active else inactive] for k in kinds]
    headers = (["Code", "Report", "Period", "Deadline", ""] if lang == "en"
               else ["Mã", "Báo cáo", "Kỳ", "Hạn nộp", ""])
    print_table(headers, rows)
    return EXIT_OK
