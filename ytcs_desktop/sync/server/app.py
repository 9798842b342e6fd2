"""The centre server's HTTP API (FastAPI). OpenAPI document at /openapi.json.

Endpoints are plain `def`s: they run in the thread pool and each holds one database transaction.
Nothing per station is kept in process memory, so several workers can serve one database.
"""


import json
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from ytcs_desktop import __version__
from ytcs_desktop.messages import msg
from ytcs_desktop.settings import settings
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import admin, errors
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.accounts_api import add_account_routes, client_address
from ytcs_desktop.sync.server.auth import authenticate, dummy_hash, sign_in
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.pull import pull
from ytcs_desktop.sync.server.push import push_retrying
from ytcs_desktop.sync.server.store import REQUEST_THREADS, ServerStore, now_ms

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# What `hello` recommends to the stations (`ytcs centre serve --recommend-client V --client-download URL`);
# by default the server's own version, with no download address.

# Every status the server answers besides 200, each with the same body (tests/sync/test_openapi.py,
# and the schemathesis run in tests/sync/test_bad_input_fuzz.py finds no other).
ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": p.ErrorBody} for status in (
    400, 401, 403, 404, 409, 410, 413, 422, 426, 429, 431, 503)}


BODY_TIMES = "ytcs.body_times"  # in a request's scope: when its head came in and when its body was complete


class BodyBoundMiddleware:
    """Bounds every request body: a gzip or zstd body is inflated here (to at most MAX_BODY_DECOMPRESSED,
    so no compression bomb), any other body may hold MAX_BODY_PLAIN bytes. Over the bound: 413. The rest of a refused
    body is read and dropped (up to a limit), so the client, still sending, reads the answer instead of
    a reset connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        arrived = time.perf_counter()  # the head is in; the body follows as the line brings it
        headers = dict(scope.get("headers") or [])
        encoding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        packed = encoding in p.ENCODINGS  # gzip or zstd: inflated here, within the same bounds
        bound = p.MAX_BODY_DECOMPRESSED if packed else p.MAX_BODY_PLAIN
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > bound:
            await _drain(receive, bound)
            await _send_error(send, errors.body_too_large(bound))
            return
        chunks = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body = message.get("body", b"")
            size += len(body)
            chunks.append(body)
            more = bool(message.get("more_body"))
            if size > bound:
                if more:
                    await _drain(receive, bound)
                await _send_error(send, errors.body_too_large(bound))
                return
        raw = b"".join(chunks)
        scope = dict(scope, **{BODY_TIMES: (arrived, time.perf_counter())})
        if packed:
            try:
                inflated = _inflate(raw) if encoding == p.GZIP else p.inflate_zstd(raw, p.MAX_BODY_DECOMPRESSED)
            except (OSError, EOFError, ValueError, zlib.error):
                await _send_error(send, ApiError(400, f"bad_{encoding}", msg("bad_compressed_body", encoding=encoding)))
                return
            if inflated is None:
                await _send_error(send, errors.body_too_large(p.MAX_BODY_DECOMPRESSED))
                return
            raw = inflated
            new_headers = [(k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")]
            new_headers.append((b"content-length", str(len(raw)).encode()))
            scope = dict(scope, headers=new_headers)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}

        await self.app(scope, replay, send)


DRAIN_FACTOR = 4  # a refused body is read on up to this many times the bound; past it the connection is cut


async def _drain(receive: Receive, bound: int) -> None:
    size = 0
    while size <= DRAIN_FACTOR * bound:
        message = await receive()
        size += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body"):
            return


def _inflate(data: bytes) -> bytes | None:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, p.MAX_BODY_DECOMPRESSED + 1)
    if len(out) > p.MAX_BODY_DECOMPRESSED:
        return None
    if not d.eof:
        raise ValueError("truncated gzip")
    return bytes(out)


async def _send_error(send: Send, exc: ApiError) -> None:
    body = json.dumps(exc.body(), ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": exc.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def packed(request: Request, data: Any) -> Response:
    """JSON, compressed when the client accepts it (every YTCS client does): zstd if it names it, else gzip."""
    raw = p.dumps(data)
    encoding = p.choose_encoding(request.headers.get("accept-encoding")) if len(raw) > 512 else None
    if encoding is not None:
        return Response(p.compress_body(encoding, raw), media_type="application/json",
                        headers={"Content-Encoding": encoding})
    return Response(raw, media_type="application/json")


@asynccontextmanager
async def _few_threads(_app: FastAPI) -> AsyncIterator[None]:
    """A worker runs at most REQUEST_THREADS requests at once (store.py), not anyio's default of 40."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    yield


