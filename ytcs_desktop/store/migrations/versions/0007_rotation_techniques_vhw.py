"""two-way rotation with scope of practice, visit case lists, techniques and village health workers

Rotation visits gain their direction (centre staff to a station, or station staff to a centre
department), the centre department on the other side and the practice area of their purpose; staff gain
their scope of practice. New tables: the station's case list for a visit, the techniques a station
performs with the steps of their transfer, and the station's village health workers, who may be
recorded as training attendees. Existing visits are centre staff going to stations (the default).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ytcs_desktop.store.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
    ]


def _ref(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"),
                                   initially="DEFERRED", deferrable=True)


def upgrade() -> None:
    op.create_table(
        "village_health_workers",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("hamlet", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_health_workers")),
    )
    with op.batch_alter_table("village_health_workers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_village_health_workers_station_id"), ["station_id"], unique=False)

    op.create_table(
        "station_techniques",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("specialty", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("station_note", sa.Text(), nullable=True),
        sa.Column("centre_note", sa.Text(), nullable=True),
        *_sync_columns(),
        _ref("station_techniques", "department_id", "departments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_techniques")),
    )
    with op.batch_alter_table("station_techniques", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_station_techniques_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_station_techniques_status"), ["status"], unique=False)

    op.create_table(
        "technique_steps",
        sa.Column("technique_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("training_id", sa.String(length=36), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        *_sync_columns(),
        _ref("technique_steps", "technique_id", "station_techniques"),
        _ref("technique_steps", "training_id", "training_sessions"),
        _ref("technique_steps", "visit_id", "rotation_visits"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technique_steps")),
    )
    with op.batch_alter_table("technique_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_technique_steps_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_technique_steps_technique_id"), ["technique_id"], unique=False)

    op.create_table(
        "visit_cases",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("patient_ref", sa.String(length=80), nullable=True),
        sa.Column("icd10", sa.String(length=16), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        *_sync_columns(),
        _ref("visit_cases", "visit_id", "rotation_visits"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_cases")),
    )
    with op.batch_alter_table("visit_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_cases_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_cases_visit_id"), ["visit_id"], unique=False)

    with op.batch_alter_table("rotation_visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("direction", sa.String(length=16), server_default="to_station",
                                      nullable=False))
        batch_op.add_column(sa.Column("department_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("scope_area", sa.String(length=32), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_rotation_visits_department_id_departments"), "departments",
                                    ["department_id"], ["id"], initially="DEFERRED", deferrable=True)

    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope_of_practice", sa.String(length=300), nullable=True))

    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("village_worker_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_training_attendance_village_worker_id"), ["village_worker_id"],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_training_attendance_village_worker_id_village_health_workers"),
                                    "village_health_workers", ["village_worker_id"], ["id"],
                                    initially="DEFERRED", deferrable=True)


def downgrade() -> None:
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_training_attendance_village_worker_id_village_health_workers"),
                                 type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_training_attendance_village_worker_id"))
        batch_op.drop_column("village_worker_id")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("scope_of_practice")
    with op.batch_alter_table("rotation_visits", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_rotation_visits_department_id_departments"), type_="foreignkey")
        batch_op.drop_column("scope_area")
        batch_op.drop_column("department_id")
        batch_op.drop_column("direction")
    for table in ("visit_cases", "technique_steps", "station_techniques", "village_health_workers"):
        op.drop_table(table)
