"""referrals and supervision visits with their corrective actions

Referrals (chuyển tuyến) recorded by a station and followed up by the centre; supervision visits with
the checklist of each area, the scores given, and the findings with their corrective actions. The
standard checklist is seeded here with ids made from (area, position), so every replica holds the same
rows from the start (capture is off during migrations: they are never queued to sync).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ytcs_desktop.store.base import UTCDateTime, natural_id

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (area, items): the standard checklist (Bộ công cụ giám sát), frozen as it was first issued; the centre
# adds its own items as new rows.
CHECKLIST: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nursing_practice", (
        "Thực hiện đúng quy trình nhận định, theo dõi và ghi chép hồ sơ chăm sóc người bệnh",
        "Thực hiện 5 đúng khi dùng thuốc cho người bệnh",
        "Có bảng hướng dẫn quy trình kỹ thuật điều dưỡng cơ bản tại nơi làm việc",
        "Nhân viên mang thẻ tên, trang phục đúng quy định",
    )),
    ("infection_control", (
        "Có quy trình khử khuẩn, tiệt khuẩn dụng cụ và thực hiện đúng",
        "Dụng cụ sau tiệt khuẩn được đóng gói, ghi ngày và bảo quản đúng",
        "Bề mặt buồng thủ thuật được vệ sinh, khử khuẩn hằng ngày có sổ theo dõi",
        "Có đủ phương tiện phòng hộ cá nhân (găng, khẩu trang, áo choàng)",
    )),
    ("hand_hygiene", (
        "Có bồn rửa tay, xà phòng và khăn lau tay dùng một lần tại buồng khám",
        "Có dung dịch sát khuẩn tay nhanh tại các vị trí chăm sóc",
        "Nhân viên vệ sinh tay đúng 5 thời điểm (quan sát)",
        "Nhân viên thực hiện đúng 6 bước vệ sinh tay",
    )),
    ("medical_waste", (
        "Chất thải được phân loại đúng tại nguồn theo màu túi, thùng",
        "Có hộp đựng vật sắc nhọn đúng quy chuẩn, không đầy quá 3/4",
        "Khu lưu giữ chất thải có mái che, biển cảnh báo, được vệ sinh",
        "Có sổ giao nhận chất thải với đơn vị thu gom",
    )),
    ("injection_safety", (
        "Không đậy nắp kim tiêm bằng hai tay sau khi tiêm",
        "Sử dụng bơm kim tiêm vô khuẩn một lần cho mỗi mũi tiêm",
        "Có hộp chống sốc phản vệ đủ thuốc, còn hạn, và phác đồ treo tại nơi tiêm",
        "Theo dõi người bệnh 30 phút sau tiêm và ghi chép",
    )),
    ("drug_storage", (
        "Kho thuốc có nhiệt kế, ẩm kế và sổ theo dõi nhiệt độ, độ ẩm hằng ngày",
        "Thuốc được sắp xếp theo nguyên tắc hết hạn trước xuất trước (FEFO)",
        "Không có thuốc hết hạn dùng lẫn với thuốc đang sử dụng",
        "Thuốc gây nghiện, hướng thần được bảo quản trong tủ có khóa, có sổ theo dõi",
        "Thẻ kho được ghi chép đầy đủ, khớp với số thực tế",
    )),
    ("village_health_workers", (
        "Nhân viên y tế thôn/ấp có túi y tế với đủ dụng cụ, thuốc thiết yếu",
        "Có sổ ghi chép hoạt động hằng tháng và báo cáo về trạm đúng hạn",
        "Nắm được các dấu hiệu nguy hiểm cần chuyển người bệnh lên trạm",
        "Được trạm giao ban, tập huấn định kỳ trong quý",
    )),
)


# The seeded rows' clock stamp: before any real write, so an edit the centre makes later always wins.
SEED_STAMP = "000000000000000-000000-checklist"


def seed_rows() -> list[dict[str, object]]:
    return [{"id": natural_id("supervision_items", area, str(n)), "station_id": None, "area": area,
             "position": n, "text": text, "max_score": 2, "active": True, "hlc": SEED_STAMP, "origin": "checklist",
             "deleted": False, "sync_state": "synced"}
            for area, items in CHECKLIST for n, text in enumerate(items, start=1)]


def upgrade() -> None:
    op.create_table('referrals',
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('patient_ref', sa.String(length=80), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('icd10', sa.String(length=16), nullable=True),
    sa.Column('destination', sa.String(length=300), nullable=False),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('referred_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('acknowledged_at', UTCDateTime(), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=200), nullable=True),
    sa.Column('arrived_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('advice', sa.Text(), nullable=True),
    sa.Column('needed', sa.Boolean(), nullable=True),
    sa.Column('follow_up_note', sa.Text(), nullable=True),
    sa.Column('closed_at', UTCDateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('hlc', sa.String(length=80), server_default='', nullable=False),
    sa.Column('origin', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sync_state', sa.String(length=12), server_default='pending', nullable=False),
    sa.Column('sync_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_referred_on'), ['referred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_status'), ['status'], unique=False)

    op.create_table('supervision_items',
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('max_score', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('hlc', sa.String(length=80), server_default='', nullable=False),
    sa.Column('origin', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sync_state', sa.String(length=12), server_default='pending', nullable=False),
    sa.Column('sync_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_items'))
    )
    with op.batch_alter_table('supervision_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_items_area'), ['area'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_items_station_id'), ['station_id'], unique=False)

    op.create_table('supervision_visits',
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('areas', sa.Text(), nullable=False),
    sa.Column('team', sa.String(length=300), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('hlc', sa.String(length=80), server_default='', nullable=False),
    sa.Column('origin', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sync_state', sa.String(length=12), server_default='pending', nullable=False),
    sa.Column('sync_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'],
                            name=op.f('fk_supervision_visits_department_id_departments'),
                            initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_visits'))
    )
    with op.batch_alter_table('supervision_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_visits_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_visits_visit_date'), ['visit_date'], unique=False)

    op.create_table('supervision_findings',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('finding', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('progress_note', sa.Text(), nullable=True),
    sa.Column('progress_at', UTCDateTime(), nullable=True),
    sa.Column('progress_by', sa.String(length=200), nullable=True),
    sa.Column('evidence_note', sa.Text(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('hlc', sa.String(length=80), server_default='', nullable=False),
    sa.Column('origin', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sync_state', sa.String(length=12), server_default='pending', nullable=False),
    sa.Column('sync_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visits.id'],
                            name=op.f('fk_supervision_findings_visit_id_supervision_visits'),
                            initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_findings'))
    )
    with op.batch_alter_table('supervision_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_findings_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_findings_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_findings_visit_id'), ['visit_id'], unique=False)

    op.create_table('supervision_scores',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('hlc', sa.String(length=80), server_default='', nullable=False),
    sa.Column('origin', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sync_state', sa.String(length=12), server_default='pending', nullable=False),
    sa.Column('sync_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['supervision_items.id'],
                            name=op.f('fk_supervision_scores_item_id_supervision_items'),
                            initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['supervision_visits.id'],
                            name=op.f('fk_supervision_scores_visit_id_supervision_visits'),
                            initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_scores'))
    )
    with op.batch_alter_table('supervision_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_scores_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_scores_visit_id'), ['visit_id'], unique=False)

    items = sa.table("supervision_items", *(sa.column(c) for c in (
        "id", "station_id", "area", "position", "text", "max_score", "active", "hlc", "origin", "deleted",
        "sync_state")))
    op.bulk_insert(items, seed_rows())


def downgrade() -> None:
    with op.batch_alter_table('supervision_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_scores_visit_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_scores_station_id'))

    op.drop_table('supervision_scores')
    with op.batch_alter_table('supervision_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_findings_visit_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_findings_status'))
        batch_op.drop_index(batch_op.f('ix_supervision_findings_station_id'))

    op.drop_table('supervision_findings')
    with op.batch_alter_table('supervision_visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_visits_visit_date'))
        batch_op.drop_index(batch_op.f('ix_supervision_visits_station_id'))

    op.drop_table('supervision_visits')
    with op.batch_alter_table('supervision_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_items_station_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_items_area'))

    op.drop_table('supervision_items')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_status'))
        batch_op.drop_index(batch_op.f('ix_referrals_station_id'))
        batch_op.drop_index(batch_op.f('ix_referrals_referred_on'))

    op.drop_table('referrals')
