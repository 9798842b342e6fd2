"""Refusals the server answers with a 4xx: a machine-readable code and a message in both languages."""

from __future__ import annotations

from ytcs_desktop import __version__
from ytcs_desktop.messages import PerLanguage, Refusal, msg, plain
from ytcs_desktop.sync.protocol import PROTOCOL_MAX, PROTOCOL_MIN


class ApiError(Refusal):
    def __init__(self, status: int, code: str, text: PerLanguage, *, retry_after: int | None = None) -> None:
        super().__init__(code, text)
        self.status = status
        self.retry_after = retry_after  # seconds, for a 429: also the Retry-After header

    def body(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {"code": self.code, "message_vi": self.vi, "message_en": self.en}
        if self.retry_after is not None:
            out["retry_after_s"] = self.retry_after
        return out

    def headers(self) -> dict[str, str] | None:
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None


def auth_required() -> ApiError:
    return ApiError(401, "auth_required", msg("auth_required"))


def token_invalid() -> ApiError:
    return ApiError(401, "token_invalid", msg("token_invalid"))


def device_revoked() -> ApiError:
    return ApiError(401, "device_revoked",
                    msg("device_revoked.device_revoked"))


def forbidden_role() -> ApiError:
    return ApiError(403, "forbidden_role", msg("forbidden_role"))


def protocol_unsupported(version: int | None) -> ApiError:
    """426 that says which side to upgrade: this device (older than the window) or the centre (a device
    newer than the centre's server)."""
    if version is not None and version > PROTOCOL_MAX:
        return ApiError(
            426, "centre_outdated",
            msg("centre_outdated", version=__version__, protocol=version))
    got = msg("protocol_unsupported.none") if version is None else plain(str(version))
    return ApiError(426, "protocol_unsupported",
                    msg("protocol_unsupported", got=got, low=PROTOCOL_MIN, high=PROTOCOL_MAX, version=__version__))


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", msg("body_too_large", limit=limit // 1024))


def headers_too_large() -> ApiError:
    return ApiError(431, "headers_too_large", msg("headers_too_large"))


def bad_request() -> ApiError:
    return ApiError(400, "bad_http", msg("bad_http"))


def bad_value(table: str, column: str, expected: PerLanguage) -> ApiError:
    """A value of a pushed row that its column cannot hold (a client bug or a forged request: the station's
    own database never holds one)."""
    return ApiError(400, "bad_value", msg("bad_value", column=column, table=table, expected=expected))


def station_id_taken(station_id: str | None) -> ApiError:
    shown = station_id or "?"
    return ApiError(409, "station_id_taken",
                    msg("station_id_taken", shown=shown))


BUSY_RETRY_S = 5  # what a busy server asks the client to wait


def busy() -> ApiError:
    return ApiError(503, "server_busy", msg("server_busy"),
                    retry_after=BUSY_RETRY_S)
