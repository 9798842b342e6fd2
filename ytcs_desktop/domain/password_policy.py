"""The one password rule: every path that sets a centre password (a new account, a reset by the centre's
administrator, a person changing their own) checks it here, so the window, the CLI and the server refuse
the same passwords with the same words.

It refuses only the obvious: short, the user name itself, one character repeated, or one of the
passwords every guessing list tries first. Length is counted in characters, so Vietnamese letters count
once each.
"""

from __future__ import annotations

from ytcs_desktop.domain.errors import RuleError

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
                        f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự (mật khẩu này có {len(password)}). "
                        "Hãy chọn một cụm dài hơn, ví dụ vài từ ghép lại.",
                        f"The password needs at least {MIN_LENGTH} characters (this one has {len(password)}). "
                        "Choose a longer one, for example a few words together.", FIELD)
    plain = _plain(password)
    if username and plain == _plain(username):
        raise RuleError("password_is_username", "Mật khẩu không được trùng với tên đăng nhập. Hãy chọn mật khẩu khác.",
                        "The password must not be the user name. Choose another password.", FIELD)
    if len(set(plain)) <= 1:
        raise RuleError("password_one_character",
                        "Mật khẩu chỉ lặp lại một ký tự nên rất dễ đoán. Hãy chọn mật khẩu khác.",
                        "The password repeats one character, so it is easy to guess. Choose another password.",
                        FIELD)
    if plain in COMMON:
        raise RuleError("password_common",
                        "Mật khẩu này nằm trong danh sách mật khẩu hay bị dò đầu tiên. Hãy chọn mật khẩu khác.",
                        "This password is on the lists that guessers try first. Choose another password.", FIELD)


def check_new_password(password: str, repeated: str, username: str = "") -> None:
    """A new password typed twice, as a window asks for it: the rule, then the two must agree."""
    check_password(password, username)
    if repeated != password:
        raise RuleError("password_mismatch", "Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại lần thứ hai.",
                        "The new password was typed differently the second time. Type it again.", "repeat")
