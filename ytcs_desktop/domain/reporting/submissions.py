"""Report submissions: a station sends its report for a period, sealed, with who and when; a
correction is a new submission naming the one it corrects (which then shows as superseded); the centre
returns one with a comment or acknowledges it.

The state machine and the sealed fields are defined here once; the centre server imports them
(sync/server/permissions.py), so a station cannot change a report it has sent and the centre cannot
rewrite what the station wrote.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text, moment_text
from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.inventory.ledger import station_today
from ytcs_desktop.domain.permissions import require
from ytcs_desktop.domain.reportdata.weekly import WeeklyReport, weekly_report
from ytcs_desktop.domain.reporting.schedule import ReportPeriod, get_kind, period_of
from ytcs_desktop.domain.stations import get_row, require_centre, require_station
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import Message, PerLanguage, msg, pick, plain
from ytcs_desktop.store.base import natural_id, new_id, utc_now
from ytcs_desktop.store.models import ReportSubmission, Station

STATUSES = {"submitted": msg("word.submission_status.submitted"),
            "returned": msg("word.submission_status.returned"),
            "acknowledged": msg("word.submission_status.acknowledged"),
            "superseded": msg("word.submission_status.superseded")}  # corrected by a later submission


def status_words(status: str) -> PerLanguage:
    """A submission's status as the window and the messages name it."""
    return STATUSES.get(status) or plain(status)

# (from, to) -> the one role that may make that move.
TRANSITIONS: dict[tuple[str, str], Role] = {
    ("submitted", "returned"): "centre",
    ("submitted", "acknowledged"): "centre",
}
INITIAL_STATUS = "submitted"
# What the station wrote is sealed once sent: no update may touch these fields, from either side.
SEALED_FIELDS: frozenset[str] = ReportSubmission.__station_fields__ - {"status"}

# The figures a submission carries, in the order they are shown, with their names.
FIGURES: dict[str, Message] = {
    "requests_opened": msg("word.submission_figure.requests_opened"),
    "requests_closed": msg("word.submission_figure.requests_closed"),
    "requests_open_at_end": msg("word.submission_figure.requests_open_at_end"),
    "visits_done": msg("word.submission_figure.visits_done"),
    "trainings_held": msg("word.submission_figure.trainings_held"),
    "trainings_periods": msg("word.submission_figure.trainings_periods"),
    "stock_outs": msg("word.submission_figure.stock_outs"),
    "near_expiry": msg("word.submission_figure.near_expiry"),
}


def figures_of(w: WeeklyReport) -> dict[str, Any]:
    """The counts of the period and the items behind the stock alerts (as sent, for the centre)."""
    return {
        "requests_opened": w.requests_opened, "requests_closed": w.requests_closed,
        "requests_open_at_end": w.requests_open_at_end, "visits_done": w.visits_done,
        "trainings_held": w.trainings_held, "trainings_periods": w.trainings_periods,
        "stock_outs": len(w.stock_outs), "near_expiry": len(w.near_expiry),
        "stock_out_lines": [f"{a.name}: {a.quantity} {a.unit} ({a.detail})" for a in w.stock_outs],
        "near_expiry_lines": [f"{a.name}: {a.quantity} {a.unit} ({a.detail})" for a in w.near_expiry],
    }


def original_id_for(station_id: str, kind: str, period_from: dt.date) -> str:
    """An original's id from its station, kind and period: two PCs of a station sending the same
    period offline send one record."""
    return natural_id(ReportSubmission.__tablename__, station_id, kind, period_from)


def lines(value: object) -> list[str]:
    """Free text as a list of non-empty lines (a list, or text with one item per line)."""
    items = value.splitlines() if isinstance(value, str) else [str(x) for x in value or []]  # type: ignore[attr-defined]
    return [x.strip() for x in items if x.strip()]


def current(s: Session, station_id: str, kind: str, period_from: dt.date) -> ReportSubmission | None:
    """The latest submission of a station for a period (the one no other corrects), or None."""
    rows = list(s.scalars(select(ReportSubmission).where(
        ReportSubmission.station_id == station_id, ReportSubmission.kind == kind,
        ReportSubmission.period_from == period_from, ReportSubmission.deleted.is_(False))))
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    latest = [r for r in rows if r.id not in corrected]
    return max(latest, key=lambda r: (r.submitted_at, r.id)) if latest else None


def prepare(s: Session, station_id: str, kind: str, day: dt.date) -> tuple[ReportPeriod, dict[str, Any]]:
    """The period of `kind` that `day` falls in and its figures counted from the records now: what the
    submission dialog shows before sending."""
    period = period_of(get_kind(s, kind), day)
    w = weekly_report(s, station_id, period.date_from, period.date_to)
    return period, figures_of(w)


def _period_text(p: ReportPeriod, lang: str = "vi") -> str:
    return f"{day_text(p.date_from, lang)}–{day_text(p.date_to, lang)}"