def create_app(store: ServerStore) -> FastAPI:
    store.load_identity()  # now, not under a push's lock (store.py)
    app = FastAPI(title="YTCS centre server", version=str(p.PROTOCOL_VERSION), lifespan=_few_threads,
                  description="Sync hub of YTCS Desktop: stations push and pull changes (see SYNC.md).")

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers())

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        invalid = ApiError(422, "invalid_request", msg("invalid_request", where=where, detail=first.get("msg", "")))
        return JSONResponse(invalid.body(), status_code=invalid.status)

    @app.exception_handler(PoolTimeout)
    async def _busy(_request: Request, _exc: PoolTimeout) -> JSONResponse:
        exc = errors.busy()  # no free database connection within the pool's wait (store.py)
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers())

    @app.exception_handler(OperationalError)
    async def _locked(_request: Request, exc: OperationalError) -> JSONResponse:
        if "database is locked" not in str(exc.orig):  # SQLite's writer lock, past its busy timeout
            raise exc
        busy = errors.busy()
        return JSONResponse(busy.body(), status_code=busy.status, headers=busy.headers())

    @app.exception_handler(DataError)
    async def _bad_value(_request: Request, _exc: DataError) -> JSONResponse:
        # a value the database cannot hold that no check caught first (PostgreSQL refuses a NUL in text)
        refused = ApiError(400, "bad_value", msg("bad_value.unstorable"))
        return JSONResponse(refused.body(), status_code=refused.status)

    @app.exception_handler(IntegrityError)
    async def _conflict(_request: Request, _exc: IntegrityError) -> JSONResponse:
        # a row another request made first (two sign-ins binding one station id at once): never a 500
        refused = ApiError(409, "conflict", msg("conflict"))
        return JSONResponse(refused.body(), status_code=refused.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, f"http_{exc.status_code}")
        return JSONResponse({"code": code, "message_vi": str(exc.detail), "message_en": str(exc.detail)},
                            status_code=exc.status_code)

    app.add_middleware(BodyBoundMiddleware)

    # Dependencies that only read the request are coroutines: a plain function runs on one of the request
    # threads (REQUEST_THREADS), a hop that costs more than the check and waits for a thread like the endpoint.
    async def protocol(x_ytcs_protocol: Annotated[str | None, Header()] = None) -> int:
        try:
            version = int(x_ytcs_protocol) if x_ytcs_protocol is not None else None
        except ValueError:
            version = None
        if version is None or not p.PROTOCOL_MIN <= version <= p.PROTOCOL_MAX:
            raise errors.protocol_unsupported(version)
        return version

    def device(_v: Annotated[int, Depends(protocol)],
               authorization: Annotated[str | None, Header()] = None) -> Device:
        with store.read() as conn:
            return authenticate(conn, authorization)

    async def centre_device(d: Annotated[Device, Depends(device)]) -> Device:
        if d.role != "centre":
            raise errors.forbidden_role()
        return d

    @app.get("/api/v1/health", tags=["server"])
    def health() -> dict[str, Any]:
        return {"ok": True, "server_id": store.server_id, "protocol_min": p.PROTOCOL_MIN,
                "protocol_max": p.PROTOCOL_MAX}

    @app.post("/api/v1/auth/login", response_model=p.LoginResponse, responses=ERRORS, tags=["auth"])
    def login_(body: p.LoginRequest, request: Request, _v: Annotated[int, Depends(protocol)]) -> p.LoginResponse:
        token, dev, code = sign_in(store, body.username, body.password, body.device_name, body.station_id,
                                   body.replica_id, address=client_address(request), db_code=body.station_code)
        return p.LoginResponse(token=token, device_id=dev.id, role=dev.role, station_id=dev.station_id,
                               station_code=code, server_id=store.server_id)

    @app.post("/api/v1/auth/logout", responses=ERRORS, tags=["auth"])
    def logout(d: Annotated[Device, Depends(device)]) -> dict[str, bool]:
        with store.write() as conn:
            conn.execute(update(t.devices).where(t.devices.c.id == d.id).values(revoked=True))
        return {"ok": True}

    @app.get("/api/v1/sync/hello", response_model=p.HelloResponse, responses=ERRORS, tags=["sync"])
    def hello(d: Annotated[Device, Depends(device)], v: Annotated[int, Depends(protocol)],
              x_ytcs_client_time: Annotated[int | None, Header(ge=0, le=p.INT64_MAX)] = None) -> p.HelloResponse:
        server_time = store.clock.physical_ms()
        suspect = d.clock_suspect
        with store.write() as conn:
            values: dict[str, Any] = {"last_seen_ms": now_ms(), "protocol": v}
            if x_ytcs_client_time is not None:
                values["clock_offset_ms"] = server_time - x_ytcs_client_time
                # the flag follows the latest evidence: set by a re-stamp, cleared once the clock is right
                suspect = values["clock_suspect"] = abs(values["clock_offset_ms"]) > p.CLOCK_FUTURE_LIMIT_MS
            conn.execute(update(t.devices).where(t.devices.c.id == d.id).values(**values))
            horizon = store.tombstone_horizon(conn)
        offer = settings()  # `ytcs centre serve --recommend-client` leaves it in every worker's environment
        return p.HelloResponse(server_id=store.server_id, encodings=list(p.ENCODINGS), server_time_ms=server_time,
                               protocol_min=p.PROTOCOL_MIN, protocol_max=p.PROTOCOL_MAX, tombstone_horizon=horizon,
                               device_id=d.id, role=d.role,
                               station_id=d.station_id, acked_seq=d.acked_seq, acked_mutation=d.acked_mutation,
                               clock_suspect=suspect, push_after=True,
                               recommended_client=offer.recommended_client or __version__,
                               client_download=offer.client_download)

    @app.post("/api/v1/sync/push", response_model=p.PushResponse, responses=ERRORS, tags=["sync"])
    def push(request: Request, body: p.PushRequest, d: Annotated[Device, Depends(device)],
             v: Annotated[int, Depends(protocol)],
             x_ytcs_after_seq: Annotated[int | None, Header(ge=0, le=p.INT64_MAX,
                                                            description=p.AFTER_SEQ_DOC)] = None) -> Response:
        answer = push_retrying(store, d, body, v, x_ytcs_after_seq)
        now = time.perf_counter()
        arrived, received = request.scope.get(BODY_TIMES, (now, now))  # set by BodyBoundMiddleware
        answer.received_ms = int((received - arrived) * 1000)
        answer.took_ms = int((now - received) * 1000)
        return packed(request, answer.model_dump(mode="json"))

    @app.get("/api/v1/sync/pull", response_model=p.PullResponse, responses=ERRORS, tags=["sync"])
    def pull_(request: Request, d: Annotated[Device, Depends(device)],
              cursor: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
              limit: Annotated[int, Query(ge=1, le=p.INT64_MAX)] = 1000,
              own: Annotated[bool, Query()] = False) -> Response:
        with store.read() as conn:
            data = pull(store, conn, d, cursor, limit, own)
        return packed(request, data)

    @app.get("/api/v1/centre/devices", response_model=list[p.DeviceInfo], responses=ERRORS, tags=["centre"])
    def devices(_d: Annotated[Device, Depends(centre_device)]) -> list[p.DeviceInfo]:
        with store.read() as conn:
            return admin.list_devices(conn)

    @app.get("/api/v1/centre/stations", response_model=list[p.StationInfo], responses=ERRORS, tags=["centre"])
    def stations(_d: Annotated[Device, Depends(centre_device)]) -> list[p.StationInfo]:
        with store.read() as conn:
            found = conn.execute(select(t.stations).order_by(t.stations.c.code)).mappings()
            return [p.StationInfo(id=s["id"], code=s["code"], name=s["name"]) for s in found]

    @app.post("/api/v1/centre/bundle", responses=ERRORS, tags=["centre"],
              response_class=Response, summary="Answer a station's USB sync file")
    def bundle_answer(data: Annotated[bytes, Body(media_type="application/octet-stream")],
                      _d: Annotated[Device, Depends(centre_device)]) -> Response:
        from ytcs_desktop.sync import bundle
        from ytcs_desktop.sync.server.bundle_answer import answer_bundle

        try:
            answer = answer_bundle(store, data)
        except bundle.BundleError as exc:
            raise ApiError(422, exc.code, exc.text) from exc
        return Response(answer, media_type="application/octet-stream")

    @app.get("/api/v1/centre/users", response_model=list[p.UserInfo], responses=ERRORS, tags=["centre"])
    def users(_d: Annotated[Device, Depends(centre_device)]) -> list[p.UserInfo]:
        with store.read() as conn:
            return [p.UserInfo.model_validate(u) for u in admin.list_users(conn)]

    add_account_routes(app, store, device, centre_device, ERRORS)
    dummy_hash()  # made once at start, so the first unknown user name costs no more than the others
    return app
