"""Rendering through the registry, as the CLI and the app do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.reports.conftest import Fixture
from ytcs_desktop.reports.excel import write_xlsx
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.reports.registry import ReportRequest, get


def build(fx: Fixture, name: str, date_from: dt.date, date_to: dt.date, **kw: Any) -> Any:
    with fx.db.read() as s:
        return get(name).data(s, ReportRequest(fx.sid, date_from, date_to, **kw))


def pdf(fx: Fixture, name: str, data: Any, suffix: str = "") -> tuple[Path, int]:
    out = fx.out / f"{name}{suffix}.pdf"
    pages = write_pdf(get(name).document(data), out)
    return out, pages


def xlsx(fx: Fixture, name: str, data: Any, suffix: str = "") -> Path:
    spec = get(name)
    assert spec.sheets is not None
    out = fx.out / f"{name}{suffix}.xlsx"
    write_xlsx(spec.sheets(data), out, spec.title.text("vi"))
    return out
