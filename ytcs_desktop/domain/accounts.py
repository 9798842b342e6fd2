"""The people who may sign in on this computer: accounts, offline sign-in, and the centre's confirmation.

A person signs in with their own user name and password. The password is checked against an argon2 hash
kept on this PC (never the password), so a person whose password this PC has seen once can sign in here
offline too. An account made here (by the head of station, also offline) awaits the centre's confirmation:
the next sync sends it to the centre (user name, full name, duties and the argon2 hash made here), which
makes it for this station or refuses it (a user name someone else holds there); the flag is also cleared
the first time that person signs in to the centre from this PC. Each sync brings back whether the centre
keeps this station's accounts in use: one disabled there cannot sign in here either, offline too.

While a database has no account, nobody signs in (the window and the command line act as a system actor,
domain/actor.py), so databases made before accounts existed keep working as they did."""

from __future__ import annotations

import datetime as dt
import functools
import json
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.password_policy import check_new_password, check_password
from ytcs_desktop.domain.permissions import DUTIES, check_duties, require
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, given, msg
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import LocalAccount, Setting

_hasher = PasswordHasher()

# The duties of the first account on a PC, made at set-up by whoever sets the computer up: the head of
# station, or at the centre every centre duty (until the centre's people have their own accounts).
FIRST_DUTIES: dict[str, frozenset[str]] = {
    "station": frozenset({"truong_tram"}),
    "centre": frozenset(code for code, duty in DUTIES.items() if duty.side == "centre"),
}


@dataclass(frozen=True)
class AccountView:
    """An account as the window and the command line show it (no hash)."""

    username: str
    full_name: str
    duties: frozenset[str]
    staff_id: str | None
    awaits_confirmation: bool
    verified_online: bool
    active: bool
    centre_active: bool = True  # False: disabled at the centre (it cannot sign in here either)
    refusal: PerLanguage | None = None  # why the centre refused this account made here (the centre's words)

    def refusal_text(self, lang: str) -> str | None:
        return None if self.refusal is None else self.refusal.text(lang)

    @property
    def confirmation(self) -> str:
        """refused (by the centre, see refusal) | waiting (for the centre's word) | confirmed."""
        return "refused" if self.refusal is not None else "waiting" if self.awaits_confirmation else "confirmed"

    @property
    def in_use(self) -> str:
        """off (disabled here) | off_at_centre (disabled by the centre: no sign-in here either) | on."""
        return "off" if not self.active else "on" if self.centre_active else "off_at_centre"


def _view(row: LocalAccount) -> AccountView:
    return AccountView(row.username, row.full_name, duties_of(row), row.staff_id, row.awaits_confirmation,
                       row.verified_online_at is not None, row.active, row.centre_active, _refusal(row))


def _refusal(row: LocalAccount) -> PerLanguage | None:
    if not row.centre_refusal:
        return None
    try:
        kept = json.loads(row.centre_refusal)
        return given(str(kept["vi"]), str(kept["en"]))
    except (ValueError, KeyError, TypeError):
        return msg("account_refused")


def duties_of(row: LocalAccount) -> frozenset[str]:
    return frozenset(p for p in row.duties.split(",") if p)


def has_accounts(s: Session) -> bool:
    """Whether anyone must sign in to this database (any active account)."""
    return bool(s.scalar(select(exists().where(LocalAccount.active.is_(True)))))


def list_accounts(s: Session) -> list[AccountView]:
    return [_view(r) for r in s.scalars(select(LocalAccount).order_by(LocalAccount.full_name))]


def get_account(s: Session, username: str) -> AccountView | None:
    row = s.get(LocalAccount, username.strip())
    return _view(row) if row is not None else None


def _username(value: str | None) -> str:
    name = required_text(value, "username", msg("word.user_name"), 100)
    if any(c.isspace() for c in name):
        raise ValidationError("bad_username", msg("bad_username"), field="username")
    return name


def check_new_account(username: str, full_name: str, password: str, repeat: str) -> str:
    """The first account's input, checked before anything is made (first run): the name, the user name,
    the password rule and the repeat. Returns the user name."""
    required_text(full_name, "user_name", msg("word.your_full_name"), 200)
    name = _username(username)
    check_new_password(password, repeat, name)
    return name


def create_first_account(s: Session, *, role: Role, station_id: str | None, username: str, full_name: str,
                         password: str, staff_id: str | None = None) -> AccountView:
    """The account of whoever sets this computer up: the head of station (at the centre every centre duty)."""
    return create_account(s, system_actor(full_name, role, station_id), username=username, full_name=full_name,
                          password=password, duties=FIRST_DUTIES[role], staff_id=staff_id)


