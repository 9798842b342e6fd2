"""What every subcommand shares: options, opening the database, output, and error handling."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.messages import PerLanguage, Refusal, msg
from ytcs_desktop.paths import database_path
from ytcs_desktop.settings import settings
from ytcs_desktop.store.db import Database, known_error
from ytcs_desktop.store.errors import DiskFullError, KnownStoreError

Handler = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and found a problem (check failed, sync incomplete)
EXIT_BAD_INPUT = 2  # refused input: nothing was written


class CliError(Refusal):
    """An error to print as one line on stderr, in the language of the command. `code` is the refused
    error's own code when it comes from one (a domain or store refusal), else "cli"."""

    def __init__(self, text: PerLanguage, exit_code: int = EXIT_BAD_INPUT, *, code: str = "cli") -> None:
        super().__init__(code, text)
        self.exit_code = exit_code


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of the station database (default: $YTCS_DATA_DIR or the per-user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=argparse.SUPPRESS,
        help="language of messages (default: $YTCS_LANG or vi)",
    )


def command(sub: Any, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
    """Add a subcommand whose options also accept --data-dir and --lang after the command name."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help, description=help)
    add_common_options(parser)
    parser.set_defaults(handler=handler)
    return parser


def language(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or settings().lang or "vi"


def data_dir(args: argparse.Namespace) -> Path | None:
    return getattr(args, "data_dir", None)


def db_path(args: argparse.Namespace) -> Path:
    return database_path(data_dir(args))


def open_db(args: argparse.Namespace) -> Database:
    """The database, checked by SQLite's quick_check first (once per command; ~30 ms for a year of a
    station's data): a damaged file is refused before anything is read from it or written to it."""
    db = Database.open(db_path(args), verify=True)
    db.person = person_name(db)  # the audit trail names the person acting from the command line
    return db


# Imports grow the database by about this many times the input file's size while they run: the rows,
# their change log for the centre, and the write-ahead log until it is folded into the file (measured:
# a 3.1 MB CSV of 20 000 items took 54 MB at its peak).
IMPORT_SPACE_FACTOR = 20


def space_needed(args: argparse.Namespace) -> int | None:
    """About how much disk space the command needs, when it can be told from its input."""
    if getattr(args, "command", None) == "items" and getattr(args, "items_command", None) == "import":
        try:
            return os.path.getsize(args.file) * IMPORT_SPACE_FACTOR
        except (OSError, TypeError):
            return None
    return None


def actor_for(db: Database) -> Actor:
    """The person acting from the command line. In a database with sign-in accounts: the person signed
    in with `ytcs signin` (until that runs out), with their own duties; nobody signed in refuses the
    command. In a database without accounts (made before they existed): the OS user, as a system actor
    of this database's role."""
    from ytcs_desktop.domain.accounts import actor_of, cli_person, has_accounts

    role: Role = "centre" if db.role == "centre" else "station"
    with db.read() as s:
        if not has_accounts(s):
            name = settings().user_name
            return Actor(name=name, role=role, station_id=db.station_id if role == "station" else None)
        signed_in = cli_person(s)
    if signed_in is None:
        raise CliError(msg("cli.common"))
    return actor_of(signed_in[0], role, db.station_id)


def person_name(db: Database) -> str | None:
    """Who the audit trail names for this command's writes; None when nobody is signed in (a command that
    only reads needs nobody; one that writes asks actor_for, which refuses)."""
    try:
        return actor_for(db).name
    except CliError:
        return None


def run_handler(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    try:
        return handler(args)
    except DomainError as exc:
        raise CliError(exc.text, EXIT_BAD_INPUT, code=exc.code) from exc
    except KnownStoreError as exc:
        known: KnownStoreError = exc
        if isinstance(exc, DiskFullError) and exc.needed is None and (needed := space_needed(args)):
            known = DiskFullError(exc.folder, exc.free, needed)  # full already when the file was opened
        raise CliError(known.text, EXIT_BAD_INPUT, code=known.code) from exc
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        # Mid-command: a damaged page met while reading, a full disk, a file another program holds.
        found = known_error(exc, db_path(args), space_needed(args))
        if found is None:
            raise
        raise CliError(found.text, EXIT_BAD_INPUT, code=found.code) from exc


def seconds_text(seconds: float, lang: str = "vi") -> str:
    """Seconds with one decimal, the decimal mark of the language (1,5 in Vietnamese)."""
    text = f"{seconds:.1f}"
    return text if lang.startswith("en") else text.replace(".", ",")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain aligned text table (widths by characters, so Vietnamese aligns in a terminal)."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
