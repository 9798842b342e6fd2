"""`ytcs items import FILE`: CSV (BOM or not, English or Vietnamese headers) and XLSX; a report of
rejected rows; exit 0 when all rows are in, 2 when some were rejected (the good rows are kept)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.cli.conftest import Runner, snapshot


def write(tmp_path: Path, text: str, name: str = "items.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def items_in(ytcs: Runner) -> dict[str, dict[str, object]]:
    export = json.loads(snapshot(ytcs))
    return {row["code"]: row for row in export["tables"]["items"]}


def test_csv_english_headers_all_good(station: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, "code,name,unit,category,min,max,pack_unit,pack_factor\n"
                           "PARA500,Paracetamol 500mg,viên,drug,100,1000,hộp,100\n"
                           "BKT1,Bơm kim tiêm 1ml,cái,supply,200,2000,,\n")
    result = station("items", "import", str(path))
    assert result.code == 0, result.err
    assert result.err == ""
    assert "Đã nhập 2 dòng" in result.out and "0 dòng bị từ chối" in result.out
    items = items_in(station)
    assert items["PARA500"]["min_stock"] == 100 and items["BKT1"]["category"] == "supply"
    again = station("items", "import", str(path), "--lang", "en")
    assert again.code == 0 and "2 rows imported (0 new, 0 updated, 2 unchanged)" in again.out


def test_vietnamese_headers_with_bom_and_a_bad_row(station: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffMã,Tên,Đơn vị,Loại,Số liều/lọ\n"
                           "VX01,Vắc xin BCG,liều,vắc xin,20\n"
                           "T9,,viên,thuốc,\n"
                           "T10,Oresol,gói,thực phẩm,\n"
                           "T11,Vitamin A,viên,thuốc,-1\n")
    result = station("items", "import", str(path))
    assert result.code == 2
    assert "Đã nhập 1 dòng" in result.out
    assert "dòng 3 (T9): Thiếu tên." in result.out
    assert "dòng 4 (T10)" in result.out and "thực phẩm" in result.out
    assert "dòng 5 (T11)" in result.out
    assert len(result.err_lines) == 1 and "đã được nhập" in result.err  # says the good rows are in
    assert set(items_in(station)) == {"VX01"}
    english = station("items", "import", str(path), "--lang", "en")
    assert "row 3 (T9): The name is missing." in english.out
    assert "were imported" in english.err


def test_only_bad_rows_write_nothing(station: Runner, tmp_path: Path) -> None:
    before = snapshot(station)
    path = write(tmp_path, "code,name,unit,category\nA,Một,viên,drug\nA,Hai,viên,drug\n,Ba,viên,drug\n")
    result = station("items", "import", str(path))
    assert result.code == 2 and "lặp lại" in result.out
    assert snapshot(station) == before


def test_xlsx(station: Runner, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã", "Tên", "Đơn vị tính", "Loại", "Tồn tối thiểu"])
    sheet.append(["AMOX500", "Amoxicillin 500mg", "viên", "drug", 300])
    sheet.append(["GANG-M", "Găng tay khám cỡ M", "đôi", "supply", None])
    path = tmp_path / "danh_muc.xlsx"
    book.save(path)
    result = station("items", "import", str(path))
    assert result.code == 0, result.err
    assert items_in(station)["AMOX500"]["min_stock"] == 300


def test_unreadable_files_refused_before_anything(station: Runner, tmp_path: Path) -> None:
    before = snapshot(station)
    cases = [
        str(tmp_path / "missing.csv"),
        str(write(tmp_path, "ten,gia\nX,1\n", "noheader.csv")),
        str(write(tmp_path, "", "empty.csv")),
    ]
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("code,name,unit,category\nX,Thu\xe9c,vi\xean,drug\n".encode("latin-1"))
    cases.append(str(latin))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    cases.append(str(broken))
    for path in cases:
        result = station("items", "import", path)
        assert result.code == 2, path
        assert len(result.err_lines) == 1, result.err
        assert result.out == ""
    assert snapshot(station) == before


def test_help_documents_exit_codes(station: Runner) -> None:
    result = station("items", "import", "--help")
    assert result.code == 0
    assert "Mã thoát: 0" in result.out and "exit 2 when some" in result.out
