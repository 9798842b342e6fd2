"""The station's sync client (SYNC.md "Wire"): hello, push before pull, adaptive bounded batches.

    client = SyncClient(db, "http://centre:8470", token, progress=cb, cancel=event)
    report = client.sync()   # SyncReport(pushed, pulled, rejected, seconds, bytes_sent, ...)

- `progress(phase, done, total)` is called from the syncing thread: phase "hello" | "push" | "pull";
  `total` is None when unknown. `cancel` is anything with `is_set()` (threading.Event): checked
  between batches; a cancelled sync returns a report with `complete=False` and loses nothing.
- The push cursor advances only after the centre's answer; pulled rows and the pull cursor are
  written in one local transaction; a batch cut mid-way is simply sent again (the centre answers
  `duplicate`).
- Errors the user must act on raise `SyncError` subclasses carrying a code and both messages:
  `AuthError` (401: log in again), `ProtocolTooOld` (426: install a newer version), `NetworkError`
  (the link failed after bounded retries).

This module keeps the sync's bookkeeping (batches that follow the link, cursors, what is recorded, the
report); the HTTP link under it (headers, gzip, timeouts, the retry policy, status → error) is
`sync/transport.py`, whose errors and helpers are also importable from here.
"""

from __future__ import annotations

import gc
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

import requests

from ytcs_desktop.messages import given
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.station_accounts import exchange_accounts
from ytcs_desktop.sync.transport import (
    CA_FILE_NAME,
    AuthError,
    CancelFlag,
    CertificateError,
    CursorExpired,
    NetworkError,
    ProtocolTooOld,
    ServerRefused,
    SyncError,
    Transport,
    certificate_error,
    network_error,
    ssl_reason,
    trusted_ca,
)

# The errors and helpers of the link, importable from here as before the transport had its own module
__all__ = ["CA_FILE_NAME", "AuthError", "CancelFlag", "CertificateError", "CursorExpired", "NetworkError",
           "ProgressFn", "ProtocolTooOld", "ServerRefused", "SyncClient", "SyncError", "SyncReport",
           "certificate_error", "login", "network_error", "ssl_reason", "trusted_ca"]

