"""A fault-injecting HTTP/1.1 proxy on loopback, for proving the sync guarantees over a bad link.

It forwards one exchange (request, then response) at a time per connection and decides each
exchange's fate from a seeded generator: pass, cut the request at a random byte, cut the response
at a random byte, drop the whole response after the server answered (so the server committed but
the client never hears it), or send the request twice (the duplicate goes first, on its own
connection, and its answer is thrown away). The link itself has a round-trip time and a bandwidth
shared by every connection, one budget per direction, like a real modem line.

Everything is bounded: reads time out, request and response sizes are capped, a connection carries
at most `max_exchanges`, and `stop()` closes every socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_MESSAGE = 64 * 1024 * 1024
MAX_HEAD = 64 * 1024
SEND_CHUNK = 1024


class ProxyError(Exception):
    """A malformed or oversized message: the connection is closed."""


@dataclass
class Faults:
    """What the link does. Probabilities are per exchange (request + response)."""

    cut_request: float = 0.0
    cut_response: float = 0.0
    drop_response: float = 0.0
    duplicate: float = 0.0
    rtt_ms: float = 0.0
    bandwidth_bps: float | None = None  # bits per second, each direction; None: unthrottled
    only_paths: tuple[str, ...] = ()  # faults hit only requests whose path starts with one of these
    cut_at: int | None = None  # cut at this byte (negative: from the end) instead of a random one
    nth: frozenset[int] = frozenset()  # if given, only these targeted exchanges (1, 2, …, counted over all
    # connections in the order their requests arrive) meet the fault

    @classmethod
    def clean(cls) -> Faults:
        return cls()

    @classmethod
    def cuts(cls, p: float) -> Faults:
        """A link where a share `p` of exchanges is cut somewhere (request, response or answer lost)."""
        return cls(cut_request=p / 3, cut_response=p / 3, drop_response=p / 3)


@dataclass
class Stats:
    connections: int = 0
    exchanges: int = 0
    passed: int = 0
    cut_requests: int = 0
    cut_responses: int = 0
    dropped_responses: int = 0
    duplicates: int = 0
    bytes_up: int = 0  # client -> server, as carried on the simulated link
    bytes_down: int = 0
    paths: dict[str, int] = field(default_factory=dict)
    targeted: int = 0  # exchanges whose path the faults target
    sent_ahead: int = 0  # pushes sent before the answer to the one before them (they name X-YTCS-After-Seq)

    @property
    def faults(self) -> int:
        return self.cut_requests + self.cut_responses + self.dropped_responses + self.duplicates


class _Link:
    """One direction of the line: bytes queue behind each other at the set bandwidth."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self.free_at = 0.0

    async def send(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        bw = self.faults.bandwidth_bps
        delay = self.faults.rtt_ms / 2000.0
        if delay:
            await asyncio.sleep(delay)
        if not bw:
            writer.write(data)
            await writer.drain()
            return
        loop = asyncio.get_running_loop()
        for start in range(0, len(data), SEND_CHUNK):
            chunk = data[start : start + SEND_CHUNK]
            begin = max(loop.time(), self.free_at)
            self.free_at = begin + len(chunk) * 8 / bw
            wait = self.free_at - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(chunk)
            await writer.drain()


async def _read_message(reader: asyncio.StreamReader, timeout: float, *, is_response: bool) -> bytes | None:
    """One HTTP/1.1 message, as raw bytes; None on a clean EOF before its first byte."""
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
    except asyncio.IncompleteReadError as exc:
        if not exc.partial:
            return None
        raise ProxyError("connection closed inside a message head") from exc
    except asyncio.LimitOverrunError as exc:
        raise ProxyError("message head too long") from exc
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    body = b""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        parts = []
        total = 0
        for _ in range(1_000_000):
            size_line = await asyncio.wait_for(reader.readuntil(b"\r\n"), timeout)
            size = int(size_line.split(b";")[0].strip(), 16)
            chunk = await asyncio.wait_for(reader.readexactly(size + 2), timeout)
            parts.append(size_line + chunk)
            total += size
            if total > MAX_MESSAGE:
                raise ProxyError("message too long")
            if size == 0:
                break
        body = b"".join(parts)
    elif "content-length" in headers:
        length = int(headers["content-length"])
        if length > MAX_MESSAGE:
            raise ProxyError("message too long")
        body = await asyncio.wait_for(reader.readexactly(length), timeout)
    elif is_response and not _bodiless(lines[0]):
        body = await asyncio.wait_for(reader.read(MAX_MESSAGE), timeout)  # ends with the connection
    return head + body


def _bodiless(status_line: str) -> bool:
    parts = status_line.split()
    return len(parts) > 1 and (parts[1].startswith("1") or parts[1] in ("204", "304"))


def _offset(length: int, fraction: float, fixed: int | None) -> int:
    if fixed is None:
        return int(length * fraction)
    return max(0, min(length - 1, fixed if fixed >= 0 else length + fixed))


def _path(message: bytes) -> str:
    first = message.split(b"\r\n", 1)[0].decode("latin-1").split()
    return first[1] if len(first) > 1 else ""


class FaultProxy:
    """`FaultProxy(upstream_port, faults, seed).start()`; clients talk to `proxy.url`.

    `faults` may be replaced at any time (`proxy.faults = Faults(...)`); the next exchange uses it.
    """

    def __init__(
        self,
        upstream_port: int,
        faults: Faults | None = None,
        seed: int = 0,
        *,
        upstream_host: str = "127.0.0.1",
        idle_timeout: float = 30.0,
        max_exchanges: int = 100_000,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.faults = faults or Faults()
        self.seed = seed
        self.idle_timeout = idle_timeout
        self.max_exchanges = max_exchanges
        self.stats = Stats()
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._transports: set[asyncio.BaseTransport] = set()
        self._up = _Link(self.faults)
        self._down = _Link(self.faults)
        self._lock = threading.Lock()

    # ----- lifecycle --------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                self._server = loop.run_until_complete(loop.create_server(self._protocol, "127.0.0.1", 0))
                self.port = self._server.sockets[0].getsockname()[1]
            except BaseException as exc:  # reported to start()
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        if errors:
            raise errors[0]
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None:
            return

        async def shutdown() -> None:
            # A connection accepted just now is still being set up by an asyncio task; closing the
            # server under it leaks its socket (Python 3.11). Let those finish first.
            for _ in range(100):
                if not any(
                    "_accept_connection" in getattr(t.get_coro(), "__qualname__", "") for t in asyncio.all_tasks()
                ):
                    break
                await asyncio.sleep(0.01)
            if self._server is not None:
                self._server.close()
            for _ in range(200):
                for writer in list(self._writers):
                    writer.transport.abort()
                for transport in list(self._transports):
                    if isinstance(transport, asyncio.WriteTransport):
                        transport.abort()
                others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                for task in others:
                    if "FaultProxy" in getattr(task.get_coro(), "__qualname__", ""):
                        task.cancel()
                if not others and not self._transports:
                    break
                await asyncio.sleep(0.01)
            if self._server is not None:
                await self._server.wait_closed()

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(10)
        self._loop = None
        self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @contextlib.contextmanager
    def faults_as(self, faults: Faults) -> Iterator[None]:
        """Use other faults for a block (a clean link to settle, say)."""
        saved = self.faults
        self.faults = faults
        try:
            yield
        finally:
            self.faults = saved

    def _protocol(self) -> asyncio.StreamReaderProtocol:
        """As asyncio.start_server makes them, but every accepted transport is kept for stop()."""
        proxy = self

        class Tracked(asyncio.StreamReaderProtocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                self.tracked = transport
                proxy._transports.add(transport)
                super().connection_made(transport)

            def connection_lost(self, exc: Exception | None) -> None:
                proxy._transports.discard(self.tracked)
                super().connection_lost(exc)

        reader = asyncio.StreamReader(limit=MAX_HEAD)
        protocol = Tracked(reader, self._handle)
        return protocol

    # ----- one connection ---------------------------------------------------------------------
    def _rng(self, conn: int, exchange: int) -> random.Random:
        return random.Random(f"{self.seed}:{conn}:{exchange}")

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        with self._lock:
            self.stats.connections += 1
            conn = self.stats.connections
        self._writers.add(client_w)
        upstream_w: asyncio.StreamWriter | None = None
        try:
            upstream_r, opened = await asyncio.wait_for(
                asyncio.open_connection(*self.upstream, limit=MAX_HEAD), self.idle_timeout
            )
            upstream_w = opened
            self._writers.add(opened)
            if self.faults.rtt_ms:
                await asyncio.sleep(self.faults.rtt_ms / 1000.0)  # the TCP handshake costs a round trip
            for exchange in range(self.max_exchanges):
                keep = await self._exchange(conn, exchange, client_r, client_w, upstream_r, opened)
                if not keep:
                    break
        except (TimeoutError, ProxyError, OSError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            for w in (client_w, upstream_w):
                if w is not None:
                    self._writers.discard(w)
                    w.transport.abort()

    async def _exchange(
        self,
        conn: int,
        exchange: int,
        client_r: asyncio.StreamReader,
        client_w: asyncio.StreamWriter,
        upstream_r: asyncio.StreamReader,
        upstream_w: asyncio.StreamWriter,
    ) -> bool:
        request = await _read_message(client_r, self.idle_timeout, is_response=False)
        if request is None:
            return False
        faults = self.faults
        self._up.faults = self._down.faults = faults
        path = _path(request)
        rng = self._rng(conn, exchange)
        roll = rng.random()
        offset_fraction = rng.random()
        targeted = not faults.only_paths or path.startswith(faults.only_paths)
        fate = "pass"
        if targeted:
            edges = [
                ("cut_request", faults.cut_request),
                ("cut_response", faults.cut_response),
                ("drop_response", faults.drop_response),
                ("duplicate", faults.duplicate),
            ]
            acc = 0.0
            for name, p in edges:
                acc += p
                if roll < acc:
                    fate = name
                    break
        with self._lock:
            self.stats.exchanges += 1
            self.stats.paths[path.split("?")[0]] = self.stats.paths.get(path.split("?")[0], 0) + 1
            if b"\r\nx-ytcs-after-seq:" in request.split(b"\r\n\r\n", 1)[0].lower():
                self.stats.sent_ahead += 1
            if targeted:
                self.stats.targeted += 1
                if faults.nth and self.stats.targeted not in faults.nth:
                    fate = "pass"
        if fate == "duplicate":
            await self._send_twice_first(request)
        if fate == "cut_request":
            cut = _offset(len(request), offset_fraction, faults.cut_at)
            self._count(cut_requests=1, bytes_up=cut)
            if cut:
                await self._up.send(upstream_w, request[:cut])
            return False
        self._count(bytes_up=len(request))
        await self._up.send(upstream_w, request)
        response = await _read_message(upstream_r, self.idle_timeout, is_response=True)
        if response is None:
            return False
        if fate == "drop_response":
            self._count(dropped_responses=1)
            return False
        if fate == "cut_response":
            cut = _offset(len(response), offset_fraction, faults.cut_at)
            self._count(cut_responses=1, bytes_down=cut)
            if cut:
                await self._down.send(client_w, response[:cut])
            return False
        self._count(bytes_down=len(response), passed=1 if fate == "pass" else 0)
        await self._down.send(client_w, response)
        head = response.split(b"\r\n\r\n", 1)[0].lower()
        framed = b"content-length" in head or b"chunked" in head
        request_head = request.split(b"\r\n\r\n", 1)[0].lower()
        return framed and b"connection: close" not in head and b"connection: close" not in request_head

    async def _send_twice_first(self, request: bytes) -> None:
        """The duplicate: the same bytes on a fresh connection, answered and thrown away."""
        self._count(duplicates=1)
        writer: asyncio.StreamWriter | None = None
        try:
            reader, side = await asyncio.wait_for(
                asyncio.open_connection(*self.upstream, limit=MAX_HEAD), self.idle_timeout
            )
            writer = side
            side.write(request)
            await side.drain()
            await _read_message(reader, self.idle_timeout, is_response=True)
        except (TimeoutError, ProxyError, OSError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            if writer is not None:
                writer.transport.abort()

    def _count(self, **deltas: int) -> None:
        with self._lock:
            for name, delta in deltas.items():
                setattr(self.stats, name, getattr(self.stats, name) + delta)


def wait_port(port: int, host: str = "127.0.0.1", timeout: float = 20.0) -> None:
    """Wait until something accepts connections on the port."""
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {host}:{port}")
