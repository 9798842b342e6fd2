"""README "A centre and its stations", run as written: a real `ytcs centre serve`, five PCs (the centre's
desktop, two PCs of a station that starts from the centre, two of a station that worked alone first),
every step through the installed `ytcs` command. Only the port is changed, to a free one."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def readme_block(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert found, f"no sh block under {heading}"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _json(args: list[str], cwd: Path, env: dict[str, str]) -> Any:
    out = subprocess.run([str(BIN / "ytcs"), *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_readme_centre_walkthrough_runs_as_written(tmp_path: Path) -> None:
    port = free_port()
    script = readme_block("A centre and its stations").replace("8470", str(port))
    env = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_") or k == "YTCS_LOG_DIR"}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               LANG="C.UTF-8")
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count("bị từ chối: 0") == 5, done.stdout
    assert done.stdout.count("xung đột: 0") == 5, done.stdout
    # Bình Hòa's first sync says in plain words what it brought to the centre.
    assert "Trung tâm đã nhận những gì máy này ghi trước đó:" in done.stdout
    assert "1 dòng sổ kho" in done.stdout and "Không có thay đổi nào bị từ chối." in done.stdout

    for pc in ("centre-desktop", "ap-pc1", "ap-pc2", "bh-pc1", "bh-pc2"):
        status = _json(["sync", "status", "--format", "json", "--data-dir", pc], tmp_path, env)
        assert status["pending"] == 0 and status["rejected"] == 0, (pc, status)

    # The second PC holds the first PC's receipt; the enrolled station kept its own.
    on_hand = _json(["stock", "on-hand", "--format", "json", "--data-dir", "ap-pc2"], tmp_path, env)
    assert "PA2611" in json.dumps(on_hand, ensure_ascii=False)
    with sqlite3.connect(tmp_path / "centre-desktop" / "ytcs.sqlite3") as conn:
        stations = conn.execute("SELECT code FROM stations WHERE deleted = 0 ORDER BY code").fetchall()
        receipts = conn.execute("SELECT lot_no FROM stock_transactions t JOIN lots l ON l.id = t.lot_id "
                                "ORDER BY lot_no").fetchall()
    assert stations == [("TYT-AP",), ("TYT-BH",)]
    assert receipts == [("OR01",), ("PA2611",)]
