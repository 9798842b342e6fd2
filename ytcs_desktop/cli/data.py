"""`ytcs export` (every syncable row, deterministic) and `ytcs check` (file and ledger soundness)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ytcs_desktop.cli.common import EXIT_FAILED, EXIT_OK, CliError, language
from ytcs_desktop.cli.setup import DamagedDatabase, opened, output_format, subcommand
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.store.export import dumps, export_data


def _export(args: argparse.Namespace) -> int:
    output_format(args, ("json",))
    with opened(args) as db, db.read() as s:
        text = dumps(export_data(s))
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"Không có thư mục {out.parent} để ghi tệp xuất.", f"No folder {out.parent} to write to.")
    partial = out.with_name(out.name + ".part")  # a cut leaves the old file, never half of a new one
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, out)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    lang = "en" if language(args).startswith("en") else "vi"
    try:
        with opened(args) as db, db.read() as s:
            findings = check_database(s)
    except DamagedDatabase as exc:  # a file that cannot even be opened is the worst "not ok"
        print(exc.message(lang))
        return EXIT_FAILED
    if not findings:
        print("ok")
        return EXIT_OK
    head = (f"{len(findings)} problems found:" if lang == "en" else f"Phát hiện {len(findings)} vấn đề:")
    print(head)
    for f in findings:
        print(f"  [{f.check}] {f.message(lang)}")
    return EXIT_FAILED


def register(sub: Any) -> None:
    p = subcommand(sub, "export", _export,
                   "xuất mọi bản ghi đồng bộ, thứ tự cố định / every syncable row as JSON, in a fixed order")
    p.add_argument("--format", default="json", metavar="{json}", help="json (mặc định)")
    p.add_argument("--out", help="ghi vào tệp thay vì màn hình / write to this file instead of stdout")
    subcommand(sub, "check", _check,
               "kiểm tra tệp dữ liệu và sổ kho; mã thoát 1 nếu có lỗi / check the file and ledger; exit 1 if not ok")
