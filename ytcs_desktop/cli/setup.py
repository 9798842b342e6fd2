"""`ytcs init` and `ytcs demo`: a new station database, or a demo one, and the helpers the other
command modules of this contract share (one-line usage errors, formats, one transaction per command)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from ytcs_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CliError,
    Handler,
    actor_for,
    command,
    db_path,
    language,
    person_name,
)
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.settings import settings
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import DamagedDatabaseError
from ytcs_desktop.store.files import remove_database

T = TypeVar("T")


# ----- helpers shared by the command modules ------------------------------------------------------
def _lang_from_env() -> str:
    argv = sys.argv[1:]
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            return argv[i + 1]
    return settings().lang or "vi"


def one_line_errors(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Usage mistakes (a missing option, a bad number) print one line on stderr and exit 2."""

    def error(message: str) -> NoReturn:
        if _lang_from_env().startswith("en"):
            line = f"{parser.prog}: {message} (see `{parser.prog} --help`)"
        else:
            line = f"{parser.prog}: lệnh không hợp lệ — {message} (xem `{parser.prog} --help`)"
        print(line, file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)

    parser.error = error  # type: ignore[method-assign]
    parse_known = parser.parse_known_args

    def parse_known_args(args: Any = None, namespace: Any = None) -> Any:
        # Unknown options would otherwise reach the top-level parser, which prints its usage too.
        namespace, extras = parse_known(args, namespace)
        if extras:
            error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]
    return parser


def subcommand(sub: Any, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
    return one_line_errors(command(sub, name, handler, help))


def group(sub: Any, name: str, help: str) -> Any:
    """A command with its own subcommands (`ytcs stock receive`)."""
    parser = subcommand(sub, name, _missing_subcommand(name), help)
    return parser.add_subparsers(dest=f"{name}_command", metavar="SUBCOMMAND")


def _missing_subcommand(name: str) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        raise CliError(f"Hãy chọn một lệnh con: `ytcs {name} --help` liệt kê các lệnh.",
                       f"Choose a subcommand: `ytcs {name} --help` lists them.")

    return handler


def output_format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    value = getattr(args, "format", None) or allowed[0]
    if value not in allowed:
        raise CliError(f"Định dạng “{value}” không hỗ trợ: dùng {' hoặc '.join(allowed)}.",
                       f"Unknown format “{value}”: use {' or '.join(allowed)}.")
    return value


class DamagedDatabase(CliError):
    """The file is damaged (or not YTCS data): the message says what to restore."""


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Database]:
    """The database, checked by SQLite's quick_check first (once per command, ~30 ms for a year of a
    station's data): a damaged file is refused before anything is read from it or written to it."""
    path = db_path(args)
    try:
        db = Database.open(path, verify=True)
    except DamagedDatabaseError as exc:
        raise DamagedDatabase(exc.vi, exc.en) from exc
    except DatabaseError as exc:  # a SQLite file that is not YTCS data
        raise DamagedDatabase(
            f"Không mở được cơ sở dữ liệu {path}: tệp bị hỏng hoặc không phải dữ liệu YTCS ({exc.orig}).",
            f"Cannot open the database {path}: the file is damaged or not YTCS data ({exc.orig}).") from exc
    db.person = person_name(db)  # the audit trail names the person acting from the command line
    try:
        yield db
    finally:
        db.close()


def in_transaction(args: argparse.Namespace, work: Callable[[Session, Actor, Database], T]) -> T:
    """Run one command's writes as one transaction: all of it is kept, or none (on any error)."""
    with opened(args) as db:
        actor = actor_for(db)
        with db.transaction() as s:
            return work(s, actor, db)


def say(args: argparse.Namespace, vi: str, en: str) -> None:
    print(en if language(args).startswith("en") else vi)


# ----- init -------------------------------------------------------------------------------------
def refuse_existing(path: Path) -> None:
    if path.exists():
        raise CliError(
            f"Đã có cơ sở dữ liệu tại {path}: không ghi đè. Chọn thư mục khác bằng --data-dir.",
            f"A database already exists at {path}: not overwriting it. Choose another folder with --data-dir.")


