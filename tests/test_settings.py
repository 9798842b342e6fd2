"""One settings object: every YTCS_* variable is named and read in ytcs_desktop/settings.py only, with its type
and default; a malformed value keeps the default and is logged."""

from __future__ import annotations

import ast
import logging
import os
import re
import subprocess
from dataclasses import fields
from pathlib import Path

import pytest

import ytcs_desktop
from tests.cli.conftest import YTCS
from ytcs_desktop.paths import default_data_dir
from ytcs_desktop.settings import Settings, env_name, environment, settings, variables
from ytcs_desktop.sync.server.throttle import Limits

PACKAGE = Path(ytcs_desktop.__file__).parent
SETTINGS = PACKAGE / "settings.py"
YTCS_NAME = re.compile(r"YTCS_[A-Z0-9_]+")


def _is_environ(node: ast.expr) -> bool:
    """`os.environ`, or `environ` imported from os."""
    return (isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name)
            and node.value.id == "os") or (isinstance(node, ast.Name) and node.id == "environ")


def _key_allowed(key: ast.expr) -> bool:
    """A read outside the settings module names its variable as a literal, and not a YTCS_ one."""
    return isinstance(key, ast.Constant) and isinstance(key.value, str) and not key.value.startswith("YTCS_")


def environment_reads(source: str) -> list[int]:
    """Lines that read a YTCS_ variable (or a variable whose name is not written out) from the environment,
    or that name a YTCS_ variable as a whole string."""
    found: list[int] = []
    for node in ast.walk(ast.parse(source)):
        key: ast.expr | None = None
        reads = False
        if isinstance(node, ast.Call):
            func = node.func
            getenv = (isinstance(func, ast.Attribute) and func.attr == "getenv") or (
                isinstance(func, ast.Name) and func.id == "getenv")
            get = isinstance(func, ast.Attribute) and func.attr in ("get", "pop") and _is_environ(func.value)
            if getenv or get:
                reads, key = True, node.args[0] if node.args else None
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_environ(node.value):
            reads, key = True, node.slice
        elif isinstance(node, ast.Compare) and any(_is_environ(c) for c in node.comparators):
            reads, key = True, node.left
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and YTCS_NAME.fullmatch(node.value):
            found.append(node.lineno)
        if reads and (key is None or not _key_allowed(key)) and isinstance(node, ast.expr):
            found.append(node.lineno)
    return sorted(set(found))


def test_the_check_sees_the_reads_it_forbids() -> None:
    source = "\n".join([
        'import os',
        'a = os.environ.get("YTCS_LANG")',  # 2
        'b = os.environ["YTCS_DATA_DIR"]',  # 3
        'c = os.getenv("YTCS_USER", "x")',  # 4
        'd = os.environ.get(NAME)',  # 5: a name not written out
        'e = "YTCS_TOKEN" in os.environ',  # 6
        'VAR = "YTCS_CA_FILE"',  # 7: named outside the settings
        'f = os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")',  # allowed: Qt's
        'os.environ["QT_QPA_PLATFORM"] = "offscreen"',  # a write
        'help = "default: $YTCS_DATA_DIR or the per-user folder"',  # a sentence that names it
    ])
    assert environment_reads(source) == [2, 3, 4, 5, 6, 7]


def test_no_ytcs_variable_is_read_outside_the_settings_module() -> None:
    found = [f"{path.relative_to(PACKAGE.parent).as_posix()}:{line}"
             for path in sorted(PACKAGE.rglob("*.py")) if path != SETTINGS
             for line in environment_reads(path.read_text(encoding="utf-8"))]
    assert found == [], "read YTCS_* variables through ytcs_desktop.settings.settings(): " + ", ".join(found)


