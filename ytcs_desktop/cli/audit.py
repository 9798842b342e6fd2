"""`ytcs audit [--person P] [--table T] [--since D] [--until D] [--record ID]`: who changed what, when and
on which computer, newest first, with each field before → after in words."""

from __future__ import annotations

import argparse
from typing import Any

from ytcs_desktop.cli.common import EXIT_OK, CliError, language, print_json, print_table
from ytcs_desktop.cli.setup import opened, output_format, subcommand
from ytcs_desktop.dates import moment_text
from ytcs_desktop.domain.audit import AuditFilter, audit_log, kind_choices, local_time, record_history
from ytcs_desktop.domain.text import fold
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import msg


def _lang(args: argparse.Namespace) -> str:
    return "en" if language(args).startswith("en") else "vi"


def _table(value: str | None, lang: str) -> str | None:
    """A kind of record by its name in the trail or in words (accents and case ignored)."""
    if not value:
        return None
    kinds = kind_choices(lang)
    wanted = fold(value.strip())
    for table, words in kinds:
        if wanted in (table, fold(words)):
            return table
    names = "; ".join(f"{t} ({w})" for t, w in kinds)
    raise CliError(msg("cli.audit", value=value, names=names))


def _audit(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("table", "json"))
    lang = _lang(args)
    table = _table(args.table, lang)
    since = parse_date(args.since, "since") if args.since else None
    until = parse_date(args.until, "until") if args.until else None
    with opened(args) as db, db.read() as s:
        if args.record:
            if table is None:
                raise CliError(msg("cli.audit.audit"))
            lines = list(reversed(record_history(s, table, args.record, lang)))
        else:
            lines = audit_log(s, AuditFilter(person=args.person, table=table, since=since, until=until), lang,
                              limit=args.limit)
    if fmt == "json":
        rows: list[dict[str, Any]] = [
            {"at": line.at.isoformat(), "person": line.person, "computer": line.computer, "kind": line.kind,
             "table": line.table, "record_id": line.row_id, "record": line.record, "action": line.op,
             "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in line.changes]}
            for line in lines]
        print_json(rows)
        return EXIT_OK
    headers = (["When", "Who", "Computer", "Record kind", "Record", "Action", "Changes"] if lang == "en" else
               ["Thời điểm", "Người thực hiện", "Máy", "Loại bản ghi", "Bản ghi", "Thao tác", "Thay đổi"])
    print_table(headers, [[moment_text(local_time(line.at), lang), line.person, line.computer, line.kind, line.record,
                           line.action, line.summary()] for line in lines])
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "audit", _audit, "nhật ký thay đổi: ai sửa gì, khi nào, trên máy nào / "
                                         "the audit trail: who changed what, when, on which computer")
    p.add_argument("--person", help="người thực hiện / the person")
    p.add_argument("--table", help="loại bản ghi, ví dụ staff hoặc “Nhân viên” / kind of record, e.g. staff")
    p.add_argument("--since", help="từ ngày / from (YYYY-MM-DD)")
    p.add_argument("--until", help="đến ngày / to (YYYY-MM-DD)")
    p.add_argument("--record", help="mã bản ghi: lịch sử của một bản ghi (cùng --table) / one record's history")
    p.add_argument("--limit", type=int, default=500, help="số dòng tối đa / at most this many lines")
    p.add_argument("--format", choices=["table", "json"], default="table", help="table | json")
