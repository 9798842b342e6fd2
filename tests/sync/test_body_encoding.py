"""Body encodings over a real server: zstd where both sides read it, gzip with a side that does not, and
the same bounds for every encoding (protocol.py, server/app.py BodyBoundMiddleware)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
import requests
import zstandard

from tests.sync.conftest import Centre
from tests.sync.helpers import add_item, add_ledger, count
from tests.sync.server_helpers import Device, centre_device, ledger_batch, pull_all, station_device
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync import transport
from ytcs_desktop.sync.client import SyncClient


@pytest.fixture
def station(centre: Centre) -> Device:
    return station_device(centre.store, centre.url)


class Recording(requests.Session):
    """A session that notes each request's body encoding and each answer's."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str | None]] = []  # (path, Content-Encoding of the body)
        self.answered: list[tuple[str, str | None]] = []  # (path, Content-Encoding of the answer)

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kw: Any) -> requests.Response:
        r = super().request(method, url, *args, **kw)
        path = str(url).split("/api/v1", 1)[-1]
        if kw.get("data") is not None:
            self.sent.append((path, (kw.get("headers") or {}).get("Content-Encoding")))
        self.answered.append((path, r.headers.get("Content-Encoding")))
        return r


def _sync(db: Any, url: str, token: str, session: Recording) -> None:
    client = SyncClient(db, url, token, session=session)
    try:
        assert client.sync().complete
    finally:
        client.close()


def _two_pcs(centre: Centre, rows: int) -> tuple[Any, Any]:
    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    first, second = centre.station("Mã hoá", pcs=2)
    assert first.sync().complete  # the catalogue
    add_ledger(first.db, item, rows)
    return first, second


def test_a_sync_goes_in_zstd_both_ways_and_holds_every_row_once(centre: Centre) -> None:
    first, second = _two_pcs(centre, 600)
    up, down = Recording(), Recording()
    _sync(first.db, first.url, first.token, up)
    _sync(second.db, second.url, second.token, down)
    pushes = [enc for path, enc in up.sent if path == "/sync/push"]
    assert pushes and set(pushes) == {p.ZSTD}
    pulls = [enc for path, enc in down.answered if path.startswith("/sync/pull")]
    assert p.ZSTD in pulls and set(pulls) <= {p.ZSTD, None}  # a short answer goes plain
    assert count(second.db, "stock_transactions") == 600
    assert count(second.db, "stock_transactions", "sync_state = 'synced'") == 600


