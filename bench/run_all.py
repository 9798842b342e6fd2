"""Every benchmark in turn, each in its own process (`make bench`):

    .venv/bin/python -m bench.run_all [--only inventory,reports,ui,sync,sync_link,centre_load] [--quick]

Benchmarks are scripts, not tests: they print their figures and the targets of the issues they
measure. `--quick` runs the sync ones on 10,000 rows instead of 100,000 and the centre load on 10 and
100 stations (a smoke run, not the figures).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> command; inventory first: reports and ui reuse the database it keeps in bench/out/
BENCHES: dict[str, list[str]] = {
    "inventory": ["-m", "bench.bench_inventory"],
    "reports": ["-m", "bench.bench_reports"],
    "ui": ["-m", "bench.bench_ui"],
    "sync": ["bench/bench_sync.py"],
    "sync_link": ["bench/bench_sync_link.py"],
    "centre_load": ["-m", "bench.bench_centre_load"],  # needs PostgreSQL (scripts/ensure-postgres.sh)
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated names: " + ", ".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="sync benchmarks on 10,000 rows")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(unknown)}")
    failed = []
    for name in names:
        command = [sys.executable, *BENCHES[name]]
        if args.quick and name.startswith("sync"):
            command += ["--rows", "10000"]
        if args.quick and name == "centre_load":
            command += ["--stations", "10,100"]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.call(command, cwd=ROOT)
        print(f"=== {name}: exit {code} after {time.perf_counter() - started:.1f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
