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
from ytcs_desktop.messages import PerLanguage, msg, pick
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
        print(msg("cli.usage_error", prog=parser.prog, message=message).text(_lang_from_env()), file=sys.stderr)
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
        raise CliError(msg("cli.setup", name=name))

    return handler


def _either(choices: tuple[str, ...], lang: str) -> str:
    return msg("cli.or").text(lang).join(choices)


def output_format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    value = getattr(args, "format", None) or allowed[0]
    if value not in allowed:
        raise CliError(msg("cli.unknown_format", value=value, choices=pick(_either, allowed)))
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
        raise DamagedDatabase(exc.text, code=exc.code) from exc
    except DatabaseError as exc:  # a SQLite file that is not YTCS data
        raise DamagedDatabase(
            msg("cli.setup.opened", path=path, orig=exc.orig)) from exc
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


def say(args: argparse.Namespace, text: PerLanguage) -> None:
    print(text.text(language(args)))


# ----- init -------------------------------------------------------------------------------------
def refuse_existing(path: Path) -> None:
    if path.exists():
        raise CliError(
            msg("cli.setup.refuse_existing", path=path))


def _init(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.stations import create_station

    code = required_text(args.station_code, "code", msg("word.station_code"), 32)
    name = required_text(args.station_name, "name", msg("word.station_name"))
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
    say(args, msg("cli.setup.init", code=code, name=name, path=path))
    return EXIT_OK


# ----- demo -------------------------------------------------------------------------------------
def _demo(args: argparse.Namespace) -> int:
    from ytcs_desktop.cli.demo_progress import DemoProgress
    from ytcs_desktop.demo import centre

    months = args.months
    if months < 1 or months > 36:
        raise CliError(msg("cli.setup.demo"))
    path = db_path(args)
    if not args.force:
        refuse_existing(path)
        if (path.parent / centre.SERVER_FILE).exists():
            raise CliError(msg("cli.setup.demo.force", refusal=centre.centre_exists(path.parent).text))
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
    say(args, msg("cli.setup.demo.2",
                  months=months,
                  path=path,
                  took=took,
                  counts=counts,
                  server_file=folder / centre.SERVER_FILE,
                  changes=built.changes,
                  folder=folder,
                  neighbours=neighbours,
                  demo_password=centre.DEMO_PASSWORD,
                  stations=stations,
                  centre_account=centre.CENTRE_ACCOUNT,
                  demo_password_2=DEMO_PASSWORD,
                  people=people))
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
