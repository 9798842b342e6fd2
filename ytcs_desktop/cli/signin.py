"""`ytcs signin USER` / `ytcs signout`: the person the commands act as on this PC.

Where people sign in on this PC (the database has sign-in accounts), a command that writes acts as the
person signed in here and is refused while nobody is. The password is asked (not shown as it is typed),
or read from $YTCS_PASSWORD for scripts; it is checked against this PC's hash, so it works offline. The
sign-in lasts a working day (--hours)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ytcs_desktop.cli.common import EXIT_OK, CliError, language, open_db
from ytcs_desktop.cli.setup import subcommand
from ytcs_desktop.domain.accounts import CLI_HOURS, has_accounts, sign_in_cli, sign_out_cli
from ytcs_desktop.domain.permissions import duty_names


def _password() -> str:
    given = os.environ.get("YTCS_PASSWORD")
    if given:
        return given
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return getpass.getpass("Mật khẩu / Password: ")


def _signin(args: argparse.Namespace) -> int:
    en = language(args).startswith("en")
    db = open_db(args)
    try:
        with db.read() as s:
            if not has_accounts(s):
                raise CliError("Máy này chưa có tài khoản đăng nhập nào: các lệnh chạy không cần đăng nhập.",
                               "This computer has no sign-in accounts: commands run without signing in.")
        password = _password()
        with db.transaction() as s:
            account = sign_in_cli(s, args.username, password, args.hours)
    finally:
        db.close()
    roles = duty_names(account.duties, "en" if en else "vi")
    print(f"Signed in as {account.full_name} ({roles}) for {args.hours} hours." if en else
          f"Đã đăng nhập: {account.full_name} ({roles}), trong {args.hours} giờ.")
    return EXIT_OK


def _signout(args: argparse.Namespace) -> int:
    en = language(args).startswith("en")
    db = open_db(args)
    try:
        with db.transaction() as s:
            was = sign_out_cli(s)
    finally:
        db.close()
    if en:
        print("Signed out." if was else "Nobody was signed in.")
    else:
        print("Đã đăng xuất." if was else "Không có ai đang đăng nhập.")
    return EXIT_OK


def register(sub: object) -> None:
    parser = subcommand(sub, "signin", _signin, "sign in on this computer: the commands act as you (password "
                                                "asked, or $YTCS_PASSWORD)")
    parser.add_argument("username", help="your user name on this computer")
    parser.add_argument("--hours", type=int, default=CLI_HOURS, help=f"how long it lasts (default {CLI_HOURS})")
    subcommand(sub, "signout", _signout, "sign out: commands that write are refused until someone signs in")

