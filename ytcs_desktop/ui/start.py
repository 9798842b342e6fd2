"""Starting the window: the first-run dialog when there is no database yet, else the workspace; and the one
plain message for an error nobody caught."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ytcs_desktop.paths import default_data_dir
from ytcs_desktop.ui.app import choose_language, install_translator, make_application, settings_for
from ytcs_desktop.ui.launcher import Launcher


def run(data_dir: Path | None = None, lang: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Start the window: the first-run dialog when there is no database yet, else the workspace."""
    app = make_application(argv)
    folder = data_dir or default_data_dir()
    settings = settings_for(folder)
    chosen = choose_language(settings, lang)
    install_translator(app, chosen)
    launcher = Launcher(app, folder, settings, chosen)
    sys.excepthook = plain_error_hook(sys.excepthook)
    if not launcher.start():
        return 0
    code = app.exec()
    launcher.close()
    return code


def plain_error_hook(previous: Any) -> Any:
    """An error nobody caught (a bug): its traceback goes to the log file, the person at the PC gets one
    plain message that says where the details are; the window stays open."""
    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        logging.getLogger("ytcs_desktop.ui").error("unexpected error", exc_info=(kind, exc, tb))
        from ytcs_desktop.logs import log_file

        box = QMessageBox(QMessageBox.Icon.Warning, "YTCS Desktop",
                          QCoreApplication.translate("Errors", "Something went wrong that the program did not "
                                                     "expect: %1. What you saved before is safe. The details are in "
                                                     "the log file %2; File → Diagnostics for the centre collects "
                                                     "it for the centre.")
                          .replace("%1", f"{kind.__name__}: {exc}").replace("%2", str(log_file())))
        box.addButton(QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
        _open_boxes.append(box)
        box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    return hook


_open_boxes: list[QMessageBox] = []  # keeps a non-modal message alive until it is closed
