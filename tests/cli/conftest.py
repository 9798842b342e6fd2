"""Running `ytcs`: the real console script in a subprocess, or `cli.main` in-process (faster), both
against a database folder under tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ytcs_desktop import cli

YTCS = str(Path(sys.executable).with_name("ytcs"))


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


Runner = Callable[..., Result]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def ytcs(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Runner:
    """`ytcs(*args)` in-process through cli.main, with --data-dir set; returns code, stdout, stderr."""

    def run(*args: str, data: Path | None = None) -> Result:
        capsys.readouterr()
        try:
            code = cli.main([*args, "--data-dir", str(data or data_dir)])
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def ytcs_process(data_dir: Path) -> Runner:
    """The installed `ytcs` console script in a subprocess."""

    def run(*args: str, data: Path | None = None, env: dict[str, str] | None = None,
            stdin: str | None = None) -> Result:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_") or k == "YTCS_LOG_DIR"}
        full_env.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
        full_env.update(env or {})
        proc = subprocess.run([YTCS, *args, "--data-dir", str(data or data_dir)], capture_output=True, text=True,
                              encoding="utf-8", env=full_env, input=stdin, timeout=240)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def copy_database(source: Path, folder: Path) -> None:
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", folder / f"ytcs.sqlite3{suffix}")


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`ytcs init` once per session (creating the schema is the slow part); tests copy the file."""
    folder = tmp_path_factory.mktemp("station")
    code = cli.main(["init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú",
                     "--data-dir", str(folder)])
    assert code == 0
    return folder / "ytcs.sqlite3"


@pytest.fixture
def station(ytcs: Runner, station_template: Path, data_dir: Path) -> Runner:
    """A new station database, as `ytcs init` makes it."""
    copy_database(station_template, data_dir)
    return ytcs


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One 3-month demo database built once per test session; tests get their own copy."""
    from ytcs_desktop.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "ytcs.sqlite3", months=3)
    yield folder / "ytcs.sqlite3"


@pytest.fixture
def demo_dir(demo_template: Path, data_dir: Path) -> Path:
    copy_database(demo_template, data_dir)
    return data_dir


def snapshot(ytcs: Runner) -> str:
    """The export of the database: what must not change when a command is refused."""
    result = ytcs("export")
    assert result.code == 0, result.err
    return result.out
