"""Refusals the server answers with a 4xx: a machine-readable code and a message in both languages."""

from __future__ import annotations

from ytcs_desktop import __version__
from ytcs_desktop.sync.protocol import PROTOCOL_MAX, PROTOCOL_MIN


class ApiError(Exception):
    def __init__(self, status: int, code: str, vi: str, en: str, *, retry_after: int | None = None) -> None:
        super().__init__(en)
        self.status = status
        self.code = code
        self.vi = vi
        self.en = en
        self.retry_after = retry_after  # seconds, for a 429: also the Retry-After header

    def body(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {"code": self.code, "message_vi": self.vi, "message_en": self.en}
        if self.retry_after is not None:
            out["retry_after_s"] = self.retry_after
        return out

    def headers(self) -> dict[str, str] | None:
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None


def auth_required() -> ApiError:
    return ApiError(401, "auth_required", "Chưa đăng nhập: hãy chạy `ytcs login` để đăng nhập vào Trung tâm.",
                    "Not logged in: run `ytcs login` to log in to the centre.")


def token_invalid() -> ApiError:
    return ApiError(401, "token_invalid", "Mã đăng nhập của máy này không hợp lệ: hãy đăng nhập lại (`ytcs login`).",
                    "This device's login token is not valid: log in again (`ytcs login`).")


def device_revoked() -> ApiError:
    return ApiError(401, "device_revoked",
                    "Trung tâm đã thu hồi quyền đồng bộ của máy này. Hãy liên hệ Trung tâm rồi đăng nhập lại.",
                    "The centre revoked this device's access. Contact the centre, then log in again.")


def forbidden_role() -> ApiError:
    return ApiError(403, "forbidden_role", "Chỉ tài khoản của Trung tâm Y tế mới xem được mục này.",
                    "Only a health centre account may see this.")


def protocol_unsupported(version: int | None) -> ApiError:
    """426 that says which side to upgrade: this device (older than the window) or the centre (a device
    newer than the centre's server)."""
    if version is not None and version > PROTOCOL_MAX:
        return ApiError(
            426, "centre_outdated",
            f"Máy chủ Trung tâm đang chạy YTCS {__version__}, cũ hơn phần mềm trên máy này (giao thức {version}). "
            "Cần nâng cấp máy chủ Trung tâm; dữ liệu trên máy này vẫn an toàn và sẽ đồng bộ sau khi nâng cấp.",
            f"The centre's server runs YTCS {__version__}, older than this computer's software (protocol "
            f"{version}). The centre's server must be upgraded; the data here is safe and syncs after that.")
    got = "không có" if version is None else str(version)
    got_en = "none" if version is None else str(version)
    return ApiError(
        426, "protocol_unsupported",
        f"Phiên bản phần mềm của máy này (giao thức {got}) không còn đồng bộ được với Trung tâm "
        f"(cần giao thức {PROTOCOL_MIN}–{PROTOCOL_MAX}). Hãy cài YTCS Desktop {__version__} trở lên từ Trung tâm.",
        f"This device's software (protocol {got_en}) can no longer sync with the centre (protocol "
        f"{PROTOCOL_MIN}–{PROTOCOL_MAX} needed). Install YTCS Desktop {__version__} or newer from the centre.")


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"Gói dữ liệu quá lớn (tối đa {limit // 1024} KB).",
                    f"Request body too large (at most {limit // 1024} KB).")


def headers_too_large() -> ApiError:
    return ApiError(431, "headers_too_large", "Phần đầu yêu cầu quá lớn.", "Request header fields too large.")


def bad_request() -> ApiError:
    return ApiError(400, "bad_http", "Yêu cầu HTTP không hợp lệ.", "Invalid HTTP request.")


def bad_value(table: str, column: str, expected: str) -> ApiError:
    """A value of a pushed row that its column cannot hold (a client bug or a forged request: the station's
    own database never holds one)."""
    return ApiError(400, "bad_value", f"Giá trị của trường {column} (bảng {table}) không đúng kiểu: cần {expected}.",
                    f"The value of {table}.{column} has the wrong type: {expected} expected.")


def station_id_taken(station_id: str | None) -> ApiError:
    shown = station_id or "?"
    return ApiError(409, "station_id_taken",
                    f"Mã định danh {shown} của cơ sở dữ liệu trên máy này đã thuộc một trạm khác ở Trung tâm. "
                    "Hãy đăng nhập bằng tài khoản của trạm đó, hoặc nhờ quản trị Trung tâm kiểm tra đăng ký trạm.",
                    f"The id {shown} of the database on this computer already belongs to another station at the "
                    "centre. Sign in with that station's account, or ask the centre's administrator to check the "
                    "station's registration.")


BUSY_RETRY_S = 5  # what a busy server asks the client to wait


def busy() -> ApiError:
    return ApiError(503, "server_busy", "Máy chủ Trung tâm đang bận; phần mềm sẽ tự thử lại sau ít giây.",
                    "The centre's server is busy; the software tries again in a few seconds.",
                    retry_after=BUSY_RETRY_S)
