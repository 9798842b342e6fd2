"""Running the centre server under uvicorn, with one ready line on stdout once it accepts connections."""

from __future__ import annotations

import gc
import sys

import uvicorn

from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.app import create_app
from ytcs_desktop.sync.server.http_limits import BoundedH11Protocol
from ytcs_desktop.sync.server.store import DEFAULT_CONNECTIONS, DEFAULT_POOL_WAIT_S, ServerStore

READY_PREFIX = "YTCS centre server ready on "


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
        scheme = "https" if self.config.ssl_certfile else "http"
        print(f"{READY_PREFIX}{scheme}://{host}:{port} (protocol {p.PROTOCOL_MIN}–{p.PROTOCOL_MAX})", flush=True)


def serve(database_url: str, host: str = "127.0.0.1", port: int = 8470, log_level: str = "warning",
          certfile: str | None = None, keyfile: str | None = None, *, connections: int = DEFAULT_CONNECTIONS,
          pool_wait_s: float = DEFAULT_POOL_WAIT_S) -> int:
    """Serve until stopped; with `certfile` (and its `keyfile`, unless the key is in the same file) over
    TLS, which uvicorn does. `connections`: the most this process holds to the database; a request that
    waits `pool_wait_s` for one is answered 503 with Retry-After."""
    store = ServerStore(database_url, connections=connections, pool_wait_s=pool_wait_s)
    store.create_schema()
    app = create_app(store)
    gc.freeze()  # the long-lived startup objects leave the collector's scans: large pushes run faster
    gc.set_threshold(20_000, 50, 100)  # and a batch of thousands of rows starts fewer collections
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False,
                            timeout_graceful_shutdown=5, ssl_certfile=certfile, ssl_keyfile=keyfile,
                            http=BoundedH11Protocol)  # 431 and 400 with a code, not a reset (http_limits.py)
    server = _Server(config)
    try:
        server.run()
    finally:
        store.dispose()
    return 0 if server.started else 1


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1]))
