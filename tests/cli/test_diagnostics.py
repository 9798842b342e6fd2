"""`ytcs diagnostics` and the window's File → Diagnostics: one zip with the logs, versions, what `ytcs check`
says and the settings; never the sign-in token, a password or a setting line that could hold a secret."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.cli.conftest import Runner

TOKEN = "tok-3f9a-very-secret-token"


def _station(ytcs: Runner, data_dir: Path) -> None:
    assert ytcs("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú").code == 0
    (data_dir / "sync-token").write_text(f"http://127.0.0.1:8470|dev\n{TOKEN}\n")
    (data_dir / "ui.ini").write_text("[General]\nlang=vi\nuser_name=Nguyễn Thị Lan\nsync_password=hunter22\n"
                                     "api_token=abc123\n", encoding="utf-8")


def test_the_zip_holds_what_support_needs_and_no_secret(ytcs_process: Runner, ytcs: Runner, data_dir: Path,
                                                        tmp_path: Path) -> None:
    _station(ytcs, data_dir)
    ytcs("stock", "on-hand", "--item", "NOPE")  # something in the log
    out = tmp_path / "chan-doan.zip"
    result = ytcs_process("diagnostics", "--out", str(out), data=data_dir)
    assert result.code == 0 and str(out) in result.out and "không chứa mật khẩu" in result.out
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {"versions.txt", "database.txt", "check.txt", "settings.txt", "about.json"} <= names
        assert any(n.startswith("logs/ytcs.log") for n in names)
        text = "\n".join(zf.read(n).decode("utf-8", errors="replace") for n in names)
    assert "YTCS Desktop" in text
    assert "ok" in text and "rows stock_transactions" in text and "lang=vi" in text
    for secret in (TOKEN, "hunter22", "abc123"):
        assert secret not in text
    assert not list(tmp_path.glob("*.part"))


def test_a_folder_without_a_database_still_gives_a_zip(ytcs_process: Runner, tmp_path: Path) -> None:
    out = tmp_path / "d.zip"
    result = ytcs_process("diagnostics", "--out", str(out), data=tmp_path / "empty")
    assert result.code == 0 and out.exists()
    with zipfile.ZipFile(out) as zf:
        assert "no database file" in zf.read("check.txt").decode()


def test_an_unwritable_target_is_one_line(ytcs_process: Runner, tmp_path: Path) -> None:
    result = ytcs_process("diagnostics", "--out", str(tmp_path / "no-such-folder" / "d.zip"), data=tmp_path)
    assert result.code == 2 and len(result.err_lines) == 1 and "Traceback" not in result.err
