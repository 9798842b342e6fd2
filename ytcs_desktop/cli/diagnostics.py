"""`ytcs diagnostics`: the zip to send to the centre when something goes wrong on this PC."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ytcs_desktop.cli.common import EXIT_OK, CliError, data_dir
from ytcs_desktop.cli.setup import say, subcommand
from ytcs_desktop.messages import msg
from ytcs_desktop.paths import default_data_dir


def _diagnostics(args: argparse.Namespace) -> int:
    from ytcs_desktop import diagnostics

    out = Path(args.out) if args.out else Path.cwd() / diagnostics.default_name()
    try:
        made = diagnostics.build(data_dir(args) or default_data_dir(), out)
    except OSError as exc:
        raise CliError(msg("cli.diagnostics", out=out, exc=exc.strerror or exc)) from exc
    size = made.stat().st_size
    say(args, msg("cli.diagnostics.diagnostics", made=made, size=size))
    return EXIT_OK


def register(sub: Any) -> None:
    p = subcommand(sub, "diagnostics", _diagnostics,
                   "gói thông tin chẩn đoán gửi Trung tâm / a diagnostics zip to send to the centre")
    p.add_argument("--out", metavar="FILE", help="tệp .zip (mặc định: ytcs-diagnostics-NGÀY.zip tại đây)")
