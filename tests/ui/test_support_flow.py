"""A support request from draft to rated: the station side through the widgets, the centre's moves
through the domain (the centre window is not the point here), checked in the SQLite file."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.stations import create_centre, create_department
from ytcs_desktop.domain.support import move
from ytcs_desktop.store.models import RequestTransition, SupportRequest
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.support import SupportPage


def test_request_from_draft_to_rated(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    page = station_window.page(SupportPage)
    assert isinstance(page, SupportPage)
    station_window.show_page(station_window.index_of(type(page)))
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.model.refresh()

    dialog = page.new_request()
    dialog.form.fields["kind"].setCurrentIndex(1)  # type: ignore[attr-defined]
    # Without a title the domain refuses; the message sits under the title field.
    dialog.description.setPlainText("Bệnh nhân nam 68 tuổi, sốt cao, ho, khó thở.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("title") != "", timeout=5000)
    assert dialog.description.toPlainText().startswith("Bệnh nhân")
    dialog.title_edit.setText("Hội chẩn ca viêm phổi nặng")
    dialog.icd10.setText("J18.9")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=5000)
    request = page.selected()
    assert request is not None and request.status == "submitted"

    centre = Actor(name="BS. Lê Minh Tâm", role="centre")
    with db.transaction() as s:
        c = create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An")
        dept = create_department(s, centre_id=c.id, code="KHNV", name="Phòng Kế hoạch – Nghiệp vụ")
        move(s, centre, request.id, "accepted")
        today = dt.date.today()
        move(s, centre, request.id, "scheduled", scheduled_from=today, scheduled_to=today,
             assigned_department_id=dept.id, support_format="online")
        move(s, centre, request.id, "in_progress")
        move(s, centre, request.id, "done", outcome="Đã hội chẩn trực tuyến, chuyển tuyến trên.")
    station_window.ctx.ops.announce({"requests"})
    qtbot.waitUntil(lambda: "rated" in page.move_buttons, timeout=5000)
    rate = page.do_move("rated")
    assert rate is not None
    rate.fields["rating"].setValue(4)  # type: ignore[attr-defined]
    rate.fields["feedback"].setText("Hỗ trợ kịp thời")  # type: ignore[attr-defined]
    rate.save_button.click()
    qtbot.waitUntil(lambda: any(e.to_status == "rated" for e in page.timeline.rows()), timeout=5000)
    page.comment.setText("Cảm ơn Trung tâm")
    page.add_comment()
    qtbot.waitUntil(lambda: any(e.kind == "comment" for e in page.timeline.rows()), timeout=5000)

    with db.read() as s:
        stored = s.get(SupportRequest, request.id)
        assert stored is not None and stored.status == "rated" and stored.rating == 4
        steps = [t.to_status for t in s.scalars(select(RequestTransition).order_by(RequestTransition.id))]
    assert steps == ["submitted", "accepted", "scheduled", "in_progress", "done", "rated"]