ProgressFn = Callable[[str, int, int | None], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0
    seconds: float = 0.0
    bytes_sent: int = 0  # request bodies as sent (compressed)
    bytes_received: int = 0  # response bodies as received (compressed)
    complete: bool = False  # everything pending was pushed and everything new was pulled
    clock_suspect: bool = False
    restored: bool = False  # the centre had acknowledged more than this database remembered (restored backup)
    redownload: bool = False  # and acknowledged work was missing here: everything was pulled again
    resnapshot: bool = False  # a full re-download happened (cursor older than the tombstone horizon)
    requests: int = 0
    retries: int = 0
    accounts_confirmed: int = 0  # accounts made on this PC that the centre made for the station
    accounts_refused: int = 0  # and those it refused (each shows why)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


BODY_FILL = 0.95  # a push body is read to about this share of the bound (the estimate per row is close)
# A push body of at least SLOW_LINK_PROBE bytes that moved at under SLOW_LINK bytes a second marks a
# slow line (a busy centre on a fast one stays above): bodies are then compressed harder, as the time
# goes to the line, not to the compressor.
SLOW_LINK = 48_000
SLOW_LINK_PROBE = 32 * 1024


@dataclass
class _Adaptive:
    """A batch size (rows) that follows the link (SYNC.md "Wire").

    It starts small; after each exchange that went through it grows to what the link carried in
    `budget_s` at the rate just measured (rows per second of the whole exchange, round trip and
    server included, so the estimate errs low), fourfold at most per exchange and up to `high`: a
    slow line grows too, up to the body bound, only more slowly. A full batch that took longer than
    the budget brings it down to what fits, by half at most; a cut halves it. For pushes, `limit()`
    also keeps the body under the bound (~128 KB compressed) from the bytes a row took in the last
    body."""

    size: int
    low: int
    high: int
    budget_s: float = 10.0
    row_bytes: float = 0.0  # compressed bytes per row in the last body; 0: not known (no bound)

    def limit(self, size: int | None = None) -> int:
        """Rows to ask for next (or for a batch of `size`)."""
        rows = self.size if size is None else size
        if self.row_bytes <= 0:
            return rows
        return max(self.low, min(rows, int(BODY_FILL * p.MAX_BODY_COMPRESSED / self.row_bytes)))

    def hoped(self) -> int:
        """The limit once the exchange under way has gone through at full speed (the largest growth)."""
        return self.limit(min(self.high, 4 * self.size))

    def success(self, rows: int, seconds: float) -> None:
        fits = int(rows * self.budget_s / max(seconds, 0.001))
        if fits > self.size:
            self.size = max(self.low, min(self.high, fits, 4 * self.size))
        elif rows >= self.limit():  # a full batch overran the budget: the link is slower than that
            self.size = max(self.low, rows // 2, fits)

    def failure(self) -> None:
        self.size = max(self.low, min(self.size, self.limit()) // 2)


_Prepared = tuple[a.PushBatch, bytes]  # a batch and its compressed body
_Ahead = tuple[int, int, Future[_Prepared | None]]  # a batch read ahead: its start, the size asked, the work
PUSH_AHEAD = "push_ahead"  # the centre's code for a batch that came before the one it follows


@dataclass
class _Flight:
    """A batch on its way: its body, the position it continues from (None: sent with nothing before it
    unanswered), and its answer to come (None: it failed)."""

    batch: a.PushBatch
    body: bytes
    after: int | None
    sending: Future[p.PushResponse | None]
    alone: bool = False  # sent again after a failure, or answered after one: no batch is sent ahead of it


def _outcome(sending: Future[p.PushResponse | None]) -> p.PushResponse | None:
    """A batch's answer once it comes; None when it failed in any way (the batch is sent again)."""
    try:
        return sending.result()
    except Exception:  # a refusal or a dead link: raised where the batch at the head meets it
        return None


class SyncClient:
    def __init__(self, db: Database, server_url: str, token: str, *, progress: ProgressFn | None = None,
                 cancel: CancelFlag | None = None, session: requests.Session | None = None,
                 protocol_version: int = p.PROTOCOL_VERSION, timeout: float = 60.0, max_retries: int = 6,
                 push_batch: int = 200, pull_limit: int = 1000, backoff_s: float = 0.2) -> None:
        self.db = db
        self.progress = progress
        self.report = SyncReport()
        self.link = Transport(server_url, token, client_time=db.clock.wall_ms, verify=trusted_ca(db.path.parent),
                              session=session, protocol_version=protocol_version, timeout=timeout,
                              max_retries=max_retries, backoff_s=backoff_s, cancel=cancel, traffic=self.report)
        self.push_size = _Adaptive(push_batch, 1, 20_000)
        self.pull_size = _Adaptive(pull_limit, 50, 20_000)
        self._slow_link = False  # the last large push body moved slowly
        self._pending = 0  # changes of records pending when the push began (progress total)
        self._push_after = False  # the centre keeps pushes in order (hello): a batch may go before an answer
        self._line_rate: float | None = None  # bytes a second push bodies came in at the centre
        self._rates: deque[float] = deque(maxlen=8)
        self._round_trip = float("inf")  # seconds: the least an exchange took beyond the line and the centre
        self._line_free = 0.0  # when the bodies sent should have gone up the line (time.monotonic)
        self._pushed_before = 0

    def close(self) -> None:
        self.link.close()

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                body: bytes | None = None, retry: bool = True, encoding: str = p.GZIP) -> Any:
        """One API call through the link (bounded retries unless `retry` is False); the decoded answer.
        `body` is compressed in `encoding`."""
        return self.link.request(method, path, params=params, body=body, retry=retry, encoding=encoding)

    def _cancelled(self) -> bool:
        return self.link.cancelled()

    def _tell(self, phase: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    # ----- the protocol ------------------------------------------------------------------------
    def hello(self) -> p.HelloResponse:
        t0 = self.db.clock.wall_ms()
        answer = p.HelloResponse.model_validate(self.link.get(f"{p.API}/sync/hello"))
        t1 = self.db.clock.wall_ms()
        offset = answer.server_time_ms - (t0 + t1) // 2
        with a.remote_write(self.db) as conn:
            a.set_meta(conn, a.CLOCK_OFFSET, str(offset))
            a.set_meta(conn, a.CLOCK_SUSPECT, "1" if answer.clock_suspect else "0")
            a.set_meta(conn, a.RECOMMENDED_CLIENT, answer.recommended_client or "")
            a.set_meta(conn, a.CLIENT_DOWNLOAD, answer.client_download or "")
        self.db.clock.offset_ms = offset
        self.link.body_encoding = p.ZSTD if p.ZSTD in answer.encodings else p.GZIP
        self._push_after = answer.push_after
        self.report.clock_suspect = answer.clock_suspect
        if answer.acked_seq > a.get_int(self.db, a.PUSH_CURSOR):
            # The centre acknowledged more than this database remembers (a restored backup, or a lost
            # answer): what is pending is re-sent (duplicates are harmless) and the centre is told
            # where this database really stands.
            self.report.restored = True
        if a.restored_from_backup(self.db, answer.acked_seq, answer.acked_mutation):
            # Acknowledged work is missing here: pull everything back, this device's own rows too.
            self.report.redownload = True
            with a.remote_write(self.db) as conn:
                a.set_meta(conn, a.PULL_OWN, "1")
                a.set_meta(conn, a.PULL_CURSOR, "0")
        return answer

    def push(self) -> bool:
        """Push the outbox; True when nothing is left pending.

        Three stages overlap: the next batch is read and compressed, this one is on the wire (the centre
        applies it), and the one before is recorded here. To a centre that keeps pushes in order
        (`push_after`), the next batch is sent once this one's body should have left on the line, before
        its answer, naming where it continues (protocol.AFTER_SEQ_HEADER): the line carries it while the
        centre applies this one. Answers are recorded in order; see `_failed` for a batch that fails."""
        self._pending = a.waiting_records(self.db)
        self._pushed_before = self.report.pushed
        self._tell("push", 0, self._pending)
        must_ack = self.report.restored
        # After a restore the centre stands ahead of this database: one batch at a time, as an older client.
        ahead_ok = self._push_after and not self.report.restored
        cursor = a.get_int(self.db, a.PUSH_CURSOR)  # the outbox seq recorded as acknowledged
        flights: deque[_Flight] = deque()
        ahead: _Ahead | None = None
        drained = False  # nothing in the outbox after the last batch sent
        with ThreadPoolExecutor(1, thread_name_prefix="ytcs-push") as pool, \
                ThreadPoolExecutor(2, thread_name_prefix="ytcs-send") as wire:
            try:
                while True:
                    while not drained and not self._cancelled() and self._may_send(flights, ahead_ok):
                        start = flights[-1].batch.last_seq if flights else cursor
                        prepared = self._next_batch(ahead, start)
                        ahead = None
                        if prepared is None:
                            if not must_ack or flights:
                                drained = True
                                break
                            empty = a.PushBatch([], {})
                            prepared = empty, p.compress_body(self.link.body_encoding,
                                                              p.dumps(a.build_push(empty, cursor)))
                        must_ack = False
                        batch, body = prepared
                        if batch.rows:
                            limit = self.push_size.hoped()  # read as if this exchange goes well
                            ahead = batch.last_seq, limit, pool.submit(self._prepare, batch.last_seq, limit)
                        after = start if flights else None
                        queued = self._on_line(len(body))
                        flights.append(_Flight(batch, body, after, wire.submit(self._send, batch, body, after, queued)))
                        if not batch.rows:
                            drained = True
                    if not flights:
                        return drained and not self._cancelled()
                    head = flights[0]
                    try:
                        answer = head.sending.result(timeout=self._send_wait(flights, ahead_ok, drained))
                    except FutureTimeout:
                        continue  # time to send the next batch
                    flights.popleft()
                    if answer is None and self._cancelled():
                        flights.clear()  # what is unrecorded goes again at the next sync (answered duplicate)
                        continue
                    if answer is None:
                        flights = self._failed(head, flights, wire)
                        ahead, drained = None, False
                        continue
                    self._record(head.batch, answer)
                    if head.batch.rows:
                        cursor = head.batch.last_seq
            finally:
                for flight in flights:  # a refusal or a cancel: what went through is recorded
                    late = _outcome(flight.sending)
                    if late is None:
                        break
                    self._record(flight.batch, late)

    def _may_send(self, flights: deque[_Flight], ahead_ok: bool) -> bool:
        """Whether another batch may go now: none is on the way, or one is and its body should have left."""
        if not flights:
            return True
        left = self._next_at()
        return ahead_ok and len(flights) == 1 and not flights[0].alone and left is not None \
            and time.monotonic() >= left

    def _next_at(self) -> float | None:
        """When the next batch should leave: half a round trip before the bodies sent have gone up the line (at
        the rate the answered pushes measured), so its first bytes follow their last ones."""
        if self._line_rate is None:
            return None
        return self._line_free - min(self._round_trip, 1.0) / 2

    def _on_line(self, size: int) -> float:
        """A body of `size` bytes leaves now: the seconds it should wait behind those before it on the line."""
        now = time.monotonic()
        if self._line_rate is None:
            return 0.0
        queued = max(0.0, self._line_free - now)
        self._line_free = now + queued + size / self._line_rate
        return queued

    def _send_wait(self, flights: deque[_Flight], ahead_ok: bool, drained: bool) -> float | None:
        """How long to wait for the first answer before sending the next batch (None: until it comes)."""
        if drained or not ahead_ok or len(flights) != 1 or flights[0].alone or self._cancelled():
            return None
        left = self._next_at()
        return None if left is None else max(0.0, left - time.monotonic())

    def _failed(self, head: _Flight, later: deque[_Flight], wire: ThreadPoolExecutor) -> deque[_Flight]:
        """The batch at the head went unanswered (the link, or the centre found it ahead of one lost). A batch
        sent after it that went through was applied after it (the centre keeps them in order), so the head
        was applied too and only its answer was lost: that answer is kept, the head is sent again alone (the
        centre answers its changes `duplicate`) and the two are recorded in order. A later batch that failed
        is sent again after them, from the cursor."""
        kept: deque[_Flight] = deque()
        for flight in later:
            if _outcome(flight.sending) is None:
                break
            flight.alone = True  # the head sent again moves the centre's position back to its own end
            kept.append(flight)
        again = _Flight(head.batch, head.body, None,
                        wire.submit(self._send, head.batch, head.body, None, self._on_line(len(head.body))),
                        alone=True)
        return deque([again, *kept])

    def _send(self, batch: a.PushBatch, body: bytes, after: int | None, queued: float) -> p.PushResponse | None:
        """Send one batch (`queued`: the seconds it should wait on the line behind bodies sent before it); its
        answer, or None when the link failed (after a pause) or the centre found it sent ahead of a batch it
        has not received."""
        started = time.monotonic()
        extra = {p.AFTER_SEQ_HEADER: str(after)} if after is not None else None
        try:
            answer = p.PushResponse.model_validate(self.link.post(f"{p.API}/sync/push", body, retry=False,
                                                                  encoding=self.link.body_encoding, extra=extra))
            if len(answer.results) != len(batch.rows):  # never advance the cursor past an unanswered row
                raise network_error(f"{len(answer.results)} answers for {len(batch.rows)} changes")
        except ServerRefused as exc:
            if exc.code == PUSH_AHEAD:
                return None  # the batch before it was lost on the way: both go again
            raise
        except NetworkError as exc:
            self.push_size.failure()
            self.link.backoff(exc)
            return None
        self.link.succeeded()
        seconds = time.monotonic() - started
        self.push_size.success(len(batch.rows), seconds)
        if len(body) >= SLOW_LINK_PROBE:
            self._slow_link = len(body) / max(seconds, 0.001) < SLOW_LINK
        if answer.took_ms is not None and answer.received_ms is not None:
            # The centre saw the body come in over `received_ms`: the line's rate. What is left of the exchange
            # after its work, the body and any wait behind the body before it is the round trip (the least seen).
            # The highest of the last few: a body that shared the line or met a busy centre only seems slower,
            # and a next batch sent a little early still keeps the line full, while one sent late leaves it idle.
            self._rates.append(len(body) / max(answer.received_ms / 1000, 0.001))
            self._line_rate = max(self._rates)
            rest = seconds - (answer.took_ms + answer.received_ms) / 1000 - queued
            self._round_trip = max(0.0, min(self._round_trip, rest))
        return answer

    def _next_batch(self, ahead: _Ahead | None, cursor: int) -> _Prepared | None:
        """The batch that starts at `cursor`: the one read ahead if it starts there and its size is
        within a quarter of the size now wanted (it was read before this exchange's answer, at the
        size hoped for), else one read now."""
        if ahead is not None:
            start, asked, future = ahead
            ready = future.result()
            wanted = self.push_size.limit()
            rows = len(ready[0].rows) if ready is not None else 0
            fits = 4 * rows <= 5 * wanted and (rows < asked or 5 * rows >= 4 * wanted)
            if start == cursor and fits:
                return ready
        return self._prepare(cursor, self.push_size.limit())

    def _prepare(self, cursor: int, limit: int) -> _Prepared | None:
        batch = a.read_outbox(self.db, cursor, limit)
        return self._bounded_body(batch, cursor) if batch.rows else None

    def _record(self, batch: a.PushBatch, answer: p.PushResponse) -> None:
        """Mark the batch's rows and advance the push cursor (one local transaction)."""
        rows = batch.rows
        rejected, conflicts = a.record_push_answer(self.db, rows, answer)
        self.report.pushed += a.record_rows(rows)
        self.report.rejected += rejected
        self.report.conflicts += conflicts
        self.report.clock_suspect = self.report.clock_suspect or answer.clock_suspect
        self._tell("push", self.report.pushed - self._pushed_before, self._pending)

    def _bounded_body(self, batch: a.PushBatch, cursor: int) -> tuple[a.PushBatch, bytes]:
        """The batch's compressed body, the batch cut shorter if its body passed the bound."""
        # What this database has recorded (read now, so at most what it holds when the centre reads it): the
        # centre prunes its journal of this device's changes up to there. `cursor` may be ahead of it: a
        # batch is read while the answer to the one before is being recorded.
        recorded = a.get_int(self.db, a.PUSH_CURSOR)
        while True:
            last = batch.last_seq if batch.rows else cursor
            wire = {**a.build_push(batch, last), "recorded_seq": recorded}
            body = p.compress_body(self.link.body_encoding, p.dumps(wire), slow_link=self._slow_link)
            if batch.rows:
                self.push_size.row_bytes = len(body) / len(batch.rows)
            if len(body) <= p.MAX_BODY_COMPRESSED or len(batch.rows) <= 1:
                return batch, body
            batch = batch.head(max(1, int(len(batch.rows) * BODY_FILL * p.MAX_BODY_COMPRESSED / len(body))))

    def pull(self) -> bool:
        """Pull until the centre has nothing newer; True when caught up."""
        own = self.db.meta(a.PULL_OWN) == "1"
        resnapshot = self.db.meta(a.RESNAPSHOT) == "1"
        seen: dict[str, set[str]] | None = {} if resnapshot else None
        if resnapshot:
            with a.remote_write(self.db) as conn:
                a.set_meta(conn, a.PULL_CURSOR, "0")
        self._tell("pull", 0, None)
        # The next page is fetched while this one is written (a pipeline of two); it is used only if
        # this one was written, as its cursor is the one this page leads to.
        ahead: tuple[int, Future[tuple[Any, float, int]]] | None = None
        pool = ThreadPoolExecutor(1, thread_name_prefix="ytcs-pull")
        try:
            return self._pull_pages(pool, ahead, own, resnapshot, seen)
        finally:
            pool.shutdown(wait=True)

    def _fetch(self, cursor: int, own: bool) -> tuple[Any, float, int]:
        """(page, seconds it took, the limit asked for)."""
        started = time.monotonic()
        limit = self.pull_size.size
        params = {"cursor": cursor, "limit": limit, "own": "true" if own else "false"}
        page = self.link.get(f"{p.API}/sync/pull", params, retry=False)
        return page, time.monotonic() - started, limit

    def _pull_pages(self, pool: ThreadPoolExecutor, ahead: tuple[int, Future[tuple[Any, float, int]]] | None,
                    own: bool, resnapshot: bool, seen: dict[str, set[str]] | None) -> bool:
        while not self._cancelled():
            cursor = a.get_int(self.db, a.PULL_CURSOR)
            try:
                if ahead is not None and ahead[0] == cursor:
                    page, seconds, limit = ahead[1].result()
                else:
                    if ahead is not None:
                        ahead[1].exception()  # wait for it; its answer is not used
                    page, seconds, limit = self._fetch(cursor, own or resnapshot)
                ahead = None
            except NetworkError as exc:
                ahead = None
                self.pull_size.failure()
                self.link.backoff(exc)
                continue
            except CursorExpired:
                ahead = None
                self.report.resnapshot = True
                resnapshot, seen = True, {}
                with a.remote_write(self.db) as conn:
                    a.set_meta(conn, a.RESNAPSHOT, "1")
                    a.set_meta(conn, a.PULL_CURSOR, "0")
                continue
            self.link.succeeded()
            if page["has_more"]:  # a full page: `limit` rows in `seconds`
                self.pull_size.success(limit, seconds)
                ahead = int(page["cursor"]), pool.submit(self._fetch, int(page["cursor"]), own or resnapshot)
            count, top = a.apply_pull_page(self.db, page, seen)
            if top:
                self.db.clock.observe(top, max_future_ms=p.CLOCK_FUTURE_LIMIT_MS)
            self.report.pulled += count
            self._tell("pull", self.report.pulled, None)
            if not page["has_more"]:
                if seen is not None:
                    a.finish_resnapshot(self.db, seen)
                if own:
                    with a.remote_write(self.db) as conn:
                        a.set_meta(conn, a.PULL_OWN, "0")
                return True
        return False

    def sync(self) -> SyncReport:
        """hello, push, pull. Raises SyncError for what the user must act on."""
        with _COLLECTOR.fewer():
            return self._sync()

    def _sync(self) -> SyncReport:
        started = time.monotonic()
        self.report = self.link.traffic = SyncReport()
        self._tell("hello", 0, None)
        self.hello()
        # The station's people first: an account made here is at the centre before the changes it signed
        # (the centre re-checks the signer's duties on push), and the centre's disables are known here.
        people = exchange_accounts(self.db, self.link)
        self.report.accounts_confirmed, self.report.accounts_refused = people.confirmed, people.refused
        pushed_all = self.push()
        if pushed_all:  # the offset is fresh from hello and far-ahead stamps are re-stamped: drop them
            self.db.settle_clock(a.get_int(self.db, a.PUSH_CURSOR), p.CLOCK_FUTURE_LIMIT_MS)
        pulled_all = pushed_all and self.pull()
        self.report.complete = pushed_all and pulled_all and not self._cancelled()
        self.report.seconds = round(time.monotonic() - started, 3)
        with a.remote_write(self.db) as conn:
            a.set_meta(conn, a.LAST_SYNC, json.dumps({**self.report.as_dict(), "at_ms": int(time.time() * 1000)}))
        return self.report


class _CollectorPolicy:
    """Python's cycle collector runs less often while a sync runs (as the window has it for good,
    ui/app.py). Batches of thousands of rows allocate containers fast enough to start a full
    collection every few batches, each walking every live object: an initial push of 100k rows
    spent a fifth of the client's time there. Thresholds are only raised, and restored when the
    last sync running in the process ends."""

    DURING_SYNC = (20_000, 50, 100)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._saved: tuple[int, ...] = tuple(gc.get_threshold())

    @contextmanager
    def fewer(self) -> Iterator[None]:
        with self._lock:
            if self._running == 0:
                self._saved = tuple(gc.get_threshold())
                gc.set_threshold(*(max(now, low) for now, low in zip(self._saved, self.DURING_SYNC, strict=True)))
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0:
                    gc.set_threshold(*self._saved)


_COLLECTOR = _CollectorPolicy()


def login(server_url: str, username: str, password: str, *, device_name: str = "", station_id: str | None = None,
          replica_id: str | None = None, station_code: str | None = None, session: requests.Session | None = None,
          verify: str | bool = True,
          protocol_version: int = p.PROTOCOL_VERSION, timeout: float = 30.0) -> p.LoginResponse:
    """Exchange a password for a device token (the password is not kept)."""
    http = session or requests.Session()
    body = p.LoginRequest(username=username, password=password, device_name=device_name, station_id=station_id,
                          replica_id=replica_id, station_code=station_code).model_dump(exclude_none=True)
    try:
        r = http.post(server_url.rstrip("/") + f"{p.API}/auth/login", json=body, timeout=timeout,
                      headers={p.PROTOCOL_HEADER: str(protocol_version)}, verify=verify)
    except requests.exceptions.SSLError as exc:
        raise certificate_error(ssl_reason(exc)) from exc
    except requests.RequestException as exc:
        raise network_error(str(exc)) from exc
    finally:
        if session is None:
            http.close()
    answer = r.json() if r.content else {}
    if r.status_code == 200:
        return p.LoginResponse.model_validate(answer)
    code, vi, en = answer.get("code", "http"), answer.get("message_vi", ""), answer.get("message_en", "")
    if r.status_code == 401:
        raise AuthError(code, given(vi, en))
    if r.status_code == 426:
        raise ProtocolTooOld(code, given(vi, en))
    raise ServerRefused(code, given(vi, en))
