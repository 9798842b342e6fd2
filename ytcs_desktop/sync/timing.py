"""When a station tries again, and when the window syncs next: one policy, so hundreds of stations
that lost the centre at the same moment (a restart, a busy server) do not come back at the same moment.

- `retry_delay`: the pause after the n-th failed exchange in a row. A server that said how long to wait
  (`Retry-After`, sent with 503 when it is busy and 429) is obeyed, never earlier, with up to a fifth more
  so the stations it turned away spread out; otherwise exponential backoff with jitter.
- `jittered`: the window's timer interval, ±20 %.
"""

from __future__ import annotations

import random

JITTER = 0.2  # the window's timer: ±20 %
BACKOFF_CAP_S = 8.0  # the longest pause of the backoff of its own
RETRY_AFTER_CAP_S = 120.0  # the longest wait a server may ask for: a sync is never held up longer per failure

_rng = random.Random()


def jittered(interval: float, spread: float = JITTER, rng: random.Random = _rng) -> float:
    return interval * (1.0 + spread * (2.0 * rng.random() - 1.0))


def retry_delay(failures: int, base_s: float, retry_after_s: float | None = None,
                rng: random.Random = _rng) -> float:
    """Seconds to wait after the `failures`-th failure in a row (1 for the first)."""
    if retry_after_s is not None and retry_after_s >= 0:
        return float(min(RETRY_AFTER_CAP_S, retry_after_s) * (1.0 + JITTER * rng.random()))
    return float(min(BACKOFF_CAP_S, base_s * 2 ** min(max(failures, 1) - 1, 6)) * (0.5 + rng.random()))


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (the form this server sends); an HTTP date or nonsense counts as absent."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if 0 <= seconds < float("inf") else None
