"""Sync with the centre (SYNC.md): protocol, client, and the centre server.

Modules
- `protocol`  pydantic schemas of the wire, the protocol window, the compact column codec.
- `client`    `SyncClient(db, server_url, token, *, progress=None, cancel=None, session=None)`;
              `.sync() -> SyncReport(pushed, pulled, rejected, conflicts, seconds, bytes_sent,
              bytes_received, complete, clock_suspect, restored, resnapshot, requests, retries)`;
              `login(server_url, username, password, ...) -> LoginResponse`; errors `AuthError` (401),
              `ProtocolTooOld` (426), `NetworkError` (after bounded retries), `ServerRefused`.
- `transport` the HTTP link under the client: headers, gzip, timeouts, the retry policy, status → error.
- `apply`     the station database side: outbox batches, answers, pulled pages, cursors (sync_meta
              keys `sync_push_cursor`, `sync_pull_cursor`, `clock_offset_ms`, …).
- `conflicts` the conflict log the user sees (`list_conflicts`, `undo`, `dismiss`).
- `keystore`  the device token in the OS keyring; session-only without one; a 0600 file on request.
- `server/`   FastAPI app (`app`), accounts and tokens (`auth`), who may write what (`permissions`),
              push merge (`push`), pull (`pull`), tables (`schema`, made with `create_all`),
              administration (`admin`), `serve` (uvicorn; prints "YTCS centre server ready on URL").

Run the server: `ytcs centre serve --database URL --host 127.0.0.1 --port 8470` (`--port 0`: any free
port, printed on the ready line). URL: `sqlite:///path` (default: centre-server.sqlite3 in the data
folder) or `postgresql+psycopg://user@host/db`.
"""
