"""Catalogue: items upserted by code, every bad row rejected with its row number and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.domain.conftest import outbox_count
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import get_item, import_rows, pack_units, read_rows, upsert_item
from ytcs_desktop.domain.errors import NotFoundError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Item

CENTRE = Actor("Khoa Dược", "centre")

HEADER = "code,name,unit,category,min,max,doses,pack_unit,pack_factor\n"


def write(tmp_path: Path, body: str, name: str = "items.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + body, encoding="utf-8")
    return path


def run_import(db: Database, path: Path):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return import_rows(s, CENTRE, read_rows(path))


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_good_rows_created_then_updated_by_code(station_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "PARA500,Paracetamol 500mg,viên,drug,100,1000,,hộp,100\n"
                 "BCG,Vắc xin BCG,lọ,vaccine,5,20,20,,\n", bom=True)
    report = run_import(station_db, path)
    assert (report.created, report.updated, report.rejected) == (2, 0, [])
    with station_db.read() as s:
        item = get_item(s, "PARA500")
        assert (item.name, item.base_unit, item.category, item.min_stock, item.max_stock) == (
            "Paracetamol 500mg", "viên", "drug", 100, 1000)
        assert item.station_id is None
        assert [(p.name, p.factor) for p in pack_units(s, item)] == [("hộp", 100)]
        assert get_item(s, "BCG").doses_per_vial == 20
    outbox = outbox_count(station_db)
    # The same file again writes nothing (nothing new to sync); a changed name updates one row.
    report = run_import(station_db, path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert outbox_count(station_db) == outbox
    report = run_import(station_db, write(tmp_path, HEADER + "PARA500,Paracetamol 500 mg,viên,drug,100,1000,,,\n"))
    assert (report.created, report.updated) == (0, 1)
    assert count(station_db, Item) == 2
    assert outbox_count(station_db) == outbox + 1


def test_vietnamese_headers_and_semicolons(station_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "Mã;Tên;Đơn vị;Loại;Tồn tối thiểu\nORS;Oresol 245;gói;thuốc;50\nBKT1;Bơm kim tiêm 1ml;cái;"
                 "vật tư;200\n")
    report = run_import(station_db, path)
    assert report.created == 2 and not report.rejected
    with station_db.read() as s:
        assert get_item(s, "BKT1").category == "supply"
        assert get_item(s, "ORS").min_stock == 50


@pytest.mark.parametrize(
    ("line", "reason_en"),
    [
        (",Thiếu mã,viên,drug,,,,,", "code is missing"),
        ("X1,,viên,drug,,,,,", "name is missing"),
        ("X1,Tên,,drug,,,,,", "unit is missing"),
        ("X1,Tên,viên,,,,,,", "category is missing"),
        ("X1,Tên,viên,food,,,,,", "Category “food” is not valid"),
        ("X1,Tên,viên,drug,-1,,,,", "Minimum stock “-1” is not valid"),
        ("X1,Tên,viên,drug,1.5,,,,", "Minimum stock “1.5” is not valid"),
        ("X1,Tên,viên,drug,,abc,,,", "Maximum stock “abc” is not valid"),
        ("X1,Tên,viên,drug,," + "9" * 25 + ",,,", "is not valid"),
        ("X1,Tên,lọ,vaccine,,,-2,,", "Doses per vial “-2” is not valid"),
        ("X1,Tên,viên,drug,10,5,,,", "minimum stock is above the maximum"),
        ("X1,Tên,viên,drug,,,,hộp,", "pack needs both"),
    ],
)
def test_each_bad_row_rejected_and_nothing_written(
    station_db: Database, tmp_path: Path, line: str, reason_en: str
) -> None:
    before = outbox_count(station_db)
    report = run_import(station_db, write(tmp_path, HEADER + line + "\n"))
    assert report.imported == 0
    assert [r.row for r in report.rejected] == [2]
    assert reason_en in report.rejected[0].en
    assert report.rejected[0].vi and report.rejected[0].vi != report.rejected[0].en
    assert count(station_db, Item) == 0
    assert outbox_count(station_db) == before


def test_duplicate_codes_all_rejected_good_rows_kept(station_db: Database, tmp_path: Path) -> None:
    body = HEADER + ("A1,Một,viên,drug,,,,,\nD1,Hai,viên,drug,,,,,\n\nD1,Ba,viên,drug,,,,,\n"
                     "B1,Bốn,cái,supply,x,,,,\n")
    report = run_import(station_db, write(tmp_path, body))
    assert report.created == 1
    assert [(r.row, r.code) for r in report.rejected] == [(3, "D1"), (5, "D1"), (6, "B1")]
    assert "dòng 3, 5" in report.rejected[0].vi
    with station_db.read() as s:
        assert get_item(s, "A1").name == "Một"
        with pytest.raises(NotFoundError):
            get_item(s, "D1")


def test_xlsx(station_db: Database, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã", "Tên", "Đơn vị tính", "Loại", "Số liều/lọ"])
    sheet.append(["OPV", "Vắc xin bại liệt uống (bOPV)", "lọ", "vaccine", 20])
    sheet.append(["AMOX500", "Amoxicillin 500mg", "viên", "drug", None])
    sheet.append(["BAD", "Sai", "viên", "drug", 3])
    path = tmp_path / "items.xlsx"
    book.save(path)
    report = run_import(station_db, path)
    assert report.created == 2
    assert [(r.row, r.code) for r in report.rejected] == [(4, "BAD")]
    assert "vaccines only" in report.rejected[0].en


def test_missing_file_and_bad_header(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as missing:
        read_rows(tmp_path / "none.csv")
    assert "Không tìm thấy" in missing.value.vi
    with pytest.raises(ValidationError) as header:
        read_rows(write(tmp_path, "ma_so,ten_goi\nA,B\n"))
    assert header.value.code == "bad_header"


def test_upsert_item_validates(station_db: Database) -> None:
    with station_db.transaction() as s:
        item, outcome = upsert_item(s, CENTRE, {"code": "VITA", "name": "Vitamin A 200.000 IU", "base_unit": "viên",
                                                 "category": "drug", "min_stock": 1000})
        assert outcome == "created" and item.min_stock == 1000
        with pytest.raises(ValidationError):
            upsert_item(s, CENTRE, {"code": "X", "name": "X", "base_unit": "viên", "category": "drug",
                                    "min_stock": -5})


def test_deleted_item_comes_back_on_import(station_db: Database, tmp_path: Path) -> None:
    with station_db.transaction() as s:
        item, _ = upsert_item(s, CENTRE, {"code": "ORS", "name": "Oresol", "base_unit": "gói", "category": "drug"})
        item.deleted = True
    report = run_import(station_db, write(tmp_path, HEADER + "ORS,Oresol 245,gói,drug,,,,,\n"))
    assert (report.created, report.updated) == (0, 1)
    with station_db.read() as s:
        assert get_item(s, "ORS").name == "Oresol 245"
    assert count(station_db, Item) == 1
