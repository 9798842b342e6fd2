"""Each benchmark runs once at a tiny size, as its documented command, so a change that breaks one is seen
in CI. No timing is asserted here: the figures come from full-size runs (README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_inventory_benchmark_at_a_tiny_size() -> None:
    out = _run("bench.bench_inventory", "--rows", "3000", "--years", "3", "--items", "60", "--receipts", "200")
    assert "180 lots, 3000 ledger rows" in out
    for measure in ("on_hand_by_item, no period closed", "close the books through", "on_hand_by_lot, all lots",
                    "receive_many, 200 lines"):
        assert measure in out


def test_programme_report_benchmark_at_a_tiny_size() -> None:
    out = _run("bench.bench_programme_report", "--months", "1", "--stations", "6", "--runs", "1")
    assert "6 stations:" in out and "report data, 6 stations" in out
    for measure in ("PDF layout + writing", "workbook writing", "annual report, data + PDF"):
        assert measure in out


def test_centre_glance_benchmark_at_a_tiny_size() -> None:
    out = _run("bench.bench_centre_glance", "--months", "1", "--stations", "6", "--runs", "1")
    assert "per station (before), 6 stations" in out and "grouped (glance), 6 stations" in out
    assert "same rows both ways: 6 stations" in out


def test_centre_load_benchmark_at_a_tiny_size() -> None:
    from tests.sync.conftest import _pg_available

    if not _pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    out = _run("bench.bench_centre_load", "--stations", "3", "--workers", "1", "--batches", "2", "--json")
    (run,) = json.loads(out)
    assert run["changes"] == 60 and run["errors"] == 0 and run["lost"] == 0 and run["doubled"] == 0
