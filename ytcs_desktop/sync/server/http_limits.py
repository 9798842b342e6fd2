"""Uvicorn's HTTP/1.1 protocol (h11) with the server's own answer to a request it cannot read: a request
whose headers pass h11's bound (16 KB; a 1 MB bearer header) is answered 431 `headers_too_large`, any
other malformed request 400 `bad_http`, both with the usual JSON body. Uvicorn answers plain-text 400
and closes at once, so a client still sending its headers saw a reset connection, not an answer: here
the rest of what it sends is read and dropped until it stops (or a bound is passed), then the
connection is closed."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ytcs_desktop.sync.server import errors

DRAIN_BYTES = 8 * 1024 * 1024  # read on at most this much of a refused request
QUIET_S = 0.5  # the client has stopped sending: close


class BoundedH11Protocol(H11Protocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._refused_status = 400
        self._drained: int | None = None  # bytes dropped since the refusal; None: not refused
        self._closer: Any = None
        read = self.conn.next_event

        def next_event() -> Any:
            try:
                return read()
            except h11.RemoteProtocolError as exc:
                self._refused_status = exc.error_status_hint
                raise

        self.conn.next_event = next_event  # type: ignore[method-assign]

    def send_400_response(self, msg: str) -> None:
        refusal = errors.headers_too_large() if self._refused_status == 431 else errors.bad_request()
        body = json.dumps(refusal.body(), ensure_ascii=False).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close")]
        reason = HTTPStatus(refusal.status).phrase.encode()
        for event in (h11.Response(status_code=refusal.status, headers=headers, reason=reason), h11.Data(data=body),
                      h11.EndOfMessage()):
            self.transport.write(self.conn.send(event) or b"")
        self._drained = 0
        self._close_when_quiet()

    def data_received(self, data: bytes) -> None:
        if self._drained is None:
            super().data_received(data)
            return
        self._drained += len(data)
        if self._drained > DRAIN_BYTES:
            self.transport.close()
        else:
            self._close_when_quiet()

    def _close_when_quiet(self) -> None:
        if self._closer is not None:
            self._closer.cancel()
        self._closer = self.loop.call_later(QUIET_S, self.transport.close)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._closer is not None:
            self._closer.cancel()
        super().connection_lost(exc)
