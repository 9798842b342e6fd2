"""`ytcs stock count start | show | enter | approve | cancel`: a stock count, whole or partial (one
category, one place, or items named or searched without accents), from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, CliError, actor_for, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import get_item
from ytcs_desktop.domain.inventory.count_scope import CountScope, count_choices, describe_scope, place_named
from ytcs_desktop.domain.inventory.counts import (
    approve_count,
    cancel_count,
    count_numbered,
    count_sheet,
    enter_physical,
    line_of,
    start_count,
)
from ytcs_desktop.domain.labels import parse_code
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import Message, msg, pick
from ytcs_desktop.store.db import Database


def _scope(s: Session, actor: Actor, args: argparse.Namespace) -> CountScope:
    station_id = actor.station_id or ""
    category = parse_code("item_category", args.category, "category") if args.category else None
    location = place_named(s, station_id, args.place) if args.place else None
    item_ids = [get_item(s, code).id for code in args.item or []]
    if args.search:
        day = _day(args)
        found = count_choices(s, station_id, day).search(args.search)
        if not found:
            raise CliError(msg("cli.stock_counts", search=args.search))
        item_ids += [c.id for c in found]
    return CountScope(category=category, location=location, item_ids=tuple(dict.fromkeys(item_ids)))


def _day(args: argparse.Namespace) -> dt.date:
    return dt.date.today() if args.date is None else parse_date(args.date, "count_date")


def _start(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> Message:
        scope = _scope(s, actor, args)
        count = start_count(s, actor, count_date=_day(args), team=args.team, scope=scope)
        lots = len(count_sheet(s, count.id))
        return msg("cli.stock_counts.start.done", number=count.number, scope=pick(describe_scope, s, scope),
                   lots=lots, day=pick(day_text, count.count_date))

    say(args, in_transaction(args, work))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    with opened(args) as db, db.read() as s:
        count = count_numbered(s, actor_for(db), args.count)
        number, status, sheet = count.number, count.status, count_sheet(s, count.id)
    if fmt == "json":
        print_json({"number": number, "status": status, "lines": [_line_json(x) for x in sheet]})
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["Code", "Item", "Lot", "Expiry", "Place", "Book", "Counted", "Reason"] if en
               else ["Mã", "Mặt hàng", "Lô", "Hạn dùng", "Nơi để", "Sổ sách", "Thực tế", "Lý do"])
    print_table(headers, [[x.item_code, x.item, x.lot_no, day_text(x.expiry), x.place, x.book_qty,
                           x.physical_qty, x.reason] for x in sheet])
    return EXIT_OK


def _line_json(x: Any) -> dict[str, Any]:
    return {"item": x.item_code, "name": x.item, "lot": x.lot_no, "expiry": x.expiry.isoformat(),
            "place": x.place, "book_qty": x.book_qty, "physical_qty": x.physical_qty, "reason": x.reason}


def _enter(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> Message:
        count = count_numbered(s, actor, args.count)
        item = get_item(s, args.item)
        line = line_of(s, count, item.id, args.lot)
        enter_physical(s, actor, line_id=line.id, physical_qty=args.qty, reason=args.reason)
        diff = (line.physical_qty or 0) - line.book_qty
        return msg("cli.stock_counts.enter.done", number=count.number, item=item.name, lot=args.lot,
                   counted=line.physical_qty, unit=item.base_unit, diff=diff)

    say(args, in_transaction(args, work))
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> Message:
        count = count_numbered(s, actor, args.count)
        rows = approve_count(s, actor, count_id=count.id, proposals=args.proposals)
        return msg("cli.stock_counts.approve.done", number=count.number, lots=len(rows))

    say(args, in_transaction(args, work))
    return EXIT_OK


def _cancel(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> Message:
        count = count_numbered(s, actor, args.count)
        cancel_count(s, actor, count_id=count.id)
        return msg("cli.stock_counts.cancel.done", number=count.number)

    say(args, in_transaction(args, work))
    return EXIT_OK


def register(stock: Any) -> None:
    counts = group(stock, "count", "kiểm kê toàn bộ hoặc một phần kho / stock counts, whole or partial")
    p = subcommand(counts, "start", _start, "bắt đầu kiểm kê / start a count (frozen book quantities)")
    p.add_argument("--date", help="ngày kiểm kê (mặc định hôm nay) / count date (default today)")
    p.add_argument("--team", help="tổ kiểm kê / the count team")
    p.add_argument("--category", help="một nhóm hàng: thuốc | vật tư | vắc xin / one category")
    p.add_argument("--place", help="tên tủ lạnh, hoặc “ngoài tủ lạnh” / a fridge's name, or “outside”")
    p.add_argument("--item", action="append", help="mã mặt hàng (lặp lại được) / item code (repeatable)")
    p.add_argument("--search", help="các mặt hàng có tên khớp, không cần dấu / items whose name matches")
    p = subcommand(counts, "show", _show, "các dòng của phiếu kiểm kê / the lines of a count")
    p.add_argument("--count", help="số phiếu KK-… (mặc định phiếu đang mở) / count number (default: the open one)")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    p = subcommand(counts, "enter", _enter, "nhập số đếm của một lô / enter what was counted of a lot")
    p.add_argument("--count", help="số phiếu KK-… (mặc định phiếu đang mở) / count number")
    p.add_argument("--item", required=True, help="mã mặt hàng / item code")
    p.add_argument("--lot", required=True, help="số lô / lot number")
    p.add_argument("--qty", required=True, help="số lượng thực tế (≥ 0) / quantity counted")
    p.add_argument("--reason", help="lý do chênh lệch / reason for a difference")
    p = subcommand(counts, "approve", _approve, "duyệt: điều chỉnh các lô của phiếu / approve: correct its lots")
    p.add_argument("--count", help="số phiếu KK-… (mặc định phiếu đang mở) / count number")
    p.add_argument("--proposals", help="kiến nghị (in trên biên bản) / proposals for the minutes")
    p = subcommand(counts, "cancel", _cancel, "hủy phiếu kiểm kê chưa duyệt / cancel an open count")
    p.add_argument("--count", help="số phiếu KK-… (mặc định phiếu đang mở) / count number")
