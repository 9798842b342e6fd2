"""Every form of the registry, on the edge-case set and on a period with no movement: a PDF with the
NĐ 30 header and the embedded font, or a clear refusal when the document does not exist."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.reports import dataset
from tests.reports.conftest import Fixture, assert_font_embedded, assert_page_numbers, flat, pdf_text
from tests.reports.helpers import build, pdf
from tests.reports.test_handover import PARTIES
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.reports.registry import REPORTS

PERIODS = {"edge": (dataset.FROM, dataset.TO), "empty": (dt.date(2026, 3, 1), dt.date(2026, 3, 31))}
ABSENT = {"stock-count", "requisition", "fridge-temperature"}  # documents the edge set does not hold


@pytest.mark.parametrize("period", list(PERIODS))
@pytest.mark.parametrize("name", list(REPORTS))
def test_form_on_edge_data(edge: Fixture, name: str, period: str) -> None:
    date_from, date_to = PERIODS[period]
    parties = dict(PARTIES, handing_over=[{"name": p, "position": "Điều dưỡng"} for p in dataset.PEOPLE])
    try:
        data = build(edge, name, date_from, date_to, parties=parties)
    except NotFoundError as exc:
        assert name in ABSENT, exc.en
        assert exc.vi and exc.en
        return
    out, pages = pdf(edge, name, data, f"-{period}")
    text = pdf_text(out)
    f = flat(text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in f and "Độc lập - Tự do - Hạnh phúc" in f
    assert f"An Phú, ngày {date_to.day:02d} tháng {date_to.month:02d} năm {date_to.year}" in f
    assert "(Ký, ghi rõ họ tên)" in text
    assert_font_embedded(out)
    if pages > 1:
        assert_page_numbers(out)
    if name == "handover":
        for p in dataset.PEOPLE:
            assert p in text
