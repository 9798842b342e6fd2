"""`ytcs request new | move | list`: professional support requests."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.domain.support import create_request, list_requests, move, status_label
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import SupportRequest


def _new(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> str:
        return create_request(s, actor, kind=args.kind, title=args.title, description=args.description).id

    print(in_transaction(args, work))  # the id and nothing else: scripts capture it
    return EXIT_OK


def _move(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> tuple[str, str, str]:
        extra: dict[str, Any] = {}
        if args.rating is not None:  # only the move to "rated" takes these
            extra = {"rating": args.rating, "feedback": args.feedback}
        request = move(s, actor, args.id, args.status, note=args.note, **extra)
        return request.number or request.id, request.status, request.sync_state

    number, status, sync_state = in_transaction(args, work)
    say(args, msg("cli.requests", number=number, sync_state=pick(status_label, status, sync_state)))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    lang = "en" if language(args).startswith("en") else "vi"
    with opened(args) as db, db.read() as s:
        station_id = db.station_id if db.role == "station" else None
        requests = list_requests(s, station_id=station_id)
        rows = [_request_json(r) for r in requests]
    if fmt == "json":
        print_json(rows)
        return EXIT_OK
    headers = (["Id", "Number", "Kind", "Status", "Title", "Created"] if lang == "en"
               else ["Mã", "Số", "Loại", "Trạng thái", "Tiêu đề", "Ngày tạo"])
    print_table(headers, [[r["id"], r["number"], label("request_kind", r["kind"], lang),
                           status_label(r["status"], r["sync_state"], lang), r["title"], r["created_at"][:10]]
                          for r in rows])
    return EXIT_OK


def _request_json(r: SupportRequest) -> dict[str, Any]:
    return {"id": r.id, "number": r.number, "kind": r.kind, "title": r.title, "description": r.description,
            "status": r.status, "urgency": r.urgency, "created_at": r.created_at.isoformat(),
            "created_by": r.created_by, "sync_state": r.sync_state}


def register(sub: Any) -> None:
    request = group(sub, "request", "yêu cầu hỗ trợ chuyên môn / professional support requests")
    p = subcommand(request, "new", _new, "tạo yêu cầu nháp, in ra mã của yêu cầu / new draft request; prints its id")
    p.add_argument("--kind", required=True, help="loại: " + ", ".join(codes("request_kind")) + " (hoặc tên tiếng Việt)")
    p.add_argument("--title", required=True, help="tiêu đề / title")
    p.add_argument("--description", help="mô tả / description")
    p = subcommand(request, "move", _move, "chuyển trạng thái / move to another status")
    p.add_argument("id", help="mã yêu cầu / request id")
    p.add_argument("status", help="trạng thái mới: " + ", ".join(codes("request_status")))
    p.add_argument("--note", help="ghi chú / note")
    p.add_argument("--rating", help="điểm 1–5 khi đánh giá (rated) / rating 1–5 when moving to rated")
    p.add_argument("--feedback", help="nhận xét khi đánh giá / feedback when rating")
    p = subcommand(request, "list", _list, "danh sách yêu cầu / list requests")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
