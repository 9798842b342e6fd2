"""`ytcs items import FILE`: load the catalogue from a CSV or XLSX file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, language
from ytcs_desktop.cli.setup import group, in_transaction, subcommand
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import ImportReport, import_rows, read_rows
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database

IMPORT_HELP = """\
Nhập danh mục thuốc, vật tư, vắc xin từ tệp CSV (UTF-8, có hoặc không có BOM, phân cách bằng dấu phẩy
hoặc chấm phẩy) hoặc XLSX (trang tính đầu tiên). Dòng đầu là tiêu đề: code,name,unit,category (hoặc
Mã, Tên, Đơn vị, Loại) là bắt buộc; tùy chọn: active_ingredient/Hoạt chất, strength/Hàm lượng,
dosage_form/Dạng bào chế, controlled, min/Tồn tối thiểu, max/Tồn tối đa, doses/Số liều/lọ,
vaccine_form, freeze_sensitive, pack_unit/Quy cách, pack_factor/Hệ số quy đổi. Loại: drug (thuốc),
supply (vật tư), vaccine (vắc xin). Mặt hàng trùng mã được cập nhật.

Mã thoát: 0 khi mọi dòng đã được nhập; 2 khi có dòng bị từ chối (các dòng hợp lệ VẪN được nhập,
báo cáo liệt kê số dòng và lý do) hoặc khi tệp không đọc được (không ghi gì).

Import the catalogue from a CSV or XLSX file. Exit 0 when every row was imported; exit 2 when some
rows were rejected (the valid rows ARE still imported; the report lists each rejected row number and
reason) or when the file cannot be read (nothing is written)."""


def _import(args: argparse.Namespace) -> int:
    rows = read_rows(Path(args.file))  # an unreadable file stops here, before the database is touched

    def work(s: Session, actor: Actor, db: Database) -> ImportReport:
        return import_rows(s, actor, rows)

    report = in_transaction(args, work)
    lang = language(args)
    print(msg("cli.items.import", imported=report.imported, created=report.created, updated=report.updated,
              unchanged=report.unchanged, rejected=len(report.rejected)).text(lang))
    if not report.rejected:
        return EXIT_OK
    for r in report.rejected:
        where = msg("cli.items.import.row", row=r.row).text(lang)
        print(f"  {where}{f' ({r.code})' if r.code else ''}: {r.message(lang)}")
    summary = msg("cli.items.import.rejected", rejected=len(report.rejected), imported=report.imported).text(lang)
    print(f"ytcs: {summary}", file=sys.stderr)
    return EXIT_BAD_INPUT


def register(sub: Any) -> None:
    items = group(sub, "items", "danh mục thuốc, vật tư, vắc xin / the item catalogue")
    p = subcommand(items, "import", _import, "nhập danh mục từ CSV/XLSX / import the catalogue from CSV or XLSX")
    p.description = IMPORT_HELP
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("file", help="tệp .csv hoặc .xlsx / a .csv or .xlsx file")
