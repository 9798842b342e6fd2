"""This centre desktop's link to the centre's server: its address, device token and certificate check, and
one GET with them. Run on the network pool, never on the GUI thread."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.messages import msg
from ytcs_desktop.ui.context import AppContext


def centre_link(ctx: AppContext) -> tuple[str, str, str | bool]:
    """The centre's address, this desktop's device token and what its certificate is checked against;
    a refusal in the user's words where this computer is not signed in. Runs on a worker."""
    from ytcs_desktop.sync.client import AuthError, trusted_ca
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
    from ytcs_desktop.ui.sync_controller import load_token

    db = ctx.db
    url = db.meta(SERVER_URL)
    token = load_token(url, db.meta(DEVICE_ID), db.path.parent) if url else None
    if not url or not token:
        raise AuthError("auth_required", msg("auth_required.centre_link"))
    return str(url), token, trusted_ca(db.path.parent)


def centre_call(ctx: AppContext, path: str) -> Any:
    """GET one centre endpoint with this desktop's device token; None when no centre is set up here.
    Runs on a worker (the network pool), never on the GUI thread."""
    from ytcs_desktop.sync.client import SyncClient
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
    from ytcs_desktop.ui.sync_controller import load_token

    db = ctx.db
    url = db.meta(SERVER_URL)
    token = load_token(url, db.meta(DEVICE_ID), db.path.parent) if url else None
    if not url or not token:
        return None
    client = SyncClient(db, url, token, max_retries=1)
    try:
        return client.request("GET", path, retry=False)
    finally:
        client.close()
