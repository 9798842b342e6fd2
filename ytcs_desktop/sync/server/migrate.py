"""The centre server's schema, migrated by Alembic from scripts shipped in the package (migrations/).

The revisions are kept in their own version table, `ytcs_server_alembic_version`: a station's file
uses `alembic_version`, and the two never mix, even in one PostgreSQL database.

A server database made before its schema was migrated (release 0.1 made the tables with
`metadata.create_all` and kept no version) is stamped at the initial revision when its tables are
those of that revision, then upgraded. One whose tables differ is refused as it is, untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ytcs_desktop.messages import msg
from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.store.revisions import script_heads, script_revisions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "ytcs_server_alembic_version"
INITIAL = "0001"

# The tables of revision 0001, as release 0.1's `create_all` made them: names, columns and the named
# indexes. Frozen: a later revision changes the schema, never this (a test holds it to 0001).
INITIAL_TABLES: dict[str, tuple[str, ...]] = {
    "ytcs_applied_mutations": ("station_key", "mutation_id", "device_id", "table_name", "row_id", "result", "code",
                               "at_ms"),
    "ytcs_conflicts": ("station_key", "id", "device_id", "table_name", "row_id", "field", "losing_value",
                       "losing_hlc", "winning_value", "winning_hlc", "at_ms"),
    "ytcs_devices": ("station_key", "id", "username", "name", "replica_id", "token_hash", "revoked", "created_ms",
                     "last_seen_ms", "clock_suspect", "clock_offset_ms", "protocol", "acked_seq", "acked_mutation"),
    "ytcs_proposals": ("station_key", "table_name", "row_id", "fields", "device_id", "proposed_ms", "decision",
                       "decided_ms"),
    "ytcs_rejections": ("station_key", "id", "device_id", "mutation_id", "table_name", "row_id", "code",
                        "message_vi", "message_en", "at_ms"),
    "ytcs_restamps": ("station_key", "id", "device_id", "table_name", "row_id", "original_hlc", "new_hlc", "at_ms"),
    "ytcs_rows": ("station_key", "table_name", "row_id", "fields", "field_hlcs", "base_hlc", "deleted",
                  "server_seq", "echo_device", "updated_ms"),
    "ytcs_server_meta": ("key", "value"),
    "ytcs_stations": ("code", "id", "name", "created_ms"),
    "ytcs_users": ("username", "password_hash", "role", "station_code", "active", "created_ms"),
}
INITIAL_INDEXES: dict[str, tuple[str, ...]] = {"ytcs_rows": ("ix_ytcs_rows_seq", "ix_ytcs_rows_station_seq")}


class ServerSchemaError(KnownStoreError):
    """The server's database cannot be brought to this version's schema; it was left as it is."""


def head_revisions() -> frozenset[str]:
    """The head revisions of the shipped scripts, read without importing Alembic."""
    return script_heads(VERSIONS)


def known_revisions() -> frozenset[str]:
    return script_revisions(VERSIONS)[0]


def stored_revisions(conn: Connection) -> frozenset[str]:
    """The revisions recorded in the database; empty when it has no version table."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return frozenset()
    return frozenset(str(v) for v in conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def unversioned_differences(conn: Connection) -> list[str]:
    """How the tables of a database without a version differ from revision 0001's (empty: they match)."""
    found = inspect(conn)
    names = {n for n in found.get_table_names() if n.startswith("ytcs_") and n != VERSION_TABLE}
    differences = [f"table {n} missing" for n in sorted(set(INITIAL_TABLES) - names)]
    differences += [f"table {n} unknown" for n in sorted(names - set(INITIAL_TABLES))]
    for name in sorted(names & set(INITIAL_TABLES)):
        columns = {c["name"] for c in found.get_columns(name)}
        wanted = set(INITIAL_TABLES[name])
        differences += [f"{name}.{c} missing" for c in sorted(wanted - columns)]
        differences += [f"{name}.{c} unknown" for c in sorted(columns - wanted)]
        indexes = {i["name"] for i in found.get_indexes(name)}
        differences += [f"index {i} missing" for i in INITIAL_INDEXES.get(name, ()) if i not in indexes]
    return differences


def _has_server_tables(conn: Connection) -> bool:
    return any(n.startswith("ytcs_") and n != VERSION_TABLE for n in inspect(conn).get_table_names())


def upgrade_head(engine: Engine) -> None:
    """Bring the server's schema to head: a new database from nothing, an unversioned one (release 0.1)
    stamped at 0001 first when its tables match. A database written by a newer version is refused."""
    from alembic import command

    with engine.connect() as conn:
        stored = stored_revisions(conn)
        unversioned = not stored and _has_server_tables(conn)
        differences = unversioned_differences(conn) if unversioned else []
        conn.rollback()
    url = engine.url.render_as_string(hide_password=True)
    if stored - known_revisions():
        raise ServerSchemaError(
            "server_db_newer",
            msg("server_db_newer", url=url, stored=', '.join(sorted(stored))))
    if differences:
        shown = "; ".join(differences[:8]) + (f" (+{len(differences) - 8})" if len(differences) > 8 else "")
        raise ServerSchemaError(
            "server_db_unknown_schema",
            msg("server_db_unknown_schema", url=url, shown=shown))
    cfg = alembic_config(engine)
    if unversioned:
        command.stamp(cfg, INITIAL)
    command.upgrade(cfg, "head")
