"""The centre's administration and the station's sign-in as a person types them: `ytcs centre user …`,
`ytcs centre device …`, `ytcs passwd` and `ytcs login`, each the installed console script in a
subprocess against a real `ytcs centre serve`. Every refusal is one line in the person's words, exit 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Result, Runner
from tests.sync.conftest import start_server, stop_server

PASSWORD = "trạm-an-phú-01"
KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def centre(tmp_path: Path, ytcs_process: Runner) -> Iterator[tuple[str, Path]]:
    """A centre server process with station TYT-AP; its database is the admin folder's default."""
    folder = tmp_path / "centre-server"
    folder.mkdir()
    done = ytcs_process("centre", "add-station", "TYT-AP", "Trạm Y tế phường An Phú", data=folder)
    assert done.code == 0, done.err
    proc, base = start_server(f"sqlite:///{folder / 'centre-server.sqlite3'}")
    try:
        yield base, folder
    finally:
        stop_server(proc)


def one_line(result: Result, *words: str) -> None:
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result.err
    for word in words:
        assert word in result.err, (word, result.err)


def test_accounts_and_computers_from_the_command_line(centre: tuple[str, Path], tmp_path: Path,
                                                      ytcs_process: Runner) -> None:
    base, admin_dir = centre
    pc = tmp_path / "station-pc"

    def admin(*args: str, stdin: str | None = None) -> Result:
        return ytcs_process("centre", *args, data=admin_dir, stdin=stdin)

    def login(password: str) -> Result:
        return ytcs_process("login", "--server", base, "--username", "ap.lan", "--password-stdin",
                            "--store-token-in-file", data=pc, stdin=password + "\n", env=KEYRING)

    # the password rule, where an account is made
    one_line(admin("add-user", "ap.lan", "--role", "station", "--station", "TYT-AP", "--password-stdin",
                   stdin="12345678\n"), "Mật khẩu", "hay bị dò")
    one_line(admin("add-user", "ap.lan", "--role", "station", "--station", "TYT-AP", "--password-stdin",
                   stdin="ngắn\n"), "ít nhất 8 ký tự")
    assert admin("add-user", "ap.lan", "--role", "station", "--station", "TYT-AP", "--password-stdin",
                 stdin=PASSWORD + "\n").code == 0

    # a wrong password: one clear line, and the folder is left as it was (nothing joined)
    one_line(login("không-phải-mật-khẩu"), "Sai tên đăng nhập hoặc mật khẩu")
    assert not (pc / "ytcs.sqlite3").exists()

    # a disabled account is told so, once the password is right; enabled, it joins
    assert admin("user", "disable", "ap.lan").code == 0
    listed = json.loads(admin("user", "list", "--format", "json").out)
    assert [u["active"] for u in listed if u["username"] == "ap.lan"] == [False]
    one_line(login(PASSWORD), "ap.lan", "tạm khoá", "quản trị Trung tâm")
    one_line(admin("user", "disable", "khong-co"), "Không có tài khoản khong-co")
    assert admin("user", "enable", "ap.lan").code == 0
    joined = login(PASSWORD)
    assert joined.code == 0, joined
    assert ytcs_process("sync", data=pc, env=KEYRING).code == 0

    # disabled while signed in: the next sync says why and what to do
    assert admin("user", "disable", "ap.lan").code == 0
    stopped = ytcs_process("sync", data=pc, env=KEYRING)
    assert stopped.code != 0 and "tạm khoá" in stopped.err, stopped
    assert admin("user", "enable", "ap.lan").code == 0

    # one's own password: the current one checked, the new one passes the rule
    one_line(ytcs_process("passwd", "--password-stdin", data=pc, stdin="sai-hoàn-toàn\nmới-của-lan-2026\n",
                          env=KEYRING), "Mật khẩu hiện tại không đúng")
    one_line(ytcs_process("passwd", "--password-stdin", data=pc, stdin=f"{PASSWORD}\naaaaaaaaaa\n", env=KEYRING),
             "lặp lại một ký tự")
    changed = ytcs_process("passwd", "--password-stdin", data=pc, stdin=f"{PASSWORD}\nmới-của-lan-2026\n",
                           env=KEYRING)
    assert changed.code == 0 and "Đã đổi mật khẩu của ap.lan" in changed.out, changed
    assert ytcs_process("sync", data=pc, env=KEYRING).code == 0  # this computer stays signed in

    # the administrator resets it (the rule applies there too)
    one_line(admin("user", "reset-password", "ap.lan", "--password-stdin", stdin="Password123\n"), "hay bị dò")
    assert admin("user", "reset-password", "ap.lan", "--password-stdin", stdin="đặt-lại-2026\n").code == 0
    assert login("đặt-lại-2026").code == 0

    # computers: listed, one revoked, an unknown one named
    devices = json.loads(admin("device", "list", "--format", "json").out)
    mine = [d["id"] for d in devices if d["username"] == "ap.lan" and not d["revoked"]]
    assert len(mine) == 2
    for device_id in mine:
        assert admin("device", "revoke", device_id).code == 0
    revoked = ytcs_process("sync", data=pc, env=KEYRING)
    assert revoked.code != 0 and "thu hồi" in revoked.err, revoked
    one_line(admin("device", "revoke", "khong-co-may"), "Không có máy mã khong-co-may")


def test_guessing_from_the_command_line_is_locked_out(centre: tuple[str, Path], tmp_path: Path,
                                                      ytcs_process: Runner) -> None:
    base, admin_dir = centre
    assert ytcs_process("centre", "add-user", "ap.hoa", "--role", "station", "--station", "TYT-AP",
                        "--password-stdin", data=admin_dir, stdin=PASSWORD + "\n").code == 0
    tries = [ytcs_process("login", "--server", base, "--username", "ap.hoa", "--password-stdin", data=tmp_path / "pc",
                          stdin=f"đoán-{n}\n", env=KEYRING) for n in range(5)]
    for result in tries[:4]:
        one_line(result, "Sai tên đăng nhập hoặc mật khẩu")
    one_line(tries[4], "quá nhiều lần", "15 phút")
    one_line(ytcs_process("login", "--server", base, "--username", "ap.hoa", "--password-stdin", data=tmp_path / "pc",
                          stdin=PASSWORD + "\n", env=KEYRING), "quá nhiều lần")
    listed = ytcs_process("centre", "user", "list", data=admin_dir)
    assert "ap.hoa" in listed.out and "khoá đăng nhập đến" in listed.out
    assert ytcs_process("centre", "user", "reset-password", "ap.hoa", "--password-stdin", data=admin_dir,
                        stdin="mở-khoá-cho-hoa\n").code == 0
    assert ytcs_process("login", "--server", base, "--username", "ap.hoa", "--password-stdin", "--store-token-in-file",
                        data=tmp_path / "pc", stdin="mở-khoá-cho-hoa\n", env=KEYRING).code == 0
