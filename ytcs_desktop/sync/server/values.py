"""What each column of a pushed row may hold, read from the station's own models (one place for the
types: the model). A value its column cannot hold comes only from a broken or forged client, since
the station's database never holds one: the push is refused whole with 400 `bad_value`, naming the
column, before anything is stored (it once reached the database and answered 500).

The checks follow what a station's SQLite hands the capture triggers: text columns (strings, dates,
moments) hold strings; integer, boolean and number columns hold JSON numbers (booleans are 0/1),
integers within 64 bits and numbers finite. NULL is allowed everywhere (NOT NULL is the station's).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Float, Integer, Numeric, Table, TypeDecorator

from ytcs_desktop.messages import msg
from ytcs_desktop.store import models  # noqa: F401  (registers every table)
from ytcs_desktop.store.base import Base
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import errors

TEXT, NUMBER = "text", "number"
KEY_LENGTH = 36  # row and station ids: the server's key columns hold 36 characters
EXPECTED = {TEXT: msg("bad_value.text"), NUMBER: msg("bad_value.number")}


def _kind(column_type: Any) -> str:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return NUMBER if isinstance(column_type, Integer | Boolean | Float | Numeric) else TEXT


def _load() -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__syncable__", False):
            table: Table = cls.__table__
            kinds[table.name] = {c.name: _kind(c.type) for c in table.columns}
    return kinds


KINDS = _load()


def _fits(kind: str, value: Any) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -p.INT64_MAX - 1 <= value <= p.INT64_MAX
    return isinstance(value, float) and math.isfinite(value)


def check_row(table: str, fields: dict[str, Any]) -> None:
    """Raise 400 `bad_value` for the first value its column cannot hold. Unknown tables and columns are
    left to the per-change refusals (permissions.py), which the station shows on the record."""
    kinds = KINDS.get(table)
    if kinds is None:
        return
    for name, value in fields.items():
        kind = kinds.get(name)
        if kind is None or value is None:
            continue
        if not _fits(kind, value):
            raise errors.bad_value(table, name, EXPECTED[kind])
    for key in ("id", "station_id"):
        value = fields.get(key)
        if isinstance(value, str) and len(value) > KEY_LENGTH:
            raise errors.bad_value(table, key, msg("bad_value.key_length", limit=KEY_LENGTH))


_TEXT_TYPES = frozenset({str, type(None)})
_NUMBER_TYPES = frozenset({int, float, bool, type(None)})


def check_columns(table: str, names: list[str], columns: list[list[Any]]) -> None:
    """`check_row` for a column-major insert group, a column at a time (the types of a column are
    gathered in one pass in C: about a tenth of the cost of checking row by row)."""
    kinds = KINDS.get(table)
    if kinds is None:
        return
    for name, column in zip(names, columns, strict=True):
        kind = kinds.get(name)
        if kind is None:
            continue
        types = set(map(type, column))
        if kind == TEXT:
            fits = types <= _TEXT_TYPES
        else:
            fits = types <= _NUMBER_TYPES
            if fits and int in types:
                ints = column if len(types) == 1 else [v for v in column if type(v) is int]
                fits = min(ints) >= -p.INT64_MAX - 1 and max(ints) <= p.INT64_MAX
            if fits and float in types:
                fits = all(map(math.isfinite, (v for v in column if type(v) is float)))
        if not fits:
            raise errors.bad_value(table, name, EXPECTED[kind])
        if name in ("id", "station_id") and str in types:
            texts = column if len(types) == 1 else [v for v in column if type(v) is str]
            if max(map(len, texts)) > KEY_LENGTH:
                raise errors.bad_value(table, name, msg("bad_value.key_length", limit=KEY_LENGTH))


def check_positions(seqs: list[Any]) -> bool:
    """Whether every outbox position is an integer the databases hold (0 … 2⁶³−1)."""
    if not seqs:
        return True
    return set(map(type, seqs)) == {int} and min(seqs) >= 0 and max(seqs) <= p.INT64_MAX


def rows_where(column: list[Any], test: Callable[[Any], bool]) -> set[int]:
    """Positions of the values of a checked column (`check_columns`: scalars, so hashable, and equal values
    fare alike) that pass `test`, which sees each distinct value once."""
    hits = {v for v in set(column) if test(v)}
    if not hits:
        return set()
    return {i for i, v in enumerate(column) if v in hits}
