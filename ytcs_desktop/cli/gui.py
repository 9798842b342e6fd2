"""`ytcs gui` (and `ytcs` alone): the desktop window."""

from __future__ import annotations

import argparse
from typing import Any

from ytcs_desktop.cli.common import command, data_dir


def register(sub: Any) -> None:
    command(sub, "gui", run_gui,
            "mở cửa sổ chương trình (mặc định khi không có lệnh) / open the desktop window (the default)")


def run_gui(args: argparse.Namespace) -> int:
    from ytcs_desktop.ui.start import run

    return run(data_dir(args), getattr(args, "lang", None))
