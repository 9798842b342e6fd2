"""Who is acting: recorded on every transition and checked against the role's permissions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ytcs_desktop.messages import Message, msg

Role = Literal["station", "centre"]

# Each side as named in a sentence ("Only the health centre may …").
ROLE_NAMES: dict[Role, Message] = {"station": msg("word.role_station"), "centre": msg("word.role_centre")}


@dataclass(frozen=True)
class Actor:
    """The person (or program) taking an action.

    `duties` are the person's roles on their side (domain/permissions.py DUTIES). `None` is a system actor
    that holds every duty of its side: the demo builder, migrations, tests and databases that have no
    sign-in accounts yet (made before accounts existed). The window and the command line build an actor
    with the signed-in person's own duties as soon as the database has an account (ui/app.py,
    cli/common.py), so a person never acts with duties they were not given."""

    name: str
    role: Role
    station_id: str | None = None  # the station a station-role actor works at
    duties: frozenset[str] | None = None
    username: str | None = None  # the signed-in account; None for a system actor
