"""The log file: one rotating file in the per-user log folder, for the window, the CLI and the server.

A PC that fails in the field leaves this file to send to the centre. Nothing else goes to stderr: a
command's own error is its one line; the traceback behind it is in the file.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from ytcs_desktop.settings import settings

LOG_NAME = "ytcs.log"
MAX_BYTES = 1_000_000
KEEP = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return settings().log_dir or Path(platformdirs.user_log_dir("ytcs-desktop", "YTCS"))


def log_file() -> Path:
    return log_dir() / LOG_NAME


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Rotating file created readable by its owner only (it may name people and records)."""

    def _open(self):  # type: ignore[no-untyped-def]
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)

    def handleError(self, record: logging.LogRecord) -> None:
        # The log folder's disk is full or gone: this record is lost, but the command's own one-line
        # message must not be buried under logging's traceback on stderr.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the root logger to the log file (once per process). Returns the file, or None when the
    folder cannot be written (a read-only profile): then records are dropped rather than printed."""
    root = logging.getLogger()
    if any(isinstance(h, _PrivateRotatingFileHandler) for h in root.handlers):
        return log_file()
    path: Path | None = log_file()
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP,
                                                               encoding="utf-8")
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
