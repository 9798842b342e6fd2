"""The frozen bundle, built once per test session with installer/build.py (as CI and release builds do).

Under pytest-xdist every worker asks for it: the first one builds under a file lock in the session's
shared temp folder, the others wait and reuse it (or re-raise the same build failure).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1200  # seconds; ~100 s on a loaded 2-core machine


@dataclass
class Bundle:
    folder: Path  # dist/ytcs
    exe: Path  # dist/ytcs/ytcs
    build_seconds: float
    log: str


def shared_root(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    # xdist workers get <session>/popen-gwN; the session folder is common to all of them
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# Lowest CPU priority for the build and the bundle's runs: the tests running beside them under xdist
# (the GUI latency checks among them) get the CPU first; nothing here is timed that tightly.
NICE = ["nice", "-n", "19"]


def as_text(output: bytes | str | None) -> str:
    # TimeoutExpired keeps bytes even with text=True
    return output.decode(errors="replace") if isinstance(output, bytes) else (output or "")


def build_once(root: Path) -> Bundle:
    import fcntl  # POSIX only; the fixture skips on Windows before getting here

    dist, work = root / "bundle" / "dist", root / "bundle" / "work"
    done, failed = root / "bundle-built.txt", root / "bundle-failed.txt"
    with (root / "bundle.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this worker dies
        if failed.exists():
            pytest.fail(f"the bundle did not build (in another worker):\n{failed.read_text()}")
        if not done.exists():
            started = time.monotonic()
            cmd = [*NICE, sys.executable, str(ROOT / "installer" / "build.py"),
                   "--dist", str(dist), "--work", str(work)]
            try:
                proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
                code, log = proc.returncode, proc.stdout + proc.stderr
            except subprocess.TimeoutExpired as exc:
                code, log = -1, f"timed out after {BUILD_TIMEOUT} s\n{as_text(exc.stdout)}{as_text(exc.stderr)}"
            if code != 0:
                failed.write_text(log)
                pytest.fail(f"installer/build.py failed ({code}):\n{log[-5000:]}")
            done.write_text(f"{time.monotonic() - started:.1f}\n{log}")
            shutil.rmtree(work, ignore_errors=True)  # PyInstaller's intermediate files: ~40 MB
    seconds, log = done.read_text().split("\n", 1)
    return Bundle(dist / "ytcs", dist / "ytcs" / "ytcs", float(seconds), log)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if sys.platform == "win32":
        pytest.skip("the Windows bundle is built and tried by hand (installer/README.md)")
    return build_once(shared_root(tmp_path_factory))


def clean_env(**extra: str) -> dict[str, str]:
    """What a user's shell gives the program: no venv, no PYTHONPATH, no test settings."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "TMPDIR") if key in os.environ}
    env.update({"LANG": "C.UTF-8", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    env.update(extra)
    return env
