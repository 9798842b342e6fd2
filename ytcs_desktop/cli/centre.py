"""`ytcs centre …`: run and administer the centre server.

Every subcommand takes `--database URL` (SQLAlchemy URL: `sqlite:///path` or
`postgresql+psycopg://user@host/db`); default: $YTCS_CENTRE_DATABASE, else the SQLite file
`centre-server.sqlite3` in the data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Any

from ytcs_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    data_dir,
    language,
    print_json,
    print_table,
)
from ytcs_desktop.cli.setup import group, subcommand
from ytcs_desktop.dates import moment_text
from ytcs_desktop.domain.permissions import duty_names
from ytcs_desktop.messages import PerLanguage, msg
from ytcs_desktop.paths import default_data_dir
from ytcs_desktop.settings import environment, settings

SERVER_DB_FILENAME = "centre-server.sqlite3"


def database_url(args: argparse.Namespace) -> str:
    if getattr(args, "database", None):
        return str(args.database)
    if given := settings().centre_database:
        return given
    folder = data_dir(args) or default_data_dir()
    return f"sqlite:///{folder / SERVER_DB_FILENAME}"


def _unreachable(url: str, exc: Exception) -> CliError:
    from sqlalchemy.exc import ArgumentError

    code = EXIT_BAD_INPUT if isinstance(exc, ArgumentError) else EXIT_FAILED  # a malformed URL is bad input
    shown = url.split("@")[-1] if "@" in url else url  # never echo a password given in the URL
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return CliError(msg("cli.centre", shown=shown, first=first), exit_code=code)


def _store(args: argparse.Namespace) -> Any:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ytcs_desktop.sync.server.store import ServerStore

    url = database_url(args)
    try:
        store = ServerStore(url)
        store.create_schema()
    except (OperationalError, ArgumentError) as exc:
        raise _unreachable(url, exc) from exc
    return store


def _admin(args: argparse.Namespace, work: Any) -> Any:
    from ytcs_desktop.sync.server.errors import ApiError

    store = _store(args)
    try:
        with store.write() as conn:
            return work(store, conn)
    except ApiError as exc:
        raise CliError(exc.text, code=exc.code) from exc
    finally:
        store.dispose()


def _say(args: argparse.Namespace, text: PerLanguage) -> None:
    print(text.text(language(args)))


def _serve(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ytcs_desktop.sync.server.serve import serve

    offer = {"recommended_client": args.recommend_client, "client_download": args.client_download}
    os.environ.update(environment(**{k: v for k, v in offer.items() if v}))  # read by every worker from there
    for name in ("certfile", "keyfile"):
        given = getattr(args, name)
        if given and not os.path.isfile(given):
            raise CliError(msg("cli.centre.serve.2", given=given, name=name))
    if args.keyfile and not args.certfile:
        raise CliError(msg("cli.centre.serve"))
    url = database_url(args)
    try:
        return serve(url, host=args.host, port=args.port, log_level=args.log_level, certfile=args.certfile,
                     keyfile=args.keyfile, workers=args.workers, connections=args.db_connections,
                     pool_wait_s=args.pool_wait)
    except (OperationalError, ArgumentError) as exc:
        raise _unreachable(url, exc) from exc


def _add_station(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    sid = _admin(args, lambda store, conn: admin.add_station(conn, args.code, args.name, args.id, store=store))
    _say(args, msg("cli.centre.add_station", code=args.code, name=args.name, sid=sid))
    return EXIT_OK


def _add_user(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    if not args.password_stdin:
        raise CliError(msg("cli.centre.add_user"))
    password = sys.stdin.readline().rstrip("\r\n")
    _admin(args, lambda _s, conn: admin.add_user(conn, args.username, password, args.role, args.station))
    _say(args, msg("cli.centre.add_user.2", username=args.username, role=args.role))
    return EXIT_OK


def _disable(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    _admin(args, lambda _s, conn: admin.set_active(conn, args.username, False))
    _say(args, msg("cli.centre.disable", username=args.username))
    return EXIT_OK


def _enable(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    _admin(args, lambda _s, conn: admin.set_active(conn, args.username, True))
    _say(args, msg("cli.centre.enable", username=args.username))
    return EXIT_OK


def _reset_password(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    if not args.password_stdin:
        raise CliError(msg("cli.centre.reset_password"))
    password = sys.stdin.readline().rstrip("\r\n")
    _admin(args, lambda _s, conn: admin.reset_password(conn, args.username, password))
    _say(args, msg("cli.centre.reset_password.2", username=args.username))
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    _admin(args, lambda _s, conn: admin.revoke_device(conn, args.device_id))
    _say(args, msg("cli.centre.revoke", device_id=args.device_id))
    return EXIT_OK


def _devices(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    found = _admin(args, lambda _s, conn: admin.list_devices(conn))
    if args.format == "json":
        print_json([d.model_dump() for d in found])
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["id", "user", "name", "station", "last seen", "clock", "revoked"] if en else
               ["mã máy", "tài khoản", "tên", "trạm", "lần cuối", "đồng hồ", "thu hồi"])
    suspect = msg("cli.centre.devices.clock_suspect").text(language(args))
    rows = [[d.id, d.username, d.name, d.station_code or "—", _seen(d.last_seen, language(args)),
             suspect if d.clock_suspect else "ok", "x" if d.revoked else ""] for d in found]
    print_table(headers, rows)
    return EXIT_OK


def _seen(iso: str | None, lang: str) -> str:
    """A moment the server keeps as ISO in UTC, as this computer's clock reads it (JSON keeps ISO)."""
    return moment_text(dt.datetime.fromisoformat(iso).astimezone(), lang) if iso else "—"


