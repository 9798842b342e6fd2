"""the support plan, its targets, indicators, costs and the consultation calendar

The centre's annual support plan per station (activities with a target per quarter and a cost
estimate, the indicators it follows), the consultation calendar (sessions and the cases on their
agenda), the station's ratings of rotation visits and consultation sessions, the training plan
(Phụ lục II, with the sessions that carried each item out) and the register of documents rolled out
(Phụ lục I). New tables only: nothing existing is rewritten.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Each table: its name, its columns other than the sync ones, [(column, referred table)], the columns
# indexed besides station_id, and the columns of its unique rule.
Spec = tuple[str, list[sa.Column[Any]], list[tuple[str, str]], list[str], tuple[str, ...]]


def _sync_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
    ]


def _tables() -> list[Spec]:
    s36 = sa.String(length=36)
    return [
        ("support_plans", [
            sa.Column("year", sa.Integer(), nullable=False),
            sa.Column("objectives", sa.Text(), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
        ], [], [], ("station_id", "year")),
        ("plan_activities", [
            sa.Column("plan_id", s36, nullable=False),
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("content", sa.Text(), nullable=False),
            sa.Column("department_id", s36, nullable=True),
            *(sa.Column(f"target_q{q}", sa.Integer(), nullable=False) for q in range(1, 5)),
            sa.Column("cost_travel", sa.Integer(), nullable=False),
            sa.Column("cost_per_diem", sa.Integer(), nullable=False),
            sa.Column("cost_materials", sa.Integer(), nullable=False),
        ], [("plan_id", "support_plans"), ("department_id", "departments")], ["plan_id"], ()),
        ("plan_indicators", [
            sa.Column("plan_id", s36, nullable=False),
            sa.Column("name", sa.String(length=300), nullable=False),
            sa.Column("measure", sa.Text(), nullable=False),
            sa.Column("target", sa.String(length=120), nullable=True),
        ], [("plan_id", "support_plans")], ["plan_id"], ()),
        ("consultation_sessions", [
            sa.Column("day", sa.Date(), nullable=False),
            sa.Column("start_time", sa.String(length=5), nullable=False),
            sa.Column("mode", sa.String(length=16), nullable=False),
            sa.Column("place", sa.String(length=300), nullable=True),
            sa.Column("link", sa.String(length=500), nullable=True),
            sa.Column("experts", sa.Text(), nullable=False),
            sa.Column("topic", sa.String(length=300), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
        ], [], ["day"], ()),
        ("consultation_cases", [
            sa.Column("session_id", s36, nullable=False),
            sa.Column("request_id", s36, nullable=False),
            sa.Column("conclusion", sa.Text(), nullable=True),
        ], [("session_id", "consultation_sessions"), ("request_id", "support_requests")],
            ["request_id", "session_id"], ()),
        ("activity_ratings", [
            sa.Column("activity_kind", sa.String(length=20), nullable=False),
            sa.Column("activity_id", s36, nullable=False),
            sa.Column("rating", sa.Integer(), nullable=False),
            sa.Column("comment", sa.Text(), nullable=True),
            sa.Column("rated_at", sa.DateTime(), nullable=False),
            sa.Column("rated_by", sa.String(length=200), nullable=True),
        ], [], ["activity_id"], ()),
        ("training_plan_items", [
            sa.Column("year", sa.Integer(), nullable=False),
            sa.Column("quarter", sa.Integer(), nullable=True),
            sa.Column("department_id", s36, nullable=True),
            sa.Column("content", sa.Text(), nullable=False),
            sa.Column("expected_time", sa.String(length=120), nullable=True),
            sa.Column("format", sa.String(length=20), nullable=False),
            sa.Column("audience", sa.String(length=300), nullable=True),
            sa.Column("head_count", sa.Integer(), nullable=False),
        ], [("department_id", "departments")], ["year"], ()),
        ("training_plan_sessions", [
            sa.Column("item_id", s36, nullable=False),
            sa.Column("session_id", s36, nullable=False),
        ], [("item_id", "training_plan_items"), ("session_id", "training_sessions")], ["item_id", "session_id"], ()),
        ("rolled_out_documents", [
            sa.Column("department_id", s36, nullable=True),
            sa.Column("doc_number", sa.String(length=80), nullable=False),
            sa.Column("doc_date", sa.Date(), nullable=False),
            sa.Column("summary", sa.Text(), nullable=False),
            sa.Column("forms_guided", sa.Integer(), nullable=False),
        ], [("department_id", "departments")], [], ()),
    ]


def upgrade() -> None:
    for table, columns, refs, indexed, unique in _tables():
        constraints: list[sa.Constraint] = [
            sa.ForeignKeyConstraint([col], [f"{other}.id"], name=op.f(f"fk_{table}_{col}_{other}"),
                                    initially="DEFERRED", deferrable=True)
            for col, other in refs
        ]
        if unique:
            constraints.append(sa.UniqueConstraint(*unique, name=op.f(f"uq_{table}_{unique[0]}")))
        op.create_table(table, *columns, *_sync_columns(), *constraints,
                        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")))
        with op.batch_alter_table(table, schema=None) as batch_op:
            for col in sorted({"station_id", *indexed}):
                batch_op.create_index(batch_op.f(f"ix_{table}_{col}"), [col], unique=False)


def downgrade() -> None:
    for table, _columns, _refs, _indexed, _unique in reversed(_tables()):
        op.drop_table(table)
