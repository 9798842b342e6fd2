"""`ytcs passwd`: change one's own password at the centre, from a computer signed in to it.

The current password and then the new one are read from stdin, one a line (`--password-stdin`); the
new one must pass the same rule as every password the centre sets (domain/password_policy.py).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ytcs_desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CliError, language, open_db
from ytcs_desktop.cli.setup import subcommand
from ytcs_desktop.messages import msg
from ytcs_desktop.paths import default_data_dir
from ytcs_desktop.settings import settings


def _passwd(args: argparse.Namespace) -> int:
    from ytcs_desktop.domain.errors import DomainError
    from ytcs_desktop.domain.password_policy import check_password
    from ytcs_desktop.sync import keystore
    from ytcs_desktop.sync.account import change_password
    from ytcs_desktop.sync.client import NetworkError, SyncError, trusted_ca
    from ytcs_desktop.sync.join import DEVICE_ID, SERVER_URL, USERNAME

    if not args.password_stdin:
        raise CliError(msg("cli.account"))
    current = sys.stdin.readline().rstrip("\r\n")
    new = sys.stdin.readline().rstrip("\r\n")
    if not current or not new:
        raise CliError(msg("cli.account.passwd"))
    db = open_db(args)
    try:
        server, device_id, username = db.meta(SERVER_URL), db.meta(DEVICE_ID), db.meta(USERNAME)
        folder: Any = getattr(args, "data_dir", None) or default_data_dir()
        token = settings().sync_token or (
            keystore.load_token(server, device_id, folder) if server and device_id else None)
        verify = trusted_ca(db.path.parent)
    finally:
        db.close()
    if not server or not token:
        raise CliError(msg("cli.account.passwd.2"), exit_code=EXIT_FAILED)
    try:
        check_password(new, username or "")  # the centre checks it too; this says so before the network
        change_password(server, token, current, new, verify=verify)
    except DomainError as exc:
        raise CliError(exc.text, EXIT_BAD_INPUT, code=exc.code) from exc
    except SyncError as exc:
        exit_code = EXIT_FAILED if isinstance(exc, NetworkError) else EXIT_BAD_INPUT  # a refusal is the input's
        raise CliError(exc.text, exit_code, code=exc.code) from exc
    print(msg("cli.account.passwd.done", username=username).text(language(args)))
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "passwd", _passwd, "đổi mật khẩu của mình ở Trung tâm / change your own password at the centre")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the current password, then the new one, from stdin (one a line)")
