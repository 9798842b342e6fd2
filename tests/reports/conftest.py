"""Fixtures for the form tests: station databases filled once per run (read only), and PDF read-back helpers."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reports import dataset
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station


@pytest.fixture(scope="session", autouse=True)
def _one_application(qapp: object) -> object:
    """The forms paint on pytest-qt's QApplication, so a worker that runs these tests and then the
    window tests has one kind of application, as the desktop program does."""
    return qapp


@dataclass
class Fixture:
    db: Database
    built: dataset.Built
    out: Path

    @property
    def sid(self) -> str:
        return self.built.station_id


def _new_db(path: Path) -> Database:
    sid = new_id()
    db = Database.create(path, station_id=sid, role="station")
    with db.transaction() as s:
        s.add(Station(id=sid, station_id=sid, code="TYT-AP", name="Trạm Y tế phường An Phú"))
    return db


@pytest.fixture(scope="session")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    out = tmp_path_factory.mktemp("realistic")
    db = _new_db(out / "station.sqlite3")
    built = dataset.realistic(db)
    yield Fixture(db, built, out)
    db.close()


@pytest.fixture(scope="session")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    out = tmp_path_factory.mktemp("edge")
    db = _new_db(out / "station.sqlite3")
    built = dataset.edge(db)
    yield Fixture(db, built, out)
    db.close()


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    return subprocess.run([*cmd, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(path: Path) -> list[str]:
    """Text of each page (pdftotext separates pages with a form feed)."""
    pages = pdf_text(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def fonts_embedded(path: Path) -> list[tuple[str, bool]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append((parts[0], parts[-5] == "yes"))
    return rows


def assert_font_embedded(path: Path) -> None:
    fonts = fonts_embedded(path)
    assert fonts, "no font in the PDF"
    assert all(name.split("+")[-1].startswith("LiberationSerif") for name, _ in fonts), fonts
    assert all(emb for _, emb in fonts), fonts


def flat(text: str) -> str:
    """Whitespace collapsed, for phrases that may wrap or be spaced out by the layout."""
    return re.sub(r"\s+", " ", text)


def numbers_in_line(text: str, key: str) -> list[list[str]]:
    """The number-like tokens of every line containing `key`."""
    return [re.findall(r"[+-]?\d[\d.,]*", line.split(key, 1)[1]) for line in text.splitlines() if key in line]


def vn(n: int, signed: bool = False) -> str:
    s = f"{abs(n):,}".replace(",", ".")
    if n < 0:
        return "-" + s
    return ("+" + s) if signed and n > 0 else s


def assert_header(text: str, title: str, date_line: str) -> None:
    f = flat(text)
    for phrase in ("UBND PHƯỜNG AN PHÚ", "TRẠM Y TẾ PHƯỜNG AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", date_line, title):
        assert phrase in f, phrase


def assert_page_numbers(path: Path) -> None:
    """No number on page 1; page n (n >= 2) starts with its number."""
    pages = pdf_pages(path)
    first = [ln.strip() for ln in pages[0].splitlines() if ln.strip()]
    assert first[0] != "1"
    for n, page in enumerate(pages[1:], start=2):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert lines[0] == str(n), (n, lines[:2])
