"""Professional support requests (hỗ trợ chuyên môn): the state machine, comments and rating.

Each move along the state machine belongs to one side (SYNC.md): the station drafts, submits, cancels
while not yet scheduled and rates; the centre accepts, rejects, schedules, starts and finishes. Every
move leaves a RequestTransition row (who, role, when, note); comments are an append-only thread.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import ROLE_NAMES, Actor, Role
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import codes, label, label_in_sentence, parse_code, quoted_labels
from ytcs_desktop.domain.stations import (
    check_own_station,
    check_range,
    get_row,
    optional_date,
    require_station,
)
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Department, RequestComment, RequestTransition, Staff, SupportRequest

STATUSES = tuple(codes("request_status"))
# Requests still asking something of someone (not yet rated, cancelled or rejected).
OPEN_STATUSES = ("draft", "submitted", "accepted", "scheduled", "in_progress", "done")

# (from, to) -> the one role that may make that move.
TRANSITIONS: dict[tuple[str, str], Role] = {
    ("draft", "submitted"): "station",
    ("draft", "cancelled"): "station",
    ("submitted", "cancelled"): "station",
    ("accepted", "cancelled"): "station",
    ("done", "rated"): "station",
    ("submitted", "accepted"): "centre",
    ("submitted", "rejected"): "centre",
    ("accepted", "rejected"): "centre",
    ("accepted", "scheduled"): "centre",
    ("scheduled", "in_progress"): "centre",
    ("in_progress", "done"): "centre",
}

# Fields a move may set, per target status (all other request fields change through update_request).
MOVE_FIELDS: dict[str, frozenset[str]] = {
    "rejected": frozenset({"reason", "reject_reason"}),
    "scheduled": frozenset({"scheduled_from", "scheduled_to", "assigned_staff_id", "assigned_department_id",
                            "support_format"}),
    "in_progress": frozenset(),
    "done": frozenset({"outcome"}),
    "rated": frozenset({"rating", "feedback"}),
}

EDITABLE_FIELDS = frozenset({"kind", "title", "description", "urgency", "wanted_from", "wanted_to",
                             "patient_ref", "icd10", "attachments"})

_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")


def allowed_moves(request: SupportRequest, role: str) -> list[str]:
    """The statuses this role may move the request to now, in state-machine order."""
    return [to for (frm, to), who in TRANSITIONS.items() if frm == request.status and who == role]


# ----- validation -------------------------------------------------------------------------------


def normalise_icd10(value: str | None) -> str | None:
    """ICD-10 code as letter + 2 digits [+ . + up to 4]: 'j189' → 'J18.9'."""
    text = (value or "").strip().upper().replace(" ", "")
    if not text:
        return None
    if "." not in text and len(text) > 3:
        text = f"{text[:3]}.{text[3:]}"
    if not _ICD10.match(text):
        raise ValidationError(
            "bad_icd10",
            msg("bad_icd10", value=value),
            field="icd10",
        )
    return text


def _attachments(value: object) -> str | None:
    """File names only (the request keeps no file content): stored as a JSON list of base names."""
    if value is None or value == "" or value == []:
        return None
    names = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    clean = [PureWindowsPath(str(n).strip()).name for n in names if str(n).strip()]
    if any(len(n) > 255 for n in clean):
        raise ValidationError("bad_attachment", msg("bad_attachment"), field="attachments")
    return json.dumps(clean, ensure_ascii=False) if clean else None


def attachment_names(request: SupportRequest) -> list[str]:
    return list(json.loads(request.attachments)) if request.attachments else []


def _clean_fields(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in EDITABLE_FIELDS:
            raise ValidationError("unknown_field", msg("unknown_field.clean_fields", name=name), field=name)
        if name == "kind":
            out[name] = parse_code("request_kind", value, "kind")
        elif name == "urgency":
            out[name] = parse_code("urgency", value or "normal", "urgency")
        elif name == "title":
            out[name] = required_text(value, "title", msg("word.request_title"))
        elif name in ("wanted_from", "wanted_to"):
            out[name] = optional_date(value, name)
        elif name == "icd10":
            out[name] = normalise_icd10(value)
        elif name == "attachments":
            out[name] = _attachments(value)
        elif name == "patient_ref":
            ref = (str(value).strip() if value else "") or None
            if ref and len(ref) > 80:
                raise ValidationError("too_long", msg("too_long.clean_fields"), field=name)
            out[name] = ref
        else:
            out[name] = (str(value).strip() if value else "") or None
    return out


def _check_wanted(wanted_from: dt.date | None, wanted_to: dt.date | None) -> None:
    if wanted_from and wanted_to:
        check_range(wanted_from, wanted_to, "wanted_to")


# ----- creating and editing ---------------------------------------------------------------------


def _next_number(s: Session, station_id: str, year: int) -> str:
    prefix = f"YC-{year}-"
    numbers = s.scalars(
        select(SupportRequest.number).where(SupportRequest.station_id == station_id,
                                            SupportRequest.number.like(f"{prefix}%"))
    )
    last = max((int(n[len(prefix):]) for n in numbers if n and n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


def create_request(
    s: Session, actor: Actor, *, kind: str, title: str, description: str | None = None, urgency: str = "normal",
    wanted_from: object = None, wanted_to: object = None, patient_ref: str | None = None,
    icd10: str | None = None, attachments: object = None,
) -> SupportRequest:
    """A new draft request of the actor's station, numbered YC-<year>-NNNN per station."""
    station_id = require_station(actor, msg("word.create_a_support_request"))
    values = _clean_fields({"kind": kind, "title": title, "description": description, "urgency": urgency,
                            "wanted_from": wanted_from, "wanted_to": wanted_to, "patient_ref": patient_ref,
                            "icd10": icd10, "attachments": attachments})
    _check_wanted(values["wanted_from"], values["wanted_to"])
    now = utc_now()
    request = SupportRequest(station_id=station_id, status="draft", created_at=now, created_by=actor.name,
                             number=_next_number(s, station_id, now.year), **values)
    s.add(request)
    s.flush()
    return request


