"""`ytcs plan | consult | rating | training-plan | rollout`: the centre's support programme.

The centre writes the plan, the calendar, the training plan and the documents; a station lists its own
plan, progress and sessions, and rates the visits and sessions it received. Write commands print the
new record's id alone on stdout (scripts capture it); lists print a table or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.domain.programme.common import quarter_of, year_of
from ytcs_desktop.domain.programme.progress import plan_progress
from ytcs_desktop.domain.stations import station_by_code
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Department


def _lang(args: argparse.Namespace) -> str:
    return "en" if language(args).startswith("en") else "vi"


def _station_id(s: Session, code: str | None) -> str | None:
    return station_by_code(s, code).id if code else None


def _own_station(db: Database, s: Session, code: str | None) -> str | None:
    """A station's database lists only its own; at the centre, the station named (or every one)."""
    return db.station_id if db.role == "station" else _station_id(s, code)


def _print_id(args: argparse.Namespace, work: Any) -> int:
    print(in_transaction(args, work))
    return EXIT_OK


def _list(args: argparse.Namespace, headers: tuple[list[str], list[str]], rows: list[dict[str, Any]],
          cells: Any) -> int:
    if output_format(args, ("table", "json")) == "json":
        print_json(rows)
        return EXIT_OK
    lang = _lang(args)
    print_table(headers[1] if lang == "en" else headers[0], [cells(r, lang) for r in rows])
    return EXIT_OK


