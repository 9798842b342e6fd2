"""Running the centre server under uvicorn, with one ready line on stdout once it accepts connections.

With `workers` > 1 the schema is brought to head once, here, then uvicorn's supervisor starts the
worker processes on one listening socket; each builds its app from the settings this process leaves in
its environment (`worker_app`), and holds its share of the server's database connections. The ready
line is printed once every worker answers.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from ytcs_desktop.settings import environment, settings
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.app import create_app
from ytcs_desktop.sync.server.http_limits import BoundedH11Protocol
from ytcs_desktop.sync.server.store import DEFAULT_POOL_WAIT_S, ServerStore

READY_PREFIX = "YTCS centre server ready on "
WORKER_READY_S = 60.0


# How long an idle connection is kept open. On a slow line a station's pushes take turns on two connections
# (one is sent while the answer to the other comes), so each waits about one batch's time on the line
# (4-5 s for a full body at 256 kbit/s) between uses; uvicorn's 5 s closed them just before they were used.
KEEP_ALIVE_S = 30

def _ready_line(config: uvicorn.Config, host: str, port: int) -> None:
    scheme = "https" if config.ssl_certfile else "http"
    print(f"{READY_PREFIX}{scheme}://{host}:{port} (protocol {p.PROTOCOL_MIN}–{p.PROTOCOL_MAX})", flush=True)


class _Server(uvicorn.Server):
    async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
        await super().startup(sockets=sockets)
        if self.should_exit:
            return
        host, port = self.config.host, self.config.port
        for server in self.servers:
            for sock in server.sockets:
                host, port = sock.getsockname()[:2]
                break
        _ready_line(self.config, host, port)


class _Workers(Multiprocess):
    """uvicorn's supervisor, saying once that all its workers are ready."""

    def init_processes(self) -> None:
        super().init_processes()
        for process in self.processes:
            if not process.wait_until_ready(WORKER_READY_S, self.should_exit):
                self.should_exit.set()  # a worker that cannot start (its database refused it): stop them all
                return
        host, port = self.sockets[0].getsockname()[:2]
        _ready_line(self.config, host, port)


def _tune_collector() -> None:
    gc.freeze()  # the long-lived startup objects leave the collector's scans: large pushes run faster
    gc.set_threshold(20_000, 50, 100)  # and a batch of thousands of rows starts fewer collections


def worker_app() -> FastAPI:
    """The app of one worker process, from the settings `serve` left in the environment."""
    given = settings()
    if given.serve_database is None or given.serve_connections is None or given.serve_pool_wait_s is None:
        raise RuntimeError("worker_app runs in the workers of `ytcs centre serve --workers N`, which sets YTCS_SERVE_*")
    store = ServerStore(given.serve_database, connections=given.serve_connections,
                        pool_wait_s=given.serve_pool_wait_s)
    app = create_app(store)  # reads the server's identity now (the parent made the schema)
    _tune_collector()
    return app


def serve(database_url: str, host: str = "127.0.0.1", port: int = 8470, log_level: str = "warning",
          certfile: str | None = None, keyfile: str | None = None, *, workers: int = 1,
          connections: int | None = None, pool_wait_s: float = DEFAULT_POOL_WAIT_S) -> int:
    """Serve until stopped; with `certfile` (and its `keyfile`, unless the key is in the same file) over
    TLS, which uvicorn does. `connections`: the most the whole server holds to the database, shared by
    its `workers` (default: ServerStore.connection_budget); a request that waits `pool_wait_s` for one is
    answered 503 with Retry-After."""
    workers = max(1, workers)
    store = ServerStore(database_url)
    try:
        store.create_schema()
        total = connections if connections is not None else store.connection_budget(workers)
    finally:
        store.dispose()
    each = max(1, total // workers)
    common: dict[str, Any] = {"host": host, "port": port, "log_level": log_level, "access_log": False,
                              "timeout_graceful_shutdown": 5, "ssl_certfile": certfile, "ssl_keyfile": keyfile,
                              "http": BoundedH11Protocol,  # 431 and 400 with a code, not a reset (http_limits.py)
                              "timeout_keep_alive": KEEP_ALIVE_S}
    if workers > 1:
        os.environ.update(environment(serve_database=database_url, serve_connections=each,
                                      serve_pool_wait_s=pool_wait_s))
        config = uvicorn.Config(f"{__name__}:worker_app", factory=True, workers=workers, **common)
        _Workers(config, sockets=[config.bind_socket()]).run()
        return 0
    store = ServerStore(database_url, connections=each, pool_wait_s=pool_wait_s)
    app = create_app(store)
    _tune_collector()
    server = _Server(uvicorn.Config(app, **common))
    try:
        server.run()
    finally:
        store.dispose()
    return 0 if server.started else 1


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1]))