def create_account(s: Session, actor: Actor, *, username: str, full_name: str, password: str,
                   duties: object, staff_id: str | None = None) -> AccountView:
    """A new person who may sign in on this PC. The first account of a database is the set-up's (anyone
    setting the computer up makes it); later ones are made by the head of station (at the centre, the
    administrator). It awaits the centre's confirmation until that person signs in to the centre."""
    if has_accounts(s):
        require(actor, "manage_station_accounts" if actor.role == "station" else "manage_centre_accounts")
    name = _username(username)
    person = required_text(full_name, "full_name", msg("word.full_name"), 200)
    check_password(password, name)
    codes = check_duties(actor.role, duties)
    if s.get(LocalAccount, name) is not None:
        raise RuleError("username_taken", msg("username_taken.create_account", name=name), field="username")
    row = LocalAccount(username=name, full_name=person, staff_id=staff_id, duties=",".join(sorted(codes)),
                       password_hash=_hasher.hash(password), awaits_confirmation=True,
                       created_by=actor.name, created_at=utc_now(), active=True)
    s.add(row)
    s.flush()
    return _view(row)


@functools.cache
def _dummy_hash() -> str:
    """What an unknown user name is checked against, so it takes as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(24))


def _matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def wrong_password() -> RuleError:
    return RuleError("wrong_password",
                     msg("wrong_password"), field="password")


def centre_disabled(username: str) -> RuleError:
    return RuleError("account_disabled",
                     msg("account_disabled", username=username), field="username")


def verify_password(s: Session, username: str, password: str) -> AccountView:
    """Offline sign-in: the password checked against the hash kept on this PC. An unknown user name costs
    the same time and gets the same answer as a wrong password."""
    row = s.get(LocalAccount, (username or "").strip())
    if row is None:
        _matches(_dummy_hash(), password or "")
        raise wrong_password()
    if not _matches(row.password_hash, password or ""):
        raise wrong_password()
    if not row.active:
        raise RuleError("account_disabled", msg("account_disabled.verify_password"),
                        field="username")
    if not row.centre_active:
        raise centre_disabled(row.username)
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    return _view(row)


def record_online_verification(s: Session, *, username: str, password: str, role: Role,
                               full_name: str | None = None) -> AccountView:
    """The centre accepted this user name and password (a successful /login from this PC): keep the hash
    so the person can sign in here offline later, and confirm an account made here. A person new to this
    PC gets the first duties of its side when the PC has no account yet, else clinical staff (station) or
    planning (centre) until the head of station changes them."""
    name = _username(username)
    row = s.get(LocalAccount, name)
    if row is None:
        duties = FIRST_DUTIES[role] if not has_accounts(s) else \
            frozenset({"lam_sang"} if role == "station" else {"ke_hoach"})
        row = LocalAccount(username=name, full_name=(full_name or "").strip() or name, duties=",".join(sorted(duties)),
                           password_hash="", created_by=None, created_at=utc_now(), active=True)
        s.add(row)
    row.password_hash = _hasher.hash(password)
    row.verified_online_at = utc_now()
    row.awaits_confirmation = False
    row.centre_active = True  # the centre just let this person in
    row.centre_refusal = None
    if full_name and full_name.strip():
        row.full_name = full_name.strip()
    s.flush()
    return _view(row)


def keep_verified_password(s: Session, *, username: str, password: str, role: Role) -> AccountView | None:
    """After a sign-in to the centre from this PC (the window's "Sign in to the centre", `ytcs login`): where
    people sign in on this PC, the centre's accepted password is kept as a local hash, so that person can
    sign in here offline too (and an account made here is confirmed). A PC without accounts stays so."""
    if not has_accounts(s):
        return None
    return record_online_verification(s, username=username, password=password, role=role)


def actor_of(account: AccountView, role: Role, station_id: str | None) -> Actor:
    """The Actor a signed-in person acts as: their full name on every record, their own duties."""
    return Actor(name=account.full_name, role=role, station_id=station_id if role == "station" else None,
                 duties=account.duties, username=account.username)


def system_actor(name: str, role: Role, station_id: str | None) -> Actor:
    """Who acts while a database has no account (set-up, databases made before sign-in existed)."""
    return Actor(name=name, role=role, station_id=station_id if role == "station" else None)


def set_active(s: Session, actor: Actor, username: str, active: bool) -> AccountView:
    """Disable an account on this PC (the person left) or enable it again: by the head of station (at the
    centre, the administrator). A person cannot disable their own account (nobody would be left to undo it)."""
    require(actor, "manage_station_accounts" if actor.role == "station" else "manage_centre_accounts")
    row = s.get(LocalAccount, (username or "").strip())
    if row is None:
        raise RuleError("account_not_found", msg("account_not_found", username=username), field="username")
    if not active and row.username == actor.username:
        raise RuleError("own_account", msg("own_account"), field="username")
    row.active = active
    s.flush()
    return _view(row)


# ----- the accounts of this PC at the centre (the sync, sync/station_accounts.py) -------------------------
@dataclass(frozen=True)
class AccountToConfirm:
    """An account made here, as it is sent to the centre: the hash made here, never the password."""

    username: str
    full_name: str
    duties: frozenset[str]
    password_hash: str


def accounts_to_confirm(s: Session) -> list[AccountToConfirm]:
    """Accounts made here that the centre has not confirmed or refused yet (one disabled here is not sent)."""
    rows = s.scalars(select(LocalAccount).where(LocalAccount.awaits_confirmation.is_(True),
                                                LocalAccount.active.is_(True), LocalAccount.centre_refusal.is_(None))
                     .order_by(LocalAccount.created_at, LocalAccount.username))
    return [AccountToConfirm(r.username, r.full_name, duties_of(r), r.password_hash) for r in rows]


def record_centre_confirmation(s: Session, username: str, active: bool = True) -> None:
    """The centre made (or already held, the same) account for this station."""
    row = s.get(LocalAccount, username)
    if row is not None:
        row.awaits_confirmation = False
        row.centre_refusal = None
        row.centre_active = active
        s.flush()


def taken_at_centre(username: str) -> RuleError:
    """The centre holds this user name for someone else (the centre's refusal, and how the PC shows it)."""
    return RuleError("username_taken",
                     msg("username_taken", username=username), field="username")


def record_centre_refusal(s: Session, username: str, code: str, vi: str, en: str) -> None:
    """The centre refused an account made here; it is shown as refused and not sent again (the head of
    station makes the account again under another name)."""
    row = s.get(LocalAccount, username)
    if row is None:
        return
    if code == "username_taken":  # the words of this version, whatever a centre of another version said
        taken = taken_at_centre(username)
        vi, en = taken.vi, taken.en
    row.centre_refusal = json.dumps({"code": code, "vi": vi, "en": en}, ensure_ascii=False)
    s.flush()


CENTRE_STATES_AS_OF = "centre_states_as_of"  # settings key: the centre's time (ms) of the flags last recorded


def record_centre_states(s: Session, active: dict[str, bool], as_of_ms: int | None = None) -> list[str]:
    """Whether the centre keeps each of this station's accounts in use (the sync brings it): an account
    disabled there cannot sign in here, offline too, until the centre enables it again. Accounts the
    centre does not know are left as they are. Returns the user names whose state changed.

    `as_of_ms`, the centre's time of the flags: flags older than those already recorded (a USB answer
    read after a newer sync) are not recorded, so they cannot disable or enable anyone as the centre had
    them then."""
    if as_of_ms is not None:
        known = s.get(Setting, CENTRE_STATES_AS_OF)
        if known is not None and int(known.value) > as_of_ms:
            return []
        s.merge(Setting(key=CENTRE_STATES_AS_OF, value=str(as_of_ms)))
    changed = []
    for row in s.scalars(select(LocalAccount).where(LocalAccount.username.in_(list(active)))):
        if row.centre_active != active[row.username]:
            row.centre_active = active[row.username]
            changed.append(row.username)
    s.flush()
    return changed


# ----- who is signed in for the command line on this PC ------------------------------------------------
CLI_PERSON = "cli_person"  # settings key: {"username": …, "until": ISO moment}
CLI_HOURS = 8  # a working day: the command line asks again the next day


def sign_in_cli(s: Session, username: str, password: str, hours: int = CLI_HOURS,
                now: dt.datetime | None = None) -> AccountView:
    """The person the `ytcs` commands act as on this PC until `hours` from now (checked like the window's
    sign-in, offline too)."""
    import json

    if not 1 <= hours <= 24:
        raise ValidationError("bad_hours", msg("bad_hours"), field="hours")
    account = verify_password(s, username, password)
    until = (now or utc_now()) + dt.timedelta(hours=hours)
    s.merge(Setting(key=CLI_PERSON, value=json.dumps({"username": account.username, "until": until.isoformat()})))
    return account


def cli_person(s: Session, now: dt.datetime | None = None) -> tuple[AccountView, dt.datetime] | None:
    """The person signed in for the command line and until when; None once that time has passed, the
    account is disabled or gone."""
    import json

    row = s.get(Setting, CLI_PERSON)
    if row is None:
        return None
    try:
        kept = json.loads(row.value)
        until = dt.datetime.fromisoformat(kept["until"])
    except (ValueError, KeyError, TypeError):
        return None
    account = s.get(LocalAccount, str(kept.get("username", "")))
    if account is None or not account.active or not account.centre_active or until <= (now or utc_now()):
        return None
    return _view(account), until


def sign_out_cli(s: Session) -> bool:
    """Nobody is signed in for the command line any more. Returns whether someone was."""
    row = s.get(Setting, CLI_PERSON)
    if row is None:
        return False
    s.delete(row)
    s.flush()
    return True
