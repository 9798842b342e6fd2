"""What this computer's own database says about sync: the same-side edits that lost to a later one.

(The pending and refused changes are counted by the sync package and domain/refusals.py.)"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.store.models import SyncConflict


def unresolved_conflicts(s: Session) -> int:
    """How many values lost a concurrent edit and nobody has looked at yet (the status bar's figure)."""
    return int(s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved == 0)) or 0)


def recent_conflicts(s: Session, limit: int = 2000) -> list[SyncConflict]:
    """The conflict log, newest first."""
    return list(s.scalars(select(SyncConflict).order_by(SyncConflict.id.desc()).limit(limit)))
