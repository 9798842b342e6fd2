"""The station's people at the centre, at each sync after hello and before the push (the client's half of
sync/server/station_accounts.py): an account made here is at the centre before the changes it signed, whose
signer's duties the centre re-checks (sync/server/duties.py).

Accounts the head of station made on this PC (offline too) and the centre has not answered yet are sent
one by one (`POST /sync/accounts`: user name, full name, duties and the argon2 hash made here, never a
password); each is confirmed, or refused with the centre's code (a user name someone else holds there),
which the PC shows on that account. Then the centre says which of this station's accounts it keeps in
use (`GET /sync/accounts`): one it disabled cannot sign in on this PC either, offline too, until it is
enabled there again. A centre that does not know these calls yet (older) is left alone; a link that
fails is retried like the rest of the sync, and what was not sent is sent by the next sync."""

from __future__ import annotations

from dataclasses import dataclass

from ytcs_desktop.domain.accounts import (
    accounts_to_confirm,
    record_centre_confirmation,
    record_centre_refusal,
    record_centre_states,
)
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.transport import ServerRefused, Transport

# The centre's refusals that are about the account sent (it is shown refused and not sent again); any other
# (an older centre without the call, a computer that is not a station's, or one signed in to the centre as a
# person who may not make accounts: duty_required) leaves it waiting for a later sync.
ACCOUNT_REFUSALS = frozenset({"username_taken", "bad_duty", "duty_missing", "bad_password_hash",
                              "full_name_missing", "invalid_request"})


@dataclass
class AccountsReport:
    confirmed: int = 0
    refused: int = 0
    disabled_here: int = 0  # accounts the centre's answer changed (disabled or enabled again)


def exchange_accounts(db: Database, link: Transport) -> AccountsReport:
    report = AccountsReport()
    if db.role != "station":
        return report
    with db.read() as s:
        waiting = accounts_to_confirm(s)
    for account in waiting:
        body = p.StationAccount(username=account.username, full_name=account.full_name,
                                duties=sorted(account.duties), password_hash=account.password_hash)
        try:
            made = p.StationUser.model_validate(
                link.post(f"{p.API}/sync/accounts", p.gzip_bytes(p.dumps(body.model_dump()))))
        except ServerRefused as exc:
            if exc.code not in ACCOUNT_REFUSALS:
                break  # not about this account (an older centre, a computer not allowed to): they all wait
            with db.transaction() as s:
                record_centre_refusal(s, account.username, exc.code, exc.vi, exc.en)
            report.refused += 1
            continue
        with db.transaction() as s:
            record_centre_confirmation(s, account.username, made.active)
        report.confirmed += 1
    try:
        users = [p.StationUser.model_validate(u) for u in link.get(f"{p.API}/sync/accounts")]
    except ServerRefused:
        return report
    with db.transaction() as s:
        report.disabled_here = len(record_centre_states(s, {u.username: u.active for u in users}))
    return report