# ----- plan -----------------------------------------------------------------------------------------
def _plan_new(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return plan.create_plan(s, actor, station_id=station_by_code(s, args.station).id, year=args.year,
                                objectives=args.objectives, notes=args.notes).id

    return _print_id(args, work)


def _plan_activity(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        values = {f"target_q{q}": getattr(args, f"q{q}") for q in range(1, 5)}
        values.update(cost_travel=args.travel, cost_per_diem=args.per_diem, cost_materials=args.materials)
        return plan.add_activity(s, actor, args.plan, kind=args.kind, content=args.content, **values).id

    return _print_id(args, work)


def _plan_indicator(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return plan.add_indicator(s, actor, args.plan, name=args.name, measure=args.measure, target=args.target).id

    return _print_id(args, work)


def _plan_show(args: argparse.Namespace) -> int:
    year = year_of(args.year)
    with opened(args) as db, db.read() as s:
        views = plan.plan_views(s, year, _own_station(db, s, args.station))
        rows = [{"plan_id": v.plan.id, "station": v.station_name, "year": v.plan.year, "activity_id": a.id,
                 "kind": a.kind, "content": a.content, "targets": [a.target_q1, a.target_q2, a.target_q3, a.target_q4],
                 "cost_travel": a.cost_travel, "cost_per_diem": a.cost_per_diem, "cost_materials": a.cost_materials}
                for v in views for a in v.activities]
    return _list(args, (["Trạm", "Loại", "Nội dung", "Q1", "Q2", "Q3", "Q4", "Kinh phí (đồng)"],
                        ["Station", "Kind", "Content", "Q1", "Q2", "Q3", "Q4", "Cost (VND)"]), rows,
                 lambda r, lang: [r["station"], label("activity_kind", r["kind"], lang), r["content"], *r["targets"],
                                  r["cost_travel"] + r["cost_per_diem"] + r["cost_materials"]])


def _plan_progress(args: argparse.Namespace) -> int:
    year, quarter = year_of(args.year), quarter_of(args.quarter)
    with opened(args) as db, db.read() as s:
        found = plan_progress(s, year, quarter, _own_station(db, s, args.station))
        rows = [{"station": p.station, "station_id": p.station_id, "kind": p.kind, "year": p.year,
                 "quarter": p.quarter, "target": p.target, "done": p.done, "cost": p.cost} for p in found]
    return _list(args, (["Trạm", "Loại", "Chỉ tiêu", "Đã thực hiện"], ["Station", "Kind", "Target", "Done"]), rows,
                 lambda r, lang: [r["station"], label("activity_kind", r["kind"], lang), r["target"],
                                  msg("cli.programme.not_recorded").text(lang) if r["done"] is None
                                  else r["done"]])


# ----- consultation calendar --------------------------------------------------------------------------
def _consult_schedule(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return calendar.schedule_session(
            s, actor, day=args.day, start_time=args.time, mode=args.mode, topic=args.topic, experts=args.experts,
            place=args.place, link=args.link, station_id=_station_id(s, args.station)).id

    return _print_id(args, work)


def _consult_case(args: argparse.Namespace) -> int:
    return _print_id(args, lambda s, actor, db: calendar.add_case(s, actor, args.session, args.request).id)


def _consult_conclude(args: argparse.Namespace) -> int:
    in_transaction(args, lambda s, actor, db: calendar.record_conclusion(s, actor, args.case, args.conclusion))
    say(args, msg("word.conclusion_recorded"))
    return EXIT_OK


def _consult_held(args: argparse.Namespace) -> int:
    in_transaction(args, lambda s, actor, db: calendar.mark_held(s, actor, args.session))
    say(args, msg("cli.programme"))
    return EXIT_OK


def _consult_list(args: argparse.Namespace) -> int:
    with opened(args) as db, db.read() as s:
        lines = calendar.list_sessions(s, station_id=_own_station(db, s, args.station), date_from=args.date_from,
                                       date_to=args.date_to)
        rows = [{"id": x.id, "day": x.day.isoformat(), "time": x.start_time, "mode": x.mode, "where": x.where(),
                 "topic": x.topic, "experts": x.experts, "station": x.station, "status": x.status,
                 "cases": [{"id": c.case_id, "request_id": c.request_id, "number": c.number, "title": c.title,
                            "conclusion": c.conclusion} for c in x.cases]} for x in lines]
    return _list(args, (["Ngày", "Giờ", "Hình thức", "Nơi / đường dẫn", "Chủ đề", "Số ca", "Trạng thái"],
                        ["Day", "Time", "Format", "Place / link", "Topic", "Cases", "Status"]), rows,
                 lambda r, lang: [day_text(_day(r["day"]), lang), r["time"], label("support_format", r["mode"], lang),
                                  r["where"], r["topic"], len(r["cases"]),
                                  label("consultation_status", r["status"], lang)])


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# ----- ratings -------------------------------------------------------------------------------------
def _rate(args: argparse.Namespace) -> int:
    return _print_id(args, lambda s, actor, db: ratings.rate_activity(
        s, actor, kind=args.kind, activity_id=args.id, rating=args.rating, comment=args.comment).id)


def _ratings(args: argparse.Namespace) -> int:
    year, quarter = year_of(args.year), quarter_of(args.quarter)
    with opened(args) as db, db.read() as s:
        groups = ratings.rating_summary(s, year, quarter, _own_station(db, s, args.station))
        rows = [{"station": g.station, "station_id": g.station_id, "kind": g.kind, "quarter": g.quarter,
                 "count": g.count, "average": round(g.average, 2), "comments": list(g.comments)} for g in groups]

    def kind_text(kind: str, lang: str) -> str:
        return label("request_kind", kind, lang) if kind in codes("request_kind") else label("activity_kind", kind,
                                                                                                lang)

    return _list(args, (["Trạm", "Quý", "Loại hỗ trợ", "Số lượt", "Điểm trung bình"],
                        ["Station", "Quarter", "Kind", "Ratings", "Average"]), rows,
                 lambda r, lang: [r["station"], r["quarter"], kind_text(r["kind"], lang), r["count"], r["average"]])


# ----- training plan (Phụ lục II) and documents rolled out (Phụ lục I) -----------------------------------
def _department_id(s: Session, name: str | None) -> str | None:
    if not name:
        return None
    found = s.scalar(select(Department.id).where(Department.deleted.is_(False),
                                                 (Department.code == name) | (Department.name == name)))
    if found is None:
        raise NotFoundError("not_found", msg("not_found", name=name), field="department")
    return str(found)


def _tp_add(args: argparse.Namespace) -> int:
    return _print_id(args, lambda s, actor, db: training_plan.add_plan_item(
        s, actor, year=args.year, department_id=_department_id(s, args.department), content=args.content,
        head_count=args.head_count, format=args.format, quarter=args.quarter, expected_time=args.expected_time,
        audience=args.audience).id)


def _tp_link(args: argparse.Namespace) -> int:
    in_transaction(args, lambda s, actor, db: training_plan.link_session(s, actor, args.item, args.session))
    say(args, msg("cli.programme.tp_link"))
    return EXIT_OK


def _tp_list(args: argparse.Namespace) -> int:
    with opened(args) as db, db.read() as s:
        found = training_plan.training_plan(s, year_of(args.year))
        rows = [{"id": r.id, "department": r.department, "content": r.content, "quarter": r.quarter,
                 "expected_time": r.expected_time, "format": r.format, "audience": r.audience,
                 "head_count": r.head_count, "sessions_held": r.sessions_held, "trained": r.trained} for r in found]
    return _list(args, (["Khoa/phòng", "Nội dung", "Hình thức", "Số người dự kiến", "Buổi đã tổ chức", "Đã tập huấn"],
                        ["Department", "Content", "Format", "Planned", "Sessions held", "Trained"]), rows,
                 lambda r, lang: [r["department"], r["content"], label("plan_training_format", r["format"], lang),
                                  r["head_count"], r["sessions_held"], r["trained"]])


def _doc_add(args: argparse.Namespace) -> int:
    return _print_id(args, lambda s, actor, db: training_plan.add_document(
        s, actor, department_id=_department_id(s, args.department), doc_number=args.number, doc_date=args.date,
        summary=args.summary, forms_guided=args.forms).id)


def _doc_list(args: argparse.Namespace) -> int:
    with opened(args) as db, db.read() as s:
        found = training_plan.list_documents(s, args.date_from, args.date_to)
        rows = [{"id": d.id, "department": d.department, "number": d.doc_number, "date": d.doc_date.isoformat(),
                 "summary": d.summary, "forms_guided": d.forms_guided} for d in found]
    return _list(args, (["Khoa/phòng", "Số", "Ngày", "Trích yếu", "Số biểu mẫu"],
                        ["Department", "Number", "Date", "Summary", "Forms"]), rows,
                 lambda r, lang: [r["department"], r["number"], day_text(_day(r["date"]), lang), r["summary"],
                                  r["forms_guided"]])


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")


def register(sub: Any) -> None:
    g = group(sub, "plan", "kế hoạch hỗ trợ chuyên môn năm / annual support plan")
    p = subcommand(g, "new", _plan_new, "lập kế hoạch cho một trạm (Trung tâm), in ra mã / new plan; prints its id")
    p.add_argument("--station", required=True, help="mã trạm / station code")
    p.add_argument("--year", required=True, help="năm / year")
    p.add_argument("--objectives", required=True, help="mục tiêu, mỗi dòng một mục tiêu / objectives")
    p.add_argument("--notes", help="ghi chú / notes")
    p = subcommand(g, "activity", _plan_activity, "thêm hoạt động, chỉ tiêu và dự trù kinh phí / add an activity")
    p.add_argument("plan", help="mã kế hoạch / plan id")
    p.add_argument("--kind", required=True, help="loại: " + ", ".join(codes("activity_kind")))
    p.add_argument("--content", required=True, help="nội dung / content")
    for q in range(1, 5):
        p.add_argument(f"--q{q}", default="0", help=f"chỉ tiêu quý {q} / quarter {q} target")
    p.add_argument("--travel", default="0", help="chi phí đi lại (đồng) / travel (VND)")
    p.add_argument("--per-diem", default="0", help="công tác phí (đồng) / per diem (VND)")
    p.add_argument("--materials", default="0", help="vật tư, tài liệu (đồng) / materials (VND)")
    p = subcommand(g, "indicator", _plan_indicator, "thêm chỉ số chuyên môn / add an indicator")
    p.add_argument("plan", help="mã kế hoạch / plan id")
    p.add_argument("--name", required=True, help="tên chỉ số / name")
    p.add_argument("--measure", required=True, help="phương thức đánh giá / how it is measured")
    p.add_argument("--target", help="mục tiêu, ví dụ ≥ 90% / target")
    for name, handler, text in (("show", _plan_show, "các hoạt động của kế hoạch / the plans' activities"),
                                ("progress", _plan_progress, "chỉ tiêu và đã thực hiện / target against done")):
        p = subcommand(g, name, handler, text)
        p.add_argument("--year", required=True, help="năm / year")
        p.add_argument("--station", help="mã trạm (tại Trung tâm) / station code (at the centre)")
        if name == "progress":
            p.add_argument("--quarter", help="quý 1–4 / quarter 1–4")
        _format(p)

    g = group(sub, "consult", "lịch hội chẩn / consultation calendar")
    p = subcommand(g, "schedule", _consult_schedule, "lên lịch một buổi hội chẩn, in ra mã / schedule; prints its id")
    p.add_argument("--day", required=True, help="ngày / day")
    p.add_argument("--time", required=True, help="giờ, ví dụ 14:00 / time")
    p.add_argument("--mode", default="in_person", help="in_person (trực tiếp) | online (trực tuyến)")
    p.add_argument("--place", help="địa điểm (trực tiếp) / place")
    p.add_argument("--link", help="đường dẫn phòng họp (trực tuyến) / meeting link")
    p.add_argument("--topic", required=True, help="chủ đề / topic")
    p.add_argument("--experts", required=True, help="chuyên gia của Trung tâm / the centre's experts")
    p.add_argument("--station", help="mã trạm; bỏ trống: mọi trạm / station code; empty: every station")
    p = subcommand(g, "case", _consult_case, "đưa một yêu cầu hỗ trợ vào buổi hội chẩn / put a request on the agenda")
    p.add_argument("session", help="mã buổi hội chẩn / session id")
    p.add_argument("request", help="mã yêu cầu / request id")
    p = subcommand(g, "conclude", _consult_conclude, "ghi kết luận cho một ca / record a case's conclusion")
    p.add_argument("case", help="mã ca / case id")
    p.add_argument("conclusion", help="kết luận / conclusion")
    p = subcommand(g, "held", _consult_held, "ghi buổi hội chẩn đã tổ chức / mark a session held")
    p.add_argument("session", help="mã buổi hội chẩn / session id")
    p = subcommand(g, "list", _consult_list, "lịch hội chẩn / the calendar")
    p.add_argument("--from", dest="date_from", help="từ ngày / from")
    p.add_argument("--to", dest="date_to", help="đến ngày / to")
    p.add_argument("--station", help="mã trạm (tại Trung tâm) / station code (at the centre)")
    _format(p)

    g = group(sub, "rating", "trạm đánh giá hỗ trợ đã nhận / the station's ratings of support")
    p = subcommand(g, "give", _rate, "đánh giá đợt luân phiên hoặc buổi hội chẩn 1–5 / rate a visit or session")
    p.add_argument("kind", help="rotation (luân phiên) | consultation (hội chẩn)")
    p.add_argument("id", help="mã đợt luân phiên hoặc buổi hội chẩn / visit or session id")
    p.add_argument("rating", help="1 (kém) … 5 (rất tốt)")
    p.add_argument("--comment", help="nhận xét / comment")
    p = subcommand(g, "summary", _ratings, "tổng hợp theo trạm, loại, quý / per station, kind and quarter")
    p.add_argument("--year", required=True, help="năm / year")
    p.add_argument("--quarter", help="quý 1–4 / quarter 1–4")
    p.add_argument("--station", help="mã trạm (tại Trung tâm) / station code (at the centre)")
    _format(p)

    g = group(sub, "training-plan", "kế hoạch đào tạo (Phụ lục II) / training plan (Annex II)")
    p = subcommand(g, "add", _tp_add, "thêm nội dung đề xuất, in ra mã / add a proposed training; prints its id")
    p.add_argument("--year", required=True, help="năm / year")
    p.add_argument("--department", help="mã hoặc tên khoa/phòng đề xuất / proposing department")
    p.add_argument("--content", required=True, help="nội dung đề xuất tập huấn / content")
    p.add_argument("--head-count", required=True, help="số lượng người tập huấn / planned head count")
    p.add_argument("--format", default="in_person", help=", ".join(codes("plan_training_format")))
    p.add_argument("--quarter", help="quý 1–4 / quarter")
    p.add_argument("--expected-time", help="thời gian dự kiến / expected time")
    p.add_argument("--audience", help="đối tượng / audience")
    p = subcommand(g, "link", _tp_link, "buổi tập huấn đã thực hiện nội dung này / a session that carried it out")
    p.add_argument("item", help="mã nội dung kế hoạch / plan item id")
    p.add_argument("session", help="mã buổi tập huấn / training session id")
    p = subcommand(g, "list", _tp_list, "kế hoạch và đã tổ chức / plan against held")
    p.add_argument("--year", required=True, help="năm / year")
    _format(p)

    g = group(sub, "rollout", "văn bản, biểu mẫu đã triển khai (Phụ lục I) / documents rolled out (Annex I)")
    p = subcommand(g, "add", _doc_add, "ghi một văn bản, in ra mã / record a document; prints its id")
    p.add_argument("--department", help="mã hoặc tên khoa/phòng / department")
    p.add_argument("--number", required=True, help="số văn bản / document number")
    p.add_argument("--date", required=True, help="ngày văn bản / document date")
    p.add_argument("--summary", required=True, help="trích yếu / summary")
    p.add_argument("--forms", default="0", help="số biểu mẫu đã hướng dẫn / forms guided")
    p = subcommand(g, "list", _doc_list, "danh mục văn bản / the register")
    p.add_argument("--from", dest="date_from", help="từ ngày / from")
    p.add_argument("--to", dest="date_to", help="đến ngày / to")
    _format(p)
