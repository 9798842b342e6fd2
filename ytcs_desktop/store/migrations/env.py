"""Alembic environment: batch mode for SQLite, the engine handed in by ytcs_desktop.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from ytcs_desktop.store import models  # noqa: F401  (registers every table)
from ytcs_desktop.store.base import Base

config = context.config
engine: Engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
