"""Roles (duties) of the people at a station and at the centre, and which duty may take which action.

Defined once here; the domain's guarded actions call `require(actor, action)`, the window and the command
line read `DUTIES` to offer and label them. A person may hold several duties. An actor without duties
(`Actor.duties is None`) is a system actor that holds every duty of its side (see domain/actor.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import PermissionDenied, ValidationError
from ytcs_desktop.messages import PerLanguage, msg, pick


@dataclass(frozen=True)
class Duty:
    code: str
    side: Role
    name: PerLanguage


DUTIES: dict[str, Duty] = {d.code: d for d in (
    Duty("truong_tram", "station", msg("word.head_of_station")),
    Duty("thu_kho", "station", msg("word.stock_keeper_pharmacist")),
    Duty("lam_sang", "station", msg("word.clinical_staff")),
    Duty("ke_hoach", "centre", msg("word.planning_officer")),
    Duty("duoc", "centre", msg("word.pharmacy")),
    Duty("dieu_duong", "centre", msg("word.nursing_department")),
    Duty("quan_tri", "centre", msg("word.administrator")),
)}


@dataclass(frozen=True)
class Action:
    code: str
    duties: frozenset[str]
    what: PerLanguage  # what is done, after "mới được" / "may"


def _action(code: str, duties: tuple[str, ...], what: PerLanguage) -> Action:
    return Action(code, frozenset(duties), what)


ACTIONS: dict[str, Action] = {a.code: a for a in (
    _action("approve_count", ("truong_tram", "thu_kho"), msg("word.approve_a_stock_count")),
    _action("dispose_stock", ("truong_tram", "thu_kho"), msg("word.dispose_of_stock")),
    _action("close_period", ("truong_tram", "thu_kho"), msg("word.close_a_stock_period")),
    _action("submit_report", ("truong_tram",), msg("domain.permissions")),
    _action("approve_requisition", ("duoc",), msg("domain.permissions.module")),
    _action("ship", ("duoc",), msg("domain.permissions.module.2")),
    _action("manage_station_accounts", ("truong_tram",), msg("domain.permissions.module.3")),
    _action("manage_centre_accounts", ("quan_tri",), msg("domain.permissions.module.4")),
)}


def duties_of_side(side: Role) -> frozenset[str]:
    return frozenset(code for code, duty in DUTIES.items() if duty.side == side)


def holds(actor: Actor, duty: str) -> bool:
    """Whether the actor holds `duty` (a system actor holds every duty of its side)."""
    if actor.duties is None:
        return DUTIES[duty].side == actor.role
    return duty in actor.duties


def may(actor: Actor, action: str) -> bool:
    return any(holds(actor, duty) for duty in ACTIONS[action].duties)


def duty_names(codes: frozenset[str] | set[str], lang: str = "vi") -> str:
    """The duties in the order DUTIES lists them, joined with "or"."""
    names = [d.name.text(lang) for code, d in DUTIES.items() if code in codes]
    return msg("duty_names.or").text(lang).join(names)


def require(actor: Actor, action: str) -> None:
    """Refuse, naming the roles that may, when the actor holds none of the duties `action` needs."""
    wanted = ACTIONS[action]
    if may(actor, action):
        return
    raise PermissionDenied("duty_required",
                           msg("duty_required", duties=pick(duty_names, wanted.duties), action=wanted.what))


def check_duties(side: Role, value: object, field: str = "duties") -> frozenset[str]:
    """Duties given for an account on `side`: at least one, each known and of that side."""
    parts: Iterable[object] = value.split(",") if isinstance(value, str) else value if isinstance(
        value, (list, tuple, set, frozenset)) else ()
    codes = frozenset(str(p).strip() for p in parts if str(p).strip())
    known = duties_of_side(side)
    unknown = sorted(codes - known)
    if unknown:
        allowed = ", ".join(sorted(known))
        raise ValidationError("bad_duty", msg("bad_duty", unknown=', '.join(unknown), allowed=allowed), field=field)
    if not codes:
        raise ValidationError("duty_missing", msg("duty_missing"), field=field)
    return codes
