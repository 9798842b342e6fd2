"""Forms printed at the centre (a database with role "centre", every station's rows) are the centre's:
headed with its parent body and its name, signed by its director; the registers name each row's
station and print one station, several or all."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reports.conftest import flat, pdf_text
from ytcs_desktop import cli
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.stations import create_centre, create_station
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.reports.registry import ReportRequest, get
from ytcs_desktop.store.db import Database

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# The requests' day is their day in Việt Nam (UTC+7), also when this machine's clock runs on UTC past 17:00.
TODAY = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
REQUESTS = {"TYT-AP": ["Hội chẩn ca viêm phổi nặng", "Tập huấn tiêm chủng"],
            "TYT-BH": ["Chuyển giao kỹ thuật khâu vết thương"]}


@dataclass
class Centre:
    db: Database
    ids: dict[str, str]  # station code -> id
    out: Path


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Centre]:
    folder = tmp_path_factory.mktemp("centre")
    db = Database.create(folder / "ytcs.sqlite3", role="centre")
    ids: dict[str, str] = {}
    with db.transaction() as s:
        ttyt = create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", province="tỉnh Bình Dương")
        for code, name in (("TYT-AP", "Trạm Y tế phường An Phú"), ("TYT-BH", "Trạm Y tế phường Bình Hòa")):
            ids[code] = create_station(s, code=code, name=name, centre_id=ttyt.id, parent_org=f"UBND {name[9:]}").id
    with db.transaction() as s:
        for code, titles in REQUESTS.items():
            station = Actor("Nguyễn Thị Lan", "station", ids[code])
            for title in titles:
                move(s, station, create_request(s, station, kind="consultation", title=title).id, "submitted")
    yield Centre(db, ids, folder)
    db.close()


def printed(c: Centre, name: str, stations: str | tuple[str, ...] | None, suffix: str) -> str:
    spec = get(name)
    with c.db.read() as s:
        data = spec.data(s, ReportRequest(stations, TODAY.replace(day=1), TODAY))
    out = c.out / f"{name}-{suffix}.pdf"
    write_pdf(spec.document(data), out)
    return pdf_text(out)


def test_support_register_at_the_centre_is_the_centres_and_names_each_station(centre: Centre) -> None:
    text = printed(centre, "support-register", None, "all")
    f = flat(text)
    assert text.lstrip().startswith("SỞ Y TẾ TỈNH BÌNH DƯƠNG")
    assert "TRUNG TÂM Y TẾ KHU VỰC THUẬN AN" in f
    assert f"Thuận An, ngày {TODAY:%d} tháng {TODAY:%m} năm {TODAY:%Y}" in f
    assert "SỔ THEO DÕI HỖ TRỢ CHUYÊN MÔN" in f
    assert "PHƯỜNG AN PHÚ" not in f.split("SỔ THEO DÕI")[0]  # not headed with the first station
    assert "GIÁM ĐỐC" in f and "TRƯỞNG PHÒNG" in f and "KẾ HOẠCH – NGHIỆP VỤ" in f and "TRƯỞNG TRẠM" not in f
    assert "Trạm" in text.split("Nội dung")[0]  # the station column's heading
    for code, titles in REQUESTS.items():
        place = "An Phú" if code == "TYT-AP" else "Bình Hòa"
        lines = text.splitlines()
        for title in titles:
            at = next(i for i, ln in enumerate(lines) if title[:15] in ln)
            row = " ".join(lines[at:at + 2])  # a row may wrap onto a second line
            assert "TYT phường" in lines[at] and all(word in row for word in place.split()), (title, row)
    assert "Tổng cộng: 3 yêu cầu" in f


def test_the_station_filter_keeps_only_that_stations_rows(centre: Centre) -> None:
    f = flat(printed(centre, "support-register", (centre.ids["TYT-BH"],), "bh"))
    assert "Chuyển giao kỹ thuật" in f and "Bình" in f and "An Phú" not in f
    assert "Hội chẩn ca viêm phổi" not in f and "Tập huấn tiêm chủng" not in f
    assert "Tổng cộng: 1 yêu cầu" in f
    both = flat(printed(centre, "support-register", tuple(centre.ids.values()), "both"))
    assert "Tổng cộng: 3 yêu cầu" in both


def test_a_station_document_at_the_centre_is_for_one_station(centre: Centre) -> None:
    with centre.db.read() as s, pytest.raises(ValidationError) as info:
        get("stock-movement").data(s, ReportRequest(tuple(centre.ids.values()), TODAY, TODAY))
    assert info.value.field == "station"


def test_cli_station_option_at_the_centre(centre: Centre, capsys: pytest.CaptureFixture[str]) -> None:
    out = centre.out / "cli-support.pdf"
    args = ["report", "support-register", "--from", f"{TODAY.replace(day=1)}", "--to", f"{TODAY}",
            "--data-dir", str(centre.out), "--out", str(out)]
    assert cli.main([*args, "--station", "TYT-AP"]) == 0, capsys.readouterr().err
    f = flat(pdf_text(out))
    assert "Hội chẩn ca viêm phổi" in f and "Chuyển giao kỹ thuật" not in f
    assert "TRUNG TÂM Y TẾ KHU VỰC THUẬN AN" in f
    assert cli.main(args) == 0  # default at the centre: every station
    assert "Chuyển giao kỹ thuật" in flat(pdf_text(out)) and "Hội chẩn ca viêm phổi" in flat(pdf_text(out))
    capsys.readouterr()
    assert cli.main([*args, "--station", "TYT-XX"]) == 2
    assert "Không có trạm mã “TYT-XX”" in capsys.readouterr().err
