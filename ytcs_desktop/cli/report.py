"""`ytcs report list` and `ytcs report NAME --from D --to D [--station CODE…] [--out FILE.pdf|FILE.xlsx]`.

On the centre's database the forms are the centre's (its name in the header, its director signing)
and the registers list every station's rows, each with its station, unless `--station` (repeatable)
names some; a station's document (stock card, handover…) is printed for one station at a time.

PDF rendering needs Qt: a QGuiApplication on the offscreen platform is made when none exists, so
the command works over SSH and in scripts with no display."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import EXIT_OK, CliError, command, language, open_db, print_table
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("report", help="in biểu mẫu, báo cáo / print forms and reports",
                                                     description="In biểu mẫu, báo cáo ra PDF hoặc Excel.")
    inner = parser.add_subparsers(dest="report_command", metavar="NAME")
    command(inner, "list", _list, "danh sách báo cáo / list the reports")
    from ytcs_desktop.cli import submissions

    submissions.register(inner)
    from ytcs_desktop.reports.registry import REPORTS

    for spec in REPORTS.values():
        p = command(inner, spec.name, _make, f"{spec.title.text('vi')} / {spec.title.text('en')}")
        p.add_argument("--from", dest="date_from", required=True, help="từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY)")
        p.add_argument("--to", dest="date_to", required=True, help="đến ngày")
        p.add_argument("--out", type=Path, help="tệp ra: .pdf (mặc định) hoặc .xlsx")
        p.add_argument("--station", action="append", metavar="CODE",
                       help="mã trạm, lặp lại để chọn nhiều trạm (trên máy Trung tâm; mặc định: mọi trạm)"
                       if spec.by_station else "mã trạm (trên máy Trung tâm)")
        if "item" in spec.options:
            p.add_argument("--item", help="mã mặt hàng (mặc định: mọi mặt hàng có phát sinh)")
        if "fridge" in spec.options:
            p.add_argument("--fridge", help="tên tủ lạnh (mặc định: mọi tủ đang dùng)")
        if "parties" in spec.options:
            p.add_argument("--parties", type=Path,
                           help="tệp JSON: các bên (handing_over, receiving, witnesses: name/position/unit) "
                                "và các mục tự ghi (records, equipment, conclusion, difficulties, proposals…)")
        p.set_defaults(report_name=spec.name)
    parser.set_defaults(handler=_help(parser))


def _help(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_OK

    return handler


def _list(args: argparse.Namespace) -> int:
    from ytcs_desktop.reports.registry import REPORTS

    lang = language(args)
    print_table(["NAME", "TITLE", "EXCEL"],
                [[s.name, s.title.text(lang), "xlsx" if s.sheets else ""] for s in REPORTS.values()])
    return EXIT_OK


def _parties(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CliError(msg("cli.report.parties", path=path)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(msg("cli.report.parties.2", path=path, exc=exc)) from exc
    if not isinstance(data, dict):
        raise CliError(msg("cli.report", path=path))
    return data


def _stations(s: Session, db: Database, codes: list[str]) -> str | tuple[str, ...] | None:
    """Whose rows to print: a station prints its own; the centre the stations named (default: all)."""
    from ytcs_desktop.domain.stations import station_by_code

    chosen = tuple(dict.fromkeys(station_by_code(s, code).id for code in codes))
    if db.role == "centre":
        return chosen or None
    if any(sid != db.station_id for sid in chosen):
        raise CliError(msg("cli.report.stations"))
    return db.station_id


def _make(args: argparse.Namespace) -> int:
    from ytcs_desktop.reports.registry import ReportRequest, get

    spec = get(args.report_name)
    date_from: dt.date = parse_date(args.date_from, "date_from")
    date_to: dt.date = parse_date(args.date_to, "date_to")
    out: Path = args.out or Path(f"{spec.name}_{date_from:%Y%m%d}_{date_to:%Y%m%d}.pdf")
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CliError(msg("cli.report.make"))
    if not out.parent.is_dir():
        raise CliError(msg("cli.report.make.2", parent=out.parent))
    if suffix == ".xlsx" and spec.sheets is None:
        raise CliError(msg("cli.report.make.3", name=spec.name))
    db = open_db(args)
    try:
        with db.read() as s:
            stations = _stations(s, db, args.station or [])
        req = ReportRequest(stations, date_from, date_to,
                            getattr(args, "item", None), getattr(args, "fridge", None),
                            _parties(getattr(args, "parties", None)))
        with db.read() as s:
            data = spec.data(s, req)
            if suffix == ".xlsx":
                from ytcs_desktop.reports.excel import write_xlsx

                assert spec.sheets is not None
                write_xlsx(spec.sheets(data), out, spec.title.text("vi"))
                print(out)
                return EXIT_OK
            from ytcs_desktop.reports.output import ensure_gui_app, write_pdf

            ensure_gui_app()
            pages = write_pdf(spec.document(data), out)  # a FontError is a DomainError: one line, exit 2
    finally:
        db.close()
    print(msg("cli.report.pages", out=out, pages=pages).text(language(args)))
    return EXIT_OK
