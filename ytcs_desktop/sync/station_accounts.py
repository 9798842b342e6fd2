"""The station's people at the centre, at each sync after hello and before the push (the client's half of
sync/server/station_accounts.py): an account made here is at the centre before the changes it signed, whose
signer's duties the centre re-checks (sync/server/duties.py).

Accounts the head of station made on this PC (offline too) and the centre has not answered yet are sent
one by one (`POST /sync/accounts`: user name, full name, duties and the argon2 hash made here, never a
password); each is confirmed, or refused with the centre's code (a user name someone else holds there),
which the PC shows on that account. Then the centre says which of this station's accounts it keeps in
use (`GET /sync/accounts`): one it disabled cannot sign in on this PC either, offline too, until it is
enabled there again. A centre that does not know these calls yet (older) is left alone; a link that
fails is retried like the rest of the sync, and what was not sent is sent by the next sync.

A USB sync file (sync/bundle.py) carries the same: `accounts_to_send` goes into the file, the centre
answers each account with the same server function, and `apply_carried` records its answers and in-use
flags here with the same functions as the network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def accounts_to_send(db: Database) -> list[p.StationAccount]:
    """The accounts made here that await the centre's word, as they are sent (online, or in a USB sync file)."""
    if db.role != "station":
        return []
    with db.read() as s:
        waiting = accounts_to_confirm(s)
    return [p.StationAccount(username=a.username, full_name=a.full_name, duties=sorted(a.duties),
                             password_hash=a.password_hash) for a in waiting]


def record_made(db: Database, username: str, made: p.StationUser) -> None:
    with db.transaction() as s:
        record_centre_confirmation(s, username, made.active)


def record_refused(db: Database, username: str, code: str, vi: str, en: str) -> bool:
    """Keep the centre's refusal on the account made here; False when the refusal is not about the account
    (it waits for a later sync)."""
    if code not in ACCOUNT_REFUSALS:
        return False
    with db.transaction() as s:
        record_centre_refusal(s, username, code, vi, en)
    return True


def record_in_use(db: Database, users: list[p.StationUser], as_of_ms: int) -> int:
    """The centre's word on which of the station's accounts are in use, as the centre had them at
    `as_of_ms` (its clock); how many changed here."""
    with db.transaction() as s:
        return len(record_centre_states(s, {u.username: u.active for u in users}, as_of_ms))


def exchange_accounts(db: Database, link: Transport) -> AccountsReport:
    report = AccountsReport()
    if db.role != "station":
        return report
    for body in accounts_to_send(db):
        try:
            made = p.StationUser.model_validate(
                link.post(f"{p.API}/sync/accounts", p.gzip_bytes(p.dumps(body.model_dump()))))
        except ServerRefused as exc:
            if not record_refused(db, body.username, exc.code, exc.vi, exc.en):
                break  # not about this account (an older centre, a computer not allowed to): they all wait
            report.refused += 1
            continue
        record_made(db, body.username, made)
        report.confirmed += 1
    try:
        users = [p.StationUser.model_validate(u) for u in link.get(f"{p.API}/sync/accounts")]
    except ServerRefused:
        return report
    report.disabled_here = record_in_use(db, users, db.clock.physical_ms())  # now, on the centre's clock
    return report


def apply_carried(db: Database, outcomes: list[Any], in_use: list[Any] | None,
                  as_of_ms: int | None) -> AccountsReport:
    """The centre's answers from a USB answer file (sync/bundle.py), recorded as `exchange_accounts` records
    the network's: each account made or refused (a refusal not about the account leaves it waiting), then the
    in-use flags as of `as_of_ms`, the centre's time in the answer (an older answer's are not recorded). An
    older centre's answer carries neither and changes nothing; reading it twice is harmless."""
    report = AccountsReport()
    if db.role != "station":
        return report
    for raw in outcomes:
        outcome = p.AccountOutcome.model_validate(raw)
        if outcome.user is not None:
            record_made(db, outcome.username, outcome.user)
            report.confirmed += 1
        elif outcome.code and record_refused(db, outcome.username, outcome.code, outcome.message_vi,
                                             outcome.message_en):
            report.refused += 1
    if in_use is not None and as_of_ms is not None:  # flags without the time the centre answered are not used
        report.disabled_here = record_in_use(db, [p.StationUser.model_validate(u) for u in in_use], as_of_ms)
    return report