def submit(s: Session, actor: Actor, *, kind: str, day: dt.date, difficulties: object = (),
           proposals: object = (), corrects: bool = False, correction_note: str | None = None,
           today: dt.date | None = None) -> ReportSubmission:
    """Send the station's report of the period of `kind` that `day` falls in. Refused: a period that has
    not ended; a second report for a period without saying it corrects the first."""
    station_id = require_station(actor, msg("word.submit_a_report"))
    require(actor, "submit_report")
    period, figures = prepare(s, station_id, kind, day)
    today = today or station_today(s)
    if period.date_to > today:
        raise RuleError(
            "period_not_ended",
            msg("period_not_ended", period=pick(_period_text, period), today=pick(day_text, today),
                end=pick(day_text, period.date_to)),
            field="period",
        )
    previous = current(s, station_id, kind, period.date_from)
    if previous is not None and not corrects:
        raise RuleError(
            "already_submitted",
            msg("already_submitted", period=pick(_period_text, period),
                sent_at=pick(moment_text, previous.submitted_at.astimezone()), sent_by=previous.submitted_by),
            field="corrects",
        )
    if corrects and previous is None:
        raise RuleError(
            "nothing_to_correct", msg("nothing_to_correct", period=pick(_period_text, period)), field="corrects",
        )
    note = (required_text(correction_note, "correction_note", msg("reporting.submissions.submit"), 2000)
            if corrects else None)
    said = {"difficulties": check_lines(difficulties, "difficulties"), "proposals": check_lines(proposals, "proposals")}
    row = ReportSubmission(
        id=original_id_for(station_id, kind, period.date_from) if previous is None else new_id(),
        station_id=station_id, kind=kind, period_from=period.date_from, period_to=period.date_to,
        figures=json.dumps(figures, ensure_ascii=False),
        difficulties=json.dumps(said["difficulties"], ensure_ascii=False),
        proposals=json.dumps(said["proposals"], ensure_ascii=False), submitted_at=utc_now(),
        submitted_by=actor.name,
        corrects_id=previous.id if previous is not None else None, correction_note=note, status=INITIAL_STATUS)
    s.add(row)
    s.flush()
    return row


def review(s: Session, actor: Actor, submission_id: str, to: str, comment: str | None = None) -> ReportSubmission:
    """The centre returns a submission with a comment (what to correct) or acknowledges it."""
    require_centre(actor, msg("reporting.submissions"))
    row = get_row(s, ReportSubmission, submission_id, msg("word.report"), "submission")
    if TRANSITIONS.get((row.status, to)) != actor.role:
        raise RuleError(
            "transition",
            msg("transition.review", old=status_words(row.status), new=status_words(to)),
            field="status",
        )
    text = (comment or "").strip() or None
    if to == "returned":
        text = required_text(comment, "review_comment", msg("reporting.submissions.review"), 2000)
    row.status = to
    row.reviewed_at = utc_now()
    row.reviewed_by = actor.name
    row.review_comment = text
    s.flush()
    return row


# ----- reading ------------------------------------------------------------------------------------


@dataclass
class SubmissionRow:
    id: str
    station_id: str
    station_code: str
    station_name: str
    kind: str
    period_from: dt.date
    period_to: dt.date
    submitted_at: dt.datetime
    submitted_by: str
    status: str
    superseded_by: str | None
    corrects_id: str | None
    correction_note: str | None
    review_comment: str | None
    reviewed_by: str | None
    figures: dict[str, Any] = field(default_factory=dict)
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None

    def status_text(self, lang: str = "vi") -> str:
        return status_words("superseded" if self.superseded else self.status).text(lang)


def _json(text: str | None, empty: Any) -> Any:
    try:
        value = json.loads(text) if text else empty
    except ValueError:
        return empty
    return value if isinstance(value, type(empty)) else empty


def list_submissions(s: Session, stations: str | Sequence[str] | None = None, kind: str | None = None,
                     date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[SubmissionRow]:
    """Submissions (each with whether a later one corrects it), newest period first, then by station."""
    q = select(ReportSubmission, Station.code, Station.name).join(
        Station, Station.id == ReportSubmission.station_id).where(ReportSubmission.deleted.is_(False))
    if isinstance(stations, str):
        q = q.where(ReportSubmission.station_id == stations)
    elif stations is not None:
        q = q.where(ReportSubmission.station_id.in_(list(stations)))
    if kind:
        q = q.where(ReportSubmission.kind == kind)
    if date_from:
        q = q.where(ReportSubmission.period_to >= date_from)
    if date_to:
        q = q.where(ReportSubmission.period_from <= date_to)
    found = s.execute(q).all()
    by_corrected = {}
    for r, _c, _n in sorted(found, key=lambda x: x[0].submitted_at):
        if r.corrects_id:
            by_corrected[r.corrects_id] = r.id
    out = [SubmissionRow(r.id, r.station_id or "", code, name, r.kind, r.period_from, r.period_to, r.submitted_at,
                         r.submitted_by, r.status, by_corrected.get(r.id), r.corrects_id, r.correction_note,
                         r.review_comment, r.reviewed_by, _json(r.figures, {}), _json(r.difficulties, []),
                         _json(r.proposals, [])) for r, code, name in found]
    out.sort(key=lambda x: (-x.period_from.toordinal(), x.station_code, x.submitted_at))
    return out


def check_lines(value: object, field_name: str) -> list[str]:
    """Typed lines as the submission keeps them; each line at most 2,000 characters."""
    out = lines(value)
    if any(len(x) > 2000 for x in out):
        raise ValidationError("too_long", msg("too_long"), field=field_name)
    return out


def sent_words(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date) -> tuple[list[str], list[str]]:
    """The difficulties and proposals of the station's latest report of exactly this period ([] when it sent
    none): what a printed weekly report carries when nothing else was typed for it."""
    if not station_id:
        return [], []
    rows = [r for r in list_submissions(s, station_id, None, date_from, date_to)
            if r.period_from == date_from and r.period_to == date_to and not r.superseded]
    latest = max(rows, key=lambda r: r.submitted_at, default=None)
    return (latest.difficulties, latest.proposals) if latest else ([], [])
