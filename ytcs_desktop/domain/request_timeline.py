"""A support request's timeline as people read it: each move says “sent” only once it has left this
computer. A draft submitted here reads “Nháp → Chờ gửi” until the next sync takes it to the centre,
as the request's own status does in the list (support.status_label)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.support import TimelineEntry, status_label, timeline
from ytcs_desktop.store.models import RequestComment, RequestTransition


@dataclass(frozen=True)
class TimelineLine(TimelineEntry):
    sync_state: str = "synced"  # of the move or comment itself on this computer


def request_timeline(s: Session, request_id: str) -> list[TimelineLine]:
    """`support.timeline` with the sync state of each move and comment, oldest first."""
    states: dict[str, str] = {}
    for model in (RequestTransition, RequestComment):
        states.update({row_id: state for row_id, state in s.execute(
            select(model.id, model.sync_state).where(model.request_id == request_id))})
    return [TimelineLine(e.at, e.kind, e.actor, e.role, e.text, e.from_status, e.to_status, e.row_id,
                         states.get(e.row_id, "synced"))
            for e in timeline(s, request_id)]


def move_words(line: TimelineLine, lang: str = "vi") -> str:
    """A move in words: "Nháp → Chờ gửi" (not sent yet), "Nháp → Đã gửi", or the first status alone."""
    after = status_label(line.to_status or "", line.sync_state, lang)
    return f"{label('request_status', line.from_status, lang)} → {after}" if line.from_status else after