def _init(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.stations import create_station

    code = required_text(args.station_code, "code", "mã trạm", "station code", 32)
    name = required_text(args.station_name, "name", "tên trạm", "station name")
    path = db_path(args)
    refuse_existing(path)
    station_id = station_id_for(code)  # the id the centre gives the same code: one station at enrolment
    try:
        db = Database.create(path, station_id=station_id, role="station")
        db.person = actor_for(db).name
        try:
            with db.transaction() as s:
                create_station(s, code=code, name=name, station_id=station_id)
        finally:
            db.close()
    except BaseException:
        remove_database(path)  # nothing half-made stays behind
        raise
    say(args, f"Đã tạo cơ sở dữ liệu của trạm {code} – {name} tại {path}",
        f"Created the database of station {code} – {name} at {path}")
    return EXIT_OK


# ----- demo -------------------------------------------------------------------------------------
def _demo(args: argparse.Namespace) -> int:
    from ytcs_desktop.cli.demo_progress import DemoProgress
    from ytcs_desktop.demo import centre

    months = args.months
    if months < 1 or months > 36:
        raise CliError("Số tháng phải từ 1 đến 36.", "--months must be between 1 and 36.")
    path = db_path(args)
    if not args.force:
        refuse_existing(path)
        if (path.parent / centre.SERVER_FILE).exists():
            raise CliError(centre.centre_exists(path.parent).vi + " (hoặc dùng --force)",
                           centre.centre_exists(path.parent).en + " (or use --force)")
    started = time.perf_counter()
    # Both databases are built beside their targets and moved into place at the end: an interrupted
    # run leaves nothing.
    summary, built = centre.build_demo_world(path, months=months, seed=args.seed, replace_centre=True,
                                             progress=DemoProgress(language(args)))
    from ytcs_desktop.demo.people import DEMO_PASSWORD, add_demo_accounts

    db = Database.open(path)
    try:
        people = ", ".join(a.username for a in add_demo_accounts(db))  # who signs in on the station's PC
    finally:
        db.close()
    took = time.perf_counter() - started
    counts = ", ".join(f"{k}={v}" for k, v in summary.items())
    folder = path.parent
    stations = ", ".join(centre.ACCOUNTS.values())
    sent = {k: sum(c.get(k, 0) for c in built.neighbours.values())
            for k in ("referrals", "reports_on_time", "ratings", "village_workers", "changes_sent")}
    neighbours = ", ".join(f"{k}={v}" for k, v in sent.items())
    say(args, f"Đã tạo dữ liệu mẫu (trạm An Phú, {months} tháng) tại {path} trong {took:.1f} giây: {counts}\n"
              f"Máy chủ Trung tâm mẫu ({folder / centre.SERVER_FILE}, đã đồng bộ với trạm: {built.changes} thay đổi, "
              f"0 bị từ chối, 0 xung đột): ytcs centre serve --data-dir {folder}\n"
              f"Bốn trạm lân cận đã gửi Trung tâm công việc của mình: {neighbours}\n"
              f"Tài khoản mẫu (mật khẩu {centre.DEMO_PASSWORD}): trạm {stations}; Trung tâm {centre.CENTRE_ACCOUNT}\n"
              f"Người đăng nhập trên máy trạm (mật khẩu {DEMO_PASSWORD}): {people}; dòng lệnh: ytcs signin TÊN",
        f"Created the demo data (An Phú station, {months} months) at {path} in {took:.1f} s: {counts}\n"
        f"Demo centre server ({folder / centre.SERVER_FILE}, in sync with the station: {built.changes} changes, "
        f"0 refused, 0 conflicts): ytcs centre serve --data-dir {folder}\n"
        f"The four neighbour stations have sent the centre their own work: {neighbours}\n"
        f"Demo accounts (password {centre.DEMO_PASSWORD}): stations {stations}; centre {centre.CENTRE_ACCOUNT}\n"
        f"People who sign in on the station's PC (password {DEMO_PASSWORD}): {people}; command line: ytcs signin NAME")
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "init", _init, "tạo cơ sở dữ liệu mới cho một trạm / create a new station database")
    p.add_argument("--station-code", required=True, help="mã trạm, ví dụ TYT-AP")
    p.add_argument("--station-name", required=True, help="tên trạm, ví dụ “Trạm Y tế phường An Phú”")
    p = subcommand(sub, "demo", _demo,
                   "tạo dữ liệu mẫu của trạm An Phú và máy chủ TTYT khu vực Thuận An / "
                   "build a demo station database and its centre's server database")
    p.add_argument("--months", type=int, default=12, help="số tháng dữ liệu (mặc định 12)")
    p.add_argument("--force", action="store_true",
                   help="thay cơ sở dữ liệu đang có (cả của máy chủ mẫu) / replace the existing databases")
    p.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
