"""Referrals and supervision visits through a real centre server: each record reaches the other side,
and the server enforces who owns which field and which move (SYNC.md)."""

from __future__ import annotations

import datetime as dt

from tests.sync.conftest import Centre
from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.models import Referral, SupervisionFinding, SupervisionVisit

TODAY = dt.date.today()
CENTRE = Actor("BS. Trần Văn Hùng", "centre", None)


def test_a_referral_goes_to_the_centre_and_its_follow_up_comes_back(centre: Centre) -> None:
    (st,) = centre.station("Chuyển tuyến")
    hub = centre.centre_replica()
    nurse = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        rid = referrals.record_referral(s, nurse, patient_ref="BN-20417", reason="Khó thở, SpO2 89%",
                                        destination="Bệnh viện Phổi tỉnh", icd10="J18.9", urgency="emergency").id
    assert st.sync().rejected == 0
    hub.sync()
    with hub.db.transaction() as s:
        seen = s.get(Referral, rid)
        assert seen is not None and seen.reason == "Khó thở, SpO2 89%" and seen.status == "sent"
        referrals.record_arrival(s, CENTRE, rid, arrived=True)
        referrals.close_referral(s, CENTRE, rid, outcome="Điều trị viêm phổi 7 ngày, ổn định", needed=True,
                                 advice="Cho thở oxy trong lúc chuyển")
    assert hub.sync().rejected == 0

    # The centre may not rewrite what the station saw: the server refuses the reason.
    with hub.db.transaction() as s:
        row = s.get(Referral, rid)
        assert row is not None
        row.reason = "Viêm phổi"
    report = hub.sync()
    assert report.rejected == 1
    with hub.db.read() as s:
        refused = s.get(Referral, rid)
        assert refused is not None and refused.sync_state == "rejected" and "reason" in (refused.sync_reason or "")

    st.sync()
    with st.db.read() as s:
        back = s.get(Referral, rid)
        assert back is not None and back.status == "closed" and back.needed is True
        assert back.advice == "Cho thở oxy trong lúc chuyển" and back.reason == "Khó thở, SpO2 89%"
        (counts,) = referrals.referral_counts(s, TODAY - dt.timedelta(days=1), TODAY)
        assert (counts.referred, counts.unnecessary, counts.unnecessary_share) == (1, 0, 0.0)

    # Nor may the station judge its own referral, or make the centre's move.
    with st.db.transaction() as s:
        row = s.get(Referral, rid)
        assert row is not None
        row.needed = False
    assert st.sync().rejected == 1


def test_a_station_cannot_make_the_centres_move_on_a_referral(centre: Centre) -> None:
    (st,) = centre.station("Tiếp nhận")
    nurse = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        rid = referrals.record_referral(s, nurse, patient_ref="BN-1", reason="Gãy xương cẳng tay",
                                        destination="Bệnh viện Chấn thương").id
    with st.db.transaction() as s:
        row = s.get(Referral, rid)
        assert row is not None
        row.status = "acknowledged"  # written behind the domain's back: the server still refuses it
    assert st.sync().rejected == 1


def test_a_supervision_visit_reaches_the_station_which_reports_progress_and_the_centre_closes(
        centre: Centre) -> None:
    (st,) = centre.station("Giám sát")
    hub = centre.centre_replica()
    st.sync()
    hub.sync()  # the centre holds the station's profile
    with hub.db.transaction() as s:
        items = supervision.checklist(s, ["hand_hygiene"])
        visit = supervision.record_visit(s, CENTRE, station_id=str(st.station_id), visit_date=TODAY,
                                         areas=["hand_hygiene"], team="Phòng Điều dưỡng",
                                         scores={i.id: 1 for i in items})
        fid = supervision.add_finding(s, CENTRE, visit.id, area="hand_hygiene", finding="Thiếu dung dịch sát khuẩn",
                                      action="Bổ sung tại 3 buồng", owner="ĐD. Mai",
                                      due_date=TODAY + dt.timedelta(days=14)).id
        vid = visit.id
    assert hub.sync().rejected == 0
    st.sync()
    nurse = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        assert s.get(SupervisionVisit, vid) is not None
        (scored,) = supervision.area_scores(s, vid)
        assert (scored.points, scored.max_points) == (len(items), 2 * len(items))
        (action,) = supervision.open_actions(s, st.station_id)
        assert action.id == fid and action.status == "open"
        supervision.record_progress(s, nurse, fid, note="Đã bổ sung 2/3 buồng")
    assert st.sync().rejected == 0

    # The station may not close its own action, nor rewrite the finding.
    with st.db.transaction() as s:
        row = s.get(SupervisionFinding, fid)
        assert row is not None
        row.status, row.evidence_note = "closed", "Tự xác nhận"
    assert st.sync().rejected == 1
    with st.db.transaction() as s:
        row = s.get(SupervisionFinding, fid)
        assert row is not None
        row.finding = "Không có gì"
    assert st.sync().rejected >= 1

    hub.sync()
    with hub.db.transaction() as s:
        row = s.get(SupervisionFinding, fid)
        assert row is not None and row.status == "in_progress" and row.progress_note == "Đã bổ sung 2/3 buồng"
        supervision.close_action(s, CENTRE, fid, evidence_note="Kiểm tra lại: đủ dung dịch ở cả 3 buồng")
    assert hub.sync().rejected == 0
    st.sync()
    with st.db.read() as s:
        assert supervision.open_actions(s, st.station_id) == []
        (counts,) = supervision.finding_counts(s, TODAY - dt.timedelta(days=1), TODAY)
        assert (counts.visits, counts.opened, counts.closed) == (1, 1, 1)


def test_the_server_requires_a_referrals_reason_and_an_actions_evidence(centre: Centre) -> None:
    """The domain's required values hold on the server too: a PC that writes around the domain (an old
    version, plain SQL) gets its row refused with the field named."""
    (st,) = centre.station("Bắt buộc")
    hub = centre.centre_replica()
    nurse = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        rid = referrals.record_referral(s, nurse, patient_ref="BN-1", reason="Sốt cao, co giật",
                                        destination="Bệnh viện Nhi tỉnh").id
        row = s.get(Referral, rid)
        assert row is not None
        row.reason = "   "  # written around the domain
    report = st.sync()
    assert report.rejected == 1
    with st.db.read() as s:
        refused = s.get(Referral, rid)
        assert refused is not None and refused.sync_state == "rejected"
        assert "lý do chuyển tuyến" in (refused.sync_reason or "")

    hub.sync()
    with hub.db.transaction() as s:
        items = supervision.checklist(s, ["medical_waste"])
        visit = supervision.record_visit(s, CENTRE, station_id=str(st.station_id), visit_date=TODAY,
                                         areas=["medical_waste"], team="Phòng Điều dưỡng",
                                         scores={i.id: 2 for i in items})
        fid = supervision.add_finding(s, CENTRE, visit.id, area="medical_waste", finding="Hộp sắc nhọn đầy",
                                      action="Thay hộp", owner="ĐD. Mai", due_date=TODAY + dt.timedelta(days=7)).id
    assert hub.sync().rejected == 0
    with hub.db.transaction() as s:
        finding = s.get(SupervisionFinding, fid)
        assert finding is not None
        finding.status, finding.closed_on, finding.closed_by = "closed", TODAY, CENTRE.name  # no evidence
    report = hub.sync()
    assert report.rejected == 1
    with hub.db.read() as s:
        refused_finding = s.get(SupervisionFinding, fid)
        assert refused_finding is not None and refused_finding.sync_state == "rejected"
        assert "minh chứng" in (refused_finding.sync_reason or "")
