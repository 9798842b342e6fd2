"""This computer's account at the centre, over the network: change one's own password, and the centre's
administration calls (disable, enable, reset a password, revoke a computer) made from a centre desktop.

Like `client.login`, every answer that is not 200 becomes a `SyncError` carrying the centre's code and
both messages; a 429 (too many failed tries) is a refusal to show, never a network fault to retry.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import requests

from ytcs_desktop.messages import given
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import (
    AuthError,
    ProtocolTooOld,
    ServerRefused,
    certificate_error,
    network_error,
    ssl_reason,
)


def call(server_url: str, token: str, method: str, path: str, body: dict[str, Any] | None = None, *,
         verify: str | bool = True, timeout: float = 30.0) -> Any:
    """One authenticated API call; the decoded answer, or the SyncError that says why not."""
    headers = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    try:
        r = requests.request(method, server_url.rstrip("/") + path, json=body, headers=headers, timeout=timeout,
                             verify=verify)
    except requests.exceptions.SSLError as exc:
        raise certificate_error(ssl_reason(exc)) from exc
    except requests.RequestException as exc:
        raise network_error(str(exc)) from exc
    try:
        answer = r.json() if r.content else {}
    except ValueError:
        answer = {}
    if r.status_code == 200:
        return answer
    if r.status_code >= 500 or not isinstance(answer, dict):
        raise network_error(f"HTTP {r.status_code}")
    code = answer.get("code", f"http_{r.status_code}")
    vi, en = answer.get("message_vi", ""), answer.get("message_en", "")
    if r.status_code == 401:
        raise AuthError(code, given(vi or en, en))
    if r.status_code == 426:
        raise ProtocolTooOld(code, given(vi or en, en))
    raise ServerRefused(code, given(vi or en, en))


def change_password(server_url: str, token: str, current: str, new: str, *, verify: str | bool = True) -> None:
    call(server_url, token, "POST", f"{p.API}/auth/password",
         p.PasswordChange(current_password=current, new_password=new).model_dump(), verify=verify)


def set_active(server_url: str, token: str, username: str, active: bool, *, verify: str | bool = True) -> None:
    action = "enable" if active else "disable"
    call(server_url, token, "POST", f"{p.API}/centre/users/{quote(username, safe='')}/{action}", verify=verify)


def reset_password(server_url: str, token: str, username: str, new: str, *, verify: str | bool = True) -> None:
    call(server_url, token, "POST", f"{p.API}/centre/users/{quote(username, safe='')}/password",
         p.PasswordReset(new_password=new).model_dump(), verify=verify)


def revoke_device(server_url: str, token: str, device_id: str, *, verify: str | bool = True) -> None:
    call(server_url, token, "POST", f"{p.API}/centre/devices/{quote(device_id, safe='')}/revoke", verify=verify)
