"""A full disk is called a full disk: how much is free, what the command needs, and nothing half-written.

On a real small filesystem (a 4 MB tmpfs; skipped where this machine may not mount one): the station's
file and the log folder on it, the disk filled, then a large catalogue import through the installed
`ytcs`. Afterwards the file opens, `ytcs check` says ok and the data is what it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Runner, copy_database
from ytcs_desktop.paths import DB_FILENAME

ROWS = 3_000  # a 0.4 MB file: about 8 MB at its peak, twice the disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Take all the disk's free space but `leave` bytes."""
    filler = disk / "filler"
    with filler.open("ab") as out:
        free = shutil.disk_usage(disk).free
        if free > leave:
            out.write(b"\0" * (free - leave))
    return filler


def _big_csv(folder: Path) -> Path:
    path = folder / "catalogue.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("code,name,unit,category,active_ingredient\n")
        for i in range(ROWS):
            out.write(f"X{i:06d},Vật tư số {i} {'x' * 60},cái,supply,thành phần {i} {'y' * 40}\n")
    return path


@pytest.mark.parametrize("leave", [300_000, 0], ids=["nearly-full", "full"])
def test_an_import_on_a_full_disk_says_so_and_leaves_the_data_as_it_was(
        ytcs_process: Runner, station_template: Path, small_disk: Path, tmp_path: Path, leave: int) -> None:
    data = small_disk / "data"
    data.mkdir()
    copy_database(station_template, data)
    env = {"YTCS_LOG_DIR": str(small_disk / "log")}
    before = ytcs_process("export", data=data, env=env)
    assert before.code == 0, before
    csv = _big_csv(tmp_path)
    filler = _fill(small_disk, leave)

    result = ytcs_process("items", "import", str(csv), "--lang", "en", data=data, env=env)
    assert result.code == 2, result
    assert "Traceback" not in result.err and len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert f"The disk holding {data} is full" in line, line
    assert "MB free" in line and "free some space and try again" in line, line
    assert "this needs about" in line and "MB" in line, line  # the file's size times the import's factor
    vi = ytcs_process("items", "import", str(csv), data=data, env=env)
    assert vi.code == 2 and f"Ổ đĩa chứa {data} đã đầy" in vi.err and len(vi.err_lines) == 1, vi.err

    filler.unlink()
    assert ytcs_process("check", data=data, env=env).out == "ok\n"
    after = ytcs_process("export", data=data, env=env)
    assert after.code == 0 and after.out == before.out  # nothing half-written
    assert (data / DB_FILENAME).stat().st_mode & 0o077 == 0


def test_an_export_to_a_full_disk_says_so_and_leaves_no_part_file(
        ytcs_process: Runner, station_template: Path, small_disk: Path, data_dir: Path) -> None:
    copy_database(station_template, data_dir)
    out = small_disk / "export.json"
    _fill(small_disk, 1_000)
    result = ytcs_process("export", "--out", str(out), "--lang", "en")
    assert result.code == 2 and len(result.err_lines) == 1, result
    assert f"The disk holding {small_disk} is full" in result.err and "this needs about" in result.err
    assert not out.exists() and not out.with_name("export.json.part").exists()
