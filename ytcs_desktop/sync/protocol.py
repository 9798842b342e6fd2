"""The wire between a station and the centre (SYNC.md "Wire"), shared by the client and the server.

Version window: the server accepts PROTOCOL_MIN..PROTOCOL_MAX (up to two versions back, of those that
exist), the client sends PROTOCOL_VERSION in the `X-YTCS-Protocol` header of every request; outside the
window the server answers 426 saying which side to upgrade: an older client is told the version to
install, a client newer than the centre is told the centre must be upgraded. `hello` also names the
client version the centre recommends and where to get it.

Bulk rows travel column-major ("cols" + one list of values per column), grouped by table: gzip then
sees long runs of similar values (dates, item ids, increasing clock stamps) and a ledger row costs
about a dozen bytes on the wire. Inserts need no mutation id: a row id is born once, so the row id is
the idempotency key of an insert. Updates carry their mutation id, only the columns they changed, and
a short hash of the full row image (the server uses it to skip echoing a row back to its writer).

Bodies travel compressed. gzip is what every version reads; a centre that also reads zstd says so in
`hello` (`encodings`), and the client then sends its pushes with `Content-Encoding: zstd`; a client that
reads zstd asks for it in `Accept-Encoding` and the centre answers with it. zstd's window spans the whole
body, so a value repeated across columns (an audit row names the record written beside it) costs almost
nothing, where gzip's 32 KB window sees it again; it also runs several times faster both ways. Either
side that does not know zstd keeps to gzip: nothing else changes on the wire.

A push answer lists one letter per mutation in outbox order: `a` applied, `d` duplicate (already
applied), `c` applied but some fields lost to a later write (conflicts listed), `r` rejected (reason
listed). Refusals are answered 200: a 4xx would block the queue.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import re
import struct
import zlib
from typing import Any

import zstandard
from pydantic import BaseModel, Field
from pydantic_core import to_json

PROTOCOL_VERSION = 3
# The versions that exist: 3 is the first released protocol. Each later version keeps the two before it
# (SYNC.md guarantee 5): MIN moves up only when a fourth version ships.
PROTOCOL_MIN = 3
PROTOCOL_MAX = 3
PROTOCOL_HEADER = "X-YTCS-Protocol"
AFTER_SEQ_HEADER = "X-YTCS-After-Seq"
AFTER_SEQ_DOC = ("On a push sent before the answer to the one before it: that batch's last_seq. The centre applies "
                 "this push only once it has acknowledged that position (it waits briefly, then answers 409 "
                 "push_ahead).")

API = "/api/v1"
MAX_BODY_COMPRESSED = 128 * 1024  # a cut costs at most one batch
MAX_BODY_DECOMPRESSED = 64 * 1024 * 1024  # refuse gzip bombs
MAX_BODY_PLAIN = 16 * 1024 * 1024  # a body sent without gzip (a sign-in, a USB sync file)
INT64_MAX = (1 << 63) - 1  # positions and times are 64-bit integers in both databases
CLOCK_FUTURE_LIMIT_MS = 60_000  # a stamp further ahead of the centre is re-stamped

RESULT_APPLIED = "a"
RESULT_DUPLICATE = "d"
RESULT_CONFLICT = "c"
RESULT_REJECTED = "r"


# ----- encoding ----------------------------------------------------------------------------------
def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_text(data: Any) -> str:
    """Compact JSON text of a small value (a row image): the serializer pydantic brings is several
    times faster than json.dumps here; json.loads reads it back the same."""
    return to_json(data).decode()


def json_column(values: list[Any]) -> list[str]:
    """`json_text` of each of a list of scalars (a row's values), all written at once where the text
    splits exactly: no escape in it, and a comma only between values."""
    text = to_json(values).decode()
    if values and "\\" not in text and text.count(",") == len(values) - 1:
        return text[1:-1].split(",")
    return [to_json(v).decode() for v in values]


def gzip_bytes(raw: bytes, level: int = 4) -> bytes:
    """gzip for the wire's JSON. The filtered strategy (short matches left to Huffman coding) packs
    the number-heavy columns about 7% smaller than gzip's default at level 6, in less time; level 9
    saves a few % more for a slow line. Any gzip reader inflates it; no timestamp, so the same input
    gives the same bytes."""
    packer = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS, 8, zlib.Z_FILTERED)
    return packer.compress(raw) + packer.flush()


GZIP = "gzip"
ZSTD = "zstd"
ENCODINGS = (ZSTD, GZIP)  # the body encodings this version reads, the preferred first
ZSTD_LEVEL = 3  # as small as gzip's level 9 here, in a tenth of gzip's level 4 time
ZSTD_LEVEL_SLOW_LINK = 9
_ZSTD_FEED = 256  # unknown-size frames are inflated this many bytes at a time (a block cannot outgrow 128 KB)


def zstd_bytes(raw: bytes, level: int = ZSTD_LEVEL) -> bytes:
    """One zstd frame holding its content size (the reader checks it against the bound before inflating)."""
    return zstandard.ZstdCompressor(level=level).compress(raw)


def compress_body(encoding: str, raw: bytes, *, slow_link: bool = False) -> bytes:
    """A body in `encoding` (GZIP or ZSTD), harder on a slow line, where the time goes to the line."""
    if encoding == ZSTD:
        return zstd_bytes(raw, ZSTD_LEVEL_SLOW_LINK if slow_link else ZSTD_LEVEL)
    return gzip_bytes(raw, 9 if slow_link else 4)


def choose_encoding(accepted: str | None) -> str | None:
    """The encoding to answer in, from an Accept-Encoding header: zstd if named, else gzip if named."""
    names = {part.split(";")[0].strip().lower() for part in (accepted or "").split(",")}
    return next((name for name in ENCODINGS if name in names), None)


def inflate_zstd(data: bytes, bound: int) -> bytes | None:
    """A zstd body inflated; None when it holds more than `bound` bytes (found before they are made).
    A corrupt or cut frame raises ValueError."""
    try:
        size = zstandard.get_frame_parameters(data).content_size
        reader = zstandard.ZstdDecompressor()
        if size != zstandard.CONTENTSIZE_UNKNOWN:
            if size > bound:
                return None
            return reader.decompress(data)  # refuses a frame whose content differs from its declared size
        pieces: list[bytes] = []
        made = 0
        inflater = reader.decompressobj()
        for i in range(0, len(data), _ZSTD_FEED):
            piece = inflater.decompress(data[i:i + _ZSTD_FEED])
            made += len(piece)
            if made > bound:
                return None
            pieces.append(piece)
        if not inflater.eof:
            raise ValueError("truncated zstd body")
        return b"".join(pieces)
    except zstandard.ZstdError as exc:
        raise ValueError(f"corrupt zstd body: {exc}") from exc


def image_hash(image: dict[str, Any]) -> str:
    """A short, order-independent digest of a row image: both ends compute it the same way."""
    return hashlib.sha256(json.dumps(image, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:16]


# Whole columns are checked with one regular expression over the values joined by newlines: a
# value holding a newline cannot pass for a run of UUIDs (fixed length) and is sliced exactly as a
# clock stamp, so encoding stays exact.
_UUID7_RUN = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n)*")
_HLC_RUN = re.compile(r"(?:[0-9]{15}-[0-9]{6}-[^\n]+\n)*")
_LOW62 = (1 << 62) - 1
_V7 = 7 << 76 | 2 << 62  # version and variant bits of a UUIDv7


def _deltas(values: list[int]) -> list[int]:
    return [values[0], *map(operator.sub, values[1:], values[:-1])]


def _undelta(deltas: list[int]) -> list[int]:
    return list(itertools.accumulate(deltas))


def _uuid_columns(joined: str, count: int) -> tuple[list[int], list[int]]:
    """(48-bit times, the 74 random bits) of `count` UUIDv7s, one a line in `joined` (checked by _UUID7_RUN):
    read as one run of 64-bit words, taken apart by C loops, not one Python call a value."""
    words = struct.unpack(f">{2 * count}Q", bytes.fromhex(joined.replace("-", "")))  # fromhex skips the newlines
    high, low = words[0::2], words[1::2]
    times = list(map(operator.rshift, high, itertools.repeat(16)))
    rands = list(map(operator.or_, map(operator.lshift, map(operator.and_, high, itertools.repeat(0xFFF)),
                                       itertools.repeat(62)),
                     map(operator.and_, low, itertools.repeat(_LOW62))))
    return times, rands


def _uuid_int(ts: int, rnd: int) -> int:
    """A UUIDv7 from its 48-bit time and its 74 random bits."""
    return ts << 80 | _V7 | (rnd >> 62) << 64 | rnd & _LOW62


def _uuid_text(n: int) -> str:
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID_GROUPS = re.compile("([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})")


def _uuid_texts(ns: list[int]) -> list[str]:
    """`_uuid_text` of each: one hex string for the whole column, cut into groups by one regular expression
    (a loop in C, not one in Python per value; an initial pull decodes two ids a ledger row)."""
    try:
        hexed = b"".join(map(int.to_bytes, ns, itertools.repeat(16))).hex()
    except OverflowError:  # not 128 bits (bad input): formatted one by one, as it would be
        return list(map(_uuid_text, ns))
    return list(map("-".join, _UUID_GROUPS.findall(hexed)))


def encode_column(values: list[Any]) -> Any:
    """A column as sent: integers as deltas, UUIDv7s as (time deltas, random bits), clock stamps as
    (wall deltas, counters, replica); anything else as the plain list. Decoding is exact."""
    if len(values) < 4:
        return values
    kinds = set(map(type, values))  # one pass in C
    if kinds == _INT:
        return {"d": _deltas(values)}
    if kinds != _STR:
        return values
    distinct = set(values)
    repeated = 2 * len(distinct) < len(values)  # references repeat (item, lot, station ids)
    checked = list(distinct) if repeated else values  # each value is looked at once
    joined = "\n".join(checked) + "\n"
    if len(joined) == 37 * len(checked) and _UUID7_RUN.fullmatch(joined):
        times, rands = _uuid_columns(joined, len(checked))
        if repeated:
            time_of, rand_of = dict(zip(checked, times, strict=True)), dict(zip(checked, rands, strict=True))
            times, rands = list(map(time_of.__getitem__, values)), list(map(rand_of.__getitem__, values))
        return {"u": _deltas(times), "r": rands}
    if _HLC_RUN.fullmatch(joined):
        replicas = [v[23:] for v in values]
        return {"h": _deltas([int(v[:15]) for v in values]), "c": [int(v[16:22]) for v in values],
                "r": replicas[0] if len(set(replicas)) == 1 else replicas}
    return values


def decode_column(encoded: Any, length: int | None = None) -> list[Any]:
    if isinstance(encoded, list):
        return encoded
    if not isinstance(encoded, dict):
        raise ValueError("bad column")
    if "d" in encoded:
        return _undelta(encoded["d"])
    if "u" in encoded:
        times, rands = _undelta(encoded["u"]), encoded["r"]
        distinct = set(zip(times, rands, strict=True))
        if 2 * len(distinct) < len(times):  # references repeat (item, lot ids): each is formatted once
            texts = {pair: _uuid_text(_uuid_int(*pair)) for pair in distinct}
            return list(map(texts.__getitem__, zip(times, rands, strict=True)))
        return _uuid_texts(list(map(_uuid_int, times, rands)))  # equal lengths: checked by the zip above
    if "h" in encoded:
        walls, counters, replicas = _undelta(encoded["h"]), encoded["c"], encoded["r"]
        if len(counters) != len(walls):
            raise ValueError("bad column")
        if isinstance(replicas, str):
            tail = f"-{replicas}"
            return [f"{w:015d}-{c:06d}{tail}" for w, c in zip(walls, counters, strict=True)]
        return [f"{w:015d}-{c:06d}-{r}" for w, c, r in zip(walls, counters, replicas, strict=True)]
    raise ValueError("bad column")


_INT: set[type] = {int}
_STR: set[type] = {str}


def to_columns(rows: list[dict[str, Any]], cols: list[str]) -> list[Any]:
    return [encode_column(column(rows, c)) for c in cols]


def column(rows: list[dict[str, Any]], name: str) -> list[Any]:
    """One value per row (None where a row lacks the name)."""
    try:
        return list(map(operator.itemgetter(name), rows))  # in C; every row holds the name, nearly always
    except KeyError:
        return [r.get(name) for r in rows]


def from_columns(cols: list[str], data: list[Any]) -> list[dict[str, Any]]:
    if not data:
        return []
    columns = [decode_column(col) for col in data]
    return [dict(zip(cols, values, strict=True)) for values in zip(*columns, strict=True)]


# ----- schemas (documentation in /openapi.json and validation of the envelopes) ------------------
class ErrorBody(BaseModel):
    """Every 4xx answer: a machine-readable code and a message in Vietnamese and English."""

    code: str
    message_vi: str
    message_en: str
    retry_after_s: int | None = Field(default=None, description="429: seconds before trying again")


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    device_name: str = Field(default="", max_length=200)
    station_id: str | None = Field(default=None, max_length=36, description="station id of the local database")
    replica_id: str | None = Field(default=None, max_length=64)
    station_code: str | None = Field(default=None, max_length=32, description="station code of the local database")


class PasswordChange(BaseModel):
    """A person changes their own password (`POST /auth/password`)."""

    current_password: str = Field(min_length=1, max_length=1000)
    new_password: str = Field(min_length=1, max_length=1000)


class PasswordReset(BaseModel):
    """The centre's administrator sets someone's password (`POST /centre/users/{name}/password`)."""

    new_password: str = Field(min_length=1, max_length=1000)


class LoginResponse(BaseModel):
    token: str
    device_id: str
    role: str
    station_id: str | None
    station_code: str | None
    server_id: str


class HelloResponse(BaseModel):
    server_id: str
    encodings: list[str] = Field(default=[GZIP], description="request body encodings the centre reads "
                                                             "(an older centre does not say: gzip)")
    server_time_ms: int
    protocol_min: int
    protocol_max: int
    tombstone_horizon: int = Field(description="pull cursors below this (except 0) answer 410")
    device_id: str
    role: str
    station_id: str | None
    acked_seq: int = Field(description="last outbox seq of this device the server acknowledged")
    acked_mutation: str | None = Field(default=None, description="mutation id of the outbox row at acked_seq")
    push_after: bool = Field(default=False, description="the centre keeps pushes in order by AFTER_SEQ_HEADER, so a "
                                                        "station may send a batch before the answer to the one "
                                                        "before it (an older centre does not say: one at a time)")
    recommended_client: str | None = Field(default=None, description="the YTCS version the centre recommends")
    client_download: str | None = Field(default=None, description="where the centre offers that version")
    clock_suspect: bool


class InsertGroup(BaseModel):
    """Inserts of one table: `q` outbox seqs, then one value list per column of `cols`."""

    t: str = Field(max_length=64)
    cols: list[str]
    q: list[int] | dict[str, Any] = Field(description="outbox seqs (a column, see encode_column)")
    data: list[Any] = Field(description="one encoded column per name in cols")


class Change(BaseModel):
    """An update or delete: mutation id, outbox seq, table, row id, clock stamp, changed fields."""

    m: str = Field(max_length=64)
    q: int = Field(ge=0, le=INT64_MAX)
    t: str = Field(max_length=64)
    id: str = Field(max_length=36)
    op: str = Field(pattern="^(update|delete)$")
    h: str = Field(max_length=80)
    s: str | None = Field(default=None, description="station_id of the row")
    f: dict[str, Any]
    ih: str | None = Field(default=None, description="image_hash of the full row after the write")


class PushRequest(BaseModel):
    last_seq: int = Field(ge=0, le=INT64_MAX, description="highest outbox seq in this batch (the push cursor after it)")
    last_mutation: str | None = Field(default=None, max_length=64,
                                      description="mutation id of the outbox row at last_seq")
    recorded_seq: int | None = Field(default=None, ge=0, le=INT64_MAX,
                                     description="the push cursor this database has recorded: it never sends a "
                                                 "change at or before it again (the centre prunes its journal)")
    inserts: list[InsertGroup] = []
    changes: list[Change] = []


class Conflict(BaseModel):
    f: str
    v: Any = None  # the losing value (this device's)
    h: str  # its stamp
    wv: Any = None  # the value kept
    wh: str  # its stamp


class Detail(BaseModel):
    """Why a mutation was rejected or lost fields; `row` is the centre's image of the row."""

    q: int
    code: str
    vi: str = ""
    en: str = ""
    row: dict[str, Any] | None = None
    conflicts: list[Conflict] = []


class PushResponse(BaseModel):
    results: str = Field(description="one letter per mutation in seq order: a|d|c|r")
    details: list[Detail] = []
    acked_seq: int
    clock_suspect: bool
    server_time_ms: int
    received_ms: int | None = Field(default=None, ge=0, description="milliseconds the centre took to receive "
                                                                     "this push's body: the line's time for it")
    took_ms: int | None = Field(default=None, ge=0, description="milliseconds the centre spent on this push once "
                                                                 "its body was in")


class PullTable(BaseModel):
    t: str
    cols: list[str]
    data: list[Any] = Field(description="one encoded column per name in cols (see encode_column)")


class PullResponse(BaseModel):
    cursor: int
    has_more: bool
    tables: list[PullTable] = []
    server_time_ms: int


class DeviceInfo(BaseModel):
    id: str
    username: str
    name: str
    station_id: str | None
    station_code: str | None
    revoked: bool
    last_seen: str | None
    clock_suspect: bool
    clock_offset_ms: int | None
    protocol: int | None
    acked_seq: int


class StationInfo(BaseModel):
    id: str | None
    code: str
    name: str


class UserInfo(BaseModel):
    username: str
    role: str
    station: str | None
    active: bool
    locked_until: str | None = Field(default=None, description="UTC ISO time a sign-in lock ends")
    full_name: str | None = None
    duties: list[str] | None = Field(default=None, description="duty codes; null: every duty of its side")


class StationAccount(BaseModel):
    """An account the head of station made on a PC, sent to be made at the centre for the PC's station
    (`POST /sync/accounts`): the argon2 hash made on the PC, never a password."""

    username: str = Field(min_length=1, max_length=100, pattern=r"^\S+$")
    full_name: str = Field(min_length=1, max_length=200)
    duties: list[str] = Field(min_length=1, max_length=10)
    password_hash: str = Field(min_length=1, max_length=500, description="argon2 hash ($argon2id$...)")


class StationUser(BaseModel):
    """One account of the device's station at the centre (`GET /sync/accounts`, and the answer to a
    `POST`): whether it is in use, its full name and duties (null: every duty of its side)."""

    username: str
    full_name: str | None
    duties: list[str] | None
    active: bool


class AccountOutcome(BaseModel):
    """The centre's answer to one account a USB sync file carried (sync/bundle.py), as `POST /sync/accounts`
    answers it: made (`user`), or refused with the same code and words."""

    username: str
    user: StationUser | None = None
    code: str | None = None
    message_vi: str = ""
    message_en: str = ""


def version_tuple(version: str) -> tuple[int, ...]:
    """"0.10.2" -> (0, 10, 2); what is not a number counts as 0 (a local build's suffix)."""
    out = []
    for part in version.split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        out.append(int(digits) if digits else 0)
    return tuple(out)