def get_request(s: Session, actor: Actor, request_id: str) -> SupportRequest:
    request = get_row(s, SupportRequest, request_id, msg("word.support_request"), "request_id")
    check_own_station(actor, request.station_id)
    return request


def update_request(s: Session, actor: Actor, request_id: str, **fields: Any) -> SupportRequest:
    """Edit the station's fields of a request; only while it is a draft."""
    request = get_request(s, actor, request_id)
    require_station(actor, msg("word.edit_a_request"))
    if request.status != "draft":
        raise RuleError("not_draft", msg("not_draft.support", number=request.number,
                                         status=pick(label_in_sentence, "request_status", request.status)))
    values = _clean_fields(fields)
    _check_wanted(values.get("wanted_from", request.wanted_from), values.get("wanted_to", request.wanted_to))
    for name, value in values.items():
        setattr(request, name, value)
    s.flush()
    return request


# ----- moving along the state machine -----------------------------------------------------------


def _refuse_move(request: SupportRequest, actor: Actor, to_status: str) -> None:
    owner = TRANSITIONS.get((request.status, to_status))
    frm, to = pick(label, "request_status", request.status), pick(label, "request_status", to_status)
    if owner is not None and owner != actor.role:
        raise PermissionDenied("transition_role", msg("transition_role.support", role=ROLE_NAMES[owner],
                                                      frm=frm, to=to), field="status")
    mine = allowed_moves(request, actor.role)
    hint = msg("bad_transition.can_move", moves=pick(quoted_labels, "request_status", mine)) if mine \
        else msg("bad_transition.no_move")
    raise RuleError("bad_transition", msg("bad_transition.support", number=request.number, frm=frm, to=to,
                                          hint=hint), field="status")


def _missing(field: str, what: PerLanguage) -> ValidationError:
    return ValidationError("required", msg("required.support", what=what), field=field)


def _apply_move_fields(s: Session, request: SupportRequest, to_status: str, note: str | None,
                       fields: dict[str, Any]) -> None:
    allowed = MOVE_FIELDS.get(to_status, frozenset())
    for name in fields:
        if name not in allowed:
            raise ValidationError(
                "unknown_field",
                msg("unknown_field.apply_move_fields",
                    name=name, to_status=pick(label, 'request_status', to_status)),
                field=name,
            )
    if to_status == "rejected":
        reason = (fields.get("reason") or fields.get("reject_reason") or note or "").strip()
        if not reason:
            raise _missing("reason", msg("word.the_reason_for_rejecting"))
        request.reject_reason = reason
    elif to_status == "scheduled":
        start = optional_date(fields.get("scheduled_from"), "scheduled_from")
        end = optional_date(fields.get("scheduled_to"), "scheduled_to") or start
        if start is None or end is None:
            raise _missing("scheduled_from", msg("word.the_scheduled_start_date"))
        check_range(start, end, "scheduled_to")
        staff_id, dept_id = fields.get("assigned_staff_id"), fields.get("assigned_department_id")
        if not staff_id and not dept_id:
            raise _missing("assigned_staff_id", msg("domain.support"))
        if staff_id:
            get_row(s, Staff, staff_id, msg("word.staff_member"), "assigned_staff_id")
        if dept_id:
            get_row(s, Department, dept_id, msg("word.department"), "assigned_department_id")
        fmt = fields.get("support_format")
        request.support_format = parse_code("support_format", fmt, "support_format") if fmt else None
        request.scheduled_from, request.scheduled_to = start, end
        request.assigned_staff_id, request.assigned_department_id = staff_id or None, dept_id or None
    elif to_status == "done":
        outcome = (fields.get("outcome") or "").strip()
        if not outcome:
            raise _missing("outcome", msg("domain.support.apply_move_fields"))
        request.outcome = outcome
    elif to_status == "rated":
        request.rating = _rating(fields.get("rating"))
        request.feedback = (fields.get("feedback") or "").strip() or None


