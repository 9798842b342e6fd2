"""What every page and dialog of one open workspace shares, passed in through constructors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.operations import Operations
from ytcs_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from ytcs_desktop.ui.backups import BackupController
    from ytcs_desktop.ui.sync_controller import SyncController


@dataclass
class AppContext:
    db: Database
    actor: Actor
    lang: str
    tasks: TaskManager
    ops: Operations
    settings: QSettings
    sync: SyncController | None = None
    backups: BackupController | None = None

    @property
    def is_centre(self) -> bool:
        return self.actor.role == "centre"

    def label(self, kind: str, code: str | None) -> str:
        """The display label of a stored code, in the window's language."""
        if code is None:
            return ""
        from ytcs_desktop.domain.labels import label

        try:
            return label(kind, code, self.lang)
        except Exception:  # an unknown code still shows, as itself
            return code
