"""Roles (duties) of the people at a station and at the centre, and which duty may take which action.

Defined once here; the domain's guarded actions call `require(actor, action)`, the window and the command
line read `DUTIES` to offer and label them. A person may hold several duties. An actor without duties
(`Actor.duties is None`) is a system actor that holds every duty of its side (see domain/actor.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import PermissionDenied, ValidationError


@dataclass(frozen=True)
class Duty:
    code: str
    side: Role
    vi: str
    en: str


DUTIES: dict[str, Duty] = {d.code: d for d in (
    Duty("truong_tram", "station", "trạm trưởng", "head of station"),
    Duty("thu_kho", "station", "thủ kho / dược sĩ", "stock keeper / pharmacist"),
    Duty("lam_sang", "station", "nhân viên lâm sàng", "clinical staff"),
    Duty("ke_hoach", "centre", "phòng Kế hoạch – Nghiệp vụ", "planning officer"),
    Duty("duoc", "centre", "khoa Dược", "pharmacy"),
    Duty("dieu_duong", "centre", "phòng Điều dưỡng", "nursing department"),
    Duty("quan_tri", "centre", "quản trị hệ thống", "administrator"),
)}


@dataclass(frozen=True)
class Action:
    code: str
    duties: frozenset[str]
    vi: str  # what is done, after "mới được"
    en: str  # after "may"


def _action(code: str, duties: tuple[str, ...], vi: str, en: str) -> Action:
    return Action(code, frozenset(duties), vi, en)


ACTIONS: dict[str, Action] = {a.code: a for a in (
    _action("approve_count", ("truong_tram", "thu_kho"), "duyệt biên bản kiểm kê", "approve a stock count"),
    _action("dispose_stock", ("truong_tram", "thu_kho"), "hủy thuốc, vật tư", "dispose of stock"),
    _action("close_period", ("truong_tram", "thu_kho"), "khóa sổ kho", "close a stock period"),
    _action("submit_report", ("truong_tram",), "gửi báo cáo lên Trung tâm", "submit a report to the centre"),
    _action("approve_requisition", ("duoc",), "duyệt hoặc từ chối phiếu dự trù",
            "approve or reject a requisition"),
    _action("ship", ("duoc",), "xuất cấp hàng cho trạm", "ship stock to a station"),
    _action("manage_station_accounts", ("truong_tram",), "tạo tài khoản đăng nhập cho nhân viên trạm",
            "create sign-in accounts for the station's staff"),
    _action("manage_centre_accounts", ("quan_tri",), "tạo tài khoản đăng nhập cho cán bộ Trung tâm",
            "create sign-in accounts for the centre's staff"),
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
    names = [(d.en if lang == "en" else d.vi) for code, d in DUTIES.items() if code in codes]
    joiner = " or " if lang == "en" else " hoặc "
    return joiner.join(names)


def require(actor: Actor, action: str) -> None:
    """Refuse, naming the roles that may, when the actor holds none of the duties `action` needs."""
    wanted = ACTIONS[action]
    if may(actor, action):
        return
    vi, en = duty_names(wanted.duties, "vi"), duty_names(wanted.duties, "en")
    raise PermissionDenied(
        "duty_required",
        f"Chỉ {vi} mới được {wanted.vi}. Hãy nhờ người có vai trò này đăng nhập và làm việc này.",
        f"Only the {en} may {wanted.en}. Ask a person with this role to sign in and do it.",
    )


def check_duties(side: Role, value: object, field: str = "duties") -> frozenset[str]:
    """Duties given for an account on `side`: at least one, each known and of that side."""
    parts: Iterable[object] = value.split(",") if isinstance(value, str) else value if isinstance(
        value, (list, tuple, set, frozenset)) else ()
    codes = frozenset(str(p).strip() for p in parts if str(p).strip())
    known = duties_of_side(side)
    unknown = sorted(codes - known)
    if unknown:
        allowed = ", ".join(sorted(known))
        raise ValidationError("bad_duty", f"Vai trò không hợp lệ: {', '.join(unknown)}. Hãy chọn trong: {allowed}.",
                              f"Unknown role: {', '.join(unknown)}. Choose from: {allowed}.", field)
    if not codes:
        raise ValidationError("duty_missing", "Hãy chọn ít nhất một vai trò cho người này.",
                              "Choose at least one role for this person.", field)
    return codes
