"""The station's HTTP link to the centre (SYNC.md "Wire"), under the sync client's bookkeeping.

    link = Transport("http://centre:8470", token, client_time=db.clock.wall_ms, verify=trusted_ca(folder))
    answer = link.get("/api/v1/sync/hello")          # the decoded JSON answer
    answer = link.post("/api/v1/sync/push", body)    # body: gzip-compressed JSON, as it goes on the wire

- Every request carries the protocol version, the bearer token and this PC's clock; answers may come
  zstd- or gzip-compressed (Accept-Encoding names both). A body is sent in the encoding it was
  compressed with (gzip unless said); `body_encoding` is the one the centre reads best: gzip until its
  hello says it reads zstd (protocol.py).
- A cut link, a cut or undecodable answer, 5xx, 408 and 429 are `NetworkError` (with the centre's
  Retry-After when it said); 401 `AuthError`, 426 `ProtocolTooOld`, 410 `CursorExpired`, another 4xx
  `ServerRefused`; an untrusted certificate `CertificateError` (never retried: waiting does not fix it).
- The one retry policy of a sync (`backoff`, through sync/timing.py): with `retry=True` a request pauses
  and tries again by itself; the client's pipelined batches ask with `retry=False` and call `backoff`
  themselves, so a batch can shrink before it is sent again.
- Requests, bytes (as sent and received, compressed) and retries are counted into `traffic`, which the
  sync client points at its report.
"""

from __future__ import annotations

import gzip
import http.client
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import requests
import urllib3
from pydantic_core import from_json

from ytcs_desktop.messages import Refusal, given, msg
from ytcs_desktop.settings import env_name, settings
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync import timing


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


class Traffic(Protocol):
    """Where the link counts what it did (the sync report has these fields)."""

    requests: int
    retries: int
    bytes_sent: int
    bytes_received: int


class SyncError(Refusal):
    """A sync that could not be done: the program's own words, or the centre's (`given`) when it answered."""


class AuthError(SyncError):
    """401: no token, unknown token, revoked device, wrong password."""


class ProtocolTooOld(SyncError):
    """426: this client is outside the centre's protocol window; the message says what to install."""


class NetworkError(SyncError):
    """The centre could not be reached, or was busy, and kept failing after the bounded retries.
    `retry_after`: the seconds the centre asked to wait (503 busy, 429), if it said."""

    retry_after: float | None = None


class CertificateError(SyncError):
    """The centre's TLS certificate is not trusted here (self-signed, another name, expired)."""


class ServerRefused(SyncError):
    """Another 4xx answer (its code tells which)."""


class CursorExpired(Exception):
    """410: the pull cursor is older than the centre's tombstone horizon."""


CA_FILE_NAME = "centre-ca.pem"  # the centre's certificate authority, kept in the data folder by `ytcs login --ca-file`


def trusted_ca(data_dir: Path | None) -> str | bool:
    """What `requests` verifies the centre's certificate against: $YTCS_CA_FILE, else the centre's CA kept
    in the data folder, else the system's authorities (True)."""
    given = settings().ca_file
    if given:
        return given
    if data_dir is not None and (data_dir / CA_FILE_NAME).is_file():
        return str(data_dir / CA_FILE_NAME)
    return True


def certificate_error(detail: str) -> CertificateError:
    variable = env_name("ca_file")
    return CertificateError(
        "certificate",
        msg("certificate", detail=detail, variable=variable))


def ssl_reason(exc: BaseException) -> str:
    text = str(exc)
    for reason in ("self-signed certificate", "certificate has expired", "Hostname mismatch",
                   "unable to get local issuer certificate", "certificate verify failed"):
        if reason.lower() in text.lower():
            return reason
    return text[:200]


def network_error(detail: str) -> NetworkError:
    return NetworkError("network", msg("network", detail=detail))


class _Counts:
    """Traffic counted when nobody reads it."""

    requests = retries = bytes_sent = bytes_received = 0


