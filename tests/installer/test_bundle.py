"""The PyInstaller bundle as users get it: run from a temp folder with a clean environment, away from the
source tree — the commands, a PDF with the bundled font, the window, the centre server and a sync."""

from __future__ import annotations

import json
import select
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.installer.conftest import NICE, ROOT, Bundle, clean_env
from tests.reports.conftest import assert_font_embedded, pdf_text
from ytcs_desktop.cli import build_parser, sub_actions

pytestmark = pytest.mark.timeout(1500)  # the first test of a worker may wait for the whole build

MAX_MB = 260  # measured 220 MB (Debian 12, PySide6-Essentials 6.12); more means something big crept in
ITEMS = "code,name,unit,category,doses\nPARA500,Paracetamol 500mg,viên,drug,\n"
PASSWORD = "mật-khẩu-trạm-1"


def run(bundle: Bundle, *args: str, cwd: Path, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NICE, str(bundle.exe), *args], cwd=cwd, env=env or clean_env(), input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, (done.args, done.stdout, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def station(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station made by the bundle: `ytcs init`, the catalogue, one receipt in January 2026."""
    folder = tmp_path_factory.mktemp("bundle-station")
    data = folder / "data"
    (folder / "items.csv").write_text(ITEMS, encoding="utf-8")
    ok(run(bundle, "init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú",
           "--data-dir", str(data), cwd=folder))
    ok(run(bundle, "items", "import", "items.csv", "--data-dir", str(data), cwd=folder))
    ok(run(bundle, "stock", "receive", "--item", "PARA500", "--lot", "L-2027", "--expiry", "2027-06-30",
           "--qty", "100", "--date", "2026-01-05", "--data-dir", str(data), cwd=folder))
    return data


def test_bundle_holds_what_the_app_reads_and_not_more(bundle: Bundle) -> None:
    internal = bundle.folder / "_internal"
    assert (internal / "resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    assert (internal / "resources" / "translations" / "ytcs_vi.qm").is_file()
    assert (internal / "resources" / "messages" / "vi.mo").is_file()
    assert (internal / "resources" / "messages" / "en.mo").is_file()
    assert not list(internal.rglob("*.po")), "the message catalogue ships compiled"
    for folder in ("ytcs_desktop/store/migrations", "ytcs_desktop/sync/server/migrations"):  # station, server
        source = ROOT / folder
        scripts = {p.relative_to(source) for p in source.rglob("*") if p.suffix in (".py", ".mako")
                   and "__pycache__" not in p.parts}
        assert {Path("env.py"), Path("script.py.mako")} < scripts
        for script in scripts:
            assert (internal / folder / script).is_file(), script
    assert not list(internal.rglob("qtbase_*.qm")), "Qt's own translations are not shipped"
    assert not list(internal.rglob("libqgtk3*")), "no GTK platform theme"
    size = sum(p.stat().st_size for p in bundle.folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size / 1e6:.0f} MB, built in {bundle.build_seconds:.0f} s")
    assert size < MAX_MB * 1e6, f"{size / 1e6:.0f} MB"


def test_help_lists_every_command(bundle: Bundle, tmp_path: Path) -> None:
    out = ok(run(bundle, "--help", cwd=tmp_path))
    # the command modules are imported by name: a module left out of the bundle drops its command silently
    for name in sub_actions(build_parser()):
        assert f"    {name} " in out, name


def test_stock_on_hand_from_the_bundle(bundle: Bundle, station: Path, tmp_path: Path) -> None:
    rows = json.loads(ok(run(bundle, "stock", "on-hand", "--format", "json", "--data-dir", str(station),
                             cwd=tmp_path)))
    assert [(r["item"], r["lot"], r["quantity"]) for r in rows] == [("PARA500", "L-2027", 100)]
    ok(run(bundle, "check", "--data-dir", str(station), cwd=tmp_path))


def test_pdf_report_embeds_the_bundled_serif(bundle: Bundle, station: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    # no QT_QPA_PLATFORM and no DISPLAY, as from a server's shell or a scheduled task
    printed = ok(run(bundle, "report", "stock-movement", "--from", "2026-01-01", "--to", "2026-01-31",
                     "--out", str(out), "--data-dir", str(station), cwd=tmp_path))
    assert "trang" in printed
    assert "BÁO CÁO XUẤT – NHẬP – TỒN" in pdf_text(out)
    assert "Paracetamol 500mg" in pdf_text(out)
    assert_font_embedded(out)  # Liberation Serif, loaded from the bundle's resources/fonts


def test_excel_export_from_the_bundle(bundle: Bundle, station: Path, tmp_path: Path) -> None:
    book = tmp_path / "x.xlsx"
    ok(run(bundle, "report", "stock-movement", "--from", "2026-01-01", "--to", "2026-01-31", "--out", str(book),
           "--data-dir", str(station), cwd=tmp_path))
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None and sheet.title == "Xuất nhập tồn"
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert "Paracetamol 500mg" in cells


def test_window_opens_and_stays_up(bundle: Bundle, station: Path, tmp_path: Path) -> None:
    """`ytcs gui` on an empty folder (first run) and `ytcs` alone on a station's folder, offscreen."""
    shutil.copytree(station, tmp_path / "station")
    env = clean_env(QT_QPA_PLATFORM="offscreen")
    procs = [subprocess.Popen([*NICE, str(bundle.exe), *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for args in (["gui", "--data-dir", str(tmp_path / "empty")], ["--data-dir", str(tmp_path / "station")])]
    try:
        time.sleep(3)
        for proc in procs:
            assert proc.poll() is None, (proc.args, proc.communicate()[1])
    finally:
        errors = []
        for proc in procs:
            proc.terminate()
            errors += proc.communicate(timeout=20)[1].splitlines()
    # a missing .qm or font would be logged here; the offscreen platform's size-hint notice is not ours
    noise = [line for line in errors if line.strip() and "propagateSizeHints" not in line]
    assert not noise, noise


@pytest.fixture
def centre(bundle: Bundle, tmp_path: Path) -> Iterator[str]:
    """`ytcs centre serve` from the bundle on a free loopback port, with one station account."""
    data = tmp_path / "centre"
    ok(run(bundle, "centre", "add-station", "TYT-CH", "Trạm Y tế xã Cát Hải", "--data-dir", str(data), cwd=tmp_path))
    ok(run(bundle, "centre", "add-user", "cathai", "--role", "station", "--station", "TYT-CH", "--password-stdin",
           "--data-dir", str(data), cwd=tmp_path, stdin=PASSWORD + "\n"))
    proc = subprocess.Popen([*NICE, str(bundle.exe), "centre", "serve", "--port", "0", "--data-dir", str(data)],
                            cwd=tmp_path, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        line = proc.stdout.readline() if ready else ""
        assert "ready on http://" in line, (line, proc.poll())
        yield line.split("ready on ", 1)[1].split()[0]
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


def test_station_syncs_with_the_bundled_centre(bundle: Bundle, centre: str, tmp_path: Path) -> None:
    data = tmp_path / "station"
    ok(run(bundle, "init", "--station-code", "TYT-CH", "--station-name", "Trạm Y tế xã Cát Hải",
           "--data-dir", str(data), cwd=tmp_path))
    ok(run(bundle, "login", "--server", centre, "--username", "cathai", "--password-stdin", "--store-token-in-file",
           "--data-dir", str(data), cwd=tmp_path, stdin=PASSWORD + "\n"))
    report = json.loads(ok(run(bundle, "sync", "--format", "json", "--data-dir", str(data), cwd=tmp_path)))
    assert report["complete"] and report["pushed"] >= 1 and report["rejected"] == 0, report


@pytest.mark.postgres
def test_centre_database_on_postgresql(bundle: Bundle, tmp_path: Path) -> None:
    """The PostgreSQL driver (psycopg, loaded by URL) is in the bundle and talks to a real server."""
    import psycopg

    dsn = "host=127.0.0.1 port=5432 user=postgres dbname=test"
    try:
        psycopg.connect(dsn, connect_timeout=2).close()
    except psycopg.OperationalError:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    schema = f"ytcs_bundle_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
        ok(run(bundle, "centre", "add-station", "TYT-PG", "Trạm Y tế xã Phú Giáo", "--database", url,
               "--data-dir", str(tmp_path), cwd=tmp_path))
        with psycopg.connect(dsn) as conn:
            tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s",
                                  (schema,)).fetchone()
        assert tables is not None and tables[0] > 0
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
