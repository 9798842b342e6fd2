"""Alembic environment of the centre server's database (SQLite or PostgreSQL): the engine is handed in by
ytcs_desktop.sync.server.migrate, the revisions are kept in their own version table (never the
station's `alembic_version`, should both ever share a database)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from ytcs_desktop.sync.server.migrate import VERSION_TABLE
from ytcs_desktop.sync.server.schema import metadata

config = context.config
engine: Engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters a table by rebuilding it; PostgreSQL runs the plain ALTER
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