def test_a_client_that_reads_only_gzip_still_syncs(centre: Centre, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older client: gzip bodies, `Accept-Encoding: gzip`, no look at hello's encodings."""
    monkeypatch.setattr(transport, "ACCEPTED", p.GZIP)
    hello = SyncClient.hello

    def older_hello(self: SyncClient) -> p.HelloResponse:
        answer = hello(self)
        self.link.body_encoding = p.GZIP
        return answer

    monkeypatch.setattr(SyncClient, "hello", older_hello)
    first, second = _two_pcs(centre, 600)
    up, down = Recording(), Recording()
    _sync(first.db, first.url, first.token, up)
    _sync(second.db, second.url, second.token, down)
    assert {enc for path, enc in up.sent if path == "/sync/push"} == {p.GZIP}
    assert {enc for _path, enc in up.answered + down.answered} <= {p.GZIP, None}
    assert count(second.db, "stock_transactions") == 600


def test_a_centre_that_does_not_say_its_encodings_is_sent_gzip() -> None:
    older = {"server_id": "s", "server_time_ms": 1, "protocol_min": 3, "protocol_max": 3, "tombstone_horizon": 0,
             "device_id": "d", "role": "station", "station_id": None, "acked_seq": 0, "clock_suspect": False}
    assert p.HelloResponse.model_validate(older).encodings == [p.GZIP]


def test_hello_names_zstd_and_gzip(station: Device) -> None:
    assert station.get("/sync/hello").json()["encodings"] == [p.ZSTD, p.GZIP]


def test_a_zstd_push_is_applied_and_answered_in_the_encoding_asked(centre: Centre, station: Device) -> None:
    body, ids = ledger_batch(station, 50)
    r = station.post("/sync/push", p.zstd_bytes(p.dumps(body)),
                     headers={"Content-Encoding": "zstd", "Accept-Encoding": "gzip"})
    assert r.status_code == 200, r.text[:300]
    assert r.json()["results"] == "a" * 50
    again = station.post("/sync/push", gzip.compress(p.dumps(body)), headers={"Content-Encoding": "gzip"})
    assert again.status_code == 200 and again.json()["results"] == "d" * 50  # the same batch, in gzip
    hub = centre_device(centre.store, centre.url)  # sees every row (the station is not sent its own back)
    raw = requests.get(f"{hub.url}{p.API}/sync/pull", params={"cursor": 0, "limit": 20_000}, stream=True,
                       headers=hub.headers(**{"Accept-Encoding": "zstd"}), timeout=60)
    assert raw.headers["Content-Encoding"] == "zstd"
    page = p.inflate_zstd(raw.raw.read(decode_content=False), p.MAX_BODY_DECOMPRESSED)
    assert page is not None
    served = {str(row["id"]) for group in json.loads(page)["tables"] if group["t"] == "stock_transactions"
              for row in p.from_columns(group["cols"], group["data"])}
    assert set(ids) <= served
    pulled = pull_all(hub, "stock_transactions")
    assert set(ids) <= set(pulled) and len(pulled) == len(set(pulled))


def _refused(r: requests.Response, status: int, code: str) -> None:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert body["code"] == code and body["message_vi"] and body["message_en"], body


def test_a_zstd_body_is_bounded_like_a_gzip_one(station: Device) -> None:
    over = b'{"pad": "' + b"x" * p.MAX_BODY_DECOMPRESSED + b'"}'  # small packed, over the bound inflated
    sized = p.zstd_bytes(over)
    assert len(sized) < p.MAX_BODY_COMPRESSED
    _refused(station.post("/sync/push", sized, headers={"Content-Encoding": "zstd"}), 413, "body_too_large")
    unsized = zstandard.ZstdCompressor(level=1, write_content_size=False).compress(over)
    _refused(station.post("/sync/push", unsized, headers={"Content-Encoding": "zstd"}), 413, "body_too_large")
    cut = p.zstd_bytes(p.dumps(ledger_batch(station, 50)[0]))[:-10]
    _refused(station.post("/sync/push", cut, headers={"Content-Encoding": "zstd"}), 400, "bad_zstd")
    _refused(station.post("/sync/push", b"not zstd at all", headers={"Content-Encoding": "zstd"}), 400, "bad_zstd")
    body = p.dumps({"last_seq": 0})
    unsized_ok = zstandard.ZstdCompressor(write_content_size=False).compress(body)
    assert station.post("/sync/push", unsized_ok, headers={"Content-Encoding": "zstd"}).status_code == 200


def test_inflate_zstd_stops_at_the_bound() -> None:
    data = b"0123456789" * 10_000
    assert p.inflate_zstd(p.zstd_bytes(data), len(data)) == data
    assert p.inflate_zstd(p.zstd_bytes(data), len(data) - 1) is None
    unsized = zstandard.ZstdCompressor(write_content_size=False).compress(data)
    assert p.inflate_zstd(unsized, len(data)) == data
    assert p.inflate_zstd(unsized, len(data) - 1) is None
    with pytest.raises(ValueError):
        p.inflate_zstd(unsized[:-5], len(data))
    assert p.choose_encoding("gzip, deflate") == p.GZIP
    assert p.choose_encoding("zstd, gzip") == p.ZSTD
    assert p.choose_encoding("br") is None and p.choose_encoding(None) is None
