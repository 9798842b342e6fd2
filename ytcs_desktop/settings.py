"""The product's settings from the environment: every `YTCS_*` variable, named once, with its type, default and
meaning, read through `settings()`.

    from ytcs_desktop.settings import settings
    folder = settings().data_dir or per_user_folder

- `settings()` reads `os.environ` on every call (a dict: cheap), never caches: a test's
  `monkeypatch.setenv` is seen at once, and so is what `ytcs centre serve` hands its worker processes.
- An unset or empty variable gives the default. A malformed value (`YTCS_SIGN_IN_LOCK=abc`, `YTCS_LANG=fr`,
  a count below 1) also gives the default, and is logged (once) as a warning naming the variable, the value
  and what it takes. A refusal would be worse where these are read: the server reads its sign-in limits
  on every sign-in (an error there refuses everyone, and a malformed limit must not open the door
  either), and a station's window must open whatever its environment holds.
- `environment(name=value, ...)` gives the variables to hand to a child process (the server's workers),
  so the names stay here.

A frozen dataclass, not pydantic-settings: that package is not among the dependencies (pydantic is), and a
dozen variables need no more than one parser per type.

Of the variables the OS and Qt define, only the OS user name is read here, as YTCS_USER's fallback (`USER`,
or `USERNAME` on Windows). Qt's (`QT_QPA_PLATFORM`, `DISPLAY`, `WAYLAND_DISPLAY` in reports/output.py) stay
where the code acts on them: they are Qt's switches, not the product's settings. The knobs of the test suite
(`YTCS_SM_*`, `YTCS_KILL_RUNS`, `YTCS_SCREENSHOTS`, …) are read by the tests themselves.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)
# Before the log file is set up (the CLI reads its language while parsing), a warning goes nowhere rather
# than to stderr, where a command says only its one line; it is logged at the first read after.
log.addHandler(logging.NullHandler())

Language = Literal["vi", "en"]


def _text(raw: str) -> str:
    return raw


def _path(raw: str) -> Path:
    return Path(raw)


def _language(raw: str) -> Language:
    low = raw.strip().lower()
    if low.startswith("en"):  # en, en_US.UTF-8
        return "en"
    if low.startswith("vi"):
        return "vi"
    raise ValueError(raw)


def _count(raw: str) -> int:
    value = int(raw.strip())
    if value < 1:
        raise ValueError(raw)
    return value


def _seconds(raw: str) -> float:
    value = float(raw.strip())
    if not 0 <= value < math.inf:
        raise ValueError(raw)
    return value


# What a malformed value is told it should have been
_TAKES: dict[Callable[[str], Any], str] = {_language: "vi or en", _count: "a whole number of at least 1",
                                           _seconds: "a number of seconds of at least 0"}


def _var(name: str, parse: Callable[[str], Any], meaning: str, *, also: tuple[str, ...] = ()) -> dict[str, Any]:
    """A setting read from $`name` (else from the variables in `also`, in order)."""
    return {"env": name, "parse": parse, "meaning": meaning, "also": also}


@dataclass(frozen=True)
class Settings:
    # Where things are
    data_dir: Path | None = field(default=None, metadata=_var(
        "YTCS_DATA_DIR", _path, "folder of the station database (default: the per-user data folder)"))
    log_dir: Path | None = field(default=None, metadata=_var(
        "YTCS_LOG_DIR", _path, "folder of the log file (default: the per-user log folder)"))
    # Who, and in which language
    lang: Language | None = field(default=None, metadata=_var(
        "YTCS_LANG", _language, "language of the CLI and the window when not chosen otherwise: vi or en"))
    user_name: str = field(default="ytcs", metadata=_var(
        "YTCS_USER", _text, "who the audit trail names in a database without sign-in accounts "
        "(default: the OS user, else ytcs)", also=("USER", "USERNAME")))
    password: str | None = field(default=None, metadata=_var(
        "YTCS_PASSWORD", _text, "the password `ytcs signin` takes instead of asking (scripts)"))
    # The station's link to the centre
    sync_token: str | None = field(default=None, metadata=_var(
        "YTCS_SYNC_TOKEN", _text, "device token used instead of the stored one (scripts)"))
    ca_file: str | None = field(default=None, metadata=_var(
        "YTCS_CA_FILE", _text, "the centre's CA certificate file, instead of the one kept in the data folder"))
    # The centre's server
    centre_database: str | None = field(default=None, metadata=_var(
        "YTCS_CENTRE_DATABASE", _text,
        "SQLAlchemy URL of the centre server's database (default: a SQLite file in the data folder)"))
    recommended_client: str | None = field(default=None, metadata=_var(
        "YTCS_RECOMMENDED_CLIENT", _text, "the client version the server recommends (default: its own)"))
    client_download: str | None = field(default=None, metadata=_var(
        "YTCS_CLIENT_DOWNLOAD", _text, "where the server says the recommended client is downloaded"))
    sign_in_user_limit: int = field(default=5, metadata=_var(
        "YTCS_SIGN_IN_USER_LIMIT", _count, "wrong passwords in a row before a user name is locked"))
    sign_in_address_limit: int = field(default=20, metadata=_var(
        "YTCS_SIGN_IN_ADDRESS_LIMIT", _count, "wrong passwords in a row before a client address is locked"))
    sign_in_delay_s: float = field(default=0.25, metadata=_var(
        "YTCS_SIGN_IN_DELAY", _seconds, "seconds the first wrong password waits, doubling (0: no delay)"))
    sign_in_lock_s: float = field(default=900.0, metadata=_var(
        "YTCS_SIGN_IN_LOCK", _seconds, "seconds of the first lock, doubling"))
    # Handed by `ytcs centre serve` to its worker processes; not for people to set
    serve_database: str | None = field(default=None, metadata=_var(
        "YTCS_SERVE_DATABASE", _text, "a worker's database URL"))
    serve_connections: int | None = field(default=None, metadata=_var(
        "YTCS_SERVE_CONNECTIONS", _count, "a worker's share of the database connections"))
    serve_pool_wait_s: float | None = field(default=None, metadata=_var(
        "YTCS_SERVE_POOL_WAIT", _seconds, "seconds a worker's request waits for a database connection"))


_warned: set[tuple[str, str]] = set()


def settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings as the environment (default: this process's) has them now."""
    env = os.environ if environ is None else environ
    given: dict[str, Any] = {}
    for f in fields(Settings):
        names = (f.metadata["env"], *f.metadata["also"])
        raw = next((env[n] for n in names if env.get(n, "").strip()), None)
        if raw is None:
            continue
        try:
            given[f.name] = f.metadata["parse"](raw)
        except ValueError:
            if (f.metadata["env"], raw) not in _warned:
                if logging.getLogger().handlers:  # said once to the log file, not on every read
                    _warned.add((f.metadata["env"], raw))
                log.warning("%s=%r is not %s: the default (%r) is used", f.metadata["env"], raw,
                            _TAKES[f.metadata["parse"]], f.default)
    return Settings(**given)


def env_name(setting: str) -> str:
    """The environment variable behind a setting (`env_name("ca_file")` is "YTCS_CA_FILE")."""
    for f in fields(Settings):
        if f.name == setting:
            return str(f.metadata["env"])
    raise KeyError(setting)


def environment(**values: object) -> dict[str, str]:
    """The variables that give these settings to a child process: `environment(serve_database=url)`."""
    return {env_name(name): str(value) for name, value in values.items()}


def variables() -> list[tuple[str, str, Any]]:
    """(variable, meaning, default) for every setting, in the order above."""
    return [(str(f.metadata["env"]), str(f.metadata["meaning"]), f.default) for f in fields(Settings)]
