"""The fault proxy does what it claims: each fault happens, is counted, and is reproducible."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.sync_faults.proxy import FaultProxy, Faults


class _Counter(BaseHTTPRequestHandler):
    """Answers each POST with its body reversed and counts the requests it handled in full."""

    protocol_version = "HTTP/1.1"
    handled: list[bytes]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if not length or len(body) < length:  # the proxy cut it: nothing to handle
            return
        self.server.handled.append(body)  # type: ignore[attr-defined]
        answer = body[::-1]
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_GET(self) -> None:
        size = int(self.path.rsplit("/", 1)[-1] or 0)
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.write(b"x" * size)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    server.handled = []  # type: ignore[attr-defined]
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _port(server: ThreadingHTTPServer) -> int:
    return int(server.server_address[1])


def _post(session: requests.Session, url: str, body: bytes) -> bytes | None:
    try:
        r = session.post(url + "/echo", data=body, timeout=5)
        return r.content
    except requests.ConnectionError:
        return None


def test_clean_link_forwards_every_exchange_on_one_connection(upstream: ThreadingHTTPServer) -> None:
    with FaultProxy(_port(upstream)) as proxy, requests.Session() as s:
        answers = [_post(s, proxy.url, f"hello {i}".encode()) for i in range(20)]
        assert answers == [f"hello {i}".encode()[::-1] for i in range(20)]
        assert proxy.stats.exchanges == 20
        assert proxy.stats.passed == 20
        assert proxy.stats.connections == 1  # keep-alive survives the proxy
    assert len(upstream.handled) == 20  # type: ignore[attr-defined]


def test_cut_request_never_reaches_the_server_whole(upstream: ThreadingHTTPServer) -> None:
    with FaultProxy(_port(upstream), Faults(cut_request=1.0), seed=3) as proxy, requests.Session() as s:
        for i in range(5):
            assert _post(s, proxy.url, b"y" * (1000 + i)) is None
        assert proxy.stats.cut_requests == 5
    assert upstream.handled == []  # type: ignore[attr-defined]


def test_dropped_response_means_committed_but_unheard(upstream: ThreadingHTTPServer) -> None:
    with FaultProxy(_port(upstream), Faults(drop_response=1.0)) as proxy, requests.Session() as s:
        assert _post(s, proxy.url, b"commit me") is None
        assert proxy.stats.dropped_responses == 1
    assert upstream.handled == [b"commit me"]  # type: ignore[attr-defined]


def test_cut_response_arrives_partly_after_the_server_handled_it(upstream: ThreadingHTTPServer) -> None:
    with FaultProxy(_port(upstream), Faults(cut_response=1.0), seed=1) as proxy, requests.Session() as s:
        for _ in range(4):
            try:
                r = s.get(proxy.url + "/50000", timeout=5)
                got = len(r.content)
            except requests.RequestException:
                got = -1
            assert got != 50000
        assert proxy.stats.cut_responses == 4


def test_duplicate_reaches_the_server_twice_and_the_client_once(upstream: ThreadingHTTPServer) -> None:
    with FaultProxy(_port(upstream), Faults(duplicate=1.0)) as proxy, requests.Session() as s:
        assert _post(s, proxy.url, b"twice") == b"eciwt"
        assert proxy.stats.duplicates == 1
    assert upstream.handled == [b"twice", b"twice"]  # type: ignore[attr-defined]


def test_same_seed_same_fates(upstream: ThreadingHTTPServer) -> None:
    def run(seed: int) -> list[bool]:
        with FaultProxy(_port(upstream), Faults.cuts(0.5), seed=seed) as proxy:
            out = []
            for i in range(30):
                with requests.Session() as s:  # one connection per exchange: order is fixed
                    out.append(_post(s, proxy.url, f"m{i}".encode()) is not None)
            return out

    first, again, other = run(7), run(7), run(8)
    assert first == again
    assert first != other
    assert 0 < sum(first) < 30


def test_only_paths_spares_other_requests(upstream: ThreadingHTTPServer) -> None:
    faults = Faults(cut_request=1.0, only_paths=("/api/v1/sync/push",))
    with FaultProxy(_port(upstream), faults) as proxy, requests.Session() as s:
        assert _post(s, proxy.url, b"spared") == b"deraps"
        with pytest.raises(requests.ConnectionError):
            s.post(proxy.url + "/api/v1/sync/push", data=b"x", timeout=5)
        assert proxy.stats.cut_requests == 1 and proxy.stats.passed == 1


def test_throttle_and_rtt_cost_what_the_line_costs(upstream: ThreadingHTTPServer) -> None:
    size = 32 * 1024  # 256 kbit at 256 kbit/s: one second down
    with FaultProxy(_port(upstream), Faults(bandwidth_bps=256_000, rtt_ms=200)) as proxy, requests.Session() as s:
        start = time.monotonic()
        r = s.get(proxy.url + f"/{size}", timeout=10)
        elapsed = time.monotonic() - start
    assert len(r.content) == size
    bound = size * 8 / 256_000 + 0.2 + 0.2  # transfer + one round trip + the handshake
    assert bound * 0.95 <= elapsed <= bound + 1.0


def test_stop_closes_a_hung_client_quickly(upstream: ThreadingHTTPServer) -> None:
    import socket

    proxy = FaultProxy(_port(upstream)).start()
    sock = socket.create_connection(("127.0.0.1", proxy.port))
    sock.sendall(b"POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part")  # never finished
    start = time.monotonic()
    proxy.stop()
    assert time.monotonic() - start < 5
    sock.settimeout(2)
    try:
        assert sock.recv(10) == b""
    except ConnectionResetError:
        pass  # aborted: as closed as it gets
    finally:
        sock.close()