def _stations(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    found = _admin(args, lambda _s, conn: admin.list_stations(conn))
    if args.format == "json":
        print_json(found)
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["code", "name", "PCs", "last seen", "id"] if en else
               ["mã", "tên", "số máy", "lần cuối", "mã định danh"])
    print_table(headers, [[s["code"], s["name"], s["pcs"], _seen(s["last_seen"], language(args)), s["id"] or "—"]
                          for s in found])
    return EXIT_OK


def _users(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    found = _admin(args, lambda _s, conn: admin.list_users(conn))
    if args.format == "json":
        print_json(found)
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["user", "full name", "role", "station", "duties", "active", "locked until"] if en else
               ["tài khoản", "họ và tên", "vai trò", "trạm", "nhiệm vụ", "hoạt động", "khoá đăng nhập đến"])
    print_table(headers, [[u["username"], u["full_name"] or "", u["role"], u["station"] or "—",
                           duty_names(frozenset(u["duties"]), "en" if en else "vi") if u["duties"] else "",
                           "x" if u["active"] else "", u["locked_until"] or ""] for u in found])
    return EXIT_OK


def _proposals(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import proposals

    found = _admin(args, lambda _s, conn: proposals.pending(conn))
    if args.format == "json":
        print_json([vars(f) for f in found])
        return EXIT_OK
    en = language(args).startswith("en")
    headers = (["code", "name", "unit", "pack units", "offered by"] if en else
               ["mã", "tên", "đơn vị", "quy cách", "trạm đề nghị"])
    print_table(headers, [[f.code, f.name, f.unit, f.pack_units, ", ".join(f.stations)] for f in found])
    return EXIT_OK


def _adopt(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import proposals

    _admin(args, lambda store, conn: proposals.adopt(store, conn, args.code))
    _say(args, msg("cli.centre.adopt", code=args.code))
    return EXIT_OK


def _decline(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import proposals

    _admin(args, lambda _s, conn: proposals.decline(conn, args.code))
    _say(args, msg("cli.centre.decline", code=args.code))
    return EXIT_OK


def _purge(args: argparse.Namespace) -> int:
    from ytcs_desktop.sync.server import admin

    purged, horizon = _admin(args, lambda s, conn: admin.purge_tombstones(s, conn, args.older_than_days))
    _say(args, msg("cli.centre.purge", purged=purged, horizon=horizon))
    return EXIT_OK


def _answer_bundle(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ytcs_desktop.sync import bundle
    from ytcs_desktop.sync.server.bundle_answer import answer_bundle

    store = _store(args)
    try:
        answer = answer_bundle(store, Path(args.request).read_bytes())
        Path(args.answer).write_bytes(answer)
    except bundle.BundleError as exc:
        raise CliError(exc.text, code=exc.code) from exc
    except OSError as exc:
        raise CliError(msg("cli.centre.answer_bundle", exc=exc)) from exc
    finally:
        store.dispose()
    _say(args, msg("cli.centre.answer_bundle.2", answer=args.answer))
    return EXIT_OK


def register(sub: Any) -> None:
    from ytcs_desktop.sync.server.admin import DEFAULT_TOMBSTONE_DAYS
    from ytcs_desktop.sync.server.store import DEFAULT_POOL_WAIT_S

    centre = group(sub, "centre", "máy chủ Trung tâm / the centre server")

    def db_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--database", metavar="URL",
                            help="SQLAlchemy URL (default: $YTCS_CENTRE_DATABASE or "
                                 f"{SERVER_DB_FILENAME} in the data dir)")
        return parser

    p = db_option(subcommand(centre, "serve", _serve, "chạy máy chủ đồng bộ / run the sync server"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470, help="0: any free port (printed on the ready line)")
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--certfile", metavar="PEM", help="chứng chỉ TLS của máy chủ (HTTPS) / the server's TLS certificate")
    p.add_argument("--keyfile", metavar="PEM", help="khoá riêng của chứng chỉ / its private key")
    p.add_argument("--recommend-client", metavar="VERSION",
                   help="phiên bản YTCS khuyên các trạm cài (mặc định: phiên bản của máy chủ) / the version stations "
                        "are told to install (default: the server's own)")
    p.add_argument("--client-download", metavar="URL",
                   help="nơi tải phiên bản đó / where stations get that version")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="số tiến trình phục vụ / worker processes (PostgreSQL: each takes its share of the "
                        "connections)")
    p.add_argument("--db-connections", type=int, default=None, metavar="N",
                   help="số kết nối tối đa tới cơ sở dữ liệu, chia cho các tiến trình / the most database "
                        "connections the server holds, shared by its workers (default: 8 a worker, at most "
                        "three quarters of what PostgreSQL has free; behind PgBouncer, its client limit)")
    p.add_argument("--pool-wait", type=float, default=DEFAULT_POOL_WAIT_S, metavar="SECONDS",
                   help="chờ kết nối bấy lâu rồi trả lời 503 (bận) / wait this long for a connection, then "
                        "answer 503 (busy)")

    p = db_option(subcommand(centre, "add-station", _add_station, "đăng ký một trạm / register a station"))
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--id", help="station id of an existing station database (default: bound at first login)")

    p = db_option(subcommand(centre, "add-user", _add_user, "thêm tài khoản / add an account"))
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["station", "centre"])
    p.add_argument("--station", metavar="CODE", help="station code (role station)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")

    p = db_option(subcommand(centre, "revoke-device", _revoke, "thu hồi quyền của một máy / revoke a device"))
    p.add_argument("device_id", metavar="ID")

    p = db_option(subcommand(centre, "devices", _devices, "các máy đã đăng nhập / logged-in devices"))
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = db_option(subcommand(centre, "stations", _stations, "các trạm đã đăng ký / the registered stations"))
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = db_option(subcommand(centre, "users", _users, "các tài khoản / the accounts"))
    p.add_argument("--format", choices=["table", "json"], default="table")

    user = group(centre, "user", "quản lý tài khoản / administer accounts")
    p = db_option(subcommand(user, "list", _users, "các tài khoản / the accounts"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = db_option(subcommand(user, "disable", _disable,
                             "khoá tài khoản (các máy của tài khoản ngừng đồng bộ) / disable an account"))
    p.add_argument("username")
    p = db_option(subcommand(user, "enable", _enable, "mở lại tài khoản / enable an account again"))
    p.add_argument("username")
    p = db_option(subcommand(user, "reset-password", _reset_password,
                             "đặt mật khẩu mới cho tài khoản / set an account's password"))
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the new password from the first line of stdin")

    device = group(centre, "device", "quản lý các máy / administer computers")
    p = db_option(subcommand(device, "list", _devices, "các máy đã đăng nhập / logged-in devices"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = db_option(subcommand(device, "revoke", _revoke, "thu hồi quyền của một máy / revoke a device"))
    p.add_argument("device_id", metavar="ID")

    p = db_option(subcommand(centre, "proposals", _proposals,
                             "mặt hàng trạm đề nghị thêm vào danh mục / items stations offered to the catalogue"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = db_option(subcommand(centre, "adopt", _adopt, "thêm mặt hàng trạm đề nghị / adopt an offered item"))
    p.add_argument("code", metavar="ITEM_CODE")
    p = db_option(subcommand(centre, "decline", _decline, "không thêm mặt hàng trạm đề nghị / decline an offered item"))
    p.add_argument("code", metavar="ITEM_CODE")

    p = db_option(subcommand(centre, "purge-tombstones", _purge,
                             "dọn bản ghi đã xoá cũ / drop old tombstones"))
    p.add_argument("--older-than-days", type=float, default=DEFAULT_TOMBSTONE_DAYS)

    p = db_option(subcommand(centre, "answer-bundle", _answer_bundle,
                             "trả lời tệp đồng bộ của trạm (USB) / answer a station's sync file"))
    p.add_argument("request", metavar="REQUEST_FILE")
    p.add_argument("answer", metavar="ANSWER_FILE")
