"""`ytcs login`, `ytcs logout`, `ytcs sync [status]`: the station's link to the centre.

The device token goes to the OS keyring. Where there is none, it is kept for this process only
(log in again next time, or `ytcs sync --username U --password-stdin` logs in for one run), unless
`--store-token-in-file` was given at login (plain text, mode 0600, in the data folder).
`YTCS_SYNC_TOKEN` overrides the stored token (scripts).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
from typing import Any

from sqlalchemy import text

from ytcs_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    db_path,
    language,
    open_db,
    print_json,
)
from ytcs_desktop.cli.setup import subcommand
from ytcs_desktop.domain.accounts import keep_verified_password
from ytcs_desktop.domain.station_ids import own_code
from ytcs_desktop.messages import PerLanguage, msg
from ytcs_desktop.paths import default_data_dir
from ytcs_desktop.settings import settings
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync.join import DEVICE_ID, SERVER_URL, USERNAME, remember_centre


def _say(args: argparse.Namespace, text: PerLanguage, err: bool = False) -> None:
    print(text.text(language(args)), file=sys.stderr if err else sys.stdout)


def _folder(args: argparse.Namespace) -> Any:
    return getattr(args, "data_dir", None) or default_data_dir()


def _read_password(args: argparse.Namespace) -> str:
    if not args.password_stdin:
        raise CliError(msg("cli.sync"))
    return sys.stdin.readline().rstrip("\r\n")


def _sync_error(exc: Any) -> CliError:
    return CliError(exc.text, EXIT_FAILED, code=exc.code)


def _login(args: argparse.Namespace, db: Database, server: str, username: str, password: str,
           to_file: bool) -> tuple[str, str]:
    from ytcs_desktop.sync import keystore
    from ytcs_desktop.sync.client import CA_FILE_NAME, SyncError, login, trusted_ca

    ca_file = _ca_file(args)
    _warn_plain_http(args, server)
    try:
        answer = login(server, username, password, device_name=getattr(args, "device_name", "") or socket.gethostname(),
                       station_id=db.station_id, replica_id=db.replica_id, station_code=own_code(db),
                       verify=ca_file or trusted_ca(db.path.parent))
    except SyncError as exc:  # a refused sign-in is bad input, like a server that is not there
        raise CliError(exc.text, EXIT_BAD_INPUT, code=exc.code) from exc
    if ca_file:
        shutil.copyfile(ca_file, db.path.parent / CA_FILE_NAME)
    if answer.role == "station" and answer.station_id != db.station_id:
        raise CliError(msg("cli.sync.login"))
    remember_centre(db, server, answer.device_id, username)
    saved = keystore.save_token(server, answer.device_id, answer.token, _folder(args), to_file=to_file)
    with db.transaction() as s:  # as the window does: this person can sign in here offline afterwards
        keep_verified_password(s, username=username, password=password,
                               role="centre" if db.role == "centre" else "station")
    if saved.where == "session":
        _say(args, msg("cli.sync.login.2"), err=True)
    return answer.device_id, answer.token


def _ca_file(args: argparse.Namespace) -> str | None:
    given = getattr(args, "ca_file", None)
    if given and not os.path.isfile(given):
        raise CliError(msg("cli.sync.ca_file", given=given))
    return str(given) if given else None


def _warn_plain_http(args: argparse.Namespace, server: str) -> None:
    from ytcs_desktop.sync.links import PLAIN_HTTP, plain_http_risk

    if plain_http_risk(server):
        _say(args, PLAIN_HTTP, err=True)


def _login_cmd(args: argparse.Namespace) -> int:
    password = _read_password(args)
    if not db_path(args).exists():
        return _join(args, password)
    db = open_db(args)
    try:
        device_id, _ = _login(args, db, args.server, args.username, password, args.store_token_in_file)
    finally:
        db.close()
    _say(args, msg("cli.sync.login_cmd", username=args.username, server=args.server, device_id=device_id))
    return EXIT_OK


def _join(args: argparse.Namespace, password: str) -> int:
    """An empty data folder: this PC joins the centre (the window's first run does the same)."""
    from ytcs_desktop.sync.client import SyncError
    from ytcs_desktop.sync.join import join_centre

    path = db_path(args)
    ca_file = _ca_file(args)
    _warn_plain_http(args, args.server)
    try:
        joined = join_centre(path, args.server, args.username, password,
                             device_name=args.device_name or socket.gethostname(),
                             token_to_file=args.store_token_in_file, ca_file=ca_file)
    except SyncError as exc:
        raise CliError(exc.text, code=exc.code) from exc
    joined.db.close()
    if joined.token_kept == "session":
        _say(args, msg("cli.sync.join"), err=True)
    if joined.role == "centre":
        _say(args, msg("cli.sync.join.2", server=args.server, path=path))
    else:
        _say(args, msg("cli.sync.join.3", server=args.server, station_code=joined.station_code, path=path))
    return EXIT_OK


def _logout(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync import keystore
    from ytcs_desktop.sync.client import SyncClient, SyncError

    db = open_db(args)
    try:
        server, device_id = db.meta(SERVER_URL), db.meta(DEVICE_ID)
        if server and device_id:
            token = keystore.load_token(server, device_id, _folder(args))
            if token:
                client = SyncClient(db, server, token, max_retries=0)
                try:
                    client.request("POST", "/api/v1/auth/logout", retry=False)
                except SyncError:
                    pass  # offline: the token is forgotten here; the centre can revoke the device
                finally:
                    client.close()
            keystore.forget_token(server, device_id, _folder(args))
    finally:
        db.close()
    _say(args, msg("word.logged_out"))
    return EXIT_OK


def _token(args: argparse.Namespace, db: Database) -> tuple[str, str]:
    from ytcs_desktop.sync import keystore

    server: str | None = args.server or db.meta(SERVER_URL)
    if args.username:
        if not server:
            raise CliError(msg("cli.sync.token.2"))
        _, fresh = _login(args, db, server, args.username, _read_password(args), False)
        return server, fresh
    device_id = db.meta(DEVICE_ID)
    token = settings().sync_token or (
        keystore.load_token(server, device_id, _folder(args)) if server and device_id else None)
    if not server or not token:
        raise CliError(msg("cli.sync.token"), exit_code=EXIT_FAILED)
    return server, token


# What `ytcs sync status` calls each line: in English the key itself (as the JSON has it), in Vietnamese words.
STATUS_NAMES = {
    "server": msg("cli.sync.status.server"), "device_id": msg("cli.sync.status.device_id"),
    "username": msg("cli.sync.status.username"), "pending": msg("cli.sync.status.pending"),
    "rejected": msg("cli.sync.status.rejected"), "conflicts": msg("cli.sync.status.conflicts"),
    "clock_offset_ms": msg("cli.sync.status.clock_offset_ms"), "clock_suspect": msg("cli.sync.status.clock_suspect"),
    "own_items": msg("cli.sync.status.own_items"),
}


def _status(args: argparse.Namespace, db: Database) -> int:
    from ytcs_desktop.sync import apply as a

    with db.read() as s:
        rejected = {name: int(s.scalar(text(f"SELECT count(*) FROM \"{name}\" WHERE sync_state = 'rejected'")))
                    for name in a.TABLES}
        conflicts = int(s.scalar(text("SELECT count(*) FROM sync_conflicts WHERE resolved = 0")))
        own_items = int(s.scalar(text("SELECT count(*) FROM items WHERE station_id IS NOT NULL AND deleted = 0")))
    last = db.meta(a.LAST_SYNC)
    info: dict[str, Any] = {
        "server": db.meta(SERVER_URL), "device_id": db.meta(DEVICE_ID), "username": db.meta(USERNAME),
        "pending": a.waiting_records(db), "rejected": sum(rejected.values()),
        "rejected_by_table": {k: v for k, v in rejected.items() if v}, "conflicts": conflicts,
        "own_items": own_items,
        "push_cursor": a.get_int(db, a.PUSH_CURSOR), "pull_cursor": a.get_int(db, a.PULL_CURSOR),
        "clock_offset_ms": a.get_int(db, a.CLOCK_OFFSET), "clock_suspect": db.meta(a.CLOCK_SUSPECT) == "1",
        "last_sync": json.loads(last) if last else None,
    }
    if args.format == "json":
        print_json(info)
        return EXIT_OK
    lang = language(args)
    for key, name in STATUS_NAMES.items():
        print(f"{name.text(lang)}: {info[key] if info[key] is not None else '—'}")
    if info["last_sync"]:
        ls = info["last_sync"]
        print(msg("cli.sync.status.last_sync", pushed=ls["pushed"], pulled=ls["pulled"],
                  complete=ls["complete"]).text(lang))
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.client import SyncClient, SyncError

    db = open_db(args)
    try:
        if args.action == "status":
            return _status(args, db)
        server, token = _token(args, db)
        if args.to_file or args.from_file:
            return _by_file(args, db, token)
        from ytcs_desktop.domain.enrolment import first_sync_summary
        from ytcs_desktop.sync import apply as sync_apply

        first = sync_apply.get_int(db, sync_apply.PUSH_CURSOR) == 0 and sync_apply.pending_count(db) > 0
        client = SyncClient(db, server, token)
        try:
            report = client.sync()
        except SyncError as exc:
            raise _sync_error(exc) from exc
        finally:
            client.close()
        enrolment = first_sync_summary(db, report.rejected) if first and report.complete else None
    finally:
        db.close()
    if args.format == "json":
        print_json(report.as_dict())
    else:
        print(msg("cli.sync.sync.report", **report.as_dict()).text(language(args)))
        if enrolment is not None:
            print("\n".join(enrolment.lines(language(args))))
        if report.clock_suspect:
            _say(args, msg("cli.sync.sync"),
                 err=True)
        if report.rejected:
            _say(args, msg("cli.sync.sync.2"),
                 err=True)
        _say_accounts(args, report.accounts_confirmed, report.accounts_refused)
    return EXIT_OK if report.complete else EXIT_FAILED


def _say_accounts(args: argparse.Namespace, confirmed: int, refused: int) -> None:
    """What the centre answered to the accounts made here (the network's sync and the USB answer's)."""
    if confirmed:
        _say(args, msg("cli.sync.say_accounts", confirmed=confirmed))
    if refused:
        _say(args, msg("cli.sync.say_accounts.2", refused=refused),
             err=True)


def _by_file(args: argparse.Namespace, db: Database, token: str) -> int:
    """The USB stick: write the request for the centre, or read the centre's answer."""
    from pathlib import Path

    from ytcs_desktop.sync import bundle

    device_id = db.meta(DEVICE_ID) or ""
    try:
        if args.to_file:
            Path(args.to_file).write_bytes(bundle.request_bundle(db, device_id, token))
            _say(args, msg("cli.sync.by_file.2", to_file=args.to_file))
            return EXIT_OK
        done = bundle.apply_answer(db, device_id, token, Path(args.from_file).read_bytes())
    except bundle.BundleError as exc:
        raise CliError(exc.text, code=exc.code) from exc
    except OSError as exc:
        raise CliError(msg("cli.sync.by_file", exc=exc)) from exc
    if args.format == "json":
        print_json(done)
    else:
        _say(args, msg("cli.sync.by_file.report", pushed=done["pushed"], rejected=done["rejected"],
                       pulled=done["pulled"]))
        _say_accounts(args, done["accounts_confirmed"], done["accounts_refused"])
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "login", _login_cmd, "đăng nhập vào Trung tâm / log in to the centre")
    p.add_argument("--server", required=True, metavar="URL")
    p.add_argument("--username", required=True)
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p.add_argument("--device-name", default="", help="name shown at the centre (default: the host name)")
    p.add_argument("--store-token-in-file", action="store_true",
                   help="keep the token in a 0600 file in the data folder (when there is no OS keyring)")
    p.add_argument("--ca-file", metavar="PEM",
                   help="chứng chỉ gốc (CA) của Trung tâm, khi Trung tâm tự cấp chứng chỉ HTTPS / the centre's "
                        "certificate authority, when it issues its own HTTPS certificate (kept for later syncs)")

    subcommand(sub, "logout", _logout, "đăng xuất / log out")

    p = subcommand(sub, "sync", _sync, "đồng bộ với Trung tâm / sync with the centre")
    p.add_argument("action", nargs="?", choices=["status"], help="status: what is pending, refused, in conflict")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--server", metavar="URL", help="centre address (default: the one of `ytcs login`)")
    p.add_argument("--username", help="log in for this run only (with --password-stdin)")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--device-name", default="")
    p.add_argument("--to-file", metavar="PATH", help="no network: write the changes to a signed file for the centre")
    p.add_argument("--from-file", metavar="PATH", help="no network: read the centre's answer file")
