"""`ytcs stock receive | issue | on-hand | levels | count …`: the station's ledger from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.cli import stock_counts
from ytcs_desktop.cli.common import EXIT_OK, CliError, language, print_json, print_table
from ytcs_desktop.cli.setup import group, in_transaction, opened, output_format, say, subcommand
from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import get_item
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.domain.inventory import clear_stock_level, issue, on_hand_by_lot, receive, set_stock_level
from ytcs_desktop.domain.validation import parse_date, positive_quantity, required_text
from ytcs_desktop.messages import Message, msg, pick
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Lot

MAX_QUANTITY = 10_000_000  # base units in one movement; beyond this it is a typing mistake


def _thousands(number: int, lang: str) -> str:
    """10,000,000 in English, 10.000.000 in Vietnamese."""
    text = f"{number:,}"
    return text if lang == "en" else text.replace(",", ".")


def _quantity(value: str) -> int:
    qty = positive_quantity(value)
    if qty > MAX_QUANTITY:
        raise CliError(msg("cli.stock.quantity_too_large", value=value, most=pick(_thousands, MAX_QUANTITY)))
    return qty


def _day(value: str | None, field: str) -> dt.date:
    return dt.date.today() if value is None else parse_date(value, field)


def _receive(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> Message:
        item = get_item(s, args.item)
        lot_no = required_text(args.lot, "lot_no", msg("word.lot_number"), 64)
        expiry = parse_date(args.expiry, "expiry")
        qty = _quantity(args.qty)
        (txn,) = receive(s, actor, item_id=item.id, lot_no=lot_no, expiry=expiry, quantity=qty,
                         txn_date=_day(args.date, "txn_date"), doc_no=args.doc, source=args.source)
        return msg("cli.stock.receive.done", qty=qty, unit=item.base_unit, item=item.name, lot=lot_no,
                   expiry=pick(day_text, expiry), txn=txn.id)

    say(args, in_transaction(args, work))
    return EXIT_OK


def _issue(args: argparse.Namespace) -> int:
    def work(s: Session, actor: Actor, db: Database) -> list[tuple[str, int, str]]:
        item = get_item(s, args.item)
        qty = _quantity(args.qty)
        lot_id = None
        if args.lot:
            lot_id = s.scalar(select(Lot.id).where(Lot.item_id == item.id, Lot.lot_no == args.lot.strip(),
                                                   Lot.station_id == actor.station_id, Lot.deleted.is_(False)))
            if lot_id is None:
                raise NotFoundError(
                    "lot_not_found",
                    msg("lot_not_found", lot=args.lot, name=item.name), field="lot")
        rows = issue(s, actor, item_id=item.id, quantity=qty, txn_date=_day(args.date, "txn_date"), lot_id=lot_id,
                     override_reason=args.reason if lot_id else None, reason=None if lot_id else args.reason,
                     doc_no=args.doc)
        return [(s.get(Lot, r.lot_id).lot_no, -r.quantity, item.base_unit) for r in rows  # type: ignore[union-attr]
                if r.lot_id]

    taken = in_transaction(args, work)
    lots = "; ".join(msg("cli.stock.issue.lot", lot=lot, qty=qty, unit=unit).text(language(args))
                     for lot, qty, unit in taken)
    say(args, msg("cli.stock.issue.done", item=args.item, lots=lots))
    return EXIT_OK


def _on_hand(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    with opened(args) as db, db.read() as s:
        station_id = db.station_id or ""
        lots = on_hand_by_lot(s, station_id)
    if fmt == "json":
        print_json([_lot_json(b) for b in lots])
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["Code", "Name", "Unit", "Lot", "Expiry", "On hand", "Note"] if en
               else ["Mã", "Tên", "Đơn vị", "Lô", "Hạn dùng", "Tồn", "Ghi chú"])
    held = msg("cli.stock.on_hand.quarantined").text(language(args))
    print_table(headers, [[b.item_code, b.item_name, b.unit, b.lot_no, b.expiry.isoformat(), b.quantity,
                           held if b.quarantined else ""] for b in lots])
    return EXIT_OK


def _levels(args: argparse.Namespace) -> int:
    if args.clear == (args.min is not None or args.max is not None):
        raise CliError(msg("cli.stock"))

    def work(s: Session, actor: Actor, db: Database) -> Message:
        item = get_item(s, args.item)
        if args.clear:
            clear_stock_level(s, actor, item_id=item.id)
            return msg("cli.stock.levels.catalogue", item=item.name, min=item.min_stock, max=item.max_stock)
        level = set_stock_level(s, actor, item_id=item.id, min_stock=args.min, max_stock=args.max)
        return msg("cli.stock.levels.own", item=item.name, min=level.min_stock,
                   max=level.max_stock or msg("cli.stock.levels.no_max"), unit=item.base_unit)

    say(args, in_transaction(args, work))
    return EXIT_OK


def _lot_json(b: Any) -> dict[str, Any]:
    return {"item": b.item_code, "name": b.item_name, "unit": b.unit, "category": b.category, "lot": b.lot_no,
            "expiry": b.expiry.isoformat(), "quantity": b.quantity, "quarantined": b.quarantined,
            "vvm_stage": b.vvm_stage}


def register(sub: Any) -> None:
    stock = group(sub, "stock", "nhập, xuất và tồn kho / receipts, issues and stock on hand")
    p = subcommand(stock, "receive", _receive, "nhập kho một lô / receive a lot")
    p.add_argument("--item", required=True, help="mã mặt hàng / item code")
    p.add_argument("--lot", required=True, help="số lô / lot number")
    p.add_argument("--expiry", required=True, help="hạn dùng YYYY-MM-DD / expiry date")
    p.add_argument("--qty", required=True, help="số lượng theo đơn vị cơ bản (> 0) / quantity in base units")
    p.add_argument("--date", help="ngày nhập (mặc định hôm nay) / receipt date (default today)")
    p.add_argument("--doc", help="số chứng từ / document number")
    p.add_argument("--source", default="centre", help="centre (Trung tâm cấp, mặc định) | other (nguồn khác)")
    p = subcommand(stock, "issue", _issue,
                   "xuất sử dụng, mặc định theo FEFO / issue for use, first-expiry-first unless --lot")
    p.add_argument("--item", required=True, help="mã mặt hàng / item code")
    p.add_argument("--qty", required=True, help="số lượng (> 0) / quantity")
    p.add_argument("--lot", help="xuất từ lô này; nếu không theo FEFO cần --reason / issue from this lot")
    p.add_argument("--reason", help="lý do (bắt buộc khi chọn lô không theo FEFO) / reason (FEFO override)")
    p.add_argument("--date", help="ngày xuất (mặc định hôm nay) / issue date (default today)")
    p.add_argument("--doc", help="số chứng từ / document number")
    p = subcommand(stock, "on-hand", _on_hand, "tồn kho theo lô / stock on hand by lot")
    p.add_argument("--format", default="table", metavar="{table,json}", help="table (mặc định) | json")
    p = subcommand(stock, "levels", _levels, "mức tồn tối thiểu/tối đa của trạm / the station's minimum and maximum")
    p.add_argument("--item", required=True, help="mã mặt hàng / item code")
    p.add_argument("--min", help="tối thiểu, đơn vị cơ bản / minimum in base units")
    p.add_argument("--max", help="tối đa (0: không đặt) / maximum (0: none)")
    p.add_argument("--clear", action="store_true", help="dùng lại mức của danh mục / back to the catalogue's levels")
    stock_counts.register(stock)
