"""What a centre address says about the link, without importing the network stack (the first-run dialog
reads it as the user types)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from ytcs_desktop.messages import msg

__all__ = ["PLAIN_HTTP", "plain_http_risk"]


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


PLAIN_HTTP = msg("plain_http")
