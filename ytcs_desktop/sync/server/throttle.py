"""Sign-in throttling per user name and per client address, kept in the server database so it holds across
workers and restarts.

Each attempt is counted before its password is checked (so parallel guesses cannot slip past the limit);
a wrong password is answered after a delay that doubles with each failure in a row; the failure that
reaches the limit locks that user name (or address) for a while, answered 429 with when to try again,
and each lock in a row lasts twice the one before. A success forgets the user name's failures and the
address's. User names are counted whether or not they exist, so a lock tells nothing about accounts.

The limits come from the environment of `ytcs centre serve` (YTCS_SIGN_IN_*, ytcs_desktop/settings.py),
read per request so every worker agrees; a malformed value keeps the default rather than opening the door.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.exc import IntegrityError

from ytcs_desktop.messages import Message, msg
from ytcs_desktop.settings import Settings, settings
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.errors import ApiError

USER, ADDRESS = "user", "address"


@dataclass(frozen=True)
class Limits:
    user_failures: int = Settings.sign_in_user_limit
    address_failures: int = Settings.sign_in_address_limit
    delay_s: float = Settings.sign_in_delay_s
    delay_cap_s: float = 4.0
    lock_s: float = Settings.sign_in_lock_s
    lock_cap_s: float = 86_400.0
    forget_s: float = 3_600.0  # failures and locks this long after the last one are forgotten

    @classmethod
    def from_env(cls) -> Limits:
        now = settings()
        return cls(user_failures=now.sign_in_user_limit, address_failures=now.sign_in_address_limit,
                   delay_s=now.sign_in_delay_s, lock_s=now.sign_in_lock_s)

    def limit(self, scope: str) -> int:
        return self.user_failures if scope == USER else self.address_failures

    def delay(self, failures: int) -> float:
        return 0.0 if failures <= 0 else min(self.delay_cap_s, self.delay_s * 2 ** (failures - 1))

    def lock(self, locks: int) -> float:
        return float(min(self.lock_cap_s, self.lock_s * 2 ** max(0, locks - 1)))


@dataclass(frozen=True)
class Attempt:
    """One sign-in attempt, counted under each of its keys."""

    keys: tuple[tuple[str, str], ...]
    failures: int  # the most failures in a row under any key, this attempt included


def user_key(username: str) -> str:
    """"Lan", "lan " and "lan" are one name to a guesser, whichever of them exists."""
    return username.strip().casefold()[:100]


def keys_for(username: str, address: str) -> tuple[tuple[str, str], ...]:
    keys = [(USER, user_key(username))]
    if address:
        keys.append((ADDRESS, address[:100]))
    return tuple(keys)


def _wait_words(seconds: float) -> Message:
    if seconds <= 90:
        n = max(1, math.ceil(seconds))
        return msg("too_many_attempts.second", n=n) if n == 1 else msg("too_many_attempts.seconds", n=n)
    return msg("too_many_attempts.minutes", n=math.ceil(seconds / 60))


def too_many(seconds: float) -> ApiError:
    """429 with when to try again (the Retry-After header and `retry_after_s` in the body)."""
    wait = max(1, math.ceil(seconds))
    return ApiError(429, "too_many_attempts", msg("too_many_attempts", wait=_wait_words(wait)), retry_after=wait)


def _row(conn: Connection, scope: str, key: str, now: int) -> dict[str, int | None]:
    th = t.sign_in_throttle.c
    stmt = (select(th.failures, th.locks, th.last_ms, th.locked_until_ms)
            .where(th.scope == scope, th.key == key).with_for_update())
    row = conn.execute(stmt).mappings().first()
    if row is None:
        try:
            with conn.begin_nested():  # another worker may make the same row at the same moment
                conn.execute(t.sign_in_throttle.insert().values(scope=scope, key=key, failures=0, locks=0,
                                                                last_ms=now, locked_until_ms=None))
        except IntegrityError:
            pass  # it did: the row is theirs, read it
        row = conn.execute(stmt).mappings().one()
    return dict(row)


def begin(conn: Connection, limits: Limits, username: str, address: str,
          now: int) -> tuple[Attempt | None, ApiError | None]:
    """Counts the attempt under its keys, or answers why it may not be tried now (locked, or as many
    attempts already in flight as the limit allows)."""
    th = t.sign_in_throttle.c
    forget = int(limits.forget_s * 1000)
    conn.execute(delete(t.sign_in_throttle).where(
        th.last_ms < now - forget, (th.locked_until_ms.is_(None)) | (th.locked_until_ms < now - forget)))
    keys = keys_for(username, address)
    rows = {k: _row(conn, *k, now) for k in keys}
    wait = 0.0
    for (scope, _key), row in rows.items():
        until = row["locked_until_ms"] or 0
        if until > now:
            wait = max(wait, (until - now) / 1000)
        elif int(row["failures"] or 0) >= limits.limit(scope):
            wait = max(wait, limits.delay_cap_s)  # attempts still being checked fill the allowance
    if wait:
        return None, too_many(wait)
    most = 0
    for (scope, key), row in rows.items():
        failures = int(row["failures"] or 0) + 1
        most = max(most, failures)
        conn.execute(update(t.sign_in_throttle).where(th.scope == scope, th.key == key).values(
            failures=failures, last_ms=now))
    return Attempt(keys, most), None


def failed(conn: Connection, limits: Limits, attempt: Attempt, now: int) -> tuple[float, ApiError | None]:
    """A wrong password: the delay before answering it, or the 429 of the lock it brought on."""
    th = t.sign_in_throttle.c
    lock_for = 0.0
    for scope, key in attempt.keys:
        row = _row(conn, scope, key, now)
        if int(row["failures"] or 0) < limits.limit(scope):
            continue
        locks = int(row["locks"] or 0) + 1
        seconds = limits.lock(locks)
        lock_for = max(lock_for, seconds)
        conn.execute(update(t.sign_in_throttle).where(th.scope == scope, th.key == key).values(
            failures=0, locks=locks, last_ms=now, locked_until_ms=now + int(seconds * 1000)))
    if lock_for:
        return 0.0, too_many(lock_for)
    return limits.delay(attempt.failures), None


def succeeded(conn: Connection, attempt: Attempt) -> None:
    """The right password: the user name's failures are forgotten, and the address's run of failures."""
    th = t.sign_in_throttle.c
    for scope, key in attempt.keys:
        if scope == USER:
            conn.execute(delete(t.sign_in_throttle).where(th.scope == scope, th.key == key))
        else:
            conn.execute(update(t.sign_in_throttle).where(th.scope == scope, th.key == key).values(failures=0))


def forget_user(conn: Connection, username: str) -> None:
    """An administrator re-enabled the account or reset its password: it may sign in at once."""
    th = t.sign_in_throttle.c
    conn.execute(delete(t.sign_in_throttle).where(th.scope == USER, th.key == user_key(username)))
