"""Parsing and checking of raw input shared by the CLI, the UI and imports (one message everywhere)."""

from __future__ import annotations

import datetime as dt

from ytcs_desktop.dates import parse_typed_day
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.messages import PerLanguage, capital, msg


def parse_date(text: str, field: str = "date") -> dt.date:
    value = (text or "").strip()
    day = parse_typed_day(value)
    if day is not None:
        return day
    raise ValidationError(
        "bad_date",
        msg("bad_date.parse_date", value=value),
        field=field,
    )


def positive_quantity(value: object, field: str = "quantity") -> int:
    try:
        qty = int(str(value).strip()) if not isinstance(value, int) else value
        if isinstance(value, float) and value != int(value):
            raise ValueError
    except ValueError:
        qty = None
    if qty is None or qty <= 0:
        raise ValidationError(
            "bad_quantity",
            msg("bad_quantity", value=value),
            field=field,
        )
    return qty


def required_text(value: str | None, field: str, label: PerLanguage, max_len: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("required", msg("required.required_text", label=label), field=field)
    if len(text) > max_len:
        raise ValidationError("too_long", msg("too_long.required_text", label=label, label_capital=capital(label),
                                              max_len=max_len), field=field)
    return text
