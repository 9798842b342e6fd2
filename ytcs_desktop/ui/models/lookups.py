"""Reference lists for pickers: the window's name for the domain's look-ups (domain/lookups.py)."""

from __future__ import annotations

from ytcs_desktop.domain.lookups import Choice, fridges, items, staff, stations

__all__ = ["Choice", "fridges", "items", "staff", "stations"]