def test_defaults_and_types() -> None:
    s = settings({})
    assert s == Settings()
    assert (s.data_dir, s.log_dir, s.lang, s.sync_token, s.ca_file, s.centre_database) == (None,) * 6
    assert (s.sign_in_user_limit, s.sign_in_address_limit, s.sign_in_delay_s, s.sign_in_lock_s) == (5, 20, 0.25, 900.0)
    assert s.user_name == "ytcs"
    given = settings({"YTCS_DATA_DIR": "/srv/tram", "YTCS_LANG": "en_US.UTF-8", "YTCS_SIGN_IN_USER_LIMIT": " 7 ",
                      "YTCS_SIGN_IN_DELAY": "0", "YTCS_SERVE_CONNECTIONS": "3", "YTCS_SYNC_TOKEN": "",
                      "USER": "lan"})
    assert given.data_dir == Path("/srv/tram") and isinstance(given.data_dir, Path)
    assert given.lang == "en"
    assert given.sign_in_user_limit == 7 and isinstance(given.sign_in_user_limit, int)
    assert given.sign_in_delay_s == 0.0 and isinstance(given.sign_in_delay_s, float)
    assert given.serve_connections == 3
    assert given.sync_token is None  # empty is unset
    assert given.user_name == "lan"  # the OS user when YTCS_USER is not set
    assert settings({"USER": "lan", "YTCS_USER": "Nguyễn Thị Lan"}).user_name == "Nguyễn Thị Lan"


def test_every_variable_is_named_once_with_its_meaning() -> None:
    names = [name for name, _, _ in variables()]
    assert len(names) == len(set(names)) == len(fields(Settings))
    assert all(YTCS_NAME.fullmatch(name) for name in names)
    assert all(meaning.strip() for _, meaning, _ in variables())
    assert env_name("ca_file") == "YTCS_CA_FILE"
    assert environment(serve_database="sqlite:///x", serve_pool_wait_s=2.5) == {
        "YTCS_SERVE_DATABASE": "sqlite:///x", "YTCS_SERVE_POOL_WAIT": "2.5"}
    assert settings(environment(serve_database="sqlite:///x", serve_pool_wait_s=2.5)).serve_pool_wait_s == 2.5


@pytest.mark.parametrize(("variable", "value", "setting"), [
    ("YTCS_SIGN_IN_LOCK", "abc", "sign_in_lock_s"),
    ("YTCS_SIGN_IN_DELAY", "-1", "sign_in_delay_s"),
    ("YTCS_SIGN_IN_USER_LIMIT", "0", "sign_in_user_limit"),
    ("YTCS_SIGN_IN_ADDRESS_LIMIT", "2.5", "sign_in_address_limit"),
    ("YTCS_LANG", "fr", "lang"),
])
def test_a_malformed_value_keeps_the_default_and_is_logged(caplog: pytest.LogCaptureFixture, variable: str,
                                                           value: str, setting: str) -> None:
    with caplog.at_level(logging.WARNING, logger="ytcs_desktop.settings"):
        got = settings({variable: f"{value}"})
    assert getattr(got, setting) == getattr(Settings(), setting)
    assert [r.getMessage() for r in caplog.records if variable in r.getMessage()] != []
    assert f"{variable}={value!r} is not " in caplog.text and "the default" in caplog.text


def test_read_again_when_the_environment_changes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("YTCS_DATA_DIR", str(tmp_path / "a"))
    assert default_data_dir() == tmp_path / "a"
    monkeypatch.setenv("YTCS_DATA_DIR", str(tmp_path / "b"))
    assert default_data_dir() == tmp_path / "b"
    monkeypatch.setenv("YTCS_SIGN_IN_ADDRESS_LIMIT", "4")
    monkeypatch.setenv("YTCS_SIGN_IN_LOCK", "soon")  # the door stays as shut as by default
    assert Limits.from_env() == Limits(address_failures=4)
    assert Limits() == Limits(user_failures=5, address_failures=20, delay_s=0.25, lock_s=900.0)


def test_the_command_line_reads_its_settings(tmp_path: Path) -> None:
    """The real `ytcs`: YTCS_DATA_DIR picks the folder, a malformed YTCS_LANG keeps Vietnamese, says nothing
    on stderr, and the log file (YTCS_LOG_DIR) names the variable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_")}
    env.update({"YTCS_DATA_DIR": str(tmp_path / "data"), "YTCS_LOG_DIR": str(tmp_path / "log"), "YTCS_LANG": "fr",
                "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.run([YTCS, "init", "--station-code", "TYT-LT", "--station-name", "Trạm Y tế Lái Thiêu"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (tmp_path / "data" / "ytcs.sqlite3").is_file()
    assert proc.stdout.startswith("Đã tạo cơ sở dữ liệu của trạm TYT-LT")  # Vietnamese, the default
    log = (tmp_path / "log" / "ytcs.log").read_text(encoding="utf-8")
    assert "YTCS_LANG='fr' is not vi or en: the default (None) is used" in log
