"""The one retry policy and the window timer's spread (sync/timing.py)."""

from __future__ import annotations

import random

from ytcs_desktop.sync.timing import RETRY_AFTER_CAP_S, jittered, parse_retry_after, retry_delay


def test_the_timer_spreads_twenty_percent_either_way() -> None:
    rng = random.Random(7)
    waits = [jittered(300_000, rng=rng) for _ in range(2000)]
    assert 240_000 <= min(waits) < 250_000 and 350_000 < max(waits) <= 360_000
    assert len({round(w) for w in waits}) > 1900  # no two stations in step


def test_a_server_that_says_when_is_obeyed_never_earlier() -> None:
    rng = random.Random(3)
    delays = [retry_delay(1, 0.2, 5.0, rng) for _ in range(500)]
    assert min(delays) >= 5.0 and max(delays) <= 6.0
    assert retry_delay(1, 0.2, 10_000.0, rng) <= 1.2 * RETRY_AFTER_CAP_S


def test_without_a_word_from_the_server_the_pause_doubles_to_a_cap() -> None:
    rng = random.Random(5)
    first = [retry_delay(1, 0.2, None, rng) for _ in range(200)]
    third = [retry_delay(3, 0.2, None, rng) for _ in range(200)]
    assert min(first) >= 0.1 and max(first) <= 0.3
    assert min(third) >= 0.4 and max(third) <= 1.2
    assert max(retry_delay(20, 0.2, None, rng) for _ in range(200)) <= 12.0


def test_retry_after_in_seconds_only() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT") is None
    assert parse_retry_after("-1") is None and parse_retry_after("inf") is None and parse_retry_after(None) is None
