"""The account endpoints beside sign-in: a person changes their own password; the centre's administrator
disables and enables accounts, resets passwords and revokes computers; a station's computer sends the
accounts its head of station made and reads whether the station's accounts are in use
(sync/server/station_accounts.py). Every refusal is a 4xx with a
machine-readable code (sync/server/errors.py)."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations, which name the
# dependencies given to add_account_routes (locals, unknown to a deferred evaluation).
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Request

from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import admin, station_accounts
from ytcs_desktop.sync.server.auth import change_own_password
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.store import ServerStore

Ok = dict[str, bool]
Name = Annotated[str, Path(min_length=1, max_length=100)]


def client_address(request: Request) -> str:
    """The caller's address as uvicorn saw it (behind a proxy on this machine: X-Forwarded-For)."""
    return request.client.host if request.client else ""


def add_account_routes(app: FastAPI, store: ServerStore, device: Callable[..., Device],
                       administrator: Callable[..., Awaitable[Device]],
                       errors: dict[int | str, dict[str, Any]]) -> None:
    @app.post("/api/v1/auth/password", responses=errors, tags=["auth"], summary="Change one's own password")
    def change_password(body: p.PasswordChange, request: Request, d: Annotated[Device, Depends(device)]) -> Ok:
        change_own_password(store, d, body.current_password, body.new_password, address=client_address(request))
        return {"ok": True}

    @app.post("/api/v1/centre/users/{username}/disable", responses=errors, tags=["centre"])
    def disable(username: Name, d: Annotated[Device, Depends(administrator)]) -> Ok:
        with store.write() as conn:
            admin.set_active(conn, username, False, acting=d.username)
        return {"ok": True}

    @app.post("/api/v1/centre/users/{username}/enable", responses=errors, tags=["centre"])
    def enable(username: Name, d: Annotated[Device, Depends(administrator)]) -> Ok:
        with store.write() as conn:
            admin.set_active(conn, username, True, acting=d.username)
        return {"ok": True}

    @app.post("/api/v1/centre/users/{username}/password", responses=errors, tags=["centre"],
              summary="Reset an account's password")
    def reset(username: Name, body: p.PasswordReset, _d: Annotated[Device, Depends(administrator)]) -> Ok:
        with store.write() as conn:
            admin.reset_password(conn, username, body.new_password)
        return {"ok": True}

    @app.post("/api/v1/centre/devices/{device_id}/revoke", responses=errors, tags=["centre"])
    def revoke(device_id: Annotated[str, Path(min_length=1, max_length=36)],
               _d: Annotated[Device, Depends(administrator)]) -> Ok:
        with store.write() as conn:
            admin.revoke_device(conn, device_id)
        return {"ok": True}

    @app.post("/api/v1/sync/accounts", response_model=p.StationUser, responses=errors, tags=["sync"],
              summary="Make at the centre an account the head of station made on a PC")
    def confirm_account(body: p.StationAccount, d: Annotated[Device, Depends(device)]) -> p.StationUser:
        with store.write() as conn:
            return station_accounts.confirm_account(conn, d, body)

    @app.get("/api/v1/sync/accounts", response_model=list[p.StationUser], responses=errors, tags=["sync"],
             summary="The accounts of this computer's station and whether each is in use")
    def station_users(d: Annotated[Device, Depends(device)]) -> list[p.StationUser]:
        with store.read() as conn:
            return station_accounts.station_users(conn, d)
