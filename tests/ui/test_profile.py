"""The station profile page: every field edited by its owner in a dialog; a field the user may not
change shows its owner; a refusal stays in the dialog under its field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ytcs_desktop.store.models import Station
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.profile import ProfilePage


def open_profile(window: MainWindow, qtbot: QtBot) -> ProfilePage:
    page = window.open(ProfilePage)
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: page.profile is not None, timeout=5000)
    return page


def test_a_station_without_a_centre_fills_in_its_header_and_licence(station_window: MainWindow,
                                                                     qtbot: QtBot) -> None:
    page = open_profile(station_window, qtbot)
    assert "Chưa gắn với Trung tâm" in page.binding.text()
    assert "do Trung tâm quản lý" in page.admin.text()  # the code and the status stay the centre's
    dialog = page.edit_profile()
    assert dialog is not None
    fields = dialog.form.fields
    assert isinstance(fields["code"], QLabel) and "do Trung tâm quản lý" in fields["code"].text()
    for name, text in (("parent_org", "UBND phường An Phú"), ("commune", "An Phú"), ("licence_no", "125/BD-GPHĐ"),
                       ("licence_date", "01/06/2019"), ("licence_issuer", "Sở Y tế tỉnh Bình Dương"),
                       ("head_name", "BS. Nguyễn Văn An"), ("contact_phone", "0903 111 222")):
        edit = fields[name]
        assert isinstance(edit, QLineEdit), name
        edit.setText(text)
    posts = fields["satellite_posts"]
    assert isinstance(posts, QPlainTextEdit)
    posts.setPlainText("Điểm trạm khu phố 1\nĐiểm trạm khu phố 5")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "UBND phường An Phú" in page.admin.text(), timeout=5000)
    assert "Sở Y tế tỉnh Bình Dương" in page.admin.text() and "01/06/2019" in page.admin.text()
    assert "Điểm trạm khu phố 1<br>Điểm trạm khu phố 5" in page.contact.text()
    with station_window.ctx.db.read() as s:
        st = s.get(Station, station_window.ctx.actor.station_id)
        assert st is not None
        assert (st.parent_org, st.licence_date, st.contact_phone) == (
            "UBND phường An Phú", dt.date(2019, 6, 1), "0903111222")


def test_once_bound_the_centre_fields_show_their_owner(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    with db.transaction() as s:
        db.set_meta(s, "sync_server_url", "https://ttyt-thuanan.example.vn")
    page = open_profile(station_window, qtbot)
    assert "Chưa gắn" not in page.binding.text()
    dialog = page.edit_profile()
    assert dialog is not None
    for name in ("parent_org", "licence_no", "licence_date", "licence_issuer", "commune", "status"):
        shown = dialog.form.fields[name]
        assert isinstance(shown, QLabel) and "do Trung tâm quản lý" in shown.text(), name
    head = dialog.form.fields["head_name"]
    assert isinstance(head, QLineEdit)
    head.setText("BS. Phạm Văn An")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "BS. Phạm Văn An" in page.contact.text(), timeout=5000)


def test_a_refused_value_stays_in_the_dialog(station_window: MainWindow, qtbot: QtBot) -> None:
    page = open_profile(station_window, qtbot)
    dialog = page.edit_profile()
    assert dialog is not None
    date = dialog.form.fields["licence_date"]
    assert isinstance(date, QLineEdit)
    future = dt.date.today() + dt.timedelta(days=30)
    date.setText(f"{future:%d/%m/%Y}")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("licence_date") != "", timeout=5000)
    assert "tương lai" in dialog.form.error_text("licence_date")
    assert dialog.isVisible() and date.text() == f"{future:%d/%m/%Y}"
    with station_window.ctx.db.read() as s:
        st = s.get(Station, station_window.ctx.actor.station_id)
        assert st is not None and st.licence_date is None
    dialog.close()
