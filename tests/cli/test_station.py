"""`ytcs station profile | set`: a station made with `ytcs init` fills in its own profile, and every
form it prints is then headed with its parent organisation; the handover minutes name its licence."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import Runner, snapshot
from ytcs_desktop.store.db import Database

PROFILE = ["--parent-org", "UBND phường An Phú", "--commune", "An Phú", "--licence-no", "125/BD-GPHĐ",
           "--licence-date", "2019-06-01", "--licence-issuer", "Sở Y tế tỉnh Bình Dương",
           "--satellite-posts", "Điểm trạm khu phố 1; Điểm trạm khu phố 5", "--head-name", "BS. Nguyễn Văn An",
           "--contact-name", "Lê Thị Mai", "--contact-phone", "0903 111 222", "--address", "12 Nguyễn Trãi",
           "--phone", "0274 3822 123"]


def test_a_new_station_sets_its_whole_profile(station: Runner) -> None:
    done = station("station", "set", *PROFILE)
    assert done.code == 0, done.err
    assert "Đã cập nhật hồ sơ trạm TYT-AP" in done.out
    shown = station("station", "profile", "--format", "json")
    assert shown.code == 0, shown.err
    data = json.loads(shown.out)
    assert data["parent_org"] == "UBND phường An Phú"
    assert (data["licence_no"], data["licence_date"], data["licence_issuer"]) == (
        "125/BD-GPHĐ", "2019-06-01", "Sở Y tế tỉnh Bình Dương")
    assert data["satellite_posts"] == ["Điểm trạm khu phố 1", "Điểm trạm khu phố 5"]
    assert (data["contact_phone"], data["phone"]) == ("0903111222", "02743822123")
    assert data["bound_to_centre"] is False
    text = station("station", "profile").out
    assert "Cơ quan chủ quản        UBND phường An Phú" in text
    assert "Ngày cấp giấy phép      01/06/2019" in text
    assert "Mã trạm                 TYT-AP  (do Trung tâm quản lý)" in text


def test_once_bound_to_a_centre_the_centre_owns_the_header(station: Runner, data_dir: Path) -> None:
    db = Database.open(data_dir / "ytcs.sqlite3")
    with db.transaction() as s:
        db.set_meta(s, "sync_server_url", "https://ttyt-thuanan.example.vn")
    db.close()
    before = snapshot(station)
    refused = station("station", "set", "--head-name", "BS. An", "--parent-org", "UBND phường An Phú")
    assert refused.code == 2
    assert refused.err_lines == [
        "ytcs: Cơ quan chủ quản (parent_org) do Trung tâm Y tế quản lý: trạm không sửa được, hãy đề nghị "
        "Trung tâm cập nhật."]
    assert snapshot(station) == before  # nothing written, not even the head's name
    assert station("station", "set", "--head-name", "BS. An").code == 0
    shown = station("station", "profile", "--lang", "en").out
    assert "Parent organisation       —  (set by the centre)" in shown


@pytest.mark.parametrize(("args", "field_text"), [
    (["--licence-date", "2099-01-01"], "tương lai"),
    (["--licence-date", "31/02/2020"], "31/02/2020"),
    (["--phone", "12345"], "Số điện thoại"),
    (["--population", "-3"], "Dân số"),
    (["--licence-issuer", "S" * 201], "Cơ quan cấp giấy phép dài quá 200"),
    ([], "Không có gì để sửa"),
    (["--station", "TYT-XX", "--phone", "0912345678"], "Không có trạm mã “TYT-XX”"),
])
def test_bad_profile_input_is_one_line_and_exit_2(station: Runner, args: list[str], field_text: str) -> None:
    before = snapshot(station)
    result = station("station", "set", *args)
    assert result.code == 2
    assert len(result.err_lines) == 1 and field_text in result.err, result.err
    assert snapshot(station) == before


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_handover_minutes_of_a_fresh_station_carry_its_header_and_licence(
        ytcs_process: Runner, data_dir: Path, tmp_path: Path) -> None:
    """The station as a user makes it: `ytcs init`, `ytcs station set`, `ytcs report handover`."""
    made = ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú")
    assert made.code == 0, made.err
    assert ytcs_process("station", "set", *PROFILE).code == 0
    parties = tmp_path / "parties.json"
    parties.write_text(json.dumps({"handing_over": [{"name": "Phạm Đức Hưởng", "position": "Y sĩ"}],
                                   "receiving": [{"name": "Lê Ỷ Lan", "position": "Điều dưỡng"}]}), "utf-8")
    out = tmp_path / "ban-giao.pdf"
    printed = ytcs_process("report", "handover", "--from", "2026-01-01", "--to", "2026-01-31",
                           "--parties", str(parties), "--out", str(out))
    assert printed.code == 0, printed.err
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert text.startswith("UBND PHƯỜNG AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TRẠM Y TẾ PHƯỜNG AN PHÚ")
    assert "UBND XÃ/PHƯỜNG" not in text
    assert "An Phú, ngày 31 tháng 01 năm 2026" in text
    assert ("Giấy phép hoạt động số 125/BD-GPHĐ, cấp ngày 01/06/2019, do Sở Y tế tỉnh Bình Dương cấp"
            in text)
