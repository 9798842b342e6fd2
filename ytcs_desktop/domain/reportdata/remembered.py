"""The free-text input of a form (the handover parties, the weekly report's sections) as last entered
at this PC, so staff do not type the same names every time. Kept in the local `settings` table: a
preference of this PC, never synced."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.store.models import Setting

SETTING_PREFIX = "report_input."
NOT_REMEMBERED = ("number", "time")  # new for every document


def remembered_input(s: Session, report: str) -> dict[str, Any]:
    """The values last entered for `report` ({} when none, or unreadable)."""
    raw = s.scalar(select(Setting.value).where(Setting.key == SETTING_PREFIX + report))
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def remember_input(s: Session, report: str, values: dict[str, Any]) -> None:
    kept = {k: v for k, v in values.items() if k not in NOT_REMEMBERED}
    s.merge(Setting(key=SETTING_PREFIX + report, value=json.dumps(kept, ensure_ascii=False)))
