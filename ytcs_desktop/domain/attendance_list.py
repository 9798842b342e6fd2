"""Who attended a training session, as the window lists them: staff by their directory name and title,
people from outside by the name typed in. Rows are read by key (`row["title"]`), so they are TypedDicts."""

from __future__ import annotations

from typing import TypedDict

from sqlalchemy.orm import Session

from ytcs_desktop.domain.training import attendance
from ytcs_desktop.store.models import Staff


class AttendanceRow(TypedDict):
    id: str
    name: str | None
    title: str  # "" for someone outside the staff directory
    result: str | None
    periods: int | None
    certificate_no: str | None
    sync_state: str
    sync_reason: str | None


def attendance_rows(s: Session, session_id: str) -> list[AttendanceRow]:
    """The attendance of one session in the order it was entered."""
    rows = []
    for a in attendance(s, session_id):
        staff = s.get(Staff, a.staff_id) if a.staff_id else None
        rows.append(AttendanceRow(id=a.id, name=staff.full_name if staff else a.person_name,
                                  title=staff.title if staff else "", result=a.result, periods=a.periods,
                                  certificate_no=a.certificate_no, sync_state=a.sync_state,
                                  sync_reason=a.sync_reason))
    return rows
