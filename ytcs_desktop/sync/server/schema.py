"""Tables of the centre server database (SQLite or PostgreSQL), made and changed by the migrations in
sync/server/migrations/ (a change here needs a new revision there: tests/sync/test_server_migrations.py).

The server stays generic: it does not mirror every station table but keeps one JSON image per row
with the clock stamp of each field. Every table is keyed by the station partition first
(`station_key`, '' for centre-wide reference rows) so a large deployment can partition on it.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

REFERENCE = ""  # station_key of centre-wide reference rows (station_id NULL)

server_meta = Table(
    "ytcs_server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

stations = Table(
    "ytcs_stations",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("id", String(36), unique=True),  # NULL until bound (first login of a station database)
    Column("name", String(300), nullable=False),
    Column("created_ms", BigInteger, nullable=False),
)

users = Table(
    "ytcs_users",
    metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # station|centre
    Column("station_code", String(32)),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("full_name", String(200)),
    # comma list of domain/permissions.py DUTIES codes; NULL: every duty of its side (accounts made by
    # `ytcs centre add-user`); set for an account a station's head made on a PC (sync/server/station_accounts.py)
    Column("duties", Text),
)

sign_in_throttle = Table(
    # Failed sign-ins per user name (casefolded, known or not) and per client address: kept in the
    # database, so a lock holds across workers and restarts (sync/server/throttle.py).
    "ytcs_sign_in_throttle",
    metadata,
    Column("scope", String(8), nullable=False),  # user|address
    Column("key", String(100), nullable=False),
    Column("failures", Integer, nullable=False, default=0),  # since the last lock or success
    Column("locks", Integer, nullable=False, default=0),  # locks in a row: each lasts twice the one before
    Column("last_ms", BigInteger, nullable=False),
    Column("locked_until_ms", BigInteger),
    PrimaryKeyConstraint("scope", "key"),
    Index("ix_ytcs_sign_in_throttle_last", "last_ms"),
)

devices = Table(
    "ytcs_devices",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("id", String(36), nullable=False),
    Column("username", String(100), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("replica_id", String(64)),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("last_seen_ms", BigInteger),
    Column("clock_suspect", Boolean, nullable=False, default=False),
    Column("clock_offset_ms", BigInteger),
    Column("protocol", Integer),
    Column("acked_seq", BigInteger, nullable=False, default=0),
    Column("acked_mutation", String(64)),  # mutation id of the outbox row at acked_seq
    PrimaryKeyConstraint("station_key", "id"),
    UniqueConstraint("id"),
)

rows = Table(
    "ytcs_rows",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),  # JSON image of the row (wire columns)
    Column("field_hlcs", Text, nullable=False, default="{}"),  # stamps of fields newer than base_hlc
    Column("base_hlc", String(80), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("server_seq", BigInteger, nullable=False),
    Column("echo_device", String(36)),  # the device that already holds exactly this image
    Column("updated_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("station_key", "table_name", "row_id"),
    UniqueConstraint("table_name", "row_id"),
    Index("ix_ytcs_rows_station_seq", "station_key", "server_seq"),
    Index("ix_ytcs_rows_seq", "server_seq"),
)

applied_mutations = Table(
    "ytcs_applied_mutations",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("mutation_id", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("result", String(1), nullable=False),
    Column("code", String(40)),
    Column("at_ms", BigInteger, nullable=False),
    # the mutation's outbox position at its device: pruned once the device has recorded past it (push.py)
    Column("seq", BigInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("station_key", "mutation_id"),
    Index("ix_ytcs_applied_mutations_device_seq", "station_key", "device_id", "seq"),
)

rejections = Table(
    "ytcs_rejections",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("mutation_id", String(64)),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("code", String(40), nullable=False),
    Column("message_vi", Text, nullable=False),
    Column("message_en", Text, nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("station_key", "id"),
)

conflicts = Table(
    "ytcs_conflicts",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("losing_value", Text),
    Column("losing_hlc", String(80), nullable=False),
    Column("winning_value", Text),
    Column("winning_hlc", String(80), nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("station_key", "id"),
)

restamps = Table(
    "ytcs_restamps",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("original_hlc", String(80), nullable=False),
    Column("new_hlc", String(80), nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("station_key", "id"),
)

proposals = Table(
    # Catalogue rows a station made on its own (it worked before it had a centre, or lacked an item): the
    # centre decides once per item whether to adopt it into its catalogue. The station keeps its row.
    "ytcs_proposals",
    metadata,
    Column("station_key", String(36), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("proposed_ms", BigInteger, nullable=False),
    Column("decision", String(16)),  # NULL while pending, then adopted|declined
    Column("decided_ms", BigInteger),
    PrimaryKeyConstraint("station_key", "table_name", "row_id"),
)
