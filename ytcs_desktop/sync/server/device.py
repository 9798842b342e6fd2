"""The authenticated caller of a request (auth.py finds it from the bearer token; push, pull and the
permissions read it). Its own module so the permissions need not import the sign-in code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Device:
    """The authenticated caller of a request."""

    id: str
    username: str
    role: str  # station|centre
    station_id: str | None  # the station a station device writes for; None for the centre
    station_key: str
    acked_seq: int
    acked_mutation: str | None
    clock_suspect: bool