def _rating(value: object) -> int:
    try:
        rating = int(str(value)) if value is not None and not isinstance(value, bool) else 0
    except ValueError:
        rating = 0
    if not 1 <= rating <= 5:
        raise ValidationError(
            "bad_rating",
            msg("bad_rating.rating", value=value),
            field="rating",
        )
    return rating


def move(s: Session, actor: Actor, request_id: str, to_status: str, *, note: str | None = None,
         **fields: Any) -> SupportRequest:
    """Move a request along one allowed transition and record who moved it, when and why."""
    request = get_request(s, actor, request_id)
    target = parse_code("request_status", to_status, "status")
    if (request.status, target) not in TRANSITIONS or TRANSITIONS[(request.status, target)] != actor.role:
        _refuse_move(request, actor, target)
    _apply_move_fields(s, request, target, note, fields)
    s.add(RequestTransition(station_id=request.station_id, request_id=request.id, from_status=request.status,
                            to_status=target, actor=actor.name, role=actor.role,
                            note=(note or "").strip() or None, at=utc_now()))
    request.status = target
    s.flush()
    return request


def rate(s: Session, actor: Actor, request_id: str, *, rating: int, feedback: str | None = None) -> SupportRequest:
    """The station's rating (1–5) and comment on support that is done."""
    return move(s, actor, request_id, "rated", rating=rating, feedback=feedback)


def add_comment(s: Session, actor: Actor, request_id: str, body: str) -> RequestComment:
    request = get_request(s, actor, request_id)
    comment = RequestComment(station_id=request.station_id, request_id=request.id, author=actor.name,
                             role=actor.role, body=required_text(body, "body", msg("word.comment"), 4000), at=utc_now())
    s.add(comment)
    s.flush()
    return comment


# ----- reading ----------------------------------------------------------------------------------


def status_label(status: str, sync_state: str | None, lang: str = "vi") -> str:
    """The status as the station reads it: a request submitted here but not yet sent to the centre reads
    “Chờ gửi”, not “Đã gửi” — nobody at the centre has it until the next sync."""
    if status == "submitted" and sync_state == "pending":
        return msg("request_status.waiting_to_send").text(lang)
    return label("request_status", status, lang)


def list_requests(s: Session, station_id: str | None = None, status: str | None = None,
                  kind: str | None = None) -> list[SupportRequest]:
    query = select(SupportRequest).where(SupportRequest.deleted.is_(False))
    if station_id:
        query = query.where(SupportRequest.station_id == station_id)
    if status:
        query = query.where(SupportRequest.status == parse_code("request_status", status, "status"))
    if kind:
        query = query.where(SupportRequest.kind == parse_code("request_kind", kind, "kind"))
    return list(s.scalars(query.order_by(SupportRequest.created_at, SupportRequest.id)))


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # transition|comment
    actor: str
    role: str
    text: str | None  # the note or the comment body
    from_status: str | None = None
    to_status: str | None = None
    row_id: str = ""


def timeline(s: Session, request_id: str) -> list[TimelineEntry]:
    """Transitions and comments of one request, oldest first."""
    get_row(s, SupportRequest, request_id, msg("word.support_request"), "request_id")
    entries = [
        TimelineEntry(t.at, "transition", t.actor, t.role, t.note, t.from_status, t.to_status, t.id)
        for t in s.scalars(select(RequestTransition).where(RequestTransition.request_id == request_id))
    ] + [
        TimelineEntry(c.at, "comment", c.author, c.role, c.body, row_id=c.id)
        for c in s.scalars(select(RequestComment).where(RequestComment.request_id == request_id,
                                                        RequestComment.deleted.is_(False)))
    ]
    # Timestamps have 1 s resolution; UUIDv7 ids break ties in creation order.
    return sorted(entries, key=lambda e: (e.at, e.row_id))
