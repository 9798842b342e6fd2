"""Alembic environment: batch mode for SQLite, the engine handed in by ytcs_desktop.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from ytcs_desktop.store import models  # noqa: F401  (registers every table)
from ytcs_desktop.store.base import Base

config = context.config
engine: Engine = config.attributes["engine"]

with engine.connect() as connection:
    # A batch migration rebuilds a table (copy, drop, rename). With foreign keys on, dropping a table that
    # other rows point at deletes through them and fails; SQLite's procedure for altering a table is to
    # turn the checks off outside the transaction and check the keys before committing.
    raw = connection.connection.driver_connection
    assert raw is not None
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        raw.execute("PRAGMA foreign_keys = OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade would leave {len(broken)} broken references, first: {broken[0]}")
        connection.commit()
    finally:
        if sqlite:
            raw.execute("PRAGMA foreign_keys = ON")
