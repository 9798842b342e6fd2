"""`ytcs backup` and `ytcs restore`: checked copies of the station's data that keep themselves, and
putting one back (the next sync reconciles with the centre). The work is in store/backup.py and
store/restore.py; this module reads the options and says what happened."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ytcs_desktop.cli.common import EXIT_OK, db_path, language, print_json, print_table, seconds_text
from ytcs_desktop.cli.setup import output_format, say, subcommand
from ytcs_desktop.dates import moment_text
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    BackupCopy,
    backup_folder,
    copy_made,
    list_copies,
    make_backup,
    rotate,
)
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import NotInitialisedError
from ytcs_desktop.store.restore import CopyContents, contents_or_none, restore_database

KINDS = {"regular": ("sao lưu", "backup"), "before_upgrade": ("trước nâng cấp", "before upgrade"),
         "before_restore": ("trước khôi phục", "before restore")}


def human_size(size: int, lang: str = "vi") -> str:
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
    return f"{text if lang.startswith('en') else text.replace('.', ',')} {unit}"


def _database(args: argparse.Namespace) -> Path:
    path = db_path(args)
    if not path.exists():
        raise NotInitialisedError(str(path))
    return path


def _backup(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args)
    path = _database(args)
    made = make_backup(path, args.to)
    say(args, msg("cli.backup.backup", path=made.path, size=pick(human_size, made.size),
                  seconds=pick(seconds_text, made.seconds)))
    deleted = rotate(made.path.parent)
    if deleted:
        say(args, msg("cli.backup",
                      deleted=len(deleted),
                      keep_daily=KEEP_DAILY,
                      keep_weekly=KEEP_WEEKLY,
                      keep_monthly=KEEP_MONTHLY))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("text", "json"))
    path = db_path(args)
    folders = [backup_folder(path)] + ([args.to] if args.to else [])
    copies = list_copies(*folders)
    rows = [(copy, contents_or_none(copy.path)) for copy in copies]
    lang = language(args)
    en = lang.startswith("en")
    if fmt == "json":
        print_json([_as_dict(copy, contents) for copy, contents in rows])
        return EXIT_OK
    if not rows:
        say(args, msg("cli.backup.list", folders=', '.join(map(str, folders))))
        return EXIT_OK
    unreadable = msg("cli.backup.list.unreadable").text(lang)
    table = [(moment_text(copy.made, lang), KINDS[copy.kind][1 if en else 0], human_size(copy.size, lang),
              contents.who(lang) if contents else unreadable,
              contents.stock_transactions if contents else "",
              moment_text(contents.last_change if contents else None, lang),
              str(copy.path)) for copy, contents in rows]
    headers = (("Made", "Kind", "Size", "Data of", "Stock transactions", "Last change", "File") if en else
               ("Ngày tạo", "Loại", "Kích thước", "Dữ liệu của", "Giao dịch kho", "Thay đổi cuối", "Tệp"))
    print_table(headers, table)
    return EXIT_OK


def _as_dict(copy: BackupCopy, contents: CopyContents | None) -> dict[str, Any]:
    return {
        "file": str(copy.path), "made": copy.made.isoformat(timespec="minutes"), "kind": copy.kind,
        "size": copy.size, "readable": contents is not None,
        "station_code": contents.station_code if contents else None,
        "station_name": contents.station_name if contents else None,
        "role": contents.role if contents else None,
        "stock_transactions": contents.stock_transactions if contents else None,
        "last_change": contents.last_change.isoformat(timespec="minutes")
        if contents and contents.last_change else None,
    }


def _restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    source: Path = args.file
    result = restore_database(source, path)
    Database.open(path).close()  # an older copy is upgraded now (a copy of it is kept), not at the next start
    contents = result.contents
    when = copy_made(source)
    made = pick(moment_text, when)
    say(args, msg("cli.backup.restore.done", source=source, who=pick(contents.who), made=made,
                  transactions=contents.stock_transactions))
    if result.safety is not None:
        say(args, msg("cli.backup.restore", path=result.safety.path))
    if result.replaced is not None and result.replaced.unsent:
        n = result.replaced.unsent
        say(args, msg("cli.backup.restore.2", n=n))
    if result.replaced is not None and not result.same_pc:
        say(args, msg("cli.backup.restore.3"))
    if result.replaced is None:
        say(args, msg("cli.backup.restore.4"))
    say(args, msg("cli.backup.restore.next_sync", made=made))
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "backup", _backup,
                   f"sao lưu dữ liệu ngay (giữ {KEEP_DAILY} ngày, {KEEP_WEEKLY} tuần, {KEEP_MONTHLY} tháng) / "
                   "back up the data now (keeps 7 daily, 4 weekly, 12 monthly copies)")
    p.add_argument("--to", type=Path, metavar="FOLDER",
                   help="thư mục hoặc ổ USB (mặc định: thư mục backups cạnh dữ liệu) / a folder or USB drive")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu / list the copies")
    p.add_argument("--format", default="text", help="text (mặc định) hoặc json, với --list")
    p = subcommand(sub, "restore", _restore,
                   "khôi phục dữ liệu từ một bản sao lưu (sao lưu dữ liệu hiện tại trước) / restore the data "
                   "from a backup (the current data is copied first)")
    p.add_argument("file", type=Path, metavar="FILE", help="tệp sao lưu .sqlite3")