class Transport:
    def __init__(self, server_url: str, token: str, *, client_time: Callable[[], int], verify: str | bool = True,
                 session: requests.Session | None = None, protocol_version: int = p.PROTOCOL_VERSION,
                 timeout: float = 60.0, max_retries: int = 6, backoff_s: float = 0.2,
                 cancel: CancelFlag | None = None, traffic: Traffic | None = None) -> None:
        self.base = server_url.rstrip("/")
        self.token = token
        self.client_time = client_time
        self.http = session or requests.Session()
        # Given on every request: a session's own setting loses to $REQUESTS_CA_BUNDLE.
        self.verify = verify
        self._own_session = session is None
        self.protocol_version = protocol_version
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_s = backoff_s  # the pause after a failure is this, doubled per failure in a row
        self.cancel = cancel
        self.traffic: Traffic = traffic if traffic is not None else _Counts()
        self.body_encoding = p.GZIP  # the best the centre reads (every centre reads gzip); set from hello
        self._failures = 0  # failed exchanges in a row
        self._counting = threading.Lock()

    def close(self) -> None:
        if self._own_session:
            self.http.close()

    def cancelled(self) -> bool:
        return bool(self.cancel is not None and self.cancel.is_set())

    def get(self, path: str, params: dict[str, Any] | None = None, *, retry: bool = True) -> Any:
        return self.request("GET", path, params=params, retry=retry)

    def post(self, path: str, body: bytes, *, retry: bool = True, encoding: str = p.GZIP,
             extra: dict[str, str] | None = None) -> Any:
        """POST a compressed JSON body (compressed in `encoding`), with `extra` headers."""
        return self.request("POST", path, body=body, retry=retry, encoding=encoding, extra=extra)

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                body: bytes | None = None, retry: bool = True, encoding: str = p.GZIP,
                extra: dict[str, str] | None = None) -> Any:
        """One API call; returns the decoded JSON answer. With `retry`, a failed link is tried again
        after a pause (`backoff`) until the retry budget is spent; without, the first failure is raised.
        Two calls may run at once from two threads (a push sent ahead): the counts are kept under a lock."""
        headers = {p.PROTOCOL_HEADER: str(self.protocol_version), "Accept-Encoding": ACCEPTED,
                   "Authorization": f"Bearer {self.token}", "X-YTCS-Client-Time": str(self.client_time()),
                   **(extra or {})}
        if body is not None:
            headers["Content-Encoding"] = encoding
            headers["Content-Type"] = "application/json"
        while True:
            try:
                answer = self._once(method, path, params, body, headers)
            except NetworkError as exc:
                if not retry or self.cancelled():
                    raise  # the caller pauses and counts the retry, if it makes one
                self.backoff(exc)
                continue
            if retry:
                self.succeeded()
            return answer

    def _once(self, method: str, path: str, params: dict[str, Any] | None, body: bytes | None,
              headers: dict[str, str]) -> Any:
        with self._counting:
            self.traffic.requests += 1
        try:
            r = self.http.request(method, self.base + path, params=params, data=body, headers=headers,
                                  timeout=self.timeout, stream=True, verify=self.verify)
            with r:
                raw = r.raw.read(decode_content=False)
        except requests.exceptions.SSLError as exc:
            raise certificate_error(ssl_reason(exc)) from exc  # not retried: waiting does not fix a certificate
        except (requests.RequestException, OSError, urllib3.exceptions.HTTPError, http.client.HTTPException) as exc:
            raise network_error(str(exc)) from exc  # a cut link, wherever it was cut
        expected = r.headers.get("Content-Length")
        if expected is not None and expected.isdigit() and int(expected) != len(raw):
            raise network_error(f"answer cut after {len(raw)} of {expected} bytes")
        with self._counting:
            if body is not None:
                self.traffic.bytes_sent += len(body)
            self.traffic.bytes_received += len(raw)
        try:
            data = _inflate(raw, r.headers.get("Content-Encoding"))
            answer = from_json(data) if data else None  # pydantic's reader: a pulled page decodes faster
        except (OSError, EOFError, ValueError) as exc:
            raise network_error(f"truncated answer: {exc}") from exc
        if r.status_code == 200:
            if answer is None:
                raise network_error("empty answer")
            return answer
        raise _refusal(r.status_code, answer, r.headers.get("Retry-After"))

    def succeeded(self) -> None:
        """An exchange went through: the next failure pauses briefly again."""
        self._failures = 0

    def backoff(self, failed: NetworkError) -> None:
        """The one retry policy of a sync (hello, push and pull alike; there were two loops, with two
        budgets, and neither knew Retry-After): a pause that grows with failures in a row (not with the
        failures of the whole sync, so one cut late in a long sync costs a short pause), or what a busy
        centre asked for (sync/timing.py). The sync gives up after 2 × max_retries pauses in all, raising
        the last failure."""
        with self._counting:
            self._failures += 1
            if self.traffic.retries >= self.max_retries * 2:
                raise failed
            self.traffic.retries += 1
        self._sleep(timing.retry_delay(self._failures, self.backoff_s, failed.retry_after))

    def _sleep(self, seconds: float) -> None:
        """Sleep, waking to a cancel (a centre may ask for a wait of a minute or more)."""
        end = time.monotonic() + seconds
        while not self.cancelled() and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))


ACCEPTED = ", ".join(p.ENCODINGS)  # the answer encodings this client reads
ANSWER_BOUND = 1 << 30  # an answer never inflates past this (a pulled page is a few MB)


def _inflate(raw: bytes, encoding: str | None) -> bytes:
    if encoding == p.GZIP:
        return gzip.decompress(raw)
    if encoding == p.ZSTD:
        data = p.inflate_zstd(raw, ANSWER_BOUND)
        if data is None:
            raise ValueError("answer too large")
        return data
    return raw


def _refusal(status: int, answer: Any, retry_after: str | None) -> Exception:
    """The error for an answer that is not 200, from its status and the centre's code and messages."""
    code = answer.get("code", f"http_{status}") if isinstance(answer, dict) else f"http_{status}"
    vi = answer.get("message_vi", "") if isinstance(answer, dict) else ""
    en = answer.get("message_en", "") if isinstance(answer, dict) else ""
    if status == 401:
        return AuthError(code, given(vi, en))
    if status == 426:
        return ProtocolTooOld(code, given(vi, en))
    if status == 410:
        return CursorExpired(code)
    if status >= 500 or status in (408, 429):
        failed = NetworkError(code, given(vi, en)) if vi and en else network_error(f"HTTP {status}")
        failed.retry_after = timing.parse_retry_after(retry_after)
        return failed
    return ServerRefused(code, given(vi or en, en))
