"""The one password rule: every path that sets a centre password (a new account, a reset by the centre's
administrator, a person changing their own) checks it here, so the window, the CLI and the server refuse
the same passwords with the same words.

It refuses only the obvious: short, the user name itself, one character repeated, or one of the
passwords every guessing list tries first. Length is counted in characters, so Vietnamese letters count
once each.
"""

from __future__ import annotations

from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.messages import msg

MIN_LENGTH = 8
FIELD = "password"

# Tried first by every guessing list, and the Vietnamese ones people reach for (compared casefolded,
# without spaces). Short on purpose: a list that grows into a dictionary refuses good passwords too.
COMMON = frozenset({
    "password", "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890", "87654321",
    "qwertyui", "qwerty123", "qwertyuiop", "1q2w3e4r", "1qaz2wsx", "abc12345", "abcd1234", "admin123",
    "administrator", "iloveyou", "welcome1", "letmein1", "changeme", "sunshine", "football", "baseball",
    "matkhau", "matkhau1", "matkhau123", "mậtkhẩu", "mậtkhẩu123", "anhyeuem", "emyeuanh", "yeuemmaimai",
    "tramyte", "tramyte123", "trungtam", "trungtamyte", "ytcs1234", "ytcs2026", "vietnam1", "vietnam123",
})


def _plain(text: str) -> str:
    return "".join(text.split()).casefold()


def check_password(password: str, username: str = "") -> None:
    """Refuses an obvious password with a RuleError naming the field and what to choose instead."""
    if len(password) < MIN_LENGTH:
        raise RuleError("password_too_short",
                        msg("password_too_short", min_length=MIN_LENGTH, password=len(password)), field=FIELD)
    plain = _plain(password)
    if username and plain == _plain(username):
        raise RuleError("password_is_username", msg("password_is_username"), field=FIELD)
    if len(set(plain)) <= 1:
        raise RuleError("password_one_character",
                        msg("password_one_character"),
                        field=FIELD)
    if plain in COMMON:
        raise RuleError("password_common",
                        msg("password_common"), field=FIELD)


def check_new_password(password: str, repeated: str, username: str = "") -> None:
    """A new password typed twice, as a window asks for it: the rule, then the two must agree."""
    check_password(password, username)
    if repeated != password:
        raise RuleError("password_mismatch", msg("password_mismatch"), field="repeat")
