"""`ytcs export` (every syncable row, deterministic) and `ytcs check` (file and ledger soundness)."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import Any

from ytcs_desktop.cli.common import EXIT_FAILED, EXIT_OK, CliError, db_path, language
from ytcs_desktop.cli.setup import DamagedDatabase, opened, output_format, subcommand
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import damaged, disk_full, file_integrity
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
        raise CliError(msg("cli.data", parent=out.parent))
    partial = out.with_name(out.name + ".part")  # a cut leaves the old file, never half of a new one
    data = text.encode("utf-8")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise disk_full(out.parent, len(data)) from exc
        raise
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """Exit 0: ok. Exit 1: problems found, listed on stdout (a damaged file: SQLite's integrity_check
    report, then what to restore). Exit 2: nothing could be checked (no database, one from a newer
    version, a full disk, a file another program holds): one line on stderr."""
    lang = "en" if language(args).startswith("en") else "vi"
    path = db_path(args)
    damage = file_integrity(path)  # read-only: the file is checked before anything may write to it
    if damage:
        return _report_damage(path, damage, lang)
    try:
        with opened(args) as db, db.read() as s:
            findings = check_database(s, file_checked=True)
    except DamagedDatabase as exc:  # sound pages, but not YTCS data
        print(exc.message(lang))
        return EXIT_FAILED
    if not findings:
        print("ok")
        return EXIT_OK
    print(msg("cli.data.check.found", n=len(findings)).text(lang))
    for f in findings:
        print(f"  [{f.check}] {f.message(lang)}")
    return EXIT_FAILED


def _report_damage(path: Path, damage: list[str], lang: str) -> int:
    print(msg("cli.data.check.damaged", path=path, n=len(damage)).text(lang))
    for line in damage:
        print(f"  [integrity] {' '.join(line.split())}")
    advice = damaged(path, damage[0])
    print(advice.message(lang))
    return EXIT_FAILED


def register(sub: Any) -> None:
    p = subcommand(sub, "export", _export,
                   "xuất mọi bản ghi đồng bộ, thứ tự cố định / every syncable row as JSON, in a fixed order")
    p.add_argument("--format", default="json", metavar="{json}", help="json (mặc định)")
    p.add_argument("--out", help="ghi vào tệp thay vì màn hình / write to this file instead of stdout")
    subcommand(sub, "check", _check,
               "kiểm tra tệp dữ liệu và sổ kho; mã thoát 1 nếu có lỗi (liệt kê ở stdout), 2 nếu không kiểm tra được / "
               "check the file and ledger; exit 1 if not ok (listed on stdout), 2 if it could not be checked")
