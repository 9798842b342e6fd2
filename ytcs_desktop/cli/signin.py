"""`ytcs signin USER` / `ytcs signout`: the person the commands act as on this PC.

Where people sign in on this PC (the database has sign-in accounts), a command that writes acts as the
person signed in here and is refused while nobody is. The password is asked (not shown as it is typed),
or read from $YTCS_PASSWORD for scripts; it is checked against this PC's hash, so it works offline. The
sign-in lasts a working day (--hours)."""

from __future__ import annotations

import argparse
import getpass
import sys

from ytcs_desktop.cli.common import EXIT_OK, CliError, Handler, actor_for, language, open_db, print_table
from ytcs_desktop.cli.setup import group, subcommand
from ytcs_desktop.domain.accounts import (
    CLI_HOURS,
    create_account,
    has_accounts,
    list_accounts,
    set_active,
    sign_in_cli,
    sign_out_cli,
)
from ytcs_desktop.domain.password_policy import check_new_password
from ytcs_desktop.domain.permissions import duty_names
from ytcs_desktop.messages import msg, pick
from ytcs_desktop.settings import settings


def _password() -> str:
    given = settings().password
    if given:
        return given
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return getpass.getpass("Mật khẩu / Password: ")


def _signin(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.read() as s:
            if not has_accounts(s):
                raise CliError(msg("cli.signin"))
        password = _password()
        with db.transaction() as s:
            account = sign_in_cli(s, args.username, password, args.hours)
    finally:
        db.close()
    print(msg("cli.signin.done", name=account.full_name, roles=pick(duty_names, account.duties),
              hours=args.hours).text(language(args)))
    return EXIT_OK


def _signout(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.transaction() as s:
            was = sign_out_cli(s)
    finally:
        db.close()
    print((msg("cli.signout.done") if was else msg("cli.signout.nobody")).text(language(args)))
    return EXIT_OK


def _new_password(username: str) -> str:
    """A new account's password: one line on stdin (scripts), else typed twice at the terminal."""
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        check_new_password(password, password, username)
        return password
    password = getpass.getpass("Mật khẩu mới / New password: ")
    check_new_password(password, getpass.getpass("Nhập lại / Again: "), username)
    return password


def _accounts_add(args: argparse.Namespace) -> int:
    """The head of station (signed in) makes an account for a colleague, offline too; it awaits the
    centre's confirmation until that person signs in to the centre from this PC."""
    db = open_db(args)
    try:
        actor = actor_for(db)
        password = _new_password(args.username)
        with db.transaction() as s:
            made = create_account(s, actor, username=args.username, full_name=args.name, password=password,
                                  duties=args.duties, staff_id=args.staff_id)
    finally:
        db.close()
    print(msg("cli.accounts.add.done", username=made.username, name=made.full_name,
              roles=pick(duty_names, made.duties)).text(language(args)))
    return EXIT_OK


def _accounts_list(args: argparse.Namespace) -> int:
    en = language(args).startswith("en")
    db = open_db(args)
    try:
        with db.read() as s:
            rows = list_accounts(s)
    finally:
        db.close()
    lang = "en" if en else "vi"
    yes, no = msg("cli.accounts.list.yes").text(lang), msg("cli.accounts.list.no").text(lang)
    refused, off = msg("cli.accounts.list.refused").text(lang), msg("cli.accounts.list.off_at_centre").text(lang)
    print_table(["username", "full_name", "roles", "confirmed", "active"] if en else
                ["tên đăng nhập", "họ và tên", "vai trò", "đã xác nhận", "đang dùng"],
                [(a.username, a.full_name, duty_names(a.duties, lang),
                  {"refused": refused, "waiting": no, "confirmed": yes}[a.confirmation],
                  {"off": no, "on": yes, "off_at_centre": off}[a.in_use]) for a in rows])
    for a in rows:  # why the centre refused an account made here, in words
        if a.refusal:
            print(f"{a.username}: {a.refusal_text(lang)}")
    return EXIT_OK


def _set_active(active: bool) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        db = open_db(args)
        try:
            actor = actor_for(db)
            with db.transaction() as s:
                view = set_active(s, actor, args.username, active)
        finally:
            db.close()
        done = (msg("cli.accounts.enabled", username=view.username) if active
                else msg("cli.accounts.disabled", username=view.username))
        print(done.text(language(args)))
        return EXIT_OK
    return handler


def register(sub: object) -> None:
    parser = subcommand(sub, "signin", _signin, "đăng nhập trên máy này: các lệnh ghi mang tên bạn (mật khẩu được "
                                                "hỏi, hoặc $YTCS_PASSWORD) / sign in: the commands act as you")
    parser.add_argument("username", help="tên đăng nhập trên máy này / your user name on this computer")
    parser.add_argument("--hours", type=int, default=CLI_HOURS,
                        help=f"số giờ hiệu lực (mặc định {CLI_HOURS}) / how long it lasts (default {CLI_HOURS})")
    subcommand(sub, "signout", _signout, "đăng xuất: lệnh ghi bị từ chối đến khi có người đăng nhập / sign out")
    accounts = group(sub, "accounts", "tài khoản đăng nhập trên máy này / the sign-in accounts of this computer")
    subcommand(accounts, "list", _accounts_list, "ai đăng nhập được trên máy này / who may sign in here")
    p = subcommand(accounts, "add", _accounts_add, "trạm trưởng tạo tài khoản cho đồng nghiệp (mật khẩu hỏi hai "
                                                  "lần, hoặc một dòng trên stdin) / the head of station adds one")
    p.add_argument("username", help="tên đăng nhập / user name")
    p.add_argument("--name", required=True, help="họ và tên / full name")
    p.add_argument("--duties", required=True,
                   help="vai trò, cách nhau bởi dấu phẩy: truong_tram, thu_kho, lam_sang / roles, comma separated")
    p.add_argument("--staff-id", help="mã nhân viên trong danh sách nhân sự / the staff record's id")
    for name, active in (("disable", False), ("enable", True)):
        p = subcommand(accounts, name, _set_active(active), "khóa / mở lại một tài khoản (trạm trưởng) / "
                                                            f"{name} an account (head of station)")
        p.add_argument("username", help="tên đăng nhập / user name")

