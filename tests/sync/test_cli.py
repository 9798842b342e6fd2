"""The commands as a user runs them: `ytcs centre …` against the server's database, `ytcs init`,
`ytcs login`, `ytcs sync`, `ytcs sync status`, `ytcs logout`, with no OS keyring on this machine."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.conftest import ROOT, Centre

PASSWORD = "mật-khẩu-trạm-1"


@pytest.fixture(autouse=True)
def _sqlite_only(centre: Centre) -> None:
    """The commands are the same code on both databases; the server tests cover PostgreSQL."""
    if centre.db_url.startswith("postgresql"):
        pytest.skip("command-line runs use the SQLite server only (slow subprocesses)")


def ytcs(*args: str, data_dir: Path, stdin: str = "", db_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "YTCS_DATA_DIR": str(data_dir), "YTCS_LANG": "en",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("YTCS_SYNC_TOKEN", None)
    if db_url:
        env["YTCS_CENTRE_DATABASE"] = db_url
    return subprocess.run([sys.executable, "-m", "ytcs_desktop", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_station_logs_in_syncs_and_sees_its_status(centre: Centre, tmp_path: Path) -> None:
    code = f"TYT-CLI{os.getpid() % 1000}"
    station_dir = tmp_path / "station"
    admin_dir = tmp_path / "admin"
    done = ytcs("centre", "add-station", code, "Trạm Y tế xã Cát Hải", data_dir=admin_dir, db_url=centre.db_url)
    assert done.returncode == 0, done.stderr
    done = ytcs("centre", "add-user", "cathai", "--role", "station", "--station", code, "--password-stdin",
                data_dir=admin_dir, stdin=PASSWORD + "\n", db_url=centre.db_url)
    assert done.returncode == 0, done.stderr
    done = ytcs("init", "--station-code", code, "--station-name", "Trạm Y tế xã Cát Hải", data_dir=station_dir)
    assert done.returncode == 0, done.stderr

    # without a keyring and without opting in, the token is not kept after the command
    done = ytcs("login", "--server", centre.url, "--username", "cathai", "--password-stdin", data_dir=station_dir,
                stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "session only" in done.stderr
    assert not (station_dir / "sync-token").exists()
    done = ytcs("sync", data_dir=station_dir)
    assert done.returncode == 1 and "ytcs login" in done.stderr

    done = ytcs("login", "--server", centre.url, "--username", "cathai", "--password-stdin", "--store-token-in-file",
                data_dir=station_dir, stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    token_file = station_dir / "sync-token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert PASSWORD not in token_file.read_text()

    done = ytcs("sync", "--format", "json", data_dir=station_dir)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["complete"] and report["pushed"] >= 1 and report["rejected"] == 0
    for key in ("pushed", "pulled", "rejected", "seconds", "bytes_sent", "bytes_received"):
        assert key in report

    done = ytcs("sync", "status", "--format", "json", data_dir=station_dir)
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["pending"] == 0 and status["server"] == centre.url

    done = ytcs("centre", "devices", "--format", "json", data_dir=admin_dir, db_url=centre.db_url)
    assert done.returncode == 0, done.stderr
    mine = [d for d in json.loads(done.stdout) if d["station_code"] == code]
    assert len(mine) == 2 and all(not d["clock_suspect"] for d in mine)

    # no network: the same exchange on a USB stick
    done = ytcs("sync", "--to-file", str(tmp_path / "request.ytcs"), data_dir=station_dir)
    assert done.returncode == 0, done.stderr
    done = ytcs("centre", "answer-bundle", str(tmp_path / "request.ytcs"), str(tmp_path / "answer.ytcs"),
                data_dir=admin_dir, db_url=centre.db_url)
    assert done.returncode == 0, done.stderr
    done = ytcs("sync", "--from-file", str(tmp_path / "answer.ytcs"), "--format", "json", data_dir=station_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rejected"] == 0

    done = ytcs("logout", data_dir=station_dir)
    assert done.returncode == 0, done.stderr
    assert not token_file.exists()
    done = ytcs("centre", "devices", "--format", "json", data_dir=admin_dir, db_url=centre.db_url)
    revoked = [d["revoked"] for d in json.loads(done.stdout) if d["station_code"] == code]
    assert sorted(revoked) == [False, True]


def test_centre_commands_refuse_bad_input_with_one_line(centre: Centre, tmp_path: Path) -> None:
    done = ytcs("centre", "add-user", "x", "--role", "station", "--station", "NOPE", "--password-stdin",
                data_dir=tmp_path, stdin="abcdefgh12\n", db_url=centre.db_url)
    assert done.returncode == 2 and "NOPE" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    done = ytcs("centre", "revoke-device", "no-such-device", data_dir=tmp_path, db_url=centre.db_url)
    assert done.returncode == 2 and "no-such-device" in done.stderr
