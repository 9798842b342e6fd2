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
    en = language(args).startswith("en")
    if en:
        print(f"{report.imported} rows imported ({report.created} new, {report.updated} updated, "
              f"{report.unchanged} unchanged), {len(report.rejected)} rejected.")
    else:
        print(f"Đã nhập {report.imported} dòng ({report.created} mới, {report.updated} cập nhật, "
              f"{report.unchanged} không đổi), {len(report.rejected)} dòng bị từ chối.")
    if not report.rejected:
        return EXIT_OK
    for r in report.rejected:
        where = f"row {r.row}" if en else f"dòng {r.row}"
        print(f"  {where}{f' ({r.code})' if r.code else ''}: {r.message('en' if en else 'vi')}")
    if en:
        summary = (f"{len(report.rejected)} rows rejected (see the report above); the other {report.imported} rows "
                   "were imported.")
    else:
        summary = (f"{len(report.rejected)} dòng bị từ chối (xem báo cáo ở trên); {report.imported} dòng còn lại "
                   "đã được nhập.")
    print(f"ytcs: {summary}", file=sys.stderr)
    return EXIT_BAD_INPUT


def register(sub: Any) -> None:
    items = group(sub, "items", "danh mục thuốc, vật tư, vắc xin / the item catalogue")
    p = subcommand(items, "import", _import, "nhập danh mục từ CSV/XLSX / import the catalogue from CSV or XLSX")
    p.description = IMPORT_HELP
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("file", help="tệp .csv hoặc .xlsx / a .csv or .xlsx file")
