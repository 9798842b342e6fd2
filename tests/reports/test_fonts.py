"""The bundled font: embedded in every PDF; without it, or without a glyph, nothing is printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.reports import dataset
from tests.reports.conftest import Fixture
from tests.reports.helpers import build
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.reports import fonts
from ytcs_desktop.reports.document import Document, Text
from ytcs_desktop.reports.output import ensure_gui_app, write_pdf
from ytcs_desktop.reports.registry import get


def test_every_vietnamese_letter_is_covered() -> None:
    ensure_gui_app()
    font = fonts.load()
    assert font.family == "Liberation Serif"
    assert font.missing([dataset.DIACRITICS, *dataset.PEOPLE, "°C ± – … “ ”"]) == []
    assert font.missing(["漢"]) == ["漢"]


def test_missing_font_refuses_to_print(tmp_path: Path, realistic: Fixture) -> None:
    ensure_gui_app()
    empty = tmp_path / "fonts"
    empty.mkdir()
    doc = get("stock-movement").document(build(realistic, "stock-movement", dataset.FROM, dataset.TO))
    out = tmp_path / "x.pdf"
    with pytest.raises(fonts.FontError) as err:
        write_pdf(doc, out, font_dir=empty)
    assert "Không nạp được phông chữ" in err.value.vi and "Cannot load the form font" in err.value.en
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_damaged_font_refuses_to_print(tmp_path: Path) -> None:
    ensure_gui_app()
    bad = tmp_path / "fonts"
    shutil.copytree(fonts.font_dir(), bad)
    (bad / "LiberationSerif-Bold.ttf").write_bytes(b"not a font")
    with pytest.raises(fonts.FontError):
        write_pdf(Document(None, [Text("x")]), tmp_path / "x.pdf", font_dir=bad)


def test_character_without_glyph_refuses_to_print(tmp_path: Path) -> None:
    ensure_gui_app()
    out = tmp_path / "x.pdf"
    with pytest.raises(fonts.FontError) as err:
        write_pdf(Document(None, [Text("Thuốc 漢方 nhập khẩu")]), out)
    assert "U+6F22" in err.value.en and "không in" in err.value.vi
    assert not out.exists()


def test_unwritable_output_is_a_clear_refusal(tmp_path: Path) -> None:
    ensure_gui_app()
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    with pytest.raises(DomainError) as err:
        write_pdf(Document(None, [Text("x")]), not_a_folder / "x.pdf")
    assert "Không ghi được" in err.value.vi and "Cannot write" in err.value.en
