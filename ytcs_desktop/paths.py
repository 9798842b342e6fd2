"""Where the station's data lives: --data-dir, YTCS_DATA_DIR, or the OS per-user data dir."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from ytcs_desktop.settings import settings

DB_FILENAME = "ytcs.sqlite3"


def default_data_dir() -> Path:
    return settings().data_dir or Path(platformdirs.user_data_dir("ytcs-desktop", "YTCS"))


def database_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / DB_FILENAME


def resources_dir() -> Path:
    """The resources/ folder (fonts, translations, icons), also inside a frozen bundle."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
