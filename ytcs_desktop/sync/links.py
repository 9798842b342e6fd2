"""What a centre address says about the link, without importing the network stack (the first-run dialog
reads it as the user types)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

__all__ = ["PLAIN_HTTP_EN", "PLAIN_HTTP_VI", "plain_http_risk"]


def plain_http_risk(url: str) -> bool:
    """A password would travel unencrypted: plain http to an address other than this computer."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


PLAIN_HTTP_VI = ("Cảnh báo: địa chỉ Trung tâm dùng http (không mã hoá): mật khẩu sẽ đi qua mạng dưới dạng chữ "
                 "thường. Hãy dùng https nếu Trung tâm hỗ trợ.")
PLAIN_HTTP_EN = ("Warning: the centre's address uses http (not encrypted): the password crosses the network in "
                 "clear. Use https if the centre offers it.")
